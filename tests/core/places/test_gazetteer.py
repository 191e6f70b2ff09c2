"""The gazetteer: one key per place however a list spells it, and the data file's own consistency."""

from __future__ import annotations

import pytest

from tergeu.core.places import Place, place, place_name, places, region_of, resolve_key, resolve_place

pytestmark = pytest.mark.pure

# Spellings from the data file's names and variants, and (second group of each) spellings it does not
# list: other transliterations, typos, marker words, case, look-alike letters, Kazakh Latin alphabets.
SPELLINGS = {
    "almaty": ["Алматы", "г. Алматы", "г.Алматы", "Almaty", "Alma-Ata", "Алма-Ата",
               "ALMATY", "город Алматы", "Алматы қ.", "Алматы қаласы", "Almaty qalasy", "Alma Ata", "Алмата",
               "Aлмaты", "almaty city", "Алматы, Казахстан", "г. Алматы, ул. Абая 10"],
    "nur-sultan": ["Нур-Султан", "Астана", "Nur-Sultan", "Astana", "Нұр-Сұлтан",
                   "Nur Sultan", "NURSULTAN", "г. Нур-Султан", "Нур-Cултан", "Astana qalasy"],
    "kyzylorda": ["Қызылорда", "Кызылорда", "Kyzylorda", "Kzyl-Orda",
                  "Kizilorda", "Кзыл Орда", "Kyzyl-Orda", "Qyzylorda", "Qızılorda", "г. Кызыл-Орда"],
    "taldykorgan": ["Талдықорған", "Талдыкорган", "Taldykorgan", "Taldy-Kurgan",
                    "Taldyqorğan", "Taldıqorğan", "Талды Курган", "Алматинская обл., г. Талдыкорган",
                    "Алматы облысы, Талдықорған қ.", "TALDYKORGAN"],
    "zhanaozen": ["Жаңаөзен", "Жанаозен", "Zhanaozen", "Janaözen", "Zhanaozen city",
                  "Мангистауская обл., г. Жанаозен", "Жана-Озен", "г.Жанаозен"],
    "shymkent": ["Шымкент", "Чимкент", "Shymkent", "Şymkent", "Shimkent", "Chimkent"],
    "ust-kamenogorsk": ["Усть-Каменогорск", "Өскемен", "Oskemen", "Ust Kamenogorsk", "Ust'-Kamenogorsk", "Öskemen"],
    "esik": ["Есик", "Есік", "Issyk", "Иссык", "Yesik"],
    "almaty-region": ["Алматинская обл.", "Алматы облысы", "Almaty Region", "Алматинская область",
                      "Алматинской области", "Алматинская обл", "ALMATY REGION", "Almaty Oblysy", "Almaty oblast",
                      "Алматинская"],
    "zhambyl-region": ["Жамбылская область", "Жамбыл облысы", "Zhambyl Region", "Джамбульская", "Jambyl oblysy"],
    "east-kazakhstan-region": ["ВКО", "Восточно-Казахстанская обл.", "Шығыс Қазақстан облысы",
                               "East Kazakhstan Region", "Восточно Казахстанская область"],
    "turkistan-region": ["Туркестанская область", "Түркістан облысы", "Turkestan region", "ЮКО"],
    "almaty-almaly": ["Алмалинский район", "Алмалы ауданы", "Almaly District", "г. Алматы, Алмалинский р-н",
                      "Almaly audany", "Алмалинский"],
    "almaty-medeu": ["Медеуский район", "Медеу ауданы", "Medeu district", "Медеуский р-н г. Алматы"],
    "almaty-zhetysu": ["Жетысуский район", "Жетісу ауданы", "Zhetysu District", "Жетысу"],
    "almaty-auezov": ["Ауэзовский район", "Әуезов ауданы", "Auezov District", "Auezovskii raion"],
}


@pytest.mark.parametrize("key,text", [(key, text) for key, texts in SPELLINGS.items() for text in texts])
def test_every_spelling_of_a_place_resolves_to_its_key(key: str, text: str) -> None:
    assert resolve_key(text) == key


@pytest.mark.parametrize("text", ["", None, "   ", "г.", "Казахстан", "Atlantis", "ул. Жетысу", "мкр. Самал-2",
                                  "Springfield", "неизвестно"])
def test_what_is_not_a_known_place_resolves_to_nothing(text: str | None) -> None:
    assert resolve_place(text) is None
    assert resolve_key(text) == ""


def test_almaty_alone_is_the_city_and_almaty_region_the_region() -> None:
    city, region = resolve_place("Almaty"), resolve_place("Almaty Region")
    assert (city.kind, city.parent) == ("city", None)
    assert (region.kind, region.parent) == ("region", None)
    assert city != region


def test_a_place_carries_its_kind_parent_and_names_in_three_languages() -> None:
    found = resolve_place("Талдыкорган")
    assert isinstance(found, Place)
    assert (found.key, found.kind, found.parent) == ("taldykorgan", "city", "almaty-region")
    assert (found.name("kk"), found.name("ru"), found.name("en")) == ("Талдықорған", "Талдыкорган", "Taldykorgan")
    assert found.name("ru-ru") == "Талдыкорган" and found.name("de") == "Taldykorgan"
    assert region_of("taldykorgan").key == "almaty-region"
    assert region_of("almaty-medeu").key == "almaty"  # a city of republican significance is its own region
    assert place_name("almaty-region", "kk") == "Алматы облысы"
    assert place_name("no-such-place", "kk") == "no-such-place"


def test_every_form_in_the_data_file_resolves_to_its_own_place() -> None:
    for each in places():
        assert {resolve_place(form) for form in each.forms()} == {each}, each.key


def test_the_data_has_the_regions_of_january_2022() -> None:
    regions = [p for p in places() if p.kind == "region"]
    republican = [p.key for p in places() if p.kind == "city" and p.parent is None]
    assert len(regions) == 14
    assert sorted(republican) == ["almaty", "nur-sultan", "shymkent"]
    assert resolve_place("Абайская область") is None and resolve_place("Ulytau Region") is None  # June 2022
    assert {p.key for p in places() if p.parent == "almaty"} == {
        f"almaty-{d}" for d in ("alatau", "almaly", "auezov", "bostandyk", "zhetysu", "medeu", "nauryzbai", "turksib")}
    for each in places():  # every city but the three lies in a region; every district in a city
        if each.kind == "district":
            assert place(each.parent).kind == "city"
        elif each.parent is not None:
            assert place(each.parent).kind == "region"


def test_keys_are_plain_ascii_slugs() -> None:
    for each in places():
        assert each.key.isascii() and each.key == each.key.lower() and " " not in each.key
