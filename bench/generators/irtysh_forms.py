"""How ``irtysh``'s lists write a person's name parts and places, shared by every list renderer."""

from __future__ import annotations

from generators.irtysh_names import kazakh_patronymic, russian_patronymic, russify
from generators.irtysh_people import Victim

PLACE_RU = {"Алматы": "г. Алматы", "Талдыкорган": "Алматинская обл., г. Талдыкорган",
            "Каскелен": "Алматинская обл., Карасайский р-н, г. Каскелен", "Талгар": "Алматинская обл., г. Талгар",
            "Есик": "Алматинская обл., Енбекшиказахский р-н, г. Есик", "Шымкент": "г. Шымкент",
            "Тараз": "Жамбылская обл., г. Тараз", "Кызылорда": "г. Кызылорда", "Актобе": "г. Актобе"}
PLACE_KK = {"Алматы": "Алматы", "Талдыкорган": "Талдықорған", "Каскелен": "Қаскелең", "Талгар": "Талғар",
            "Есик": "Есік", "Шымкент": "Шымкент", "Тараз": "Тараз", "Кызылорда": "Қызылорда", "Актобе": "Ақтөбе"}
REGION_KK = {"г. Алматы": "Алматы қ.", "Алматинская область": "Алматы облысы", "г. Шымкент": "Шымкент қ.",
             "Жамбылская область": "Жамбыл облысы", "Кызылординская область": "Қызылорда облысы",
             "Актюбинская область": "Ақтөбе облысы"}
REGION_SHORT = {"г. Алматы": "г. Алматы", "Алматинская область": "Алматинская обл.", "г. Шымкент": "г. Шымкент",
                "Жамбылская область": "Жамбылская обл.", "Кызылординская область": "Кызылординская обл.",
                "Актюбинская область": "Актюбинская обл."}
PLACE_LATIN = {
    "en": {"Алматы": "Almaty", "Талдыкорган": "Taldykorgan", "Каскелен": "Kaskelen", "Талгар": "Talgar",
           "Есик": "Esik", "Шымкент": "Shymkent", "Тараз": "Taraz", "Кызылорда": "Kyzylorda", "Актобе": "Aktobe"},
    "fr": {"Алматы": "Almaty", "Талдыкорган": "Taldykourgan", "Каскелен": "Kaskelen", "Талгар": "Talgar",
           "Есик": "Issyk", "Шымкент": "Chymkent", "Тараз": "Taraz", "Кызылорда": "Kyzylorda",
           "Актобе": "Aktioubé"},
    "de": {"Алматы": "Almaty", "Талдыкорган": "Taldyqorghan", "Каскелен": "Kaskelen", "Талгар": "Talgar",
           "Есик": "Issyk", "Шымкент": "Schymkent", "Тараз": "Taras", "Кызылорда": "Qysylorda", "Актобе": "Aqtöbe"},
}
ALMATY_DISTRICTS = ("Медеуский", "Алмалинский", "Бостандыкский", "Ауэзовский", "Жетысуский", "Турксибский",
                    "Алатауский", "Наурызбайский")

_KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"


def spelled(text: str, kazakh_letters: bool) -> str:
    """The text as a list writes it: russified unless the list keeps Kazakh letters."""
    return text if kazakh_letters else russify(text)


def kazakhise(text: str) -> str:
    """A russified Kazakh name as a Kazakh-writing volunteer may restore it (Сарсенов → Сәрсенов).

    Only the restorations that are nearly always right are made; the rest stays as found."""
    for plain, kazakh in (("Нурл", "Нұрл"), ("Нур", "Нұр"), ("Сарс", "Сәрс"), ("Жума", "Жұма"),
                          ("Кайр", "Қайр"), ("Канат", "Қанат"), ("Серик", "Серік"), ("улы", "ұлы"),
                          ("кызы", "қызы"), ("Даур", "Дәур"), ("Аскар", "Асқар"), ("Талгат", "Талғат"),
                          ("Сейит", "Сейіт")):
        text = text.replace(plain, kazakh)
    return text


def has_kazakh_letters(text: str) -> bool:
    return any(ch in _KAZAKH for ch in text)


def patronymic(victim: Victim, style: str | None = None) -> str:
    """The patronymic in ``style`` ("ru" Серикович, "kk" Серікұлы; default: the documents' own), in the
    script of the person's documents; "" when the documents have none."""
    person = victim.person
    style = style or victim.patronymic_style
    if style == "none" or not person.father_given:
        return ""
    if style == "kk" and victim.community == "kazakh":
        made = kazakh_patronymic(person.father_given, person.sex)
        return made if victim.kazakh_letters else russify(made)
    return russify(russian_patronymic(person.father_given, person.sex))
