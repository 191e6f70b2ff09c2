"""The Splink plumbing: features in, trained model and scored pairs out (quality is measured in bench/)."""

from __future__ import annotations

from tergeu.core.linkage import RecordFacts, features_of
from tergeu.core.linkage.model import score_pairs

PEOPLE = [
    ("Нурланов Жанболат Серикович", "1990-03-12", "Алматы"), ("Ахметова Айгерим Кайратовна", "1985-07-01", "Тараз"),
    ("Сериков Ерлан Маратович", "1979-11-23", "Алматы"), ("Бекова Сауле", "1992-02-02", "Шымкент"),
    ("Иванов Пётр Сергеевич", "1969-05-09", "Алматы"), ("Жумабаев Арман", "2001-12-30", "Талдыкорган"),
]
LATIN = {"Нурланов Жанболат Серикович": "Zhanbolat Nurlanov", "Ахметова Айгерим Кайратовна": "Aigerim Akhmetova",
         "Сериков Ерлан Маратович": "Yerlan Serikov", "Бекова Сауле": "Saule Bekova",
         "Иванов Пётр Сергеевич": "Pyotr Ivanov", "Жумабаев Арман": "Arman Zhumabayev"}


def test_it_trains_and_scores_cross_script_pairs() -> None:
    rows, record_id = [], 0
    for copy in range(30):  # repeat with shifted years so the model has something to learn from
        for name, born, place in PEOPLE:
            for list_name, shown in (("official", name), ("media", LATIN[name])):
                record_id += 1
                facts = {"full_name": shown, "date_of_birth": f"{int(born[:4]) - copy}{born[4:]}",
                         "place_of_death": place, "date_of_death": "2022-01-05"}
                rows.append(features_of(RecordFacts(record_id, list_name, facts)))
    model = score_pairs(rows, threshold=0.5)
    assert {c["output_column_name"] for c in model.settings["comparisons"]} >= {"family", "given", "birth", "place"}
    first = {(p.left, p.right) for p in model.pairs}
    assert (1, 2) in first  # Нурланов Жанболат Серикович ~ Zhanbolat Nurlanov, same year and place
    assert all(0.5 <= p.probability <= 1 for p in model.pairs)
