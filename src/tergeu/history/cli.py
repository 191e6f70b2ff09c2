"""The history's command: ``tergeu history`` (list entries, or verify the hash chain)."""

from __future__ import annotations

import datetime
import json

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable

from tergeu.toolkit.cli import console, fail, with_django

UNSEALED_GRACE = datetime.timedelta(minutes=5)  # an entry of a transaction still running is not sealed yet


@click.command()
@click.option("--limit", default=50, show_default=True, help="How many entries, newest first.")
@click.option("--actor", help="Only changes by this person.")
@click.option("--verify", is_flag=True, help="Check the hash chain of the whole log instead; exit 1 if broken.")
@click.option("--expect-head", metavar="HASH", help="With --verify: a newest hash kept earlier, which the "
              "chain must still contain (else entries were cut off its end).")
@with_django
def history(limit: int, actor: str | None, verify: bool, expect_head: str | None) -> None:
    """Show the change history: who changed what, when, before and after."""
    from tergeu.history.models import ChangeEntry

    if expect_head and not verify:
        fail("--expect-head checks the chain: give it with --verify")
    if verify:
        _verify(expect_head)
        return
    entries = ChangeEntry.objects.select_related("object_type")
    if actor:
        entries = entries.filter(actor=actor)
    table = RichTable("when", "who", "what", "object", "change")
    for entry in entries[:limit]:
        change = json.dumps(entry.after if entry.action != "delete" else entry.before, ensure_ascii=False)
        table.add_row(f"{entry.at:%Y-%m-%d %H:%M:%S}", escape(entry.actor), escape(entry.get_action_display()),
                      escape(f"{entry.object_type.model} {entry.object_repr}"), escape(change[:120]))
    Console().print(table)


def _verify(expect_head: str | None) -> None:
    """Check the sealed chain (reading only) and say whether entries were left unsealed."""
    from django.utils import timezone

    from tergeu.history import chain
    from tergeu.history.models import ChangeEntry

    sealed = ChangeEntry.objects.exclude(chain_position=None).order_by("chain_position")
    check = chain.verify(sealed.iterator(chunk_size=2000), expected_head=expect_head)
    if not check.intact:
        where = f"at entry {check.broken_at}" if check.broken_at else "at its end"
        fail(f"the change log is broken {where}: {check.problem} ({check.checked:,} entries before it are intact)")
    unsealed = ChangeEntry.objects.filter(chain_position=None, at__lt=timezone.now() - UNSEALED_GRACE).count()
    if unsealed:
        fail(f"{unsealed:,} entries were never sealed into the chain (a process stopped before sealing them, or "
             "they were inserted); the next change seals them, so compare with a copy of the log first")
    console.print(f"The change log is intact: {check.checked:,} entries; newest hash {check.head} "
                  "(keep it elsewhere; --expect-head checks it later)")


COMMANDS = [history]
