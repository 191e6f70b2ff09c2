"""The reports page and the casualty report's download, for what the reader may see.

The download takes the people index's filters (same names and values, so the index links to it with its
own query string) and builds the report from ``visible_records``, ``visible_lists`` and
``visible_estimates``: a restricted role's report holds only what its pages show. It is written whole to
a temporary file first, then sent, so a failure never sends half a report and a long list stays out of
memory.
"""

from __future__ import annotations

import io
import tempfile

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from tergeu.accounts.access import requires
from tergeu.accounts.roles import VIEW_REGISTRY
from tergeu.estimation.access import visible_estimates
from tergeu.linkage.people_index import FACET_TITLES, FACETS, index_view
from tergeu.registry.access import visible_lists, visible_records
from tergeu.reports.casualties import LANGUAGES, casualty_report
from tergeu.reports.render import CONTENT_TYPES, FORMATS, file_name, write_report


@requires(VIEW_REGISTRY)
def reports_page(request: HttpRequest) -> HttpResponse:
    """The report's filters (the people index's facets, with counts) and its formats."""
    view = index_view(visible_records(request.user), visible_lists(request.user), request.GET, get_language())
    return render(request, "reports/reports.html", {
        "facets": [(name, FACET_TITLES[name], view.facets[name]) for name in FACETS],
        "shown": len(view.shown), "total": len(view.rows), "formats": FORMATS, "language": get_language(),
    })


@requires(VIEW_REGISTRY)
def casualties_download(request: HttpRequest) -> FileResponse:
    """The list of the dead as PDF, XLSX or CSV, filtered as the people index filters."""
    fmt = request.GET.get("format", "pdf")
    if fmt not in FORMATS:
        raise Http404("not found")
    language = request.GET.get("language") if request.GET.get("language") in LANGUAGES else get_language()
    user = request.user
    report = casualty_report(visible_records(user), visible_lists(user), visible_estimates(user), request.GET,
                             language)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    if fmt == "csv":
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="", write_through=True)
        write_report(text, report, fmt)
        text.detach()
    else:
        write_report(spool, report, fmt)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=file_name(report, fmt), content_type=CONTENT_TYPES[fmt])
