"""Synthetic demo data: an invented casualty population and four overlapping lists about it.

Tergeu's linkage and estimation can only be shown, and checked, against a known truth, and real
victims' names must never be used for that. This package invents people whose aggregate shape
follows the public facts of January 2022 in Kazakhstan and writes the lists that would have been
kept about them, in the encodings, scripts and spellings such lists really have, together with the
ground truth. It is pure Python: no Django, so it can run in a notebook or a benchmark.
"""

from tergeu.demo.capture import LIST_KEYS, capture, capture_probabilities
from tergeu.demo.lists import DemoList, write_demo_lists
from tergeu.demo.population import CIRCUMSTANCES, SyntheticPerson, generate_population
from tergeu.demo.translit import SYSTEMS, romanize, russianize

__all__ = [
    "CIRCUMSTANCES",
    "LIST_KEYS",
    "SYSTEMS",
    "DemoList",
    "SyntheticPerson",
    "capture",
    "capture_probabilities",
    "generate_population",
    "romanize",
    "russianize",
    "write_demo_lists",
]
