"""How the ``oasis`` lists spell: Latin transliterations and the slips of the people who typed them.

Four Latin schemes, each a plain letter table (the first matching key wins, longest keys first):

- ``icao``: the passport (ICAO Doc 9303) table Kazakhstan used on passports, upper case, Kazakh letters
  folded to their nearest Latin letter (Ж → ZH, Х → KH, Ю → IU, Қ → K);
- ``kz2017``: the first Kazakh Latin alphabet (2017), with apostrophes (Ш → S', Ә → A', Ч → C');
- ``kz2021``: the 2021 Kazakh Latin alphabet, with diacritics (Ш → Ş, Ә → Ä, Қ → Q, Ұ → Ū);
- ``english``: what an English-language reporter writes: Yerlan, Zhaksylyk, Nurlan, Kasymov, ya/yu.

Slips (``Typist``) are drawn per character from the typist's habits: vowels a Russian speaker hears
alike (о/а, е/и), final devoicing (д → т), a soft sign forgotten, a doubled letter single, a neighbour
on the ЙЦУКЕН keyboard, letters dropped or swapped, and for a scanned page OCR look-alikes (ш/щ, и/н,
п/н, rn → m in Latin).
"""

from __future__ import annotations

import random

_RU_ICAO = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
            "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
            "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
            "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
            "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i"}
_KZ2017 = {**_RU_ICAO, "ә": "a'", "ғ": "g'", "қ": "q", "ң": "n'", "ө": "o'", "ұ": "u", "ү": "u'",
           "у": "y'", "ш": "s'", "ч": "c'", "щ": "s'", "ж": "j", "и": "i'", "й": "i'", "х": "h", "һ": "h",
           "ц": "ts", "ю": "i'y'", "я": "i'a", "ъ": "", "э": "e", "ё": "i'o"}
_KZ2021 = {**_RU_ICAO, "ә": "ä", "ғ": "ğ", "қ": "q", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü", "у": "u",
           "ш": "ş", "ч": "ç", "щ": "ş", "ж": "j", "и": "i", "й": "i", "х": "h", "һ": "h", "і": "ı",
           "ц": "s", "ю": "iu", "я": "ia", "ъ": "", "э": "e", "ё": "io"}
_ENGLISH = {**_RU_ICAO, "й": "y", "ю": "yu", "я": "ya", "х": "kh", "ъ": "", "ё": "yo", "ы": "y",
            "ә": "a", "ғ": "g", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "і": "i"}
SCHEMES = {"icao": _RU_ICAO, "kz2017": _KZ2017, "kz2021": _KZ2021, "english": _ENGLISH}
_VOWELS = set("аеёиоуыэюяәөұүі")


def latin(text: str, scheme: str, rng: random.Random | None = None) -> str:
    """``text`` (Cyrillic) in ``scheme``; ``english`` varies by writer when ``rng`` is given."""
    table = SCHEMES[scheme]
    words = []
    for word in text.split(" "):
        out = []
        lower = word.lower()
        for i, ch in enumerate(lower):
            piece = table.get(ch, ch)
            if scheme == "english":
                piece = _english_piece(lower, i, piece, rng)
            out.append(piece)
        spelled = "".join(out)
        words.append(spelled.upper() if scheme == "icao" else spelled[:1].upper() + spelled[1:])
    return " ".join(words)


def _english_piece(word: str, i: int, piece: str, rng: random.Random | None) -> str:
    ch = word[i]
    if ch == "е" and (i == 0 or word[i - 1] in _VOWELS | {"ь", "ъ"}):
        return "ye" if rng is None or rng.random() < 0.8 else "e"  # Yerlan, Yerbol (sometimes Erlan)
    if ch == "ж" and rng is not None and rng.random() < 0.15:
        return "j"  # Janar, Jandos
    if ch == "х" and rng is not None and rng.random() < 0.4:
        return "h"
    if ch == "й" and i == len(word) - 1 and i > 0 and word[i - 1] == "и":
        return "" if rng is not None and rng.random() < 0.5 else "y"  # Vitaliy / Vitali
    if ch == "қ" and rng is not None and rng.random() < 0.3:
        return "q"
    return piece


# ЙЦУКЕН neighbours, by row
_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю")
_NEIGHBOURS: dict[str, str] = {}
for _row in _ROWS:
    for _i, _ch in enumerate(_row):
        _NEIGHBOURS[_ch] = _row[max(0, _i - 1):_i] + _row[_i + 1:_i + 2]
_HEARD_ALIKE = {"о": "а", "а": "о", "е": "и", "и": "е", "я": "е", "э": "е", "ы": "и", "й": "и",
                "д": "т", "б": "п", "з": "с", "в": "ф", "ж": "ш", "г": "к", "ү": "у", "ұ": "у", "қ": "к",
                "і": "и", "ә": "а", "ө": "о", "ғ": "г", "ң": "н"}
_OCR_CYR = {"ш": "щ", "щ": "ш", "и": "н", "н": "и", "п": "н", "л": "п", "в": "в", "б": "6", "з": "3",
            "ц": "щ", "ь": "ъ", "ю": "ю", "т": "г", "г": "т", "е": "с", "с": "е", "о": "0"}
_OCR_LAT = {"m": "rn", "rn": "m", "l": "1", "i": "l", "o": "0", "u": "ii", "h": "b", "e": "c", "n": "ri"}


class Typist:
    """One list's way of mistyping: ``rate`` is the chance a given name or family name has a slip."""

    def __init__(self, rng: random.Random, rate: float, ocr: float = 0.0) -> None:
        self.rng = rng
        self.rate = rate
        self.ocr = ocr  # share of the slips that are OCR look-alikes (a scanned or photographed page)

    def word(self, word: str) -> str:
        if len(word) < 3 or self.rng.random() >= self.rate:
            return word
        slips = 1 if self.rng.random() < 0.85 else 2
        for _ in range(slips):
            word = self._slip(word)
        return word

    def _slip(self, word: str) -> str:
        rng = self.rng
        cyrillic = any("а" <= ch.lower() <= "я" or ch.lower() in "әғқңөұүһіё" for ch in word)
        at = rng.randrange(1, len(word))  # the first letter is usually right
        ch = word[at]
        low = ch.lower()
        if rng.random() < self.ocr:
            table = _OCR_CYR if cyrillic else _OCR_LAT
            if word[at:at + 2] in table:
                return word[:at] + table[word[at:at + 2]] + word[at + 2:]
            if low in table:
                return word[:at] + _case(table[low], ch) + word[at + 1:]
        roll = rng.random()
        if cyrillic and roll < 0.45 and low in _HEARD_ALIKE:
            return word[:at] + _case(_HEARD_ALIKE[low], ch) + word[at + 1:]
        if roll < 0.55 and at > 0 and word[at - 1].lower() == low:
            return word[:at] + word[at + 1:]  # a doubled letter typed once: Хабибулин
        if roll < 0.6 and cyrillic and "ь" in word:
            return word.replace("ь", "", 1)
        if roll < 0.72 and cyrillic and low in _NEIGHBOURS and _NEIGHBOURS[low]:
            return word[:at] + _case(rng.choice(_NEIGHBOURS[low]), ch) + word[at + 1:]
        if roll < 0.86 and len(word) > 4:
            return word[:at] + word[at + 1:]  # a letter dropped
        if at < len(word) - 1:
            return word[:at] + word[at + 1] + word[at] + word[at + 2:]  # two letters swapped
        return word + word[-1]


def _case(new: str, old: str) -> str:
    return new.upper() if old.isupper() else new
