"""Headers every dynamic response gets, and ids in URLs that no row can have.

``SecurityHeadersMiddleware`` sits below WhiteNoise, so static files (htmx, CSS) keep their long cache
and only responses made by Django views get these headers:

- ``Content-Security-Policy``: scripts, styles, images, fonts and requests only from Tergeu itself,
  nothing inline, no plugins, no framing, forms posting only to Tergeu. An injected ``<script>`` or
  ``onclick=`` in a list a hostile source sent therefore does not run, even if escaping ever failed.
- ``Cache-Control: no-store`` (with ``private``, ``no-cache``): pages and API answers name the dead,
  victims and witnesses; no browser cache, proxy or "back" button on a shared computer may keep them
  after sign-out. Every dynamic response gets it, so no view has to remember to ask for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from tergeu.toolkit.params import MAX_ID

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        add_never_cache_headers(response)
        return response


class BoundedIdsMiddleware:
    """An id in the URL (``<int:...>``) beyond 64 bits names nothing: 404, before a view hands it to the
    database driver, which would overflow (a 500) instead of finding no row."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: tuple[Any, ...],
                     kwargs: dict[str, Any]) -> None:
        if any(isinstance(value, int) and value > MAX_ID for value in (*args, *kwargs.values())):
            raise Http404("no such id")
