from tergeu.core.linkage.consolidate import NamedRecord, best_supported_facts, preferred_names
from tergeu.core.linkage.places import place_key


def test_it_prefers_the_spelling_most_records_use_in_each_script() -> None:
    records = [
        NamedRecord(1, "Жанболат Сейткали", {}),
        NamedRecord(2, "Жанболат  Сейткали", {}),
        NamedRecord(3, "Жанболат Сейткалиев Маратович", {}),
        NamedRecord(4, "Janbolat Seitkali", {}),
        NamedRecord(5, "Zhanbolat Seitkaliyev", {}),
        NamedRecord(6, "Zhanbolat Seitkaliyev", {}),
        NamedRecord(7, "Жанболат Сейтқали", {}),
    ]
    names = preferred_names(records)
    assert names["ru-cyrl"] == "Жанболат Сейткали"
    assert names["latn"] == "Zhanbolat Seitkaliyev"
    assert names["kk-cyrl"] == "Жанболат Сейтқали"


def test_it_breaks_a_tie_by_the_fuller_name_then_the_earlier_record() -> None:
    fuller = preferred_names([NamedRecord(1, "Asel Nurova", {}), NamedRecord(2, "Asel Nurova Bekovna", {})])
    earlier = preferred_names([NamedRecord(1, "Asel Nurova", {}), NamedRecord(2, "Assel Nurova", {})])
    assert fuller["latn"] == "Asel Nurova Bekovna"
    assert earlier["latn"] == "Asel Nurova"


def test_it_picks_the_value_with_the_most_weighted_support_and_cites_its_records() -> None:
    records = [
        NamedRecord(10, "A", {"age": "24", "place": "Almaty"}, weight=1.0),
        NamedRecord(11, "A", {"age": "25"}, weight=1.0),
        NamedRecord(12, "A", {"age": "25", "place": "Almaty"}, weight=0.5),
        NamedRecord(13, "A", {"age": "24", "name": "A"}, weight=3.0),
    ]
    facts = {fact.field: fact for fact in best_supported_facts(records, skip=frozenset({"name"}))}
    assert set(facts) == {"age", "place"}
    assert facts["age"].value == "24" and facts["age"].records == (10, 13) and facts["age"].alternatives == 1
    assert facts["age"].support == 4.0
    assert facts["place"].records == (10, 12) and facts["place"].alternatives == 0


def test_it_gives_a_tie_to_the_value_stated_first() -> None:
    records = [NamedRecord(1, "A", {"age": "30"}), NamedRecord(2, "A", {"age": "31"})]
    assert best_supported_facts(records)[0].value == "30"


def test_it_counts_spellings_of_one_place_together_and_shows_the_most_supported_spelling() -> None:
    records = [NamedRecord(1, "A", {"place": "г. Шымкент"}), NamedRecord(2, "A", {"place": "Шымкент"}),
               NamedRecord(3, "A", {"place": "Shymkent"}), NamedRecord(4, "A", {"place": "Тараз"}),
               NamedRecord(5, "A", {"place": "Тараз"}), NamedRecord(6, "A", {"place": "Шымкент"})]
    fact = best_supported_facts(records, fold={"place": place_key})[0]
    assert (fact.value, fact.records, fact.alternatives) == ("Шымкент", (1, 2, 3, 6), 1)
