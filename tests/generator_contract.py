"""What every list generator of bench/generators owes the benchmarks: the same files from the same seed,
files Tergeu's import reads, and a truth that covers every record (shared by tests/bench)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from generators import GeneratedList, GeneratedSet  # noqa: E402
from generators.loading import GENERATORS, LoadedSet, generate, load  # noqa: E402


def assert_deterministic(name: str, generated: GeneratedSet, people: int, seed: int) -> None:
    """Registered; the same seed gives the same files, another seed other files."""
    assert name in GENERATORS
    again = generate(name, people, seed)
    assert [(g.filename, g.content, g.truth, g.map_toml) for g in again.lists] == \
           [(g.filename, g.content, g.truth, g.map_toml) for g in generated.lists]
    assert again.people == generated.people
    other = generate(name, people, seed + 1)
    assert [g.content for g in other.lists] != [g.content for g in generated.lists]


def assert_truthful(generated: GeneratedSet, people: int, exclusive: frozenset[str],
                    named_twice: tuple[str, ...]) -> LoadedSet:
    """The files import, the truth covers every record, lists marked one-per-person are, some people are
    on no list, the lists overlap, and the lists in ``named_twice`` name someone twice."""
    loaded = load(generated)
    assert loaded.exclusive_lists == exclusive
    assert set(loaded.truth) == {record.record_id for record in loaded.records}
    assert set(loaded.truth.values()) <= set(generated.people)
    for listed in generated.lists:
        assert set(listed.truth) == set(range(1, len(listed.truth) + 1))
        if listed.one_per_person:
            assert len(set(listed.truth.values())) == len(listed.truth)
    assert len(set(loaded.truth.values())) < len(generated.people) == people
    assert len(loaded.records) > len(set(loaded.truth.values()))
    for name in named_twice:
        listed = named_list(generated, name)
        assert len(set(listed.truth.values())) < len(listed.truth)
    return loaded


def facts_by_list(loaded: LoadedSet) -> dict[str, list[dict[str, str]]]:
    """Each list's records' facts as the import read them, in file order."""
    lists: dict[str, list[dict[str, str]]] = {}
    for record in loaded.records:
        lists.setdefault(record.list_name, []).append(record.facts)
    return lists


def named_list(generated: GeneratedSet, name: str) -> GeneratedList:
    """The generated list called ``name``."""
    return next(listed for listed in generated.lists if listed.name == name)
