"""Store the people a linkage run found: memberships, stable ids, preferred names, best-supported facts.

A person's facts are stored as ``Claim`` rows about the person, one per record stating the chosen value,
so each is cited (record → list → source) with that list's confidence and status. They are derived:
a run rewrites the claims of each person whose claims it changes (with no history entry each: the run
is their history), and leaves the others alone, so a relink that finds the same people writes little.
Shown to a viewer who may not see every list, a person is recomputed from the visible records only
(``person_as_seen``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, QuerySet
from django.utils import timezone

from tergeu.core.linkage import (
    Cluster,
    NamedRecord,
    SupportedFact,
    best_supported_facts,
    comparable_place,
    doubts,
    preferred_names,
)
from tergeu.history.tracking import delete_derived
from tergeu.linkage.bulk import insert_rows, update_rows
from tergeu.linkage.models import LinkageRun, Membership, Person
from tergeu.linkage.withholding import carry_over
from tergeu.provenance.models import Claim
from tergeu.registry.models import Record

# Names have their own consolidation (preferred names); list row numbers and notes are about records.
NOT_PERSON_FACTS = frozenset({"full_name", "family_name", "given_name", "patronymic", "source_record_id", "notes"})
FOLDED = {"place_of_death": comparable_place, "region": comparable_place}  # spellings of one place count together
WEIGHT_OF_CONFIDENCE = {"high": 2.0, "medium": 1.0, "low": 0.5}
DISPLAY_SCRIPTS = ("kk-cyrl", "ru-cyrl", "latn")  # the order a display name is chosen in, when several exist
BATCH = 2000
PERSON_FIELDS = ("display_name", "names", "lists", "cohesion", "suspicious", "reasons")  # what a run sets
CLAIM_FIELDS = ("field", "value", "source_id", "record_id", "confidence", "status", "note")
ClaimRow = tuple[str, str, int, int, str, str, str]  # a person's fact claim, as CLAIM_FIELDS


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


def store_all(clusters: list[Cluster], by_id: dict[int, Record], run: LinkageRun,
              current: dict[int, int] | None = None) -> int:
    """A full run: every cluster becomes a person (keeping ids); people left without records are retired.

    Only what changed is written (people, their claims, memberships), so a relink that finds the people
    it found before reads them back instead of rewriting every row; each membership is stamped with this
    run all the same. ``current`` is every record's person before the run (read here if not given).
    Returns how many people the run stored.
    """
    if current is None:
        current = dict(Membership.objects.values_list("record_id", "person_id"))
    continued = continuing_people(clusters, current)
    people = _write_people(clusters, continued, [[by_id[r] for r in cluster.records] for cluster in clusters])
    Membership.objects.update(run=run)
    _write_memberships([(r, person) for cluster, person in zip(clusters, people, strict=True)
                        for r in cluster.records], current, run)
    gone = list(Person.objects.filter(memberships__isnull=True, retired_at__isnull=True).values_list("pk", flat=True))
    _delete_claims_of(gone)  # a retired person states no facts: its records' people do
    now = {record: person for cluster, person in zip(clusters, people, strict=True) for record in cluster.records}
    _retire(gone, current, now)
    carry_over(current, now)  # a family's wish follows the records, wherever the relink put them
    return len(clusters)


def successors(gone: Iterable[int], before: dict[int, int], after: dict[int, int]) -> dict[int, int | None]:
    """For each person in ``gone``, the person that now holds most of its former records (None: none left).

    ``before`` and ``after`` map records to people; ties go to the smaller person id, so reruns agree.
    """
    held: dict[int, Counter] = {person: Counter() for person in gone}
    for record, person in before.items():
        if person in held and record in after:
            held[person][after[record]] += 1
    return {person: min(counts, key=lambda p: (-counts[p], p)) if counts else None for person, counts in held.items()}


def _retire(gone: list[int], before: dict[int, int], after: dict[int, int]) -> None:
    """Mark ``gone`` people retired, each pointing at its successor; people already pointing at one of
    them now point at that successor too, so a chain of merges stays one step long."""
    if not gone:
        return
    moment = timezone.now()
    following = successors(gone, before, after)
    held: dict[int, list[int]] = {person: [] for person in gone}
    for record, person in before.items():
        if person in held:
            held[person].append(record)
    update_rows(Person, ("merged_into", "retired_at", "former_records"),
                [(p, (following[p], moment, sorted(held[p]))) for p in gone])
    earlier = Person.objects.filter(merged_into__in=gone).values_list("pk", "merged_into_id")
    update_rows(Person, ("merged_into",), [(pk, (following[target],)) for pk, target in earlier])


def store_new(clusters: list[Cluster], by_id: dict[int, Record], person_of: dict[int, int],
              run: LinkageRun) -> int:
    """An incremental run: new records join the person their cluster continues, or a new person.

    Returns how many people gained records (new people included).
    """
    growing = [c for c in clusters if any(r not in person_of for r in c.records)]
    continued = [next((person_of[r] for r in c.records if r in person_of), None) for c in growing]
    kept = frozenset(p for p in continued if p is not None)
    held: dict[int, list[int]] = {}  # every record a continued person already has
    for record, person in person_of.items():
        if person in kept:
            held.setdefault(person, []).append(record)
    fresh = [[r for r in cluster.records if r not in person_of] for cluster in growing]
    groups = [[by_id[r] for r in (held.get(person, []) if person is not None else []) + new]
              for person, new in zip(continued, fresh, strict=True)]
    people = _write_people(growing, continued, groups)
    _write_memberships([(r, person) for new, person in zip(fresh, people, strict=True) for r in new], {}, run)
    return len(people)


def _write_memberships(wanted: list[tuple[int, int]], current: dict[int, int], run: LinkageRun) -> None:
    """Give each record in ``wanted`` (record, person) its person, rewriting only the memberships that moved."""
    moving = [(record, person) for record, person in wanted if current.get(record) != person]
    moved = [record for record, _person in moving if record in current]
    for start in range(0, len(moved), BATCH):  # one DELETE each: memberships keep no history
        Membership.objects.filter(record_id__in=moved[start:start + BATCH]).delete()
    insert_rows(Membership, ("record_id", "person_id", "run_id"), [(*pair, run.pk) for pair in moving])


def _write_people(clusters: list[Cluster], continued: list[int | None], groups: list[list[Record]]) -> list[int]:
    """The person id of each cluster, whose records are ``groups``: people and claims written in chunks.

    A chunk at a time keeps memory flat: its people are consolidated, the new ones created, the continued
    ones updated where a value changed, and their fact claims rewritten where the claims changed.
    """
    ids: list[int] = []
    for start in range(0, len(clusters), BATCH):
        chunk = range(start, min(start + BATCH, len(clusters)))
        found = {i: consolidation(groups[i]) for i in chunk}
        chunk_ids = _save_people([(continued[i], _person_values(clusters[i], found[i])) for i in chunk])
        _write_claims({person: _claim_rows(found[i], groups[i]) for person, i in zip(chunk_ids, chunk, strict=True)})
        ids += chunk_ids
    return ids


def _person_values(cluster: Cluster, found: Consolidation) -> dict[str, Any]:
    return {"display_name": found.display_name, "names": found.names, "lists": found.lists,
            "cohesion": float(cluster.cohesion), "suspicious": bool(cluster.suspicious),
            "reasons": list(cluster.reasons)}


def _save_people(rows: list[tuple[int | None, dict[str, Any]]]) -> list[int]:
    """Create the people without an id, update those whose stored values differ; every id, in order."""
    continuing = [pk for pk, _values in rows if pk is not None]
    stored = {pk: dict(zip(PERSON_FIELDS, values, strict=True))
              for pk, *values in Person.objects.filter(pk__in=continuing).values_list("pk", *PERSON_FIELDS)}
    fresh = [Person(**values) for pk, values in rows if pk is None]
    Person.objects.bulk_create(fresh, batch_size=BATCH)  # ids come back on SQLite 3.35+ and PostgreSQL
    update_rows(Person, PERSON_FIELDS, [(pk, [values[name] for name in PERSON_FIELDS]) for pk, values in rows
                                        if pk is not None and stored.get(pk) != values])
    made = iter(fresh)
    return [pk if pk is not None else next(made).pk for pk, _values in rows]


def _claim_rows(found: Consolidation, records: list[Record]) -> list[ClaimRow]:
    """The claims ``found`` makes: one per record stating a best-supported fact, as ``CLAIM_FIELDS``."""
    by_id = {r.pk: r for r in records}
    return [(fact.field, fact.value, by_id[r].imported_list.source_id, r, by_id[r].imported_list.default_confidence,
             by_id[r].imported_list.default_status, note) for fact, note in found.facts for r in fact.records]


def _write_claims(wanted: dict[int, list[ClaimRow]]) -> None:
    """Make the fact claims about these people (person id → claims) be ``wanted``, touching only those that differ."""
    person_type = ContentType.objects.get_for_model(Person)
    stored: dict[int, list[ClaimRow]] = {}
    for subject, *row in Claim.objects.filter(subject_type=person_type, subject_id__in=list(wanted)).values_list(
            "subject_id", *CLAIM_FIELDS):
        stored.setdefault(subject, []).append(tuple(row))
    stale = [person for person, rows in wanted.items() if sorted(stored.get(person, [])) != sorted(rows)]
    _delete_claims_of([person for person in stale if person in stored])
    insert_rows(Claim, ("subject_type_id", "subject_id", *CLAIM_FIELDS),
                [(person_type.pk, person, *row) for person in stale for row in wanted[person]])


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


def _delete_claims_of(person_ids: list[int]) -> None:
    """Delete the fact claims about these people, in batches under SQLite's limit on query parameters.

    They are derived (each run rewrites them) and were written without history, so they go without it.
    """
    person_type = ContentType.objects.get_for_model(Person)
    for start in range(0, len(person_ids), BATCH):
        delete_derived(Claim.objects.filter(subject_type=person_type, subject_id__in=person_ids[start:start + BATCH]))


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

    pk: int  # for joins inside Tergeu only; pages, the API and exports name the person by ``public_id``
    public_id: str
    display_name: str
    names: dict[str, str]
    lists: list[str]  # the public ids of the lists naming them, in import order
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
    return people_as_seen(Person.objects.filter(pk=person.pk), {person.pk: visible}, with_facts=with_facts)[0]


def people_as_seen(people: QuerySet[Person], visible: dict[int, list[Record]], *,
                   with_facts: bool = False) -> list[PersonSeen]:
    """``person_as_seen`` for many people in three queries, whatever their number (the people index).

    ``visible`` maps each person's id to the records of it the viewer may see; people without any are
    left out. ``people`` is a query, used as a subquery (no list of ids, which SQLite would cap). Records
    should come with their list (``select_related``): the consolidation reads it.
    """
    found = [person for person in people if visible.get(person.pk)]
    totals = dict(Membership.objects.filter(person__in=people.values("pk")).values("person_id")
                  .annotate(n=Count("id")).values_list("person_id", "n"))
    complete = {p.pk for p in found if totals.get(p.pk) == len(visible[p.pk])}
    claims: dict[int, list[tuple[str, str, str, int]]] = {}
    if with_facts and complete:
        person_type = ContentType.objects.get_for_model(Person)
        rows = (Claim.objects.filter(subject_type=person_type, subject_id__in=people.values("pk"))
                .order_by("field", "record_id").values_list("subject_id", "field", "value", "note", "record_id"))
        for subject, *claim in rows:
            if subject in complete:
                claims.setdefault(subject, []).append(tuple(claim))
    return [_stored_as_seen(p, visible[p.pk], claims.get(p.pk, [])) if p.pk in complete
            else _consolidated_as_seen(p, visible[p.pk], with_facts) for p in found]


def _stored_as_seen(person: Person, visible: list[Record], claims: list[tuple[str, str, str, int]]) -> PersonSeen:
    """Nothing hidden: the stored names, reasons and best-supported facts (claims: field, value, note,
    record) of the person; the records stating each are the visible ones (all of them, here)."""
    by_id = {r.pk: r for r in visible}
    best: dict[tuple[str, str, str], list[Record]] = {}
    for field, value, note, record_id in claims:
        if record_id in by_id:
            best.setdefault((field, value, note), []).append(by_id[record_id])
    return PersonSeen(person.pk, person.public_id, person.display_name, dict(person.names), _lists_of(visible),
                      person.suspicious, list(person.reasons), [(*key, cited) for key, cited in best.items()])


def _consolidated_as_seen(person: Person, visible: list[Record], with_facts: bool) -> PersonSeen:
    """Some records hidden: everything consolidated again from the visible ones."""
    found = consolidation(visible)
    by_id = {r.pk: r for r in visible}
    reasons = _doubts_of(visible)
    facts = [(fact.field, fact.value, note, [by_id[r] for r in fact.records]) for fact, note in found.facts]
    return PersonSeen(person.pk, person.public_id, found.display_name, found.names, _lists_of(visible),
                      bool(reasons), reasons, facts if with_facts else [])


def _lists_of(visible: list[Record]) -> list[str]:
    """The public ids of the lists naming the person, in import order (never their keys: finding 16)."""
    return [imported.public_id for imported in sorted({r.imported_list for r in visible}, key=lambda i: i.pk)]


def _doubts_of(records: list[Record]) -> list[str]:
    """The clustering's list-based doubts about ``records`` as one person, worded as clustering words them."""
    names = sorted({r.imported_list.name for r in records})  # lists are grouped by name, as linkage does
    codes = np.array([names.index(r.imported_list.name) for r in records], np.int64)
    one = np.zeros(len(records), np.int64)
    return doubts(one, np.ones(len(records)), codes, names, floor=0.0).get(0, [])


__all__ = ["Consolidation", "PersonSeen", "consolidation", "continuing_people", "people_as_seen",
           "person_as_seen", "person_claims", "store_all", "store_new"]
