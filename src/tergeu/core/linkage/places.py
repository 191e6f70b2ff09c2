"""A small gazetteer: the names lists give a place, reduced to one key per place.

Lists write a city as "Алматы", "г. Алматы", "Алма-Ата", "Almaty", "Alma-Ata" or "Алматинская обл.,
г. Талдыкорган". Matching keys (``tergeu.core.names``) already fold scripts and spellings; this module
removes the administrative words around a city name and maps historical and alternative names
(Алма-Ата, Нур-Султан/Астана, Чимкент, Джамбул/Тараз, Оскемен/Усть-Каменогорск, ...) to one key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tergeu.core.names import matching_key
from tergeu.core.places import place, resolve_key, resolve_place

# Words that say what kind of place follows or precedes the name; compared after matching_key.
_ADMIN_WORDS_WRITTEN = frozenset({
    "g", "gor", "gorod", "k", "kala", "kalasi", "s", "selo", "pos", "poselok", "aul", "auil", "city", "of",
    "obl", "oblast", "oblisi", "region", "rn", "raion", "audani", "audan", "district", "town", "village",
    "mkr", "mikroraion", "ul", "street", "kazakhstan", "respublika", "rk", "город", "облысы", "область", "қаласы",
})
_ADMIN_WORDS = frozenset(matching_key(word) for word in _ADMIN_WORDS_WRITTEN)
# Keyed alternative name → canonical key. Keys are matching keys, so "Алма-Ата" arrives as "alma ata".
_ALIASES = {
    "alma ata": "almaty", "almata": "almaty", "almati": "almaty", "almaata": "almaty",
    "astana": "astana", "nur sultan": "astana", "nursultan": "astana", "akmola": "astana", "tselinograd": "astana",
    "chimkent": "shimkent", "shimkent": "shimkent",
    "jambil": "taraz", "djambul": "taraz", "jambul": "taraz", "aulie ata": "taraz",
    "oskemen": "ust kamenogorsk", "ustkamenogorsk": "ust kamenogorsk",
    "semei": "semei", "semipalatinsk": "semei", "semey": "semei",
    "aktiubinsk": "aktobe", "aktobe": "aktobe",
    "kizilorda": "kizilorda", "kzil orda": "kizilorda", "kzilorda": "kizilorda",
    "janaozen": "janaozen", "novii uzen": "janaozen",
    "aktau": "aktau", "shevchenko": "aktau",
    "atirau": "atirau", "gurev": "atirau",
    "taldikorgan": "taldikorgan", "taldi korgan": "taldikorgan",
    "turkistan": "turkestan", "turkestan": "turkestan",
}
_SEPARATORS = re.compile(r"[,;/()]")
# Words naming a site within a settlement rather than the settlement: hospitals and morgues (a morgue
# or a hospital's deaths list writes "ГКБ №12", "БСМП", "Қалалық аурухана №1"), detention and police
# premises, streets and squares. Compared as matching keys.
_SITE_WORDS = frozenset(matching_key(word) for word in (
    "больница", "больницы", "гкб", "гб", "цгб", "црб", "крб", "бсмп", "гкп", "клиника", "госпиталь", "морг",
    "роддом", "аурухана", "ауруханасы", "емхана", "hospital", "clinic", "morgue", "сизо", "ивс", "изолятор",
    "увд", "ровд", "дп", "ул", "улица", "көшесі", "пр", "проспект", "даңғылы", "пл", "площадь", "алаңы", "мкр",
    "микрорайон", "street", "avenue", "square",
))
SITE_MARK = "@"  # the first character of a site's key (``site_key``): never that of a settlement's


@lru_cache(maxsize=1 << 14)
def comparable_place(text: str | None) -> str:
    """What linkage compares of a place: the gazetteer's key where the place resolves ("г. Алматы" and
    "Alma-Ata" → "almaty", "Kzyl-Orda" → "kyzylorda"), else ``place_key`` (an unknown village still
    matches itself across spellings, and a typo of it stays close for the similarity level); a site
    within a settlement that the text does not name (a hospital, a street) gets ``site_key``."""
    return resolve_key(text) or site_key(text) or place_key(text)


@lru_cache(maxsize=1 << 14)
def site_key(text: str | None) -> str:
    """'ГКБ №12' → '@gkb 12', 'ул. Абая 10' → '@ul abaia 10'; '' when the text names no site.

    A hospital or a street is not a settlement: the gazetteer cannot place it, and compared with a city
    or a district as another settlement it would count as a place of death in disagreement (a morgue's
    "ГКБ №12" against a register's "г. Алматы, Алмалинский р-н"). Its key is marked (``SITE_MARK``) so that
    linkage compares sites only with sites, and it keeps the numbers, which ``matching_key`` drops: ГКБ №4
    is not ГКБ №12.
    """
    if not text:
        return ""
    words = matching_key(text.replace("№", " ")).split()
    if not _SITE_WORDS.intersection(words) and "№" not in text:
        return ""
    return " ".join([SITE_MARK + " ".join(words), *re.findall(r"\d+", text)])


@lru_cache(maxsize=1 << 14)
def city_of_district(text: str | None) -> str | None:
    """The city (its ``comparable_place`` key) a place is a district of ("Алмалинский р-н" → "almaty"), else
    None. A morgue names the district where another list names the city: the two places then say the
    same thing at two scales, and linkage compares them as the city, not as two places."""
    found = resolve_place(text)
    if found is None or found.kind != "district" or found.parent is None:
        return None
    parent = place(found.parent)
    return parent.key if parent is not None and parent.kind == "city" else None


@lru_cache(maxsize=1 << 14)
def place_key(text: str | None) -> str:
    """One key per place: 'г. Алматы' = 'Almaty' = 'Алма-Ата' → 'almaty'; '' when nothing is left.

    With several comma-separated parts ("Алматинская обл., г. Талдыкорган"), the settlement is the part
    that is not a region, preferring one marked as a city ("г.", "қ.") and otherwise the last one.
    """
    if not text:
        return ""
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    if len(parts) > 1:
        marked = [p for p in parts if re.match(r"\s*(г|гор|қ|k|g)\.", p.strip(), re.IGNORECASE)]
        regional = [p for p in parts if re.search(r"обл|облыс|region|oblast", p, re.IGNORECASE)]
        rest = [p for p in parts if p not in regional]
        parts = marked or rest[-1:] or parts[-1:]
    if not parts:
        return ""
    words = [w for w in matching_key(parts[0]).split() if w not in _ADMIN_WORDS]
    key = " ".join(words)
    return _ALIASES.get(key, _ALIASES.get(key.replace(" ", ""), key))
