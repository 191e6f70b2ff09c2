"""When and where: the comparisons of dates (of death, of a list's record) and of places (place, area).

Split from ``comparisons`` (names, birth, IIN), which assembles them all; the levels follow the same rules.
"""

from __future__ import annotations

import splink.comparison_level_library as cll
import splink.comparison_library as cl

from tergeu.core.linkage.levels import else_level, fixed_m, level, similar
from tergeu.core.linkage.places import SITE_MARK


def _days(later: str, earlier: str) -> str:
    return f"date_diff('day', CAST({earlier} AS DATE), CAST({later} AS DATE))"


def swapped_day_and_month(left: str, right: str) -> str:
    """Two dates of one year whose day and month trade places (a birth date written 05/03 and read month first).

    Not a level of the date of death: random pairs of one event's dead almost never show a swap, so the
    level's u would be floored and one swapped date would outweigh a whole name (review, 5 December).
    There a swap leaves the dates uncompared instead (``death_comparison``).
    """
    return (f"substr({left}, 1, 4) = substr({right}, 1, 4) AND substr({left}, 6, 2) = substr({right}, 9, 2) "
            f"AND substr({left}, 9, 2) = substr({right}, 6, 2)")


def death_comparison() -> cl.CustomComparison:
    """Date of death, with m probabilities fixed rather than trained.

    Lists disagree by a day (a morgue records the day a body came in, a family the day of the shooting),
    but the pairs that do are mostly initials-only records among namesakes, which EM cannot tell from
    non-matches: left to train, it put 0.4 % of true matches a day apart and made a one-day gap all but
    rule a match out. The fixed shares say what is known of such lists instead.

    Two dates whose day and month trade places (7 January and 1 July) are left uncompared, neither for
    nor against: an English-language report may write one date month first ("01/07/2022") in a file
    read day first, and the date it names is then not a different one, only an unreadable one.
    """
    apart = f"abs({_days('death_date_r', 'death_date_l')})"
    swapped = swapped_day_and_month("death_date_l", "death_date_r")
    return cl.CustomComparison(
        output_column_name="death_date",
        comparison_description="date of death (lists often disagree by a day)",
        comparison_levels=[
            cll.CustomLevel("death_date_l IS NULL OR death_date_r IS NULL OR "
                            f"(death_date_l <> death_date_r AND {swapped})",
                            "no date of death, or day and month swapped").configure(is_null_level=True),
            fixed_m(cll.ExactMatchLevel("death_date", term_frequency_adjustments=True).configure(m_probability=0.88)),
            fixed_m(level(f"{apart} <= 1", "within a day", 0.08)),
            fixed_m(level(f"{apart} <= 3", "within three days", 0.02)),
            fixed_m(else_level(0.02)),
        ],
    )


def _day_and_month_traded(date: str) -> str:
    """The ISO date ``date`` with its day and month trading places; NULL when that is no date (a 13th)."""
    return f"TRY_CAST(substr({date}, 1, 5) || substr({date}, 9, 2) || '-' || substr({date}, 6, 2) AS DATE)"


def _recorded_gap(swapped: bool = False) -> str:
    """Days from the death to a list's date of record (or between two dates of record), as SQL;
    ``swapped`` reads the date of record with its day and month traded (then NULL between two of them)."""
    def recorded(side: str) -> str:
        return _day_and_month_traded(f"recorded_date_{side}") if swapped else f"recorded_date_{side}"

    both = "NULL" if swapped else f"abs({_days('recorded_date_l', 'recorded_date_r')})"
    return (f"CASE WHEN recorded_date_l IS NOT NULL AND death_date_r IS NOT NULL "
            f"THEN {_days(recorded('l'), 'death_date_r')} "
            f"WHEN recorded_date_r IS NOT NULL AND death_date_l IS NOT NULL "
            f"THEN {_days(recorded('r'), 'death_date_l')} "
            f"ELSE {both} END")


def recorded_comparison() -> cl.CustomComparison:
    """A list's own date (a body admitted, a death registered, a burial) against the other's death date.

    Such a date is on or after the death: a morgue admits a body the same day or the next, a burial
    follows by a day or a few (Muslim custom: the next day), a civil registry records a death within
    two weeks. So the levels are days *after* the death, in those ranges; a date before the death, or
    weeks after it, is the disagreement. Two records that both give only such dates are compared by
    how far apart those are. The comparison applies only where the death dates were not compared (one
    record has none), so no date counts twice. Its m probabilities are fixed from those customs, not
    trained: the records it matters for are the sparse ones (surname and initials), where EM cannot
    tell a namesake from the person, as with the death dates themselves. A date of record far from the
    death that would fall days after it with its day and month traded (11 January written 01/11 and
    read day first) is left uncompared, as a date of death would be (``death_comparison``).
    """
    gap = _recorded_gap()
    swapped_gap = _recorded_gap(swapped=True)
    compared = ("(death_date_l IS NULL OR death_date_r IS NULL) AND ("
                "(recorded_date_l IS NOT NULL AND coalesce(death_date_r, recorded_date_r) IS NOT NULL) OR "
                "(recorded_date_r IS NOT NULL AND coalesce(death_date_l, recorded_date_l) IS NOT NULL))")
    return cl.CustomComparison(
        output_column_name="recorded_date",
        comparison_description="a list's date of record (admitted, registered, buried) against the death",
        comparison_levels=[
            cll.CustomLevel(f"NOT ({compared}) OR coalesce({gap} NOT BETWEEN -2 AND 14 AND {swapped_gap} BETWEEN 0 "
                            "AND 14, false)", "death dates compared, no date of record, or day and month "
                            "swapped").configure(is_null_level=True),
            fixed_m(level(f"{gap} BETWEEN 0 AND 1", "recorded on the day of death or the next", 0.6)),
            fixed_m(level(f"{gap} BETWEEN 2 AND 3", "recorded 2-3 days after the death", 0.2)),
            fixed_m(level(f"{gap} BETWEEN 4 AND 14", "recorded 4-14 days after the death", 0.17)),
            fixed_m(level(f"{gap} BETWEEN -2 AND -1", "recorded a day or two before the stated death", 0.02)),
            fixed_m(else_level(0.01).configure(label_for_charts="recorded days before the death or weeks after")),
        ],
    )


# One record names a district ("Алмалинский р-н"), the other its city ("Алматы"): one place at two scales.
_DISTRICT_AND_CITY = "coalesce(place_city_l = place_r OR place_city_r = place_l, false)"
# One record names a site (a hospital, a street: ``places.site_key``), the other a settlement.
_SITE_AND_SETTLEMENT = f"((substr(place_l, 1, 1) = '{SITE_MARK}') <> (substr(place_r, 1, 1) = '{SITE_MARK}'))"
_NOT_COMPARABLE = f"({_DISTRICT_AND_CITY} OR {_SITE_AND_SETTLEMENT})"
# Sites that differ in their number (ГКБ №4, ГКБ №12) are two sites, however alike the rest.
_SAME_NUMBER = "regexp_extract(place_l, '[0-9]*$', 0) = regexp_extract(place_r, '[0-9]*$', 0)"


def place_comparison() -> cl.CustomComparison:
    """Place of death; agreeing on a small town weighs more than on the city where most died (term frequency).

    A district and the city it lies in are not compared here (the area comparison takes them): neither a
    typo nor a different place, they would otherwise count against a match whenever a morgue writes the
    district and a newspaper the city. Nor are a site and a settlement (a morgue's "ГКБ №12" and a
    register's district): the hospital lies somewhere, and the gazetteer cannot say where.
    """
    return cl.CustomComparison(
        output_column_name="place", comparison_description="place of death (gazetteer key)",
        comparison_levels=[
            cll.CustomLevel(f"place_l IS NULL OR place_r IS NULL OR {_NOT_COMPARABLE}",
                            "no place, a district and its city, or a site and a settlement").configure(
                                is_null_level=True),
            cll.ExactMatchLevel("place", term_frequency_adjustments=True).configure(m_probability=0.88),
            level(f"{similar('place_l', 'place_r')} AND {_SAME_NUMBER}", "similar place (a typo)", 0.04),
            else_level(0.08),
        ],
    )


def area_comparison() -> cl.CustomComparison:
    """Where places cannot be compared, whether the areas (regions) the two records allow overlap.

    A list without places may still cover known areas (a morgue serving one city and its region): a
    record placed outside them is unlikely to be on it. Only pairs the place comparison leaves out are
    compared here, so one fact never counts twice; a separate comparison keeps the share of pairs with
    both places known out of the area levels' m probabilities. The m probabilities are fixed, not
    trained: the records an area matters for are the ambiguous ones (initials, no place), where EM
    cannot tell a namesake from the person (it learnt that a fifth of true matches lie outside the area).
    2 % allows for a list's stated area being wrong for some of its rows (a body brought from elsewhere).
    """
    return cl.CustomComparison(
        output_column_name="area", comparison_description="area (region) of death, where places are not both known",
        comparison_levels=[
            cll.CustomLevel(f"(place_l IS NOT NULL AND place_r IS NOT NULL AND NOT {_NOT_COMPARABLE}) "
                            "OR area_l IS NULL OR area_r IS NULL", "places compared, or no area").configure(
                                is_null_level=True),
            fixed_m(level("list_has_any(area_l, area_r)", "place within the other record's area", 0.98)),
            fixed_m(else_level(0.02).configure(label_for_charts="place outside the other record's area")),
        ],
    )
