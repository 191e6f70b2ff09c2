"""Names as Russian-language documents decline them, brought back to the nominative.

A prosecutor's decision or a court record names people inside sentences: "признать потерпевшим
гр. Сыздыкову Санжару Нуртасовичу", "в отношении Ахметова Ерлана Сериковича", "с Алишеровой Нодирой
Фарруховной". Read as written, "Ахметова" is a woman, "Ерлана" another given name, and the record
meets no list that names the man "Ахметов Ерлан Серикович". Only a patronymic tells the case for
certain (-вича genitive, -вичу dative, -вичем instrumental, -вне dative, -вной instrumental, ...): a
bare "Ахметова Е.С." may be a woman in the nominative, so without one nothing is changed. The
citizen's title that such documents put first ("гр.", "гражданину") is dropped in any case. Kazakh
patronymics (-ұлы, -қызы) do not decline and stay as they are.

This is for comparing names (``core.linkage.features``), not for showing them: the registry keeps
what the list wrote.
"""

from __future__ import annotations

import re

__all__ = ["in_nominative"]

_TITLE = re.compile(r"^\s*(?:гр\.|гр-[нк][аиеу]?\.?|гражд\.|граждан(?:ином|ина|ину|ине|ин|кой|ка|ки|ке|ку)\b)\s*",
                    re.IGNORECASE)
_VOWELS = set("аеёиоуыэюяәіөүұ")
# patronymic ending in an oblique case -> (sex, case, nominative ending)
_PATRONYMIC_CASES = (
    ("вичем", "M", "ins", "вич"), ("вичу", "M", "dat", "вич"), ("вича", "M", "gen", "вич"), ("виче", "M", "pre", "вич"),
    ("ичем", "M", "ins", "ич"), ("ичу", "M", "dat", "ич"), ("ича", "M", "gen", "ич"),
    ("вной", "F", "ins", "вна"), ("вны", "F", "gen", "вна"), ("вне", "F", "dat", "вна"), ("вну", "F", "acc", "вна"),
    ("ичной", "F", "ins", "ична"), ("ичны", "F", "gen", "ична"), ("ичне", "F", "dat", "ична"),
    ("ичну", "F", "acc", "ична"),
)
# (sex, case) -> ordered (ending, replacement) rules for the other words; "" marks a soft ending (й or ь)
_WORD_RULES = {
    ("M", "gen"): (("ского", "ский"), ("цкого", "цкий"), ("а", ""), ("я", "~"), ("ы", "а")),
    ("M", "dat"): (("скому", "ский"), ("цкому", "цкий"), ("у", ""), ("ю", "~"), ("е", "а")),
    ("M", "ins"): (("ским", "ский"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв"), ("иным", "ин"),
                   ("ыным", "ын"), ("ом", ""), ("ем", "~"), ("ой", "а"), ("ей", "я")),
    ("M", "pre"): (("ском", "ский"), ("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("е", "")),
    ("F", "gen"): (("ской", "ская"), ("ой", "а"), ("ии", "ия"), ("ьи", "ья"), ("ы", "а")),
    ("F", "dat"): (("ской", "ская"), ("ой", "а"), ("ии", "ия"), ("ье", "ья"), ("е", "а")),
    ("F", "acc"): (("скую", "ская"), ("у", "а"), ("ю", "я")),
    ("F", "ins"): (("ской", "ская"), ("ой", "а"), ("ей", "я"), ("ью", "ь")),
}
# Given names that lose a vowel when declined (Лев: Льва, Льву; Павел: Павла): the stem the rules leave -> the name
_FLEETING_VOWEL = {"льв": "лев", "павл": "павел"}
_ADJECTIVAL = ("ому", "ему", "ого", "его")  # a man's adjectival family name declined: left as written ...
_ADJECTIVAL_HANDLED = ("ского", "цкого", "скому", "цкому")  # ... except these, which the rules bring back
_ENDS_NAME = ",;:"  # a name never runs past these
_CORE = re.compile(r"(\W*)(.*?\w)(\W*)")
_KAZAKH_PATRONYMIC = re.compile(r"(?:ұлы|улы|қызы|кызы)$", re.IGNORECASE)


def in_nominative(text: str) -> str:
    """``text`` without a citizen's title, and in the nominative where a declined patronymic shows the case.

    Only the name the patronymic belongs to changes: the two words before it ("Фамилия Имя Отчество"),
    or the one before and the one after ("Имя Отчество Фамилия"), never past a comma, so a cell such as
    "Сейтова Айгуль, дочь Сейтова Ерлана Маратовича" keeps the woman's name as written.
    """
    text = _TITLE.sub("", text, count=1)
    words = text.split()
    found = _declined_patronymic(words)
    if found is None:
        return text
    position, sex, case, ending, nominative = found
    out = list(words)
    core, before, after = _split_punctuation(words[position])
    out[position] = before + core[: len(core) - len(ending)] + _same_case(core[-len(ending):], nominative) + after
    for index in _name_around(words, position):
        core, before, after = _split_punctuation(words[index])
        if _declinable(core):
            out[index] = before + _word_in_nominative(core, _WORD_RULES[(sex, case)]) + after
    return " ".join(out)


def _name_around(words: list[str], position: int) -> list[int]:
    """Positions of the other words of the name whose patronymic is at ``position``."""
    left = []
    for index in (position - 1, position - 2):
        if index < 0 or words[index][-1] in _ENDS_NAME:
            break
        left.append(index)
    right = []
    if len(left) < 2 and position + 1 < len(words) and words[position][-1] not in _ENDS_NAME:
        right.append(position + 1)
    return left + right


def _split_punctuation(word: str) -> tuple[str, str, str]:
    """(letters, what came before them, what came after): "«Ахметову," -> ("Ахметову", "«", ",")."""
    match = _CORE.fullmatch(word)
    return (match.group(2), match.group(1), match.group(3)) if match else (word, "", "")


def _declined_patronymic(words: list[str]) -> tuple[int, str, str, str, str] | None:
    for position, word in enumerate(words):
        lower = _split_punctuation(word)[0].lower()
        if len(lower) < 5 or _KAZAKH_PATRONYMIC.search(lower):
            continue
        for ending, sex, case, nominative in _PATRONYMIC_CASES:
            if lower.endswith(ending):
                return position, sex, case, ending, nominative
    return None


def _declinable(word: str) -> bool:
    """A whole word in Cyrillic letters (not an initial, not a Kazakh patronymic, not an adjectival
    family name such as "Береговому" or "Толстого", which the rules would cut to "Береговом")."""
    lower = word.lower()
    return (len(word) >= 3 and word.isalpha() and not _KAZAKH_PATRONYMIC.search(lower)
            and all("\u0400" <= ch <= "\u04ff" for ch in word)
            and (lower.endswith(_ADJECTIVAL_HANDLED) or not lower.endswith(_ADJECTIVAL)))


def _word_in_nominative(word: str, rules: tuple[tuple[str, str], ...]) -> str:
    lower = word.lower()
    for ending, replacement in rules:
        if lower.endswith(ending) and len(lower) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)]
            if replacement == "~":  # Сергея -> Сергей, Игоря -> Игорь
                replacement = "й" if stem[-1].lower() in _VOWELS else "ь"
            return _with_fleeting_vowel(stem + _same_case(ending, replacement))
    return word


def _with_fleeting_vowel(word: str) -> str:
    """"Льв" -> "Лев", "ПАВЛ" -> "ПАВЕЛ": the given names whose vowel drops in every other case."""
    name = _FLEETING_VOWEL.get(word.lower())
    if name is None:
        return word
    return name.upper() if word.isupper() else name.capitalize() if word[:1].isupper() else name


def _same_case(written: str, replacement: str) -> str:
    """``replacement`` in capitals when the ending it replaces was written in capitals."""
    return replacement.upper() if written.isupper() else replacement
