"""The last check before a release goes public: no file of it may hold an IIN-like number, the date of
birth of a person it lists, or any spelling of a withheld name.

The allow-list (``release.entries``) decides what is published; this scan is the second line, over the
files as written, so a mistake in the first (a new field, free text that was thought safe, a template
that prints too much, a record linkage left apart from a withheld person) stops the release instead of
publishing. A problem names the file, the line and the kind of value, never the value itself: the
message is shown on a console and may be logged.

Names are compared by their matching keys (``core.names.matching_key``), so a withheld name is found
in Cyrillic or Latin script, with or without the patronymic, in either word order of its first two
words. A one-word name is not looked for: alone it identifies no one, and would stop every release
that prints a common word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tergeu.core.names.keys import matching_key

_DIGESTS = re.compile(r"[0-9a-f]{64}")  # the manifest's SHA-256 values: hexadecimal, not numbers
_TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")  # the shape of an IIN (ИИН/ЖСН), valid or not
_MARKUP = re.compile(r"[^\w\s'’ʼ-]+")  # tags, quotes, commas: between words, never inside one


@dataclass(frozen=True)
class Forbidden:
    """What no released file may contain: name keys (space-separated words) and written dates."""

    name_keys: frozenset[str]
    dates: frozenset[str]
    key_lengths: frozenset[int] = frozenset()  # how many words the name keys have (looked up by length)


def _name_keys(spelling: str) -> set[str]:
    words = matching_key(spelling).split()
    if len(words) < 2:
        return set()
    return {" ".join(words), " ".join(words[:2]), f"{words[1]} {words[0]}"}


def _written_dates(iso: str) -> set[str]:
    """An ISO day as lists and pages write it: 1961-03-17, 17.03.1961, 17/03/1961, 17-03-1961."""
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not found:
        return set()
    year, month, day = found.groups()
    return {iso, *(f"{day}{mark}{month}{mark}{year}" for mark in "./-")}


def forbidden(withheld_spellings: Iterable[str], birth_dates: Iterable[str]) -> Forbidden:
    """What to look for: every spelling of every withheld person, every (ISO) date of birth."""
    keys = set().union(*(_name_keys(spelling) for spelling in withheld_spellings))
    dates = set().union(*(_written_dates(day) for day in birth_dates))
    return Forbidden(frozenset(keys), frozenset(dates), frozenset(key.count(" ") + 1 for key in keys))


def leaks(file_name: str, text: str, banned: Forbidden) -> list[str]:
    """What ``text`` (the file ``file_name``) holds that it must not, one problem per line and kind."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{file_name}, line {number}"
        if _TWELVE_DIGITS.search(_DIGESTS.sub(" ", line)):
            problems.append(f"{where}: a 12-digit number, shaped like an IIN")
        if any(day in line for day in banned.dates):
            problems.append(f"{where}: the date of birth of a listed person")
        if _holds_name(matching_key(_MARKUP.sub(" ", line)).split(), banned):
            problems.append(f"{where}: a spelling of a withheld name")
    return problems


def _holds_name(words: list[str], banned: Forbidden) -> bool:
    """Whether consecutive ``words`` of a line form one of the banned name keys (looked up, not searched:
    a release has hundreds of thousands of lines and may have hundreds of withheld spellings)."""
    return any(" ".join(words[start:start + size]) in banned.name_keys
               for size in banned.key_lengths for start in range(len(words) - size + 1))
