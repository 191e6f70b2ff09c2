"""Name search that crosses scripts and spellings: Zhanbolat, Janbolat, Жанболат and Жанбулат.

Each record keeps, in ``name_keys``, the matching key and the consonant skeleton of every word of
the name it states (``tergeu.core.names``). A query is keyed the same way; a record is a candidate
when every query word starts one of its word keys or equals one of its skeletons, so a part of a
name works and a vowel changed by a transliteration or a typo does not hide a person. Candidates are
ranked: whole-word key matches above prefixes above skeleton-only matches, then by name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import and_

from django.db.models import Q, QuerySet

from tergeu.core.names import matching_key, skeleton_key
from tergeu.registry.models import Record

NAME_FIELDS = ("full_name", "family_name", "given_name", "patronymic")
MAX_CANDIDATES = 20000
# Columns loaded beside id, name and keys so hits can be sorted by date, place or list without the records.
RANKING_EXTRA = ("death_date", "place", "imported_list_id", "row_number")


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


class RankedRecords(Sequence):
    """Search hits in rank order; records are loaded only for the slice a page shows.

    Ranking needs just each candidate's id, name and keys; loading whole records (three JSON columns,
    list and source) for thousands of hits of a common name cost more than the whole page may take.
    """

    def __init__(self, records: QuerySet[Record], ids: list[int]) -> None:
        self.records = records
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, int):
            return self[index:index + 1][0]
        wanted = self.ids[index]
        loaded = self.records.order_by().in_bulk(wanted)
        return [loaded[pk] for pk in wanted if pk in loaded]

    def count(self) -> int:  # type: ignore[override]
        return len(self.ids)


def rank(records: QuerySet[Record], text: str, sort_key=None) -> RankedRecords:
    """Records whose name matches every word of ``text``: best first, or in ``sort_key`` order when given.

    ``sort_key`` receives (id, display_name, name_keys, extra...) rows from ``ranking_fields``.
    """
    words = query_words(text)
    if not words:
        return RankedRecords(records, [])
    matching = records.order_by().filter(reduce(and_, (_word_filter(w) for w in words)))
    rows = list(matching.values_list("id", "display_name", "name_keys", *RANKING_EXTRA)[:MAX_CANDIDATES])
    rows.sort(key=sort_key or (lambda row: (-_score(row[2], words), row[1], row[0])))
    return RankedRecords(records, [row[0] for row in rows])
