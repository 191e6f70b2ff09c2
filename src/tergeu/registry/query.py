"""The registry query: filters, name search and sorting, shared by the registry page and the API.

Filters use the record's indexed columns (``place_key``, ``place``, ``death_date``) where they can; a name query goes
through ``tergeu.registry.search`` and is ranked, other sorts are done by the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from tergeu.provenance.models import Claim
from tergeu.registry.models import Record
from tergeu.registry.places import filter_by_place
from tergeu.registry.search import RANKING_EXTRA, RankedRecords, rank
from tergeu.toolkit.public_ids import is_public_id

SORTS = {
    "list": ("imported_list_id", "row_number"),
    "name": ("display_name", "id"),
    "-name": ("-display_name", "-id"),
    "date": ("death_date", "id"),
    "-date": ("-death_date", "-id"),
    "place": ("place", "id"),
    "-place": ("-place", "-id"),
}


@dataclass
class RegistryQuery:
    q: str = ""
    place: str = ""
    date_from: str = ""
    date_to: str = ""
    circumstances: str = ""
    status: str = ""
    source: str | None = None  # the source's public id
    list: str | None = None  # the list's public id
    sort: str = "list"

    @classmethod
    def from_params(cls, params: dict) -> RegistryQuery:
        sort = params.get("sort") or ""
        if sort not in SORTS:
            sort = "" if params.get("q") else "list"  # a name query is ranked unless a sort is asked for
        return cls(
            q=(params.get("q") or "").strip(), place=(params.get("place") or "").strip(),
            date_from=(params.get("date_from") or "").strip(), date_to=(params.get("date_to") or "").strip(),
            circumstances=(params.get("circumstances") or "").strip(), status=(params.get("status") or "").strip(),
            source=_public_id(params.get("source")), list=_public_id(params.get("list")), sort=sort,
        )


def _public_id(value: str | None) -> str | None:
    """A filter names a list or source by its public id; anything else (a pk included) is ignored."""
    value = (value or "").strip()
    return value if is_public_id(value) else None


def _with_status(records: QuerySet[Record], status: str) -> QuerySet[Record]:
    """Records with at least one fact of this status: by their list's default or by an assessment."""
    assessed = Claim.objects.filter(subject_type=ContentType.objects.get_for_model(Record), status=status)
    return records.filter(Q(imported_list__default_status=status) | Q(pk__in=assessed.values("subject_id")))


def _in_range(records: QuerySet[Record], start: str, end: str) -> QuerySet[Record]:
    """Death dates are ISO text of the precision the list gave ("2022-01-05", "2022-01", "2022"), so a
    range keeps every record whose date *may* fall inside it: "2022-01" matches a range from 2022-01-20."""
    if not start and not end:
        return records
    records = records.exclude(death_date="")
    if start:
        records = records.filter(Q(death_date__gte=start) | Q(death_date__in=[start[:4], start[:7]]))
    if end:
        records = records.filter(death_date__lte=end)  # "2022-01" sorts before "2022-01-31"
    return records


def filter_records(records: QuerySet[Record], query: RegistryQuery) -> QuerySet[Record]:
    if query.place:
        # a gazetteer key (every spelling of the place) or "~" and a place as written: index lookups
        records = filter_by_place(records, query.place)
    records = _in_range(records, query.date_from, query.date_to)
    if query.circumstances:
        records = records.filter(facts__circumstances__icontains=query.circumstances)
    if query.status:
        records = _with_status(records, query.status)
    if query.source is not None:
        records = records.filter(imported_list__source__public_id=query.source)
    if query.list is not None:
        records = records.filter(imported_list__public_id=query.list)
    return records


# Positions of the sort columns in the rows ``rank`` sorts: (id, display_name, name_keys, *RANKING_EXTRA).
_RANK_COLUMNS = {"id": 0, "display_name": 1, **{name: 3 + i for i, name in enumerate(RANKING_EXTRA)}}


def _hit_order(sort: str):
    """A sort key over ranking rows for an explicit sort of search hits (descending handled by negation)."""
    columns = [(_RANK_COLUMNS[f.lstrip("-")], f.startswith("-")) for f in SORTS[sort]]

    def key(row: tuple) -> tuple:
        return tuple(_Descending(row[i]) if descending else row[i] for i, descending in columns)

    return key


class _Descending:
    """Wraps a value so that sorting ascending orders it descending (for text as well as numbers)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __lt__(self, other: _Descending) -> bool:
        return other.value < self.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Descending) and other.value == self.value


def run_query(records: QuerySet[Record], query: RegistryQuery) -> QuerySet[Record] | RankedRecords:
    """Filtered, searched and sorted records: a queryset, or ranked hits (loaded a page at a time)."""
    records = filter_records(records, query)
    if query.q:
        return rank(records, query.q, _hit_order(query.sort) if query.sort else None)
    return records.order_by(*SORTS[query.sort or "list"])
