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
from tergeu.core.protect import MasterKey, ProtectionError, blind_tokens, finish_rotation, start_rotation
from tergeu.toolkit import locks
from tergeu.witnesses.alerts import alert_reveal
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
REVEAL_WINDOW = datetime.timedelta(hours=1)
REVEAL_LOCK = 0x7465726765750016  # counting a user's recent reveals, then logging one more
IDENTITY_TABLE = Identity._meta.db_table
MASTER_KEY_LOCK = 0x7465726765750015  # adding a person and rotating the master key never overlap


class ProtectionRefused(ValueError):
    """A write or a reveal refused for a reason the caller can act on (the message says which)."""


class ForgetIncomplete(ProtectionRefused):
    """The identity is gone from the database, but the old master key could still open an old backup."""


class RevealLimitReached(ProtectionRefused):
    """The user revealed ``TERGEU_REVEAL_LIMIT`` identities within the last hour (HTTP 429)."""


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


def wrapping_key() -> MasterKey:
    """The key new data keys are wrapped under: the pending one while a rotation is unfinished.

    Once a rotation has committed, rows are wrapped under ``.next`` until its rename; a person added in
    that moment must be wrapped under the key that is about to become the only one, never the old.
    """
    ring = keyring()
    return ring.pending or ring.current


def duplicates_of(name: str, among: QuerySet[ProtectedPerson]) -> QuerySet[ProtectedPerson]:
    """The people of ``among`` whose name shares a blind-index token with ``name`` (any spelling);
    mid-rotation tokens may be under either key, so both are asked."""
    ring = keyring()
    tokens = [token for master in (ring.current, ring.pending) if master is not None
              for token in blind_tokens(master, name).values()]
    return among.filter(blind_tokens__token__in=tokens).distinct()


@transaction.atomic
def add_person(identity: Any, *, by: str, user: Any = None,
               kind: str = ProtectedPerson.Kind.WITNESS) -> ProtectedPerson:
    """A new protected person with a random pseudonym and their identity sealed; ``user`` (when given)
    becomes their first handler (an edit grant), so whoever adds a witness can find them again."""
    identity = check_identity(identity)
    locks.hold(MASTER_KEY_LOCK)  # a rotation cannot re-wrap (and then replace the key of) a half-added person
    master = wrapping_key()
    person = ProtectedPerson(kind=kind, created_by=by)
    keys, wrapped = new_person_keys(person.public_id, master)
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
    _store_tokens(person, identity["name"], master)
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
    from tergeu.witnesses.access import visible_people

    if not visible_people(approved.approved_by).filter(pk=person.pk).exists():
        raise ApprovalNeeded(_("the handler who approved no longer handles this person: ask for a new approval"))
    return approved


def _check_reveal_limit(user: Any) -> None:
    """Refuse a reveal past ``TERGEU_REVEAL_LIMIT`` per user per hour: a stolen session or token must not
    walk through every person it was granted, one request each."""
    if user is None:  # the command line: the operator at the machine, logged like everyone else
        return
    locks.hold(REVEAL_LOCK)
    recent = RevealLog.objects.filter(user=user, at__gte=timezone.now() - REVEAL_WINDOW).count()
    if recent >= settings.TERGEU_REVEAL_LIMIT:
        raise RevealLimitReached(_("you revealed %(n)d identities within the last hour, the most allowed; "
                                   "wait, or ask an administrator") % {"n": recent})


@transaction.atomic
def reveal(person: ProtectedPerson, *, actor: str, reason: str, user: Any = None) -> dict[str, Any]:
    """The identity of one person, read for ``reason`` and logged (who, when, why) before it is returned."""
    reason = check_reason(reason)
    _check_reveal_limit(user)
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
        reason = request.reason  # the reason the approver saw is the one logged, not one typed afterwards
    log = RevealLog.objects.create(person=person, user=user, actor=actor, reason=reason[:500], approved_by=approver)
    transaction.on_commit(lambda: alert_reveal(log))
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


def forget(person: ProtectedPerson, *, by: str) -> int:
    """Crypto-shred a person's identity: destroy the identity key, the sealed identity, the blind tokens
    and the files, and rotate the master key in the same operation; statements and pressure stay.

    An old database backup still holds the wrapped identity key; only a new master key makes it
    useless, so forgetting and rotating are one step. The database part (forget + re-wrap of every
    other person) is one transaction: if it fails, nothing is forgotten and the error says why. If the
    final rename of the key file fails, :class:`ForgetIncomplete` says so and what to run. Returns the
    number of people re-wrapped.
    """
    path = settings.TERGEU_KEY_FILE
    try:
        with transaction.atomic():
            locks.hold(MASTER_KEY_LOCK)
            new = start_rotation(path)
            _destroy_identity(person)
            count = _rewrap_everyone(new)
    except (ProtectionError, OSError) as problem:  # a damaged row, a key folder that cannot be written
        raise ProtectionRefused(_("nothing was forgotten: the master key could not be rotated (%(problem)s)")
                                % {"problem": problem}) from problem
    delete_files(person.public_id)
    try:
        finish_rotation(path, new)
    except OSError as problem:
        raise ForgetIncomplete(
            _("the identity of %(pseudonym)s is deleted from the database, but the new master key could not "
              "replace the old one (%(problem)s): old backups still open it. Fix this and run "
              "`tergeu keys rotate` to finish forgetting.") % {"pseudonym": person.pseudonym, "problem": problem}
        ) from problem
    return count


def _destroy_identity(person: ProtectedPerson) -> None:
    person = ProtectedPerson.objects.select_for_update().get(pk=person.pk)
    Attachment.objects.filter(person=person).delete()
    Identity.objects.filter(person=person).delete()
    BlindToken.objects.filter(person=person).delete()
    person.identity_key, person.forgotten_at = b"", timezone.now()
    person.save(update_fields=["identity_key", "forgotten_at"])


def _rewrap_everyone(new: MasterKey) -> int:
    """Re-wrap every person's data keys under ``new`` and recompute their blind tokens (lock held)."""
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
    return len(people)


def rotate_master_key() -> int:
    """Re-wrap every person's data keys under a new master key and recompute their blind tokens.

    The new key is written beside the old (``.next``) first, the database is changed in one
    transaction holding the lock :func:`add_person` takes (so nobody is added under the old key
    meanwhile), then the new key replaces the old in one rename. Between commit and rename new people
    are wrapped under ``.next`` (:func:`wrapping_key`). An interruption at any point leaves every data
    key readable (``keyring`` reads both files), and running the command again finishes.
    """
    path = settings.TERGEU_KEY_FILE
    with transaction.atomic():
        locks.hold(MASTER_KEY_LOCK)
        new = start_rotation(path)
        count = _rewrap_everyone(new)
    finish_rotation(path, new)
    return count
