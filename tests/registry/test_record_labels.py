"""The record page names what it shows in words, never by internal keys (``given_initial``,
``date_of_birth_from_national_id``), in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from tergeu.registry.labels import derived_label, name_part_label
from tergeu.registry.models import Record

pytestmark = pytest.mark.django_db
VALID_IIN = "900315300123"  # synthetic: born 15 March 1990, a man; the check digit holds


def test_the_record_page_labels_derived_values_and_name_parts(write_csv, run_import, client_as) -> None:
    assert run_import(write_csv("a.csv", ["ФИО", "ИИН"], [["Нурланов Ж.С.", VALID_IIN]])).ok
    record = Record.objects.get()
    assert record.parsed.get("derived"), record.parsed
    page = client_as("reviewer").get(f"/records/{record.public_id}/").content.decode()
    for key in ("date_of_birth_from_national_id", "given_initial", "family_stem", "implied_sex"):
        assert f">{key}<" not in page and f"{key}:" not in page
    assert "Initial of the given name" in page and "Date of birth, from the National ID (IIN)" in page


def test_the_labels_follow_the_language() -> None:
    with translation.override("ru"):
        assert name_part_label("given_initial") != "Initial of the given name"
        assert "ИИН" in derived_label("date_of_birth_from_national_id")
    assert derived_label("unknown_from_nowhere") == "unknown_from_nowhere"
