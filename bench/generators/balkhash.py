"""``balkhash``: five overlapping lists of the dead as the January 2022 documentation would produce them.

How it was written: on 6 December, from the generators' interface (``bench/generators/__init__.py``),
``bench/generators/loading.py``, ``tests/generator_contract.py``, the import docs (``docs/import.md``),
the field catalogue (``tergeu.core.fields.catalogue``) and the importer's readers and column maps,
without reading Tergeu's linkage, estimation or name code or any other generator (only their one-
paragraph descriptions, to do things differently). It was held out until its totals were measured the same
day (F1 0.8871 at 300 people, 0.7880 at 5,000); its errors were read then, so it is a tuning set now.

The dead: households (mostly one person; brothers, a father and son, a husband and wife shot in their
car) die in one of fifteen places, Almaty above all on the 5th and 6th of January, in one of six ways
(shot in the street, bystander, died of wounds days to weeks later, died in custody, security forces,
body found later). Names are assembled from parts (``balkhash_names``): Kazakh, Russian, Uzbek, Uyghur
and Tatar tables drawn by a steep power law so namesakes crowd at 40,000, compound Kazakh names for the
long tail, Kazakh family names formed from a forefather's name (Сәрсенов) or, for many born after 1993,
from the father's own name (Серіков, Серікұлы); surnames of public figures are refused. Documents keep
the Kazakh letters (young people mostly) or are russified; married women bear their husband's name.
Each household has a latent ``public`` trait; who is on which list depends on it and on how, where and
when the person died (``balkhash_capture``); 7 to 8 per cent of the dead are on no list.

The lists:

- ``registry`` (CSV, UTF-8 with BOM, ``;``; one per person): civil registry death records; separate
  Russian name columns as the documents spell them, birth date, IIN (a few digits swapped), date of death
  (for bodies found late often the finding day), place, oblast, registration date as ``date_recorded``.
- ``morgue`` (XLSX, typed date cells): the forensic bureaus' admission book of Almaty, Taldykorgan,
  Taraz and Shymkent; one russified name cell in full, as surname and initials, or in capitals; layout
  slips (Latin look-alikes); "Неизвестный мужчина" rows with "~35" and a second row once identified;
  bodies moved between Almaty's morgues twice; admission date as ``date_recorded``.
- ``janaza`` (JSON with a map; given name first): the mosques' funeral prayers; Kazakh, mostly given
  name and father's name only (Ерлан Серікұлы), religious spellings (Мұхаммед/Мухамед/Мухаммад), ages
  with the traditional extra year, Kazakh month names, prayer (burial) day as ``date_recorded``; prayed
  in the city and again in the home village means twice.
- ``akimat`` (UTF-16 tab-separated with a map; one per person): oblast akimats' compensation lists in
  the 2018 Kazakh Latin alphabet (Serikuly, Aıgúl), sometimes typed without accents; birth year, date of
  death (often the wounding day for those who died later), district or town, oblast; no Almaty city, no
  security forces, few of those the authorities called rioters.
- ``volunteers`` (CSV, UTF-8, headers guessed): a shared sheet in three hands (Russian letters, Kazakh
  letters, passport Latin in capitals), writers' spellings, maiden names, "~30" or an age band in the
  note, month-only dates, wounding days for deaths from wounds, every kind of slip, some people twice.
"""

from __future__ import annotations

import random

from generators import GeneratedSet
from generators.balkhash_capture import plan
from generators.balkhash_official import morgue, registry
from generators.balkhash_people import build
from generators.balkhash_public import akimat, janaza
from generators.balkhash_volunteers import volunteers


def stream(seed: int, label: str) -> random.Random:
    """An independent random stream for one purpose, so changing one list never shifts another."""
    return random.Random(f"balkhash/{seed}/{label}")


def generate(people: int, seed: int) -> GeneratedSet:
    """``people`` dead and the five lists that name some of them."""
    dead = build(people, stream(seed, "people"))
    chosen = plan(dead, stream(seed, "capture"))
    lists = [
        registry(chosen, stream(seed, "registry")),
        morgue(chosen, stream(seed, "morgue")),
        janaza(chosen, stream(seed, "janaza")),
        akimat(chosen, stream(seed, "akimat")),
        volunteers(chosen, stream(seed, "volunteers")),
    ]
    return GeneratedSet(f"balkhash{people}_seed{seed}", {p.pid: p.truth() for p in dead}, lists)
