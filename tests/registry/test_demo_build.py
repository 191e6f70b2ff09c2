"""`tergeu demo` loads the synthetic case through the real importer, once."""

from __future__ import annotations

import csv

import pytest
from django.conf import settings
from django.contrib.auth import authenticate

from tergeu.demo.build import DEMO_PASSWORD, DEMO_USER, build_demo
from tergeu.provenance.models import Source
from tergeu.registry.models import ImportedList, Record

pytestmark = pytest.mark.django_db


def test_it_imports_four_synthetic_lists_that_match_the_truth(settings_home) -> None:
    build_demo(seed=2022)
    lists = ImportedList.objects.select_related("source")
    assert lists.count() == 4
    assert all(item.source.is_synthetic for item in lists)
    assert {item.source.kind for item in lists} == {"official", "ngo", "media", "medical"}
    truth = list(csv.DictReader((settings.TERGEU_HOME / "demo" / "truth.csv").open(encoding="utf-8")))
    assert Record.objects.count() == len(truth)
    encodings = {item.file_name: item.encoding for item in lists}
    assert encodings["official_gpo.csv"] == "cp1251" and encodings["ngo_kk.csv"] == "utf-8-sig"
    morgue = Record.objects.filter(imported_list__file_name="morgue_almaty.csv")
    assert {r.facts["region"] for r in morgue} == {"г. Алматы; Алматинская область"}  # from its map's [values]
    assert authenticate(username=DEMO_USER, password=DEMO_PASSWORD) is not None


def test_it_changes_nothing_when_run_again(settings_home) -> None:
    build_demo(seed=2022)
    counts = (Source.objects.count(), ImportedList.objects.count(), Record.objects.count())
    build_demo(seed=2022)
    assert (Source.objects.count(), ImportedList.objects.count(), Record.objects.count()) == counts
