"""The comparisons Tergeu's linkage model makes between two records, declared as Splink levels.

Each comparison is ordered from the strongest agreement to disagreement; the first level whose SQL
holds is the one the pair falls in, and its trained match weight is what the explanation shows.
Names are compared as one comparison (not given and family separately) because name order, initials
and swapped parts are properties of the whole name: splitting them would count one agreement twice.
"""

from __future__ import annotations

import splink.comparison_level_library as cll
import splink.comparison_library as cl

SIMILAR = 0.88  # Jaro-Winkler on matching keys: transliteration leftovers and one-letter typos pass


def level(sql: str, label: str, m: float) -> cll.CustomLevel:
    """A level with a prior m probability (share of true matches that fall in it), refined by training."""
    return cll.CustomLevel(sql, label).configure(m_probability=m)


def else_level(m: float) -> cll.ElseLevel:
    return cll.ElseLevel().configure(m_probability=m)


def _jw(left: str, right: str) -> str:
    return f"jaro_winkler_similarity({left}, {right}) >= {SIMILAR}"


def name_comparison() -> cl.CustomComparison:
    both_given = "given_l IS NOT NULL AND given_r IS NOT NULL"
    return cl.CustomComparison(
        output_column_name="name",
        comparison_description="family name (stem) and given name, in either order, or an initial",
        comparison_levels=[
            cll.CustomLevel("name_tokens_l IS NULL OR name_tokens_r IS NULL", "no name on one side").configure(
                is_null_level=True),
            level("given_l = given_r AND family_l = family_r", "same given and family name", 0.55),
            level(f"{_jw('given_l', 'given_r')} AND {_jw('family_l', 'family_r')}",
                  "similar given and family name", 0.2),
            level(f"{both_given} AND {_jw('given_l', 'family_r')} AND {_jw('family_l', 'given_r')}",
                  "given and family name swapped", 0.05),
            level(f"(given_l IS NULL OR given_r IS NULL) AND given_initial_l = given_initial_r "
                  f"AND {_jw('family_l', 'family_r')}", "similar family name, initial agrees", 0.12),
            level(_jw("family_l", "family_r"), "similar family name, given name differs", 0.04),
            level("len(list_intersect(name_tokens_l, name_tokens_r)) >= 1", "one name in common", 0.03),
            else_level(0.01),
        ],
    )


def patronymic_comparison() -> cl.CustomComparison:
    no_patronymic = "(patronymic_{s} IS NULL AND patronymic_initial_{s} IS NULL)"
    return cl.CustomComparison(
        output_column_name="patronymic",
        comparison_description="father's name from the patronymic (Kazakh or Russian form) or its initial",
        comparison_levels=[
            cll.CustomLevel(f"{no_patronymic.format(s='l')} OR {no_patronymic.format(s='r')}",
                            "no patronymic on one side").configure(is_null_level=True),
            level("patronymic_l = patronymic_r", "same father's name", 0.7),
            level(_jw("patronymic_l", "patronymic_r"), "similar father's name", 0.15),
            level("(patronymic_l IS NULL OR patronymic_r IS NULL) AND patronymic_initial_l = patronymic_initial_r",
                  "patronymic initial agrees", 0.12),
            else_level(0.03),
        ],
    )


def birth_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="birth",
        comparison_description="date of birth, or the year from an IIN or from the age at death",
        comparison_levels=[
            cll.CustomLevel("birth_year_l IS NULL OR birth_year_r IS NULL", "no birth year").configure(
                is_null_level=True),
            level("birth_date_l = birth_date_r", "same date of birth", 0.5),
            level("birth_year_l = birth_year_r AND birth_year_exact_l AND birth_year_exact_r",
                  "same year of birth", 0.1),
            level("abs(birth_year_l - birth_year_r) <= 1", "years within 1 (age at death)", 0.3),
            level("abs(birth_year_l - birth_year_r) <= 3", "years within 3", 0.06),
            else_level(0.04),
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


def death_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="death_date",
        comparison_description="date of death (lists often disagree by a day)",
        comparison_levels=[
            cll.NullLevel("death_date"),
            cll.ExactMatchLevel("death_date").configure(m_probability=0.8),
            level("abs(date_diff('day', CAST(death_date_l AS DATE), CAST(death_date_r AS DATE))) <= 1",
                  "within a day", 0.12),
            level("abs(date_diff('day', CAST(death_date_l AS DATE), CAST(death_date_r AS DATE))) <= 3",
                  "within three days", 0.04),
            else_level(0.04),
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
        name_comparison(), patronymic_comparison(), birth_comparison(), national_id_comparison(),
        death_comparison(), simple_exact("place", "place of death (gazetteer key)", 0.9),
        simple_exact("sex", "sex (stated, from the IIN, or from name endings)", 0.97),
    ]
