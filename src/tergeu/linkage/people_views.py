"""People pages: the people index (one row per person, with facets) and a person's page (every spelling of
the name by script, every fact with the records that state it)."""

from __future__ import annotations

import re
from collections import defaultdict

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import get_language, ngettext

from tergeu.accounts.access import can, requires
from tergeu.accounts.roles import VIEW_REGISTRY, WITHHOLD_NAMES
from tergeu.core.names import detect_script
from tergeu.linkage.access import successor_seen_by
from tergeu.linkage.models import Person, WithheldName
from tergeu.linkage.people import person_as_seen
from tergeu.linkage.people_export import FORMATS, as_text, xlsx_bytes
from tergeu.linkage.people_index import FACET_TITLES, FACETS, IndexView, index_view
from tergeu.registry.access import visible_lists, visible_records
from tergeu.registry.labels import field_label

SCRIPT_ORDER = ("kk-cyrl", "ru-cyrl", "latn", "mixed", "unknown")
PAGE_SIZE = 50
DOWNLOAD_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/x-ndjson; charset=utf-8",
                  "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _query_with(params: QueryDict, **changes: str) -> str:
    """The query string with ``changes`` applied (an empty value removes the parameter) and no page."""
    query = params.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query.pop(name, None)
        if value:
            query[name] = value
    return query.urlencode()


def _chosen(request: HttpRequest) -> IndexView:
    """The index as this viewer may see it, with the filters and sort the request asks for."""
    return index_view(visible_records(request.user), visible_lists(request.user), request.GET, get_language())


@requires(VIEW_REGISTRY)
def people_index(request: HttpRequest) -> HttpResponse:
    """One row per current person the viewer may see, facts from visible records only; facets with counts."""
    view = _chosen(request)
    rows, filters, sort, shown, counts = view.rows, view.filters, view.sort, view.shown, view.facets
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    facets = [(name, FACET_TITLES[name], [(value, _query_with(request.GET, **{name: "" if value.selected
                                                                             else value.value}))
                                          for value in counts[name]]) for name in FACETS]
    return render(request, "linkage/people.html", {
        "page": page, "facets": facets, "filters": filters, "sort": sort, "total": len(rows),
        "params": _query_with(request.GET), "unsorted": _query_with(request.GET, sort=""),
        "cleared": [(title, label, _query_with(request.GET, **{name: ""})) for name, title, label in view.chosen()],
    })


def person_summary(records: list) -> tuple[dict[str, list[str]], list[tuple[str, list[tuple[str, list]]]]]:
    """(spellings by script, [(field label, [(value, records stating it)])]) from the person's records.

    Values are grouped as stated, most-supported first, so disagreements between lists stay visible.
    """
    spellings: dict[str, list[str]] = defaultdict(list)
    facts: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        if record.display_name and record.display_name not in spellings[detect_script(record.display_name)]:
            spellings[detect_script(record.display_name)].append(record.display_name)
        for field, value in record.facts.items():
            facts[field][value].append(record)
    ordered_spellings = {script: spellings[script] for script in SCRIPT_ORDER if spellings.get(script)}
    ordered_facts = [(field_label(field), sorted(values.items(), key=lambda item: -len(item[1])))
                     for field, values in facts.items()]
    return ordered_spellings, ordered_facts


@requires(VIEW_REGISTRY)
def people_download(request: HttpRequest) -> HttpResponse:
    """The people the index shows (same filters and order, every page) as CSV, XLSX or JSON lines."""
    fmt = request.GET.get("format", "csv")
    if fmt not in FORMATS:
        raise Http404("not found")
    shown = _chosen(request).shown
    names = dict(visible_lists(request.user).values_list("public_id", "name"))
    if fmt == "xlsx":
        content: bytes | str = xlsx_bytes(shown, names)
    else:
        content = as_text(shown, names, fmt)
    response = HttpResponse(content, content_type=DOWNLOAD_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="people.{"jsonl" if fmt == "json" else fmt}"'
    return response


@requires(VIEW_REGISTRY)
def person_page(request: HttpRequest, person_id: str) -> HttpResponse:
    """The person as the viewer may see them: a person none of whose records they may see does not exist."""
    person = Person.objects.filter(public_id=person_id).first()
    records = list(visible_records(request.user).filter(membership__person=person)
                   .order_by("imported_list_id", "row_number")) if person is not None else []
    if person is None or not records:
        successor = successor_seen_by(request.user, person_id)
        if successor is None:
            raise Http404("not found")
        return redirect("linkage:person", person_id=successor)  # merged by a relink: its records are there now
    spellings, facts = person_summary(records)
    seen = person_as_seen(person, records, with_facts=True)
    return render(request, "linkage/person.html", {
        "person": seen, "records": records, "spellings": spellings, "facts": facts,
        "best": [(field_label(field), value, support_words(note), cited) for field, value, note, cited in seen.best],
        "withheld": WithheldName.objects.filter(person=person).first(),
        "can_withhold": can(request.user, WITHHOLD_NAMES)})


SUPPORT_NOTE = re.compile(r"best supported: (\d+) of (\d+) records(?:; (\d+) other value\(s\) stated)?")


def support_words(note: str) -> str:
    """A fact's support note in the reader's language.

    The note is stored once per fact, in one fixed English form ("best supported: 2 of 3 records; 1 other
    value(s) stated", ``people.consolidation``), because it is data that exports and the API carry as is;
    the page reads it back in words. A note of another form is shown as stored.
    """
    found = SUPPORT_NOTE.fullmatch(note or "")
    if not found:
        return note
    stating, total, others = (int(group) if group else 0 for group in found.groups())
    words = ngettext("best supported: %(stating)d of %(total)d record",
                     "best supported: %(stating)d of %(total)d records", total) % {"stating": stating, "total": total}
    if others:
        words += "; " + ngettext("%(others)d other value stated", "%(others)d other values stated", others) % {
            "others": others}
    return words
