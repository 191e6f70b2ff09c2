"""The map of the regions: Douglas-Peucker, the projection, the shipped shapes against the gazetteer, the
colour classes, and the builder that made the shipped file from Natural Earth."""

from __future__ import annotations

import json
import math

import pytest

from tergeu.core.places import places, region_map, region_shapes, shade, shade_ranges, simplify
from tergeu.core.places.build_map import CITY_MARKERS, MapSourceError, build, main
from tergeu.core.places.regions_map import MAP_FILE, Shape, fit_projection, layout, simplify_ring, svg_path

pytestmark = pytest.mark.pure

TOP_LEVEL = {place.key for place in places() if place.parent is None}  # regions and cities of republican significance


def test_douglas_peucker_drops_points_within_the_tolerance_and_keeps_the_corners() -> None:
    line = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 5.0), (4.0, 6.0), (5.0, 7.0)]
    assert simplify(line, 0.5) == [(0.0, 0.0), (2.0, -0.1), (3.0, 5.0), (5.0, 7.0)]
    assert simplify(line, 0.0) == [point for point in line if point != (4.0, 6.0)]  # (4, 6) lies on the line
    assert simplify(line, 100.0) == [(0.0, 0.0), (5.0, 7.0)]
    assert simplify([(0.0, 0.0), (1.0, 1.0)], 1.0) == [(0.0, 0.0), (1.0, 1.0)]
    with pytest.raises(ValueError, match="negative"):
        simplify(line, -1)


def _distance(point, start, end) -> float:
    """From ``point`` to the segment start-end, computed here by projection onto it (not the module's own)."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    t = max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
    return math.dist(point, (ax + t * (bx - ax), ay + t * (by - ay)))


def test_no_dropped_point_is_farther_than_the_tolerance_from_the_simplified_line() -> None:
    wiggly = [(x / 10, math.sin(x / 3) + 0.05 * math.cos(7 * x)) for x in range(400)]
    kept = simplify(wiggly, 0.1)
    assert len(kept) < len(wiggly) / 4 and kept[0] == wiggly[0] and kept[-1] == wiggly[-1]
    for index, point in enumerate(wiggly):  # each point within the tolerance of the segment kept over it
        before = max(i for i, p in enumerate(wiggly[: index + 1]) if p in kept)
        after = next(i for i in range(index, len(wiggly)) if wiggly[i] in kept)
        if before != after:
            assert _distance(point, wiggly[before], wiggly[after]) <= 0.1 + 1e-9


def test_a_long_border_does_not_exhaust_the_stack() -> None:
    zigzag = [(float(i), float(i % 2)) for i in range(1200)]  # every point kept: deeper than Python recurses
    assert len(simplify(zigzag, 0.1)) == 1200


def test_a_simplified_ring_stays_closed_and_a_tiny_one_is_dropped() -> None:
    square = [(0.0, 0.0), (0.5, 0.001), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
    kept = simplify_ring(square, 0.01)
    assert kept[0] == kept[-1] and (0.5, 0.001) not in kept and len(kept) == 5
    assert simplify_ring([(0.0, 0.0), (0.001, 0.0), (0.0, 0.001), (0.0, 0.0)], 0.01) == []


def test_the_projection_keeps_north_up_and_shrinks_longitudes_by_the_middle_latitude() -> None:
    shapes = [Shape("a", (((50.0, 40.0), (80.0, 40.0), (80.0, 60.0), (50.0, 40.0)),), (60.0, 45.0))]
    project, height = fit_projection(shapes, 600)
    assert project((50.0, 60.0)) == (0.0, 0.0)  # north-west corner at the origin
    assert project((80.0, 40.0))[0] == 600.0  # the whole width used
    assert height == pytest.approx(600 * 20 / (30 * math.cos(math.radians(50))), abs=0.1)
    assert project((65.0, 55.0))[1] < project((65.0, 45.0))[1]  # north is up
    assert svg_path([[(0.0, 0.0), (1.5, 2.0)]]) == "M0 0 L1.5 2 Z"


def test_every_region_and_city_of_the_gazetteer_has_a_shape_and_every_shape_a_place() -> None:
    keys = {shape.key for shape in region_shapes()}
    assert keys == TOP_LEVEL
    assert len(keys) == 17  # 14 regions of January 2022, Almaty, Nur-Sultan, Shymkent
    assert not {"abai-region", "zhetysu-region", "ulytau-region"} & keys  # created in June 2022


def test_regions_are_polygons_and_cities_are_markers_drawn_last() -> None:
    shapes = region_shapes()
    kinds = {place.key: place.kind for place in places()}
    for shape in shapes:
        if kinds[shape.key] == "region":
            assert shape.rings and shape.marker is None, shape.key
            assert all(len(ring) >= 4 and ring[0] == ring[-1] for ring in shape.rings), shape.key
        else:
            assert shape.marker is not None, shape.key
    order = [kinds[shape.key] for shape in shapes]
    assert order == sorted(order, key=lambda kind: kind == "city")  # cities on top of the regions


def test_the_shapes_lie_in_kazakhstan_where_the_gazetteer_puts_them() -> None:
    """Each region's label point falls inside its own outline and in no other region's (even-odd test)."""

    def inside(point, rings) -> bool:
        x, y = point
        crossings = 0
        for ring in rings:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    crossings += 1
        return crossings % 2 == 1

    regions = [shape for shape in region_shapes() if shape.marker is None]
    for shape in regions:
        assert 46 < shape.label[0] < 88 and 40 < shape.label[1] < 56, shape.key
        assert [other.key for other in regions if inside(shape.label, other.rings)] == [shape.key]
    shymkent = next(shape for shape in region_shapes() if shape.key == "shymkent")
    turkistan = next(shape for shape in regions if shape.key == "turkistan-region")
    assert inside(shymkent.marker, turkistan.rings)  # Shymkent lies in what the source draws as Turkistan's


def test_the_shipped_file_is_small_and_the_map_fits_its_width() -> None:
    assert MAP_FILE.stat().st_size < 40_000
    assert MAP_FILE.with_name("kazakhstan-regions.LICENSE.txt").read_text(encoding="utf-8").count("public domain")
    drawn = region_map(600)
    assert drawn.width == 600 and 250 < drawn.height < 400
    for shape in drawn.shapes:
        numbers = [float(n) for n in shape.path.replace("M", " ").replace("L", " ").replace("Z", " ").split()]
        assert all(-0.1 <= n <= 600.1 for n in numbers[0::2]) and all(-0.1 <= n <= drawn.height + 0.1
                                                                   for n in numbers[1::2]), shape.key


def test_shades_grow_with_the_count_and_the_legend_covers_every_count() -> None:
    assert shade(0, 10) == 0 and shade(5, 0) == 0
    assert [shade(count, 100) for count in (1, 4, 5, 16, 17, 36, 37, 64, 65, 100)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    for highest in (1, 2, 3, 7, 100, 127, 9_973, 40_000):  # large counts: the bounds are computed, not searched
        ranges = shade_ranges(highest)
        covered = [count for _number, low, high in ranges for count in range(low, high + 1)]
        assert covered == list(range(1, highest + 1))
        for number, low, high in ranges:
            assert shade(low, highest) == shade(high, highest) == number
    assert shade_ranges(3) == [(3, 1, 1), (5, 2, 3)]  # 1 of 3 is already the third class


def _feature(name: str, kind: str, lon: float, lat: float, country: str = "KAZ") -> dict:
    ring = [[lon, lat], [lon + 1, lat], [lon + 1, lat + 1], [lon + 0.5, lat + 1.0001], [lon, lat + 1], [lon, lat]]
    return {"type": "Feature", "properties": {"adm0_a3": country, "name_en": name, "type_en": kind,
                                              "longitude": lon + 0.5, "latitude": lat + 0.5},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


NATURAL_EARTH_NAMES = [  # name_en and type_en of Natural Earth's Kazakh features
    "Akmola Region", "Aktobe Region", "Almaty Region", "Atyrau Region", "East Kazakhstan Region", "Jambyl Region",
    "West Kazakhstan Region", "Karaganda Region", "Kostanay Region", "Kyzylorda Region", "Mangystau Region",
    "Pavlodar Region", "North Kazakhstan Region", "Turkistan Region", "Almaty City", "Nur-Sultan City"]


def _source(without: str | None = None) -> dict:
    features = [_feature(*name.rsplit(" ", 1), 50 + n, 45)
                for n, name in enumerate(NATURAL_EARTH_NAMES) if name != without]
    return {"type": "FeatureCollection", "features": features + [_feature("Osh", "Region", 72, 40, "KGZ")]}


def test_the_builder_keys_simplifies_and_adds_shymkent(tmp_path) -> None:
    content = build(_source(), "ne.geojson", 0.01)
    keys = [shape["key"] for shape in content["shapes"]]
    assert set(keys) == TOP_LEVEL and keys[-1] == "shymkent" and keys.index("almaty") > keys.index("pavlodar-region")
    akmola = next(shape for shape in content["shapes"] if shape["key"] == "akmola-region")
    assert len(akmola["rings"][0]) == 10  # the point 0.0001 off the top edge is gone: five corners, closed
    assert next(s for s in content["shapes"] if s["key"] == "shymkent")["marker"] == list(CITY_MARKERS["shymkent"])
    source, out = tmp_path / "ne.geojson", tmp_path / "map.json"
    source.write_text(json.dumps(_source()), encoding="utf-8")
    assert main([str(source), "--out", str(out)]) == 0
    assert {shape["key"] for shape in json.loads(out.read_text(encoding="utf-8"))["shapes"]} == TOP_LEVEL


def test_the_builder_refuses_a_source_without_a_region_or_with_regions_it_does_not_know(tmp_path) -> None:
    with pytest.raises(MapSourceError, match="ne.geojson: no feature for pavlodar-region"):
        build(_source(without="Pavlodar Region"), "ne.geojson", 0.01)
    for made_in_2022 in ("Abai", "Jetisu", "Ulytau"):  # Jetisu is also a district of Almaty: not a region
        newer = _source()
        newer["features"].append(_feature(made_in_2022, "Region", 80, 48))
        with pytest.raises(MapSourceError, match=rf"ne.geojson: feature 18 \('{made_in_2022} Region'\) is not a "):
            build(newer, "ne.geojson", 0.01)
    source, out = tmp_path / "ne.geojson", tmp_path / "map.json"
    source.write_text(json.dumps(newer), encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main([str(source), "--out", str(out)])
    assert stopped.value.code == 1 and not out.exists()  # nothing half-written


def test_layout_draws_every_shape_it_is_given() -> None:
    shapes = region_shapes()
    drawn = layout(shapes, 300)
    assert [shape.key for shape in drawn.shapes] == [shape.key for shape in shapes]
    assert all(shape.path.startswith("M") for shape in drawn.shapes if shape.marker is None)
