"""Independently written generators of overlapping casualty lists, for evaluating linkage and estimation.

Each module here was written in its own style (name corpora, transliteration schemes, typo models,
date habits, which fields each list has, how often namesakes and siblings occur), without importing
``tergeu.demo``, so that Tergeu is not evaluated only on the data it was developed on. Every module
exposes ``generate(people: int, seed: int) -> GeneratedSet``: the lists as files a user would import
(bytes plus, where the headers need one, a column map), and the truth.

``bench/linkage_quality.py`` and ``bench/e2e_coverage.py`` read the files through Tergeu's own import
code (``open_table``, the column map, ``RowParser``), exactly as ``tergeu import`` would.

``caravan`` (held out until 5 December, when ``oasis`` took its place and caravan's errors were read)
was written from this interface, the import docs and the field catalogue only. Five lists: an official
register in Russian (separate or one name column, IINs with valid check digits, oblast), an NGO list in
Kazakh (given name first, Kazakh month names, maiden names, Ахметұлы for Ахметов, nicknames), a media
list in three Latin spellings (Russian style, Kazakh Latin of 2021, ad-hoc English) with English dates,
a morgue book (surname and initials, admission date as ``date_recorded``, CP1251, OCR look-alikes) and a
hospital's deaths (its admission date left unmapped). Siblings and fathers die together; compound Kazakh
names give a long tail.

``oasis`` (the held-out set: written without seeing the linkage code or the other generators, from this
interface, ``loading.py``, the import docs and the field catalogue; never tune on it). Seven communities
(Kazakh, Russian, Uzbek, Uyghur, Tatar, Korean, German) with ranked names and a heavy head, so namesakes
are common at tens of thousands; Kazakh or russified spellings by person and by list; households dying
together (brothers, father and son, husband and wife); a latent visibility driving every list's
coverage. Five lists: the prosecutor's register (XLSX, one per person, typed and text dates, IINs),
Almaty's burial payments (CP1251 ``;``, burial date as ``date_recorded``, an applicant's name and IIN
beside the deceased's, repeated claims, day/month swaps), a Kazakh NGO list (JSON, given name first,
Ахметұлы for Ахметов, ages from the birth year), a media list in four Latin schemes (ICAO, Kazakh Latin
2017 and 2021, English ad hoc; US-order dates read day first; mostly copied from the NGO list) and the
morgue journal (UTF-16 tab-separated, one per person, surname and initials, OCR slips, admission date).

``nomad`` (held out after ``oasis``: written from this interface, ``loading.py``, the import docs and the
field catalogue only; never tune on it). How and where each person died (street, crossfire, died
later in hospital, died in custody, security forces) drives which lists know of them, with a latent
visibility on top; Kazakh names with a long tail of compound names, documents spelling Kazakh letters
or russified; brothers, fathers and sons, couples dying together. Five lists: criminal-case documents
(CP1251 ``;`` with multi-line cells, one row per document, the name declined as its sentence needs:
Ахметова Ерлана Сериковича, Ахметову Е.С.; the incident date sometimes given as the death date), the
Almaty morgue book (XLSX, admission date, surname and initials, М/Ж, bodies first admitted
unidentified), Almaty hospitals' deaths (UTF-8 upper case, IIN, time of death, the admission date
unmapped), diaspora volunteers (JSON, given name first in three Latin schemes or Cyrillic, short
forms, maiden names, "~30", districts, repeated reports) and the Almaty oblast akimat (one region,
Kazakh, Ахметұлы for Ахметов, Серікұлы as patronymic, Kazakh month names, ЖСН with slips).

``tundra`` (the held-out set after ``nomad``: written from this interface, ``loading.py``, the import
docs and the field catalogue only; held out until 6 December, when ``taiga`` took its place and
tundra's errors were read, so it is a tuning set now). Kazakh, Russian and other communities with
Zipf-ranked names; Kazakh family names built from a forefather's name (Сериков, Серіков, Серікұлы);
brothers, fathers and sons, couples dying together; a latent visibility behind every list. Five lists:
the prosecutor's register (CP1251 ``;``, full Russian names, birth dates, IINs with slips), a Kazakh
NGO list (JSON, given name first, ages, Kazakh month names, Ахметұлы for Ахметов, repeated reports),
media copied mostly from the NGO in three Latin habits with English dates, the morgues' journal (XLSX,
surname and initials, admission date, city) and a families' appeal from Almaty city and oblast only
(relatives' spellings, short forms, households signing together, a few signing twice).

``taiga`` (held out: written on 6 December from this interface, ``loading.py``, the import docs and the
field catalogue only, without reading the linkage code or any other generator; never tune on it). Kazakh
names dominate, with Russian, Uzbek, Uyghur, Tatar and Korean minorities; Zipf-ranked given names and
forefathers' names (compounds such as Есенбай give a long tail) make namesakes common at thousands;
family names are formed from given names and checked against a blocklist of public figures' surnames.
Brothers, fathers and sons, husbands and wives die together; married women's maiden names turn up on
some lists; a latent visibility drives every list, so the lists are positively dependent and some
people are on none. Four lists: the official register (XLSX, separate Russian name columns, typed dates,
IINs with real check digits and a few slips, oblast and settlement, one per person), a Kazakh NGO list
(JSON, given name first, Kazakh letters, Ахметұлы for Ахметов, ages from "35 жас" to "~30", Kazakh
month names, the injury date for some who died later in hospital, a few people twice), a media list
(CSV with BOM, passport, Kazakh Latin 2021 and English spellings mixed row by row, typos, English dates,
rarely a birth year) and the morgues' register (CP1251 TSV, surname and initials, OCR slips, admission
date as ``date_recorded``, some IINs, only Almaty city and oblast, Zhambyl and Shymkent).

``altai`` (written on 6 December from this interface, ``loading.py``, the import docs and the field
catalogue only, without reading the linkage or estimation code or any other generator; held out until its
totals were measured the same day, then its errors were read: a tuning set now). No latent visibility: each
seed draws an event (deaths spread over Almaty, Taldykorgan, Taraz, Shymkent and smaller towns; shot in the
street, died in hospital days or weeks after the wound, died in custody, bodies identified days later,
security forces, bystanders) and every list has a catchment by how and where a person died and where the
family lives. Kazakh names dominate (ranked given names, forefathers' and fathers' names as family names:
Серіков from Серік, Серікұлы, a bare Серік, compound names for a long tail), with Russian, Uzbek, Uyghur,
Tatar, Korean, German and Kyrgyz (no IIN, Асан уулу) minorities; public figures' surnames are refused;
papers spell Kazakh letters by birth cohort. Brothers, a father and son, families shot in their car die
together; married women's maiden names turn up on relatives' lists. Five lists: the Ministry of Health
registry (XLSX written by hand with typed date cells, one upper-case «ФАМИЛИЯ ИМЯ ОТЧЕСТВО» cell, IINs with
slips, ICD codes, sorted by region and name, weaker in overwhelmed Almaty, few soldiers; one per person), a
Russian-language rights group (UTF-8 CSV, "Фамилия И.О.", "Имя Фамилия" or a withheld family initial, "23
г."/"45 лет", "6 янв. 2022", custody deaths above all, some people twice), Kazakh-language volunteers (UTF-8
tab-separated with a map for the given-name-first order, Kazakh months, Ерлан Серікұлы without a family
name, "Ержан (32 жаста)" alone; home villages in the south and the named fallen servicemen), an
international report (JSON, Latin passport, newspaper-English and diacritic spellings, family name in
capitals, English dates, "about 30"; own research in Almaty and Taldykorgan plus rows copied from the rights
group with its slips) and a cemetery register (CP1251 ``;``, russified names, birth year, burial date as
``date_recorded``, a grave «Место» column that needs a map, only families of Almaty city and nearby towns,
mostly Muslim; one per person).

``irtysh`` (written on 6 December like ``altai``, and like it held out only until its totals were measured
and its errors read that day: a tuning set now). A statistician's simulation of an inquiry: incidents by
place and day (Almaty peaking on the 5th and 6th; Taldykorgan, Shymkent, Taraz, Kyzylorda, Aktobe; some died
of wounds weeks later), Kazakh names from hand-ranked Zipf tables with family names formed from forefathers'
names (-ов/-ев/-ин, -ұлы/-қызы, a bare Сейіт), Russian, Uzbek, Uyghur, Dungan and Korean minorities,
documents spelled by birth cohort (Kazakh letters or russified, -ұлы or -ович); brothers, fathers and sons,
brothers and a cousin dying together. Capture is a latent-class log-linear model (families went public /
known only to the authorities / bodies unclaimed; region, Muslim burial and hospital covariates) with a
positive volunteers-journalists, a negative volunteers-imams and a positive prosecutor-forensic interaction;
about a tenth of the dead are on no list. Five lists: the prosecutor's published list (UTF-8 BOM ``;``,
"Фамилия Имя Отчество" in one column, birth year only, alphabetical, text-recognition slips from the PDF),
the forensic register (a pipe-separated export, separate name columns, ISO dates, IINs with slips, the
body's admission time as ``date_recorded``, «Неизвестный мужчина» rows re-entered once identified), the
volunteers' shared sheet (XLSX, six clerks each with a habit: name order, Kazakh letters, patronymic style,
typed date cells or "5 қаңтар 2022", "05.01.22", "6/1/2022" with US-order slips; unsure days and age ranges
in the note; some people twice), the journalists' merged list (JSON inside an object, with a column map;
English BGN-like, French and German romanisations, AP dates, short forms; often copied from the volunteers,
slips included; a person two outlets reported is there twice) and the Muftiate's burial register (CSV,
Kazakh, burial date as ``date_recorded``, cursive misreadings, some without a family name).

``aral`` (held out: written on 6 December from this interface, ``loading.py``, the import docs and the
field catalogue only, without reading the linkage or estimation code or any other generator; never tune
on it). Households (most people alone; brothers, a father and son, a couple, a mother and child, cousins)
die in one event: Almaty peaking on the 5th and 6th, Taldykorgan, Taraz, Shymkent, Kyzylorda, Aktobe,
Zhanaozen and Almaty oblast towns; shot in the street, bystanders, died of wounds days or weeks later,
died in custody, security forces. Hand-written Zipf-Mandelbrot name tables (Kazakh by cohort, with
compound forefathers' names for a long tail; Russian and Ukrainian, Uzbek, Uyghur, Tatar, Korean, German)
make namesakes common at 40,000; Kazakh family names from a forefather (-ов/-ев/-ин), the father
(Серікұлы) or bare (Серік); passports spell Kazakh letters by cohort, Russian lists russify (Айгүл →
Айгуль), writers vary (Ерлан/Эрлан, Бауыржан/Бауржан); married women's maiden names on the memorial site;
public figures' surnames refused. Capture is logistic in age group, sex, city, kind of death and one
hidden household trait (did the family go public): positive for the memorial and the channel, negative
for the ministry, none for the hospitals; about a ninth of the dead are on no list. Five lists: the
Prosecutor General's PDF table of civilians retyped by volunteers (UTF-8 CSV, «№ п/п | Ф.И.О. | Дата
рождения | Дата смерти», one name column, pages with a typist's habits: typos, Latin look-alike letters,
text-recognition slips, two-digit years, swapped day and month, 1903 for 2003; alphabetical; one per
person), the hospitals' deaths (XLSX, upper-case passport names or "Сериков Е.С.", age, sex, «14.02.87»
birth dates, IINs with slips, the admission date left unmapped; Almaty, Taldykorgan and Shymkent; one per
person), a Kazakh memorial site (JSON with Latin slug keys and a map, given name first, Kazakh letters and
keyboard slips, birth year, Kazakh month names, the wound's day for some, home village and "Марқұм"
captions unmapped, a few twice), a Telegram compilation (UTF-8 TSV, guessed headers, nicknames, given
names alone, Latin in three habits, "~25", US-order dates where they still read as dates, people posted
twice; more than half of the retyped official list pasted in with its slips) and the interior ministry's
"liquidated" (CP1251 ``;``, surname and initials only, the incident date, no age; its fallen listed apart
and numbered again, with rank and unit; one per person).

``balkhash`` (written on 6 December by a helper from this interface, ``loading.py``, the import docs, the
field catalogue and the importer's readers only, without reading the linkage, name or estimation code or
any other generator; held out until its totals were measured the same day, then its errors were read: a
tuning set now). Households die together in fifteen places
weighted like January 2022, in six ways (street, bystander, died of wounds up to 75 days later, custody,
security forces, body found later); steep power-law name tables (Kazakh with compounds, Russian, Uzbek,
Uyghur, Tatar), so 59 % of 40,000 dead share family and given name with someone; Kazakh family names from a
forefather or, for many born after 1993, from the father (Серіков, Серікұлы); married women under their
husband's name in documents and their maiden name on volunteers' rows; public figures' surnames refused.
Capture depends on how, where and when a person died and on a hidden household trait; 7-8 % of the dead
are on no list. Five lists: the civil registry (UTF-8 CSV with BOM, ``;``, separate Russian name columns,
IINs with swapped digits, the registration date as ``date_recorded``; one per person), the forensic
bureaus' morgue book (XLSX with typed dates, one russified name cell in full, as surname and initials or in
capitals, keyboard-layout slips, unknown bodies then identified, bodies moved between morgues twice,
admission date), the mosques' funeral prayers (JSON, given name first, mostly given and father's name only,
religious spellings, traditional age count, Kazakh months, the prayer day as ``date_recorded``, some
twice), oblast akimats' compensation lists (UTF-16 TSV in the Kazakh Latin alphabet of 2018, a fifth typed
without accents, birth year, often the wounding day; one per person) and a volunteers' shared sheet (three
hands, family name first in Russian letters, Kazakh letters or passport capitals, maiden names, "~30" and
age bands, month-only dates, typos, some people twice).

``zhaiyk`` (held out: written by a helper from this interface, ``loading.py``, the import docs, the field
catalogue and the importer's readers only, without reading the linkage, name or estimation code or any
other generator; never tune on it). Households die together in one incident (brothers, twins with alike
names such as Ерлан/Ержан, a father and son where the son of Ерлан Серікұлы is Нұрлан Ерланұлы, a couple,
cousins, a mother and child) in eleven towns from Almaty to Uralsk, shot in the street, bystanders, dead
of wounds up to 75 days later, in custody, found later, servicemen. Kazakh names dominate (hand-written
Zipf-Mandelbrot tables, compound forefathers' names for a long tail; family names from a forefather, the
father or bare; passports in Kazakh letters mostly for the young), with Russian, Uzbek, Uyghur, Tatar and
Korean minorities; married women's maiden names on petitions; public figures' surnames refused. A hidden
household openness raises the petitions and the report and lowers the prosecutors' list; the health
departments ignore it; about 7 % of the dead are on no list. Five lists: the prosecutors' victims by
criminal case (UTF-8 CSV, russified "Сериков Е.С." or full name, full birth date, the incident day for the
later dead, an unmapped case number, no cases in Aktobe and West Kazakhstan; joined cases name some
twice), the health departments' registered deaths (hand-built XLSX with headers guessed, separate name
columns, Серікұлы or -ович patronymics, IINs with slips, typed dates, the registration day as
``date_recorded``, one department in capitals, Aktobe's sheet missing; one per person), relatives'
petitions (UTF-8 ``;``, Kazakh, given name first as «Ерлан Серікұлы», «Ерлан Серіков» or alone, phone
keyboards without Kazakh letters, «32 жаста», «шамамен 30», Kazakh months, some twice), a rights report
(JSON inside an object, BGN-like, Kazakh Latin 2021 and ad hoc spellings, capitals, English dates, the
wounding day for some, half of the petitions copied in their name form) and a burial book of Almaty and
nearby towns (UTF-16 tab-separated, surname and initials, Latin look-alike slips, birth year, burial day
as ``date_recorded``; one per person).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TruePerson:
    """What is really true of one dead person (never shown to a matcher; used for scores and ceilings).

    ``region`` is one of Kazakhstan's regions (or cities of republican status) as of January 2022, in
    Russian as lists write it ("г. Алматы", "Алматинская область"); ``place`` the settlement.
    """

    person_id: str
    family: str  # family name as the person's documents spell it (Cyrillic), e.g. "Серікова"
    given: str
    father_given: str  # the father's given name (source of the patronymic), "" when unknown
    sex: str  # "M" or "F"
    date_of_birth: dt.date
    date_of_death: dt.date
    place: str
    region: str


@dataclass
class GeneratedList:
    """One list as a file plus the truth of each of its data rows."""

    name: str  # short list name, e.g. "official", "ngo", "media", "morgue"
    filename: str  # e.g. "official.csv" or "morgue.xlsx"; the extension tells the format
    content: bytes
    truth: dict[int, str]  # 1-based data row number (the header is not counted) -> person_id
    map_toml: str | None = None  # a column map when headers alone would not be guessed right
    one_per_person: bool = False  # the list names each person at most once (e.g. an official register)


@dataclass
class GeneratedSet:
    name: str  # e.g. "steppe300_seed1"
    people: dict[str, TruePerson]  # every person who died, listed anywhere or not: len() is the true toll
    lists: list[GeneratedList] = field(default_factory=list)
