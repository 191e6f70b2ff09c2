"""The reports page and the casualty report's download, for what the reader may see.

The download takes the people index's filters (same names and values, so the index links to it with its
own query string) and builds the report from ``visible_records``, ``visible_lists`` and
``visible_estimates``: a restricted role's report holds only what its pages show. It is written whole to
a temporary file first, then sent, so a failure never sends half a report and a long list stays out of
memory.
"""

from __future__ import annotations

import tempfile

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tergeu.accounts.access import requires
from tergeu.accounts.roles import MANAGE_CASES, VIEW_REGISTRY
from tergeu.estimation.access import visible_estimates
from tergeu.linkage.people_index import FACET_TITLES, FACETS, index_view
from tergeu.registry.access import visible_lists, visible_records
from tergeu.reports.access import visible_report_jobs
from tergeu.reports.casualties import LANGUAGES, casualty_report
from tergeu.reports.jobs import job_file, start_report
from tergeu.reports.render import CONTENT_TYPES, FORMATS, file_name, write_report_bytes


@requires(VIEW_REGISTRY)
def reports_page(request: HttpRequest) -> HttpResponse:
    """The report's filters (the people index's facets, with counts) and its formats."""
    view = index_view(visible_records(request.user), visible_lists(request.user), request.GET, get_language())
    return render(request, "reports/reports.html", {
        "facets": [(name, FACET_TITLES[name], view.facets[name]) for name in FACETS],
        "shown": len(view.shown), "total": len(view.rows), "formats": FORMATS, "language": get_language(),
    })


@requires(VIEW_REGISTRY)
def casualties_download(request: HttpRequest) -> HttpResponse:
    """The list of the dead as PDF, XLSX or CSV, filtered as the people index filters: built in the
    background (a page to wait on, then the file) unless ``TERGEU_BACKGROUND_REPORTS`` is off."""
    fmt = request.GET.get("format", "pdf")
    if fmt not in FORMATS:
        raise Http404("not found")
    language = request.GET.get("language") if request.GET.get("language") in LANGUAGES else get_language()
    user = request.user
    if getattr(settings, "TERGEU_BACKGROUND_REPORTS", True):
        query = {name: value for name, value in request.GET.items() if name not in ("format", "language")}
        job = start_report(user, fmt, language, query)
        return redirect("reports:job", job_id=job.public_id)
    report = casualty_report(visible_records(user), visible_lists(user), visible_estimates(user), request.GET,
                             language)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    write_report_bytes(spool, report, fmt)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=file_name(report, fmt), content_type=CONTENT_TYPES[fmt])


@requires(VIEW_REGISTRY)
def job_page(request: HttpRequest, job_id: str) -> HttpResponse:
    """A report being written (the page reloads itself until it is done), then the link to its file."""
    job = visible_report_jobs(request.user).filter(public_id=job_id).first()
    if job is None:
        raise Http404("not found")
    return render(request, "reports/job.html", {"job": job})


@requires(VIEW_REGISTRY)
def job_download(request: HttpRequest, job_id: str) -> FileResponse:
    """The finished report's file, for the person who asked for it only."""
    job = visible_report_jobs(request.user).filter(public_id=job_id).exclude(finished_at=None).first()
    path = job_file(job) if job is not None and not job.error else None
    if path is None or not path.exists():
        raise Http404("not found")
    return FileResponse(path.open("rb"), as_attachment=True, filename=job.file_name,
                        content_type=CONTENT_TYPES[job.format])


@require_POST
@requires(MANAGE_CASES)
@never_cache
def letter_download(request: HttpRequest, complaint_id: str) -> HttpResponse:
    """A new access code for the complaint, printed in a letter in the chosen language (the old code stops
    working): the code exists only in this answer."""
    from tergeu.cases.access import code_managers
    from tergeu.cases.service import rotate_code
    from tergeu.reports.letter import LANGUAGES as LETTER_LANGUAGES
    from tergeu.reports.letter import letter_pdf
    from tergeu.toolkit.public_ids import get_by_public_id

    user = request.user
    complaint = get_by_public_id(code_managers(user), complaint_id)
    language = request.POST.get("language", "")
    if language not in LETTER_LANGUAGES:
        raise Http404("no such language")
    # The configured public address: a letter printed from an internal URL would be useless (review L10).
    site = settings.TERGEU_STATUS_URL or request.build_absolute_uri(reverse("cases:status"))
    letter: list[bytes] = []  # built inside the rotation: if the PDF fails, the old code stays valid
    rotate_code(complaint, by=user.get_username(), user=user, deliver=lambda code: letter.append(
        letter_pdf(code, language=language, site=site, complaint_date=complaint.received_on)))
    response = HttpResponse(letter[0], content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letter-{language}.pdf"'
    return response
