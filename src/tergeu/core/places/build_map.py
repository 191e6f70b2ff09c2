"""Make ``kazakhstan-regions.json`` from Natural Earth's admin-1 polygons (run by hand, rarely).

    python -m tergeu.core.places.build_map ne_10m_admin_1_states_provinces.geojson [--tolerance 0.02]

Natural Earth's 1:10m "Admin 1 - States, Provinces" (public domain) has Kazakhstan's 14 regions with
their January 2022 borders (Abai, Zhetysu and Ulytau, made in June 2022, are not in it), Almaty and
Nur-Sultan as cities, and Shymkent inside the Turkistan region (it has no polygon of its own there).
This keeps those features, names each by the gazetteer key (its resolver reads Natural Earth's English
name and type, "Jambyl Region", "Almaty City", as it reads a list's place), simplifies every ring (Douglas-Peucker,
``tolerance`` in degrees) and writes coordinates to 0.01° (about a kilometre). Shymkent gets a marker
at its coordinates. Every gazetteer region must find its feature: a missing one is an error, as is a
Kazakh feature no key is known for (a newer Natural Earth with the 2022 regions), so the map never
silently draws other borders than the gazetteer's.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .gazetteer import place, places
from .regions_map import MAP_FILE, Point, simplify_ring
from .resolve import resolve_key

# cities of republican significance without a polygon in the source: (longitude, latitude)
CITY_MARKERS = {"shymkent": (69.59, 42.32)}
ABOUT = ("Kazakhstan's regions as of January 2022 (14 regions; Almaty and Nur-Sultan as cities, "
         "Shymkent as a marker), simplified from Natural Earth 1:10m Admin 1 - States, Provinces "
         "(public domain, see kazakhstan-regions.LICENSE.txt); made by tergeu.core.places.build_map.")


class MapSourceError(ValueError):
    """The source file is not what the map needs; the message names the file and the feature."""


def _rings(geometry: dict[str, Any]) -> list[list[Point]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[(float(x), float(y)) for x, y, *_ in ring] for polygon in polygons for ring in polygon]


def _flat(ring: Iterable[Point]) -> list[float]:
    return [round(value, 2) for point in ring for value in point]


def kazakh_features(source: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    """The source's Kazakh features by gazetteer key; an unknown one or a missing region is an error."""
    found: dict[str, dict[str, Any]] = {}
    for number, feature in enumerate(source.get("features", []), start=1):
        properties = feature.get("properties") or {}
        if properties.get("adm0_a3") != "KAZ":
            continue
        english = f"{properties.get('name_en') or properties.get('name')} {properties.get('type_en') or ''}".strip()
        key = resolve_key(english)  # "Jambyl Region", "Almaty City": the gazetteer knows these spellings
        found_place = place(key)
        if found_place is None or found_place.parent is not None or key in found:
            raise MapSourceError(f"{name}: feature {number} ({english!r}) is not a region of January 2022 "
                                 "the gazetteer knows")
        found[key] = feature
    wanted = {known.key for known in places() if known.parent is None} - set(CITY_MARKERS)
    missing = sorted(wanted - set(found))
    if missing:
        raise MapSourceError(f"{name}: no feature for {', '.join(missing)}")
    return found


def build(source: dict[str, Any], name: str, tolerance: float) -> dict[str, Any]:
    """The map file's content: regions first, then cities (drawn last, on top)."""
    features = kazakh_features(source, name)
    shapes = []
    for key in sorted(features, key=lambda key: (not key.endswith("-region"), key)):
        properties = features[key]["properties"]
        rings = [kept for ring in _rings(features[key]["geometry"]) if (kept := simplify_ring(ring, tolerance))]
        label = (round(float(properties["longitude"]), 2), round(float(properties["latitude"]), 2))
        shape: dict[str, Any] = {"key": key, "label": list(label), "rings": [_flat(ring) for ring in rings]}
        if not key.endswith("-region"):
            shape["marker"] = list(label)
        shapes.append(shape)
    shapes += [{"key": key, "label": list(point), "marker": list(point)} for key, point in CITY_MARKERS.items()]
    return {"about": ABOUT, "tolerance_degrees": tolerance, "shapes": shapes}


def write_atomically(path: Path, text: str) -> None:
    """All of ``text`` in ``path`` or the old file untouched."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # a package data file, readable like the others
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make the region map from Natural Earth admin-1 GeoJSON.")
    parser.add_argument("source", type=Path)
    parser.add_argument("--tolerance", type=float, default=0.02, help="degrees (default 0.02)")
    parser.add_argument("--out", type=Path, default=MAP_FILE)
    arguments = parser.parse_args(argv)
    try:
        source = json.loads(arguments.source.read_text(encoding="utf-8"))
        content = build(source, str(arguments.source), arguments.tolerance)
    except (OSError, ValueError) as error:
        parser.exit(1, f"{error}\n")
    write_atomically(arguments.out, json.dumps(content, ensure_ascii=False, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
