"""``nomad``: five lists of the January 2022 dead, written without seeing Tergeu's linkage or the other generators.

Usage (from bench/):  python -m generators.nomad [people] [seed]   prints list sizes and overlaps.

The dead are drawn by ``nomad_people`` (regions weighted towards Almaty, how each died, households
dying together, Zipf-ranked names); five lists then learn of them according to how and where they
died and how much attention the death drew: ``delo`` (criminal-case documents, declined names, CP1251),
``morg`` (the Almaty forensic morgue book, XLSX), ``gkb`` (Almaty hospitals' deaths, UTF-8 CSV),
``volunteers`` (diaspora volunteers, mostly Latin, JSON) and ``akimat`` (Almaty oblast payments, Kazakh,
one region only). The held-out set: never tune on it.
"""

from __future__ import annotations

import itertools
import random
import sys
import time

from generators import GeneratedSet
from generators.nomad_official import delo, gkb, morg
from generators.nomad_people import population
from generators.nomad_public import akimat, volunteers


def generate(people: int, seed: int) -> GeneratedSet:
    """The dead and the five lists, deterministic in ``(people, seed)``; each list draws from its own rng."""
    if people < 1:
        raise ValueError("people must be at least 1")
    victims = population(people, random.Random(f"nomad-people-{seed}"))
    lists = [writer(victims, random.Random(f"nomad-{writer.__name__}-{seed}"))
             for writer in (delo, morg, gkb, volunteers, akimat)]
    lists = [listed for listed in lists if listed.truth]  # a list naming nobody is never compiled (or imported)
    return GeneratedSet(f"nomad{people}_seed{seed}", {v.truth.person_id: v.truth for v in victims}, lists)


def summary(generated: GeneratedSet) -> list[str]:
    """List sizes (rows and people), pairwise overlaps in people, and how many no list names."""
    members = {g.name: set(g.truth.values()) for g in generated.lists}
    lines = [f"{generated.name}: {len(generated.people)} dead"]
    for listed in generated.lists:
        lines.append(f"  {listed.name:<11} {len(listed.truth):>6} rows {len(members[listed.name]):>6} people "
                     f"({listed.filename}, {len(listed.content):,} bytes)")
    for left, right in itertools.combinations(members, 2):
        lines.append(f"  {left}∩{right}: {len(members[left] & members[right])}")
    seen = set().union(*members.values())
    everywhere = set.intersection(*members.values()) if members else set()
    lines.append(f"  on some list: {len(seen)}; on none: {len(generated.people) - len(seen)}; "
                 f"on all {len(members)}: {len(everywhere)}")
    return lines


def main(argv: list[str]) -> None:
    people = int(argv[0]) if argv else 300
    seed = int(argv[1]) if len(argv) > 1 else 1
    began = time.perf_counter()
    generated = generate(people, seed)
    print("\n".join(summary(generated)))
    print(f"  generated in {time.perf_counter() - began:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
