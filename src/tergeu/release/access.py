"""What the public sees, and who sees which publication marks: the only place the release defines it.

The public release reads the registry as a reader with one grant would: the records of the lists marked
published (``PublishedList``), and nothing else. A person is published when at least one of their
records is in a published list, and is shown as those records alone describe them (names, facts, the
number of lists and sources), exactly as ``linkage.people.person_as_seen`` shows a person to the expert
mission, who sees only the lists shared with it. A list that is not published adds nothing a reader
could see, beyond the grouping the linkage made with its help.

A publication mark is seen by whoever may see its list.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from tergeu.accounts.access import register_visibility
from tergeu.registry.access import visible_lists
from tergeu.registry.models import Record
from tergeu.release.models import PublishedList


def public_records() -> QuerySet[Record]:
    """The records a public reader of the release sees: those of the published lists."""
    return Record.objects.filter(imported_list__publication__isnull=False)


def visible_publications(user: Any) -> QuerySet[PublishedList]:
    return PublishedList.objects.filter(imported_list__in=visible_lists(user).values("pk"))


def register() -> None:
    register_visibility(PublishedList, visible_publications, about_others=True)
