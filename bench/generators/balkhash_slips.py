"""Typing slips for ``balkhash``: what hands and keyboards do to names.

A clerk typing fast hits a neighbouring key (ЙЦУКЕН or QWERTY), drops or doubles a letter, swaps two;
a clerk switching keyboard layouts leaves Latin look-alikes inside a Cyrillic word (Cерик with a Latin C),
which looks right on screen but not to a computer. Each list chooses how often each happens.
"""

from __future__ import annotations

import random

_ROWS_CYR = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")
_ROWS_LAT = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
LOOKALIKE = {
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "х": "x",
    "у": "y",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
}


def _neighbours(rows: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for row in rows:
        for i, ch in enumerate(row):
            found[ch] = row[max(0, i - 1) : i] + row[i + 1 : i + 2]
    return found


NEIGHBOURS = {**_neighbours(_ROWS_CYR), **_neighbours(_ROWS_LAT)}


def _positions(word: str) -> list[int]:
    """Letters a slip may touch: not the first (people check the capital), only letters."""
    return [i for i, ch in enumerate(word) if i > 0 and ch.isalpha()]


def neighbour_key(rng: random.Random, word: str) -> str:
    spots = [i for i in _positions(word) if word[i].lower() in NEIGHBOURS]
    if not spots:
        return word
    i = rng.choice(spots)
    new = rng.choice(NEIGHBOURS[word[i].lower()])
    return word[:i] + (new.upper() if word[i].isupper() else new) + word[i + 1 :]


def drop_letter(rng: random.Random, word: str) -> str:
    spots = _positions(word)
    if len(word) < 5 or not spots:
        return word
    i = rng.choice(spots)
    return word[:i] + word[i + 1 :]


def double_letter(rng: random.Random, word: str) -> str:
    spots = _positions(word)
    if not spots:
        return word
    i = rng.choice(spots)
    return word[:i] + word[i] + word[i:]


def swap_letters(rng: random.Random, word: str) -> str:
    spots = [i for i in _positions(word) if i + 1 < len(word) and word[i + 1].isalpha()]
    if not spots:
        return word
    i = rng.choice(spots)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def lookalike(rng: random.Random, word: str) -> str:
    """One or two Cyrillic letters replaced by the Latin letters that look the same."""
    spots = [i for i, ch in enumerate(word) if ch in LOOKALIKE]
    if not spots:
        return word
    for i in rng.sample(spots, min(len(spots), rng.choice((1, 1, 2)))):
        word = word[:i] + LOOKALIKE[word[i]] + word[i + 1 :]
    return word


SLIPS = {
    "key": neighbour_key,
    "drop": drop_letter,
    "double": double_letter,
    "swap": swap_letters,
    "lookalike": lookalike,
}


def slip_name(rng: random.Random, name: str, rates: dict[str, float]) -> str:
    """Apply at most one slip, chosen by ``rates`` (kind -> probability per name), to one word of ``name``."""
    draw = rng.random()
    for kind, rate in rates.items():
        if draw < rate:
            words = name.split(" ")
            spots = [i for i, w in enumerate(words) if len(w) > 2 and "." not in w]
            if not spots:
                return name
            i = rng.choice(spots)
            words[i] = SLIPS[kind](rng, words[i])
            return " ".join(words)
        draw -= rate
    return name
