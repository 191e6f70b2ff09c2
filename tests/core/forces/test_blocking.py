"""The blocked name index gives the candidates ``NameIndex`` gives at or above the floor, on random names."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tergeu.core.forces import DOUBTFUL_MATCH, BlockedNameIndex, Entity, NameIndex

pytestmark = pytest.mark.pure

# Invented name parts: a few start alike ("ser…", "er…") so blocking and namesakes are exercised.
WORDS = ["Серікболов", "Серикболов", "Serikbolov", "Серіков", "Sergeev", "Ержан", "Yerzhan", "Erlan", "Ерлан",
         "Қайратұлы", "Кайратович", "Kairat", "Нұрлан", "Nurlan", "Нурланов", "Батальон", "Battalion", "Дала",
         "Steppe", "Guard", "Күзеті", "E.", "K", "Бригада", "Brigade", "9", "Company", "Рота"]


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    at = rng.randrange(1, len(word))
    return word[:at] + word[at + 1:] if rng.random() < 0.5 else word[:at] + rng.choice("aeiouкн") + word[at:]


def name(rng: random.Random) -> str:
    parts = [rng.choice(WORDS) for _ in range(rng.randint(1, 6))]
    return " ".join(typo(part, rng) if rng.random() < 0.2 else part for part in parts)


def entities(rng: random.Random, count: int) -> list[Entity]:
    return [Entity("person", f"P-{n}", name(rng), tuple(name(rng) for _ in range(rng.randint(0, 2))),
                   tuple(f"в/ч {rng.randint(100, 120)}" for _ in range(rng.randint(0, 1))))
            for n in range(count)]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=60))
def test_same_candidates_at_or_above_the_floor_as_the_full_index(seed: int, count: int) -> None:
    rng = random.Random(seed)
    known = entities(rng, count)
    full, blocked = NameIndex(known), BlockedNameIndex(known)
    mentions = [name(rng) for _ in range(10)] + [e.name for e in rng.sample(known, min(3, count))]
    mentions += [" ".join(rng.sample(e.name.split(), min(2, len(e.name.split()))))
                 for e in rng.sample(known, min(3, count))]
    mentions += ["MU 105", "110", "в/ч 0112"]
    for mention in mentions:
        expected = [c for c in full.candidates(mention, "person", limit=1000) if c.score >= DOUBTFUL_MATCH][:5]
        assert blocked.candidates(mention, "person") == expected, mention


def test_a_floor_of_zero_keeps_every_scored_candidate() -> None:
    rng = random.Random(3)
    known = entities(rng, 40)
    full, blocked = NameIndex(known), BlockedNameIndex(known)
    for mention in (name(rng) for _ in range(30)):
        assert blocked.candidates(mention, limit=50, floor=0.0) == full.candidates(mention, limit=50), mention
