"""Rows that name nobody: "Неизвестный мужчина", "белгісіз әйел", "unidentified male", "Труп №5".

A morgue admits bodies before anyone knows who they are and writes a placeholder in the name column;
when a family identifies one, the journal gains a second row under the real name. Read as a name,
the placeholder makes every unidentified man of the journal one family ("Неизвестный") and the
linkage joins them into a single person with a hundred records. So a cell made *only* of such words
(not known, not identified, a body, a man or a woman, a number) is read as no name: the record keeps
its age, sex and dates for a reviewer. A cell with anything else in it is a name, however it goes on
("Ахметов Ерлан, ранее числился неустановленным" names Ахметов), and so are surnames such as
Безымянный or Неизвестных when a given name stands beside them.
"""

from __future__ import annotations

import re

from .tokens import normalise

# Russian adjectives "not known / not identified" in any gender and case, their short forms, and the
# Kazakh, English and transliterated words
_UNKNOWN_ADJECTIVE = re.compile(
    r"(?:неизвестн|неустановленн?|неопознанн?|неидентифицированн?|безымянн|neizvestn|neustanovlenn?|neopoznann?)"
    r"(?:ый|ий|ая|яя|ое|ее|ого|его|ой|ей|ую|юю|ые|ие|ых|их|ым|им|ыми|ими|ом|ем|ен|ена|ено|ены|о|а|"
    r"yi|yy|iy|ii|ij|aya|aia|oe|ogo|oi|oy|ye|ie|ykh|ikh|en|ena|o|a)?")
_UNKNOWN_WORDS = frozenset({
    "белгісіз", "белгисиз", "анықталмаған", "анықталмаган", "аныкталмаган", "беймәлім", "беймалим", "танылмаған",
    "танылмаган", "belgisiz", "belgısız", "anyqtalmagan", "unknown", "unidentified", "unnamed", "неизв", "н/у", "doe",
    "неизвестен", "неизвестна", "неизвестно", "неизвестны", "neizvesten", "neizvestna",
})
# words that may stand beside the placeholder: a body, a man or a woman, a number, "name"
_COMPANION_WORDS = frozenset({
    "мужчина", "женщина", "мужчины", "женщины", "ребенка", "ребёнка", "муж", "жен", "м", "ж", "труп", "тело",
    "лицо", "гражданин", "гражданка", "ребенок",
    "ребёнок", "мальчик", "девочка", "пол", "мужского", "женского", "ер", "адам", "әйел", "айел", "бала", "мәйіт",
    "мәйит", "денесі", "аты", "жөні", "фио", "имя", "не", "установлено", "установлен", "установлена", "опознан",
    "опознана", "без", "имени", "male", "female", "man", "woman", "body", "person", "name", "john", "jane", "child",
    "boy", "girl", "n", "u", "н", "у", "no", "nn", "н/и", "muzhchina", "zhenshchina", "er", "adam", "aiel", "äiel",
})
_WORD = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?")


def is_unidentified(text: str | None) -> bool:
    """Whether a name cell holds only a placeholder for someone not (yet) identified, and no name."""
    if not text:
        return False
    words = _WORD.findall(normalise(text).lower())
    if not words:
        return False
    unknown = [w for w in words if w in _UNKNOWN_WORDS or _UNKNOWN_ADJECTIVE.fullmatch(w)]
    said = " ".join(words)
    if words[:2] == ["н", "у"]:  # "Н.У. (муж.)": the abbreviation, not initials after a name
        unknown = ["н/у"]
    if not unknown and not ("не установлен" in said or "не опознан" in said or "без имени" in said
                            or said in ("н у", "труп", "тело")):
        return False
    return all(w in _UNKNOWN_WORDS or w in _COMPANION_WORDS or _UNKNOWN_ADJECTIVE.fullmatch(w) for w in words)
