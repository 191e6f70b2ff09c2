"""What a single name word looks like: surname, patronymic, given name, and with which sex.

The parser decides roles by weighing these shapes across the whole name, so this module only
describes one word and never decides anything about its neighbours.  It also rebuilds the forms
that matching needs: the masculine form of a surname (so a brother and sister share a stem) and
the father's given name hidden inside a patronymic.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .keys import matching_key
from .lexicon import (
    FAMILY_ENDINGS,
    FAMILY_FEMININE_TO_MASCULINE,
    FAMILY_KEYS,
    GIVEN_KEY_SUFFIXES,
    GIVEN_KEYS,
    INITIAL_DIGRAPHS,
    KZ_FEMININE_TO_MASCULINE,
    KZ_PATRONYMIC_SUFFIXES,
    RU_PATRONYMIC_SUFFIXES,
    SEPARATE_PATRONYMIC_KEYS,
)

_VOWELS = frozenset("аеёиіоөуұүыэюяәaeiouyäöüūıáóúý")
_STEM_TRIM = " -'’"


@dataclass(frozen=True)
class WordShape:
    """Evidence about one word.  ``patronymic`` is None, "kz", "kz_sep", "ru" or "ru_weak"."""

    patronymic: str | None = None
    patronymic_sex: str | None = None
    family: int = 0
    family_sex: str | None = None
    given_hit: bool = False
    given_hint: bool = False
    family_hit: bool = False


# The Kazakh Latin alphabet of 2018 writes и and й as a dotless ı: "Alısherovıch" ends as "Alisherovich" does.
_SUFFIX_FOLD = str.maketrans({"ı": "i"})


def _lower(text: str) -> str:
    """Lowercase without changing the length, so suffix positions map back onto the original; a dotless ı
    is read as i, so the endings written with i are found in Kazakh Latin too."""
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text).translate(_SUFFIX_FOLD)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _match_suffix(lower: str, suffix: str, min_stem: int) -> bool:
    return lower.endswith(suffix) and _letters(lower[: -len(suffix)]) >= min_stem


def _kz_suffix(lower: str) -> tuple[str, str] | None:
    for suffix, sex in KZ_PATRONYMIC_SUFFIXES:
        if _match_suffix(lower, suffix, 3):
            return suffix, sex
    return None


def _ru_suffix(lower: str) -> tuple[str, str, str, str] | None:
    for entry in RU_PATRONYMIC_SUFFIXES:
        min_stem = 3 if entry[3] == "weak" else 2
        if _match_suffix(lower, entry[0], min_stem):
            return entry
    return None


def _family_ending(lower: str) -> tuple[str | None, int]:
    for suffix, sex, strength in FAMILY_ENDINGS:
        if _match_suffix(lower, suffix, 2 if strength == 2 else 3):
            return sex, strength
    return None, 0


@lru_cache(maxsize=1 << 16)
def shape_of(text: str, separated: bool = False) -> WordShape:
    """Describe one word (``separated`` = a merged "Серік ұлы" style patronymic)."""
    key = matching_key(text)
    given_hit = key in GIVEN_KEYS
    hint = key.endswith(GIVEN_KEY_SUFFIXES) and len(key) > 4
    if separated:
        sex = SEPARATE_PATRONYMIC_KEYS.get(key.rsplit(" ", 1)[-1])
        return WordShape(patronymic="kz_sep", patronymic_sex=sex)
    lower = _lower(text)
    kz = _kz_suffix(lower)
    if kz is not None:
        return WordShape(patronymic="kz", patronymic_sex=kz[1])
    ru = _ru_suffix(lower)
    if ru is not None and not given_hit:
        kind = "ru" if ru[3] == "strong" else "ru_weak"
        return WordShape(patronymic=kind, patronymic_sex=ru[1])
    if given_hit:
        return WordShape(given_hit=True, given_hint=hint)
    sex, strength = _family_ending(lower)
    return WordShape(family=strength, family_sex=sex, given_hint=hint, family_hit=key in FAMILY_KEYS)


def _match_case(replacement: str, original: str) -> str:
    return replacement.upper() if original.isupper() else replacement


def _replace_suffix(text: str, table: tuple[tuple[str, str], ...]) -> str | None:
    lower = _lower(text)
    for feminine, masculine in table:
        if lower.endswith(feminine) and _letters(lower[: -len(feminine)]) >= 2:
            cut = len(text) - len(feminine)
            return text[:cut] + _match_case(masculine, text[cut:])
    return None


@lru_cache(maxsize=1 << 16)
def family_stem(text: str) -> str:
    """Return the masculine (sex-neutral for matching) form of a surname.

    Нурланова -> Нурланов, Ильина -> Ильин, Петровская -> Петровский, and for patronymic-form
    surnames Серікқызы -> Серікұлы.  Surnames without a gendered ending are returned unchanged.
    """
    for table in (KZ_FEMININE_TO_MASCULINE, FAMILY_FEMININE_TO_MASCULINE):
        replaced = _replace_suffix(text, table)
        if replaced is not None:
            return replaced
    return text


def _rebuild_ev(base: str) -> str:
    """Father's name from the part before -евич/-евна: Серге->Сергей, Игор->Игорь, Юрь->Юрий."""
    last = _lower(base[-1:])
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in base)
    if cyrillic:
        if last == "ь":
            return base[:-1] + _match_case("ий", base)
        if last in _VOWELS:
            return base + _match_case("й", base)
        if last in "жшчщц":
            return base
        return base + _match_case("ь", base)
    if last in "aeiou":
        return base + _match_case("y", base)
    return base


def _rebuild_ich(base: str) -> str:
    """Father's name from the part before -ич/-ична/-инична: Иль->Илья, Никит->Никита."""
    last = _lower(base[-1:])
    if last == "ь":
        return base + _match_case("я", base)
    if any("\u0400" <= ch <= "\u04ff" for ch in base):
        return base + _match_case("а", base)
    return base + _match_case("a", base)


@lru_cache(maxsize=1 << 16)
def patronymic_stem(text: str) -> str | None:
    """Recover the father's given name from a patronymic, or None if it has no known suffix."""
    words = text.split()
    if len(words) > 1 and matching_key(words[-1]) in SEPARATE_PATRONYMIC_KEYS:
        return " ".join(words[:-1])
    lower = _lower(text)
    kz = _kz_suffix(lower)
    if kz is not None:
        return text[: -len(kz[0])].rstrip(_STEM_TRIM)
    ru = _ru_suffix(lower)
    if ru is None:
        return None
    base = text[: -len(ru[0])].rstrip(_STEM_TRIM)
    if ru[2] == "ev":
        return _rebuild_ev(base)
    if ru[2] == "ich":
        return _rebuild_ich(base)
    return base


@lru_cache(maxsize=1 << 16)
def initial_of(text: str) -> str | None:
    """Uppercase initial of a word; Latin consonant digraphs (Zh, Kh, Sh, Ch, Ts) stay whole.

    Keeping "ZH" for Zhanbolat lets it agree with a list that wrote "Zh." for the same person.
    """
    letters = "".join(ch for ch in text if ch.isalpha())
    if not letters:
        return None
    head = _lower(letters[:2])
    if (head in INITIAL_DIGRAPHS and head[1] == "h") or head == "ts":
        return letters[:2].upper()
    return letters[0].upper()
