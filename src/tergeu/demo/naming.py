"""Synthetic names: drawn from mimesis' Kazakh and Russian corpora, never from real casualty lists.

mimesis' Kazakh corpus mixes Kazakh and Russified spellings ("Жұмабаев" and "Жумабаев"), which is
exactly the variation real lists carry, but it also has gaps (no patronymics) and oddities (female
surnames that are not the feminine of any male one, "Тоғжан қызы" as a surname). So family names are
drawn in the masculine and feminised by rule, and patronymics are built from a father's given name, so
that brothers and father-daughter pairs stay consistent.
"""

from __future__ import annotations

import random

from mimesis import Person
from mimesis.enums import Gender
from mimesis.locales import Locale

from tergeu.demo.translit import russianize

# Family names that would tie a synthetic victim to a public figure of the events; never drawn.
_AVOIDED_FAMILIES = frozenset({"Назарбаев", "Кулибаев", "Аблязов", "Токаев", "Масимов", "Кунаев"})
_FAMILY_ENDINGS = ("ов", "ев", "ёв", "ин", "ский", "цкий")

# Irregular Russian patronymics (masculine, feminine).
_IRREGULAR = {
    "Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична"), "Кузьма": ("Кузьмич", "Кузьминична"),
    "Фома": ("Фомич", "Фоминична"), "Лука": ("Лукич", "Лукинична"), "Савва": ("Саввич", "Саввична"),
    "Павел": ("Павлович", "Павловна"), "Лев": ("Львович", "Львовна"), "Пётр": ("Петрович", "Петровна"),
}

# Other Kazakhstani communities (Uyghur, Uzbek, Tatar, Korean, Dungan): a small hand-made pool, since
# mimesis has no corpus for them. Combinations are random, so no real person is described.
OTHER_MALE_GIVEN = ("Ильяр", "Дильшат", "Алим", "Рустам", "Шухрат", "Бахтияр", "Ильдар", "Ринат",
                    "Тимур", "Руслан", "Марат", "Вадим", "Эркин", "Азиз", "Анвар", "Фарид", "Равиль", "Рашид",
                    "Шамиль", "Эльдар", "Ильхам", "Дилмурат", "Камиль", "Тахир", "Фархат", "Бахром", "Жасур",
                    "Улугбек", "Сардор", "Отабек", "Шерзод", "Алишер", "Ислам", "Хамит", "Абдулла", "Юсуф",
                    "Салават", "Ренат", "Парид", "Адиль")
OTHER_FEMALE_GIVEN = ("Дильназ", "Гульнара", "Зарина", "Камила", "Диляра", "Лейла", "Юлия", "Алина", "Эльмира",
                      "Назира", "Мадина", "Феруза", "Нилуфар", "Гузаль", "Регина", "Альбина", "Эльвира",
                      "Зульфия", "Малика", "Шахноза")
OTHER_FAMILIES = ("Турсунов", "Абдуллаев", "Юсупов", "Умаров", "Алимов", "Хасанов", "Галиев", "Сафин",
                  "Хайруллин", "Ким", "Пак", "Цой", "Тен", "Шин", "Мухаммадиев", "Сабиров")
_UNDECLINED_FAMILIES = frozenset({"Ким", "Пак", "Цой", "Тен", "Шин"})

# mimesis' Russian corpus is heavy with archaic names (Варсонофий, Фотий). Draws are retried a few
# times in favour of names common among people born 1950-2005, so rare ones stay rare.
_COMMON_RUSSIAN = frozenset({
    "Александр", "Алексей", "Анатолий", "Андрей", "Антон", "Артём", "Артур", "Борис", "Вадим", "Валерий",
    "Виктор", "Виталий", "Владимир", "Владислав", "Вячеслав", "Геннадий", "Георгий", "Глеб", "Григорий",
    "Даниил", "Денис", "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин",
    "Максим", "Михаил", "Никита", "Николай", "Олег", "Павел", "Роман", "Руслан", "Сергей", "Станислав",
    "Юрий", "Ярослав", "Анастасия", "Анна", "Валентина", "Виктория", "Галина", "Дарья", "Екатерина",
    "Елена", "Ирина", "Ксения", "Людмила", "Марина", "Мария", "Наталья", "Ольга", "Светлана", "Татьяна",
    "Юлия", "Алина", "Оксана", "Надежда",
})
_RUSSIAN_RETRIES = 8
_RU_VOWELS = "аеиоуыэюяёАЕИОУЫЭЮЯЁ"


def feminine_family(family: str) -> str:
    """"Қосанов" → "Қосанова"; Korean family names such as "Ким" do not change."""
    if family in _UNDECLINED_FAMILIES:
        return family
    if family.endswith("кий"):
        return family[:-2] + "ая"
    if family.endswith(_FAMILY_ENDINGS):
        return family + "а"
    return family


_SOFT_FINALS = "жшщчцыіиуеұүоөәэ"


def family_from_given(given: str) -> str:
    """The masculine family name formed from an ancestor's given name: "Серік" → "Серіков", "Абай" → "Абаев".

    Most Kazakh family names (and Uyghur, Uzbek and Tatar ones) were formed this way from a father's or
    grandfather's name, so there are about as many as there are given names; a surname corpus of a few
    hundred (mimesis has about 200 Kazakh ones) makes namesakes far commoner than they are. "-ин" after
    "а"/"я" (Мұса → Мұсин), "-ев" after "й" and soft endings, "-ов" otherwise.
    """
    if given.endswith(("а", "я")):
        return given[:-1] + "ин"
    if given.endswith("й"):
        return given[:-1] + "ев"
    return given + ("ев" if given[-1] in _SOFT_FINALS else "ов")


def avoided_family(family: str) -> bool:
    """True for family names that would tie a synthetic person to a public figure of the events."""
    return family in _AVOIDED_FAMILIES or russianize(family) in _AVOIDED_FAMILIES


def kazakh_patronymic(father_given: str, sex: str) -> str:
    """"Серік" → "Серікұлы" (son) / "Серікқызы" (daughter), written as one word as in documents."""
    return father_given + ("ұлы" if sex == "M" else "қызы")


def russian_patronymic(father_given: str, sex: str) -> str:
    """Russian-form patronymic, also for Kazakh fathers: "Серік" → "Серикович", "Абай" → "Абаевна".

    Russian offices write Kazakh patronymics this way, so the Kazakh letters are replaced first.
    """
    male = sex == "M"
    if father_given in _IRREGULAR:
        return _IRREGULAR[father_given][0 if male else 1]
    stem = russianize(father_given)
    if stem.endswith("ий") and len(stem) > 3 and stem[-3] not in _RU_VOWELS and stem[-4] in _RU_VOWELS:
        return stem[:-2] + ("ьевич" if male else "ьевна")  # Евгений → Евгеньевич, Юрий → Юрьевич
    if stem.endswith(("й", "ь")):
        return stem[:-1] + ("евич" if male else "евна")
    if stem.endswith("ы"):
        stem = stem[:-1] + "и"
    if stem[-1] in _RU_VOWELS:
        return stem + ("евич" if male else "евна")
    return stem + ("ович" if male else "овна")


class NameDrawer:
    """Draws given, family and father's names for one ethnicity, reproducibly for a seed."""

    def __init__(self, seed: int, rng: random.Random) -> None:
        self._kk = Person(Locale.KK, seed=seed)
        self._ru = Person(Locale.RU, seed=seed + 1)
        self._rng = rng

    def _person(self, ethnicity: str) -> Person:
        return self._ru if ethnicity == "russian" else self._kk

    def given(self, ethnicity: str, sex: str) -> str:
        if ethnicity == "other":
            return self._rng.choice(OTHER_MALE_GIVEN if sex == "M" else OTHER_FEMALE_GIVEN)
        gender = Gender.MALE if sex == "M" else Gender.FEMALE
        person = self._person(ethnicity)
        tries = _RUSSIAN_RETRIES if ethnicity == "russian" else 1
        while True:
            name = person.first_name(gender=gender)
            if " " in name or "-" in name:
                continue
            tries -= 1
            if tries <= 0 or name in _COMMON_RUSSIAN:
                return name

    def father_given(self, ethnicity: str) -> str:
        """A father's name that yields a regular patronymic (no archaic "-а" names such as "Вавила")."""
        while True:
            name = self.given(ethnicity, "M")
            if ethnicity != "russian" or name in _IRREGULAR or name[-1] not in "аяо":
                return name

    def family(self, ethnicity: str, sex: str) -> str:
        if ethnicity == "other":
            family = self._rng.choice(OTHER_FAMILIES)
        else:
            person = self._person(ethnicity)
            while True:
                family = person.last_name(gender=Gender.MALE)
                if family.endswith(_FAMILY_ENDINGS) and not avoided_family(family):
                    break
        return family if sex == "M" else feminine_family(family)
