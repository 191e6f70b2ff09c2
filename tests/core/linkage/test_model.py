"""The Splink plumbing: features in, trained model and scored pairs out (quality is measured in bench/)."""

from __future__ import annotations

from tergeu.core.linkage import RecordFacts, blocking, features_of
from tergeu.core.linkage.model import score_pairs

PEOPLE = [
    ("Нурланов Жанболат Серикович", "1990-03-12", "Алматы"), ("Ахметова Айгерим Кайратовна", "1985-07-01", "Тараз"),
    ("Сериков Ерлан Маратович", "1979-11-23", "Алматы"), ("Бекова Сауле", "1992-02-02", "Шымкент"),
    ("Иванов Пётр Сергеевич", "1969-05-09", "Алматы"), ("Жумабаев Арман", "2001-12-30", "Талдыкорган"),
]
LATIN = {"Нурланов Жанболат Серикович": "Zhanbolat Nurlanov", "Ахметова Айгерим Кайратовна": "Aigerim Akhmetova",
         "Сериков Ерлан Маратович": "Yerlan Serikov", "Бекова Сауле": "Saule Bekova",
         "Иванов Пётр Сергеевич": "Pyotr Ivanov", "Жумабаев Арман": "Arman Zhumabayev"}


def _cross_script_rows() -> list[dict]:
    """The six people on an official and a media list, 30 times over with shifted birth years (so the
    model has something to learn from); record ids 1, 2, ... in that order."""
    rows, record_id = [], 0
    for copy in range(30):
        for name, born, place in PEOPLE:
            for list_name, shown in (("official", name), ("media", LATIN[name])):
                record_id += 1
                facts = {"full_name": shown, "date_of_birth": f"{int(born[:4]) - copy}{born[4:]}",
                         "place_of_death": place, "date_of_death": "2022-01-05"}
                rows.append(features_of(RecordFacts(record_id, list_name, facts)))
    return rows


def test_it_trains_and_scores_cross_script_pairs() -> None:
    model = score_pairs(_cross_script_rows(), threshold=0.5)
    assert {c["output_column_name"] for c in model.settings["comparisons"]} >= {"family", "given", "birth", "place"}
    first = {(p.left, p.right) for p in model.pairs}
    assert (1, 2) in first  # Нурланов Жанболат Серикович ~ Zhanbolat Nurlanov, same year and place
    assert all(0.5 <= p.probability <= 1 for p in model.pairs)


def _triangle_rows() -> list[dict]:
    """One person three times: an official full name, a morgue's misspelt surname and initial, a media
    list's Latin name without dates; the morgue's and the media's records share no blocking key."""
    family = ["Ахметов", "Нурланов", "Сериков", "Жумабаев", "Бекенов", "Касымов", "Омаров", "Садыков"]
    misspelt = ["Ахмтеов", "Нулранов", "Сeриков", "Жумбааев", "Беeнков", "Кассымов", "Омраов", "Садкыов"]
    latin = ["Akhmetov", "Nurlanov", "Serikov", "Zhumabayev", "Bekenov", "Kassymov", "Omarov", "Sadykov"]
    given = [("Ержан", "Yerzhan"), ("Серик", "Serik"), ("Арман", "Arman"), ("Марат", "Marat"), ("Ерлан", "Yerlan")]
    rows, record_id = [], 0
    for k in range(40):
        f, (g, g_latin) = k % len(family), given[(k * 3 + k // 8) % len(given)]
        born = f"{1960 + k}-{1 + k % 12:02d}-{1 + k % 27:02d}"
        for list_name, facts in (
                ("official", {"full_name": f"{family[f]} {g}", "date_of_birth": born, "date_of_death": "2022-01-06"}),
                ("morgue", {"full_name": f"{misspelt[f]} {g[0]}.", "date_of_birth": born,
                            "date_recorded": "2022-01-07"}),
                ("media", {"full_name": f"{g_latin} {latin[f]}", "date_of_death": "2022-01-06",
                           "place_of_death": "Almaty"})):
            record_id += 1
            rows.append(features_of(RecordFacts(record_id, list_name, facts)))
    return rows


def test_pairs_no_rule_compared_are_scored_when_both_records_link_to_a_third(monkeypatch) -> None:
    rows = _triangle_rows()
    closed = {(min(p.left, p.right), max(p.left, p.right)) for p in score_pairs(rows, threshold=0.0).pairs}
    monkeypatch.setattr(blocking, "CLOSING_LINK", 1.1)  # no pair is a link: nothing is closed
    plain = {(min(p.left, p.right), max(p.left, p.right)): p.probability
             for p in score_pairs(rows, threshold=0.0).pairs}
    added = closed - set(plain)
    assert added and set(plain) <= closed
    links = {pair for pair, probability in plain.items() if probability >= 0.2}
    neighbours: dict[int, set[int]] = {}
    for a, b in links:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    for a, b in added:  # each new pair closes a triangle of links
        assert neighbours.get(a, set()) & neighbours.get(b, set())


def test_pairs_that_disagree_on_a_fact_are_marked_whatever_their_names_say() -> None:
    """A namesake born decades apart is marked contradicted; one person's two records are not."""
    rows = _cross_script_rows()
    record_id = len(rows)
    namesake = {"full_name": "Нурланов Жанболат Серикович", "date_of_birth": "1951-08-27", "place_of_death": "Алматы",
                "date_of_death": "2022-01-05"}
    rows.append(features_of(RecordFacts(record_id + 1, "official", namesake)))
    pairs = score_pairs(rows, threshold=0.0).pairs
    marked = {(min(p.left, p.right), max(p.left, p.right)): p.contradicted for p in pairs}
    assert marked[(1, 2)] is False  # Нурланов Жанболат Серикович, 1990, and Zhanbolat Nurlanov, 1990
    assert marked[(1, record_id + 1)] is True  # the same name, born 1990 and 1951
    assert marked[(241, 242)] is False  # born 1970 on both lists
