"""A name index for one query at a time: the same candidates as ``NameIndex``, without scoring every name.

Why: ``NameIndex`` scores every entity that shares a three-letter word start with the mention. With
100,000 officials a common start ("ser", "erj") brings in thousands of names, each scored word by
word with ``difflib``: seconds per query, where vetting must answer in milliseconds. A vetting query
only needs the candidates worth showing (score ``floor`` or more, 0.6 by default), and most of the
thousands cannot reach it. :class:`BlockedNameIndex` proves that before scoring:

* a name's word score is the F1 of matched word similarities, ``2M / (m + k)`` for a mention of ``m``
  words and a name of ``k``, each similarity at most 1; so ``M`` is at most ``c``, the number of the
  mention's words that have any similar word in the name, and ``0.9 * 2c / (m + k)`` bounds the score;
* the special scores (same words, a subset: 0.93 to 1.0) need every mention word in the name (``c = m``);
* which words of the whole vocabulary are similar to a mention word is found once per word, not per
  name: ``difflib``'s ratio counts matched characters, never more than the two words' shared letters,
  so a vectorised count of shared letters discards nearly every word before ``difflib`` is asked.

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
    Candidate,
    Entity,
    NameIndex,
    Resolution,
    judged,
    name_score,
    word_similarity,
    words_of,
)

__all__ = ["BlockedNameIndex"]

_SLACK = 1e-3  # scores are rounded to three decimals: never prune what rounding could lift to the floor
_RATIO = 0.8  # the least difflib ratio of two similar words (resolve.word_similarity)


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

    def similar(self, word: str) -> list[int]:
        """The rows of the words ``word_similarity(word, row's word)`` finds similar (more than 0)."""
        if len(word) == 1:
            return list(self.by_first.get(word, []))
        rows = {self.position[word]} if word in self.position else set()
        single = self.position.get(word[0])
        if single is not None:
            rows.add(single)
        query = np.zeros(self.counts.shape[1], dtype=np.uint8)
        for letter, n in Counter(word).items():
            if letter in self.column:
                query[self.column[letter]] = min(n, 255)
        shared = np.minimum(self.counts, query).sum(axis=1, dtype=np.int32)
        possible = np.nonzero(2 * shared >= _RATIO * (self.lengths + len(word)) - _SLACK)[0]
        rows.update(int(row) for row in possible
                    if int(row) not in rows and word_similarity(word, self.words[row]) > 0)
        return sorted(rows)


class BlockedNameIndex:
    """Units or persons, for answering one mention's best candidates at or above a floor quickly."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.reference = NameIndex(entities)  # numbers and the word-start blocking, exactly as resolved
        self.entities = self.reference.entities
        vocabulary: dict[str, int] = {}
        self._names: list[tuple[int, tuple[int, ...]]] = []  # (entity position, word rows) per name
        for position, entity in enumerate(self.entities):
            for name in entity.names:
                rows = tuple(vocabulary.setdefault(word, len(vocabulary)) for word in words_of(name))
                self._names.append((position, rows))
        self.vocabulary = _Vocabulary(list(vocabulary))
        self._names_with: dict[int, list[int]] = defaultdict(list)  # word row -> name numbers
        for number, (_position, rows) in enumerate(self._names):
            for row in set(rows):
                self._names_with[row].append(number)

    def candidates(self, mention: str, kind: str | None = None, limit: int = 5,
                   floor: float = DOUBTFUL) -> list[Candidate]:
        """``NameIndex.candidates(mention, kind, …)`` restricted to scores of ``floor`` or more, best first."""
        found: dict[tuple[str, str], Candidate] = {}
        for candidate in self.reference.numbered(mention) + self._by_names(mention, floor):
            if (kind and candidate.kind != kind) or candidate.score < floor:
                continue
            key = (candidate.kind, candidate.id)
            if key not in found or candidate.score > found[key].score:
                found[key] = candidate
        return sorted(found.values(), key=lambda c: (-c.score, c.kind, c.id))[:limit]

    def resolve(self, mention: str, kind: str | None = None) -> Resolution:
        """``NameIndex.resolve``: the same verdict, with the candidates from 0.6 only."""
        return judged(mention, self.candidates(mention, kind))

    def _by_names(self, mention: str, floor: float) -> list[Candidate]:
        mentioned = words_of(mention)
        if not mentioned:
            return []
        blocked = self.reference.blocked(mention)
        hits: Counter[int] = Counter()
        for word in mentioned:
            names = {number for row in self.vocabulary.similar(word) for number in self._names_with.get(row, ())}
            hits.update(names)
        m = len(mentioned)
        worth = set()
        for number, c in hits.items():
            position, rows = self._names[number]
            if position in blocked and (c >= m or 0.9 * 2 * c / (m + len(rows)) >= floor - _SLACK):
                worth.add(position)
        found = []
        for position in sorted(worth):
            entity = self.entities[position]
            score, why = max(name_score(mention, name) for name in entity.names)
            if score > 0:
                found.append(Candidate(entity.kind, entity.id, entity.name, score, why))
        return found
