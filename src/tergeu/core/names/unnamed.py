"""Rows that name nobody: "Неизвестный мужчина", "белгісіз әйел", "unidentified male".

A morgue admits bodies before anyone knows who they are and writes a placeholder in the name column;
when a family identifies one, the journal gains a second row under the real name. Read as a name,
the placeholder makes every unidentified man of the journal one family ("Неизвестный") and the
linkage joins them into a single person with a hundred records. No person's name contains these
words, so a name made of them is read as no name: the record keeps its age, sex and dates for a
reviewer, and the estimate leaves it out like any record too thin to tell apart (`identifiable.py`).
"""

from __future__ import annotations

import re

from .tokens import normalise

# Russian adjectives "not known / not identified" in any gender and case (a surname such as
# "Неизвестнов" is not one), and the Kazakh and English words
_UNKNOWN_ADJECTIVE = re.compile(r"(?:неизвестн|неустановленн?|неопознанн?|неидентифицированн?|безымянн)"
                                r"(?:ый|ий|ая|яя|ое|ее|ого|его|ой|ей|ую|юю|ые|ие|ых|их|ым|им|ыми|ими|ом|ем)?")
_UNKNOWN_WORDS = frozenset({"белгісіз", "белгисиз", "анықталмаған", "анықталмаган", "аныкталмаган",
                            "unknown", "unidentified", "unnamed", "неизв"})
_UNKNOWN_CELLS = frozenset({"н/у", "н у", "нет", "n/a"})  # a whole cell: "Н.У." alone, not "Нурланов Н.У."
_UNKNOWN_PHRASES = ("john doe", "jane doe", "name unknown", "без имени", "не установлен", "не опознан",
                    "аты-жөні белгісіз")
_WORD = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?")


def is_unidentified(text: str | None) -> bool:
    """Whether a name cell holds a placeholder for someone not (yet) identified, not a name."""
    if not text:
        return False
    words = _WORD.findall(normalise(text).lower())
    if not words:
        return False
    joined = " ".join(words)
    if joined in _UNKNOWN_CELLS or any(phrase in joined for phrase in _UNKNOWN_PHRASES):
        return True
    return any(word in _UNKNOWN_WORDS or _UNKNOWN_ADJECTIVE.fullmatch(word) for word in words)
