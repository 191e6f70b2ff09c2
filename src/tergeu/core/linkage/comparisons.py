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
            cll.CustomLevel("given_l = given_r AND family_l = family_r", "same given and family name"),
            cll.CustomLevel(f"{_jw('given_l', 'given_r')} AND {_jw('family_l', 'family_r')}",
                            "similar given and family name"),
            cll.CustomLevel(f"{both_given} AND {_jw('given_l', 'family_r')} AND {_jw('family_l', 'given_r')}",
                            "given and family name swapped"),
            cll.CustomLevel(f"(given_l IS NULL OR given_r IS NULL) AND given_initial_l = given_initial_r "
                            f"AND {_jw('family_l', 'family_r')}", "similar family name, initial agrees"),
            cll.CustomLevel(_jw("family_l", "family_r"), "similar family name, given name differs"),
            cll.CustomLevel("len(list_intersect(name_tokens_l, name_tokens_r)) >= 1", "one name in common"),
            cll.ElseLevel(),
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
            cll.CustomLevel("patronymic_l = patronymic_r", "same father's name"),
            cll.CustomLevel(_jw("patronymic_l", "patronymic_r"), "similar father's name"),
            cll.CustomLevel("(patronymic_l IS NULL OR patronymic_r IS NULL) "
                            "AND patronymic_initial_l = patronymic_initial_r", "patronymic initial agrees"),
            cll.ElseLevel(),
        ],
    )


def birth_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="birth",
        comparison_description="date of birth, or the year from an IIN or from the age at death",
        comparison_levels=[
            cll.CustomLevel("birth_year_l IS NULL OR birth_year_r IS NULL", "no birth year").configure(
                is_null_level=True),
            cll.CustomLevel("birth_date_l = birth_date_r", "same date of birth"),
            cll.CustomLevel("birth_year_l = birth_year_r AND birth_year_exact_l AND birth_year_exact_r",
                            "same year of birth"),
            cll.CustomLevel("abs(birth_year_l - birth_year_r) <= 1", "years within 1 (age at death)"),
            cll.CustomLevel("abs(birth_year_l - birth_year_r) <= 3", "years within 3"),
            cll.ElseLevel(),
        ],
    )


def national_id_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="national_id",
        comparison_description="IIN, exact or one typo",
        comparison_levels=[
            cll.NullLevel("national_id"),
            cll.ExactMatchLevel("national_id"),
            cll.LevenshteinLevel("national_id", 1),
            cll.ElseLevel(),
        ],
    )


def death_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="death_date",
        comparison_description="date of death (lists often disagree by a day)",
        comparison_levels=[
            cll.NullLevel("death_date"),
            cll.ExactMatchLevel("death_date"),
            cll.CustomLevel("abs(date_diff('day', CAST(death_date_l AS DATE), CAST(death_date_r AS DATE))) <= 1",
                            "within a day"),
            cll.CustomLevel("abs(date_diff('day', CAST(death_date_l AS DATE), CAST(death_date_r AS DATE))) <= 3",
                            "within three days"),
            cll.ElseLevel(),
        ],
    )


def simple_exact(column: str, description: str) -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name=column, comparison_description=description,
        comparison_levels=[cll.NullLevel(column), cll.ExactMatchLevel(column), cll.ElseLevel()],
    )


def casualty_comparisons() -> list[cl.CustomComparison]:
    """The comparisons for casualty lists (features from ``tergeu.core.linkage.features``)."""
    return [
        name_comparison(), patronymic_comparison(), birth_comparison(), national_id_comparison(),
        death_comparison(), simple_exact("place", "place of death (gazetteer key)"),
        simple_exact("sex", "sex (stated, from the IIN, or from name endings)"),
    ]
