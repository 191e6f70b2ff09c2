"""Areas: the region a place lies in, the regions a list covers, and what linkage makes of them."""

from __future__ import annotations

import pytest

from tergeu.core.linkage import RecordFacts, features_of
from tergeu.core.linkage.areas import area_of_place, areas_of_region, record_areas
from tergeu.core.linkage.model import score_pairs


@pytest.mark.parametrize("place,area", [
    ("Алматинская обл., г. Талдыкорган", "almaty region"), ("Taldyqorgan", "almaty region"),
    ("Қаскелең", "almaty region"), ("Alma-Ata", "almaty"), ("г. Алматы", "almaty"), ("Джамбул", "jambyl region"),
    ("Оскемен", "east kazakhstan region"), ("Семипалатинск", "east kazakhstan region"), ("Chimkent", "shimkent"),
    ("Кзыл-Орда", "kyzylorda region"), ("Жанаозен", "mangystau region"), ("Atlantis", None), ("", None),
])
def test_it_places_settlements_in_their_region(place: str, area: str | None) -> None:
    assert area_of_place(place) == area


@pytest.mark.parametrize("region,areas", [
    ("г. Алматы; Алматинская область", {"almaty", "almaty region"}),
    ("Almaty city and Almaty region", {"almaty", "almaty region"}),
    ("Алматы облысы", {"almaty region"}), ("Алматы", {"almaty"}), ("Жамбылская обл.", {"jambyl region"}),
    ("Шығыс Қазақстан облысы", {"east kazakhstan region"}),
    ("Восточно-Казахстанская область", {"east kazakhstan region"}),
    ("Narnia region", set()), (None, set()),
])
def test_it_reads_the_areas_a_region_fact_names(region: str | None, areas: set[str]) -> None:
    assert areas_of_region(region) == areas


def test_a_records_place_is_finer_than_its_lists_region() -> None:
    assert record_areas("Тараз", "г. Алматы; Алматинская область") == ["jambyl region"]
    assert record_areas(None, "г. Алматы; Алматинская область") == ["almaty", "almaty region"]
    assert record_areas("Atlantis", None) is None


def test_it_weighs_a_namesake_outside_the_morgues_area_down() -> None:
    """"Жумабаев А." on an Almaty morgue list: the Жумабаев Арман of Taraz is less likely than the one of Almaty."""
    rows, record_id = [], 0
    catchment = {"region": "г. Алматы; Алматинская область"}
    for copy in range(40):  # many namesake pairs, so the model has something to train on
        day = f"2022-01-{5 + copy % 3:02d}"
        family = f"Жумабаев{'аби'[copy % 3]}{copy}"
        for list_name, facts in (
            ("official", {"full_name": f"{family} Арман", "place_of_death": "Алматы", "date_of_death": day}),
            ("official", {"full_name": f"{family} Асхат", "place_of_death": "Тараз", "date_of_death": day}),
            ("morgue", {"full_name": f"{family} А.", "date_of_death": day, **catchment}),
        ):
            record_id += 1
            rows.append(features_of(RecordFacts(record_id, list_name, facts)))
    model = score_pairs(rows, threshold=0.0)
    probability = {(p.left, p.right): p.probability for p in model.pairs}
    for first in range(1, record_id, 3):
        in_area, outside = probability.get((first, first + 2), 0.0), probability.get((first + 1, first + 2), 0.0)
        assert in_area > 5 * outside, (first, in_area, outside)


def test_a_district_of_a_city_lies_in_the_city_s_area() -> None:
    assert record_areas("Алмалинский р-н", None) == ["almaty"]
    assert record_areas("Turksib district", None) == ["almaty"]
