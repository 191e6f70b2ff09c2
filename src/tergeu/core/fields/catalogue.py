"""The canonical fields of a casualty record and the headers lists use for them.

Headers are matched after normalising case, punctuation and the letter ё, first exactly, then by a
known phrase contained in the header ("Дата гибели (по данным ГП)" contains "дата гибели"). Each field
and each header is used at most once, so a guess is always a valid map the user can then correct.

``FIELDS`` is in a fixed order that other systems rely on (the records export's columns follow it), so
a new field is appended at the end, never inserted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # name | name_part | date | age | sex | national_id | text
    label: str
    headers: tuple[str, ...]


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("full_name", "name", "Full name", (
        "фио", "ф и о", "фамилия имя отчество", "фамилия имя", "имя фамилия", "полное имя",
        "аты жөні", "аты жони", "толық аты жөні", "тегі аты әкесінің аты", "тегі аты",
        "name", "full name", "fullname", "name of deceased", "deceased", "victim", "victim name",
        "имя погибшего", "погибший", "қаза тапқан адамның аты жөні",
    )),
    FieldSpec("family_name", "name_part", "Family name", (
        "фамилия", "тегі", "surname", "last name", "lastname", "family name",
    )),
    FieldSpec("given_name", "name_part", "Given name", (
        "имя", "аты", "first name", "firstname", "given name", "forename",
    )),
    FieldSpec("patronymic", "name_part", "Patronymic", (
        "отчество", "әкесінің аты", "экесинин аты", "patronymic", "middle name", "father s name",
    )),
    FieldSpec("date_of_birth", "date", "Date of birth", (
        "дата рождения", "год рождения", "туған күні", "туған жылы", "туылған күні",
        "date of birth", "dob", "birth date", "birthdate", "born", "year of birth",
    )),
    FieldSpec("age", "age", "Age", (
        "возраст", "жасы", "жас", "age", "age at death", "полных лет",
    )),
    FieldSpec("sex", "sex", "Sex", ("пол", "жынысы", "sex", "gender")),
    FieldSpec("national_id", "national_id", "National ID (IIN)", (
        "иин", "жсн", "iin", "national id", "id number", "идентификационный номер", "жеке сәйкестендіру нөмірі",
    )),
    FieldSpec("date_of_death", "date", "Date of death", (
        "дата гибели", "дата смерти", "дата кончины", "қаза тапқан күні", "қайтыс болған күні",
        "қаза болған күні", "date of death", "death date", "date died", "died", "died on",
    )),
    FieldSpec("place_of_death", "text", "Place of death", (
        "место гибели", "место смерти", "қаза тапқан жері", "қайтыс болған жері", "қаза болған жері",
        "place of death", "place", "location", "город", "city", "қала", "населенный пункт", "место",
        "елді мекен",
    )),
    FieldSpec("region", "text", "Region", ("область", "облыс", "регион", "region", "oblast", "province")),
    FieldSpec("circumstances", "text", "Circumstances of death", (
        "обстоятельства", "обстоятельства гибели", "обстоятельства смерти", "причина смерти", "причина",
        "жағдайы", "мән жайы", "қаза болу жағдайы", "қайтыс болу себебі", "себебі",
        "circumstances", "circumstances of death", "cause", "cause of death",
    )),
    FieldSpec("source_record_id", "text", "Number in the source list", (
        "№", "no", "nr", "номер", "n", "#", "id", "р с", "п п", "реттік нөмір", "нөмір", "number",
    )),
    FieldSpec("notes", "text", "Notes", (
        "примечание", "примечания", "комментарий", "ескерту", "ескертпе", "notes", "note", "comment", "remarks",
    )),
    # Appended, not placed beside date_of_death: this order is the records export's column order, a
    # contract that may only grow (docs/export-formats.md). A morgue states when a body came in, a civil
    # registry when a death was registered, a cemetery when someone was buried: none is the day of
    # death, which came on or before it (usually 0–3 days, sometimes more). A hospital's "Дата
    # поступления" (admitted alive) is the exception the docs tell users to map away.
    FieldSpec("date_recorded", "date", "Date recorded (death on or before)", (
        "дата поступления", "дата поступления тела", "дата поступления трупа", "дата поступления в морг",
        "дата регистрации", "дата регистрации смерти", "дата записи", "дата записи акта",
        "дата захоронения", "дата погребения",
        "түскен күні", "мәйітханаға түскен күні", "тіркелген күні", "тіркеу күні", "қайтыс болуын тіркеу күні",
        "жерленген күні", "жерлеу күні",
        "date admitted", "admission date", "date of admission", "date registered",
        "registration date", "date of registration", "death registration date", "date of death registration",
        "burial date", "date of burial", "date buried", "date recorded",
    )),
)

# Words saying a column is about someone other than the dead (an applicant, a relative): a short
# phrase opening such a header ("ИИН заявителя", "Имя отца") must not make it the person's column.
_ABOUT_SOMEONE_ELSE = re.compile(r"заявител|родствен|отца|отец|матер|мать|супруг|жены|мужа|сына|дочер|брат|сестр"
                                 r"|өтініш|туыс|әке|ана|relative|applicant|father|mother|spouse|next of kin")
_BY_NAME = {spec.name: spec for spec in FIELDS}
_PUNCTUATION = re.compile(r"[^\w№#]+")


def field_names() -> tuple[str, ...]:
    return tuple(spec.name for spec in FIELDS)


def field_spec(name: str) -> FieldSpec:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown field {name!r}; known fields: {', '.join(field_names())}") from None


def normalise_header(header: str) -> str:
    """Lower-case, ё→е, punctuation to single spaces: 'Ф.И.О.' → 'ф и о', 'Аты-жөні' → 'аты жөні'."""
    text = header.replace("ё", "е").replace("Ё", "Е").lower().replace("_", " ")
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def _score(header_norm: str, phrase: str) -> int:
    """2 for an exact match, 1 for a whole-word phrase inside a longer header, 0 otherwise."""
    if header_norm == phrase:
        return 2
    if len(phrase) >= 4 and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", header_norm):
        return 1
    if len(phrase) >= 3 and header_norm.startswith(phrase + " ") and not _ABOUT_SOMEONE_ELSE.search(header_norm):
        return 1  # a short phrase opening a longer header: "ФИО умершего", "ИИН погибшего"
    return 0


def guess_columns(headers: list[str]) -> dict[str, str]:
    """Map canonical field → header, choosing the best-scoring, longest-phrase pairs first."""
    candidates: list[tuple[int, int, int, str, str]] = []
    for position, header in enumerate(headers):
        norm = normalise_header(header)
        for spec in FIELDS:
            best = max(((_score(norm, p), len(p)) for p in spec.headers), default=(0, 0))
            if best[0]:
                candidates.append((best[0], best[1], -position, spec.name, header))
    candidates.sort(reverse=True)
    mapping: dict[str, str] = {}
    used_headers: set[str] = set()
    for _score_value, _length, _pos, field, header in candidates:
        if field in mapping or header in used_headers:
            continue
        mapping[field] = header
        used_headers.add(header)
    return {spec.name: mapping[spec.name] for spec in FIELDS if spec.name in mapping}
