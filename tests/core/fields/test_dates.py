from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tergeu.core.fields import DateError, parse_date
from tergeu.core.fields.dates import _EN_MONTHS, _KK_MONTHS

RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
               "октября", "ноября", "декабря")


@pytest.mark.parametrize("text,expected", [
    ("05.01.2022", "2022-01-05"),
    ("5.1.2022", "2022-01-05"),
    ("2022-01-05", "2022-01-05"),
    ("5 қаңтар 2022", "2022-01-05"),
    ("5 қаңтар 2022 ж.", "2022-01-05"),
    ("2022 жылғы 5 қаңтар", "2022-01-05"),
    ("5 января 2022", "2022-01-05"),
    ("5 января 2022 г.", "2022-01-05"),
    ("5-го января 2022 года", "2022-01-05"),
    ("January 5, 2022", "2022-01-05"),
    ("January 5th, 2022", "2022-01-05"),
    ("05 Jan 2022", "2022-01-05"),
    ("5 Jan. 2022", "2022-01-05"),
    ("05/01/2022", "2022-01-05"),
    ("05-01-2022", "2022-01-05"),
    ("2022-01-05 00:00:00", "2022-01-05"),
    ("1990", "1990"),
    ("1990 г.р.", "1990"),
    ("05.1990", "1990-05"),
    ("мая 1990", "1990-05"),
    ("сәуір 1990", "1990-04"),
    ("  7 ЯНВАРЯ 2022 ", "2022-01-07"),
])
def test_it_reads_the_date_forms_lists_use(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_it_reads_month_first_only_when_told() -> None:
    assert parse_date("01/05/2022", order="mdy") == "2022-01-05"
    assert parse_date("01/05/2022") == "2022-05-01"


@pytest.mark.parametrize("text,message", [
    ("31.02.2022", "day 31 does not exist in 2022-02"),
    ("05.13.2022", "month 13 does not exist"),
    ("yesterday", "cannot read 'yesterday' as a date"),
    ("5 января", "cannot read"),
    ("5 5 2022 Jan", "cannot read"),
    ("05.01.1700", "year 1700 is out of range"),
])
def test_it_explains_what_it_cannot_read(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text)


def _forms(day: datetime.date) -> list[str]:
    m = day.month - 1
    return [
        f"{day:%d.%m.%Y}", day.isoformat(), f"{day.day} {_KK_MONTHS[m]} {day.year}",
        f"{day.day} {RU_GENITIVE[m]} {day.year}", f"{_EN_MONTHS[m].capitalize()} {day.day}, {day.year}",
        f"{day.day:02d} {_EN_MONTHS[m][:3].capitalize()} {day.year}", f"{day.year} жылғы {day.day} {_KK_MONTHS[m]}",
    ]


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2030, 12, 31)))
def test_it_reads_every_form_of_every_date_back_to_the_same_day(day: datetime.date) -> None:
    assert {parse_date(form) for form in _forms(day)} == {day.isoformat()}
