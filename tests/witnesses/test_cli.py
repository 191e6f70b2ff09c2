"""`tergeu witnesses ...` and `tergeu keys ...`: identities on stdin, clear errors, a logged show."""

from __future__ import annotations

import json
import stat

import pytest
from click.testing import CliRunner

from tergeu.cli import cli
from tergeu.witnesses.models import ProtectedPerson, RevealLog, Statement
from witness_fixtures import CANARY

pytestmark = pytest.mark.django_db(transaction=True)
PASSPHRASE = "a synthetic passphrase for tests"


def run(*args: str, stdin: str = "") -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output


def _add(identity: dict) -> dict:
    code, out = run("witnesses", "add", "--json", stdin=json.dumps(identity))
    assert code == 0, out
    return json.loads(out.strip().splitlines()[-1])


def test_add_statement_pressure_show_and_forget(master_key) -> None:
    added = _add(CANARY)
    person = ProtectedPerson.objects.get(public_id=added["id"])
    assert added["pseudonym"] == person.pseudonym and added["similar"] == []
    assert _add({"name": "CANARYEV Qzyrbek"})["similar"] == [person.pseudonym]  # same name, other order
    code, out = run("witnesses", "statement", person.pseudonym, "--text", "A synthetic account.")
    assert code == 0, out
    statement = Statement.objects.get(person=person)
    code, out = run("witnesses", "pressure", person.public_id, "--date", "2022-03-01", "--kind", "retraction",
                    "--not-voluntary", "--withdraws", statement.public_id, "--text", "synthetic visit")
    assert code == 0, out
    statement.refresh_from_db()
    assert statement.retracted
    code, out = run("witnesses", "show", person.pseudonym, "--reason", "-", "--json", stdin="checking the court file")
    assert code == 0 and json.loads(out)["contact"] == CANARY["contact"]
    assert RevealLog.objects.get(person=person).reason == "checking the court file"
    assert run("witnesses", "forget", person.pseudonym)[0] == 1
    code, out = run("witnesses", "forget", person.pseudonym, "--yes")
    assert code == 0, out
    code, out = run("witnesses", "show", person.pseudonym, "--reason", "after forgetting it")
    assert code == 1 and "destroyed" in out and "Canaryev" not in out


def test_show_names_the_missing_key_file_and_reveals_nothing(master_key, settings, tmp_path) -> None:
    person = _add(CANARY)["pseudonym"]
    settings.TERGEU_KEY_FILE = tmp_path / "absent" / "master.key"
    code, out = run("witnesses", "show", person, "--reason", "without the key file")
    assert code == 1 and "absent/master.key: the master key file is missing" in " ".join(out.split())
    assert "Canaryev" not in out and not RevealLog.objects.exists()


@pytest.mark.parametrize(("stdin", "message"), [
    ("{not json", "stdin, line 1, column 2: not JSON"),
    ('{"contact": "x"}', "the identity needs a name"),
    ('{"name": "Synthetic One", "passport": "1"}', "unknown identity fields passport"),
])
def test_add_refuses_bad_input_and_writes_nothing(master_key, stdin: str, message: str) -> None:
    code, out = run("witnesses", "add", stdin=stdin)
    assert code == 1 and message in out and not ProtectedPerson.objects.exists()


def test_keys_backup_restore_and_rotate(master_key, tmp_path) -> None:
    person = _add(CANARY)["pseudonym"]
    backup = tmp_path / "key-backup.json"
    code, out = run("keys", "backup", "--output", str(backup), stdin=PASSPHRASE + "\n")
    assert code == 0, out
    original = master_key.read_bytes()
    master_key.unlink()
    assert run("keys", "restore", str(backup), stdin="a wrong passphrase here\n")[1].count("wrong passphrase") == 1
    code, out = run("keys", "restore", str(backup), stdin=PASSPHRASE + "\n")
    assert code == 0, out
    assert master_key.read_bytes() == original and stat.S_IMODE(master_key.stat().st_mode) == 0o600
    code, out = run("keys", "rotate")
    assert code == 0 and "1 people re-wrapped" in out
    assert master_key.read_bytes() != original
    assert run("witnesses", "show", person, "--reason", "after the rotation")[0] == 0


def test_init_creates_the_key_file_owner_only(settings, tmp_path) -> None:
    settings.TERGEU_KEY_FILE = tmp_path / "keys" / "master.key"
    code, out = run("init")
    assert code == 0, out
    assert stat.S_IMODE(settings.TERGEU_KEY_FILE.stat().st_mode) == 0o600
    before = settings.TERGEU_KEY_FILE.read_bytes()
    assert run("init")[0] == 0 and settings.TERGEU_KEY_FILE.read_bytes() == before  # never replaced


def test_share_makes_a_handler_and_revoke_ends_it(master_key) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from tergeu.accounts.roles import ensure_role_groups
    from tergeu.witnesses.access import editable_people, visible_people

    ensure_role_groups()
    user = get_user_model().objects.create_user("second")
    user.groups.add(Group.objects.get(name="investigator"))
    person = _add(CANARY)["pseudonym"]
    assert run("witnesses", "share", person, "second", "--view-only")[0] == 0
    assert visible_people(user).count() == 1 and not editable_people(user).exists()
    assert run("witnesses", "share", person, "second")[0] == 0
    assert editable_people(user).count() == 1
    assert run("witnesses", "share", person, "second", "--revoke")[0] == 0
    assert not visible_people(user).exists()
    assert run("witnesses", "share", person, "nobody-such")[1].count("no user nobody-such") == 1


def test_the_server_refuses_to_start_with_a_key_file_others_may_read(master_key) -> None:
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    call_command("check")
    master_key.chmod(0o640)
    with pytest.raises(SystemCheckError, match="witnesses.E001.*readable by others"):
        call_command("check")


def test_serve_refuses_to_start_with_a_key_file_others_may_read(master_key, monkeypatch) -> None:
    """Review 15, finding 9: the check must run under `tergeu serve`, not only under `check`."""
    import tergeu.web.server

    started = []
    monkeypatch.setattr(tergeu.web.server, "run", lambda *args: started.append(args))
    master_key.chmod(0o644)
    code, out = run("serve", "--port", "8917")
    assert code == 1 and "witnesses.E001" in out and "readable by others" in out and started == []
    master_key.chmod(0o600)
    assert run("serve", "--port", "8917")[0] == 0 and len(started) == 1


def test_init_warns_when_the_key_file_is_inside_the_data_directory(settings, tmp_path) -> None:
    settings.TERGEU_KEY_FILE = settings.TERGEU_HOME / "keys" / "init-test.key"
    code, out = run("init")
    assert code == 0 and "a copy or backup of that whole folder carries the key" in " ".join(out.split())
    settings.TERGEU_KEY_FILE = tmp_path / "elsewhere" / "master.key"
    code, out = run("init")
    assert code == 0 and "whole folder" not in out


def _run_split(*args: str, stdin: str | bytes = "") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_texts_about_a_person_come_on_stdin_and_argv_forms_are_warned(master_key) -> None:
    """Review 15, finding 7: argv is readable by every local user (ps) and stays in shell history."""
    from tergeu.witnesses import records
    from tergeu.witnesses.models import Attachment

    person = ProtectedPerson.objects.get(public_id=_add(CANARY)["id"])
    code, out, err = _run_split("witnesses", "statement", person.pseudonym, "--text", "-",
                                stdin="A synthetic account from stdin.")
    assert code == 0 and "warning" not in err, out + err
    code, out, err = _run_split("witnesses", "pressure", person.pseudonym, "--date", "2022-03-01", "--kind",
                                "threat", "--stdin", stdin=json.dumps({"text": "synthetic threat",
                                                                       "reported_by": "a synthetic neighbour"}))
    assert code == 0 and "warning" not in err, out + err
    assert records.pressure_log(person)[0][1]["reported_by"] == "a synthetic neighbour"
    code, out, err = _run_split("witnesses", "pressure", person.pseudonym, "--date", "2022-03-01", "--kind",
                                "threat", "--stdin", stdin=json.dumps({"txt": "typo"}))
    assert code == 1 and "unknown fields txt" in out + err
    code, out, err = _run_split("witnesses", "show", person.pseudonym, "--reason", "-", "--json",
                                stdin="checking the court file\n")
    assert code == 0 and "warning" not in err and json.loads(out)["name"] == CANARY["name"]
    assert RevealLog.objects.get(person=person).reason == "checking the court file"
    code, out, err = _run_split("witnesses", "attach", person.pseudonym, "-", stdin=b"synthetic scan bytes")
    assert code == 0 and "warning" not in err and Attachment.objects.get(person=person).size == 20
    code, out, err = _run_split("witnesses", "pressure", person.pseudonym, "--date", "2022-03-02", "--kind",
                                "threat", "--text", "synthetic call")
    assert code == 0 and "--text given as an argument is readable by every local user" in err
    code, out, err = _run_split("witnesses", "statement", person.pseudonym, "--text", "A synthetic argv account.")
    assert code == 0 and "warning: --text" in err


def test_keys_backup_refuses_during_an_unfinished_rotation(master_key) -> None:
    """Review 15, finding 13c: rows may already be wrapped under master.key.next."""
    from tergeu.core.protect import start_rotation

    start_rotation(master_key)
    code, out = run("keys", "backup", stdin=PASSPHRASE + "\n" + PASSPHRASE + "\n")
    assert code == 1 and "rotation is unfinished" in " ".join(out.split()) and "sealed_key" not in out
    assert run("keys", "rotate")[0] == 0
    code, out = run("keys", "backup", stdin=PASSPHRASE + "\n" + PASSPHRASE + "\n")
    assert code == 0 and "sealed_key" in out
