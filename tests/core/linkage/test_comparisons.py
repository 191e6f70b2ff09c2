"""Which level of a comparison a pair of records falls in, evaluated by DuckDB as Splink would."""

from __future__ import annotations

import duckdb
import pytest

from tergeu.core.linkage import RecordFacts, features_of
from tergeu.core.linkage.comparisons import (
    FATHER_AGAINST_FAMILY,
    FATHER_AS_FAMILY,
    FATHER_AS_FAMILY_MAX_M,
    TWO_COMMON_GIVEN_NAMES,
    _level_rule,
    area_comparison,
    death_comparison,
    family_comparison,
    father_as_family,
    given_comparison,
    initial_comparison,
    place_comparison,
    recorded_comparison,
)
from tergeu.core.linkage.comparisons import WOMAN_S_OTHER_NAME as WOMAN

NAME_COLUMNS = ("family", "given", "given_initial", "read_as_given", "patronymic", "sex", "given_skeleton")


def family_level(left: dict[str, str], right: dict[str, str]) -> str:
    """The label of the first family-comparison level whose SQL holds for the two records' features."""
    return _level(family_comparison(), NAME_COLUMNS, left, right)


@pytest.mark.parametrize(("left", "right", "label"), [
    ("Ахметов Ерлан", "Ерлан Ахметұлы", "one family name, Russian and Kazakh forms"),
    ("Сейітова Гүлнар", "Гулнар Сейитқызы", "one family name, Russian and Kazakh forms"),
    ("Yerlan Akhmetov", "Ерлан Ахметулы", "one family name, Russian and Kazakh forms"),
    ("Нурбаев Нурлан", "Nurlan Nurbayulu", "one family name, Russian and Kazakh forms"),  # ы written u
    ("Ахметов Ерлан", "Ахметжанов Ерлан", "similar family name"),  # another root: only alike
    ("Ли Ерлан", "Ерлан Лиұлы", FATHER_AGAINST_FAMILY),  # a two-letter root is not one name: Ли may be the father
    ("Шишкин Пётр", "Шишков Пётр", "similar family name"),  # one root, two Russian names
    ("Мусин Арман", "Мусаев Арман", "All other comparisons"),
    ("Тасболатов Ержан", "Тосболатов Ержан", "similar family name"),  # one slip early in the name
    ("Оспанов Ернар", "Оснанов Ернар", "similar family name"),
    ("Ким Ерлан", "Кем Ерлан", "All other comparisons"),  # too short for one letter to be a mere slip
    ("Касымов Арман", "Қомымов Арман", "All other comparisons"),  # two letters early: not one slip
])
def test_a_family_name_in_either_form_is_one_name(left: str, right: str, label: str) -> None:
    assert family_level({"full_name": left}, {"full_name": right}) == label


def test_a_kazakh_form_family_name_may_be_the_father_s_name() -> None:
    official = {"family_name": "Оразов", "given_name": "Ерасыл", "patronymic": "Ерубайұлы"}
    assert family_level(official, {"full_name": "Ерасыл Ерубайулы"}) == (
        "a family name in the Kazakh form is the other's father's name")
    assert family_level(official, {"full_name": "Ерасыл Серікұлы"}) == "All other comparisons"
    # Мусаевич reads "musai" (Мусай or Муса); Мусаұлы names Муса
    russian = {"family_name": "Тасболов", "given_name": "Жанибек", "patronymic": "Мусаевич"}
    assert family_level(russian, {"full_name": "Жанибек Мусаұлы"}) == FATHER_AS_FAMILY
    assert family_level(russian, {"full_name": "Жанибек Мусабекұлы"}) == "All other comparisons"
    # only a й after a vowel is dropped: Нуриевич is not Нұрұлы
    nuri = {"family_name": "Тасболов", "given_name": "Жанибек", "patronymic": "Нуриевич"}
    assert family_level(nuri, {"full_name": "Жанибек Нұрұлы"}) == "All other comparisons"
    # with a patronymic of its own, the patronymic comparison weighs the fathers, not this level
    both = {"family_name": "Нұрланұлы", "given_name": "Ерлан", "patronymic": "Нурланович"}
    other = {"family_name": "Кудайбергенов", "given_name": "Ерлан", "patronymic": "Нурланович"}
    assert family_level(both, other) != FATHER_AS_FAMILY


def test_a_father_s_name_against_a_family_name_compares_nothing() -> None:
    """"Нұрсұлтан Маратұлы" states his father, "Әбдірахманов Нұрсұлтан" his family: two facts, not two family
    names that differ. With a patronymic on either side the fathers can be compared, and are."""
    father_only = {"full_name": "Нұрсұлтан Маратұлы"}
    assert family_level(father_only, {"full_name": "Әбдірахманов Нұрсұлтан"}) == FATHER_AGAINST_FAMILY
    assert family_level(father_only, {"full_name": "Әбдірахманов Нұрсұлтан Ерланович"}) == "All other comparisons"
    assert family_level(father_only, {"full_name": "Әбдірахманов Нұрсұлтан Маратович"}) == FATHER_AS_FAMILY
    assert family_level({"full_name": "Болатов Арман"}, {"full_name": "Әбдірахманов Арман"}) == "All other comparisons"
    assert family_level(father_only, {"full_name": "Нұрсұлтан Серікұлы"}) != FATHER_AGAINST_FAMILY  # both fathers


@pytest.mark.parametrize(("left", "right"), [
    ("Жанабаев Бекзат", "Бекзат Жаңабайұлы"), ("Мусин Ерканат", "Ерқанат Мұсаұлы"), ("Бөкеев Ербол", "Ербол Бокейулы"),
])
def test_the_forms_meet_where_the_root_ends_in_a_vowel(left: str, right: str) -> None:
    assert family_level({"full_name": left}, {"full_name": right}) == "one family name, Russian and Kazakh forms"


@pytest.mark.parametrize(("left", "right", "label"), [
    ({"full_name": "Карпова Елена"}, {"full_name": "Elena Lebedeva"}, WOMAN),
    ({"full_name": "Омарова Динара", "sex": "F"}, {"full_name": "Динара Усенбаева"}, WOMAN),
    ({"full_name": "Мусин Арман"}, {"full_name": "Арман Бекенов"}, "All other comparisons"),  # men keep their names
    ({"full_name": "Карпова Елена"}, {"full_name": "Лебедев Е.", "sex": "M"}, "All other comparisons"),  # not one sex
    ({"full_name": "Ким Ли"}, {"full_name": "Пак Ли"}, "All other comparisons"),  # sex unknown on both sides
])
def test_a_woman_s_other_family_name_is_a_level_of_its_own(left: dict, right: dict, label: str) -> None:
    assert family_level(left, right) == label


def _level(comparison: object, columns: tuple[str, ...], left: dict[str, str], right: dict[str, str]) -> str:
    """The label of the first level of ``comparison`` whose SQL holds for the two records' features."""
    rows = [features_of(RecordFacts(i, "list", facts)) for i, facts in enumerate((left, right), start=1)]
    return _level_of(comparison, {f"{column}_{side}": row[column] for column in columns
                                  for side, row in zip("lr", rows, strict=True)})


def _level_of(comparison: object, values: dict[str, object]) -> str:
    """The label of the first level of ``comparison`` whose SQL holds for these feature values."""
    connection = duckdb.connect()
    selected = ", ".join(f"${name} AS {name}" for name in values)
    for created in comparison.get_comparison("duckdb").comparison_levels:
        condition = "TRUE" if created.sql_condition == "ELSE" else created.sql_condition
        if connection.execute(f"SELECT ({condition}) FROM (SELECT {selected})", values).fetchone()[0]:
            return created.label_for_charts
    raise AssertionError("no level held, not even the last")


PLACE_COLUMNS = ("place", "place_city", "area")
UNPLACED = "no place, a district and its city, or a site and a settlement"  # the null level


@pytest.mark.parametrize(("left", "right", "place", "area"), [
    # A morgue's district and a newspaper's city: one place at two scales, left to the area comparison.
    ("Алмалинский р-н", "Алматы қ.", UNPLACED, "place within the other record's area"),
    ("Almaty", "Наурызбайский район", UNPLACED, "place within the other record's area"),
    ("г. Алматы, Алмалинский р-н", "Алмалинский р-н", "Exact match on place", "places compared, or no area"),
    ("Алмалинский р-н", "Медеуский р-н", "All other comparisons", "places compared, or no area"),  # two districts
    ("Наурызбайский р-н", "Тараз", "All other comparisons", "places compared, or no area"),  # another city
    # A morgue's hospital and a register's district: the hospital lies somewhere the gazetteer cannot say.
    ("ГКБ №12", "г. Алматы, Алмалинский р-н", UNPLACED,
     "places compared, or no area"),
    ("ГКБ №12", "ГКБ №12", "Exact match on place", "places compared, or no area"),
    ("ГКБ №12", "ГКБ №4", "All other comparisons", "places compared, or no area"),  # two hospitals
])
def test_a_district_and_its_city_are_one_place_at_two_scales(left: str, right: str, place: str, area: str) -> None:
    left_facts, right_facts = {"place_of_death": left}, {"place_of_death": right}
    assert _level(place_comparison(), PLACE_COLUMNS, left_facts, right_facts) == place
    assert _level(area_comparison(), PLACE_COLUMNS, left_facts, right_facts) == area


@pytest.mark.parametrize(("left", "right", "label"), [
    ("2022-01-07", "2022-07-01", "no date of death, or day and month swapped"),  # 01/07 read day first
    ("2022-01-07", "2022-01-07", "Exact match on death_date"),
    ("2022-01-07", "2022-01-08", "within a day"),
    ("2022-01-07", "2022-01-17", "All other comparisons"),
    ("2022-01-06", "2023-06-01", "All other comparisons"),  # another year: not a swap
])
def test_a_date_of_death_with_day_and_month_swapped_is_left_uncompared(left: str, right: str, label: str) -> None:
    assert _level(death_comparison(), ("death_date",), {"date_of_death": left}, {"date_of_death": right}) == label


@pytest.mark.parametrize(("recorded", "died", "label"), [
    ("2022-01-06", "2022-01-05", "recorded on the day of death or the next"),
    ("2022-11-01", "2022-01-05", "death dates compared, no date of record, or day and month swapped"),  # 11 January
    ("2022-01-01", "2022-01-05", "recorded days before the death or weeks after"),  # before, traded or not
    ("2022-03-01", "2022-01-05", "recorded days before the death or weeks after"),  # traded: 3 January, before
    ("2022-02-20", "2022-01-05", "recorded days before the death or weeks after"),  # no 20th month
])
def test_a_date_of_record_with_day_and_month_swapped_is_left_uncompared(recorded: str, died: str, label: str) -> None:
    columns = ("death_date", "recorded_date")
    assert _level(recorded_comparison(), columns, {"date_recorded": recorded}, {"date_of_death": died}) == label
    assert _level(recorded_comparison(), columns, {"date_of_death": died}, {"date_recorded": recorded}) == label


@pytest.mark.parametrize(("left", "order", "family", "initial"), [
    ("Гульнара А.", "family_first", "a given name and a family initial, read the other way round",
     "full names, no initial, or names read the other way round"),
    ("Абдурахманова Г.", "family_first", "Exact match on family", "initial agrees"),
    ("Гульнара Б.", "family_first", WOMAN, "All other comparisons"),  # another family initial: read as written
    ("Гульнаров А.", "family_first", "All other comparisons", "All other comparisons"),  # a surname from a given name
])
def test_a_given_name_and_a_family_initial_read_the_other_way_round(left: str, order: str, family: str,
                                                                     initial: str) -> None:
    rows = [features_of(RecordFacts(1, "list", {"full_name": left}, order)),
            features_of(RecordFacts(2, "list", {"full_name": "Абдурахманова Гульнара"}, "family_first"))]
    values = {f"{column}_{side}": row[column] for column in NAME_COLUMNS for side, row in zip("lr", rows, strict=True)}
    assert _level_of(family_comparison(), values) == family
    assert _level_of(initial_comparison(), values) == initial


def _trained(father_u: float = 0.0005) -> list[dict]:
    """A trained model's family and patronymic comparisons, as Splink saves them (m and u per level)."""
    family = {"output_column_name": "family", "comparison_levels": [
        {"is_null_level": True},
        {"label_for_charts": "Exact match on family", "m_probability": 0.95, "u_probability": 0.005},
        {"label_for_charts": FATHER_AS_FAMILY, "m_probability": 0.01, "u_probability": father_u},
        {"label_for_charts": "read the other way round", "m_probability": 0.01, "u_probability": 4e-5,
         "fix_m_probability": True},
        {"label_for_charts": "All other comparisons", "m_probability": 0.03, "u_probability": 0.99},
    ]}
    patronymic = {"output_column_name": "patronymic", "comparison_levels": [
        {"is_null_level": True},
        {"label_for_charts": "Exact match on patronymic", "m_probability": 0.8, "u_probability": 0.0125},
        {"label_for_charts": "All other comparisons", "m_probability": 0.2, "u_probability": 0.9875},
    ]}
    return [family, patronymic]


def test_a_father_s_name_as_a_family_name_weighs_what_agreeing_patronymics_weigh() -> None:
    """"Ерлан Нұрланұлы" against "... Ерлан Нурланович": no EM session trains the level, so its m is set
    for the patronymics' Bayes factor (0.8 / 0.0125 = 64, 6 bits); the trained levels give up the room."""
    family, _patronymic = father_as_family(_trained())
    levels = {lvl.get("label_for_charts"): lvl for lvl in family["comparison_levels"] if not lvl.get("is_null_level")}
    father = levels[FATHER_AS_FAMILY]
    assert father["m_probability"] / father["u_probability"] == pytest.approx(64)
    assert sum(lvl["m_probability"] for lvl in levels.values()) == pytest.approx(1.0)
    assert levels["read the other way round"]["m_probability"] == 0.01  # a fixed level keeps its m
    exact, other = levels["Exact match on family"], levels["All other comparisons"]
    assert exact["m_probability"] / other["m_probability"] == pytest.approx(0.95 / 0.03)  # in proportion
    assert father_as_family(father_as_family(_trained())) == father_as_family(_trained())  # applied twice: same
    stored = _trained()
    father_as_family(stored)
    assert stored == _trained()  # a stored model's own comparisons are left as they were


def test_a_father_s_name_against_a_family_name_weighs_nothing() -> None:
    """Its m is set to its u (a Bayes factor of 1), beside the father's level; the trained levels give up the room."""
    family, patronymic = _trained()
    family["comparison_levels"].insert(4, {"label_for_charts": FATHER_AGAINST_FAMILY, "m_probability": 0.01,
                                           "u_probability": 0.004})
    family, _patronymic = father_as_family([family, patronymic])
    levels = {lvl.get("label_for_charts"): lvl for lvl in family["comparison_levels"] if not lvl.get("is_null_level")}
    assert levels[FATHER_AGAINST_FAMILY]["m_probability"] == pytest.approx(0.004)
    assert levels[FATHER_AS_FAMILY]["m_probability"] / levels[FATHER_AS_FAMILY]["u_probability"] == pytest.approx(64)
    assert sum(lvl["m_probability"] for lvl in levels.values()) == pytest.approx(1.0)


def test_a_father_s_name_against_a_family_name_is_not_capped() -> None:
    """Where many random pairs meet it (a list naming everyone by given and father's name), its m is still
    its u: capped, it would weigh against a match."""
    family, patronymic = _trained()
    family["comparison_levels"].insert(4, {"label_for_charts": FATHER_AGAINST_FAMILY, "m_probability": 0.01,
                                           "u_probability": 0.12})
    family, _patronymic = father_as_family([family, patronymic])
    against = next(lvl for lvl in family["comparison_levels"] if lvl.get("label_for_charts") == FATHER_AGAINST_FAMILY)
    assert against["m_probability"] == pytest.approx(0.12)


def test_the_fingerprint_reads_term_frequencies_and_fixed_values_not_trained_ones() -> None:
    plain = {"sql_condition": "family_l = family_r", "label_for_charts": "same"}
    assert _level_rule(plain) != _level_rule({**plain, "tf_adjustment_column": "family", "tf_adjustment_weight": 1.0})
    assert _level_rule({**plain, "m_probability": 0.5}) == _level_rule({**plain, "m_probability": 0.7})
    fixed = {**plain, "fix_m_probability": True}
    assert _level_rule({**fixed, "m_probability": 0.5}) != _level_rule({**fixed, "m_probability": 0.7})


def test_the_father_s_level_claims_at_most_a_twentieth_of_the_true_pairs() -> None:
    """Where random pairs meet the level often (the Kazakh form a family name of its own), m = u x BF would
    take most of the exact level's share: it is held to the cap."""
    family, _patronymic = father_as_family(_trained(father_u=0.02))
    father = next(lvl for lvl in family["comparison_levels"] if lvl.get("label_for_charts") == FATHER_AS_FAMILY)
    assert father["m_probability"] == FATHER_AS_FAMILY_MAX_M


def test_a_model_without_the_father_s_u_is_left_as_it_is() -> None:
    untouched = _trained(father_u=0.0)
    assert father_as_family(untouched) == _trained(father_u=0.0)
    assert father_as_family(_trained()[:1]) == _trained()[:1]  # no patronymic comparison


@pytest.mark.parametrize(("left", "right", "counts", "label"), [
    ("erlan", "erjan", (40, 25), TWO_COMMON_GIVEN_NAMES),  # two common names: namesakes, not a slip
    ("erlan", "erian", (40, 1), "similar given name"),  # a rare spelling beside a common one: a slip
    ("erlan", "erjan", (40, 4), "similar given name"),  # the rarer one too rare to be a name of its own here
    ("nurlan", "nurjan", (5, 6), TWO_COMMON_GIVEN_NAMES),  # counts are what the lists hold, at any size
    ("erlan", "erlan", (40, 40), "Exact match on given"),
])
def test_two_alike_given_names_both_common_are_two_names(left: str, right: str, counts: tuple[int, int],
                                                         label: str) -> None:
    values = {"given_l": left, "given_r": right, "given_count_l": counts[0], "given_count_r": counts[1],
              "family_l": "ahmetov", "family_r": "ahmetov"}
    assert _level_of(given_comparison(), values) == label


def test_two_common_given_names_keep_a_fixed_m_below_a_disagreement_s() -> None:
    """EM, blocked on the family name and the given initial, reads brothers Ерлан and Ержан as one man
    (balkhash: m 0.27), so the level's m is fixed, at no more than two different names start with."""
    levels = given_comparison().get_comparison("duckdb").comparison_levels
    common = next(lvl for lvl in levels if lvl.label_for_charts == TWO_COMMON_GIVEN_NAMES)
    assert common._fix_m_probability and common._m_probability <= levels[-1]._m_probability
