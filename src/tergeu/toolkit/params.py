"""Whole numbers from URLs, query strings and forms, read the one strict way.

Python's ``int()`` and ``str.isdigit()`` accept far more than ASCII digits ("²" is a digit to
``isdigit`` but not to ``int``; "３" and "٣" are 3 to both), and a number past 64 bits overflows the
database drivers. Every id or count a request carries is read here: ASCII digits, at most ``MAX_ID``.
"""

from __future__ import annotations

# Ids are 64-bit signed in SQLite and PostgreSQL; a larger number can name nothing stored.
MAX_ID = 2**63 - 1


def whole_number(value: str | None, maximum: int = MAX_ID) -> int | None:
    """``value`` as a non-negative integer of ASCII digits no larger than ``maximum``; else None."""
    text = (value or "").strip()
    if not text or not text.isascii() or not text.isdigit() or len(text) > len(str(maximum)):
        return None
    number = int(text)
    return number if number <= maximum else None

