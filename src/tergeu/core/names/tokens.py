"""Splitting a raw name string into words and initials without losing any letter.

Hand-typed lists write initials every possible way ("Ж.С.", "Ж. С.", "Ж.С.Нурланов", "ZH."),
separate Kazakh patronymic particles from the father's name ("Серік ұлы"), and wrap names in
quotes, brackets and commas.  This module turns all of that into a flat list of pieces; which
role each piece plays is decided later by the parser.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .keys import fold_homoglyphs, matching_key
from .lexicon import INITIAL_DIGRAPHS, NAME_PARTICLE_KEYS, SEPARATE_PATRONYMIC_KEYS

_SEPARATORS = re.compile(r"[,;]")
# Unicode "Cf" (format) characters that turn up in pasted names: soft hyphen, zero-width, bidi marks.
_FORMAT_CHARS = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e"
                           "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_INITIAL_RE = re.compile(r"([^\W\d_]{1,3})\.")
_APOSTROPHES = "'’ʼ‘`´"
# A bracketed aside holding a number is no part of a name: "(32 жаста)", "(~30)", "(1990 г.р.)".
_ASIDE = re.compile(r"\([^()]*\d[^()]*\)")
# Words that follow an age written into a name: "32 жаста", "45 лет", "23 г.", "30 years".
_AGE_UNIT_KEYS = frozenset(matching_key(word) for word in (
    "жас", "жаста", "жасар", "жасында", "лет", "год", "года", "г", "гр", "years", "year", "yo", "y",
))
# A trailing apostrophe after these letters is part of a Kazakh Latin 2017 spelling (Ла'зза').
_APOSTROPHE_LETTERS = frozenset("agnouyscAGNOUYSC")


@dataclass(frozen=True)
class Piece:
    """One unit of a name: ``kind`` is "word", "initial", "patronymic" (merged), "particle" or "aside" (an
    age written into the name, no part of it)."""

    text: str
    kind: str
    comma_after: bool = False


def normalise(text: str) -> str:
    """NFC, drop invisible format characters (zero-width space, soft hyphen), and put a space after
    commas and semicolons so that "Нурланов,Ерлан" splits like "Нурланов, Ерлан"; Latin look-alike
    letters inside Cyrillic words become Cyrillic (``keys.fold_homoglyphs``)."""
    text = unicodedata.normalize("NFC", text)
    if _FORMAT_CHARS.search(text):
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _SEPARATORS.sub(r"\g<0> ", fold_homoglyphs(text))


def _is_edge_junk(ch: str) -> bool:
    return not (ch.isalnum() or unicodedata.category(ch).startswith("M"))


def _strip_left(chunk: str) -> str:
    start = 0
    while start < len(chunk) and _is_edge_junk(chunk[start]):
        start += 1
    return chunk[start:]


def _strip_edges(chunk: str) -> str:
    chunk = _strip_left(chunk)
    end = len(chunk)
    while end > 0 and _is_edge_junk(chunk[end - 1]):
        if end >= 2 and chunk[end - 1] in _APOSTROPHES and chunk[end - 2] in _APOSTROPHE_LETTERS:
            break
        end -= 1
    return chunk[:end]


def _has_trailing_comma(chunk: str) -> bool:
    end = len(chunk)
    while end > 0 and _is_edge_junk(chunk[end - 1]):
        end -= 1
    return any(ch in ",;" for ch in chunk[end:])


def _is_initial_text(letters: str) -> bool:
    return len(letters) == 1 or letters.lower() in INITIAL_DIGRAPHS or _is_doubled_initial(letters)


def _is_doubled_initial(letters: str) -> bool:
    """One letter struck twice before its dot ("Д.ОО."): a keying slip, never a name of its own."""
    return len(letters) == 2 and letters[0].lower() == letters[1].lower()


def _is_number(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and not any(ch.isalpha() for ch in text)


def _ages_set_apart(pieces: list[Piece]) -> list[Piece]:
    """Numbers ("32", "~30"), and an age's units right after one that follows a name ("Ержан 32 жаста",
    "45 лет", "1990 г.р."), as "aside".

    A word mixing letters and digits stays a word: a scanner's "Б0латов" is a name with a slip in it. A
    number before the name ("2. Г.С. Ахметов", a list's row number) takes no unit after it: "Г." there is
    the given initial.
    """
    out: list[Piece] = []
    named = in_age = False
    for piece in pieces:
        key = matching_key(piece.text)
        if _is_number(piece.text):
            piece, in_age = Piece(piece.text, "aside", piece.comma_after), named
        elif in_age and (key in _AGE_UNIT_KEYS or (key == "r" and out and matching_key(out[-1].text) == "g")):
            piece = Piece(piece.text, "aside", piece.comma_after)
        else:
            in_age = False
            named = named or piece.kind in ("word", "patronymic")
        out.append(piece)
    return out


@lru_cache(maxsize=1 << 16)
def _split_chunk(chunk: str) -> tuple[Piece, ...]:
    """Split one whitespace-free chunk into leading initials and at most one word (cached: chunks repeat)."""
    comma = _has_trailing_comma(chunk)
    pieces: list[Piece] = []
    rest = _strip_left(chunk)
    while True:
        match = _INITIAL_RE.match(rest)
        if not match or not _is_initial_text(match.group(1)):
            break
        letters = match.group(1)
        pieces.append(Piece(letters[0] if _is_doubled_initial(letters) else letters, "initial"))
        rest = _strip_left(rest[match.end() :])
    rest = _strip_edges(rest)
    if rest:
        alpha = [ch for ch in rest if ch.isalpha()]
        kind = "initial" if len(alpha) == 1 and len(rest) == 1 else "word"
        pieces.append(Piece(rest, kind))
    if pieces and comma:
        last = pieces[-1]
        pieces[-1] = Piece(last.text, last.kind, True)
    return tuple(pieces)


def split_pieces(text: str) -> list[Piece]:
    """Split a whole name into pieces, merging separated patronymic particles with the word before.

    "Ерлан Серік ұлы" becomes [Ерлан, "Серік ұлы"] so the patronymic stays one unit; a particle
    with no word before it is kept as a "particle" piece rather than dropped. An age written into the
    name ("Ержан (32 жаста)", "Ержан 32 г.") is kept as "aside" pieces: read as a name, "жаста"
    (Kazakh: "aged") became a family name, and every "X (N жаста)" of a list one family.
    """
    raw: list[Piece] = []
    normalised = normalise(text)
    start = 0
    for aside in [*_ASIDE.finditer(normalised), None]:
        for chunk in normalised[start:aside.start() if aside else None].split():
            raw.extend(_split_chunk(chunk))
        if aside:
            raw.extend(Piece(word, "aside") for word in aside.group().split())
            start = aside.end()
    merged: list[Piece] = []
    for piece in _ages_set_apart(raw):
        key = matching_key(piece.text)
        if piece.kind == "word" and key in SEPARATE_PATRONYMIC_KEYS:
            prev = merged[-1] if merged else None
            if prev is not None and prev.kind == "word" and not prev.comma_after:
                merged[-1] = Piece(f"{prev.text} {piece.text}", "patronymic", piece.comma_after)
                continue
            merged.append(Piece(piece.text, "particle", piece.comma_after))
        elif piece.kind == "word" and key in NAME_PARTICLE_KEYS:
            merged.append(Piece(piece.text, "particle", piece.comma_after))
        else:
            merged.append(piece)
    return merged
