"""The name analysis of a record: parts, initials, stems and matching keys of the name it states.

Computed from the record's facts when needed (record pages, linkage) rather than stored at import:
it is an interpretation that improves as ``tergeu.core.names`` improves, and parsing is cached per
distinct word, so analysing a whole list again is cheap.
"""

from __future__ import annotations

from tergeu.core.names import ParsedName, parse_name, parse_name_parts

NAME_PART_FIELDS = ("given_name", "family_name", "patronymic")


NAME_PARTS = ("given", "family", "patronymic", "given_initial", "patronymic_initial", "family_stem",
              "patronymic_stem", "implied_sex")
NAME_KEYS = ("given", "family", "family_stem", "patronymic_stem", "full", "skeleton")


def name_analysis(facts: dict[str, str], name_order: str | None = None) -> ParsedName | None:
    """Parse the full name, or the separate name columns, a record states; None if it states none."""
    if "full_name" in facts:
        return parse_name(facts["full_name"], name_order)
    if any(part in facts for part in NAME_PART_FIELDS):
        return parse_name_parts(facts.get("given_name"), facts.get("family_name"), facts.get("patronymic"))
    return None


def name_summary(name: ParsedName) -> dict:
    """The parts of a name worth keeping for display and linkage (JSON-ready; empty parts left out).

    Written out field by field because ``dataclasses.asdict`` deep-copies and costs more than the
    rest of a row's parsing.
    """
    summary: dict = {"script": name.script.value}
    for part in NAME_PARTS:
        value = getattr(name, part)
        if value is not None:
            summary[part] = value
    summary["keys"] = {k: getattr(name.keys, k) for k in NAME_KEYS if getattr(name.keys, k) is not None}
    return summary
