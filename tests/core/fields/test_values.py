from __future__ import annotations

import pytest

from tergeu.core.fields import CellError, is_missing, parse_age, parse_national_id, parse_sex


@pytest.mark.parametrize("text,value,note", [
    ("35", "35", ""), ("35 лет", "35", ""), ("35 жас", "35", ""), ("35 years", "35", ""),
    ("~30", "30", "approximate"), ("около 40", "40", "approximate"), ("шамамен 22", "22", "approximate"),
])
def test_it_reads_ages(text: str, value: str, note: str) -> None:
    parsed = parse_age(text)
    assert (parsed.value, parsed.note) == (value, note)


@pytest.mark.parametrize("text", ["thirty", "130", "35-40"])
def test_it_refuses_unreadable_ages(text: str) -> None:
    with pytest.raises(CellError):
        parse_age(text)


@pytest.mark.parametrize("text,code", [
    ("М", "M"), ("муж.", "M"), ("ер", "M"), ("Male", "M"), ("ж", "F"), ("Жен", "F"), ("әйел", "F"), ("Е", "M"), ("Ә", "F"), ("F", "F"),
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
