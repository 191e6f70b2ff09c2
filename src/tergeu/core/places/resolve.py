"""From a place as a list writes it to a place of the gazetteer, or None.

Lists write one city as "Алматы", "г. Алматы", "г.Алматы", "Алматы қ.", "ALMATY", "Alma-Ata" or
"Алма-Ата", and a region as "Алматинская обл.", "Алматы облысы" or "Almaty Region". Every written form
is reduced to the same key in three steps:

1. The text is keyed with ``tergeu.core.names.matching_key``, which already folds case, ё/е, Latin
   look-alike letters inside Cyrillic words, Kazakh letters and the usual transliterations (Қызылорда,
   Кызылорда and Kyzylorda all key to "kizilorda").
2. Words that say what kind of place it is ("г.", "город", "қаласы", "city", "обл.", "облысы",
   "область", "region", "район", "ауданы", "district") are taken out and remembered: they choose
   between places with one name ("Almaty" is the city, "Almaty Region" the region around it).
3. The rest is looked up among the keyed forms of every place (names, variants, and Russian adjectives
   without their endings: "Алматинская" → "almatin"), and failing that among their consonant skeletons
   (``skeleton_key``), which carry spellings no list of variants foresaw: "Kzyl-Orda", "Taldy-Kurgan".

A text of several parts ("Алматинская обл., г. Талдыкорган") resolves to its most specific known part.
A text naming a street or a microdistrict is never resolved by that part: a street called "Жетысу" is
not the district.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from tergeu.core.names import matching_key, skeleton_key
from tergeu.core.places.gazetteer import Place, places

# Words marking the kind of place beside them, as written; compared after ``matching_key``.
_MARKERS_WRITTEN = {
    "region": ("обл", "область", "области", "облысы", "облыс", "oblast", "oblys", "oblysy", "region", "province"),
    "district": ("р-н", "район", "района", "ауданы", "аудан", "district", "raion", "rayon", "audany"),
    "city": ("г", "гор", "город", "қ", "қала", "қаласы", "city", "town", "gorod", "qalasy", "kalasy", "с", "село",
             "п", "пос", "поселок", "аул", "ауыл", "ауылы", "village"),
}
_NOISE_WRITTEN = ("of", "the", "в", "республика", "республикасы", "республики", "рк", "казахстан", "қазақстан",
                  "kazakhstan", "republic")
# A part naming a street, a building or a microdistrict is an address, not a place of the gazetteer.
_ADDRESS_WRITTEN = ("ул", "улица", "көшесі", "көш", "street", "str", "пр", "проспект", "даңғылы", "avenue", "мкр",
                    "мкрн", "микрорайон", "шағын", "дом", "д", "кв", "house")
_MARKERS = {matching_key(word): kind for kind, words in _MARKERS_WRITTEN.items() for word in words}
_NOISE = frozenset(matching_key(word) for word in _NOISE_WRITTEN)
_ADDRESS = frozenset(matching_key(word) for word in _ADDRESS_WRITTEN)
_PARTS = re.compile(r"[,;/()\n]")
_ADJECTIVE = re.compile(r"(?<=.{3})sk(?:aia|ii|oi|oe|ogo|ai|ia|ui)$")
_SPECIFICITY = {"district": 3, "city": 2, "region": 1}
MIN_SKELETON = 4  # shorter skeletons ("esk", "sh") match too much to be trusted without the exact form


def _core(words: Iterable[str]) -> tuple[str, str | None]:
    """(the name's key without spaces, the kind its marker words say or None) of keyed words."""
    kind = None
    kept = []
    for word in words:
        if word in _MARKERS:
            kind = kind or _MARKERS[word]
        elif word not in _NOISE:
            kept.append(word)
    return "".join(kept), kind


def _stem(core: str) -> str:
    """A Russian adjective without its ending ("almatinskaia" → "almatin"); other words unchanged."""
    return _ADJECTIVE.sub("", core)


@cache
def _indexes() -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple[Place, ...]]]:
    """(keyed form → places, skeleton → places) over every place's forms, built once."""
    exact: dict[str, set[Place]] = {}
    rough: dict[str, set[Place]] = {}
    for place in places():
        for form in place.forms():
            core, _kind = _core(matching_key(form).split())
            for key in {core, _stem(core)}:
                exact.setdefault(key, set()).add(place)
                skeleton = skeleton_key(key)
                if len(skeleton) >= MIN_SKELETON:
                    rough.setdefault(skeleton, set()).add(place)
    ordered = lambda index: {k: tuple(sorted(v, key=lambda p: p.key)) for k, v in index.items()}  # noqa: E731
    return ordered(exact), ordered(rough)


def _choose(candidates: tuple[Place, ...], kind: str | None) -> Place | None:
    """The one candidate of the marked kind, or, unmarked, the most settled one (a city before the region
    named after it: "Almaty" is the city); None when the choice is not one place."""
    if kind == "adjective":
        candidates = tuple(place for place in candidates if place.kind != "city")
        kind = None
    if kind is not None:
        chosen = [place for place in candidates if place.kind == kind]
    else:
        best = max((_SPECIFICITY[place.kind] for place in candidates), default=0)
        chosen = [place for place in candidates if _SPECIFICITY[place.kind] == best]
    return chosen[0] if len(chosen) == 1 else None


def _resolve_words(words: list[str]) -> Place | None:
    core, kind = _core(words)
    if not core:
        return None
    exact, rough = _indexes()
    stem = _stem(core)
    # An adjective with no marker word ("Джамбульская") names a region or a district, not the city.
    kinds = [(core, kind), (stem, kind or ("adjective" if stem != core else None))]
    for key, wanted in kinds:
        if key in exact:
            return _choose(exact[key], wanted)
    for key, wanted in kinds:
        skeleton = skeleton_key(key)
        if len(skeleton) >= MIN_SKELETON and skeleton in rough:
            return _choose(rough[skeleton], wanted)
    return None


def _resolve_part(part: str) -> Place | None:
    """One comma-free part: as a whole, else its most specific run of consecutive words."""
    words = matching_key(part).split()
    if not words or _ADDRESS.intersection(words):
        return None
    found = _resolve_words(words)
    if found is not None or len(words) == 1:
        return found
    runs = (words[start:start + size] for size in range(len(words) - 1, 0, -1)
            for start in range(len(words) - size + 1))
    return _most_specific(_resolve_words(run) for run in runs)


def _most_specific(found: Iterable[Place | None]) -> Place | None:
    best = None
    for place in found:
        if place is not None and (best is None or _SPECIFICITY[place.kind] > _SPECIFICITY[best.kind]):
            best = place
    return best


@lru_cache(maxsize=1 << 14)
def resolve_place(text: str | None) -> Place | None:
    """The gazetteer's place for a place as written, or None when it is not (or not surely) one place.

    'г. Алматы' = 'Almaty' = 'Алма-Ата' → almaty; 'Almaty Region' = 'Алматинская обл.' → almaty-region;
    'Алматинская обл., г. Талдыкорган' → taldykorgan; 'Atlantis' → None.
    """
    if not text or not text.strip():
        return None
    return _most_specific(_resolve_part(part) for part in _PARTS.split(text[:500]) if part.strip())


def resolve_key(text: str | None) -> str:
    """The key of ``resolve_place(text)``, or '' (for a column that stores it)."""
    found = resolve_place(text)
    return found.key if found else ""
