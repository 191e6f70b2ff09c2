"""How each ``altai`` list writes a person's name and age.

A name is built as tokens with roles (family, given, patronymic, initials) so that the English report
can re-spell a row it copied from the Russian list word by word, keeping that list's choices and slips.
"""

from __future__ import annotations

import random

from generators.altai_names import patronymic_kz, patronymic_ru, russify
from generators.altai_people import Victim
from generators.altai_script import latin, typo

Tokens = list[tuple[str, str]]  # (text, role): role is family, given, patronymic, initials or extra


def initial(word: str) -> str:
    """'Ерлан' -> 'Е.': lists that withhold or abbreviate names write initials with a full stop."""
    return word[:1].upper() + "." if word else ""


def _slipped(rng: random.Random, word: str, rate: float) -> str:
    return typo(rng, word) if rng.random() < rate else word


def ru_age(age: int) -> str:
    """'1 год', '23 года', '45 лет', as Russian agrees a number with its noun."""
    if age % 10 == 1 and age % 100 != 11:
        return f"{age} год"
    if 2 <= age % 10 <= 4 and not 12 <= age % 100 <= 14:
        return f"{age} года"
    return f"{age} лет"


def age_at_death(victim: Victim) -> int:
    """Completed years on the day of death, the age relatives and lists report."""
    born, died = victim.born, victim.died
    return died.year - born.year - ((died.month, died.day) < (born.month, born.day))


def hr_name(rng: random.Random, victim: Victim) -> Tokens:
    """The Russian-language rights group: mostly russified spellings, 'Фамилия И.О.' or 'Имя Фамилия',
    a maiden name when a relative reported her, and a few given names with the family withheld."""
    kazakh = victim.community == "kz" and rng.random() < 0.15
    spell = (lambda w: w) if kazakh else russify
    maiden = victim.maiden and rng.random() < 0.2
    family = _slipped(rng, spell(victim.maiden if maiden else victim.family), 0.03)
    given = _slipped(rng, spell(victim.given), 0.03)
    patronymic = patronymic_ru(victim.father, victim.sex) if victim.father else ""
    if kazakh and victim.kz_patronymic and victim.father:
        patronymic = patronymic_kz(victim.father, victim.sex)
    pick = rng.random()
    if pick < 0.38:
        initials = initial(given) + (initial(patronymic) if patronymic and rng.random() < 0.8 else "")
        return [(family, "family"), (initials, "initials")]
    if pick < 0.62:
        return [(given, "given"), (family, "family")]
    if pick < 0.8:
        return [(family, "family"), (given, "given")]
    if pick < 0.96 and patronymic:
        return [(family, "family"), (given, "given"), (patronymic, "patronymic")]
    return [(given, "given"), (initial(family), "initials")]


def kz_name(rng: random.Random, victim: Victim) -> tuple[Tokens, bool]:
    """The Kazakh-language list: given name first in Kazakh letters, Ерлан Серікұлы without a family name,
    or only 'Ержан (32 жаста)' when that is all that was known. Returns the tokens and whether the age
    went into the name."""
    kazakh = victim.community == "kz" and rng.random() < 0.88
    spell = (lambda w: w) if kazakh else russify
    maiden = victim.maiden and rng.random() < 0.35
    family = _slipped(rng, spell(victim.maiden if maiden else victim.family), 0.03)
    given = _slipped(rng, spell(victim.given), 0.02)
    if victim.community != "kz":
        patronymic = patronymic_ru(victim.father, victim.sex) if victim.father else ""
        return ([(given, "given"), (family, "family")] if rng.random() < 0.85 or not patronymic else
                [(family, "family"), (given, "given"), (patronymic, "patronymic")]), False
    surname_is_patronymic = victim.family.endswith(("ұлы", "қызы"))  # Маратұлы needs no Серікұлы beside it
    patronymic = spell(patronymic_kz(victim.father, victim.sex)) if victim.father and not surname_is_patronymic \
        else ""
    pick = rng.random()
    if pick < 0.44 or not patronymic:
        return [(given, "given"), (family, "family")], False
    if pick < 0.58:
        return [(given, "given"), (patronymic, "patronymic")], False
    if pick < 0.68:
        return [(family, "family"), (given, "given"), (patronymic, "patronymic")], False
    if pick < 0.8:
        return [(given, "given"), (patronymic, "patronymic"), (family, "family")], False
    if pick < 0.88:
        return [(given, "given"), (f"({age_at_death(victim)} жаста)", "extra")], True
    return [(family, "family"), (given, "given")], False


def en_name(rng: random.Random, tokens: Tokens, style: str) -> str:
    """Cyrillic tokens in Latin, the family name in capitals as reports print it (NURLANOV Yerlan when
    the source put the family first), with a reporter's typo now and then."""
    words = []
    for text, role in tokens:
        if role == "initials":
            letters = [latin(part, style) for part in text.split(".") if part]  # Ж. -> Zh., Е. -> Ye.
            words.append("".join(f"{letter.capitalize()}." for letter in letters))
        elif role == "extra":
            continue
        else:
            word = latin(text, style)
            if role == "family":
                word = word.upper() if rng.random() < 0.85 else word
            words.append(_slipped(rng, word, 0.04))
    return " ".join(words)


def en_own_name(rng: random.Random, victim: Victim, style: str) -> str:
    """A reporter's own spelling, from relatives: own-script names, given name first, family in capitals."""
    given, family = latin(victim.given, style), latin(victim.family, style)
    family = _slipped(rng, family, 0.04)
    pick = rng.random()
    if pick < 0.75:
        return f"{given} {family.upper()}"
    if pick < 0.87:
        return f"{family.upper()} {given}"
    return f"{given} {family}"


def moh_name(victim: Victim) -> str:
    """The Ministry of Health registry: the documents' spelling in one upper-case cell."""
    parts = [victim.doc(victim.family), victim.doc(victim.given)]
    if victim.patronymic:
        parts.append(victim.doc(victim.patronymic))
    return " ".join(parts).upper()


def burial_name(rng: random.Random, victim: Victim) -> str:
    """A cemetery clerk's register in CP1251: russified, family first, full or with initials."""
    family = _slipped(rng, russify(victim.maiden if victim.maiden and rng.random() < 0.05 else victim.family),
                      0.025)
    given = russify(victim.given)
    patronymic = patronymic_ru(victim.father, victim.sex) if victim.father else ""
    pick = rng.random()
    if pick < 0.65 and patronymic:
        return f"{family} {given} {patronymic}"
    if pick < 0.85:
        return f"{family} {initial(given)}{initial(patronymic)}"
    return f"{family} {given}"
