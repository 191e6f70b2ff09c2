"""Capture histories: the constraints left when thin records are left out of an estimate."""

from types import SimpleNamespace

from tergeu.core.linkage.clustering import Constraints
from tergeu.estimation import capture


def test_same_decisions_through_a_left_out_record_still_join_the_others() -> None:
    decided = Constraints(must_link=frozenset({(1, 9), (9, 2), (3, 4)}), cannot_link=frozenset({(1, 9), (3, 5)}))
    constraints = decided.among({1, 2, 3, 4, 5})  # record 9 was too thin to count
    assert constraints.must_link == frozenset({(1, 2), (3, 4)})
    assert constraints.cannot_link == frozenset({(3, 5)})


def test_a_different_decision_through_a_left_out_record_still_holds() -> None:
    """1 = 9 and 9 != 5, record 9 left out: 1 and 5 stay apart; a left-out record alone binds no one."""
    decided = Constraints(must_link=frozenset({(1, 9)}), cannot_link=frozenset({(9, 5), (7, 8)}))
    assert decided.among({1, 5, 7}).cannot_link == frozenset({(1, 5)})


def test_a_place_stratum_is_the_gazetteer_key_and_reads_as_the_place_in_the_readers_language() -> None:
    spellings = ("г. Алматы", "Alma-Ata", "Тараз")
    records = [SimpleNamespace(facts={"place_of_death": text, "sex": "M"}) for text in spellings]
    stratum = capture._stratum(records, ["place_of_death", "sex"])
    assert stratum == "almaty · M"
    assert capture.stratum_label(stratum, "kk") == "Алматы · M"
    assert capture.stratum_label("almaty-region", "en") == "Almaty Region"
    assert capture.stratum_label("shortandi", "ru") == "shortandi"  # not a gazetteer key: shown as stored
