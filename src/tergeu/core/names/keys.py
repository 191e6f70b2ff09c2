"""ASCII matching keys that pull different spellings of the same name together.

The same person can appear as "Жанболат" in a Kazakh-language list, "Жанболат" or "Жанбулат" in a
Russian one, "ZHANBOLAT" in a passport scan, "Zhanbolat" in an English report and "Janbolat" in the
2021 Kazakh Latin alphabet.  Record linkage needs a representation in which those spellings are
equal or at least only an edit or two apart.  The key is deliberately lossy: it throws away the
distinctions that transliteration systems disagree about (vowel harmony letters, iotation, ң vs н,
doubled letters) and keeps the skeleton that survives all of them.  Downstream matching stays fuzzy.

Design decisions worth knowing:

* ң folds to "n" (as in passports and the 2021 alphabet's ñ).  The informal English "ng" therefore
  costs one edit ("Zhangabay" vs "Жаңабай"), except before ғ/г where "ңғ" and "ng" coincide.
* x folds to "ks", not "h": in Kazakhstan x is met in English spellings of Russian names
  (Maxim, Alexander), while Uzbek-Latin x for х is rare in our sources.
* "ye" always folds to "e" (Yerlan, Andreyev, Vasilyev) and "yo" after a consonant to "e"
  (Fyodor, Artyom) because Cyrillic е and ё both fold to "e".
* Doubled letters collapse, which also turns Дмитрий/Dmitriy/Dmitrii into "dmitri".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold_homoglyphs", "matching_key", "skeleton_key"]

# fmt: off
_CYRILLIC = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e",
    "э": "e", "ж": "j", "з": "z", "и": "i", "і": "i", "й": "i", "ы": "i", "к": "k", "қ": "k",
    "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "sh", "ъ": "", "ь": "", "ю": "iu", "я": "ia",
    # Neighbouring alphabets met in Kazakhstan (Ukrainian, Belarusian, Uzbek, Tajik, Kyrgyz).
    "є": "e", "ї": "i", "ґ": "g", "ў": "u", "ҳ": "h", "ӣ": "i", "ӯ": "u", "ҷ": "j", "ҕ": "g",
}

# Latin letters whose meaning in Kazakh romanisations is not "the base letter without its mark".
_LATIN_SPECIAL = {
    "ş": "sh", "ś": "sh", "š": "sh", "ŝ": "sh", "ș": "sh", "ç": "ch", "ć": "ch", "č": "ch",
    "ĉ": "ch", "ț": "ts", "ž": "j", "ı": "i", "ý": "u", "ß": "ss", "æ": "ae", "œ": "oe",
    "ø": "o", "ł": "l", "đ": "d", "þ": "th",
}
# fmt: on

# Latin letters that look like Cyrillic ones (upper or lower case). Scanned or retyped lists mix them
# into Cyrillic words ("Муcин" with a Latin c): read as Latin, "ЯKОВЛЕB" would key as "iakovleb".
# Both cases of each, so that folding and lower-casing commute.
_LOOKALIKES = str.maketrans("AaBbCcEeHhKkMmOoPpTtXxYy", "АаВвСсЕеНнКкМмОоРрТтХхУу")
_MIXED_WORD = re.compile(r"[^\W\d_]*[A-Za-z][^\W\d_]*")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
# Latin letters with no Cyrillic twin in one case or the other: B H M T look like В Н М Т only in upper
# case, and "Bаkyt" (one Cyrillic а) must stay Bakyt in any case, not become Вакут. Case must not matter.
_LATIN_WITHOUT_TWIN = re.compile(r"[^\W\d_AaCcEeKkOoPpXxYy\u0400-\u04ff]")

# An initial: one letter alone, with a Cyrillic twin in upper case (either case, so that keys ignore case)
_LONE_LETTER = re.compile(r"(?<![^\W\d_])[ABCEHKMOPTXYabcehkmoptxy](?![^\W\d_])")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# Any letter of another script (ı, ş, ñ): beside one, a lone look-alike letter is not read as Cyrillic, in any case.
_NON_CYRILLIC_LETTER = re.compile(r"[^\W\d_\u0400-\u04ff]")
# A digit between two letters of a word, and the letter each digit is misread for in either script.
_DIGIT = re.compile(r"\d")
_DIGIT_IN_WORD = re.compile(r"(?<=[^\W\d_])\d(?=[^\W\d_])")
_WORD_WITH_DIGITS = re.compile(r"[^\W_]*[^\W\d_]\d[^\W_]*")
_CYRILLIC_DIGITS = {"0": "о", "3": "з", "6": "б"}
_LATIN_DIGITS = {"0": "o"}

_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼʻ`´ʹ′", "'"))

# Kazakh Latin 2017 apostrophe digraphs that are not just "letter plus ignorable mark".
_APOSTROPHE_DIGRAPHS = {"s": "sh", "c": "ch", "y": "u"}
_APOSTROPHE_RE = re.compile(r"([scy])'")

_VOWELS = frozenset("aeiou")

# Punctuation that separates words in names ("Ж.С.Нурланов", "Нурланов,Ерлан"); hyphens and
# apostrophes join parts of one word instead and are simply dropped.
_WORD_BREAKS = re.compile(r"[.,;/()\[\]{}]")

# Rewrites applied to the ASCII form, in order, until nothing changes.  Each either shortens the
# string or removes a letter no rule produces, so the loop always terminates.
_ASCII_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"shch", "sh"),
        (r"tch", "ch"),
        (r"dzh", "j"),
        (r"zh", "j"),
        (r"dj", "j"),
        (r"kh", "h"),
        (r"gh", "g"),
        (r"x", "ks"),
        (r"q", "k"),
        (r"w", "v"),
        (r"c(?!h)", "k"),
        (r"ye", "e"),
        (r"(?<=[^aeiouy])yo", "e"),
        (r"y", "i"),
        (r"^ie", "e"),
        (r"ij$", "i"),
        (r"(.)\1+", r"\1"),
    )
)


def _to_ascii(token: str) -> str:
    """Map one lowercased token to ASCII letters, letter by letter.

    Cyrillic and the special Latin letters go through explicit tables; anything else is
    decomposed and stripped of combining marks, and whatever is still not a-z is dropped
    (digits, punctuation, other alphabets).
    """
    token = _APOSTROPHE_RE.sub(lambda m: _APOSTROPHE_DIGRAPHS[m.group(1)], token)
    mapped = []
    for ch in token:
        if ch in _CYRILLIC:
            mapped.append(_CYRILLIC[ch])
        elif ch in _LATIN_SPECIAL:
            mapped.append(_LATIN_SPECIAL[ch])
        else:
            mapped.append(ch)
    decomposed = unicodedata.normalize("NFKD", "".join(mapped))
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


def _fold(ascii_token: str) -> str:
    """Apply the spelling-convergence rules until the token stops changing."""
    current = ascii_token
    for _ in range(10):
        previous = current
        for pattern, repl in _ASCII_RULES:
            current = pattern.sub(repl, current)
        if current == previous:
            break
    return current


def fold_homoglyphs(text: str) -> str:
    """Latin look-alike letters inside a Cyrillic word, made Cyrillic.

    A word changes when its letters are mostly Cyrillic, or when it holds a Cyrillic letter and every
    Latin letter in it looks like a Cyrillic one in both cases (A C E K O P X Y): a scan of upper-case
    print mixes the scripts half and half ("CАKEН", "Pyслaн"). So a Latin spelling ("Aset") is never
    touched, nor a Latin word with a Cyrillic letter slipped in ("Zhаnna", "Bаkyt": z, n, b, t have no
    twin in lower case); only the look-alike letters move, and a word still mixed afterwards is left for
    the reader to see.
    """
    if not _DIGIT.search(text) and not (_LATIN_LETTER.search(text) and _CYRILLIC_LETTER.search(text)):
        return text  # one script and no digit (most names): nothing to fold
    if not _CYRILLIC_LETTER.search(text):
        return _fold_digits(text)
    folded = _MIXED_WORD.sub(lambda m: m.group(0).translate(_LOOKALIKES) if _cyrillic_word(m.group(0))
                             else m.group(0), text)
    # A lone letter ("Жаксылыков H.Ж.", a scanned Н) has no Cyrillic letter of its own to tell by: it is
    # read as Cyrillic when every other word of the text is, and left alone beside a Latin word.
    if not _NON_CYRILLIC_LETTER.search(_LONE_LETTER.sub("", folded)):
        folded = _LONE_LETTER.sub(lambda m: _cyrillic_twin(m.group(0)), folded)
    return _fold_digits(folded)


def _fold_digits(text: str) -> str:
    """Each digit between two letters of a word read as the letter it looks like, in the word's script
    (the one most of its letters are in, after look-alike letters are folded): a scanner reads
    "Азаматбаев" as "А3аматбаев" and "Болатов" as "Б0латов". A digit has no place inside a name, so
    reading it as its look-alike loses nothing; one with no safe look-alike stays (and is dropped from
    the key). 1 is not read: it stands for l, I or i alike ("DAN1YAR", "Be1sen")."""
    return _WORD_WITH_DIGITS.sub(_fold_word_digits, text)


def _fold_word_digits(found: re.Match[str]) -> str:
    word = found.group(0)
    cyrillic = len(_CYRILLIC_LETTER.findall(word))
    table = _CYRILLIC_DIGITS if cyrillic > len(_LATIN_LETTER.findall(word)) else _LATIN_DIGITS

    def letter(digit: re.Match[str]) -> str:
        twin = table.get(digit.group(0), digit.group(0))
        around = word[digit.start() - 1] + word[digit.end()]
        return twin.upper() if around.isupper() else twin

    return _DIGIT_IN_WORD.sub(letter, word)


def _cyrillic_twin(letter: str) -> str:
    """The Cyrillic letter an upper-case Latin one looks like, in the case it was written."""
    twin = letter.upper().translate(_LOOKALIKES)
    return twin if letter.isupper() else twin.lower()


def _cyrillic_word(word: str) -> bool:
    cyrillic = len(_CYRILLIC_LETTER.findall(word))
    return 2 * cyrillic > len(word) or (cyrillic > 0 and not _LATIN_WITHOUT_TWIN.search(word))


@lru_cache(maxsize=1 << 16)
def _token_key(token: str) -> str:
    """Key of one word. Cached: names repeat across and within lists, and linkage keys millions."""
    return _fold(_to_ascii(token))


@lru_cache(maxsize=1 << 17)
def matching_key(text: str) -> str:
    """Return the ASCII matching key of a name token or of a whole name string.

    Words (separated by whitespace, dots, commas, slashes or brackets) are keyed separately and
    joined by single spaces; hyphens, apostrophes and other punctuation inside a word are dropped.
    The result contains only ``[a-z ]`` and is stable under re-keying, so keys can be stored and
    compared later.
    """
    text = fold_homoglyphs(unicodedata.normalize("NFC", text)).lower().translate(_APOSTROPHES)
    keys = (_token_key(word) for word in _WORD_BREAKS.sub(" ", text).split())
    return " ".join(key for key in keys if key)


@lru_cache(maxsize=1 << 16)
def skeleton_key(text: str) -> str:
    """Return a coarse blocking key: first letter plus the consonant skeleton of each word.

    Vowels are where transliterations and clerks disagree most (Жанбулат vs Zhanbolat), so a key
    without them groups candidate pairs cheaply before a finer comparison.
    """
    return " ".join(_word_skeleton(word) for word in matching_key(text).split())


@lru_cache(maxsize=1 << 16)
def _word_skeleton(word: str) -> str:
    letters = [word[0]] + [ch for ch in word[1:] if ch not in _VOWELS]
    collapsed = [ch for i, ch in enumerate(letters) if i == 0 or ch != letters[i - 1]]
    return "".join(collapsed)
