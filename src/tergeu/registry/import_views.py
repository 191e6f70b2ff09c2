"""The import page: upload, check the guessed column map, preview a dry run, then import.

It calls the very pipeline the CLI uses (``import_file``), so a list imported here and one imported
with ``tergeu import`` are read identically. The uploaded file is kept in a private folder under
TERGEU_HOME/uploads between the preview and the import, and deleted once imported, when the page is
opened afresh, when it cannot be read, or a day after the upload (``importing.uploads``). The upload
size limit must be in place before anything reads the request body, and Django's CSRF check reads
it, so the page is exempt from the middleware's check and runs the same check itself, afterwards.
"""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from tergeu.accounts.access import requires
from tergeu.accounts.roles import IMPORT_LISTS
from tergeu.core.fields import FIELDS, guess_columns
from tergeu.provenance.vocab import Reliability, SourceKind, Status
from tergeu.registry.importing.columnmap import DATE_ORDERS, NAME_ORDERS, ColumnMap
from tergeu.registry.importing.limits import read_limited
from tergeu.registry.importing.pipeline import ImportOptions, ImportReport, import_file
from tergeu.registry.importing.readers import open_table
from tergeu.registry.importing.table import ImportProblem
from tergeu.registry.importing.uploads import (
    SizeLimitHandler,
    discard_upload,
    limit_uploads,
    purge_stale_uploads,
    save_upload,
)
from tergeu.registry.models import ImportedList

SESSION_KEY = "tergeu_pending_upload"


class UploadForm(forms.Form):
    file = forms.FileField(label=_("List file (CSV, XLSX or JSON)"))
    list_name = forms.CharField(label=_("List name"), max_length=200)
    source_name = forms.CharField(label=_("Source (default: the list name)"), max_length=200, required=False)
    source_kind = forms.ChoiceField(label=_("Kind of source"), choices=SourceKind.choices, initial=SourceKind.OTHER)
    reliability = forms.ChoiceField(label=_("Reliability"), choices=[("", "—"), *Reliability.choices],
                                    required=False)
    status = forms.ChoiceField(label=_("Status of the facts"), choices=Status.choices, initial=Status.PENDING)


def _map_from_post(request: HttpRequest, headers: list[str]) -> ColumnMap:
    columns = {spec.name: request.POST[f"map_{spec.name}"] for spec in FIELDS
               if request.POST.get(f"map_{spec.name}") in headers}
    name_order = request.POST.get("name_order") if request.POST.get("name_order") in NAME_ORDERS else None
    date_order = request.POST.get("date_order") if request.POST.get("date_order") in DATE_ORDERS else "dmy"
    return ColumnMap(columns, name_order, date_order)


def _options(pending: dict, column_map: ColumnMap, dry_run: bool) -> ImportOptions:
    return ImportOptions(
        list_name=pending["list_name"], source_name=pending["source_name"] or None,
        source_kind=pending["source_kind"], reliability=pending["reliability"], status=pending["status"],
        column_map=column_map, dry_run=dry_run,
    )


def _render(request: HttpRequest, form: UploadForm, pending: dict | None = None,
            report: ImportReport | None = None, problem: str = "") -> HttpResponse:
    context = {"form": form, "pending": pending, "report": report, "problem": problem, "fields": FIELDS,
               "name_orders": NAME_ORDERS, "date_orders": DATE_ORDERS}
    return render(request, "registry/import.html", context)


@csrf_exempt  # checked by _import_page, once the size limit guards the body (see the module's docstring)
@requires(IMPORT_LISTS)
def import_page(request: HttpRequest) -> HttpResponse:
    purge_stale_uploads(settings.TERGEU_HOME)
    return _import_page(request, limit_uploads(request))


@csrf_protect
def _import_page(request: HttpRequest, limit: SizeLimitHandler) -> HttpResponse:
    if request.method != "POST":
        _forget_pending(request)
        return _render(request, UploadForm())
    step = request.POST.get("step")  # reads the body, through the size limit
    if limit.problem is not None:
        return _render(request, UploadForm(initial=request.POST.dict()), problem=str(limit.problem))
    if step in ("preview", "import") and SESSION_KEY in request.session:
        return _preview_or_import(request, request.session[SESSION_KEY])
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, form)
    _forget_pending(request)
    try:
        path = save_upload(form.cleaned_data["file"], settings.TERGEU_HOME)
    except ImportProblem as exc:
        return _render(request, form, problem=str(exc))
    pending = {key: form.cleaned_data[key] for key in ("list_name", "source_name", "source_kind", "reliability",
                                                          "status")}
    pending["path"] = str(path)
    try:
        table = open_table(path, read_limited(path))
    except ImportProblem as exc:
        discard_upload(path, settings.TERGEU_HOME)  # refused: nothing to come back to
        return _render(request, form, problem=str(exc))
    pending["headers"] = table.headers
    request.session[SESSION_KEY] = pending
    column_map = ColumnMap(guess_columns(table.headers), guessed=True)
    return _dry_run(request, form, pending, column_map)


def _forget_pending(request: HttpRequest) -> None:
    """Drop the upload awaiting its import (the user started over): its file is deleted."""
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        discard_upload(pending.get("path"), settings.TERGEU_HOME)


def _dry_run(request: HttpRequest, form: UploadForm, pending: dict, column_map: ColumnMap) -> HttpResponse:
    pending["columns"] = column_map.columns
    pending["name_order"], pending["date_order"] = column_map.name_order, column_map.date_order
    request.session[SESSION_KEY] = pending
    try:
        report = import_file(Path(pending["path"]), _options(pending, column_map, dry_run=True))
    except ImportProblem as exc:
        return _render(request, form, pending, problem=str(exc))
    return _render(request, form, pending, report)


def _preview_or_import(request: HttpRequest, pending: dict) -> HttpResponse:
    column_map = _map_from_post(request, pending["headers"])
    form = UploadForm(initial=pending)
    if request.POST["step"] == "preview":
        return _dry_run(request, form, pending, column_map)
    try:
        report = import_file(Path(pending["path"]), _options(pending, column_map, dry_run=False))
    except ImportProblem as exc:
        return _render(request, form, pending, problem=str(exc))
    if not report.ok:
        return _render(request, form, pending, report)  # kept for another try with another map
    _forget_pending(request)
    if report.already_imported_as:
        return redirect("registry:list", list_id=ImportedList.objects.get(name=report.already_imported_as).public_id)
    return redirect("registry:list", list_id=report.imported_list_public_id)
