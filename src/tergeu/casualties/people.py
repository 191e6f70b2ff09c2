"""Store the people a linkage run found: memberships, stable ids, preferred names, best-supported facts.

A person's facts are stored as ``Claim`` rows about the person, one per record stating the chosen value,
so each is cited (record → list → source) with that list's confidence and status. They are derived:
every run that changes a person's records rewrites that person's claims, and the run is their history.
Shown to a viewer who may not see every list, a person is recomputed from the visible records only
(``person_as_seen``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.contrib.contenttypes.models import ContentType

from tergeu.casualties.models import LinkageRun, Membership, Person
from tergeu.core.linkage.cluster_report import doubts
from tergeu.core.linkage.clustering import Cluster
from tergeu.core.linkage.consolidate import NamedRecord, SupportedFact, best_supported_facts, preferred_names
from tergeu.core.linkage.places import place_key
from tergeu.provenance.models import Claim, Record

# Names have their own consolidation (preferred names); list row numbers and notes are about records.
NOT_PERSON_FACTS = frozenset({"full_name", "family_name", "given_name", "patronymic", "source_record_id", "notes"})
FOLDED = {"place_of_death": place_key, "region": place_key}
WEIGHT_OF_CONFIDENCE = {"high": 2.0, "medium": 1.0, "low": 0.5}
DISPLAY_SCRIPTS = ("kk-cyrl", "ru-cyrl", "latn")  # the order a display name is chosen in, when several exist
BATCH = 2000


def continuing_people(clusters: list[Cluster], current: dict[int, int]) -> list[int | None]:
    """The existing person each cluster continues (most shared records, each person used once)."""
    candidates = []
    for index, cluster in enumerate(clusters):
        counts = Counter(current[r] for r in cluster.records if r in current)
        candidates += [(-shared, index, person) for person, shared in counts.items()]
    chosen: list[int | None] = [None] * len(clusters)
    taken: set[int] = set()
    for _negative_shared, index, person in sorted(candidates):
        if chosen[index] is None and person not in taken:
            chosen[index] = person
            taken.add(person)
    return chosen


def store_all(clusters: list[Cluster], by_id: dict[int, Record], run: LinkageRun) -> int:
    """A full run: every cluster becomes a person (keeping ids), memberships are replaced."""
    current = dict(Membership.objects.values_list("record_id", "person_id"))
    continued = continuing_people(clusters, current)
    people = _people_for(clusters, continued)
    Membership.objects.all().delete()
    Membership.objects.bulk_create([Membership(record_id=r, person=person, run=run)
                                    for cluster, person in zip(clusters, people, strict=True)
                                    for r in cluster.records], batch_size=BATCH)
    gone = list(Person.objects.filter(memberships__isnull=True).values_list("pk", flat=True))
    _delete_claims_of(gone)  # claims point at people generically, so deleting a person leaves them behind
    for start in range(0, len(gone), BATCH):
        Person.objects.filter(pk__in=gone[start:start + BATCH]).delete()
    consolidate(people, {p.pk: [by_id[r] for r in c.records] for c, p in zip(clusters, people, strict=True)})
    return len(clusters)


def store_new(clusters: list[Cluster], by_id: dict[int, Record], person_of: dict[int, int],
              run: LinkageRun) -> int:
    """An incremental run: new records join the person their cluster continues, or a new person.

    Returns how many people gained records (new people included).
    """
    growing = [c for c in clusters if any(r not in person_of for r in c.records)]
    continued = [next((person_of[r] for r in c.records if r in person_of), None) for c in growing]
    people = _people_for(growing, continued)
    Membership.objects.bulk_create([Membership(record_id=r, person=person, run=run)
                                    for cluster, person in zip(growing, people, strict=True)
                                    for r in cluster.records if r not in person_of], batch_size=BATCH)
    members: dict[int, list[Record]] = {p.pk: [] for p in people}  # every record of theirs, old and new
    for person_id, record_id in Membership.objects.filter(person__in=people).values_list("person_id", "record_id"):
        members[person_id].append(by_id[record_id])
    consolidate(people, members)
    return len(people)


def _people_for(clusters: list[Cluster], continued: list[int | None]) -> list[Person]:
    """The Person of each cluster: the continued one (updated) or a new one (created in bulk)."""
    existing = Person.objects.in_bulk([p for p in continued if p is not None])
    people = [existing[p] if p is not None else Person() for p in continued]
    for person, cluster in zip(people, clusters, strict=True):
        person.cohesion, person.suspicious, person.reasons = cluster.cohesion, cluster.suspicious, list(cluster.reasons)
    fresh = [p for p in people if p.pk is None]
    Person.objects.bulk_create(fresh, batch_size=BATCH)  # ids come back on SQLite 3.35+ and PostgreSQL
    Person.objects.bulk_update([p for p in people if p not in fresh], ["cohesion", "suspicious", "reasons"],
                               batch_size=BATCH)
    return people


@dataclass(frozen=True)
class Consolidation:
    """What some records say of their person: computed once over all records for storage, and again over
    the visible ones for a viewer who may not see them all (whose page must not reflect hidden records)."""

    names: dict[str, str]
    display_name: str
    lists: list[int]
    facts: list[tuple[SupportedFact, str]]  # each best-supported fact with its note ("2 of 3 records")


def consolidation(records: Iterable[Record]) -> Consolidation:
    """Preferred names, display name, lists and best-supported facts of ``records`` (list, row order)."""
    records = sorted(records, key=lambda r: (r.imported_list_id, r.row_number))
    named = [NamedRecord(r.pk, r.display_name, r.facts, WEIGHT_OF_CONFIDENCE.get(
        r.imported_list.default_confidence, 1.0)) for r in records]
    names = preferred_names(named)
    facts = [(fact, f"best supported: {len(fact.records)} of {len(records)} records" + (
        f"; {fact.alternatives} other value(s) stated" if fact.alternatives else ""))
        for fact in best_supported_facts(named, skip=NOT_PERSON_FACTS, fold=FOLDED)]
    return Consolidation(names, display_name(names)[:300], sorted({r.imported_list_id for r in records}), facts)


def consolidate(people: Iterable[Person], members: dict[int, list[Record]]) -> None:
    """Names per script, display name, lists and best-supported fact claims of ``people``."""
    people = list(people)
    person_type = ContentType.objects.get_for_model(Person)
    claims = []
    for person in people:
        found = consolidation(members[person.pk])
        person.names, person.display_name, person.lists = found.names, found.display_name, found.lists
        by_id = {r.pk: r for r in members[person.pk]}
        for fact, note in found.facts:
            claims += [Claim(subject_type=person_type, subject_id=person.pk, field=fact.field, value=fact.value,
                             source_id=by_id[r].imported_list.source_id, record=by_id[r],
                             confidence=by_id[r].imported_list.default_confidence,
                             status=by_id[r].imported_list.default_status, note=note) for r in fact.records]
    Person.objects.bulk_update(people, ["names", "display_name", "lists"], batch_size=BATCH)
    _delete_claims_of([p.pk for p in people])
    Claim.objects.bulk_create(claims, batch_size=BATCH)


def _delete_claims_of(person_ids: list[int]) -> None:
    """Delete the fact claims about these people, in batches under SQLite's limit on query parameters."""
    person_type = ContentType.objects.get_for_model(Person)
    for start in range(0, len(person_ids), BATCH):
        Claim.objects.filter(subject_type=person_type, subject_id__in=person_ids[start:start + BATCH]).delete()


def display_name(names: dict[str, str]) -> str:
    """The name to show when one is wanted: the first of Kazakh, Russian, Latin spellings that exists."""
    for script in DISPLAY_SCRIPTS:
        if names.get(script):
            return names[script]
    return next(iter(names.values()), "")


def person_claims(person: Person) -> list[Claim]:
    """The person's best-supported facts, each with the records (and so sources) stating it."""
    person_type = ContentType.objects.get_for_model(Person)
    return list(Claim.objects.filter(subject_type=person_type, subject_id=person.pk)
                .select_related("record__imported_list", "source").order_by("field", "record_id"))


@dataclass(frozen=True)
class PersonSeen:
    """A person as one viewer may see them: every name, fact, count and reason from their visible records.

    What is stored on a person (names, display name, reasons, the claims' "N of M records" notes) was
    computed from all its records; shown to a viewer who may not see some lists, it would leak their
    spellings, names and sizes. So when records are hidden everything is recomputed from the visible ones.
    """

    pk: int
    display_name: str
    names: dict[str, str]
    lists: list[int]
    suspicious: bool
    reasons: list[str]
    best: list[tuple[str, str, str, list[Record]]]  # (field, value, note, visible records stating it)


def person_as_seen(person: Person, visible: list[Record], *, with_facts: bool = False) -> PersonSeen:
    """``person`` seen through ``visible`` (those of its records the viewer may see, at least one).

    When nothing is hidden the stored values are shown, reasons and the weakest-link doubt included.
    Otherwise names and facts are consolidated from the visible records, and reasons are only those the
    visible records give (two of one list, more records than lists): the weakest link was measured over
    every record, so it is not the viewer's to know. ``best`` is filled only ``with_facts`` (a query).
    """
    lists = sorted({r.imported_list_id for r in visible})
    if len(visible) == Membership.objects.filter(person=person).count():
        shown = {r.pk for r in visible}
        best: dict[tuple[str, str, str], list[Record]] = {}
        for claim in person_claims(person) if with_facts else []:
            if claim.record_id in shown:
                best.setdefault((claim.field, claim.value, claim.note), []).append(claim.record)
        return PersonSeen(person.pk, person.display_name, dict(person.names), lists, person.suspicious,
                          list(person.reasons), [(*key, cited) for key, cited in best.items()])
    found = consolidation(visible)
    by_id = {r.pk: r for r in visible}
    reasons = _doubts_of(visible)
    facts = [(fact.field, fact.value, note, [by_id[r] for r in fact.records]) for fact, note in found.facts]
    return PersonSeen(person.pk, found.display_name, found.names, lists, bool(reasons), reasons,
                      facts if with_facts else [])


def _doubts_of(records: list[Record]) -> list[str]:
    """The clustering's list-based doubts about ``records`` as one person, worded as clustering words them."""
    names = sorted({r.imported_list.name for r in records})  # lists are grouped by name, as linkage does
    codes = np.array([names.index(r.imported_list.name) for r in records], np.int64)
    one = np.zeros(len(records), np.int64)
    return doubts(one, np.ones(len(records)), codes, names, floor=0.0).get(0, [])


__all__ = ["Consolidation", "PersonSeen", "consolidate", "consolidation", "continuing_people", "person_as_seen",
           "person_claims", "store_all", "store_new"]
