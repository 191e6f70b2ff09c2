"""The map of Kazakhstan's regions as of January 2022: shapes, their simplification and their drawing.

The shapes live in ``kazakhstan-regions.json`` beside this module, made by :mod:`.build_map` from
Natural Earth's admin-1 polygons (public domain; ``kazakhstan-regions.LICENSE.txt`` says so) and keyed
by the gazetteer's keys, so a count by region finds its shape without a second list of names.

A map here is plain data for a server-drawn SVG: each region's path in drawing units, where its count
is written, and a marker for each city of republican significance (Almaty, Nur-Sultan, Shymkent are
too small to colour at this scale, and Shymkent has no polygon of its own in the source).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MAP_FILE = Path(__file__).with_name("kazakhstan-regions.json")
Point = tuple[float, float]  # (longitude, latitude) in degrees, or (x, y) once projected


@dataclass(frozen=True)
class Shape:
    """One region or city of the map: its rings (lon, lat), where its count goes, and for a city its marker."""

    key: str
    rings: tuple[tuple[Point, ...], ...]
    label: Point
    marker: Point | None = None


@dataclass(frozen=True)
class DrawnShape:
    """A shape in drawing units: the SVG path of its rings, its label position, its marker if a city."""

    key: str
    path: str
    label: Point
    marker: Point | None


@dataclass(frozen=True)
class MapLayout:
    width: float
    height: float
    shapes: tuple[DrawnShape, ...]


def _distance_to_segment(point: Point, start: Point, end: Point) -> float:
    """The distance from ``point`` to the segment start-end (to its nearer end if the foot falls outside)."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    if length == 0:
        return math.hypot(px - ax, py - ay)
    along = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - (ax + along * dx), py - (ay + along * dy))


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the fewest of ``points`` (first and last always kept) such that no dropped point lies
    farther than ``tolerance`` from the line kept in its place. Iterative, so long borders cannot overflow
    the stack."""
    if tolerance < 0:
        raise ValueError("tolerance must not be negative")
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    spans = [(0, len(points) - 1)]
    while spans:
        first, last = spans.pop()
        farthest, distance = first, -1.0
        for index in range(first + 1, last):
            gap = _distance_to_segment(points[index], points[first], points[last])
            if gap > distance:
                farthest, distance = index, gap
        if distance > tolerance:
            keep[farthest] = True
            spans += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: Sequence[Point], tolerance: float) -> list[Point]:
    """A closed ring simplified; [] when too little of it is left to enclose anything (a tiny island).

    The ring is split at its point farthest from its start, so both halves keep their ends and the
    ring stays closed whatever Douglas-Peucker drops.
    """
    open_ring = list(ring[:-1]) if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    if len(open_ring) < 3:
        return []
    start = open_ring[0]
    split = max(range(len(open_ring)), key=lambda i: math.hypot(open_ring[i][0] - start[0], open_ring[i][1] - start[1]))
    first = simplify(open_ring[: split + 1], tolerance)
    second = simplify(open_ring[split:] + [start], tolerance)
    kept = first + second[1:]
    return kept if len(kept) >= 4 else []  # three corners and the closing point at least


@dataclass(frozen=True)
class Projection:
    """Equirectangular, with longitudes shrunk by the cosine of the middle latitude so shapes are not
    stretched east-west (Kazakhstan spans 40-56°N: at most a few per cent off at its edges); north is up."""

    west: float
    north: float
    scale: float  # drawing units per degree of latitude
    shrink: float

    def __call__(self, point: Point) -> Point:
        lon, lat = point
        return (round((lon - self.west) * self.shrink * self.scale, 1), round((self.north - lat) * self.scale, 1))


def fit_projection(shapes: Sequence[Shape], width: float) -> tuple[Projection, float]:
    """The projection that fits every shape into ``width`` drawing units, and the height it then needs."""
    points = [point for shape in shapes for ring in shape.rings for point in ring]
    points += [shape.marker for shape in shapes if shape.marker]
    if not points:
        raise ValueError("no shape to draw")
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    shrink = math.cos(math.radians((north + south) / 2))
    scale = width / max((east - west) * shrink, 1e-9)
    return Projection(west, north, scale, shrink), round((north - south) * scale, 1)


def svg_path(rings: Sequence[Sequence[Point]]) -> str:
    """Projected rings as one SVG path (each ring closed; holes are drawn by the even-odd fill rule)."""
    return " ".join("M" + " L".join(f"{x:g} {y:g}" for x, y in ring) + " Z" for ring in rings if ring)


def layout(shapes: Sequence[Shape], width: float = 600.0) -> MapLayout:
    """Every shape projected into ``width`` drawing units (the SVG's viewBox is 0 0 width height)."""
    project, height = fit_projection(shapes, width)
    drawn = tuple(DrawnShape(shape.key, svg_path([[project(p) for p in ring] for ring in shape.rings]),
                             project(shape.label), project(shape.marker) if shape.marker else None)
                  for shape in shapes)
    return MapLayout(width, height, drawn)


def _point(pair: Sequence[float]) -> Point:
    return (float(pair[0]), float(pair[1]))


@cache
def region_shapes() -> tuple[Shape, ...]:
    """The shipped shapes, in the file's order (regions first, cities after, so cities are drawn on top)."""
    data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    shapes = []
    for entry in data["shapes"]:
        rings = tuple(tuple(_point(ring[i:i + 2]) for i in range(0, len(ring), 2)) for ring in entry.get("rings", []))
        marker = _point(entry["marker"]) if entry.get("marker") else None
        shapes.append(Shape(entry["key"], rings, _point(entry["label"]), marker))
    keys = [shape.key for shape in shapes]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{MAP_FILE.name}: a shape key is used twice")
    return tuple(shapes)


@cache
def region_map(width: float = 600.0) -> MapLayout:
    """The shipped map laid out once per width (it never changes while the process runs)."""
    return layout(region_shapes(), width)


def shade(count: int, highest: int, classes: int = 5) -> int:
    """The colour class of ``count`` on a map whose largest count is ``highest``: 0 for none, else 1 to
    ``classes`` by equal steps of the square root, so one city with most of the dead does not leave every
    other region looking empty."""
    if count <= 0 or highest <= 0:
        return 0
    return max(1, min(classes, math.ceil(classes * math.sqrt(count) / math.sqrt(highest))))


def shade_ranges(highest: int, classes: int = 5) -> list[tuple[int, int, int]]:
    """The map's legend: (class, lowest count, highest count) of each class :func:`shade` can give for
    counts up to ``highest``, leaving out classes no whole count falls in.

    Class n holds the counts up to highest·(n/classes)², so each bound is found from that estimate and
    checked against :func:`shade` a step either way (floating point), in constant time per class.
    """
    ranges = []
    low = 1
    for number in range(1, classes + 1):
        high = min(highest, math.floor(highest * (number / classes) ** 2))
        while high < highest and shade(high + 1, highest, classes) <= number:
            high += 1
        while high >= low and shade(high, highest, classes) > number:
            high -= 1
        if high >= low:
            ranges.append((number, low, high))
            low = high + 1
    return ranges
