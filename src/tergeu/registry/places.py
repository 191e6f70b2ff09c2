"""Places of death as the gazetteer knows them: keys, counts by place, the unknown places to review.

Each record keeps its place as the list wrote it (``Record.place``) and the gazetteer's key for it
(``Record.place_key``, set at import). Pages, facets and filters group by the key, so "Алматы",
"г. Алматы" and "Almaty" count as one place; a place the gazetteer does not know keeps its written form
and is listed for review (``unknown_places``, ``tergeu places --unknown``, the places page).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from tergeu.core.places import place, resolve_key
from tergeu.registry.models import Record

UNKNOWN_PREFIX = "~"  # a filter value "~Springfield" is a place as written, not a key


@dataclass(frozen=True)
class PlaceCount:
    """One place with how many records (or people) name it: a gazetteer key, or a place as written."""

    value: str  # the filter value: a key ("almaty") or "~" + the place as written
    label: str
    count: int
    known: bool


def place_label(key: str, written: str, language: str | None) -> str:
    """The gazetteer's name for ``key`` in the reader's language, else the place as written."""
    found = place(key)
    return found.name(language) if found else written


def place_filter_value(key: str, written: str) -> str:
    return key if key else UNKNOWN_PREFIX + written


def filter_by_place(records: QuerySet[Record], value: str, prefix: str = "") -> QuerySet[Record]:
    """Records at one place: a gazetteer key (every spelling of it), or "~" and a place as written.

    A bare value that is not a key is read as written too (links and API calls made before keys).
    ``prefix`` reaches the record through a relation ("records__" from people).
    """
    if value.startswith(UNKNOWN_PREFIX):
        return records.filter(**{f"{prefix}place": value[1:], f"{prefix}place_key": ""})
    if place(value) is not None:
        return records.filter(**{f"{prefix}place_key": value})
    return records.filter(**{f"{prefix}place": value})


def place_counts(records: QuerySet[Record], language: str | None, limit: int | None = None) -> list[PlaceCount]:
    """Records per place, most first: known places merged by key, unknown ones by their written form."""
    rows = (records.exclude(place="").values("place_key", "place").annotate(n=Count("id")).order_by())
    merged: dict[str, list] = {}
    for row in rows:
        value = place_filter_value(row["place_key"], row["place"])
        entry = merged.setdefault(value, [place_label(row["place_key"], row["place"], language), 0,
                                          bool(row["place_key"])])
        entry[1] += row["n"]
    counted = sorted((PlaceCount(value, label, n, known) for value, (label, n, known) in merged.items()),
                     key=lambda c: (-c.count, c.label))
    return counted[:limit] if limit is not None else counted


def unknown_places(records: QuerySet[Record]) -> list[tuple[str, int]]:
    """Places as written that the gazetteer does not know, with how many records name each, most first."""
    rows = (records.exclude(place="").filter(place_key="").values("place").annotate(n=Count("id"))
            .order_by("-n", "place"))
    return [(row["place"], row["n"]) for row in rows]


def refresh_place_keys() -> int:
    """Recompute every record's place key (after the gazetteer changed); returns how many records changed.

    One query per distinct place as written: lists repeat a few dozen spellings over many rows.
    """
    changed = 0
    written_places = Record.objects.values_list("place", flat=True).order_by().distinct()
    for written in list(written_places):
        key = resolve_key(written)
        changed += Record.objects.filter(place=written).exclude(place_key=key).update(place_key=key)
    return changed
