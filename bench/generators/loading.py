"""Read a generated set as ``tergeu import`` would, and what its truth allows any matcher to reach.

The files go through Tergeu's own reading code (``open_table``, the column map guessed from the
headers or given by the generator, ``RowParser``), so a header the guesser misreads or a date the
parser refuses shows up here as it would for a user. Only the database write is left out.
"""

from __future__ import annotations

import datetime as dt
import importlib
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generators import GeneratedList, GeneratedSet, TruePerson
from tergeu.core.linkage.areas import area_of_place, record_areas
from tergeu.core.linkage.clustering import Constraints
from tergeu.core.linkage.features import RecordFacts, name_features
from tergeu.core.linkage.identifiable import is_identifiable
from tergeu.core.names import matching_key, parse_name
from tergeu.core.names.forms import family_stem
from tergeu.registry.importing.columnmap import load_map, settle_map
from tergeu.registry.importing.readers import open_table
from tergeu.registry.importing.rowparse import RowParser

GENERATORS = ("steppe", "bazaar", "ledger", "caravan", "oasis", "nomad", "tundra", "taiga", "altai", "irtysh", "aral",
              "balkhash", "zhaiyk")
# Generators whose errors were never read: altai and irtysh were read on 6 December, and balkhash the same
# day, after its totals were measured (docs/linkage.md, "A fourth independent generator"). zhaiyk was written
# on 6 December (fourteenth session) by a helper who read neither the linkage code nor another generator.
HELD_OUT = ("taiga", "aral", "zhaiyk")


class UnreadableList(Exception):
    """A generated file that Tergeu's import would refuse: the bench stops rather than score a part."""


@dataclass
class LoadedSet:
    name: str
    records: list[RecordFacts]  # numbered 1.. in list order, as the database would number them
    truth: dict[int, str]  # record number -> person id
    exclusive_lists: frozenset[str]
    people: dict[str, TruePerson]
    lists: list[str]

    def constraints(self) -> Constraints:
        """What ``tergeu link`` knows of these lists: each record's list, and the lists that name each
        person once (two of their records are never one person)."""
        return Constraints(group_of={r.record_id: r.list_name for r in self.records},
                           exclusive_groups=self.exclusive_lists)


def generate(generator: str, people: int, seed: int) -> GeneratedSet:
    """Run ``bench/generators/<generator>.py``'s ``generate``."""
    if generator not in GENERATORS:
        raise ValueError(f"unknown generator {generator!r}; known: {', '.join(GENERATORS)}")
    return importlib.import_module(f"generators.{generator}").generate(people, seed)


def _read_list(listed: GeneratedList, folder: Path) -> tuple[list[dict[str, str]], str | None]:
    path = folder / listed.filename
    path.write_bytes(listed.content)
    column_map = None
    if listed.map_toml:
        map_path = folder / f"{listed.name}.map.toml"
        map_path.write_text(listed.map_toml, encoding="utf-8")
        column_map = load_map(map_path)
    table = open_table(path, listed.content)
    column_map, positions = settle_map(column_map, table.headers, path)
    parser = RowParser(table.headers, positions, column_map.date_order, column_map.values)
    rows = []
    for row in table.rows:
        parsed = parser.parse(row.number, row.cells)
        if parsed.errors:
            first = parsed.errors[0]
            raise UnreadableList(f"{listed.filename}: row {first.row}, column {first.column!r}: {first.message} "
                                 f"({first.value!r})")
        rows.append(parsed.facts)
    return rows, column_map.name_order


def load(generated: GeneratedSet) -> LoadedSet:
    """Every list's rows as ``RecordFacts`` with the truth of each, read through the import code."""
    records: list[RecordFacts] = []
    truth: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="tergeu-bench-") as folder:
        for listed in generated.lists:
            rows, order = _read_list(listed, Path(folder))
            if len(rows) != len(listed.truth):
                raise UnreadableList(f"{listed.filename}: {len(rows)} rows read, the truth has {len(listed.truth)}")
            for number, facts in enumerate(rows, start=1):
                records.append(RecordFacts(len(records) + 1, listed.name, facts, order))
                truth[len(records)] = listed.truth[number]
    exclusive = frozenset(listed.name for listed in generated.lists if listed.one_per_person)
    return LoadedSet(generated.name, records, truth, exclusive, generated.people, [g.name for g in generated.lists])


def _person_key(person: TruePerson) -> tuple[str, str, str]:
    return matching_key(family_stem(person.family)), matching_key(person.given)[:1], person.sex


def _stated_day(facts: dict[str, str]) -> tuple[dt.date | None, int]:
    """The day a record places the death on, and how many days before it the death may be."""
    for name, slack in (("date_of_death", 0), ("date_recorded", 3)):
        text = facts.get(name, "")
        if len(text) == 10:
            return dt.date.fromisoformat(text), slack
    return None, 0


def _fits(person: TruePerson, facts: dict[str, str], father: str) -> bool:
    """Whether nothing the record states rules ``person`` out (typos ignored: an upper bound)."""
    areas = set(record_areas(facts.get("place_of_death"), facts.get("region")) or ())
    if areas and area_of_place(person.place) not in areas and area_of_place(person.region) not in areas:
        return False
    if father and matching_key(person.father_given)[:1] != father:
        return False
    day, slack = _stated_day(facts)
    if day is not None and not (0 <= (day - person.date_of_death).days <= max(slack, 1)):
        return False
    born = facts.get("date_of_birth", "")
    if born and not person.date_of_birth.isoformat().startswith(born[:4]):
        return False
    return _age_fits(person, facts.get("age", ""))


def _age_fits(person: TruePerson, age: str) -> bool:
    """Whether a stated age at death (whole years; "~30" within 3) allows ``person``'s, a year either way."""
    digits = "".join(ch for ch in age if ch.isdigit())
    if not digits:
        return True
    died, born = person.date_of_death, person.date_of_birth
    actual = died.year - born.year - ((died.month, died.day) < (born.month, born.day))
    return abs(actual - int(digits)) <= (3 if "~" in age else 1)


def initials_ceiling(loaded: LoadedSet) -> dict[str, float]:
    """The best pairwise recall (and F1 at precision 1) the stated facts allow without guessing.

    A record too thin to be counted (no family name, or no given name or initial, and no IIN) is out of
    reach when another listed person fits it as well (``_thin_out_of_reach``). A record naming someone by
    surname and initials only can be told from namesakes by what it states.
    Using the truth, count the listed people (on some other record) that fit it: same family stem,
    initial and sex, the record's area, date and birth year when stated, the father's initial when
    given. When two or more fit, the record's true pairs are out of any matcher's reach. Typos are
    ignored, so this is an upper bound. Generic over generators: it reads only ``TruePerson``.
    """
    members: dict[str, list[int]] = {}
    for number, person_id in loaded.truth.items():
        members.setdefault(person_id, []).append(number)
    listed: dict[tuple[str, str, str], list[TruePerson]] = {}
    for person_id in members:
        listed.setdefault(_person_key(loaded.people[person_id]), []).append(loaded.people[person_id])
    lost: set[tuple[int, int]] = set()  # a pair of two lost records is lost once
    for record in loaded.records:
        if _out_of_reach(record, loaded, members, listed):
            mine = record.record_id
            lost.update((min(mine, other), max(mine, other)) for other in members[loaded.truth[mine]] if other != mine)
    true_pairs = sum(len(ids) * (len(ids) - 1) // 2 for ids in members.values())
    recall = (true_pairs - len(lost)) / true_pairs if true_pairs else 1.0
    return {"ceiling_recall": round(recall, 4), "ceiling_f1": round(2 * recall / (1 + recall), 4)}


def _out_of_reach(record: RecordFacts, loaded: LoadedSet, members: dict[str, list[int]],
                  listed: dict[tuple[str, str, str], list[TruePerson]]) -> bool:
    """Whether another listed person fits ``record`` as well as its own (then its pairs are lost)."""
    facts = record.facts
    if facts.get("national_id"):
        return False
    if not is_identifiable(record):
        return _thin_out_of_reach(record, loaded, members)
    if "full_name" not in facts:
        return False
    parsed = parse_name(facts["full_name"], record.name_order)
    if parsed.given or not parsed.given_initial:
        return False
    person = loaded.people[loaded.truth[record.record_id]]
    father = matching_key(parsed.patronymic_initial or "")[:1]
    fits = [other for other in listed.get(_person_key(person), ())
            if _fits(other, facts, father) and any(r != record.record_id for r in members[other.person_id])]
    return len(fits) > 1


def recall_by_list_pair(clusters: dict[int, object], loaded: LoadedSet) -> dict[str, float]:
    """Of the true pairs between two lists (or within one), the share the clusters put together."""
    found: dict[str, list[int]] = {}
    members: dict[str, list[RecordFacts]] = {}
    for record in loaded.records:
        members.setdefault(loaded.truth[record.record_id], []).append(record)
    for group in members.values():
        for pair_name, together in _pairs_of(group, clusters):
            counts = found.setdefault(pair_name, [0, 0])
            counts[0] += together
            counts[1] += 1
    return {name: round(hit / total, 4) for name, (hit, total) in sorted(found.items())}


def _pairs_of(group: list[RecordFacts], clusters: dict[int, object]) -> Iterable[tuple[str, bool]]:
    for i, left in enumerate(group):
        for right in group[i + 1:]:
            name = "–".join(sorted((left.list_name, right.list_name)))
            cluster = clusters.get(left.record_id)
            yield name, cluster is not None and cluster == clusters.get(right.record_id)


def _thin_out_of_reach(record: RecordFacts, loaded: LoadedSet, members: dict[str, list[int]]) -> bool:
    """A record too thin to be counted ("Неизвестный мужчина", "Ержан (32 жаста)", a family name alone):
    its true pairs are out of reach when another listed person fits it as well, by sex, the name it
    gives (given name or family stem, exactly), its area, date, birth year and age."""
    person = loaded.people[loaded.truth[record.record_id]]
    name = name_features(record)
    sex = name.get("sex_from_name") or record.facts.get("sex")
    for person_id in members:  # everyone listed; the record's own person aside
        other = loaded.people[person_id]
        if person_id == person.person_id:
            continue
        if sex and other.sex != sex:
            continue
        if name.get("given") and matching_key(other.given) != name["given"]:
            continue
        if name.get("family") and matching_key(family_stem(other.family)) != name["family"]:
            continue
        if _fits(other, record.facts, ""):
            return True
    return False
