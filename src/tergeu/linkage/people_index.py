"""The people index: one row per current person, as the viewer's visible records describe them, with facets.

Every row is ``people_as_seen`` of the person (the person page's own view, so a person's facts, names,
lists and flags come only from records the viewer may see), reduced to what the index shows: the
preferred name per script, age, sex, date and place of death (the gazetteer's place, named in the
reader's language), circumstances, how many lists and sources name the person, and review flags.
Facets count the rows left by the other filters' values; each value is a filter of its own.

Rows are computed in a handful of queries for all people at once and filtered in Python: the facts are
per viewer (consolidated from the visible records), so they cannot be filtered in SQL.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Max, QuerySet
from django.utils.translation import gettext_lazy as _

from tergeu.core.places import place_name, region_of, resolve_place
from tergeu.history.models import ChangeEntry
from tergeu.linkage.models import LinkageRun, Membership, Person
from tergeu.linkage.people import people_as_seen
from tergeu.registry.models import ImportedList, Record
from tergeu.registry.places import UNKNOWN_PREFIX

FACETS = ("region", "place", "date", "circumstances", "sex", "age", "list")
AGE_BANDS = ((0, 17, "0–17"), (18, 29, "18–29"), (30, 44, "30–44"), (45, 59, "45–59"), (60, 200, "60+"))
SEX_LABELS = {"M": _("male"), "F": _("female")}
FACET_TITLES = {"region": _("Region"), "place": _("Place of death"), "date": _("Date of death"),
                "circumstances": _("Circumstances"), "sex": _("Sex"), "age": _("Age"), "list": _("List")}
SORTS = ("name", "-name", "date", "-date", "place", "age", "-age", "lists")


@dataclass
class PersonRow:
    """One person of the index, as the viewer may see them."""

    pk: int  # for joins only; the row is named outside Tergeu by ``public_id``
    public_id: str
    display_name: str
    names: dict[str, str]
    facts: dict[str, str]
    cited: dict[str, list[Record]]  # field → the visible records stating its best-supported value
    lists: list[str]  # the public ids of the visible lists naming the person, in import order
    sources: int
    records: int
    suspicious: bool
    reasons: list[str]
    place_value: str = ""  # the place facet's value: a gazetteer key, or "~" and the place as written
    place_label: str = ""
    region_value: str = ""  # the gazetteer key of the region (or city of republican significance) of the place
    region_label: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)

    @property
    def age(self) -> int | None:
        text = self.facts.get("age", "")
        return int(text) if text.isdigit() else None


def age_band(age: int | None) -> str:
    """The band an age falls in ("18–29"); '' when the age is not known."""
    if age is None:
        return ""
    return next((label for low, high, label in AGE_BANDS if low <= age <= high), "")


def people_rows(records: QuerySet[Record], language: str | None) -> list[PersonRow]:
    """Every current person with one of ``records`` (what the viewer may see: ``visible_records``), as
    those records describe them; a few queries in all, whatever the number of people."""
    # what the index reads of a record and its list; the row as imported and the import report stay unread
    records = (records.select_related("imported_list").filter(membership__person__retired_at__isnull=True)
               .defer("raw", "parsed", "name_keys", "imported_list__report", "imported_list__column_map")
               .order_by("imported_list_id", "row_number"))
    visible: dict[int, list[Record]] = defaultdict(list)
    for record in records.annotate(index_person=F("membership__person_id")):
        visible[record.index_person].append(record)
    people = Person.objects.current().filter(memberships__record__in=records.values("pk")).distinct().order_by("pk")
    return [_row(seen, visible[seen.pk], language) for seen in people_as_seen(people, visible, with_facts=True)]


def index_version(records: QuerySet[Record]) -> str:
    """A key that changes whenever ``people_rows(records)`` may: the lists the viewer sees (their scope), the
    records, memberships and current people (imports, linkage runs, undo), and the change log's newest
    entry (every tracked edit: a fact corrected, a list shared or renamed). Six indexed aggregates, so a
    page can keep figures computed from the rows under it instead of rebuilding them on every visit."""
    scope = sorted(records.order_by().values_list("imported_list_id", flat=True).distinct())
    parts = [scope,
             Record.objects.aggregate(n=Count("id"), top=Max("id")),
             Membership.objects.aggregate(n=Count("id"), top=Max("id")),
             Person.objects.current().aggregate(n=Count("id"), top=Max("id")),
             LinkageRun.objects.aggregate(top=Max("id")),
             ChangeEntry.objects.aggregate(top=Max("id"))]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _row(seen: Any, records: list[Record], language: str | None) -> PersonRow:
    facts = {fact_field: value for fact_field, value, _note, _cited in seen.best}
    cited = {fact_field: list(records_of) for fact_field, _value, _note, records_of in seen.best}
    row = PersonRow(seen.pk, seen.public_id, seen.display_name, seen.names, facts, cited, seen.lists,
                    len({r.imported_list.source_id for r in records}), len(records), seen.suspicious, seen.reasons)
    written = facts.get("place_of_death", "")
    place = resolve_place(written)
    row.place_value = place.key if place else (UNKNOWN_PREFIX + written if written else "")
    row.place_label = place.name(language) if place else written
    region = region_of(place.key) if place else None
    row.region_value, row.region_label = (region.key, region.name(language)) if region else ("", "")
    row.facets = {"region": [row.region_value], "place": [row.place_value], "date": [facts.get("date_of_death", "")],
                  "circumstances": [facts.get("circumstances", "")], "sex": [facts.get("sex", "")],
                  "age": [age_band(row.age)], "list": list(seen.lists)}
    return row


def matches(row: PersonRow, filters: Mapping[str, str], skip: str | None = None) -> bool:
    """Whether ``row`` has every filtered value (but the facet ``skip``, whose own counts are being made)."""
    return all(value in row.facets[name] for name, value in filters.items() if value and name != skip)


def filter_rows(rows: Iterable[PersonRow], filters: Mapping[str, str]) -> list[PersonRow]:
    return [row for row in rows if matches(row, filters)]


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def facet_counts(rows: list[PersonRow], filters: Mapping[str, str], labels: Mapping[str, Mapping[str, str]]
                 ) -> dict[str, list[FacetValue]]:
    """Per facet, each value with how many people have it among those the *other* filters leave.

    Counting against the other filters keeps every value of a chosen facet in view with its count, so
    a reader can switch from one place to another without clearing the filter first.
    """
    found: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        counts: Counter[str] = Counter()
        for row in rows:
            if matches(row, filters, skip=name):
                counts.update(value for value in row.facets[name] if value)
        names = labels.get(name, {})
        values = [FacetValue(value, str(names.get(value, value)), n, filters.get(name) == value)
                  for value, n in counts.items()]
        found[name] = sorted(values, key=_facet_order(name))
    return found


def _facet_order(name: str) -> Callable[[FacetValue], Any]:
    if name == "date":
        return lambda v: v.value
    if name == "age":
        order = [label for _low, _high, label in AGE_BANDS]
        return lambda v: order.index(v.value) if v.value in order else len(order)
    return lambda v: (-v.count, v.label)


def facet_labels(rows: list[PersonRow], lists: QuerySet[ImportedList]) -> dict[str, dict[str, str]]:
    """What each facet value reads as: places and regions by name, sexes in words, lists by name."""
    return {
        "place": {row.place_value: row.place_label for row in rows if row.place_value},
        "region": {row.region_value: row.region_label for row in rows if row.region_value},
        "sex": {code: str(label) for code, label in SEX_LABELS.items()},
        "list": dict(lists.values_list("public_id", "name")),
    }


def _sort_value(row: PersonRow, sort: str) -> Any:
    """The value a sort orders by; None when the person's row does not state it."""
    name = sort.lstrip("-")
    if name == "name":
        return row.display_name.casefold() or None
    if name == "place":
        return row.place_label.casefold() or None
    if name == "age":
        return row.age
    if name == "lists":
        return len(row.lists)
    return row.facts.get("date_of_death") or None


def sort_rows(rows: list[PersonRow], sort: str) -> list[PersonRow]:
    """Rows in the order asked for ("-" first: descending; "lists": most lists first); unknown values last,
    ties by name."""
    sort = sort if sort in SORTS else "name"
    descending = sort.startswith("-") or sort == "lists"
    by_name = sorted(rows, key=lambda row: (row.display_name.casefold(), row.public_id))
    known = [row for row in by_name if _sort_value(row, sort) is not None]
    unknown = [row for row in by_name if _sort_value(row, sort) is None]
    return sorted(known, key=lambda row: _sort_value(row, sort), reverse=descending) + unknown


def read_filters(params: Mapping[str, Any]) -> dict[str, str]:
    """The facet filters a query string asks for (unknown parameters ignored, values trimmed and bounded)."""
    return {name: str(params.get(name) or "").strip()[:200] for name in FACETS if params.get(name)}


@dataclass
class IndexView:
    """What the people index shows one viewer: everyone they may see, the filters and sort asked for,
    the people those leave (sorted), and each facet's counts."""

    rows: list[PersonRow]
    filters: dict[str, str]
    sort: str
    shown: list[PersonRow]
    facets: dict[str, list[FacetValue]]
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # ``facet_labels`` over every row
    language: str | None = None

    def filter_label(self, name: str, value: str) -> str:
        """What a chosen filter reads as, whichever people the other filters leave: its label among all
        the viewer's rows, else the gazetteer's name of a place or region key, else the value as given."""
        known = self.labels.get(name, {}).get(value)
        if known:
            return known
        if name in ("place", "region"):
            return value.removeprefix(UNKNOWN_PREFIX) if value.startswith(UNKNOWN_PREFIX) else place_name(
                value, self.language)
        return value

    def chosen(self) -> list[tuple[str, str, str]]:
        """(facet name, its title, the chosen value's label) for every filter asked for, in facet order."""
        return [(name, str(FACET_TITLES[name]), self.filter_label(name, self.filters[name]))
                for name in FACETS if name in self.filters]


def index_view(records: QuerySet[Record], lists: QuerySet[ImportedList], query: Mapping[str, Any],
               language: str | None) -> IndexView:
    """The index for the ``records`` and ``lists`` a viewer may see, as the page, its download and the API
    ask for it (``query``: the filters and ``sort``; an unknown sort is by name)."""
    rows = people_rows(records, language)
    filters = read_filters(query)
    sort = query.get("sort") if query.get("sort") in SORTS else "name"
    shown = sort_rows(filter_rows(rows, filters), sort)
    labels = facet_labels(rows, lists)
    return IndexView(rows, filters, sort, shown, facet_counts(rows, filters, labels), labels, language)
