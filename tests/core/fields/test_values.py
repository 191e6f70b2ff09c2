from __future__ import annotations

import pytest

from tergeu.core.fields import CellError, is_missing, parse_age, parse_national_id, parse_sex


@pytest.mark.parametrize("text,value,note", [
    ("35", "35", ""), ("35 лет", "35", ""), ("35 жас", "35", ""), ("35 years", "35", ""),
    ("~30", "30", "approximate"), ("около 40", "40", "approximate"), ("шамамен 22", "22", "approximate"),
    ("30 жасар", "30", ""), ("30 жасында", "30", ""), ("шамамен 30 жасар", "30", "approximate"),
    ("24 ans", "24", ""), ("24 Jahre", "24", ""),
])
def test_it_reads_ages(text: str, value: str, note: str) -> None:
    parsed = parse_age(text)
    assert (parsed.value, parsed.note) == (value, note)


@pytest.mark.parametrize("text", ["thirty", "130", "35-40"])
def test_it_refuses_unreadable_ages(text: str) -> None:
    with pytest.raises(CellError):
        parse_age(text)


@pytest.mark.parametrize("text,what", [
    ("30-35", "an age range (30 to 35)"), ("35-40 жас", "an age range (35 to 40)"),
    ("30–35 лет", "an age range (30 to 35)"), ("от 30 до 35 лет", "an age range (30 to 35)"),
    ("~30-35", "an age range (30 to 35)"), ("30 или 31", "an age range (30 to 31)"),
    ("30+", "an age range with no upper end"), ("60+ жас", "an age range with no upper end"),
    ("старше 60", "an age range with no upper end"), ("60-тан асқан", "an age range with no upper end"),
])
def test_it_refuses_an_age_range_saying_it_is_not_an_age(text: str, what: str) -> None:
    """A range read as its midpoint would be a number the list does not state (and 30+ has none)."""
    with pytest.raises(CellError) as info:
        parse_age(text)
    assert str(info.value) == (f"cannot read {text!r} as an age: it is {what}, not an age in years, and Tergeu "
                               f"does not pick one; leave the age empty and keep {text!r} in a notes column")


@pytest.mark.parametrize("text,code", [
    ("М", "M"), ("муж.", "M"), ("ер", "M"), ("Male", "M"), ("ж", "F"), ("Жен", "F"), ("әйел", "F"), ("F", "F"),
    ("Е", "M"), ("Ә", "F"),  # Kazakh forms abbreviate ер / әйел
])
def test_it_reads_sex(text: str, code: str) -> None:
    assert parse_sex(text).value == code


def test_it_refuses_unknown_sex_words() -> None:
    with pytest.raises(CellError, match="cannot read 'X1' as sex"):
        parse_sex("X1")


@pytest.mark.parametrize("text", ["", " ", "-", "—", "н/д", "неизвестно", "белгісіз", "Unknown", "N/A", None])
def test_it_knows_the_words_for_unknown(text: str | None) -> None:
    assert is_missing(text)


def test_it_keeps_a_bad_iin_with_a_warning() -> None:
    parsed = parse_national_id("900101 300 002")
    assert parsed.value == "900101300002"
    assert parsed.warnings and not parsed.derived


def test_it_refuses_an_iin_that_is_not_digits() -> None:
    with pytest.raises(CellError, match="as an IIN"):
        parse_national_id("AB12")
