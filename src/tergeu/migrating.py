"""What migrations that move models between apps share.

A model that moves to another app keeps its table (``db_table``) and its rows; only Django's idea of
which app owns it changes. Its content type must move with it: the change history, claims and
permissions point at content type ids, and a new content type for the same table would orphan them
(a record's history would vanish from its page).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def content_types_mover(old_app: str, new_app: str, models: Iterable[str]) -> Callable[[Any, Any], None]:
    """A ``RunPython`` function relabelling the content types of ``models`` from ``old_app`` to ``new_app``.

    On a fresh database there is nothing to relabel (content types are made after migrating). If both
    exist (a half-finished earlier attempt), the old one, which the rows point at, wins.
    """
    names = tuple(models)

    def move(apps: Any, schema_editor: Any) -> None:
        content_type = apps.get_model("contenttypes", "ContentType")
        manager = content_type.objects.db_manager(schema_editor.connection.alias)
        for name in names:
            old = manager.filter(app_label=old_app, model=name).first()
            if old is None:
                continue
            manager.filter(app_label=new_app, model=name).delete()
            old.app_label = new_app
            old.save(update_fields=["app_label"])

    return move


def content_types_mover_back(old_app: str, new_app: str, models: Iterable[str]) -> Callable[[Any, Any], None]:
    """The reverse of ``content_types_mover``, so the move can be unapplied."""
    return content_types_mover(new_app, old_app, models)
