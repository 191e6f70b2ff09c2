"""Marking lists as published or withdrawing them: the only writes of ``PublishedList`` (tracked)."""

from __future__ import annotations

from django.db import transaction

from tergeu.history.tracking import current_actor
from tergeu.registry.models import ImportedList
from tergeu.release.models import PublishedList


def publish(imported: ImportedList, note: str = "") -> PublishedList:
    """Let the public release show ``imported``'s records (the mark is kept until withdrawn)."""
    with transaction.atomic():
        mark = PublishedList.objects.filter(imported_list=imported).first() or PublishedList(imported_list=imported)
        mark.published_by, mark.note = current_actor()[0], note.strip()[:2000]
        mark.save()
    return mark


def withdraw(imported: ImportedList) -> bool:
    """Stop publishing ``imported``; False when it was not published. The next release removes the
    people only it named, with the reason "withheld"."""
    with transaction.atomic():
        mark = PublishedList.objects.filter(imported_list=imported).first()
        if mark is None:
            return False
        mark.delete()
    return True


def published_lists() -> list[ImportedList]:
    return list(ImportedList.objects.filter(publication__isnull=False).order_by("pk"))
