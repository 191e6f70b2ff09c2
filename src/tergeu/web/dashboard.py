"""The dashboard's figures: the dead by day, by region (on the map), by circumstances, sex and age band.

Every figure counts people, not records: the rows of the people index (``people_rows``) as the viewer
may see them, so a person three lists name counts once and a restricted role counts only what it may
see. Each value carries the query string of the people index filtered to it (the index's own facet
parameters), so a bar, a region or a table cell leads to the people behind its number. The geometry of
the charts is computed here and the templates only draw it (server-side SVG, no script).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from tergeu.core.places import place as gazetteer_place
from tergeu.core.places import region_map, shade, shade_ranges
from tergeu.linkage.people_index import AGE_BANDS, SEX_LABELS, PersonRow

BAR_WIDTH = 400  # drawing units of the day chart
HBAR_WIDTH = 540  # drawing units of a horizontal bar at its longest (the chart is 620 wide)
ROW = 48  # drawing units of a horizontal bar's row: its label, then the bar
MAX_COLUMN = 40  # a day's column is never wider, however few the days
DAY_CHART_HEIGHT = 120
TOP = 16  # room above the tallest column for its count
MAX_BARS = 15  # a category chart draws its largest values; the people index's facet lists every one
MAX_DAYS = 92  # beyond about a season, one column a day is unreadable: the table alone is shown
MAP_WIDTH = 600


@dataclass(frozen=True)
class Bar:
    """One value of a figure: what it reads as, how many people, the people index filtered to it, its
    length in drawing units (and for a day column, where it stands)."""

    value: str
    label: str
    count: int
    query: str
    length: float
    x: float = 0.0
    y: float = 0.0
    middle: float = 0.0  # a column's middle, where its count is written


@dataclass
class Figure:
    name: str
    title: str
    bars: list[Bar]
    unstated: int = 0  # people whose record does not say
    others: int = 0  # people with a value beyond the ``MAX_BARS`` drawn (free-text circumstances)
    height: float = 0.0  # of the SVG, in drawing units
    column: float = 0.0  # a day column's width

    @property
    def first(self) -> Bar | None:
        return self.bars[0] if self.bars else None

    @property
    def last(self) -> Bar | None:
        return self.bars[-1] if self.bars else None


@dataclass(frozen=True)
class MapRegion:
    key: str
    name: str
    count: int
    shade: int
    query: str
    path: str
    label: tuple[float, float]
    marker: tuple[float, float] | None


@dataclass
class Dashboard:
    total: int
    days: Figure
    categories: list[Figure]
    regions: list[MapRegion]
    legend: list[tuple[int, int, int]]
    map_size: tuple[float, float]
    unplaced: int = 0  # people whose place is not in the gazetteer or not stated

    @property
    def region_table(self) -> list[MapRegion]:
        """The map's table alternative: regions with people, most first."""
        return sorted((region for region in self.regions if region.count), key=lambda r: (-r.count, r.name))


def _query(name: str, value: str) -> str:
    return urlencode({name: value})


def _bars(counts: Counter[str], name: str, label: Callable[[str], str], order: Iterable[str]) -> list[Bar]:
    """Horizontal bars, one row of ``ROW`` units each (``y``), its label above the bar, the count just past
    the bar's end (``x``): labels above rather than beside leave the bars the width of a phone."""
    highest = max(counts.values(), default=0) or 1
    bars = []
    for value in (value for value in order if counts[value]):
        length = round(HBAR_WIDTH * counts[value] / highest, 1)
        bars.append(Bar(value, label(value), counts[value], _query(name, value), length,
                        x=round(length + 6, 1), y=ROW * len(bars)))
    return bars


def category_figure(rows: list[PersonRow], name: str, title: str, label: Callable[[str], str] = str,
                    order: list[str] | None = None) -> Figure:
    """Horizontal bars of one facet (circumstances, sex, age band): most people first unless ``order``.

    Free-text circumstances can have thousands of values: the chart draws the ``MAX_BARS`` largest and the
    figure says how many people the others hold (``others``); the people index lists every value.
    """
    counts = Counter(row.facets[name][0] for row in rows)
    unstated = counts.pop("", 0)
    if order is None:
        order = sorted(counts, key=lambda value: (-counts[value], label(value).casefold()))
    shown = [value for value in order if counts[value]][:MAX_BARS]
    bars = _bars(counts, name, label, shown)
    others = sum(counts.values()) - sum(bar.count for bar in bars)
    return Figure(name, str(title), bars, unstated, height=ROW * len(bars), others=others)


def day_figure(rows: list[PersonRow]) -> Figure:
    """A column per day from the first date of death stated to the last (days without deaths included, so
    the gaps show); dates stated only to the month or year are counted as unstated."""
    counts: Counter[str] = Counter()
    unstated = 0
    for row in rows:
        stated = row.facts.get("date_of_death", "")
        try:
            counts[datetime.date.fromisoformat(stated).isoformat()] += 1
        except ValueError:
            unstated += 1
    if not counts:
        return Figure("date", str(_("Deaths by day")), [], unstated)
    first, last = (datetime.date.fromisoformat(day) for day in (min(counts), max(counts)))
    span = (last - first).days + 1
    if span > MAX_DAYS:  # one mistyped year must not make a column for every day of a century
        return Figure("date", str(_("Deaths by day")), [Bar(day, day, counts[day], _query("date", day), 0.0)
                                                        for day in sorted(counts)], unstated)
    days = [(first + datetime.timedelta(days=n)).isoformat() for n in range(span)]
    highest = max(counts.values())
    step = BAR_WIDTH / len(days)
    column = min(step * 0.8, MAX_COLUMN)
    bars = []
    for index, day in enumerate(days):
        length = round(DAY_CHART_HEIGHT * counts[day] / highest, 1)
        left = step * index + (step - column) / 2
        bars.append(Bar(day, day, counts[day], _query("date", day), length, x=round(left, 1),
                        y=round(TOP + DAY_CHART_HEIGHT - length, 1), middle=round(left + column / 2, 1)))
    return Figure("date", str(_("Deaths by day")), bars, unstated, height=TOP + DAY_CHART_HEIGHT,
                  column=round(column, 1))


def map_regions(rows: list[PersonRow], language: str | None) -> tuple[list[MapRegion], list[tuple[int, int, int]]]:
    """Every shape of the map with its count of people and colour class, and the legend of the classes."""
    counts = Counter(row.region_value for row in rows if row.region_value)
    highest = max(counts.values(), default=0)
    found = []
    for shape in region_map(MAP_WIDTH).shapes:
        place = gazetteer_place(shape.key)
        name = place.name(language) if place else shape.key
        count = counts.get(shape.key, 0)
        found.append(MapRegion(shape.key, name, count, shade(count, highest), _query("region", shape.key),
                               shape.path, shape.label, shape.marker))
    return found, shade_ranges(highest)


def dashboard(rows: list[PersonRow], language: str | None) -> Dashboard:
    """Every figure of the dashboard for the people a viewer may see."""
    sexes = {code: str(label) for code, label in SEX_LABELS.items()}
    categories = [
        category_figure(rows, "circumstances", _("By circumstances")),
        category_figure(rows, "sex", _("By sex"), lambda code: sexes.get(code, code)),
        category_figure(rows, "age", _("By age"), order=[label for _low, _high, label in AGE_BANDS]),
    ]
    regions, legend = map_regions(rows, language)
    layout = region_map(MAP_WIDTH)
    return Dashboard(len(rows), day_figure(rows), categories, regions, legend, (layout.width, layout.height),
                     unplaced=sum(1 for row in rows if not row.region_value))
