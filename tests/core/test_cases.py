"""Access codes, step order and the funnel, on plain values."""

from __future__ import annotations

import datetime

from tergeu.core.cases import (
    CODE_ALPHABET,
    CaseFacts,
    ComplaintFacts,
    code_hash,
    funnel,
    is_overdue,
    new_code,
    next_expected,
    normalise_code,
)

KEY = b"k" * 32


def test_codes_have_no_look_alike_letters_and_are_typed_anyhow() -> None:
    assert not set(CODE_ALPHABET) & set("BGIOSZ0123456789")
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200 and all(len(code) == 23 and code.count("-") == 3 for code in codes)
    # Cyrillic look-alikes from a Kazakh phone keyboard (К, Е, Н, Т, Р, Х, М, А), spaces, small letters
    assert normalise_code("кен тр-хма") == "KEHTPXMA" and normalise_code(" ac–df ") == "ACDF"
    assert code_hash(KEY, "ACDEF-HJKLM") == code_hash(KEY, "acdef hjklm") != code_hash(b"x" * 32, "ACDEF-HJKLM")
    assert code_hash(KEY, "ACDEF-HJKLM") != code_hash(KEY, "ACDEF-HJKLN")


def test_next_step_and_overdue() -> None:
    day = datetime.date(2022, 1, 1)
    assert next_expected(None) == "registered" and next_expected("charged") == "sent-to-court"
    assert next_expected("closed") is None
    assert is_overdue(day, "registered", day + datetime.timedelta(days=91))
    assert not is_overdue(day, "registered", day + datetime.timedelta(days=90))
    assert not is_overdue(day, "closed", day + datetime.timedelta(days=400))


def test_the_funnel_counts_distinct_cases_and_officials_per_group() -> None:
    cases = {1: CaseFacts(True, ("investigated", "convicted")), 2: CaseFacts(False, ("questioned",)),
             3: CaseFacts(True, ("charged", "acquitted", "amnestied"))}
    complaints = [ComplaintFacts("torture", "almaty", "2022-01", (1,)),
                  ComplaintFacts("torture", "almaty", "2022-01", (1, 2)),
                  ComplaintFacts("death-in-custody", "almaty-region", "2022-01", (3,)),
                  ComplaintFacts("threats", "", "", ())]
    found = funnel(complaints, cases)
    assert [found[key] for key in ("complaints", "cases_opened", "officials_investigated", "officials_charged",
                                   "convictions")] == [4, 2, 5, 3, 1]
    assert found["by_kind"]["torture"] == {"complaints": 2, "complaints_with_case": 2, "cases_opened": 1,
                                           "officials_investigated": 2, "officials_charged": 1, "convictions": 1}
    assert found["by_region"][""]["complaints"] == 1 and found["by_month"]["2022-01"]["cases_opened"] == 2
    # Shares only between like units (review M3): 3 of 4 complaints reach an opened case (complaint 2's
    # second case is not opened, complaint 4 has none), 3 of 5 officials investigated are charged, 1 of
    # those 3 convicted. Cases per complaint and officials per case (5 / 2 = 2.5) are not shares.
    assert found["complaints_with_case"] == 3 and found["by_kind"]["torture"]["complaints_with_case"] == 2
    assert found["shares"] == {"complaints_with_case": 0.75, "officials_charged": 0.6, "convictions": 1 / 3}
    assert funnel([], {})["shares"] == dict.fromkeys(("complaints_with_case", "officials_charged", "convictions"))


def test_no_share_of_the_funnel_is_over_one_however_many_officials_a_case_has() -> None:
    outcomes = ("questioned", "investigated", "amnestied", "charged", "acquitted", "convicted")
    for size in range(1, 8):
        cases = {n: CaseFacts(n % 2 == 0, tuple(outcomes[(n + k) % 6] for k in range(size))) for n in range(size)}
        complaints = [ComplaintFacts("torture", "", "", (n % size,)) for n in range(3)]
        shares = funnel(complaints, cases)["shares"]
        assert all(share is None or 0 <= share <= 1 for share in shares.values()), (size, shares)
