"""A small linked registry whose names use every Kazakh letter (ә ғ қ ң ө ұ ү һ і); all names invented.

Two lists: the morgue's, shared with the expert mission, and the volunteers', private. The first person
is on both, written in Kazakh by the morgue and in Latin letters by the volunteers; the last person is on
the volunteers' list only. An estimate of the toll is stored as the estimation app stores a finished run.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import timezone

from people_fixtures import HEADER, link_as_one
from tergeu.estimation.models import EstimateRun
from tergeu.linkage.models import Person
from tergeu.registry.models import ImportedList, Record

KAZAKH_LETTERS = "әғқңөұүһі"
MORGUE = [["1", "Әсетов Ғалымжан Қуанышұлы", "34", "М", "05.01.2022", "г. Алматы", ""],
          ["2", "Өмірбекова Іңкәр Ұланқызы", "27", "Ж", "06.01.2022", "Алматы", "огнестрельное ранение"],
          ["3", "Шаһмарданов Үсен Бағдатұлы", "45", "М", "06.01.2022", "Талдыкорган", ""]]
VOLUNTEERS = [["1", "Asetov Galymzhan", "34", "М", "05.01.2022", "Almaty", "в заключении"],
              ["2", "Бекова Сауле Армановна", "61", "Ж", "07.01.2022", "Alma-Ata", "огнестрельное ранение"]]
KAZAKH_NAMES = [row[1] for row in MORGUE]


@dataclass
class Casualties:
    morgue: ImportedList
    volunteers: ImportedList


@pytest.fixture
def casualties(write_csv, run_import) -> Casualties:
    morgue = run_import(write_csv("morgue.csv", HEADER, MORGUE), list_name="morgue", source_name="City morgue")
    volunteers = run_import(write_csv("volunteers.csv", HEADER, VOLUNTEERS), list_name="volunteer ledger",
                            source_name="Volunteers")
    assert morgue.ok and volunteers.ok, (morgue.errors, volunteers.errors)
    ImportedList.objects.filter(pk=morgue.imported_list_id).update(shared_with_mission=True)
    link_as_one(list(Record.objects.select_related("imported_list").order_by("pk")), [(0, 3)])
    assert Person.objects.current().count() == 4
    lists = ImportedList.objects.in_bulk([morgue.imported_list_id, volunteers.imported_list_id])
    return Casualties(lists[morgue.imported_list_id], lists[volunteers.imported_list_id])


@pytest.fixture
def estimated(casualties: Casualties) -> EstimateRun:
    """A finished estimate, as ``estimation.service`` leaves one (the figures are the run's, not the report's)."""
    return EstimateRun.objects.create(
        created_by="analyst", method="lcmcr", finished_at=timezone.now(), settings={"left_out_lists": []},
        result={"observed": 4, "estimate": 6.4, "interval": [4.0, 11.6], "strata": {}})


def pdf_text(path: Path) -> str:
    """The PDF's text as poppler's pdftotext reads it (installed by scripts/test with poppler-utils)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/test does)")
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


@dataclass(frozen=True)
class PdfWord:
    """A word pdftotext reads on a page, with its box in points (origin top left)."""

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


def pdf_pages(path: Path) -> list[list[PdfWord]]:
    """Every page's words with their boxes (``pdftotext -bbox``), so that a test can tell a 90-point
    watermark from the same word in the text, and find words drawn past the margins."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/test does)")
    done = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
    return [[PdfWord(html.unescape(text), *(float(value) for value in box))
             for *box, text in word.findall(page)] for page in done.stdout.split("<page ")[1:]]
