"""Every write of a protected person: add, find duplicates, reveal (logged, with a reason), forget, rotate.

Views, the API and the commands call these; none of them writes a model itself. An identity goes in
as a dict and comes out only through :func:`reveal`, which requires a reason and leaves a
``RevealLog`` row the person's handlers see. There is no function that reveals more than one person.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tergeu.accounts import grants
from tergeu.accounts.models import Grant
from tergeu.core.protect import MasterKey, blind_tokens, finish_rotation, start_rotation
from tergeu.witnesses.models import (
    IDENTITY_FIELDS,
    Attachment,
    BlindToken,
    Identity,
    ProtectedPerson,
    RevealLog,
    RevealRequest,
)
from tergeu.witnesses.protection import (
    PersonKeys,
    WrappedKeys,
    delete_files,
    keyring,
    new_person_keys,
    new_pseudonym,
    open_person_keys,
    open_value,
    seal_value,
    wrap_keys,
)

PREFIXES = {ProtectedPerson.Kind.WITNESS: "W", ProtectedPerson.Kind.VICTIM: "V", ProtectedPerson.Kind.COMPLAINANT: "C"}
MIN_REASON = 10
FOUR_EYES_VALID = datetime.timedelta(hours=24)
IDENTITY_TABLE = Identity._meta.db_table


class ProtectionRefused(ValueError):
    """A write or a reveal refused for a reason the caller can act on (the message says which)."""


class ApprovalNeeded(ProtectionRefused):
    """Four eyes are on and the user holds no approved request to reveal this person."""


def check_identity(identity: Any) -> dict[str, Any]:
    """The identity as stored: a JSON object with a non-empty ``name``, only the known fields."""
    if not isinstance(identity, dict):
        raise ProtectionRefused(_("the identity must be a JSON object"))
    unknown = sorted(set(identity) - set(IDENTITY_FIELDS))
    if unknown:
        raise ProtectionRefused(_("unknown identity fields %(unknown)s; the fields are %(fields)s")
                                % {"unknown": ", ".join(unknown), "fields": ", ".join(IDENTITY_FIELDS)})
    name = identity.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ProtectionRefused(_("the identity needs a name"))
    return {field: value for field, value in identity.items() if value not in (None, "", [])}


def person_keys(person: ProtectedPerson) -> PersonKeys:
    return open_person_keys(person.public_id, WrappedKeys(person.identity_key, person.record_key, person.key_id))


def _store_tokens(person: ProtectedPerson, name: str, master: MasterKey) -> None:
    BlindToken.objects.bulk_create(BlindToken(person=person, kind=kind, token=token)
                                   for kind, token in blind_tokens(master, name).items())


def duplicates_of(name: str, among: QuerySet[ProtectedPerson]) -> QuerySet[ProtectedPerson]:
    """The people of ``among`` whose name shares a blind-index token with ``name`` (any spelling)."""
    tokens = blind_tokens(keyring().current, name).values()
    return among.filter(blind_tokens__token__in=list(tokens)).distinct()


@transaction.atomic
def add_person(identity: Any, *, by: str, user: Any = None,
               kind: str = ProtectedPerson.Kind.WITNESS) -> ProtectedPerson:
    """A new protected person with a random pseudonym and their identity sealed; ``user`` (when given)
    becomes their first handler (an edit grant), so whoever adds a witness can find them again."""
    identity = check_identity(identity)
    person = ProtectedPerson(kind=kind, created_by=by)
    keys, wrapped = new_person_keys(person.public_id)
    person.identity_key, person.record_key, person.key_id = wrapped.identity, wrapped.records, wrapped.key_id
    for _attempt in range(20):
        person.pseudonym = new_pseudonym(PREFIXES[kind])
        try:
            with transaction.atomic():
                person.save()
            break
        except IntegrityError:
            continue
    else:
        raise ProtectionRefused("no free pseudonym found; try again")
    Identity.objects.create(person=person, **{
        field: seal_value(keys.identity, IDENTITY_TABLE, person.public_id, field, value)
        for field, value in identity.items()})
    _store_tokens(person, identity["name"], keyring().current)
    if user is not None:
        grants.grant(user, person, by=by, level=Grant.Level.EDIT, note="added this person")
    return person


def check_reason(reason: str) -> str:
    """The reason for a reveal, stripped; refused when too short to say anything."""
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise ProtectionRefused(_("give the reason for revealing this identity (at least %(n)d characters)")
                                % {"n": MIN_REASON})
    return reason


def _check_four_eyes(person: ProtectedPerson, user: Any) -> RevealRequest | None:
    """The approved, unused request that lets ``user`` reveal now (four eyes on); refusal otherwise."""
    if user is None or not settings.TERGEU_REVEAL_FOUR_EYES:
        return None
    approved = (RevealRequest.objects.select_for_update()
                .filter(person=person, requested_by=user, approved_at__gte=timezone.now() - FOUR_EYES_VALID,
                        used_at=None).exclude(approved_by=None).first())
    if approved is None:
        raise ApprovalNeeded(_("revealing needs a second handler's approval: ask for it first"))
    return approved


@transaction.atomic
def reveal(person: ProtectedPerson, *, actor: str, reason: str, user: Any = None) -> dict[str, Any]:
    """The identity of one person, read for ``reason`` and logged (who, when, why) before it is returned."""
    reason = check_reason(reason)
    request = _check_four_eyes(person, user)
    keys = person_keys(person)
    identity = Identity.objects.filter(person=person).first()
    if identity is None or keys.identity is None:
        open_value(None, IDENTITY_TABLE, person.public_id, "name", b"")  # raises ForgottenError
    values = {field: open_value(keys.identity, IDENTITY_TABLE, person.public_id, field, getattr(identity, field))
              for field in IDENTITY_FIELDS}
    approver = ""
    if request is not None:
        request.used_at = timezone.now()
        request.save(update_fields=["used_at"])
        approver = request.approved_by.get_username()
    RevealLog.objects.create(person=person, user=user, actor=actor, reason=reason[:500], approved_by=approver)
    return {field: value for field, value in values.items() if value is not None}


def request_reveal(person: ProtectedPerson, user: Any, reason: str) -> RevealRequest:
    return RevealRequest.objects.create(person=person, requested_by=user, reason=check_reason(reason)[:500])


@transaction.atomic
def approve_reveal(request: RevealRequest, approver: Any) -> RevealRequest:
    """A second handler approves; never the one who asked (that would be two eyes, not four)."""
    request = RevealRequest.objects.select_for_update().get(pk=request.pk)
    from tergeu.witnesses.access import visible_people

    if not visible_people(approver).filter(pk=request.person_id).exists():
        raise ProtectionRefused(_("only a handler of this person may approve"))
    if request.requested_by_id == approver.pk:
        raise ProtectionRefused(_("a reveal must be approved by another handler than the one who asked"))
    if request.approved_at is not None:
        raise ProtectionRefused(_("this request was already approved"))
    request.approved_by, request.approved_at = approver, timezone.now()
    request.save(update_fields=["approved_by", "approved_at"])
    return request


@transaction.atomic
def forget(person: ProtectedPerson, *, by: str) -> None:
    """Destroy the identity key, the sealed identity and the blind tokens; statements and pressure stay.

    The identity cannot be read again with the master key. Old database backups still hold the wrapped
    identity key: rotating the master key afterwards (``tergeu keys rotate``, which ``tergeu witnesses
    forget`` does) and destroying the old key's backups makes those unreadable too.
    """
    person = ProtectedPerson.objects.select_for_update().get(pk=person.pk)
    Attachment.objects.filter(person=person).delete()
    delete_files(person.public_id)
    Identity.objects.filter(person=person).delete()
    BlindToken.objects.filter(person=person).delete()
    person.identity_key, person.forgotten_at = b"", timezone.now()
    person.save(update_fields=["identity_key", "forgotten_at"])


def rotate_master_key() -> int:
    """Re-wrap every person's data keys under a new master key and recompute their blind tokens.

    The new key is written beside the old (``.next``) first, the database is changed in one
    transaction, then the new key replaces the old in one rename: an interruption at any point leaves
    every data key readable (``keyring`` reads both files), and running the command again finishes.
    """
    path = settings.TERGEU_KEY_FILE
    new = start_rotation(path)
    with transaction.atomic():
        people = list(ProtectedPerson.objects.select_for_update(of=("self",)).select_related("identity"))
        for person in people:
            keys = person_keys(person)
            wrapped = wrap_keys(new, keys)
            person.identity_key, person.record_key, person.key_id = wrapped.identity, wrapped.records, wrapped.key_id
            person.save(update_fields=["identity_key", "record_key", "key_id"])
            BlindToken.objects.filter(person=person).delete()
            if keys.identity is not None and hasattr(person, "identity"):
                name = open_value(keys.identity, IDENTITY_TABLE, person.public_id, "name", person.identity.name)
                _store_tokens(person, name, new)
    finish_rotation(path)
    return len(people)
