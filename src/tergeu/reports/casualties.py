"""The casualty report's content: the people a reader may see (the people index, with its filters), the cover's
counts, the latest estimate of the toll the reader may see, and which of its people synthetic (invented) sources
name: that is decided by the report's own people, never by other lists the database holds.

Everything is read through the owning apps' visibility: the caller passes the records, lists and estimates
the reader may see (``visible_records``, ``visible_lists``, ``visible_estimates``), so a restricted role's
report holds only what its pages show. The rows are the people index's own (``linkage.people_index``):
one row per person, facts from visible records only, places merged by the gazetteer.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone, translation

from tergeu.estimation.models import EstimateRun
from tergeu.linkage.people_index import PersonRow, index_view
from tergeu.registry.models import ImportedList, Record

LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class TollEstimate:
    """The latest finished estimate: the total with its 95% interval, the people it starts from, how made."""

    estimate: int
    low: int
    high: int
    observed: int
    method: str
    made_at: datetime.datetime
    left_out: tuple[str, ...] = ()


@dataclass
class CasualtyReport:
    """What every format of the report holds: the rows in order, and the facts of its cover."""

    rows: list[PersonRow]
    visible_people: int  # before the filters
    filters: list[tuple[str, str]]  # (facet title, value as the reader reads it)
    list_names: dict[str, str]  # list public id → list name
    list_sources: dict[str, str]  # list public id → its source's name
    estimate: TollEstimate | None
    synthetic_lists: frozenset[str]  # public ids of the lists whose source is synthetic (invented)
    language: str
    generated_at: datetime.datetime
    counts: dict[str, int] = field(default_factory=dict)

    def sources_of(self, row: PersonRow) -> list[str]:
        """The sources of the lists naming the person, each once, in the lists' import order."""
        return list(dict.fromkeys(self.list_sources.get(list_id, "") for list_id in row.lists))

    def is_synthetic(self, row: PersonRow) -> bool:
        """Whether a synthetic (invented) source names the person, on one of the lists the reader may see."""
        return any(list_id in self.synthetic_lists for list_id in row.lists)

    @property
    def synthetic_people(self) -> int:
        """How many of the report's people a synthetic source names: the watermark and the notice say so."""
        return sum(1 for row in self.rows if self.is_synthetic(row))

    @property
    def synthetic(self) -> bool:
        """Whether the report must be marked synthetic: decided by its own people, not by the database."""
        return self.synthetic_people > 0


def latest_estimate(estimates: QuerySet[EstimateRun]) -> TollEstimate | None:
    """The last estimate that finished without error (a failed one never blanks the figure people quote)."""
    run = estimates.last_good()
    if run is None:
        return None
    result = run.result
    return TollEstimate(round(result["estimate"]), round(result["interval"][0]), round(result["interval"][1]),
                        int(result.get("observed", 0)), run.method, run.created_at,
                        tuple(run.settings.get("left_out_lists", [])))


def _counts(rows: list[PersonRow], list_sources: Mapping[str, str]) -> dict[str, int]:
    sexes = Counter(row.facts.get("sex", "") for row in rows)
    lists = {list_id for row in rows for list_id in row.lists}
    return {
        "people": len(rows), "records": sum(row.records for row in rows), "lists": len(lists),
        "sources": len({list_sources.get(list_id, "") for list_id in lists}),
        "men": sexes["M"], "women": sexes["F"], "sex_unknown": len(rows) - sexes["M"] - sexes["F"],
        "places": len({row.place_value for row in rows if row.place_value}),
        "named_on_several_lists": sum(1 for row in rows if len(row.lists) > 1),
    }


def casualty_report(records: QuerySet[Record], lists: QuerySet[ImportedList], estimates: QuerySet[EstimateRun],
                    query: Mapping[str, Any], language: str) -> CasualtyReport:
    """The report on what the reader may see (``records``, ``lists``, ``estimates``), filtered as ``query``
    filters the people index (same names, same values), in ``language`` (kk, ru or en)."""
    language = language if language in LANGUAGES else "en"
    with translation.override(language):
        view = index_view(records, lists, query, language)
        filters = [(title, label) for _name, title, label in view.chosen()]
    known = list(lists.values_list("public_id", "name", "source__name", "source__is_synthetic"))
    list_sources = {list_id: source for list_id, _name, source, _synthetic in known}
    return CasualtyReport(
        rows=view.shown, visible_people=len(view.rows), filters=filters,
        list_names={list_id: name for list_id, name, _source, _synthetic in known}, list_sources=list_sources,
        estimate=latest_estimate(estimates),
        synthetic_lists=frozenset(list_id for list_id, _name, _source, synthetic in known if synthetic),
        language=language, generated_at=timezone.now(), counts=_counts(view.shown, list_sources),
    )
