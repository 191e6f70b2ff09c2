"""What a linked person is called and what is known of them, from the records that name them.

Linkage says which records are one person; it does not say which spelling to show or which of two
stated ages to believe. Both are decided here, openly: a preferred name per script is the spelling the
most records use (ties: the fuller name, then the earlier record), and a fact's best-supported value is
the one with the largest summed weight of the records stating it (the caller sets weights from each
record's confidence), ties going to the value stated first. Nothing is averaged or invented: every
chosen value is one some record states, and the records are returned with it so they can be cited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from tergeu.core.names import detect_script

__all__ = ["NamedRecord", "SupportedFact", "best_supported_facts", "preferred_names"]


@dataclass(frozen=True)
class NamedRecord:
    """One record of a person: its id, the name as written, its facts and how much it is trusted."""

    record_id: int
    name: str
    facts: Mapping[str, str]
    weight: float = 1.0


@dataclass(frozen=True)
class SupportedFact:
    """The value of one field that the person's records support best, and the records stating it."""

    field: str
    value: str
    records: tuple[int, ...]
    support: float
    alternatives: int  # how many other values some record states for this field


def preferred_names(records: Iterable[NamedRecord]) -> dict[str, str]:
    """One spelling per script (``kk-cyrl``, ``ru-cyrl``, ``latn``, ...), as the person's records write it."""
    votes: dict[str, dict[str, tuple[int, int, int]]] = {}
    for order, record in enumerate(records):
        name = " ".join(record.name.split())
        if not name:
            continue
        script = str(detect_script(name))
        count, words, first = votes.setdefault(script, {}).get(name, (0, len(name.split()), order))
        votes[script][name] = (count + 1, words, first)
    return {script: max(names.items(), key=lambda item: (item[1][0], item[1][1], -item[1][2]))[0]
            for script, names in votes.items()}


def best_supported_facts(records: Iterable[NamedRecord], skip: frozenset[str] = frozenset(),
                         fold: Mapping[str, Callable[[str], str]] | None = None) -> list[SupportedFact]:
    """For each field stated by some record (except ``skip``), the value with the most weighted support.

    ``fold`` gives, per field, a key under which spellings of one value count together ("г. Шымкент",
    "Шымкент" and "Shymkent" are one place); the value shown is the group's most supported spelling.
    """
    fold = fold or {}
    support: dict[str, dict[str, dict[str, list]]] = {}
    for record in records:
        for field, value in record.facts.items():
            if field in skip or value in (None, ""):
                continue
            text = str(value)
            key = fold[field](text) if field in fold else text
            entry = support.setdefault(field, {}).setdefault(key or text, {}).setdefault(text, [0.0, []])
            entry[0] += record.weight
            entry[1].append(record.record_id)
    chosen = []
    for field, groups in support.items():
        # max() keeps the first of equal keys, and dicts keep insertion order: ties go to the first stated.
        spellings = max(groups.values(), key=lambda group: sum(weight for weight, _ids in group.values()))
        value = max(spellings, key=lambda text: spellings[text][0])
        ids = tuple(sorted(i for _weight, found in spellings.values() for i in found))
        weight = sum(w for w, _ids in spellings.values())
        chosen.append(SupportedFact(field, value, ids, weight, len(groups) - 1))
    return chosen
