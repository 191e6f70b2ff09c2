"""Name search that crosses scripts and spellings: Zhanbolat, Janbolat, Жанболат and Жанбулат.

Each record keeps, in ``name_keys``, the matching key and the consonant skeleton of every word of
the name it states (``tergeu.core.names``). A query is keyed the same way; a record is a candidate
when every query word starts one of its word keys or equals one of its skeletons, so a part of a
name works and a vowel changed by a transliteration or a typo does not hide a person. Candidates are
ranked: whole-word key matches above prefixes above skeleton-only matches, then by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import and_

from django.db.models import Q, QuerySet

from tergeu.core.names import matching_key, skeleton_key
from tergeu.provenance.models import Record

NAME_FIELDS = ("full_name", "family_name", "given_name", "patronymic")
MAX_CANDIDATES = 2000


def display_name_of(facts: dict[str, str]) -> str:
    if "full_name" in facts:
        return facts["full_name"]
    return " ".join(facts[f] for f in ("family_name", "given_name", "patronymic") if f in facts)


@lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, ...]:
    """Keys and skeletons of one whitespace-separated word (cached: names repeat across records)."""
    keys: list[str] = []
    for key in matching_key(word).split():
        keys += [key, skeleton_key(key)]
    return tuple(keys)


def name_keys_of(facts: dict[str, str]) -> str:
    """' key skeleton key skeleton … ' for every word of every name field (spaces at both ends)."""
    words: list[str] = []
    for name in NAME_FIELDS:
        text = facts.get(name)
        if text:
            for word in text.split():
                words += _word_keys(word)
    return f" {' '.join(dict.fromkeys(words))} " if words else ""


@dataclass(frozen=True)
class QueryWord:
    key: str
    skeleton: str


def query_words(text: str) -> list[QueryWord]:
    return [QueryWord(key, skeleton_key(key)) for key in matching_key(text).split()]


def _word_filter(word: QueryWord) -> Q:
    return Q(name_keys__contains=f" {word.key}") | Q(name_keys__contains=f" {word.skeleton} ")


def _score(name_keys: str, words: list[QueryWord]) -> int:
    score = 0
    for word in words:
        if f" {word.key} " in name_keys:
            score += 3
        elif re.search(rf" {re.escape(word.key)}", name_keys):
            score += 2
        else:
            score += 1
    return score


def search_records(records: QuerySet[Record], text: str) -> list[Record]:
    """Records whose name matches every word of ``text``, best first (at most 2,000 candidates)."""
    words = query_words(text)
    if not words:
        return []
    candidates = list(records.filter(reduce(and_, (_word_filter(w) for w in words)))[:MAX_CANDIDATES])
    candidates.sort(key=lambda r: (-_score(r.name_keys, words), r.display_name, r.pk))
    return candidates
