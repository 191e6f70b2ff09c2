"""The comparisons Tergeu's linkage model makes between two records, declared as Splink levels.

Each comparison is ordered from the strongest agreement to disagreement; the first level whose SQL
holds is the one the pair falls in, and its trained match weight is what the explanation shows.
Names are compared part by part (family, given, initial), each part only where both records have it,
because the share of true matches agreeing on a part is only meaningful among pairs that could: a
morgue list with initials must not make every full-name pair look like a weak match, nor the reverse.
"""

from __future__ import annotations

import copy
import hashlib
import json
from functools import cache
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl

from tergeu.core.linkage.dates_places import (
    area_comparison,
    death_comparison,
    place_comparison,
    recorded_comparison,
    swapped_day_and_month,
)
from tergeu.core.linkage.levels import else_level, fixed_m, level, similar
from tergeu.core.linkage.list_frequencies import CORRECTIONS_VERSION

TYPO_LENGTH = 5  # letters a family name needs for one edit anywhere to count as a typo ("Ли" and "Ким" do not)


def _one_typo_apart(left: str, right: str) -> str:
    """Alike (``similar``), or one letter typed wrong, dropped, added or swapped anywhere in names of
    ``TYPO_LENGTH`` letters or more. Jaro-Winkler forgives a slip late in a word and not one early in
    it ("Тасболатов" and "Тосболатов" score 0.84), yet a clerk's or a scanner's slip falls anywhere;
    the blocking already pairs names one edit apart (``blocking.add_edit_pairs``) for that reason."""
    # Lengths one apart at most first: a necessary condition, cheap, and DuckDB then computes the edit
    # distance only for the pairs left (at a million records the distance cost about 9 s of the run).
    return (f"({similar(left, right)} OR (least(length({left}), length({right})) >= {TYPO_LENGTH} "
            f"AND abs(length({left}) - length({right})) <= 1 AND damerau_levenshtein({left}, {right}) <= 1))")


KAZAKH_FORM = "(uli|ulu|kizi)$"  # a family name in the patronymic form (Ахметұлы, Akhmetulu), as keys spell it


def father_in_family(column: str) -> str:
    """SQL: the father's name a family name in the Kazakh form gives (Болатұлы: Болат), else NULL."""
    return f"CASE WHEN regexp_matches({column}, '{KAZAKH_FORM}') THEN regexp_replace({column}, '{KAZAKH_FORM}', '') END"


def father_name(expression: str) -> str:
    """SQL: a father's name as the two forms of a patronymic can both give it: without a last "i".

    A Russian patronymic in -аевич reads as a name in -ай (Мусаевич: "musai"), whether the father was
    Мусай or Муса, while the Kazakh form keeps the name as it is (Мусаұлы: "musa"). Only a й after a
    vowel is dropped: Нуриевич ("nuri") is not Нұрұлы ("nur")."""
    return f"regexp_replace({expression}, '([aeiou])i$', '\\1')"


def family_root(column: str) -> str:
    """The family key without its ending: Ахметов, Ахметова and Ахметұлы all give "ahmet".

    Then without a last "i" and a last vowel, where the two forms part: Жаңабайұлы ~ Жанабаев
    ("janabai", "janaba"), Мусаұлы ~ Мусин ("musa", "mus").
    """
    stem = f"regexp_replace({column}, '(uli|ulu|kizi|ov|ev|in)$', '')"
    return f"regexp_replace(regexp_replace({stem}, 'i$', ''), '[aeiou]$', '')"


# Either record names a woman and neither a man. Women's family names change with marriage, and one
# list gives the maiden name where another gives the married one, so among women a different family
# name is weaker evidence of two people than among men; EM learns how much weaker on the lists at hand.
_A_WOMAN = "(sex_l = 'F' OR sex_r = 'F') AND coalesce(sex_l, 'F') = 'F' AND coalesce(sex_r, 'F') = 'F'"
WOMAN_S_OTHER_NAME = "another family name, a woman's (maiden or married)"
# A family name in the Kazakh form that is the other record's father's name (Ерлан Нұрланұлы: son of Нұрлан).
# No EM session trains it (``father_as_family``): it weighs what agreeing patronymics weigh.
FATHER_AS_FAMILY = "a family name in the Kazakh form is the other's father's name"
# The most of the true pairs the level may claim (``father_as_family``): at 0.05 the exact family level
# keeps at least 0.95 of what it had, less than 0.08 bits for every pair whose family names agree. On the
# balkhash lists, where a mosques' list names the dead by given and father's name only, about one true
# pair in eight is of this kind, and the level weighs 4-5 bits at the cap instead of 6.
FATHER_AS_FAMILY_MAX_M = 0.05
# A family name in the Kazakh form with no patronymic beside it ("Нұрсұлтан Маратұлы": son of Марат), against
# a family name and no father's name (Нұрсұлтан Әбдірахманов): one record states a father, the other a
# family, and nothing is compared. Weighed as no evidence (``father_as_family``: m = u), not as two family names.
# Its m is not capped: records written so are as common among true pairs as among random ones, since
# which list writes a father where another writes a family says nothing of who is named; the other
# levels (the exact one too) give up the room, as a share of true pairs that can agree on no family name.
FATHER_AGAINST_FAMILY = "a father's name in the family name's place, against a family name"
# Levels that are disagreement, however EM weighs them: never evidence *for* a match (``model._smoothed``).
DISAGREEMENT_LEVELS = frozenset({WOMAN_S_OTHER_NAME})


# One record is a given name and a family initial read as a family name and a given initial ("Гульнара А."
# on a list mostly written "Фамилия И.О."), the other the full name (Абдурахманова Гульнара).
# It reads ``read_as_given`` (features), not family_skeleton and given_initial: EM leaves untrained a
# comparison that reads a column its session is blocked on, and the sessions block on those two
# (``model.EM_RULES``); read through them, the whole family comparison went untrained.
GIVEN_READ_AS_FAMILY = " OR ".join(
    f"(read_as_given_{a} = given_skeleton_{b} || ' ' || substr(family_{b}, 1, 1))" for a, b in (("l", "r"), ("r", "l")))


# Its u is fixed: EM's random sample seldom meets it and floored u at 5e-7 (14 bits, more than a whole
# family name). Counted on random pairs it was 2e-5 on altai (the family name's skeleton equal to the other's
# given name's, as blocking pairs them; Jaro-Winkler instead also took surnames made from given names,
# Нурланов against Нұрлан, at 1e-4 and more). 0.01 / 4e-5 is 8 bits: what a given name (about 6 bits)
# and a family initial (about 4) weigh when read as written, less for the doubt about the reading.
GIVEN_READ_AS_FAMILY_U = 4e-5


def family_comparison() -> cl.CustomComparison:
    """The family name without its gender ending; agreement on a rare one weighs more (term frequency).

    Since 1991 many Kazakhs write the family name in the patronymic form (Ахметов became Ахметұлы), and
    lists differ in which form they give, so one root with the two endings is a level of its own. A
    family name in that form is often the father's name instead (Ерлан Ахметұлы: son of Ахмет), so
    it agreeing with the other record's patronymic is one too.
    """
    root_l, root_r = family_root("family_l"), family_root("family_r")
    # exactly one side in the Kazakh form: Шишкин and Шишков share a root but are two names
    one_kazakh = f"regexp_matches(family_l, '{KAZAKH_FORM}') <> regexp_matches(family_r, '{KAZAKH_FORM}')"
    # ... only where that side gives no patronymic: with one, the patronymic comparison weighs the fathers
    kazakh_form = " OR ".join(
        f"(patronymic_{a} IS NULL AND {father_name(father_in_family(f'family_{a}'))} = "
        f"{father_name(f'patronymic_{b}')})" for a, b in (("l", "r"), ("r", "l")))
    father_against_family = f"{one_kazakh} AND patronymic_l IS NULL AND patronymic_r IS NULL"
    return cl.CustomComparison(
        output_column_name="family",
        comparison_description="family name (stem), or the two names swapped",
        comparison_levels=[
            cll.NullLevel("family").configure(is_null_level=True),
            cll.ExactMatchLevel("family", term_frequency_adjustments=True).configure(m_probability=0.85),
            level(f"length({root_l}) >= 3 AND {root_l} = {root_r} AND {one_kazakh}",
                  "one family name, Russian and Kazakh forms", 0.02),
            level(kazakh_form, FATHER_AS_FAMILY, 0.01),
            level(_one_typo_apart("family_l", "family_r"), "similar family name", 0.1, tf_column="family"),
            level(f"{similar('family_l', 'given_r')} AND {similar('given_l', 'family_r')}", "family and given swapped",
                  0.03),
            fixed_m(level(GIVEN_READ_AS_FAMILY, "a given name and a family initial, read the other way round",
                          0.01).configure(u_probability=GIVEN_READ_AS_FAMILY_U, fix_u_probability=True)),
            level(father_against_family, FATHER_AGAINST_FAMILY, 0.01),
            level(_A_WOMAN, WOMAN_S_OTHER_NAME, 0.02),
            else_level(0.02),
        ],
    )


# Typos and a scheme's leftovers make rare spellings; two alike spellings that are both common are two names.
COMMON_AT_LEAST = 5  # records with the value, for it to count as common ...
COMMON_SHARE = 0.2  # ... and the rarer of the two at least this share of the commoner
TWO_COMMON_GIVEN_NAMES = "two alike given names, both common (Ерлан, Ержан)"


def _both_common(column: str) -> str:
    """SQL: both records' values of ``column`` are common, going by ``<column>_count``: two names, not one
    name and a slip. A slip is rare (balkhash at 40,000 people, of the pairs the linkage had put together
    with two alike given names: 4 of the 1,574 true ones had both common, 345 of the 590 false ones)."""
    low, high = f"least({column}_count_l, {column}_count_r)", f"greatest({column}_count_l, {column}_count_r)"
    return f"(coalesce({low}, 0) >= {COMMON_AT_LEAST} AND {low} >= {COMMON_SHARE} * {high})"


def given_comparison() -> cl.CustomComparison:
    """Full given names only: a pair where one side has just an initial is left to ``initial_comparison``."""
    return cl.CustomComparison(
        output_column_name="given",
        comparison_description="given name (when both records have it in full)",
        comparison_levels=[
            cll.NullLevel("given").configure(is_null_level=True),
            cll.ExactMatchLevel("given", term_frequency_adjustments=True).configure(m_probability=0.8),
            fixed_m(level(f"{similar('given_l', 'given_r')} AND {_both_common('given')}", TWO_COMMON_GIVEN_NAMES,
                          0.005)),
            level(similar("given_l", "given_r"), "similar given name", 0.14),
            level(f"{similar('family_l', 'given_r')} AND {similar('given_l', 'family_r')}", "given and family swapped",
                  0.03),
            else_level(0.03),
        ],
    )


def _initial_only(part: str, description: str, null_label: str, agree_label: str,
                  m_agree: float, uncompared: str = "FALSE") -> cl.CustomComparison:
    """The initial of ``part`` (given or patronymic), compared only when one side has nothing more,
    and not where ``uncompared`` holds (SQL).

    Comparing it when both records have the full name would count the same agreement twice.
    """
    return cl.CustomComparison(
        output_column_name=f"{part}_initial",
        comparison_description=description,
        comparison_levels=[
            cll.CustomLevel(f"{part}_initial_l IS NULL OR {part}_initial_r IS NULL "
                            f"OR ({part}_l IS NOT NULL AND {part}_r IS NOT NULL) OR {uncompared}",
                            null_label).configure(is_null_level=True),
            cll.ExactMatchLevel(f"{part}_initial", term_frequency_adjustments=True).configure(
                m_probability=m_agree, label_for_charts=agree_label),
            else_level(round(1 - m_agree, 6)),
        ],
    )


def initial_comparison() -> cl.CustomComparison:
    """The given name's initial, for a morgue's "Нурланов Ж.С." against a full name; not where the
    initial is the family name's, read the other way round (the family comparison weighs that)."""
    return _initial_only("given", "given-name initial, when one record has only the initial",
                         "full names, no initial, or names read the other way round", "initial agrees", 0.95,
                         f"({GIVEN_READ_AS_FAMILY})")


def patronymic_comparison() -> cl.CustomComparison:
    """The father's name from the patronymic, Kazakh or Russian form, when both records have it in full.

    Many Kazakh family names are formed from the father's given name (Мейрамов, son of Мейрам). When
    both records' family names and patronymics agree and the family name is the patronymic's name
    plus an ending, counting the patronymic as a second, independent agreement made namesakes look
    twice as alike as they are, so such pairs are not compared on it (patronymics that differ still
    count against, even under one family name: Серик and Серикбай, both "Серикбаев").
    """
    echo = ("family_l = family_r AND patronymic_l = patronymic_r AND starts_with(family_l, patronymic_l)")
    return cl.CustomComparison(
        output_column_name="patronymic",
        comparison_description="father's name from the patronymic (Kazakh or Russian form)",
        comparison_levels=[
            cll.CustomLevel(f"patronymic_l IS NULL OR patronymic_r IS NULL OR ({echo})",
                            "no patronymic, or it repeats the family name").configure(is_null_level=True),
            cll.ExactMatchLevel("patronymic", term_frequency_adjustments=True).configure(m_probability=0.8),
            level(similar("patronymic_l", "patronymic_r"), "similar father's name", 0.15),
            else_level(0.05),
        ],
    )


def patronymic_initial_comparison() -> cl.CustomComparison:
    """The patronymic's initial, compared only when one side has nothing more ("Нурланов Ж.С.")."""
    return _initial_only("patronymic", "patronymic initial, when one record has only the initial",
                         "full patronymics or no initial", "patronymic initial agrees", 0.93)


def birth_comparison() -> cl.CustomComparison:
    """Date of birth, or the year from an IIN or from the age at death.

    Two full dates that differ beyond a typo or two are strong evidence of two people, and are kept
    apart from years that differ by one, which is what an age at death gives (the birthday may fall
    before or after the death): a year within one counts as agreement only where a side's year comes
    from an age. Two typos are allowed a level of their own because some lists corrupt whole dates.
    Years more than ten apart (an age of 12 against one of 63) are a level of their own: a clerk's
    slip can move a year by ten (1990 for 1980), rarely more, while namesakes differ by decades. Where
    both years are read from documents (a date of birth, an IIN) such a gap needs two slips in one
    year, so it weighs more against a match than where one year is worked out from a reported age
    (a press report's "aged 40" may be a guess).
    """
    both_full = "birth_date_l IS NOT NULL AND birth_date_r IS NOT NULL"
    approximate = "(NOT birth_year_exact_l OR NOT birth_year_exact_r)"
    return cl.CustomComparison(
        output_column_name="birth",
        comparison_description="date of birth, or the year from an IIN or from the age at death",
        comparison_levels=[
            cll.CustomLevel("birth_year_l IS NULL OR birth_year_r IS NULL", "no birth year").configure(
                is_null_level=True),
            level("birth_date_l = birth_date_r", "same date of birth", 0.5),
            level("levenshtein(birth_date_l, birth_date_r) <= 1", "date of birth with one typo", 0.06),
            level(swapped_day_and_month("birth_date_l", "birth_date_r"), "day and month swapped", 0.02),
            level("levenshtein(birth_date_l, birth_date_r) <= 2", "date of birth with two typos", 0.02),
            level(f"birth_year_l = birth_year_r AND NOT ({both_full}) AND NOT {approximate}",
                  "same year of birth", 0.1),
            level(f"birth_year_l = birth_year_r AND {approximate}", "same year, one from an age at death", 0.14),
            level(f"abs(birth_year_l - birth_year_r) <= 1 AND {approximate}", "years within 1 (age at death)", 0.06),
            level(f"abs(birth_year_l - birth_year_r) <= 3 AND NOT ({both_full})", "years within 3", 0.05),
            level("abs(birth_year_l - birth_year_r) <= 10", "different dates, years within 10", 0.035),
            level(approximate, "years of birth more than 10 apart, one from an age", 0.012),
            else_level(0.003).configure(label_for_charts="exact years of birth more than 10 apart"),
        ],
    )


def national_id_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="national_id",
        comparison_description="IIN, exact or one typo",
        comparison_levels=[
            cll.NullLevel("national_id"),
            cll.ExactMatchLevel("national_id").configure(m_probability=0.9),
            cll.LevenshteinLevel("national_id", 1).configure(m_probability=0.07),
            else_level(0.03),
        ],
    )



def simple_exact(column: str, description: str, m_agree: float) -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name=column, comparison_description=description,
        comparison_levels=[cll.NullLevel(column), cll.ExactMatchLevel(column).configure(m_probability=m_agree),
                           else_level(round(1 - m_agree, 6))],
    )


def casualty_comparisons() -> list[cl.CustomComparison]:
    """The comparisons for casualty lists (features from ``tergeu.core.linkage.features``)."""
    return [
        family_comparison(), given_comparison(), initial_comparison(), patronymic_comparison(),
        patronymic_initial_comparison(), birth_comparison(),
        national_id_comparison(),
        death_comparison(), recorded_comparison(), place_comparison(), area_comparison(),
        simple_exact("sex", "sex (stated, from the IIN, or from name endings)", 0.97),
    ]


@cache
def comparisons_fingerprint() -> str:
    """A digest of how records are compared (every comparison's levels: their SQL, term frequencies and
    fixed values, not the trained ones): a stored model made under other comparisons must not score new
    records, because people it found would be weighed by rules the code no longer has, and new records
    by rules it never trained.
    The weights added after Splink's (``list_frequencies``, ``name_classes``) count too, by their version."""
    specs = [comparison.get_comparison("duckdb").as_dict() for comparison in casualty_comparisons()]
    levels = [(spec["output_column_name"], [_level_rule(level) for level in spec["comparison_levels"]])
              for spec in specs]
    levels.append(("added after prediction", [(CORRECTIONS_VERSION, None)]))
    return hashlib.sha256(json.dumps(levels, ensure_ascii=False).encode()).hexdigest()[:16]


def _level_rule(level: dict[str, Any]) -> tuple[Any, ...]:
    """What of a level decides how pairs are weighed, beside what training finds: its SQL and label, its
    term frequencies, and any m or u fixed rather than trained."""
    return (level.get("sql_condition"), level.get("label_for_charts"), level.get("tf_adjustment_column"),
            level.get("tf_adjustment_weight"), level.get("fix_m_probability") and level.get("m_probability"),
            level.get("fix_u_probability") and level.get("u_probability"))


def father_as_family(comparisons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``comparisons`` with the family comparison's two levels about fathers set from their u, not by EM:
    ``FATHER_AS_FAMILY`` weighs what two patronymics that agree weigh (the patronymic comparison's exact
    level), the same fact whether one list writes it as a patronymic or as a family name in the Kazakh
    form; ``FATHER_AGAINST_FAMILY`` weighs nothing (m = u): a father's name and a family name are two
    facts, and neither says anything of the other.

    Why not EM. No session trains the first: the first session blocks on the family name, and in the second
    (one birth year and initial) EM's family comparison comes out implausible on lists with many such
    names and is reverted, so its m stayed at the prior, 0.01: 2 bits for "Ерлан Нұрланұлы" against
    "Кудайбергенов Ерлан Нурланович", where agreeing patronymics weigh about 6. The second, left to its
    prior, weighed about as much against a match as two family names that differ. Each level's u is
    measured on random pairs like every level's; the first's m is set so that m / u is the patronymics'
    m / u, which holds when records written so are as common among true pairs as among random ones. That
    fails where the Kazakh form is a record's own family name on every list: then random pairs meet the
    level more often than true pairs do, which land on the exact level. So its m is held to
    ``FATHER_AS_FAMILY_MAX_M``; the second level's m is its u, uncapped. The family comparison's other
    trained levels share what is left of the m, in their proportions. The patronymics' m / u is their
    average over fathers' names (its term frequencies are not applied here). A level missing from the
    model, or without its u, is not set (it is rescaled with the trained levels), and nothing changes
    where nothing would be left to share. Applied twice with the same u it changes nothing, so a stored
    model gets it again once its u are filled in (``model``). The argument is not changed: a stored
    model's comparisons are the run's own.
    """
    comparisons = copy.deepcopy(comparisons)
    found = {c["output_column_name"]: c for c in comparisons}
    family, patronymic = found.get("family"), found.get("patronymic")
    if family is None:
        return comparisons
    levels = {lvl.get("label_for_charts"): lvl for lvl in family["comparison_levels"]}
    fathers, against = levels.get(FATHER_AS_FAMILY), levels.get(FATHER_AGAINST_FAMILY)
    exact = next((lvl for lvl in patronymic["comparison_levels"] if not lvl.get("is_null_level")), None) \
        if patronymic else None
    targets = []
    if fathers and exact and fathers.get("u_probability") and exact.get("u_probability") \
            and exact.get("m_probability") is not None:
        targets.append((fathers, min(FATHER_AS_FAMILY_MAX_M,
                                     fathers["u_probability"] * exact["m_probability"] / exact["u_probability"])))
    if against and against.get("u_probability"):
        targets.append((against, against["u_probability"]))
    _set_m(family["comparison_levels"], targets)
    return comparisons


def _set_m(comparison_levels: list[dict[str, Any]], targets: list[tuple[dict[str, Any], float]]) -> None:
    """Give each target level its m (``targets``: (level, m) pairs), the comparison's other trained levels
    sharing what is left in their proportions; nothing changes where nothing would be left to share."""
    chosen = [id(lvl) for lvl, _m in targets]
    others = [lvl for lvl in comparison_levels
              if not lvl.get("is_null_level") and not lvl.get("fix_m_probability") and id(lvl) not in chosen]
    fixed = sum(lvl.get("m_probability") or 0.0 for lvl in comparison_levels
                if lvl.get("fix_m_probability") and not lvl.get("is_null_level"))
    share = sum(lvl.get("m_probability") or 0.0 for lvl in others)
    room = 1.0 - fixed - sum(m for _lvl, m in targets)
    if not targets or share <= 0 or room <= 0:
        return
    for lvl in others:
        lvl["m_probability"] = (lvl.get("m_probability") or 0.0) * room / share
    for lvl, m in targets:
        lvl["m_probability"] = m
