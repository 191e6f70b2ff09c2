"""A name index for one query at a time: the same candidates as ``NameIndex``, without scoring every name.

Why: ``NameIndex`` scores every entity that shares a three-letter word start with the mention. With
100,000 officials a common start ("ser", "erj") brings in thousands of names, each scored word by
word with ``difflib``: seconds per query, where vetting must answer in milliseconds. A vetting query
only needs the candidates worth showing (score ``floor`` or more, 0.6 by default), and most of the
thousands cannot reach it. :class:`BlockedNameIndex` proves that before scoring:

* a name's word score is the F1 of matched word similarities, ``2M / (m + k)`` for a mention of ``m``
  words and a name of ``k``; words are matched one to one, so ``M`` is at most ``c``, the smaller of the
  sum over the mention's words of each one's best similarity to a word of the name and the sum over
  the name's words of each one's best similarity to a word of the mention, and ``0.9 * 2c / (m + k)``
  bounds the score;
* the special scores (same words, a subset, one word misspelled: 0.91 to 1.0) need every mention word in
  the name as it is, or all but one at 0.85 (``c >= m - 0.15``);
* which words of the whole vocabulary are similar to a mention word is found once per word, not per
  name: ``difflib``'s ratio counts matched characters, never more than the two words' shared letters
  nor their longest common subsequence, so a vectorised count of shared letters and then a
  bit-parallel subsequence length discard nearly every word before ``difflib`` is asked;
* entities are scored best bound first, and scoring stops when no bound left can enter the list.

Names that pass are scored by the very functions ``NameIndex`` uses, over all the names of their entity,
so the candidates at or above ``floor`` are the same, in the same order, with the same reasons
(``tests/core/forces/test_blocking.py`` checks this on random names). The blocking by word start is
kept too: an entity is a candidate only if ``NameIndex`` would have looked at it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import numpy as np

from tergeu.core.forces.resolve import (
    DOUBTFUL,
    MISSPELLED,
    Candidate,
    Entity,
    NameIndex,
    name_score,
    word_similarity,
    words_of,
)

__all__ = ["BlockedNameIndex"]

_SLACK = 1e-3  # scores are rounded to three decimals: never prune what rounding could lift to the floor
_RATIO = 0.8  # the least difflib ratio of two similar words (resolve.word_similarity)
_KEPT_WORDS = 50_000  # words whose similar words are kept; past that, forgotten and found again


class _Vocabulary:
    """Every distinct word of the indexed names, with its letter counts, for finding similar words fast."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        letters = sorted({letter for word in words for letter in word})
        self.column = {letter: i for i, letter in enumerate(letters)}
        self.counts = np.zeros((len(words), max(len(letters), 1)), dtype=np.uint8)
        for row, word in enumerate(words):
            for letter, n in Counter(word).items():
                self.counts[row, self.column[letter]] = min(n, 255)
        self.lengths = np.array([len(word) for word in words], dtype=np.int32)
        self.by_first: dict[str, list[int]] = defaultdict(list)
        self.position = {word: row for row, word in enumerate(words)}
        for row, word in enumerate(words):
            self.by_first[word[0]].append(row)
        self._similar: dict[str, list[tuple[float, int]]] = {}

    def similar(self, word: str) -> list[tuple[float, int]]:
        """``(word_similarity(word, w), row)`` for every vocabulary word ``w`` similar to ``word`` (above 0),
        lowest first; kept, since the words of unit types and common given names come back in most queries."""
        kept = self._similar.get(word)
        if kept is None:
            if len(self._similar) >= _KEPT_WORDS:
                self._similar.clear()
            kept = self._similar[word] = sorted(self._find_similar(word))
        return kept

    def _find_similar(self, word: str) -> list[tuple[float, int]]:
        if len(word) == 1:
            return [(word_similarity(word, self.words[row]), row) for row in self.by_first.get(word, [])]
        rows = {self.position[word]} if word in self.position else set()
        single = self.position.get(word[0])
        if single is not None:
            rows.add(single)
        query = np.zeros(self.counts.shape[1], dtype=np.uint8)
        for letter, n in Counter(word).items():
            if letter in self.column:
                query[self.column[letter]] = min(n, 255)
        shared = np.minimum(self.counts, query).sum(axis=1, dtype=np.int32)
        common = _Subsequence(word)
        rows.update(row for row in np.nonzero(2 * shared >= _RATIO * (self.lengths + len(word)) - _SLACK)[0].tolist()
                    if 2 * common.longest(self.words[row]) >= _RATIO * (len(word) + len(self.words[row])) - _SLACK)
        scored = [(word_similarity(word, self.words[row]), row) for row in rows]
        return [(score, row) for score, row in scored if score > 0]


class _Subsequence:
    """The length of the longest common subsequence of one word and others, in one step per letter of the
    other word (bit-parallel over the first word's letters, Hyyrö 2004). difflib's ratio matches no more
    letters than that, so a word whose longest common subsequence is too short cannot be similar, and
    difflib is not asked."""

    def __init__(self, word: str) -> None:
        self.length, self.full, self.masks = len(word), (1 << len(word)) - 1, defaultdict(int)
        for i, letter in enumerate(word):
            self.masks[letter] |= 1 << i

    def longest(self, other: str) -> int:
        row = self.full
        for letter in other:
            matched = row & self.masks.get(letter, 0)
            row = ((row + matched) | (row - matched)) & self.full
        return self.length - row.bit_count()


class BlockedNameIndex(NameIndex):
    """Units or persons, for answering one mention's best candidates at or above a floor quickly.

    A ``NameIndex`` (its numbers and word-start blocking are used as they are) whose ``candidates`` and
    so ``resolve`` only look at what can reach the floor."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._vocabulary_rows: dict[str, int] = {}
        self._names: list[tuple[int, tuple[int, ...]]] = []  # (entity position, word rows) per name
        super().__init__(entities)
        self.vocabulary = _Vocabulary(list(self._vocabulary_rows))
        names_with: dict[int, list[int]] = defaultdict(list)  # word row -> name numbers
        for number, (_position, rows) in enumerate(self._names):
            for row in set(rows):
                names_with[row].append(number)
        self._names_with = {row: np.array(numbers, dtype=np.int32) for row, numbers in names_with.items()}
        self._entity_of = np.array([position for position, _rows in self._names], dtype=np.int32)
        self._length_of = np.array([len(rows) for _position, rows in self._names], dtype=np.float64)
        widest = max((len(rows) for _position, rows in self._names), default=0)
        self._word_rows = np.full((len(self._names), max(widest, 1)), len(self._vocabulary_rows), dtype=np.int32)
        for number, (_position, rows) in enumerate(self._names):
            self._word_rows[number, :len(rows)] = rows
        ranked = sorted(range(len(self.entities)), key=lambda p: (self.entities[p].kind, self.entities[p].id))
        self._rank_of = np.empty(len(self.entities), dtype=np.int64)
        self._rank_of[ranked] = np.arange(len(self.entities))

    def _index_name(self, position: int, words: list[str]) -> None:
        super()._index_name(position, words)
        rows = tuple(self._vocabulary_rows.setdefault(word, len(self._vocabulary_rows)) for word in words)
        self._names.append((position, rows))

    def candidates(self, mention: str, kind: str | None = None, limit: int = 5,
                   floor: float = DOUBTFUL) -> list[Candidate]:
        """``NameIndex.candidates(mention, kind, limit)`` restricted to scores of ``floor`` or more, best first.

        Entities are scored in the order of their bound, highest first; once the ``limit``-th best so far
        beats every bound left (or ties it and comes first by id), the rest cannot enter the list."""
        found: dict[tuple[str, str], Candidate] = {}
        for candidate in self.numbered(mention):
            if (not kind or candidate.kind == kind) and candidate.score >= floor:
                key = (candidate.kind, candidate.id)
                if key not in found or candidate.score > found[key].score:
                    found[key] = candidate
        ranked = sorted(found.values(), key=_rank)
        for bound, position in self._bounded(mention, floor):
            entity = self.entities[position]
            if kind and entity.kind != kind:
                continue
            if len(ranked) >= limit and _rank(ranked[limit - 1]) < (-bound, entity.kind, entity.id):
                break
            score, why = max(name_score(mention, name) for name in entity.names)
            key = (entity.kind, entity.id)
            if score < floor or score <= 0 or (key in found and score <= found[key].score):
                continue
            found[key] = Candidate(entity.kind, entity.id, entity.name, score, why)
            ranked = sorted(found.values(), key=_rank)
        return ranked[:limit]

    def _bounded(self, mention: str, floor: float) -> list[tuple[float, int]]:
        """``(bound, entity position)`` of every entity that may score ``floor`` or more, best bound first,
        then by kind and id (the order candidates are ranked in)."""
        mentioned = words_of(mention)
        blocked = self.blocked(mention) if mentioned else set()
        if not blocked:
            return []
        m = len(mentioned)
        matched = np.zeros(len(self._names), dtype=np.float64)  # per name: the sum of each word's best similarity
        partner = np.zeros(len(self.vocabulary.words) + 1, dtype=np.float64)  # per word: its best similarity
        for word in mentioned:
            best = np.zeros(len(self._names), dtype=np.float64)
            for score, row in self.vocabulary.similar(word):  # lowest first: the highest is written last
                best[self._names_with[row]] = score
                partner[row] = max(partner[row], score)
            matched += best
        touched = np.nonzero(matched)[0]
        touched = touched[self._bound(matched[touched], touched, m) >= floor - _SLACK]
        # one to one: a name word matches one mention word, so the name side's sum bounds it as well
        sums = np.minimum(matched[touched], partner[self._word_rows[touched]].sum(axis=1))
        bound = self._bound(sums, touched, m)
        names, bound = touched[bound >= floor - _SLACK], bound[bound >= floor - _SLACK]
        entities = self._entity_of[names]
        inside = np.fromiter((e in blocked for e in entities.tolist()), dtype=bool, count=len(entities))
        entities, bound = entities[inside], bound[inside]
        order = np.lexsort((self._rank_of[entities], -bound))  # best bound first, then as candidates rank
        _first, at = np.unique(entities[order], return_index=True)  # each entity at its best name
        kept = order[np.sort(at)]
        return list(zip(bound[kept].tolist(), entities[kept].tolist(), strict=True))

    def _bound(self, sums: np.ndarray, names: np.ndarray, m: int) -> np.ndarray:
        """The most each of ``names`` can score, rounded as scores are; 1.0 where every word is found as it
        is or all but one a close spelling (a special score may apply)."""
        bound = np.round(0.9 * 2 * sums / (m + self._length_of[names]) + 1e-9, 3)
        bound[sums >= m - (1 - MISSPELLED) - _SLACK] = 1.0
        return bound


def _rank(candidate: Candidate) -> tuple[float, str, str]:
    return (-candidate.score, candidate.kind, candidate.id)
