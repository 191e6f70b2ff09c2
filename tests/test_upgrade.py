"""A database made by an earlier Tergeu (469c731: lists and records in ``provenance``, people in
``casualties``) migrates to today's apps with every row, its history and its content types intact.

The fixture was made with 469c731's own commands on synthetic lists (three lists of 14 rows, one
linkage run, one reviewer decision, one estimate). It is kept as SQL text (``tests/data/db_469c731.sql``),
loaded into a fresh SQLite file in a temporary data directory; the migration runs in a child process,
as ``tergeu migrate`` would.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess  # nosec B404: runs this repository's own Python
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.pure

OLD_DATABASE = Path(__file__).parent / "data" / "db_469c731.sql"
TABLES = ("provenance_source", "provenance_importedlist", "provenance_record", "provenance_claim",
          "provenance_changeentry", "casualties_person", "casualties_membership", "casualties_pairdecision",
          "casualties_linkagerun", "casualties_scoredpairrow", "estimation_estimaterun", "auth_user")

# Read back through today's models: the person page's query, a record's history, a decision's record.
PROBE = """
import json, django
django.setup()
from django.contrib.contenttypes.models import ContentType
from tergeu.history.models import ChangeEntry
from tergeu.linkage.models import Membership, PairDecision, Person
from tergeu.provenance.models import Source
from tergeu.registry.models import ImportedList, Record
from tergeu.toolkit.public_ids import is_public_id
decision = PairDecision.objects.select_related("left__imported_list").get()
ids = {m.__name__: list(m.objects.values_list("public_id", flat=True)) for m in (Source, ImportedList, Record, Person)}
print(json.dumps({
    "records": Record.objects.count(),
    "lists": sorted(ImportedList.objects.values_list("name", flat=True)),
    "people_with_records": Person.objects.filter(memberships__isnull=False).distinct().count(),
    "memberships": Membership.objects.count(),
    "decision_list": decision.left.imported_list.name,
    "decision_history": ChangeEntry.objects.filter(
        object_type=ContentType.objects.get_for_model(PairDecision), object_id=str(decision.pk)).count(),
    "content_types": sorted(f"{c.app_label}.{c.model}" for c in ContentType.objects.all()),
    "public_ids": {name: [len(set(found)), all(map(is_public_id, found))] for name, found in ids.items()},
    "place_keys": sorted(set(Record.objects.values_list("place", "place_key"))),
}))
"""


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        # bandit B608: table names from the constant above
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # nosec B608


def _django(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(TERGEU_HOME=str(home), DJANGO_SETTINGS_MODULE="tergeu.settings")
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=300,
                          check=False)  # nosec B603


def test_a_database_of_469c731_migrates_with_every_row(tmp_path: Path) -> None:
    database = tmp_path / "tergeu.sqlite3"
    with sqlite3.connect(database) as db:
        db.executescript(OLD_DATABASE.read_text(encoding="utf-8"))
    before = _counts(database)
    migrated = _django(tmp_path, "-m", "django", "migrate", "--no-input")
    assert migrated.returncode == 0, migrated.stderr
    assert "registry.0001_initial... OK" in migrated.stdout and "linkage.0001" not in migrated.stdout
    assert _counts(database) == before
    probe = _django(tmp_path, "-c", PROBE)
    assert probe.returncode == 0, probe.stderr
    seen = json.loads(probe.stdout)
    assert seen["records"] == before["provenance_record"] == 42
    assert seen["memberships"] == 42 and seen["people_with_records"] == before["casualties_person"]
    assert seen["decision_list"].startswith("Synthetic list")
    assert seen["decision_history"] == 1  # the reviewer's decision kept its history entry
    assert seen["public_ids"] == {"Source": [before["provenance_source"], True], "ImportedList": [3, True],
                                  "Record": [42, True], "Person": [before["casualties_person"], True]}
    assert ["Almaty", "almaty"] in seen["place_keys"]  # registry.0005 gave existing records their place keys
    assert all(key for place, key in seen["place_keys"] if place)
    assert "registry.0005_record_place_key... OK" in migrated.stdout  # after the public ids (0002-0004)
    assert migrated.stdout.index("registry.0004_public_id_required") < migrated.stdout.index(
        "registry.0005_record_place_key")
    moved = {"registry.record", "registry.importedlist", "history.changeentry", "linkage.person",
             "linkage.pairdecision", "linkage.membership", "linkage.linkagerun", "linkage.scoredpairrow"}
    assert moved <= set(seen["content_types"])
    assert not [c for c in seen["content_types"] if c.startswith("casualties.")
                or c in ("provenance.record", "provenance.importedlist", "provenance.changeentry")]
    check = _django(tmp_path, "-m", "django", "makemigrations", "--check", "--dry-run")
    assert check.returncode == 0, check.stdout + check.stderr
    # The migration chained the old entries with its frozen hash; today's code must find them intact.
    verified = _django(tmp_path, "-c", "from tergeu.cli import main; main()", "history", "--verify")
    assert verified.returncode == 0 and f"intact: {before['provenance_changeentry']} entries" in verified.stderr, (
        verified.stdout + verified.stderr)
