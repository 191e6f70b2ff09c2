"""Names as scans, retyping and everyday speech leave them: look-alike letters and short forms."""

from tergeu.core.names import matching_key, parse_name
from tergeu.core.names.keys import fold_homoglyphs


def test_latin_look_alikes_inside_a_cyrillic_word_key_as_cyrillic() -> None:
    # "Муcин" with a Latin c, "ЯKОВЛЕB" with a Latin K and B: an OCR'd or retyped list.
    assert matching_key("Муcин") == matching_key("Мусин")
    assert matching_key("ЯKОВЛЕB") == matching_key("Яковлев")


def test_a_word_half_in_latin_look_alikes_keys_as_cyrillic() -> None:
    # Upper-case print scanned or retyped: as many Latin twins as Cyrillic letters in a word.
    assert matching_key("CАKEН") == matching_key("Сакен")
    assert parse_name("Жуниcов Pyслaн Бaуыpжaнович").keys.given == parse_name("Жунисов Руслан").keys.given
    assert fold_homoglyphs("Şаkеn") == "Şаkеn"  # a Latin letter with no Cyrillic twin: left Latin
    assert matching_key("Bаkyt") == matching_key("Bakyt")  # lower-case k and t have no twin: left Latin
    assert matching_key("Ahmеt") == matching_key("Ahmet")


def test_a_latin_spelling_is_never_folded_into_cyrillic() -> None:
    assert fold_homoglyphs("Aset Tursyn") == "Aset Tursyn"
    assert fold_homoglyphs("Ерлан/Yerlan") == "Ерлан/Yerlan"


def test_a_patronymic_with_look_alikes_is_still_read_as_one() -> None:
    parsed = parse_name("Турcынoва Айгуль Туpсынoвнa")
    assert parsed.family_stem == "Турсынов"
    assert parsed.patronymic_stem == "Турсын"
    assert parsed.implied_sex == "F"


def test_a_short_form_keys_as_the_full_given_name() -> None:
    assert parse_name("Иванов Лёша").keys.given == parse_name("Иванов Алексей").keys.given
    assert parse_name("Николаева Катя").keys.given == parse_name("Николаева Екатерина").keys.given
    assert parse_name("Саня Петров").keys.given == matching_key("Александр")


def test_an_unknown_given_name_keeps_its_own_key() -> None:
    assert parse_name("Нурланов Ерлан").keys.given == "erlan"


def test_a_latin_word_with_one_cyrillic_letter_is_left_latin() -> None:
    assert matching_key("Zhаnnа") == matching_key("Zhanna")  # two Cyrillic а in a Latin word
    assert matching_key("Yеrlan") == matching_key("Yerlan")


def test_short_forms_of_more_than_one_name_are_not_guessed() -> None:
    assert parse_name("Иванова Женя").keys.given == matching_key("Женя")
    assert parse_name("Петров Слава").keys.given == matching_key("Слава")



def test_an_initial_struck_twice_is_one_initial() -> None:
    # "Д.ОО." from a retyped morgue book: the family name stays the family name, two initials follow.
    parsed = parse_name("Краузе Д.ОО.")
    assert (parsed.family, parsed.given_initial, parsed.patronymic_initial) == ("Краузе", "Д", "О")
    assert parse_name("Краузе ДД.О.").given_initial == "Д"
    assert parse_name("Ли Ен.").family == "Ли"  # two different letters before a dot are not an initial
    assert [t.role for t in parse_name("Ли Ен.").tokens if t.text == "Ен"] != ["initial"]


def test_a_lone_look_alike_initial_beside_cyrillic_words_is_cyrillic() -> None:
    # A scanned morgue register: "H." is a Cyrillic Н, as every other word of the name is Cyrillic.
    assert fold_homoglyphs("Жaксылыкoв H.Ж.") == "Жаксылыков Н.Ж."
    assert parse_name("Жaксылыкoв H.Ж.").keys.given == parse_name("Жаксылыков Н.Ж.").keys.given
    assert fold_homoglyphs("Ivanov A. Иван") == "Ivanov A. Иван"  # beside a Latin word: left as written
    assert fold_homoglyphs("B. Yerlan") == "B. Yerlan"  # no Cyrillic at all
