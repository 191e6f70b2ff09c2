from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tergeu.core.fields import DateError, parse_date
from tergeu.core.fields.dates import _EN_MONTHS, _KK_MONTHS

RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
               "октября", "ноября", "декабря")
# The standard Russian abbreviations of every month (the first of each is the typographic norm).
RU_ABBREVIATIONS = (("янв",), ("февр", "фев"), ("мар",), ("апр",), ("мая", "май"), ("июн",), ("июл",), ("авг",),
                    ("сент", "сен"), ("окт",), ("нояб", "ноя"), ("дек",))
KK_LOCATIVE = ("қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда",
               "қыркүйекте", "қазанда", "қарашада", "желтоқсанда")


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


@pytest.mark.parametrize("month,abbreviation", [(m, a) for m, forms in enumerate(RU_ABBREVIATIONS, 1) for a in forms])
@pytest.mark.parametrize("dot", [".", ""])
@pytest.mark.parametrize("case", [str.lower, str.upper, str.capitalize])
def test_it_reads_every_russian_month_abbreviation(month: int, abbreviation: str, dot: str, case) -> None:
    assert parse_date(f"6 {case(abbreviation)}{dot} 2022") == f"2022-{month:02d}-06"
    assert parse_date(f"{case(abbreviation)}{dot} 1990") == f"1990-{month:02d}"


@pytest.mark.parametrize("text,expected", [
    ("06.01.2022г.", "2022-01-06"),
    ("06.01.2022г", "2022-01-06"),
    ("06.01.2022 г.", "2022-01-06"),
    ("06.01.2022 г", "2022-01-06"),
    ("6 января 2022 г.", "2022-01-06"),
    ("6 января 2022г.", "2022-01-06"),
    ("6 января 2022 года", "2022-01-06"),
    ("6 января 2022года", "2022-01-06"),
    ("6 февр. 2022 г.", "2022-02-06"),
    ("1990г.р.", "1990"),
    ("1990г.", "1990"),
    ("06.01.2022ж.", "2022-01-06"),
])
def test_it_reads_the_russian_year_mark_apart_or_attached(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("5 қаңтарда 2022", "2022-01-05"),
    ("2022 жылғы 5 қаңтар", "2022-01-05"),
    ("2022 жылы 5 қаңтарда", "2022-01-05"),
    ("2022 жылғы 5 қаңтардағы", "2022-01-05"),
    ("2022 жылдың 5 қаңтарында", "2022-01-05"),
    ("2022 ж. 5 қаңтар", "2022-01-05"),
    ("5 сәуірде 2022", "2022-04-05"),  # front-vowel months take -де/-те, -нің/-тің
    ("2022 жылы 5 шілдеде", "2022-07-05"),
    ("5 қыркүйектің 2022", "2022-09-05"),
])
def test_it_reads_kazakh_dates_in_the_forms_of_prose(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text,why", [
    ("5-6 января 2022", "gives two days (5 and 6), and Tergeu does not choose one"),
    ("5–6 января 2022 г.", "gives two days (5 and 6)"),
    ("в ночь с 5 на 6 января 2022 года", "gives two days (5 and 6)"),
    ("5-6.01.2022", "gives two days (5 and 6)"),
    ("05.01-06.01.2022", "gives two days (5 and 6)"),
    ("05.01.2022 - 06.01.2022", "gives two days (5 and 6)"),
    ("5 немесе 6 қаңтар 2022", "gives two days (5 and 6)"),
    ("January 5-6, 2022", "gives two days (5 and 6)"),
    ("в ночь с 5 на 6 января", "gives two days (5 and 6) and no year"),
    ("6 янв.", "has no year, and Tergeu does not assume one"),
    ("6 января", "has no year"),
    ("5 қаңтарда", "has no year"),
    ("06.01", "has no year"),
])
def test_it_refuses_two_days_and_a_missing_year_saying_why_and_what_to_do(text: str, why: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    message = str(info.value)
    assert message.startswith(f"cannot read {text!r} as ") and why in message, message
    assert f"keep {text!r} in a notes column" in message


def test_it_suggests_the_month_a_two_day_range_shares_and_nothing_when_it_spans_two() -> None:
    with pytest.raises(DateError, match=r"or only the month \('01\.2022'\)"):
        parse_date("5-6 января 2022")
    with pytest.raises(DateError, match="gives two days \\(31 and 1\\).*or leave the date empty"):
        parse_date("31.12.2021-01.01.2022")


@pytest.mark.parametrize("text", ["6 янв. 22", "5 января 2022 6", "5 5 2022 Jan"])
def test_it_does_not_call_other_unreadable_forms_a_range(text: str) -> None:
    with pytest.raises(DateError, match=f"^cannot read {text!r} as a date$"):
        parse_date(text)


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
        f"{day:%d.%m.%Y}г.", f"{day.day} {RU_ABBREVIATIONS[m][0]}. {day.year} г.",
        f"{day.day} {RU_ABBREVIATIONS[m][-1].upper()} {day.year}года", f"{day.year} жылы {day.day} {KK_LOCATIVE[m]}",
    ]


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2030, 12, 31)))
def test_it_reads_every_form_of_every_date_back_to_the_same_day(day: datetime.date) -> None:
    assert {parse_date(form) for form in _forms(day)} == {day.isoformat()}
