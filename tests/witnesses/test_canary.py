"""The canary: a witness with a distinctive name, phone and e-mail goes through every face of Tergeu,
and then nothing Tergeu wrote or served holds any of them in plaintext.

The real commands run in subprocesses on a data directory of their own (a SQLite file with its WAL, or
a PostgreSQL database of its own when the suite runs on PostgreSQL), so what is searched is what an
installation leaves behind: every file under TERGEU_HOME, the exports, the history, the pages and API
answers served (the one reveal answer apart: it is the identity, by design), everything the commands
and the server printed (their log), and a ``pg_dump``. Then decryption: it works with the key, fails
clearly without it, and after ``forget`` fails even with it.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess  # nosec B404: the test runs Tergeu's own commands
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"
# Synthetic: no real person has this name, number, address or e-mail.
CANARY = {"name": "Qzyrbek Canaryev", "contact": "+7 701 555 0199; qzyrbek.canary@example.invalid",
          "date_of_birth": "1990-02-28", "address": "Synthetic street 1, Testville",
          "relatives": "Канареева Синтетика (synthetic sister)", "notes": "synthetic canary witness"}
IDENTITY = ["Qzyrbek", "Canaryev", "555 0199", "5550199", "qzyrbek.canary", "Канареева", "Synthetic street",
            "1990-02-28", "canary-scan.txt"]
# Statement and pressure texts: shown to handlers on the person's page and API answer (their work), nowhere else.
TEXTS = ["synthetic convoy", "synthetic officials", "synthetic neighbour", "withdrew under"]
# Reveal reasons: also in the reveal log (a plain column of the database, documented), never in history or logs.
REASONS = ["checking the canary", "four-eyes canary motive"]
# A complaint of torture (issue 16): its victim and complainant are protected people like the witness.
COMPLAINT = {"kind": "torture", "date": "2022-01-07", "place": "Талдыкорган",
             "description": "beaten with a canary baton",
             "victim": {"name": "Zhyltyr Canarybaeva", "contact": "+7 701 555 0177"},
             "complainant": {"name": "Сарыкеш Канареечная", "contact": "canary.mother@example.invalid"}}
IDENTITY += ["Zhyltyr", "Canarybaeva", "555 0177", "5550177", "Сарыкеш", "Канареечная", "canary.mother"]
TEXTS += ["canary baton", "canary message"]  # handlers read them on the complaint page, nowhere else
NEEDLES = IDENTITY + TEXTS + REASONS
PERSON_FILE = ("person page", "api person", "complaint page")  # where handlers see texts and the reveal log, by design
POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def _hits(blob: bytes | str, where: str, needles: list[str] = NEEDLES) -> list[str]:  # noqa: B006 (never mutated)
    """Which needles occur in ``blob`` (UTF-8, UTF-16 and any case): one line per hit, naming ``where``."""
    text = blob if isinstance(blob, str) else blob.decode("utf-8", "replace")
    raw = blob if isinstance(blob, bytes) else blob.encode("utf-8")
    found = []
    for needle in needles:
        if needle.lower() in text.lower() or needle.encode("utf-16-le") in raw:
            found.append(f"{where}: {needle}")
    return found


class Installation:
    """A data directory (and database) of its own, and the commands run on it, with everything they printed."""

    def __init__(self, home: Path, database_url: str | None) -> None:
        self.home, self.printed = home, []
        self.env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TERGEU_KEY_FILE")}
        self.env |= {"TERGEU_HOME": str(home), "PYTHONPATH": os.pathsep.join([str(SRC), str(HERE.parent)]),
                     "DJANGO_SETTINGS_MODULE": "tergeu.settings"}
        if database_url:
            self.env["DATABASE_URL"] = database_url

    def run(self, *args: str, stdin: str = "", script: Path | None = None,
            log: bool = True) -> subprocess.CompletedProcess:
        command = [sys.executable, str(script), *args] if script else [
            sys.executable, "-c", "from tergeu.cli import main; main()", *args]
        done = subprocess.run(command, input=stdin, env=self.env, capture_output=True, text=True,  # nosec B603
                              timeout=600, check=False)
        self.printed.append((" ".join(args[:2]), done.stderr))
        if log:
            self.printed.append((" ".join(args[:2]) + " (stdout)", done.stdout))
        return done

    def ok(self, *args: str, **kwargs) -> str:
        done = self.run(*args, **kwargs)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout


@pytest.fixture
def database_url():
    """None (SQLite in the data directory), or a PostgreSQL database made for this test and dropped after."""
    if not POSTGRES:
        yield None
        return
    import psycopg

    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    name = f"tergeu_witnesses_canary_{secrets.token_hex(4)}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _fill(tergeu: Installation) -> tuple[str, str]:
    """The canary added, shared with a handler, with statements and pressure; (pseudonym, statement id)."""
    tergeu.ok("init")
    tergeu.ok("--make-handler", script=HERE / "canary_pages.py")
    added = json.loads(tergeu.ok("witnesses", "add", "--handler", "handler", stdin=json.dumps(CANARY)))
    pseudonym = added["pseudonym"]
    statement = json.loads(tergeu.ok("witnesses", "statement", pseudonym, "--text", "-",
                                     stdin="The synthetic convoy passed the square at noon."))["statement"]
    tergeu.ok("witnesses", "statement", pseudonym, "--text", "-", stdin="A second synthetic statement.")
    tergeu.ok("witnesses", "pressure", pseudonym, "--date", "2022-02-01", "--kind", "visit-by-officials", "--stdin",
              stdin=json.dumps({"text": "two synthetic officials came to the flat",
                                "reported_by": "a synthetic neighbour"}))
    tergeu.ok("witnesses", "pressure", pseudonym, "--date", "2022-02-10", "--kind", "retraction", "--not-voluntary",
              "--withdraws", statement, "--stdin", stdin=json.dumps({"text": "withdrew under synthetic pressure"}))
    return pseudonym, statement


def _complain(tergeu: Installation) -> tuple[str, list[str]]:
    """The canary complaint filed, put in a case with steps, its code rotated: (id, every code it had).

    The commands that print a code do so by design (once, to the operator): their output is not searched."""
    added = json.loads(tergeu.ok("complaints", "add", "--handler", "handler", stdin=json.dumps(COMPLAINT), log=False))
    case = json.loads(tergeu.ok("cases", "add", stdin=json.dumps({"number": "CANARY-1", "authority": "prosecutor",
                                                                  "complaints": [added["id"]]})))["id"]
    tergeu.ok("cases", "step", case, "--status", "registered", "--date", "2022-02-01", "--public-note", "registered")
    rotated = json.loads(tergeu.ok("complaints", "code", added["id"], "--rotate", "--by", "handler",
                                   log=False))["access_code"]
    tergeu.ok("report", "funnel", "--json")
    return added["id"], [added["access_code"], rotated]


def _attach(tergeu: Installation, pseudonym: str, tmp_path: Path) -> None:
    """A scan holding the canary is encrypted in; read back (outside the data directory), it is whole."""
    scan = tmp_path / "canary-scan.txt"
    scan.write_text(f"SYNTHETIC ID CARD: {CANARY['name']}, {CANARY['contact']}", encoding="utf-8")
    made = json.loads(tergeu.ok("witnesses", "attach", pseudonym, str(scan)))["attachment"]
    scan.unlink()
    back = tmp_path / "scan-read.txt"
    tergeu.ok("witnesses", "attachment", pseudonym, made, "--reason", "-", "--output", str(back),
              stdin="checking the canary scan")
    assert CANARY["name"] in back.read_text(encoding="utf-8")
    back.unlink()


def test_the_canary_is_nowhere_in_plaintext_and_decrypts_only_with_the_key(tmp_path, database_url) -> None:
    home = tmp_path / "home"
    tergeu = Installation(home, database_url)
    pseudonym, _statement = _fill(tergeu)
    _attach(tergeu, pseudonym, tmp_path)
    complaint, codes = _complain(tergeu)
    needles = NEEDLES + codes + [code.replace("-", "") for code in codes]
    shown = tergeu.run("witnesses", "show", pseudonym, "--reason", "-", "--json", stdin="checking the canary",
                       log=False)
    assert shown.returncode == 0 and json.loads(shown.stdout)["contact"] == CANARY["contact"]

    driven = tergeu.ok(pseudonym, complaint, script=HERE / "canary_pages.py", log=False,
                       stdin=json.dumps({"name": CANARY["name"], "code": codes[-1], "old": codes[0]}))
    pages = json.loads(driven.splitlines()[-1])
    revealed = pages.pop("reveal")
    assert revealed[0] == 200 and CANARY["contact"] in revealed[1]  # the key works through the page too
    assert pages["tampered reveal"][0] == 503 and pages["tampered api reveal"][0] == 503
    assert pages["not found page"][0] == 404 and pages["api refused body"][0] == 422
    assert pages["status page"][0] == 200 and "registered" in pages["status page"][1]  # the code did open it
    assert pages["old code"][0] == 404 and "canary message" in pages["complaint page"][1]
    exports = tmp_path / "exports"
    exports.mkdir()
    tergeu.ok("export", "records", "-o", str(exports / "records.csv"))
    tergeu.ok("export", "people", "--format", "json", "-o", str(exports / "people.jsonl"))
    history = tergeu.ok("history", "--limit", "1000")
    assert pseudonym in history or "protectedperson" in history  # the history did record the work

    in_database = IDENTITY + TEXTS + needles[len(NEEDLES):]  # reasons are a plain column of the reveal log
    hits = [hit for path in sorted(home.rglob("*")) if path.is_file()
            for hit in _hits(path.read_bytes(), str(path.relative_to(home)),
                             in_database if path.name.startswith("tergeu.sqlite3") else needles)]
    assert {p.parent.parent.name for p in home.rglob("*") if p.is_file()} >= {"protected"}  # the scan is there
    assert {p.name for p in home.rglob("*") if p.is_file()} >= ({"master.key"} if POSTGRES else
                                                                {"master.key", "tergeu.sqlite3"})
    hits += [hit for path in exports.iterdir() for hit in _hits(path.read_bytes(), f"export {path.name}", needles)]
    hits += _hits(history, "tergeu history", needles)
    assert pages["four eyes request"][0] == 302  # four eyes were on: a request for approval was stored
    hits += [hit for name, (_status, body) in pages.items()
             for hit in _hits(body, f"served: {name}", IDENTITY + codes if name in PERSON_FILE else needles)]
    hits += [hit for name, output in tergeu.printed for hit in _hits(output, f"printed by {name}", needles)]
    if database_url:
        dump = subprocess.run([shutil.which("pg_dump") or "pg_dump", "--no-owner", database_url],  # nosec B603
                              capture_output=True, check=True, timeout=300).stdout
        assert b"witnesses_identity" in dump
        hits += _hits(dump, "pg_dump", in_database)
    assert hits == []

    hidden = tmp_path / "key-elsewhere"
    (home / "keys" / "master.key").rename(hidden)
    without = tergeu.run("witnesses", "show", pseudonym, "--reason", "trying without the key")
    assert without.returncode == 1 and "master.key: the master key file is missing" in " ".join(without.stderr.split())
    hidden.rename(home / "keys" / "master.key")
    tergeu.ok("witnesses", "forget", pseudonym, "--yes")
    after = tergeu.run("witnesses", "show", pseudonym, "--reason", "trying after forgetting")
    assert after.returncode == 1 and "destroyed" in after.stderr
    assert [hit for name, output in tergeu.printed for hit in _hits(output, name)] == []
