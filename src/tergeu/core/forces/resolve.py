"""Free-text names of units and persons, resolved to known ones with scores and reasons.

Incident reports name perpetrators as they please ("в/ч 30417", "the 4th battalion", «Серікболов
Е.»), and the US training lists pack several recipients into one string ("MILITARY UNIT
30417,STEPBAT", "50212, MINISTRY OF DEFENSE"). :func:`split_mentions` cuts such a string into the
units it names; :class:`NameIndex` scores each mention against every unit and person whose name,
alias or number it shares a word or a number with.

How a candidate scores (each candidate says which of these applied):

* the same unit number as one of the entity's identifiers, with a prefix: 1.0; a bare number
  (``"50212"``): 0.9, since a number alone may be something else;
* the same text as a name or alias: 1.0; the same ASCII matching key (``core.names``: Kazakh,
  Russian and Latin spellings of one name meet there): 0.97; the same words in another order: 0.95;
  two words or more, all found in the name (a patronymic or a word left out): 0.93; the same number of
  words, all the same but one that is a close spelling (similarity 0.85 or more: a typing slip): 0.91;
  abbreviations of unit types ("Bn", "Pkpg", "Gd", "Co", «бат.») are read as the words they stand for;
* otherwise the words are matched one to one (an initial matches a word it begins; a word within
  a small spelling distance counts for its similarity) and the score is the F1 of the matched share of
  the mention's words and of the name's words, at most 0.9.

A mention is ``resolved`` when its best candidate scores at least 0.9 and no other entity comes
within 0.05 of it; namesakes (two persons or units equally close) always go to ``review``, as does a
best score from 0.6; below that the mention is ``unresolved``. Deciding between namesakes is for a
person, or for the dates (who was posted there on the day).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from tergeu.core.forces.identifiers import bare_identifier, find_identifiers, identifier_key
from tergeu.core.names import matching_key

__all__ = ["DOUBTFUL_MATCH", "RESOLVED", "REVIEW", "UNRESOLVED", "Candidate", "Entity", "NameIndex", "Resolution",
           "judged", "name_score", "split_mentions", "word_similarity", "words_of"]

RESOLVED, REVIEW, UNRESOLVED = "resolved", "review", "unresolved"
SURE, DOUBTFUL, CLOSE = 0.9, 0.6, 0.05
MISSPELLED = 0.85  # the least similarity of the one word that differs, for "one of them misspelled"
DOUBTFUL_MATCH = DOUBTFUL  # the least score worth showing a reviewer
_SEPARATORS = re.compile(r"[;,\n]|\s+(?:и|және|and|&)\s+", re.IGNORECASE)
_TRIM = " \t.…-–—:()[]\"'«»"


@dataclass(frozen=True)
class Entity:
    """A known unit or person: its id, its name, its other names and (units) its numbers as keys."""

    kind: str
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Candidate:
    kind: str
    id: str
    name: str
    score: float
    explanation: str


@dataclass(frozen=True)
class Resolution:
    """One mention, its candidates best first, and what to do with it."""

    mention: str
    candidates: tuple[Candidate, ...]
    verdict: str

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def judged(mention: str, candidates: list[Candidate]) -> Resolution:
    """The verdict on ``mention`` from its candidates, best first: resolved, review or unresolved.

    Only candidates from ``DOUBTFUL - CLOSE`` up can change it, so a list cut below that floor gives the
    same verdict."""
    ranked = tuple(candidates)
    if not ranked or ranked[0].score < DOUBTFUL:
        return Resolution(mention, ranked, UNRESOLVED)
    best = ranked[0]
    rivals = [c for c in ranked[1:] if best.score - c.score < CLOSE]
    verdict = RESOLVED if best.score >= SURE and not rivals else REVIEW
    return Resolution(mention, ranked, verdict)


def split_mentions(text: str) -> list[str]:
    """The separate names in ``text``: cut at commas, semicolons, line breaks and "and" (и, және).

    A unit number's own slash («в/ч», "m/u") is not a separator; a part that names several unit
    numbers is cut once more, one mention per number.
    """
    mentions = []
    for part in _SEPARATORS.split(text):
        part = part.strip(_TRIM)
        if not part:
            continue
        numbers = find_identifiers(part)
        mentions += numbers if len(numbers) > 1 else [part]
    return mentions


# Abbreviations of unit types in the training reports and incident notes ("Pkpg Bn", "Gd Co", "Eng. Det"):
# read as the words they stand for, in names and mentions alike.
_SHORT_FORMS = {"Bn": "Battalion", "Bat": "Battalion", "Bde": "Brigade", "Co": "Company", "Coy": "Company",
                "Regt": "Regiment", "Reg": "Regiment", "Det": "Detachment", "Pkpg": "Peacekeeping",
                "PK": "Peacekeeping", "Recon": "Reconnaissance", "Rec": "Reconnaissance", "Aslt": "Assault",
                "Gd": "Guard", "Engr": "Engineer", "Eng": "Engineer", "бат": "батальон", "бр": "бригада"}
_EXPANDED = {matching_key(short): matching_key(long) for short, long in _SHORT_FORMS.items()}


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_EXPANDED.get(word, word) for word in matching_key(text).split())


def words_of(text: str) -> list[str]:
    """The spelling keys of ``text``'s words (``core.names``), abbreviations of unit types written out."""
    return list(_words(text))


@lru_cache(maxsize=1 << 18)
def word_similarity(mentioned: str, known: str) -> float:
    """How alike two words' keys are (0: not alike); kept, since the same pairs recur across names."""
    if mentioned == known:
        return 1.0
    if len(mentioned) == 1 or len(known) == 1:
        return 0.7 if known.startswith(mentioned) or mentioned.startswith(known) else 0.0
    ratio = SequenceMatcher(None, mentioned, known).ratio()
    return ratio if ratio >= 0.8 else 0.0


def _matched(mentioned: list[str], known: list[str]) -> list[float]:
    """Words matched one to one, each to its most similar free partner: the similarity of each match."""
    free, matched = list(known), []
    for word in mentioned:
        scores = [(word_similarity(word, other), i) for i, other in enumerate(free)]
        best, index = max(scores, default=(0.0, -1))
        if best > 0:
            matched.append(best)
            free.pop(index)
    return matched


def _word_f1(mentioned: list[str], known: list[str]) -> float:
    """F1 of the matched shares of the mention's words and of the name's words."""
    matched = sum(_matched(mentioned, known))
    if not matched:
        return 0.0
    precision, recall = matched / len(mentioned), matched / len(known)
    return 2 * precision * recall / (precision + recall)


def _one_misspelled(mentioned: list[str], known: list[str]) -> bool:
    """The same number of words, all matched, all but one the same and that one a close spelling."""
    if len(mentioned) != len(known) or len(mentioned) < 2:
        return False
    matched = _matched(mentioned, known)
    inexact = [similarity for similarity in matched if similarity < 1.0]
    return len(matched) == len(known) and len(inexact) == 1 and inexact[0] >= MISSPELLED


def name_score(mention: str, name: str) -> tuple[float, str]:
    if mention.casefold() == name.casefold():
        return 1.0, f"same text as {name!r}"
    mentioned, known = words_of(mention), words_of(name)
    if not mentioned or not known:
        return 0.0, ""
    if mentioned == known:
        return 0.97, f"same spelling key as {name!r} ({' '.join(known)})"
    if sorted(mentioned) == sorted(known):
        return 0.95, f"same words as {name!r} in another order"
    if len(mentioned) >= 2 and not Counter(mentioned) - Counter(known):
        return 0.93, f"every word is in {name!r} (a part left out, a patronymic say)"
    if _one_misspelled(mentioned, known):
        return 0.91, f"the words of {name!r}, one of them spelled a little differently"
    f1 = _word_f1(mentioned, known)
    return round(0.9 * f1, 3), f"words close to {name!r} (word match {f1:.2f})"


class NameIndex:
    """Units and persons, indexed by word key, word skeleton and unit number for resolving mentions."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = list(entities)
        self._by_number: dict[str, list[Entity]] = defaultdict(list)
        self._by_word: dict[str, set[int]] = defaultdict(set)
        for position, entity in enumerate(self.entities):
            for number in entity.identifiers:
                self._by_number[identifier_key(number) or number].append(entity)
            for name in entity.names:
                self._index_name(position, words_of(name))

    def _index_name(self, position: int, words: list[str]) -> None:
        for word in words:
            self._by_word[word[:3]].add(position)

    def candidates(self, mention: str, kind: str | None = None, limit: int = 5) -> list[Candidate]:
        """The entities ``mention`` may name, best first, at most one candidate per entity."""
        found: dict[tuple[str, str], Candidate] = {}
        for candidate in self.numbered(mention) + self._by_names(mention):
            if kind and candidate.kind != kind:
                continue
            key = (candidate.kind, candidate.id)
            if key not in found or candidate.score > found[key].score:
                found[key] = candidate
        return sorted(found.values(), key=lambda c: (-c.score, c.kind, c.id))[:limit]

    def numbered(self, mention: str) -> list[Candidate]:
        """The entities one of whose unit numbers ``mention`` writes (with a prefix, or a bare number)."""
        prefixed = find_identifiers(mention)
        numbers = [(key, 1.0, "unit number") for key in prefixed]
        bare = None if prefixed else bare_identifier(mention)
        if bare:
            numbers.append((bare, 0.9, "a bare number read as a unit number"))
        return [Candidate(e.kind, e.id, e.name, score, f"{why}: {key.removeprefix('mu:')} is one of its identifiers")
                for key, score, why in numbers for e in self._by_number.get(key, [])]

    def blocked(self, mention: str) -> set[int]:
        """The positions of the entities that share a word's first three letters with ``mention``."""
        near: set[int] = set()
        for word in words_of(mention):
            near |= self._by_word.get(word[:3], set())
        return near

    def _by_names(self, mention: str) -> list[Candidate]:
        found = []
        for position in sorted(self.blocked(mention)):
            entity = self.entities[position]
            score, why = max(name_score(mention, name) for name in entity.names)
            if score > 0:
                found.append(Candidate(entity.kind, entity.id, entity.name, score, why))
        return found

    def resolve(self, mention: str, kind: str | None = None) -> Resolution:
        """One mention's candidates and verdict (the rules are in the module's docstring)."""
        return judged(mention, self.candidates(mention, kind))

    def resolve_text(self, text: str, kind: str | None = None) -> list[Resolution]:
        """Every mention in a free-text field (several units in one string), each resolved."""
        return [self.resolve(mention, kind) for mention in split_mentions(text)]
