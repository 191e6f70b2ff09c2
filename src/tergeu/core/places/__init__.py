"""A gazetteer of Kazakhstan (regions as of January 2022, main cities, Almaty's districts).

One place is one place everywhere: the import stores each record's place key beside the place as
written, and the registry, the people index, linkage and estimation strata group and compare by it.

* :func:`resolve_place`, :func:`resolve_key` - a place as a list writes it → a :class:`Place` or None.
* :func:`place`, :func:`places`, :func:`region_of`, :func:`place_name` - the places themselves.
"""

from .gazetteer import DATA_FILE, KINDS, Place, place, place_name, places, region_of
from .resolve import resolve_key, resolve_place

__all__ = ["DATA_FILE", "KINDS", "Place", "place", "place_name", "places", "region_of", "resolve_key",
           "resolve_place"]
