"""Parsing full names into parts: order, patronymics, initials, stems and implied sex.

All names are synthetic combinations of common given names and surnames.
"""

import dataclasses

import pytest

from tergeu.core.names import NameKeys, NameToken, ParsedName, Script, parse_name, parse_name_parts

# (text, order hint, given, family, patronymic)
PARTS = [
    # Official Russian-language list order: Фамилия Имя Отчество.
    ("Нурланов Жанболат Серікұлы", None, "Жанболат", "Нурланов", "Серікұлы"),
    ("Нурланов Жанболат Серикович", None, "Жанболат", "Нурланов", "Серикович"),
    ("Иванова Анна Сергеевна", None, "Анна", "Иванова", "Сергеевна"),
    ("Нурланова Айгүл Серікқызы", None, "Айгүл", "Нурланова", "Серікқызы"),
    ("НУРЛАНОВ ЖАНБОЛАТ СЕРИКОВИЧ", None, "ЖАНБОЛАТ", "НУРЛАНОВ", "СЕРИКОВИЧ"),
    ("Абрамович Роман Аркадьевич", None, "Роман", "Абрамович", "Аркадьевич"),
    ("Ким Сергей Николаевич", None, "Сергей", "Ким", "Николаевич"),
    # Given-first with the patronymic in the middle.
    ("Жанболат Серікұлы Нурланов", None, "Жанболат", "Нурланов", "Серікұлы"),
    ("Anna Sergeevna Ivanova", None, "Anna", "Ivanova", "Sergeevna"),
    ("Zhanbolat Serikovich Nurlanov", None, "Zhanbolat", "Nurlanov", "Serikovich"),
    # Separated Kazakh patronymic particles.
    ("Ерлан Серік ұлы Нурланов", None, "Ерлан", "Нурланов", "Серік ұлы"),
    ("Нурланов Ерлан Серік ұлы", None, "Ерлан", "Нурланов", "Серік ұлы"),
    ("Aigul Serik kyzy", None, "Aigul", None, "Serik kyzy"),
    ("Ерлан Серік ұлы", None, "Ерлан", None, "Серік ұлы"),
    ("Айгүл Серік қызы Нурланова", None, "Айгүл", "Нурланова", "Серік қызы"),
    # Two words, decided by endings.
    ("Нурланов Жанболат", None, "Жанболат", "Нурланов", None),
    ("Жанболат Нурланов", None, "Жанболат", "Нурланов", None),
    ("Zhanbolat Nurlanov", None, "Zhanbolat", "Nurlanov", None),
    ("Nurlanov Zhanbolat", None, "Zhanbolat", "Nurlanov", None),
    ("Марина Иванова", None, "Марина", "Иванова", None),
    ("Ильина Мадина", None, "Мадина", "Ильина", None),
    ("Петровская Ольга", None, "Ольга", "Петровская", None),
    ("Бондаренко Олег", None, "Олег", "Бондаренко", None),
    ("Ким Сергей", None, "Сергей", "Ким", None),
    ("Sergey Kim", None, "Sergey", "Kim", None),
    # Modern patronymic-form surnames when they are the only candidate.
    ("Серікұлы Ерлан", None, "Ерлан", "Серікұлы", None),
    ("Ерлан Серікұлы", None, "Ерлан", "Серікұлы", None),
    ("Бекарыс Нұрланұлы", None, "Бекарыс", "Нұрланұлы", None),
    ("Serikqyzy Aigul", None, "Aigul", "Serikqyzy", None),
    # Russian-style two-word address: given + patronymic.
    ("Анна Сергеевна", None, "Анна", None, "Сергеевна"),
    ("Нурланов Серикович", None, None, "Нурланов", "Серикович"),
    # Cues: comma after the first word and an ALL-CAPS surname.
    ("Серік, Ерлан", None, "Ерлан", "Серік", None),
    ("Erlan SERIK", None, "Erlan", "SERIK", None),
    ("SERIK Erlan", None, "Erlan", "SERIK", None),
    # No cue at all: Cyrillic is read family-first, Latin given-first.
    ("Ерлан Серік", None, "Серік", "Ерлан", None),
    ("Erlan Serik", None, "Erlan", "Serik", None),
    # The order hint wins where the words do not say otherwise ...
    ("Ерлан Серік", "given_first", "Ерлан", "Серік", None),
    ("Erlan Serik", "family_first", "Serik", "Erlan", None),
    ("Бекарыс Оспан", "given_first", "Бекарыс", "Оспан", None),
    ("Айдана Серік", "given_first", "Айдана", "Серік", None),  # a given name that is a family name too
    ("Aidana Serik", "given_first", "Aidana", "Serik", None),
    ("Inkar Marat", "given_first", "Inkar", "Marat", None),
    ("Serik Aidana Maratkyzy", "family_first", "Aidana", "Serik", "Maratkyzy"),  # Latin, the list's order
    # ... and yields to a family name clearly in the wrong place: one row of a given-name-first list
    # written family first.
    ("Нурланов Жанболат", "given_first", "Жанболат", "Нурланов", None),
    ("Akhmetova Aliya", "given_first", "Aliya", "Akhmetova", None),
    ("Нурланов Жанболат Серікұлы", "family_first", "Жанболат", "Нурланов", "Серікұлы"),
    ("Жанболат Серікұлы Нурланов", "given_first", "Жанболат", "Нурланов", "Серікұлы"),
    # Single words.
    ("Нурланов", None, None, "Нурланов", None),
    ("Ерлан", None, "Ерлан", None, None),
    ("Серікұлы", None, None, "Серікұлы", None),
    ("Бекарыс", None, None, None, None),
    # Punctuation and spacing noise.
    ("  «Нурланов»   (Жанболат) ", None, "Жанболат", "Нурланов", None),
    ("Нурланов,Жанболат", None, "Жанболат", "Нурланов", None),
    ("Нурланов\u00a0Жанболат\u200b", None, "Жанболат", "Нурланов", None),
    # Hyphenated names stay one word.
    ("Иванова-Петрова Анна", None, "Анна", "Иванова-Петрова", None),
    ("Нурланов Әли-Хан", None, "Әли-Хан", "Нурланов", None),
]


@pytest.mark.parametrize(("text", "order", "given", "family", "patronymic"), PARTS)
def test_it_splits_names_into_parts(text, order, given, family, patronymic):
    parsed = parse_name(text, order=order)
    assert (parsed.given, parsed.family, parsed.patronymic) == (given, family, patronymic)


@pytest.mark.parametrize(
    ("text", "family", "given_initial", "patronymic_initial", "given"),
    [
        ("Нурланов Ж.С.", "Нурланов", "Ж", "С", None),
        ("Ж.С. Нурланов", "Нурланов", "Ж", "С", None),
        ("Ж. С. Нурланов", "Нурланов", "Ж", "С", None),
        ("Ж.С.Нурланов", "Нурланов", "Ж", "С", None),
        ("Нурланов Ж. С.", "Нурланов", "Ж", "С", None),
        ("Нурланов Ж С", "Нурланов", "Ж", "С", None),
        ("Нурланов Ж.", "Нурланов", "Ж", None, None),
        ("Nurlanov ZH.", "Nurlanov", "ZH", None, None),
        ("Zh.S. Nurlanov", "Nurlanov", "ZH", "S", None),
        ("Nurlanov, Zh. S.", "Nurlanov", "ZH", "S", None),
        ("Нурланов Жанболат С.", "Нурланов", "Ж", "С", "Жанболат"),
        ("Жанболат С. Нурланов", "Нурланов", "Ж", "С", "Жанболат"),
        ("Zhanbolat Nurlanov", "Nurlanov", "ZH", None, "Zhanbolat"),
        ("Нурланов Жанболат Серікұлы", "Нурланов", "Ж", "С", "Жанболат"),
        ("Нурланова Е. Серікқызы", "Нурланова", "Е", "С", None),
    ],
)
def test_it_reads_initials(text, family, given_initial, patronymic_initial, given):
    parsed = parse_name(text)
    assert parsed.family == family
    assert parsed.given == given
    assert (parsed.given_initial, parsed.patronymic_initial) == (given_initial, patronymic_initial)


def test_it_gives_initials_their_own_tokens():
    parsed = parse_name("Нурланов Ж.С.")
    assert [(t.text, t.role, t.key) for t in parsed.tokens] == [
        ("Нурланов", "family", "nurlanov"),
        ("Ж", "initial", "j"),
        ("С", "initial", "s"),
    ]


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("Нурланов Жанболат Серікұлы", "Серік"),
        ("Нурланова Айгүл Серікқызы", "Серік"),
        ("Нурланов Жанболат Серикович", "Серик"),
        ("Нурланова Айгуль Сериковна", "Серик"),
        ("Nurlanova Aigul Serikovna", "Serik"),
        ("Nurlanov Zhanbolat Serikuly", "Serik"),
        ("Ерлан Serik uly Nurlanov", "Serik"),
        ("Нурланов Ерлан Серік ұлы", "Серік"),
        ("Иванов Иван Сергеевич", "Сергей"),
        ("Иванова Анна Андреевна", "Андрей"),
        ("Иванов Иван Игоревич", "Игорь"),
        ("Иванов Иван Юрьевич", "Юрий"),
        ("Иванов Иван Дмитриевич", "Дмитрий"),
        ("Иванов Иван Николаевич", "Николай"),
        ("Иванов Иван Ильич", "Илья"),
        ("Иванова Анна Ильинична", "Илья"),
        ("Иванова Анна Никитична", "Никита"),
        ("Ivanov Ivan Sergeyevich", "Sergey"),
        ("Ivanov Ivan Sergeevich", "Sergey"),
        ("Ivanov Ivan Petrovitch", "Petr"),
        ("Жолдыбаев Ерлан Мырзабаевич", "Мырзабай"),
        ("Нурланов Ерлан Серік-ұлы", "Серік"),
    ],
)
def test_it_recovers_the_fathers_name_from_the_patronymic(text, stem):
    assert parse_name(text).patronymic_stem == stem


def test_it_gives_kazakh_and_russian_patronymics_of_one_father_close_keys():
    kazakh = parse_name("Нурланов Жанболат Серікұлы").keys.patronymic_stem
    russian = parse_name("Нурланов Жанболат Серикович").keys.patronymic_stem
    latin = parse_name("Zhanbolat Serik uly Nurlanov").keys.patronymic_stem
    assert kazakh == russian == latin == "serik"


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("Нурланова Айгүл", "Нурланов"),
        ("Нурланов Жанболат", "Нурланов"),
        ("Ахметова Асель", "Ахметов"),
        ("Ильина Анна", "Ильин"),
        ("Соловьёва Анна", "Соловьёв"),
        ("Петровская Ольга", "Петровский"),
        ("Ivanova Anna", "Ivanov"),
        ("Anna Kenzheyeva", "Kenzheyev"),
        ("Anna Petrovskaya", "Petrovskiy"),
        ("НУРЛАНОВА Айгүл", "НУРЛАНОВ"),
        ("Серікқызы Айгүл", "Серікұлы"),
        ("Aigul Serikqyzy", "Serikuly"),
        ("Ким Анна", "Ким"),
        ("Бондаренко Ольга", "Бондаренко"),
    ],
)
def test_it_reduces_surnames_to_the_masculine_stem(text, stem):
    assert parse_name(text).family_stem == stem


def test_it_gives_brother_and_sister_the_same_family_stem_key():
    brother = parse_name("Нурланов Жанболат Серікұлы")
    sister = parse_name("Нурланова Айгүл Серікқызы")
    assert brother.keys.family_stem == sister.keys.family_stem == "nurlanov"
    assert brother.keys.patronymic_stem == sister.keys.patronymic_stem
    assert parse_name("Серікқызы Айгүл").keys.family_stem == parse_name("Серікұлы Ерлан").keys.family_stem


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("Нурланов Жанболат Серікұлы", "M"),
        ("Нурланова Айгүл Серікқызы", "F"),
        ("Иванова Анна Сергеевна", "F"),
        ("Иванов Иван Сергеевич", "M"),
        ("Ivanova Anna", "F"),
        ("Nurlanov Zhanbolat", "M"),
        ("Aigul Serik kyzy", "F"),
        ("Ерлан Серік ұлы", "M"),
        ("Серікқызы Айгүл", "F"),
        ("Петровская Ольга", "F"),
        ("Ильин Иван", "M"),
        ("Ким Сергей", None),  # no gendered ending
        ("Бондаренко Олег", None),
        ("Ерлан Серік", None),
        ("Нурланова Айгүл Серікұлы", None),  # conflicting evidence
        ("Иванова Анна Сергеевич", None),
        ("Ж.С.", None),
    ],
)
def test_it_infers_sex_only_from_consistent_endings(text, sex):
    assert parse_name(text).implied_sex == sex


def test_it_builds_order_independent_keys_across_scripts():
    variants = [
        parse_name("Нурланов Жанболат"),
        parse_name("Жанболат Нурланов"),
        parse_name("Zhanbolat Nurlanov"),
        parse_name("NURLANOV ZHANBOLAT"),
        parse_name("Janbolat Nurlanov"),
    ]
    assert {v.keys.full for v in variants} == {"janbolat nurlanov"}
    assert {v.keys.skeleton for v in variants} == {"jnblt nrlnv"}
    assert {(v.keys.given, v.keys.family) for v in variants} == {("janbolat", "nurlanov")}


def test_it_builds_all_keys():
    parsed = parse_name("Нурланова Айгүл Серікқызы")
    assert parsed.keys == NameKeys(
        given="aigul",
        family="nurlanova",
        family_stem="nurlanov",
        patronymic_stem="serik",
        full="aigul nurlanova serikizi",
        skeleton="agl nrlnv",
    )


def test_it_returns_the_whole_structure():
    parsed = parse_name("Нурланов Жанболат Серікұлы")
    assert parsed == ParsedName(
        original="Нурланов Жанболат Серікұлы",
        script=Script.KAZAKH_CYRILLIC,
        tokens=(
            NameToken("Нурланов", "family", "nurlanov"),
            NameToken("Жанболат", "given", "janbolat"),
            NameToken("Серікұлы", "patronymic", "serikuli"),
        ),
        given="Жанболат",
        family="Нурланов",
        patronymic="Серікұлы",
        given_initial="Ж",
        patronymic_initial="С",
        family_stem="Нурланов",
        patronymic_stem="Серік",
        implied_sex="M",
        keys=NameKeys(
            "janbolat", "nurlanov", "nurlanov", "serik", "janbolat nurlanov serikuli", "jnblt nrlnv"
        ),
    )


def test_it_keeps_extra_words_as_unknown_tokens():
    parsed = parse_name("Нурланов Ерлан Болат")
    assert [t.role for t in parsed.tokens] == ["family", "given", "unknown"]
    assert parsed.keys.full == "bolat erlan nurlanov"


def test_it_marks_stray_particles():
    parsed = parse_name("ұлы Ерлан")
    assert [t.role for t in parsed.tokens] == ["particle", "given"]


def test_it_keeps_name_particles_with_the_surname():
    parsed = parse_name("Anna von Braun", order="given_first")
    assert parsed.family == "von Braun"
    assert [t.role for t in parsed.tokens] == ["given", "particle", "family"]


def test_it_handles_empty_input():
    parsed = parse_name("  ,. ")
    assert parsed.tokens == ()
    assert (parsed.given, parsed.family, parsed.patronymic, parsed.implied_sex) == (None, None, None, None)
    assert parsed.keys.full == "" and parsed.keys.skeleton == ""
    assert parsed.script is Script.UNKNOWN


def test_it_rejects_unknown_order_hints():
    with pytest.raises(ValueError, match="order"):
        parse_name("Нурланов Жанболат", order="surname_first")


def test_it_keeps_the_original_text_and_case():
    parsed = parse_name(" нурланов  жанболат ")
    assert parsed.original == " нурланов  жанболат "
    assert (parsed.family, parsed.given) == ("нурланов", "жанболат")
    assert parsed.given_initial == "Ж"


def test_it_is_frozen():
    parsed = parse_name("Нурланов Жанболат")
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.given = "Ерлан"  # type: ignore[misc]


# --- separate columns -------------------------------------------------------------------------


def test_it_parses_separate_columns():
    parsed = parse_name_parts(given="Айгүл", family="Нурланова", patronymic="Серікқызы")
    assert (parsed.given, parsed.family, parsed.patronymic) == ("Айгүл", "Нурланова", "Серікқызы")
    assert parsed.original == "Нурланова Айгүл Серікқызы"
    assert parsed.family_stem == "Нурланов"
    assert parsed.patronymic_stem == "Серік"
    assert parsed.implied_sex == "F"
    assert parsed.keys == parse_name("Нурланова Айгүл Серікқызы").keys


def test_it_reads_initials_in_columns():
    parsed = parse_name_parts(given="Ж.С.", family="Нурланов")
    assert (parsed.given, parsed.given_initial, parsed.patronymic_initial) == (None, "Ж", "С")
    parsed = parse_name_parts(given="Жанболат", family="Нурланов", patronymic="С.")
    assert (parsed.given_initial, parsed.patronymic_initial, parsed.patronymic) == ("Ж", "С", None)


def test_it_splits_a_patronymic_out_of_the_given_column():
    parsed = parse_name_parts(given="Жанболат Серикович", family="Нурланов")
    assert (parsed.given, parsed.patronymic, parsed.patronymic_stem) == ("Жанболат", "Серикович", "Серик")
    parsed = parse_name_parts(given="Жанболат Серік ұлы", family="Нурланов")
    assert (parsed.given, parsed.patronymic) == ("Жанболат", "Серік ұлы")


def test_it_trusts_columns_over_endings():
    parsed = parse_name_parts(given="Нурланов", family="Жанболат")
    assert (parsed.given, parsed.family) == ("Нурланов", "Жанболат")
    parsed = parse_name_parts(family="Серікұлы", given="Ерлан")
    assert (parsed.family, parsed.family_stem, parsed.patronymic, parsed.implied_sex) == (
        "Серікұлы",
        "Серікұлы",
        None,
        "M",
    )


def test_it_keeps_a_separated_patronymic_column_whole():
    parsed = parse_name_parts(given="Aigul", family="Nurlanova", patronymic="Serik kyzy")
    assert parsed.patronymic == "Serik kyzy"
    assert parsed.patronymic_stem == "Serik"
    assert parsed.implied_sex == "F"


def test_it_accepts_empty_columns():
    parsed = parse_name_parts()
    assert parsed.tokens == () and parsed.original == ""
    parsed = parse_name_parts(family="  Нурланов ")
    assert (parsed.family, parsed.given) == ("Нурланов", None)


@pytest.mark.parametrize(("text", "order", "given", "family"), [
    ("Rustam A.", "given_first", "Rustam", None),  # a report withholding the family name: its initial only
    ("KAIRAT E.", None, "KAIRAT", None),  # Latin, no order stated: the script's convention, given name first
    ("Akzhol N.", "given_first", "Akzhol", None),  # the list's order: the first word is the given name
    ("Akzhol N.", None, None, "Akzhol"),  # no order stated: only a known given name is read so
    ("Бойко Н.", "family_first", None, "Бойко"),
    ("Rustam, A.", "given_first", None, "Rustam"),  # a comma marks the family name
    ("Абдуллаев Р.", "given_first", None, "Абдуллаев"),  # a family ending: surname and initial, whatever the list
    ("Серік А.", "family_first", None, "Серік"),  # a given-name-shaped family name on a family-first list
    ("Серік А.", None, None, "Серік"),  # Cyrillic, no order stated: family name first, as official lists write
    ("Rustam A.B.", "given_first", None, "Rustam"),  # two initials: a given name's and a father's
])
def test_a_given_name_and_a_family_initial(text: str, order: str | None, given: str | None,
                                           family: str | None) -> None:
    parsed = parse_name(text, order)
    assert (parsed.given, parsed.family) == (given, family)
    if family is None:  # the family's initial is neither the given name's nor the father's
        assert parsed.patronymic_initial is None
        assert [t.role for t in parsed.tokens] == ["given", "family_initial"]
        assert parsed.keys.full == parsed.keys.given


def test_a_look_alike_initial_in_its_own_column_is_read_in_the_name_s_script() -> None:
    parsed = parse_name_parts(given="H.", family="Жаксылыков", patronymic="Ж.")
    assert (parsed.given_initial, parsed.patronymic_initial) == ("Н", "Ж")  # a scanned Cyrillic Н
    assert parsed.original == "Жаксылыков H. Ж."  # as written
    assert parse_name_parts(given="H.", family="Smith").given_initial == "H"  # beside a Latin name, Latin


@pytest.mark.parametrize("order", ["family_first", "given_first", None])
def test_a_given_name_and_a_patronymic_without_a_family_name_read_alike_in_any_order(order: str | None) -> None:
    parsed = parse_name("Erlan Serik uly", order)
    assert (parsed.given, parsed.family, parsed.patronymic) == ("Erlan", None, "Serik uly")
    for text in ("Ерлан Сергеевич", "Айдос Маратович", "Елена Ивановна", "Akzhol Serikovich"):
        parsed = parse_name(text, None if text.startswith("A") else order)
        assert parsed.family is None and parsed.patronymic == text.split()[1], (text, order)


@pytest.mark.parametrize(("text", "order", "given", "family"), [
    ("Әділет (16 жаста)", "given_first", None, None),  # "жаста" (aged) is no family name
    ("Ержан Серіков (32 жаста)", "given_first", "Ержан", "Серіков"),
    ("Ахметов Ерлан (~30)", None, "Ерлан", "Ахметов"),
    ("Ахметов Ерлан, 45 лет", None, "Ерлан", "Ахметов"),
    ("Ахметов Ерлан 1990 г.р.", "family_first", "Ерлан", "Ахметов"),
    ("Ержан 32 г.", "given_first", "Ержан", None),
])
def test_an_age_written_into_the_name_is_no_part_of_it(text: str, order: str | None, given: str | None,
                                                      family: str | None) -> None:
    parsed = parse_name(text, order)
    assert (parsed.given, parsed.family, parsed.patronymic_initial) == (given, family, None)
    assert not {"jasta", "let", "g", "r"} & set(parsed.keys.full.split())

    def letters(written: str) -> str:
        return "".join(ch for ch in written if ch.isalnum())

    assert letters("".join(token.text for token in parsed.tokens)) == letters(text)  # no letter lost


@pytest.mark.parametrize(("text", "initial"), [
    ("2. Г.С. Ахметов", "Г"), ("№3 Г.Ахметов", "Г"), ("12 Y. Akhmetov", "Y"),
])
def test_a_row_number_before_the_name_takes_no_unit_after_it(text: str, initial: str) -> None:
    assert parse_name(text).given_initial == initial  # "Г." is the given initial, not "г." (years)


def test_an_age_in_a_given_name_column_is_no_part_of_it() -> None:
    parsed = parse_name_parts(given="Ержан (32 жаста)", family="Ахметов")
    assert (parsed.given, parsed.keys.full) == ("Ержан", "ahmetov erjan")


def test_a_bracket_without_a_number_is_still_read_as_the_name() -> None:
    assert parse_name("Иванова (Петрова) Мария", "family_first").family == "Иванова"


def test_a_word_with_a_digit_slip_is_still_a_name() -> None:
    assert parse_name("Б0латов Ерлан", "family_first").family is not None


@pytest.mark.parametrize(("name", "father", "sex"), [
    ("Nýrmatov Rýstam Alısherovıch", "Alısher", "M"),  # Kazakh Latin of 2018: и and й are a dotless ı
    ("Nýrmatova Aıgúl Alısherovna", "Alısher", "F"),
    ("Jaqypov Aqjol Rahymuly", "Rahym", "M"),
])
def test_a_patronymic_in_the_kazakh_latin_alphabet_is_a_patronymic(name: str, father: str, sex: str) -> None:
    parsed = parse_name(name)
    assert (parsed.patronymic_stem, parsed.implied_sex) == (father, sex)
    assert parsed.family == name.split()[0]
