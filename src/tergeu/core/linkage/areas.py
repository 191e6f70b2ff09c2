"""Areas: which region a place of death lies in, and which regions a list covers.

Why: a list that names no place can still say where its dead come from. The Almaty morgue receives
the dead of Almaty city and Almaty region and nobody else, so "Нурланов А." on its register cannot be
the Нурланов А-something whom another list places in Taraz, however alike the names. The list states
that once, at import, as a region fact for every row (``region = "г. Алматы; Алматинская область"`` in
its column map), and linkage compares areas wherever a pair lacks a place on one side.

Areas are the regions of January 2022 (before the Abai, Zhetysu and Ulytau regions were split off)
and the three cities of republican significance, which are regions of their own. Keys are plain ASCII:
"almaty" (the city), "almaty region", "jambyl region".
"""

from __future__ import annotations

import re
from functools import lru_cache

from tergeu.core.linkage.places import city_of_district, place_key
from tergeu.core.names import matching_key

CITIES = ("almaty", "astana", "shimkent")
# Settlement (its place_key) -> area.
_SETTLEMENTS: dict[str, str] = {
    "almaty": "almaty", "astana": "astana", "shimkent": "shimkent",
    **dict.fromkeys(("taldikorgan", "kaskelen", "talgar", "kapchagai", "konaev", "esik", "issik", "uzinagash",
                     "jarkent", "tekeli", "ushtobe", "shelek", "otegen batir"), "almaty region"),
    **dict.fromkeys(("taraz", "shu", "karatau", "janatas", "kordai"), "jambyl region"),
    **dict.fromkeys(("turkestan", "kentau", "aris", "saryagash", "sariagash", "lenger"), "turkestan region"),
    **dict.fromkeys(("kizilorda", "aralsk", "aral", "kazalinsk"), "kyzylorda region"),
    **dict.fromkeys(("aktobe",), "aktobe region"),
    **dict.fromkeys(("ust kamenogorsk", "semei", "ridder", "zaisan"), "east kazakhstan region"),
    **dict.fromkeys(("aktau", "janaozen"), "mangystau region"),
    **dict.fromkeys(("atirau", "kulsari"), "atyrau region"),
    **dict.fromkeys(("karaganda", "karagandi", "temirtau", "jezkazgan", "balkhash", "balkash", "satpaev"),
                    "karaganda region"),
    **dict.fromkeys(("pavlodar", "ekibastuz"), "pavlodar region"),
    **dict.fromkeys(("kostanai", "rudnii", "lisakovsk"), "kostanay region"),
    **dict.fromkeys(("petropavlovsk", "kizilzhar"), "north kazakhstan region"),
    **dict.fromkeys(("kokshetau", "stepnogorsk"), "akmola region"),
    **dict.fromkeys(("uralsk", "oral", "aksai"), "west kazakhstan region"),
}
# A region's name (matching key, adjective ending removed) -> area.
_REGION_STEMS: dict[str, str] = {
    "almatin": "almaty region", "almati": "almaty region", "jetisu": "almaty region",
    "jambil": "jambyl region", "jambyl": "jambyl region", "turkestan": "turkestan region",
    "iujnokazahstan": "turkestan region", "ontustik kazakstan": "turkestan region",
    "kizilordin": "kyzylorda region", "kizilorda": "kyzylorda region",
    "aktiubin": "aktobe region", "aktobe": "aktobe region",
    "vostochnokazahstan": "east kazakhstan region", "shigis kazakstan": "east kazakhstan region",
    "east kazakhstan": "east kazakhstan region", "abai": "east kazakhstan region",
    "mangistau": "mangystau region", "mangistaus": "mangystau region", "mangyshlak": "mangystau region",
    "atirau": "atyrau region", "atiraus": "atyrau region",
    "karagandin": "karaganda region", "karagandi": "karaganda region", "karaganda": "karaganda region",
    "ulitau": "karaganda region",
    "pavlodar": "pavlodar region", "kostanai": "kostanay region",
    "severokazahstan": "north kazakhstan region", "soltustik kazakstan": "north kazakhstan region",
    "north kazakhstan": "north kazakhstan region",
    "akmolin": "akmola region", "akmola": "akmola region",
    "zapadnokazahstan": "west kazakhstan region", "batis kazakstan": "west kazakhstan region",
    "west kazakhstan": "west kazakhstan region",
}
_ADJECTIVE_ENDINGS = ("skaia", "skaya", "skoi", "skoy", "skii")
_REGION = matching_key("region")  # as keys spell it, whatever the keying rules become
_LIST_SEPARATORS = re.compile(r";|\+|\s(?:и|және|and)\s", re.IGNORECASE)


def area_of_place(text: str | None) -> str | None:
    """The area a place of death lies in ('Алматинская обл., г. Талдыкорган' → 'almaty region'; a district
    of a city, 'Алмалинский р-н', → the city's area)."""
    if not text:
        return None
    city = city_of_district(text)  # a gazetteer key ("nur-sultan"): read as lists write it, like any place
    return _SETTLEMENTS.get(place_key(text)) or (_SETTLEMENTS.get(place_key(city)) if city else None)


@lru_cache(maxsize=1 << 12)
def _area_of_region(text: str) -> str | None:
    words = matching_key(text).split()  # обл, область, облысы, oblast all key to words starting "obl"
    marked = any(word.startswith(("obl", _REGION)) for word in words)
    words = [w for w in words if w != _REGION and not w.startswith("obl")]
    stem = " ".join(words)
    for ending in _ADJECTIVE_ENDINGS:
        if stem.endswith(ending):
            stem, marked = stem[: -len(ending)], True
    if marked:
        return _REGION_STEMS.get(stem) or _REGION_STEMS.get(stem.replace(" ", ""))
    return area_of_place(text) or _REGION_STEMS.get(stem)


def areas_of_region(text: str | None) -> frozenset[str]:
    """Every area a region fact names: 'г. Алматы; Алматинская область' → {'almaty', 'almaty region'}.

    A bare city of republican significance ("Алматы") is the city; "Алматы облысы" is the region around it.
    Parts the gazetteer does not know are left out (an unknown area constrains nothing).
    """
    if not text:
        return frozenset()
    found = (_area_of_region(part.strip()) for part in _LIST_SEPARATORS.split(text) if part.strip())
    return frozenset(area for area in found if area)


def record_areas(place: str | None, region: str | None) -> list[str] | None:
    """The areas a record's person died in, as far as the record says: its place's, else its region's."""
    area = area_of_place(place)
    if area:
        return [area]
    areas = areas_of_region(region)
    return sorted(areas) if areas else None
