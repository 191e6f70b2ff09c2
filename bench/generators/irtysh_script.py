"""How each hand and each machine changes a name on its way into a list: romanisation, slips, short forms.

Three foreign outlets romanise the russified spelling each in the habit of its own language: an
English-language wire close to BGN/PCGN (Yerzhan Serikov), a French paper (Erjan SERIKOV, Sergueï)
and a German one (Jerschan Serikow). Slips are modelled by their mechanism, because the mechanism
decides which letters go wrong: text recognition of a PDF confuses letters with Latin look-alikes and
digits (О→0, З→3); a clerk reading a handwritten burial book confuses cursive shapes (и/н, ш/щ, т/ш,
л/п); typing swaps or drops neighbouring letters.
"""

from __future__ import annotations

import random
import re

from generators.irtysh_names import russify

_BGN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya"}
_FRENCH = {**_BGN, "ё": "io", "ж": "j", "й": "ï", "у": "ou", "х": "kh", "ч": "tch", "ш": "ch", "щ": "chtch",
           "ю": "iou", "я": "ia"}
_GERMAN = {**_BGN, "в": "w", "ё": "jo", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z", "ч": "tsch",
           "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja"}
SCHEMES = {"en": _BGN, "fr": _FRENCH, "de": _GERMAN}
_CYR_VOWELS = "аеёиоуыэюяь"


def _letter(scheme: str, word: str, i: int) -> str:
    """One letter in context: initial е as Ye/Je, French gu before е/и, doubled s between vowels."""
    ch = word[i]
    before = word[i - 1] if i else ""
    after = word[i + 1] if i + 1 < len(word) else ""
    if ch == "е" and (not before or before in _CYR_VOWELS):
        return {"en": "ye", "fr": "ie" if before else "e", "de": "je"}[scheme]
    if scheme == "fr" and ch == "г" and after in "еиыэ" and after:
        return "gu"
    if scheme in ("fr", "de") and ch == "с" and before in _CYR_VOWELS and after in _CYR_VOWELS and before and after:
        return "ss"
    if scheme == "de" and ch == "в" and not after:
        return "w"
    if scheme == "fr" and ch == "й" and before in "ие" and before:
        return "ï"
    return SCHEMES[scheme].get(ch, ch)


def romanise(text: str, scheme: str) -> str:
    """A Cyrillic name in an outlet's Latin spelling; Kazakh letters are first russified, as outlets
    work from Russian-language sources. Case follows the source word (Title or UPPER)."""
    words = []
    for word in russify(text).split(" "):
        lower = word.lower()
        latin = "".join(_letter(scheme, lower, i) for i in range(len(lower)))
        if scheme == "fr":
            latin = re.sub(r"iï$", "i", latin)
        if word.isupper() and len(word) > 1:
            words.append(latin.upper())
        else:
            words.append(latin[:1].upper() + latin[1:])
    return " ".join(words)


OCR = {"О": "0", "о": "0", "З": "3", "з": "3", "б": "6", "А": "A", "Е": "E", "С": "C", "Р": "P", "Н": "H",
       "К": "K", "Т": "T", "Х": "X", "М": "M", "В": "B", "а": "a", "е": "e", "с": "c", "р": "p", "х": "x",
       "ы": "ьі"}
CURSIVE = {"и": "н", "н": "и", "ш": "щ", "щ": "ш", "т": "ш", "л": "п", "п": "л", "а": "о", "о": "а", "у": "ч",
           "г": "т", "ж": "х", "е": "с"}


def _some_position(rng: random.Random, text: str, table: dict[str, str]) -> int | None:
    spots = [i for i, ch in enumerate(text) if ch in table]
    return rng.choice(spots) if spots else None


def ocr_slip(rng: random.Random, text: str) -> str:
    """One letter read by text recognition as a Latin look-alike or a digit (Болатов → Б0латов)."""
    i = _some_position(rng, text, OCR)
    return text if i is None else text[:i] + OCR[text[i]] + text[i + 1:]


def cursive_slip(rng: random.Random, text: str) -> str:
    """One handwritten letter misread as another of the same shape (Нұрлан → Нұрпан)."""
    i = _some_position(rng, text, CURSIVE)
    return text if i is None else text[:i] + CURSIVE[text[i]] + text[i + 1:]


def typing_slip(rng: random.Random, text: str) -> str:
    """Two neighbouring letters swapped, one dropped or one doubled, inside a word and never its first."""
    spots = [i for i in range(1, len(text) - 1) if text[i].isalpha() and text[i + 1].isalpha()]
    if not spots:
        return text
    i = rng.choice(spots)
    kind = rng.random()
    if kind < 0.5:
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if kind < 0.8:
        return text[:i] + text[i + 1:]
    return text[:i] + text[i] + text[i:]


def year_slip(rng: random.Random, year: int) -> int:
    """A birth year off by one (the age counted wrong) or by ten (a mistyped digit)."""
    return year + rng.choice((-1, 1)) if rng.random() < 0.8 else year + rng.choice((-10, 10))


SHORT_FORMS = {"Александр": "Саша", "Дмитрий": "Дима", "Сергей": "Серёжа", "Евгений": "Женя", "Владимир": "Вова",
               "Николай": "Коля", "Алексей": "Лёша", "Максим": "Макс", "Иван": "Ваня", "Павел": "Паша",
               "Михаил": "Миша", "Виктор": "Витя", "Константин": "Костя", "Вячеслав": "Слава", "Роман": "Рома",
               "Бауыржан": "Бауке", "Бауржан": "Бауке", "Нұрсұлтан": "Нұрик", "Нурсултан": "Нурик",
               "Ержан": "Ержик", "Жандос": "Жаке", "Ерлан": "Ерик", "Азамат": "Азик", "Дархан": "Дарик",
               "Жасұлан": "Жасик", "Жасулан": "Жасик", "Темірлан": "Тимур", "Темирлан": "Тимур"}


def short_form(given: str) -> str:
    """The name family and friends use, which a journalist quoting them may print."""
    return SHORT_FORMS.get(given, given)
