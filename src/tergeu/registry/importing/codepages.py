"""CP1251 or KZ-1048: which of the two Cyrillic code pages a text file is in, by which reading is plausible.

KZ-1048, Windows' Kazakh code page, is CP1251 with 16 bytes given to the Kazakh letters ә ғ қ ң ө ұ ү һ
(and their capitals; і sits at the same byte in both). Read as CP1251, those bytes are letters of other
alphabets: Serbian and Macedonian ј ќ ћ ѕ, Ukrainian є ї ґ, Belarusian and Uzbek ў. So a Kazakh file
read as CP1251 is still Cyrillic, with wrong letters: "Сәрсенов" becomes "Сјрсенов", "Серікұлы"
"Серікўлы".

Each word of the CP1251 reading that holds one of those letters is checked against the spelling of the
languages that write the letter. A word none spells so is Kazakh read in the wrong code page, and the
file is KZ-1048 (every such byte is then a Kazakh letter): "Серікўлы" (Belarusian ў follows only a
vowel; Uzbek has no і or ы), "Єалым" (Ukrainian has no ы), a word mixing two of the alphabets, or a
Serbian or Macedonian letter in a file whose other letters (я, ы, й, і, ...) those alphabets lack
("Сјрсенов" in a list headed "Фамилия"). A file without such letters is CP1251, as before. When every
such word is a possible spelling (a Ukrainian "Євген", a Belarusian "Аўдзей", an Uzbek "Тўхтаев", or a
Kazakh "Өмірбек" that reads as Ukrainian "Ґмірбек"), nothing tells the two apart, and the file is
refused, naming the line and both readings, until the encoding is stated (``tergeu import
--encoding``) or the file is saved as UTF-8.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from tergeu.registry.importing.table import ImportProblem

SOUTH_SLAVIC = "ЈјЌќЋћЅѕ"  # Serbian and Macedonian; KZ-1048 has Ә ә Қ қ Һ һ Ң ң at these bytes
UKRAINIAN = "ЄєЇїҐґ"  # KZ-1048: Ғ ғ Ү ү Ө ө
SHORT_U = "Ўў"  # Belarusian and Uzbek; KZ-1048: Ұ ұ
# The letters alone are searched for (a word pattern would be tried at every letter of a 200 MB file).
_FOREIGN_LETTER = re.compile(f"[{SOUTH_SLAVIC}{UKRAINIAN}{SHORT_U}]")
_LETTER = re.compile(r"[^\W\d_]")
_LETTERS = re.compile(r"[^\W\d_]*")
# Letters Serbian and Macedonian lack: a file holding any is not written in either.
_NOT_SOUTH_SLAVIC = re.compile(f"[ЫыЭэЪъЁёЙйЯяЮюЩщЬьІі{UKRAINIAN}{SHORT_U}]")
# Who writes the other letters: the language, its letters among them, the letters it lacks, and a letter that
# only follows a vowel there or starts a word (an apostrophe splits a word here: з'їзд).
_SPELLINGS = (
    ("Ukrainian", UKRAINIAN, set("ыэъё"), "ї", set("аеєиіїоуюя")),  # Київ, Євген
    ("Belarusian", SHORT_U, set("ищъ"), "ў", set("аеёіоуыэюя")),  # Аўдзей
    ("Uzbek", SHORT_U, set("ыщі"), "", set()),  # Тўхтаев
)


def _spellings(word: str, south_slavic_file: bool) -> list[str]:
    """The languages that could spell ``word`` (lower case, CP1251 reading) so; none: Kazakh read as CP1251."""
    groups = [group for group in (SOUTH_SLAVIC, UKRAINIAN, SHORT_U) if any(c in group for c in word)]
    if len(groups) != 1:
        return []
    if groups[0] == SOUTH_SLAVIC:
        return ["Serbian or Macedonian"] if south_slavic_file else []
    return [name for name, group, lacks, letter, vowels in _SPELLINGS
            if group == groups[0] and not lacks & set(word)
            and all(word[i - 1] in vowels for i, c in enumerate(word) if c == letter and i > 0)]


def _foreign_words(text: str) -> Iterator[tuple[int, str]]:
    """Each word holding one of the letters the code pages differ in, with where it starts."""
    end = 0
    for match in _FOREIGN_LETTER.finditer(text):
        if match.start() < end:
            continue  # a second such letter in the word just read
        start = match.start()
        while start and _LETTER.match(text, start - 1):
            start -= 1
        end = _LETTERS.match(text, match.start()).end()
        yield start, text[start:end]


def cp1251_or_kz1048(text: str, path: Path) -> str:
    """'cp1251' or 'kz1048' for a file whose CP1251 reading is ``text``; ImportProblem when it cannot tell."""
    words = _foreign_words(text)
    first = next(words, None)
    if first is None:
        return "cp1251"
    south_slavic_file = not _NOT_SOUTH_SLAVIC.search(text)
    for _, word in itertools.chain([first], words):
        if not _spellings(word.lower(), south_slavic_file):
            return "kz1048"
    start, word = first
    line = len(re.findall(r"\r\n?|\n", text[:start])) + 1
    languages = " or ".join(_spellings(word.lower(), south_slavic_file))
    raise ImportProblem(path, (
        f"line {line}: cannot tell the encoding: read as CP1251 the file has {word!r} (spelled as in {languages}), "
        f"read as KZ-1048 (Kazakh) {word.encode('cp1251').decode('kz1048')!r}, and nothing in the file tells "
        "which is meant; state it (tergeu import --encoding cp1251, or --encoding kz1048) or save the file as "
        "UTF-8"))
