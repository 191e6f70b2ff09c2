"""Pagination shared by every paginated page: the query string to keep, and the page links template."""

from __future__ import annotations

from django.http import HttpRequest


def params_without_page(request: HttpRequest) -> str:
    """The current filters as a query string, for page and sort links (``page`` itself left out)."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
