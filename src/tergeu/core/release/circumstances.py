"""The circumstances of a death as the public release states them: one of a few fixed categories.

A list's circumstances column is free text, and free text is where a morgue or a volunteer writes
"brother called, +7 ...", an address or the person's own name. The release therefore never prints
the text: it publishes a category only when the whole text, normalised, is one of the phrasings
below (a closed list, in kk, ru and en), and nothing otherwise. A phrasing is added here, after a
reviewer has checked that it says nothing but the category, to publish it.
"""

from __future__ import annotations

import re
import unicodedata

# category → its labels in the release's languages; the key is what people.csv and people.json hold
CATEGORIES: dict[str, dict[str, str]] = {
    "gunshot": {"kk": "Оқ жарақаты", "ru": "Огнестрельное ранение", "en": "Gunshot wound"},
    "crossfire": {"kk": "Атыс кезінде", "ru": "Под перекрёстным огнём", "en": "Caught in crossfire"},
    "custody": {"kk": "Қамауда", "ru": "Под стражей", "en": "In custody"},
    "beating": {"kk": "Ұрып-соғу", "ru": "Избиение", "en": "Beating"},
    "security_personnel": {"kk": "Күш құрылымдарының қызметкері", "ru": "Сотрудник силовых структур",
                           "en": "Member of the security forces"},
    "unknown": {"kk": "Белгісіз", "ru": "Не установлены", "en": "Unknown"},
}
_PHRASINGS: dict[str, tuple[str, ...]] = {
    "gunshot": ("огнестрельное ранение", "огнестрельное", "огнестрел", "огнестрельные ранения",
                "оқ жарақаты", "оқтан", "gunshot", "gunshot wound", "gunshot wounds", "shot"),
    "crossfire": ("перекрестный огонь", "под перекрестным огнем", "шальная пуля", "атыс кезінде",
                  "crossfire", "caught in crossfire"),
    "custody": ("под стражей", "в местах заключения", "в изоляторе", "в заключении", "қамауда",
                "custody", "in custody", "died in custody"),
    "beating": ("избиение", "побои", "ұрып соғу", "beating", "beaten"),
    "security_personnel": ("сотрудник силовых структур", "военнослужащий", "сотрудник полиции",
                           "күш құрылымдарының қызметкері", "security personnel", "security_personnel",
                           "member of the security forces"),
    "unknown": ("неизвестно", "не установлено", "не установлены", "белгісіз", "unknown"),
}
_NOT_WORD = re.compile(r"[^\w]+")


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return " ".join(_NOT_WORD.sub(" ", text).split())


_CATEGORY_OF = {_normal(phrase): key for key, phrases in _PHRASINGS.items() for phrase in phrases}


def category(text: str) -> str:
    """The category ``text`` states (a key of ``CATEGORIES``), or "" when it is anything else."""
    return _CATEGORY_OF.get(_normal(text), "")


def label(key: str, language: str) -> str:
    """The category ``key`` in ``language`` ("" for no category)."""
    return CATEGORIES.get(key, {}).get(language, "")
