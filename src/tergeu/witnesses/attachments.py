"""Identity documents and photos of a protected person, encrypted at rest like every identity field.

The bytes are sealed with the person's identity key, bound to the attachment's public id, and written
whole to ``TERGEU_HOME/protected/<person>/<attachment>`` (``protection.write_sealed_file``: a 0700
folder of 0600 files named by random ids only; the file's own name is sealed in the row). Reading one
back is a reveal: it takes a reason and is logged. ``forget`` deletes the files with the key.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from tergeu.core.protect import field_context, open_sealed, seal
from tergeu.witnesses.models import Attachment, ProtectedPerson, RevealLog
from tergeu.witnesses.protection import files_folder, open_value, seal_value, write_sealed_file
from tergeu.witnesses.service import ProtectionRefused, check_reason, person_keys

TABLE = Attachment._meta.db_table
MAX_BYTES = 50 * 1024 * 1024


@transaction.atomic
def attach(person: ProtectedPerson, data: bytes, filename: str, *, by: str) -> Attachment:
    """Encrypt ``data`` (a scan, a photo) for ``person``; ``filename`` is kept sealed too."""
    if not data:
        raise ProtectionRefused("the file is empty")
    if len(data) > MAX_BYTES:
        raise ProtectionRefused(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    person.refresh_from_db(fields=["identity_key", "record_key", "key_id", "forgotten_at"])  # forgotten since?
    keys = person_keys(person)
    if keys.identity is None:
        raise ProtectionRefused("this person's identity was destroyed; nothing can be attached")
    attachment = Attachment(person=person, size=len(data), added_by=by)
    attachment.label = seal_value(keys.identity, TABLE, attachment.public_id, "label", filename)
    sealed = seal(keys.identity, data, field_context(TABLE, attachment.public_id, "content"))
    write_sealed_file(person.public_id, attachment.public_id, sealed)
    attachment.save()
    return attachment


@transaction.atomic
def read_attachment(attachment: Attachment, *, actor: str, reason: str, user: Any = None) -> tuple[str, bytes]:
    """(file name, bytes) of one attachment, read for ``reason`` and logged like any reveal."""
    reason = check_reason(reason)
    person = attachment.person
    keys = person_keys(person)
    name = open_value(keys.identity, TABLE, attachment.public_id, "label", attachment.label)
    sealed = (files_folder(person.public_id) / attachment.public_id).read_bytes()
    data = open_sealed(keys.identity, sealed, field_context(TABLE, attachment.public_id, "content"))
    RevealLog.objects.create(person=person, user=user, actor=actor, reason=f"[{attachment.public_id}] {reason}"[:500])
    return name, data
