"""A gazetteer of Kazakhstan (regions as of January 2022, main cities, Almaty's districts).

One place is one place everywhere: the import stores each record's place key beside the place as
written, and the registry, the people index, linkage and estimation strata group and compare by it.

* :func:`resolve_place`, :func:`resolve_key` - a place as a list writes it → a :class:`Place` or None.
* :func:`place`, :func:`places`, :func:`region_of`, :func:`place_name` - the places themselves.
* :func:`region_map`, :func:`region_shapes`, :func:`shade`, :func:`shade_ranges` - the map of the regions
  (Natural Earth, public domain) and its colour classes; :func:`simplify` - Douglas-Peucker.
"""

from .gazetteer import DATA_FILE, KINDS, Place, place, place_name, places, region_of
from .regions_map import MAP_FILE, MapLayout, Shape, region_map, region_shapes, shade, shade_ranges, simplify
from .resolve import resolve_key, resolve_place

__all__ = ["DATA_FILE", "KINDS", "MAP_FILE", "MapLayout", "Place", "Shape", "place", "place_name", "places",
           "region_map", "region_of", "region_shapes", "resolve_key", "resolve_place", "shade", "shade_ranges",
           "simplify"]
