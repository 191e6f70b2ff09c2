"""Kazakh IIN parsing, check digits and generation."""

import datetime

import pytest

from tergeu.core.names import IinInfo, iin_check_digit, make_iin, parse_iin


def _first_pass(first11: str) -> int:
    return sum(int(d) * w for d, w in zip(first11, range(1, 12), strict=True)) % 11


@pytest.mark.parametrize(
    ("first11", "expected"),
    [
        ("00000000000", 0),
        ("11111111111", 0),  # 1+2+...+11 = 66 = 6*11
        ("10000000000", 1),
        ("00000000001", 0),  # weight 11 vanishes mod 11
        ("01000000000", 2),
    ],
)
def test_it_computes_first_pass_check_digits(first11, expected):
    assert iin_check_digit(first11) == expected == _first_pass(first11)


def test_it_falls_back_to_the_second_weighting():
    candidate = "00000000010"  # a 1 at weight 10 makes the first pass give 10
    assert _first_pass(candidate) == 10
    assert iin_check_digit(candidate) == 1  # second weighting gives that position weight 1
    # 1..9 squared sum to 285 (= 10 mod 11); the second weights 3..11 give 285 + 2*45 = 375 = 1 mod 11.
    assert _first_pass("12345678900") == 10
    assert iin_check_digit("12345678900") == 1


def test_it_reports_numbers_without_any_valid_check_digit():
    hopeless = next(f"{n:011d}" for n in range(10**6) if iin_check_digit(f"{n:011d}") is None)
    assert _first_pass(hopeless) == 10
    info = parse_iin(hopeless + "0")
    assert info.well_formed and not info.checksum_ok and not info.valid
    assert info.problems[0] == "IIN first 11 digits admit no valid check digit"


@pytest.mark.parametrize("bad", ["", "1234567890", "123456789012", "1234567890a", "١٢٣٤٥٦٧٨٩٠١"])
def test_it_rejects_malformed_check_digit_input(bad):
    with pytest.raises(ValueError):
        iin_check_digit(bad)


@pytest.mark.parametrize(
    ("birth", "sex", "digit"),
    [
        (datetime.date(1985, 3, 14), "M", "3"),
        (datetime.date(1985, 3, 14), "F", "4"),
        (datetime.date(2003, 12, 31), "M", "5"),
        (datetime.date(2004, 2, 29), "F", "6"),
        (datetime.date(1899, 7, 1), "M", "1"),
        (datetime.date(1899, 7, 1), "F", "2"),
    ],
)
def test_it_makes_valid_iins(birth, sex, digit):
    iin = make_iin(birth, sex, 1234)
    assert len(iin) == 12 and iin.isdigit()
    assert iin[:6] == birth.strftime("%y%m%d") and iin[6] == digit
    info = parse_iin(iin)
    assert info.valid and info.problems == ()
    assert (info.birth_date, info.sex) == (birth, sex)


def test_it_skips_serials_without_a_valid_check_digit():
    birth = datetime.date(1990, 1, 1)
    for serial in range(10000):
        if iin_check_digit(f"{birth:%y%m%d}3{serial:04d}") is None:
            break
    else:
        pytest.fail("expected at least one unusable serial")
    iin = make_iin(birth, "M", serial)
    assert int(iin[7:11]) != serial
    assert parse_iin(iin).valid


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((datetime.date(1990, 1, 1), "X", 1), "sex"),
        ((datetime.date(1799, 1, 1), "M", 1), "years"),
        ((datetime.date(2100, 1, 1), "F", 1), "years"),
        ((datetime.date(1990, 1, 1), "M", 10000), "serial"),
        ((datetime.date(1990, 1, 1), "M", -1), "serial"),
    ],
)
def test_it_refuses_to_make_impossible_iins(args, message):
    with pytest.raises(ValueError, match=message):
        make_iin(*args)


def test_it_strips_spaces_and_dashes():
    iin = make_iin(datetime.date(1985, 3, 14), "F", 42)
    spaced = f"{iin[:6]} {iin[6:]}"
    dashed = f"{iin[:6]}-{iin[6:11]}-{iin[11]}"
    assert parse_iin(spaced) == parse_iin(dashed) == parse_iin(f"  {iin}\n") == parse_iin(iin)
    assert parse_iin(spaced).text == iin


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("85031440012", "IIN must have 12 digits, got 11"),
        ("8503144001234", "IIN must have 12 digits, got 13"),
        ("", "IIN must have 12 digits, got 0"),
        ("85031440O123", "IIN must contain only digits, got '85031440O123'"),
    ],
)
def test_it_reports_malformed_numbers(text, problem):
    info = parse_iin(text)
    assert info == IinInfo(text.replace(" ", ""), False, False, None, None, (problem,))
    assert not info.valid


def test_it_reports_a_wrong_check_digit():
    iin = make_iin(datetime.date(1985, 3, 14), "M", 7)
    wrong = str((int(iin[11]) + 1) % 10)
    info = parse_iin(iin[:11] + wrong)
    assert info.well_formed and not info.checksum_ok and not info.valid
    assert info.problems == (f"IIN check digit is {wrong}, expected {iin[11]}",)
    # The date and sex are still read so a reviewer can compare them with the record.
    assert (info.birth_date, info.sex) == (datetime.date(1985, 3, 14), "M")


def _with_check(first11: str) -> str:
    check = iin_check_digit(first11)
    assert check is not None
    return first11 + str(check)


def test_it_reports_impossible_dates():
    info = parse_iin(_with_check("99134030001"))
    assert info.checksum_ok and not info.valid
    assert info.birth_date is None and info.sex == "M"
    assert info.problems == ("IIN date part 991340 is not a valid date",)


def test_it_reports_a_29th_of_february_in_a_common_year():
    info = parse_iin(_with_check("01022950001"))
    assert info.problems == ("IIN date part 010229 is not a valid date",)
    assert parse_iin(_with_check("00022950001")).birth_date == datetime.date(2000, 2, 29)


def test_it_reads_foreign_or_unencoded_numbers_without_guessing():
    info = parse_iin(_with_check("85031400001"))
    assert info.checksum_ok and info.birth_date is None and info.sex is None and not info.valid
    assert info.problems == ("IIN century/sex digit is 0 (not encoded): birth century and sex are unknown",)


def test_it_reports_unknown_century_digits():
    info = parse_iin(_with_check("85031470001"))
    assert info.birth_date is None and info.sex is None
    assert "IIN century/sex digit 7 is not one of 0-6" in info.problems


def test_it_reports_every_problem_at_once():
    info = parse_iin("991340900010")
    assert len(info.problems) >= 2
