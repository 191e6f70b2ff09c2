"""A history that keeps secrets and shows tampering: redacted fields, scoped entries, the hash chain."""

from __future__ import annotations

import json
import threading

import pytest
from click.testing import CliRunner
from django.db import close_old_connections, connection, transaction

from tergeu.accounts import roles
from tergeu.cli import cli
from tergeu.history import chain, tracking
from tergeu.history.access import visible_entries
from tergeu.history.models import ChangeEntry
from tergeu.history.tracking import Tracking, acting_as, track
from tergeu.provenance.models import Source

pytestmark = pytest.mark.django_db
SECRET = "Тестова Гүлнар, куәгер"  # a synthetic stand-in for a protected person's name


def _log_text() -> str:
    return json.dumps([[e.object_repr, e.before, e.after, e.reason] for e in ChangeEntry.objects.all()],
                      ensure_ascii=False)


def test_redacted_fields_never_enter_the_log(monkeypatch) -> None:
    monkeypatch.setitem(tracking._TRACKED, Source, Tracking(frozenset({"name", "notes"})))
    source = Source.objects.create(name=SECRET, kind="family", notes=SECRET)
    with acting_as("investigator1"):
        source.notes = SECRET + " (2)"
        source.save()
        source.reliability = "C"
        source.save()
    label = f"source {source.public_id}"  # a model with a public id is never labelled by its key
    source.delete()
    text = _log_text()
    assert "Тестова" not in text and "куәгер" not in text
    actions = list(ChangeEntry.objects.order_by("pk").values_list("action", "reason", "object_repr"))
    assert actions == [("create", "", label), ("update", "changed fields kept out of the history", label),
                       ("update", "", label), ("delete", "", label)]
    assert ChangeEntry.objects.get(action="update", reason="").after == {"reliability": "C"}


def test_track_refuses_to_redact_a_field_the_model_lacks() -> None:
    with pytest.raises(ValueError, match="no fields"):
        track(redact=["no_such_field"])(Source)


def test_a_scoped_entry_is_seen_by_those_who_see_its_scope(callers, registry, monkeypatch) -> None:
    """Entries about the shared list's source, scoped to the private list, follow the private list."""
    monkeypatch.setitem(roles.CAPABILITIES, roles.EXPERT_MISSION,
                        roles.CAPABILITIES[roles.EXPERT_MISSION] | {roles.VIEW_HISTORY})
    monkeypatch.setitem(tracking._TRACKED, Source, Tracking(scope=lambda source: registry.private))
    source = registry.shared.source
    source.notes = "moved"
    source.save()
    entry = ChangeEntry.objects.get(object_type__model="source", action="update")
    assert (entry.scope_type.model, entry.scope_id) == ("importedlist", str(registry.private.pk))
    mission = callers[roles.EXPERT_MISSION].user
    assert not visible_entries(mission).filter(pk=entry.pk).exists()  # the source is visible, its scope not
    assert visible_entries(callers[roles.REVIEWER].user).filter(pk=entry.pk).exists()


def _sealed() -> list[ChangeEntry]:
    return list(ChangeEntry.objects.exclude(chain_position=None).order_by("chain_position"))


@pytest.mark.django_db(transaction=True)
def test_every_entry_commits_to_the_one_before_and_tampering_shows() -> None:
    for number in range(4):
        Source.objects.create(name=f"list {number}")
    entries = _sealed()
    assert [e.chain_position for e in entries] == [1, 2, 3, 4] and entries[0].previous_hash == chain.GENESIS
    assert all(later.previous_hash == earlier.entry_hash for earlier, later in zip(entries, entries[1:], strict=False))
    assert chain.verify(_sealed()).intact

    ChangeEntry.objects.filter(pk=entries[2].pk).update(after={"name": "list X"})
    check = chain.verify(_sealed())
    assert (check.broken_at, check.checked) == (entries[2].pk, 2) and "content" in check.problem
    ChangeEntry.objects.filter(pk=entries[2].pk).update(after=entries[2].after)
    ChangeEntry.objects.filter(pk=entries[1].pk).delete()
    assert chain.verify(_sealed()).broken_at == entries[2].pk


@pytest.mark.django_db(transaction=True)
def test_the_newest_entry_removed_shows_against_a_kept_head() -> None:
    for number in range(3):
        Source.objects.create(name=f"list {number}")
    head = chain.verify(_sealed()).head
    ChangeEntry.objects.filter(pk=_sealed()[-1].pk).delete()
    assert chain.verify(_sealed()).intact  # the chain alone cannot tell
    check = chain.verify(_sealed(), expected_head=head)
    assert not check.intact and "removed from its end" in check.problem
    ChangeEntry.objects.all().delete()
    assert not chain.verify(_sealed(), expected_head=head).intact


@pytest.mark.django_db(transaction=True)
def test_numbers_are_hashed_as_the_database_gives_them_back() -> None:
    """PostgreSQL's JSON storage rewrites 5.0 as 5; the hash is taken over what the database gives back."""
    source = Source.objects.create(name="numbers")
    entry = ChangeEntry.objects.get()
    ChangeEntry.objects.filter(pk=entry.pk).update(after={"a": 5.0, "b": 1e300, "c": -0.0, "d": [0.1, 2**60]})
    ChangeEntry.objects.filter(pk=entry.pk).update(chain_position=None)
    chain.seal_pending()
    assert chain.verify(_sealed()).intact
    assert source.pk and chain._number(5.0) == 5 and chain._number(-0.0) == 0 and chain._number(0.1) == 0.1
    assert chain._number(2**53 + 1) != chain._number(2**53)  # integers stay exact


@pytest.mark.django_db(transaction=True)
def test_the_command_line_verifies_the_chain() -> None:
    Source.objects.create(name="a list")
    Source.objects.create(name="another list")
    intact = CliRunner().invoke(cli, ["history", "--verify"])
    assert intact.exit_code == 0 and "intact: 2 entries" in intact.output
    head = _sealed()[-1].entry_hash
    assert CliRunner().invoke(cli, ["history", "--verify", "--expect-head", head]).exit_code == 0
    ChangeEntry.objects.filter(pk=_sealed()[0].pk).update(actor="someone else")
    broken = CliRunner().invoke(cli, ["history", "--verify"])
    assert broken.exit_code == 1 and "broken at entry" in broken.output


def _concurrent_only() -> None:
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memorydb"):
        pytest.skip("an in-memory SQLite test database has no file locks; PostgreSQL runs this test")


@pytest.mark.django_db(transaction=True)
def test_writers_at_the_same_moment_keep_one_chain() -> None:
    _concurrent_only()
    start = threading.Barrier(4)

    def write(number: int) -> None:
        try:
            start.wait(timeout=5)
            for step in range(5):
                Source.objects.create(name=f"writer {number} list {step}")
        finally:
            close_old_connections()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ChangeEntry.objects.count() == 20 and len(_sealed()) == 20
    assert chain.verify(_sealed()).intact


@pytest.mark.django_db(transaction=True)
def test_a_long_transaction_does_not_hold_up_other_writers() -> None:
    """An import keeps its transaction open for minutes; another change meanwhile must not wait for it."""
    _concurrent_only()
    inside, other_done, failures = threading.Event(), threading.Event(), []

    def long_transaction() -> None:
        try:
            with transaction.atomic():
                Source.objects.create(name="a long import")  # its entry is written, not yet committed
                inside.set()
                if not other_done.wait(timeout=20):
                    failures.append("the other writer waited for this transaction")
        finally:
            close_old_connections()

    holder = threading.Thread(target=long_transaction)
    holder.start()
    assert inside.wait(timeout=20)
    Source.objects.create(name="a quick change")
    other_done.set()
    holder.join()
    assert failures == []
    assert chain.verify(_sealed()).intact and len(_sealed()) == 2



def test_entries_about_deleted_rows_stay_visible_to_roles_that_see_every_list(callers, registry) -> None:
    from tergeu.linkage.models import PairDecision
    from tergeu.registry.models import Record

    left, right = Record.objects.filter(imported_list=registry.shared).order_by("pk").values_list("pk", flat=True)[:2]
    decision = PairDecision.objects.create(left_id=left, right_id=right, decision="same", decided_by="reviewer1")
    decision.delete()
    about = ChangeEntry.objects.filter(object_type__model="pairdecision")
    assert sorted(about.values_list("action", flat=True)) == ["create", "delete"]
    for role in (roles.ADMIN, roles.REVIEWER, roles.ANALYST):
        assert visible_entries(callers[role].user).filter(pk__in=about).count() == 2, role


@pytest.mark.django_db(transaction=True)
def test_verifying_reads_only_and_names_entries_never_sealed() -> None:
    import datetime

    from django.utils import timezone

    Source.objects.create(name="a list")
    head = _sealed()[-1].entry_hash
    assert CliRunner().invoke(cli, ["history", "--verify", "--expect-head", f" {head.upper()} "]).exit_code == 0
    assert CliRunner().invoke(cli, ["history", "--expect-head", head]).exit_code == 1  # only with --verify
    forged = ChangeEntry.objects.create(object_type=_sealed()[0].object_type, object_id="1", object_repr="x",
                                        action="update", actor="nobody")
    ChangeEntry.objects.filter(pk=forged.pk).update(at=timezone.now() - datetime.timedelta(days=900))
    result = CliRunner().invoke(cli, ["history", "--verify", "--expect-head", head])
    assert result.exit_code == 1 and "never sealed" in result.output
    assert ChangeEntry.objects.get(pk=forged.pk).chain_position is None  # verifying sealed nothing


@pytest.mark.django_db(transaction=True)
def test_an_empty_log_verifies_against_its_own_head() -> None:
    empty = chain.verify([])
    assert empty.intact and chain.verify([], expected_head=empty.head).intact


@pytest.mark.django_db(transaction=True)
def test_deleting_an_account_leaves_the_chain_intact() -> None:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("temporary-reviewer")
    with acting_as("temporary-reviewer", user):
        Source.objects.create(name="a list")
    user.delete()
    assert ChangeEntry.objects.get().user is None and chain.verify(_sealed()).intact


@pytest.mark.django_db(transaction=True)
def test_a_transaction_is_sealed_once_however_many_entries_it_writes(monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(chain, "seal_pending", lambda: calls.append(1) or 0)
    with transaction.atomic():
        for number in range(5):
            Source.objects.create(name=f"list {number}")
    assert calls == [1]
