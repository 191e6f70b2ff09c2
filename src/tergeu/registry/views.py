"""Registry pages: the searchable list of records and one record with every fact's provenance."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tergeu.accounts.access import can, requires, visible_to
from tergeu.accounts.roles import REVIEW_FACTS, VIEW_HISTORY, VIEW_REGISTRY
from tergeu.history.changes import changes_of
from tergeu.provenance.citations import InvalidCitation
from tergeu.provenance.models import Citation, Source
from tergeu.provenance.vocab import Confidence, Status
from tergeu.registry.access import visible_lists, visible_records
from tergeu.registry.facts import InvalidAssessment, assess, cite_fact, facts_of, history_of_record
from tergeu.registry.labels import derived_label, field_label, name_part_label
from tergeu.registry.names import name_analysis, name_summary
from tergeu.registry.places import place_counts
from tergeu.registry.query import SORTS, RegistryQuery, run_query
from tergeu.toolkit.paging import params_without_page
from tergeu.toolkit.public_ids import is_public_id

PAGE_SIZE = 50


@requires(VIEW_REGISTRY)
def registry(request: HttpRequest) -> HttpResponse:
    query = RegistryQuery.from_params(request.GET)
    page = Paginator(run_query(visible_records(request.user), query), PAGE_SIZE).get_page(request.GET.get("page"))
    lists = visible_lists(request.user)
    context = {
        "page": page, "query": query, "params": params_without_page(request), "sorts": SORTS,
        "lists": lists, "sources": Source.objects.filter(lists__in=lists).distinct(),
        "places": place_counts(visible_records(request.user), get_language()),
        "statuses": Status.choices,
    }
    template = "registry/registry_results.html" if request.headers.get("HX-Request") else "registry/registry.html"
    return render(request, template, context)


@requires(VIEW_REGISTRY)
def record_page(request: HttpRequest, record_id: str) -> HttpResponse:
    record = get_object_or_404(visible_records(request.user), public_id=record_id)
    headers = record.imported_list.report.get("headers", [])
    name = name_analysis(record.facts, record.imported_list.column_map.get("name_order"))
    context = {
        "record": record,
        "facts": [(field_label(f.field), f, _choice_label(Confidence, f.confidence), _choice_label(Status, f.status))
                  for f in facts_of(record, visible_to(request.user, Citation))],
        "raw": list(zip(headers, record.raw, strict=False)),
        "name": _name_rows(name_summary(name)) if name else None,
        "derived": [(derived_label(key), value) for key, value in record.parsed.get("derived", {}).items()],
        "history": _history_rows(history_of_record(record), request.user) if can(request.user, VIEW_HISTORY) else None,
        "can_review": can(request.user, REVIEW_FACTS),
        "confidences": Confidence.choices, "statuses": Status.choices,
        "sources": visible_to(request.user, Source).order_by("name") if can(request.user, REVIEW_FACTS) else (),
    }
    return render(request, "registry/record.html", context)


def _name_rows(summary: dict) -> dict:
    """How the name was read, as (label, value) rows, and its matching key."""
    rows = [(name_part_label(part), value) for part, value in summary.items() if part != "keys"]
    return {"rows": rows, "key": summary.get("keys", {}).get("full", "")}


def _choice_label(choices: type[Confidence] | type[Status], value: str) -> str:
    """The label of a stored choice; a value stored before choices were enforced is shown as it is."""
    return str(dict(choices.choices).get(value, value))


@require_POST
@requires(REVIEW_FACTS)
def assess_fact(request: HttpRequest, record_id: str) -> HttpResponse:
    """Store a reviewer's confidence/status for one fact; a value not offered by the form is a 400."""
    record = get_object_or_404(visible_records(request.user), public_id=record_id)
    field = request.POST.get("field", "")
    if field in record.facts:
        try:
            assess(record, field, confidence=request.POST.get("confidence") or None,
                   status=request.POST.get("status") or None, note=request.POST.get("note", "")[:1000])
        except InvalidAssessment as problem:
            return _refused(request, record.public_id, _("Assessment not stored: %(reason)s.") % {"reason": problem})
    return redirect("registry:record", record_id=record.public_id)


def _refused(request: HttpRequest, record_id: int, message: str) -> HttpResponse:
    """The record page again with ``message``, as a 400: the form asked for something not stored."""
    messages.error(request, message)
    response = record_page(request, record_id)
    response.status_code = 400
    return response


def _date(text: str | None) -> datetime.date | None:
    """An ISO date from a form, or None when left empty; anything else is refused."""
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        raise InvalidCitation(_("dates are written YYYY-MM-DD")) from None


@require_POST
@requires(REVIEW_FACTS)
def cite_fact_view(request: HttpRequest, record_id: str) -> HttpResponse:
    """Cite a further source for one fact (a court document, a medical report); refused input is a 400."""
    record = get_object_or_404(visible_records(request.user), public_id=record_id)
    post = request.POST
    source_id = post.get("source", "")  # its public id
    source = visible_to(request.user, Source).filter(public_id=source_id).first() if is_public_id(source_id) else None
    try:
        if source is None or post.get("field", "") not in record.facts:
            raise InvalidCitation(_("choose one of the record's facts and a source"))
        cite_fact(record, post["field"], source, locator=post.get("locator", ""),
                  confidence=post.get("confidence", ""), status=post.get("status", ""), note=post.get("note", ""),
                  evidence_sha256=post.get("evidence_sha256", "")[:100],
                  valid_from=_date(post.get("valid_from")), valid_to=_date(post.get("valid_to")))
    except InvalidCitation as problem:
        return _refused(request, record.public_id, _("Citation not stored: %(reason)s.") % {"reason": problem})
    return redirect("registry:record", record_id=record.public_id)


def _history_rows(entries: Any, user: Any) -> list[tuple[Any, list]]:
    """Each history entry with its fields as labelled before/after rows (``tergeu.history.changes``)."""
    entries = list(entries)
    changes = changes_of(entries, user)
    return [(entry, changes[entry.pk]) for entry in entries]
