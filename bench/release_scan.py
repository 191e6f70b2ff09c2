#!/usr/bin/env python
"""Benchmark: the public release's last check (``core.release.leaks``) over release-shaped text; one JSON
line per size.

Usage:  .venv/bin/python bench/release_scan.py [--people 300,5000,20000] [--withheld 10,200]

The text imitates a release of that many people: for each, a line of people.csv, eleven lines of
people.json and seven lines of each of the three pages, with invented names (letters drawn at random,
no real person). Printed: people, withheld (spellings looked for), lines, seconds.
"""

from __future__ import annotations

import argparse
import json
import random
import time

from tergeu.core.release import forbidden, leaks

LETTERS = "абвгдежзиклмнопрстуфхшқңөүұ"


def invented(rng: random.Random) -> str:
    return " ".join(rng.choice(LETTERS).upper() + "".join(rng.choices(LETTERS, k=rng.randint(4, 9))) + ending
                    for ending in ("ов", "", "ович"))


def release_text(people: int, rng: random.Random) -> str:
    lines = []
    for number in range(people):
        name = invented(rng)
        lines.append(f"id{number},{name},,{name},,no,34,M,2022-01-05,almaty,Алматы,Алматы,Almaty,gunshot,1,1,no")
        lines += [f' "name": "{name}",', ' "age": 34,', ' "sex": "M",', ' "date_of_death": "2022-01-05",',
                  ' "place_key": "almaty",', ' "circumstances": "gunshot",', ' "lists": 1,', ' "sources": 1,',
                  ' "synthetic": false', " },", " {"]
        for _language in range(3):
            lines += [f'<tr id="id{number}">', f'<td data-label="Name">{name}</td>', '<td data-label="Age">34</td>',
                      '<td data-label="Sex">male</td>', '<td data-label="Date of death">2022-01-05</td>',
                      '<td data-label="Circumstances">Gunshot wound</td>', "</tr>"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", default="300,5000,20000")
    parser.add_argument("--withheld", default="10,200")
    parser.add_argument("--seed", type=int, default=14)
    options = parser.parse_args()
    for people in (int(size) for size in options.people.split(",")):
        rng = random.Random(options.seed)
        text = release_text(people, rng)
        for withheld in (int(size) for size in options.withheld.split(",")):
            births = [f"19{60 + number % 40}-03-17" for number in range(people)]
            banned = forbidden([invented(rng) for _ in range(withheld)], births)
            started = time.perf_counter()
            found = leaks("release", text, banned)
            print(json.dumps({"people": people, "withheld": withheld, "lines": text.count("\n") + 1,
                              "seconds": round(time.perf_counter() - started, 3), "problems": len(found)}))


if __name__ == "__main__":
    main()
