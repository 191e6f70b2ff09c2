"""F5: an import size limit enforced while the upload streams in; uploads deleted; a private data directory."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.urls import reverse

from helpers import csv_bytes, database_counts
from tergeu.cli import cli
from tergeu.registry.importing.table import ImportProblem

pytestmark = pytest.mark.django_db

HEADER = ["ФИО", "Место гибели"]
ONE_MB = 1024 * 1024


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def one_mb_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERGEU_MAX_UPLOAD_MB", "1")


@pytest.fixture
def big_csv(tmp_path: Path) -> Path:
    """A valid list of 1.5 MB: it would import, were it not over a 1 MB limit."""
    path = tmp_path / "big.csv"
    path.write_bytes(csv_bytes(HEADER, [[f"Аманов Берик {n}", "Алматы"] for n in range(40_000)]))
    assert ONE_MB < path.stat().st_size < 2 * ONE_MB
    return path


@pytest.fixture
def spooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Bytes Django's own handler stored on disk, per chunk: what got past the limit."""
    chunks: list[int] = []
    receive = TemporaryFileUploadHandler.receive_data_chunk

    def counted(self: TemporaryFileUploadHandler, raw_data: bytes, start: int) -> None:
        chunks.append(len(raw_data))
        return receive(self, raw_data, start)

    monkeypatch.setattr(TemporaryFileUploadHandler, "receive_data_chunk", counted)
    return chunks


def test_the_pipeline_refuses_a_file_over_the_limit(one_mb_limit, big_csv: Path, run_import) -> None:
    before = database_counts()
    with pytest.raises(ImportProblem, match="big.csv: the file is larger than the import limit of 1 MB "
                                            r"\(set by TERGEU_MAX_UPLOAD_MB\)"):
        run_import(big_csv)
    assert database_counts() == before


@pytest.mark.django_db(transaction=True)
def test_tergeu_import_refuses_a_file_over_the_limit(one_mb_limit, big_csv: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(big_csv), "--list", "big"])
    assert result.exit_code == 1 and "larger than the import limit of 1 MB" in result.output
    assert database_counts()["Record"] == 0


def test_the_api_stops_an_upload_at_the_limit(one_mb_limit, big_csv: Path, client_as, spooled) -> None:
    before = database_counts()
    with big_csv.open("rb") as file:
        response = client_as("data-entry").post("/api/import", {"list_name": "big", "file": file})
    assert response.status_code == 413, response.content
    assert "big.csv: the file is larger than the import limit of 1 MB" in response.json()["detail"]
    assert sum(spooled) <= ONE_MB  # stopped while streaming, not after storing it whole
    assert database_counts() == before


def test_the_import_page_stops_an_upload_at_the_limit(one_mb_limit, big_csv: Path, client_as, settings_home: Path,
                                                      spooled) -> None:
    with big_csv.open("rb") as file:
        response = client_as("data-entry").post(reverse("registry:import"), {"list_name": "big", "file": file})
    assert response.status_code == 200
    assert "larger than the import limit of 1 MB" in response.content.decode()
    assert sum(spooled) <= ONE_MB
    assert not list(settings_home.glob("uploads/*/*"))


def upload_page(client, name: str, data: bytes):
    return client.post(reverse("registry:import"), {"file": SimpleUploadedFile(name, data), "list_name": "page list",
                                              "source_kind": "other", "status": "pending"})


def test_an_upload_awaiting_import_is_private_and_deleted_once_imported(client_as, settings_home: Path) -> None:
    client = client_as("data-entry")
    response = upload_page(client, "list.csv", csv_bytes(HEADER, [["Аманов Берик", "Алматы"]]))
    assert response.status_code == 200
    [kept] = (settings_home / "uploads").glob("*/list.csv")
    assert (mode(settings_home / "uploads"), mode(kept.parent), mode(kept)) == (0o700, 0o700, 0o600)
    response = client.post(reverse("registry:import"), {"step": "import", "map_full_name": "ФИО"})
    assert response.status_code == 302
    assert not kept.exists() and not kept.parent.exists()


def test_a_refused_upload_is_deleted_at_once(client_as, settings_home: Path) -> None:
    response = upload_page(client_as("data-entry"), "list.json", b'[{"a": ' + b"[" * 200_000)
    assert "list.json: " in response.content.decode()
    assert not list(settings_home.glob("uploads/*/*"))


def test_uploads_left_pending_go_after_a_day(client_as, settings_home: Path) -> None:
    client = client_as("data-entry")
    upload_page(client, "list.csv", csv_bytes(HEADER, [["Аманов Берик", "Алматы"]]))
    [kept] = (settings_home / "uploads").glob("*/list.csv")
    day_and_more = time.time() - 25 * 3600
    os.utime(kept.parent, (day_and_more, day_and_more))
    client_as("investigator").get(reverse("registry:import"))  # any visit to the page purges
    assert not kept.parent.exists()


def test_opening_the_page_afresh_deletes_the_pending_upload(client_as, settings_home: Path) -> None:
    client = client_as("data-entry")
    upload_page(client, "list.csv", csv_bytes(HEADER, [["Аманов Берик", "Алматы"]]))
    [kept] = (settings_home / "uploads").glob("*/list.csv")
    client.get(reverse("registry:import"))
    assert not kept.exists()


PROBE = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "tergeu.settings"
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE probe (x TEXT)")
    cursor.execute("INSERT INTO probe VALUES ('synthetic')")
"""


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing 0755"])
def test_the_data_directory_and_its_files_are_private(tmp_path: Path, existing: bool) -> None:
    home = tmp_path / "home"
    if existing:  # as an older version left it
        home.mkdir(mode=0o755)
        (home / "secret_key").write_text("an old synthetic key")
        (home / "secret_key").chmod(0o644)
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["TERGEU_HOME"] = str(home)
    subprocess.run([sys.executable, "-c", PROBE], env=env, check=True, preexec_fn=lambda: os.umask(0o022))
    assert mode(home) == 0o700
    files = {path.name: mode(path) for path in home.iterdir() if path.is_file()}
    assert {"secret_key", "tergeu.sqlite3"} <= set(files)
    assert set(files.values()) == {0o600}, files


def test_the_server_refuses_bodies_past_the_upload_limit_before_buffering_them(monkeypatch) -> None:
    from tergeu.registry.importing.uploads import FORM_ALLOWANCE
    from tergeu.web.server import server_limits

    monkeypatch.setenv("TERGEU_MAX_UPLOAD_MB", "3")
    assert server_limits() == {"max_request_body_size": 3 * 1024 * 1024 + FORM_ALLOWANCE}



def test_a_long_cyrillic_file_name_fits_the_file_system() -> None:
    from tergeu.registry.importing.uploads import MAX_FILE_NAME, safe_file_name

    name = safe_file_name("Список погибших в январе " * 8 + ".xlsx")
    assert name.endswith(".xlsx") and len(name.encode("utf-8")) <= MAX_FILE_NAME
    assert safe_file_name("Қаза тапқандар.csv") == "Қаза тапқандар.csv"
