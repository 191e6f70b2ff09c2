"""Import a list file over HTTP, through the same pipeline (and the same dry run) as ``tergeu import``.

The upload is written to a temporary directory under its own file name, because the pipeline reads a
path, guesses the format partly from the extension, and records the file name with the list; the
directory goes when the request ends, dry run or not.

The caller's capability is checked as part of authentication, before Ninja validates the form, so a
caller who may not import learns nothing from validation errors (they get the same 404 as for an
endpoint that does not exist). The upload size limit (``TERGEU_MAX_UPLOAD_MB``) is put in place before
anything reads the body, and an upload over it is a 413 naming the file.
"""

import functools
import json
from collections.abc import Callable
from typing import Annotated, Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import File, Form, Router, UploadedFile
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.responses import Status

from tergeu.accounts import api_auth as auth
from tergeu.accounts.access import can, require
from tergeu.accounts.roles import IMPORT_LISTS
from tergeu.core.fields import field_names
from tergeu.history.tracking import acting_as
from tergeu.registry.importing.columnmap import ColumnMap
from tergeu.registry.importing.pipeline import ImportOptions, import_file
from tergeu.registry.importing.table import ImportProblem
from tergeu.registry.importing.uploads import discard_upload, limit_uploads, safe_file_name, save_upload
from tergeu.registry.schemas import DateOrder, ImportReportOut, NameOrder, ReliabilityGrade, SourceKindName
from tergeu.toolkit.api import ERROR_RESPONSES, ErrorOut, ValidationErrorOut

router = Router(tags=["import"])

# Form fields cannot carry null, so an optional one is "" when absent (and the schema says so).
NAME_PATTERN = r"^[^\x00-\x1f]*\S[^\x00-\x1f]*$"  # printable text, not blank
OPTIONAL_NAME_PATTERN = f"^({NAME_PATTERN[1:-1]})?$"


def _column_map(text: str, name_order: str, date_order: str) -> ColumnMap | None:
    """The ``column_map`` form field, JSON ``{field: header}``, as the pipeline's map (None: guess)."""
    if not text:
        if name_order or date_order:
            raise HttpError(400, "name_order and date_order need a column_map")
        return None
    try:
        columns = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HttpError(400, f"column_map is not valid JSON: {exc.msg} at position {exc.pos}") from None
    except RecursionError:
        raise HttpError(400, "column_map is nested too deeply; it is one flat JSON object") from None
    if not isinstance(columns, dict) or not columns or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in columns.items()):
        raise HttpError(400, 'column_map must be a JSON object of field names to headers, e.g. '
                             '{"full_name": "ФИО", "date_of_death": "Дата гибели"}')
    unknown = sorted(set(columns) - set(field_names()))
    if unknown:
        raise HttpError(400, f"column_map names unknown field(s) {', '.join(unknown)}; "
                             f"known: {', '.join(field_names())}")
    return ColumnMap(columns, name_order or None, date_order or "dmy")


def _run(upload: UploadedFile, options: ImportOptions, user: Any) -> Status:
    """Import the upload from a private copy (``save_upload``), deleted when the request ends."""
    name = safe_file_name(upload.name)
    path = None
    try:
        path = save_upload(upload, settings.TERGEU_HOME)
        with acting_as(user.get_username(), user):
            report = import_file(path, options)
    except ImportProblem as exc:
        raise HttpError(400, f"{name}: {exc.message}") from None
    finally:
        discard_upload(path, settings.TERGEU_HOME)
    body = {**report.as_json(), "file": name, "imported_list_id": report.imported_list_public_id}
    return Status(200 if report.ok or report.dry_run else 422, body)


def _importer(user: Any) -> Any:
    """``user`` if one of their roles may import; else 404, as from an endpoint that does not exist."""
    if user and not can(user, IMPORT_LISTS):
        raise Http404("not found")
    return user


class TokenAuth(auth.TokenAuth):
    """The API token, for importers only (same name: the OpenAPI security scheme is the shared one)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return _importer(super().authenticate(request, token))


class SessionAuth(auth.SessionAuth):
    """The session, for importers only; checked before the CSRF check, which reads the body."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if request.user.is_authenticated:
            _importer(request.user)
        return super()._get_key(request)


def _limited(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Ninja's operation with the upload size limit in front; an upload over it answers 413."""

    @functools.wraps(run)
    def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        limit = limit_uploads(request)
        response = run(request, *args, **kwargs)
        if limit.problem is not None and response.status_code == 422:  # 422: the file cut off is "missing"
            return JsonResponse({"detail": str(limit.problem)}, status=413)
        return response

    return limited


# 403: a session request without its CSRF token. 422: either the report of a file whose cells failed,
# or the usual invalid-request error.
# 413: the file is over the import size limit.
@router.post("", response={**ERROR_RESPONSES, 200: ImportReportOut, 400: ErrorOut, 403: ErrorOut, 413: ErrorOut,
                           422: ImportReportOut | ValidationErrorOut},
             auth=[TokenAuth(), SessionAuth()], summary="Import a list file (CSV, XLSX or JSON)")
@decorate_view(_limited)
def import_list(
    request: HttpRequest,
    file: Annotated[UploadedFile, File(..., description="the list file (CSV, XLSX or JSON)")],
    list_name: Annotated[str, Form(..., min_length=1, max_length=200, pattern=NAME_PATTERN,
                                   description="a new, unique name for the list")],
    source_name: Annotated[str, Form("", max_length=200, pattern=OPTIONAL_NAME_PATTERN,
                                     description="default: the list name; an existing source is reused")] = "",
    source_kind: Annotated[SourceKindName, Form("other", description="for a new source")] = "other",
    reliability: Annotated[ReliabilityGrade, Form("", description="for a new source: A (best) to E")] = "",
    dry_run: Annotated[bool, Form(False, description="read, check and preview the file; write nothing")] = False,
    one_per_person: Annotated[bool, Form(False, description=(
        "the list names each person at most once: linkage never joins two of its rows"))] = False,
    column_map: Annotated[str, Form("", max_length=10_000, description=(
        'JSON {"field": "header"}, e.g. {"full_name": "ФИО"}; default: guessed from the headers'))] = "",
    name_order: Annotated[NameOrder, Form("", description="with column_map: order of full names")] = "",
    date_order: Annotated[DateOrder, Form("", description="with column_map: day or month first")] = "",
) -> Status:
    """200 with the report when it imported (or it was a dry run), 422 with it when cells failed."""
    user = require(request, IMPORT_LISTS)
    options = ImportOptions(
        list_name=list_name.strip(), source_name=source_name.strip() or None,
        source_kind=source_kind, reliability=reliability, dry_run=dry_run, one_per_person=one_per_person,
        column_map=_column_map(column_map, name_order, date_order),
    )
    return _run(file, options, user)
