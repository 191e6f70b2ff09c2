"""The import page: upload, check the guessed column map, preview a dry run, then import.

It calls the very pipeline the CLI uses (``import_file``), so a list imported here and one imported
with ``tergeu import`` are read identically. The uploaded file is kept under TERGEU_HOME/uploads,
named by its SHA-256, between the preview and the import.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from tergeu.accounts.access import requires
from tergeu.accounts.roles import IMPORT_LISTS
from tergeu.casualties.importing.columnmap import DATE_ORDERS, NAME_ORDERS, ColumnMap
from tergeu.casualties.importing.pipeline import ImportOptions, ImportReport, import_file
from tergeu.casualties.importing.readers import open_table
from tergeu.casualties.importing.table import ImportProblem
from tergeu.core.fields import FIELDS, guess_columns
from tergeu.provenance.models import ImportedList, Reliability, SourceKind, Status

SESSION_KEY = "tergeu_pending_upload"


class UploadForm(forms.Form):
    file = forms.FileField(label=_("List file (CSV, XLSX or JSON)"))
    list_name = forms.CharField(label=_("List name"), max_length=200)
    source_name = forms.CharField(label=_("Source (default: the list name)"), max_length=200, required=False)
    source_kind = forms.ChoiceField(label=_("Kind of source"), choices=SourceKind.choices, initial=SourceKind.OTHER)
    reliability = forms.ChoiceField(label=_("Reliability"), choices=[("", "—"), *Reliability.choices],
                                    required=False)
    status = forms.ChoiceField(label=_("Status of the facts"), choices=Status.choices, initial=Status.PENDING)


def _save_upload(upload) -> Path:
    data = upload.read()
    folder = settings.TERGEU_HOME / "uploads" / hashlib.sha256(data).hexdigest()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / Path(upload.name).name
    path.write_bytes(data)
    return path


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
    return render(request, "casualties/import.html", context)


@requires(IMPORT_LISTS)
def import_page(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        request.session.pop(SESSION_KEY, None)
        return _render(request, UploadForm())
    if request.POST.get("step") in ("preview", "import") and SESSION_KEY in request.session:
        return _preview_or_import(request, request.session[SESSION_KEY])
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, form)
    path = _save_upload(form.cleaned_data["file"])
    pending = {key: form.cleaned_data[key] for key in ("list_name", "source_name", "source_kind", "reliability",
                                                          "status")}
    pending["path"] = str(path)
    try:
        table = open_table(path, path.read_bytes())
    except ImportProblem as exc:
        return _render(request, form, problem=str(exc))
    pending["headers"] = table.headers
    request.session[SESSION_KEY] = pending
    column_map = ColumnMap(guess_columns(table.headers), guessed=True)
    return _dry_run(request, form, pending, column_map)


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
        return _render(request, form, pending, report)
    request.session.pop(SESSION_KEY, None)
    if report.already_imported_as:
        return redirect("tg-list", list_id=ImportedList.objects.get(name=report.already_imported_as).pk)
    return redirect("tg-list", list_id=report.imported_list_id)
