"""Numbers for the page's charts, computed here so the template only draws (server-rendered SVG, no script)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

WIDTH = 600  # drawing units of the SVG's inner width


def interval_rows(result: dict[str, Any], label: Callable[[str], str] = str) -> list[dict[str, Any]]:
    """One row per stratum and one for the total: observed bar, estimate mark, interval whisker (x in units).

    ``label`` turns a stored stratum into what the reader sees (places named in their language).
    """
    if not result:
        return []
    rows = [("total", result, True)] + [(name, data, False) for name, data in result.get("strata", {}).items()]
    top = max(data["interval"][1] for _name, data, _total in rows) or 1.0
    scale = WIDTH / top
    return [{
        "label": name if is_total else label(name), "is_total": is_total, "observed": data["observed"],
        "estimate": round(data["estimate"]),
        "low": round(data["interval"][0]), "high": round(data["interval"][1]),
        "x_observed": round(data["observed"] * scale, 1), "x_estimate": round(data["estimate"] * scale, 1),
        "x_low": round(data["interval"][0] * scale, 1), "x_high": round(data["interval"][1] * scale, 1),
        "y": 8 + 34 * index,
        # the model's figure fell below the people already named and was raised to them (core: result.py)
        "raised": "raised_to_observed" in data.get("diagnostics", {}),
    } for index, (name, data, is_total) in enumerate(rows)]


def overlap_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The capture patterns (which lists name a person) with how many people share each, most common first."""
    lists = result.get("lists", []) if result else []
    rows = [{"marks": [bool(bit) for bit in row[:-1]], "count": row[-1]} for row in result.get("overlaps", [])] \
        if result else []
    rows.sort(key=lambda row: -row["count"])
    return [{**row, "names": [name for name, mark in zip(lists, row["marks"], strict=True) if mark]} for row in rows]
