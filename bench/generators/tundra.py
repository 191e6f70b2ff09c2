"""The ``tundra`` generator (held out: never tune on it): five overlapping lists of the January 2022 dead.

Written from the generator interface, ``loading.py``, the import docs and the field catalogue only.
The lists: the prosecutor's register (CP1251 ``;``, full Russian names, birth dates, IINs), a Kazakh
NGO list (JSON, given name first, ages, Kazakh month names, Ахметұлы for Ахметов), a media list copied
mostly from the NGO's in three Latin habits with English dates, the morgues' journal (XLSX, surname and
initials, admission date as ``date_recorded``, city), and a families' appeal from Almaty city and oblast
(UTF-8 with BOM, relatives' spellings, short forms, households signing together).

Run from bench/:  python -m generators.tundra [people] [seed]   (prints list sizes and overlaps)
"""

from __future__ import annotations

import random
import sys
from itertools import combinations

from generators import GeneratedSet
from generators.tundra_lists import appeal, morgue, official
from generators.tundra_people import Population
from generators.tundra_public import media, ngo


def generate(people: int, seed: int) -> GeneratedSet:
    """``people`` dead (listed or not) and the five lists that know some of them, reproducible by ``seed``."""
    if people < 1:
        raise ValueError("people must be at least 1")
    population = Population(seed).draw(people)
    streams = {name: random.Random(f"tundra:{seed}:{name}") for name in ("gp", "ngo", "media", "morgue", "appeal")}
    ngo_list, ngo_rows = ngo(population, streams["ngo"])
    lists = [official(population, streams["gp"]), ngo_list, media(ngo_rows, population, streams["media"]),
             morgue(population, streams["morgue"]), appeal(population, streams["appeal"])]
    return GeneratedSet(f"tundra{people}_seed{seed}", {p.truth.person_id: p.truth for p in population}, lists)


def summary(generated: GeneratedSet) -> list[str]:
    """Rows and distinct people per list, people on each pair of lists, and people on none."""
    on = {g.name: set(g.truth.values()) for g in generated.lists}
    lines = [f"{generated.name}: {len(generated.people)} people"]
    for g in generated.lists:
        lines.append(f"  {g.name:9} {g.filename:24} rows {len(g.truth):6}  people {len(on[g.name]):6}")
    for left, right in combinations(on, 2):
        lines.append(f"  {left} & {right}: {len(on[left] & on[right])}")
    listed = set().union(*on.values())
    lines.append(f"  on any list: {len(listed)}; on none: {len(generated.people) - len(listed)}; "
                 f"on all five: {len(set.intersection(*on.values()))}")
    return lines


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print("\n".join(summary(generate(count, int(sys.argv[2]) if len(sys.argv) > 2 else 1))))
