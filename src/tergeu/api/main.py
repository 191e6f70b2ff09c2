"""The API object: routes, authentication, and errors that are always JSON with a ``detail``.

No interactive docs page (``docs_url=None``): Ninja's Swagger page loads its scripts from a CDN, and
Tergeu must work on an air-gapped network. The OpenAPI schema stays public at ``/api/openapi.json``;
it describes the endpoints and holds no data, and client generators fetch it without credentials.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from typing import Any

from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Router
from ninja.errors import AuthenticationError, HttpError, ValidationError

from tergeu.accounts.api_auth import api_auth
from tergeu.cases import api as cases_api
from tergeu.estimation import api as estimation_api
from tergeu.forces import api as forces_api
from tergeu.linkage import api as linkage_api
from tergeu.provenance import api as provenance_api
from tergeu.registry import api as registry_api
from tergeu.registry import import_api
from tergeu.web.busy import RETRY_AFTER_SECONDS, busy_message, is_database_busy
from tergeu.witnesses import api as witnesses_api

logger = logging.getLogger("tergeu.api")

# Operation ids are part of the API's contract (generated clients name their methods after them). They
# were derived from the module each operation lived in before the apps took their routers over; new
# operations get their app's module, as Ninja derives it.
HISTORIC_MODULES = {
    "list_sources": "sources", "get_source": "sources", "list_lists": "lists", "get_list": "lists",
    "list_records": "records", "get_record": "records", "import_list": "imports", "list_people": "people",
    "get_person": "people", "review_queue": "review", "decide": "review", "list_estimates": "estimates",
}


class TergeuAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        name = operation.view_func.__name__
        if name in HISTORIC_MODULES:
            return f"tergeu_api_{HISTORIC_MODULES[name]}_{name}"
        return super().get_openapi_operation_id(operation)


api = TergeuAPI(
    title="Tergeu API",
    version="1",
    description="Casualty registry: sources, imported lists, records, and list import. Authenticate with "
                "`Authorization: Bearer tg_...` (an API token from your account page) or a signed-in session. "
                "Anything you may not see answers 404, exactly like something that does not exist.",
    docs_url=None,
    auth=api_auth,
    urls_namespace="api",
)


def _single_valued_query(view: Callable[..., Any]) -> Callable[..., Any]:
    """Refuse a repeated query parameter: Django would silently keep the last value of ``?list=1&list=2``."""

    @functools.wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        repeated = sorted(name for name, values in request.GET.lists() if len(values) > 1)
        if repeated:
            raise ValidationError([{"type": "repeated", "loc": ["query", name], "msg": "give this parameter once"}
                                   for name in repeated])
        return view(request, *args, **kwargs)

    return checked


# No request Tergeu reads nests deeper than a few levels; 32 leaves room and keeps parsing, validation
# and error messages (which echo the input) far from Python's recursion limit, whatever the thread stack.
MAX_JSON_DEPTH = 32
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(rb"[\[\]{}]")


def json_too_deep(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when ``body`` opens more than ``limit`` arrays/objects inside each other (strings skipped).

    Stops at the first bracket past the limit, so a body nested 200,000 deep costs next to nothing.
    """
    depth = 0
    for bracket in _JSON_BRACKET.finditer(_JSON_STRING.sub(b'""', body)):
        depth += 1 if bracket.group() in (b"[", b"{") else -1
        if depth > limit:
            return True
    return False


def _bounded_json_body(run: Callable[..., Any]) -> Callable[..., Any]:
    """Refuse a JSON body nested deeper than ``MAX_JSON_DEPTH`` with a 400 that says so, before parsing.

    Wraps the whole operation ("view" mode), so it answers itself: no exception handler runs out there.
    """

    @functools.wraps(run)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.content_type == "application/json" and json_too_deep(request.body):
            return _error(request, 400, f"Invalid request: JSON nested deeper than {MAX_JSON_DEPTH} levels.")
        return run(request, *args, **kwargs)

    return checked


api.add_decorator(_single_valued_query)
api.add_decorator(_bounded_json_body, mode="view")
# Each app defines its routers (its ``api`` module); this object only mounts them.
api.add_router("/sources", provenance_api.router)
api.add_router("/lists", registry_api.list_router)
api.add_router("/records", registry_api.record_router)
api.add_router("/import", import_api.router)
api.add_router("/people", linkage_api.people_router)
api.add_router("/people-index", linkage_api.people_index_router)
api.add_router("/review", linkage_api.review_router)
api.add_router("/estimates", estimation_api.router)
api.add_router("/witnesses", witnesses_api.router)
api.add_router("/cases", cases_api.router)
api.add_router("/forces", forces_api.router)


def _error(request: HttpRequest, status: int, detail: str, **extra: Any) -> HttpResponse:
    return api.create_response(request, {"detail": detail, **extra}, status=status)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # one fixed message: the reason (absent, hidden, or a capability the caller lacks) must not leak
    return _error(request, 404, "Not found.")


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    detail = exc.message if exc.message != "Unauthorized" else (
        "Authentication required: send 'Authorization: Bearer <API token>' or sign in.")
    response = _error(request, 401, detail)
    response["WWW-Authenticate"] = 'Bearer realm="tergeu"'
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, exc.message)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
                         for e in exc.errors[:5])
    return _error(request, 422, f"Invalid request: {problems}", errors=[_without_input(e) for e in exc.errors])


def _without_input(error: dict[str, Any]) -> dict[str, Any]:
    """A validation error without the value that was sent: a refused body may hold a protected identity
    (a witness's name sent as a list), and an error answer is logged, cached and shown more freely."""
    return {key: value for key, value in error.items() if key not in ("input", "ctx")}


@api.exception_handler(Exception)
def _crash(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path)
    return _error(request, 500, "Internal server error; the details are in the server log.")


@api.exception_handler(OperationalError)
def _database_error(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    """A database busy with another write (SQLite's lock, a PostgreSQL lock timeout) is a 503: try again."""
    if not is_database_busy(exc):
        return _crash(request, exc)
    logger.warning("database busy on %s %s: %s", request.method, request.path, exc)
    response = _error(request, 503, busy_message())
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


# Registered last so it only gets what no route above matched: a JSON 404, never Django's HTML page.
fallback = Router()
ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


@fallback.api_operation(ALL_METHODS, "", auth=None, include_in_schema=False)
def _root(request: HttpRequest) -> HttpResponse:
    raise Http404("no such endpoint")


@fallback.api_operation(ALL_METHODS, "/{path:rest}", auth=None, include_in_schema=False)
def _unknown(request: HttpRequest, rest: str) -> HttpResponse:
    raise Http404("no such endpoint")


api.add_router("", fallback)
