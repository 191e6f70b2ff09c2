"""Kazakh individual identification numbers (ИИН / ЖСН).

An IIN is the strongest identifier a casualty record can carry: it encodes the birth date and
sex, and its last digit is a checksum.  Lists compiled by hand often contain IINs with typos, so
the parser never raises on bad input; it reports what it could read and lists the problems in
plain English so that a reviewer can decide whether to trust the number.

Layout: YYMMDD, one century/sex digit (1/2 = 1800s male/female, 3/4 = 1900s, 5/6 = 2000s,
0 = not encoded, e.g. some foreign nationals), four serial digits, one check digit.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

__all__ = ["IinInfo", "iin_check_digit", "make_iin", "parse_iin"]

_FIRST_WEIGHTS = tuple(range(1, 12))
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212.]")
_ELEVEN_DIGITS = re.compile(r"[0-9]{11}")
_TWELVE_DIGITS = re.compile(r"[0-9]{12}")
_ALL_DIGITS = re.compile(r"[0-9]*")


@dataclass(frozen=True)
class IinInfo:
    """What could be read from an IIN, plus the reasons it may not be trustworthy."""

    text: str
    well_formed: bool
    checksum_ok: bool
    birth_date: datetime.date | None
    sex: str | None
    problems: tuple[str, ...]

    @property
    def valid(self) -> bool:
        """True only when the number is complete, self-consistent and carries a real date."""
        return self.well_formed and self.checksum_ok and self.birth_date is not None


def iin_check_digit(first11: str) -> int | None:
    """Return the check digit for the first 11 digits, or None if no digit can be valid.

    The official scheme: weights 1..11, sum mod 11; a result of 10 triggers a second pass with
    weights 3..11,1,2; a second 10 means the number was never issued.  Raises ValueError if
    ``first11`` is not exactly 11 ASCII digits, because that is a programming error.
    """
    if not _ELEVEN_DIGITS.fullmatch(first11):
        raise ValueError(f"expected 11 digits, got {first11!r}")
    digits = [int(ch) for ch in first11]
    for weights in (_FIRST_WEIGHTS, _SECOND_WEIGHTS):
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return check
    return None


def _century_and_sex(code: int) -> tuple[int | None, str | None]:
    if 1 <= code <= 6:
        return 1800 + 100 * ((code - 1) // 2), ("M" if code % 2 else "F")
    return None, None


def _read_date(digits: str, century: int | None, problems: list[str]) -> datetime.date | None:
    """Decode YYMMDD.  Without a century the date is only checked for plausibility."""
    yy, mm, dd = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    candidates = [century] if century is not None else [1900, 2000]
    dates = []
    for base in candidates:
        try:
            dates.append(datetime.date(base + yy, mm, dd))
        except ValueError:
            continue
    if not dates:
        problems.append(f"IIN date part {digits[:6]} is not a valid date")
        return None
    return dates[0] if century is not None else None


def parse_iin(text: str) -> IinInfo:
    """Read an IIN written with or without spaces/dashes and report everything wrong with it."""
    digits = _SEPARATORS.sub("", text)
    if not _TWELVE_DIGITS.fullmatch(digits):
        if _ALL_DIGITS.fullmatch(digits):
            problem = f"IIN must have 12 digits, got {len(digits)}"
        else:
            problem = f"IIN must contain only digits, got {digits!r}"
        return IinInfo(digits, False, False, None, None, (problem,))
    problems: list[str] = []
    expected = iin_check_digit(digits[:11])
    actual = int(digits[11])
    if expected is None:
        problems.append("IIN first 11 digits admit no valid check digit")
    elif expected != actual:
        problems.append(f"IIN check digit is {actual}, expected {expected}")
    code = int(digits[6])
    century, sex = _century_and_sex(code)
    if code == 0:
        problems.append("IIN century/sex digit is 0 (not encoded): birth century and sex are unknown")
    elif century is None:
        problems.append(f"IIN century/sex digit {code} is not one of 0-6")
    birth_date = _read_date(digits, century, problems)
    return IinInfo(
        text=digits,
        well_formed=True,
        checksum_ok=expected is not None and expected == actual,
        birth_date=birth_date,
        sex=sex,
        problems=tuple(problems),
    )


def make_iin(birth_date: datetime.date, sex: str, serial: int) -> str:
    """Build a valid IIN for synthetic data and tests.

    Some serials admit no valid check digit; like the issuing authority we skip those and take the
    next serial (wrapping at 9999), so the returned serial may differ from the one asked for.
    """
    if sex not in ("M", "F"):
        raise ValueError(f"sex must be 'M' or 'F', got {sex!r}")
    if not 1800 <= birth_date.year <= 2099:
        raise ValueError(f"IIN can only encode years 1800-2099, got {birth_date.year}")
    if not 0 <= serial <= 9999:
        raise ValueError(f"serial must be in 0-9999, got {serial}")
    code = 2 * ((birth_date.year - 1800) // 100) + (1 if sex == "M" else 2)
    prefix = f"{birth_date:%y%m%d}{code}"
    for step in range(10000):
        first11 = f"{prefix}{(serial + step) % 10000:04d}"
        check = iin_check_digit(first11)
        if check is not None:
            return f"{first11}{check}"
    raise AssertionError("unreachable: some serial always has a valid check digit")
