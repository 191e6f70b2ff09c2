"""Store the people a linkage run found: memberships, stable ids, preferred names, best-supported facts.

A person's facts are stored as ``Claim`` rows about the person, one per record stating the chosen value,
so each is cited (record → list → source) with that list's confidence and status. They are derived:
every run that changes a person's records rewrites that person's claims, and the run is their history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType

from tergeu.casualties.models import LinkageRun, Membership, Person
from tergeu.core.linkage.clustering import Cluster
from tergeu.core.linkage.consolidate import NamedRecord, best_supported_facts, preferred_names
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
    Person.objects.filter(memberships__isnull=True).delete()
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


def consolidate(people: Iterable[Person], members: dict[int, list[Record]]) -> None:
    """Names per script, display name, lists and best-supported fact claims of ``people``."""
    people = list(people)
    person_type = ContentType.objects.get_for_model(Person)
    claims = []
    for person in people:
        records = sorted(members[person.pk], key=lambda r: (r.imported_list_id, r.row_number))
        named = [NamedRecord(r.pk, r.display_name, r.facts, WEIGHT_OF_CONFIDENCE.get(
            r.imported_list.default_confidence, 1.0)) for r in records]
        person.names = preferred_names(named)
        person.display_name = display_name(person.names)[:300]
        person.lists = sorted({r.imported_list_id for r in records})
        by_id = {r.pk: r for r in records}
        for fact in best_supported_facts(named, skip=NOT_PERSON_FACTS, fold=FOLDED):
            note = f"best supported: {len(fact.records)} of {len(records)} records" + (
                f"; {fact.alternatives} other value(s) stated" if fact.alternatives else "")
            claims += [Claim(subject_type=person_type, subject_id=person.pk, field=fact.field, value=fact.value,
                             source_id=by_id[r].imported_list.source_id, record=by_id[r],
                             confidence=by_id[r].imported_list.default_confidence,
                             status=by_id[r].imported_list.default_status, note=note) for r in fact.records]
    Person.objects.bulk_update(people, ["names", "display_name", "lists"], batch_size=BATCH)
    ids = [p.pk for p in people]
    for start in range(0, len(ids), BATCH):
        Claim.objects.filter(subject_type=person_type, subject_id__in=ids[start:start + BATCH]).delete()
    Claim.objects.bulk_create(claims, batch_size=BATCH)


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


__all__ = ["consolidate", "continuing_people", "person_claims", "store_all", "store_new"]
