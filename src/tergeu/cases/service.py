"""Every write of a complaint: add one (its victims become protected people), read its sealed texts, and
issue, rotate or revoke its access code.

Views, the API, the import and the commands call these. A complaint's people come in as identities
(dicts, as ``witnesses.service.add_person`` takes them) and leave as pseudonyms; its description and
injuries are sealed under the code holder's record key. The access code is returned once, by the call
that makes it, and only its keyed hash is stored.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from tergeu.cases.models import CaseAlert, Complaint, ComplaintPerson, Facility
from tergeu.cases.vocab import COMPLAINT_KINDS, FACILITY_KINDS, PersonRole
from tergeu.core.cases import code_hash, new_code
from tergeu.core.places import region_of, resolve_place
from tergeu.linkage.models import Person
from tergeu.provenance.vocab import choice_refusal
from tergeu.witnesses.alerts import handlers_of
from tergeu.witnesses.models import ProtectedPerson
from tergeu.witnesses.protection import open_value, seal_value
from tergeu.witnesses.service import ProtectionRefused, add_person, person_keys

COMPLAINT_TABLE = Complaint._meta.db_table
FIELDS = ("kind", "date", "until", "received_on", "place", "facility", "facility_kind", "description", "injuries",
          "perpetrators", "reference", "victim", "complainant", "deceased")


class ComplaintRefused(ProtectionRefused):
    """A complaint that cannot be stored as given (the message names the field)."""


def status_code_key() -> bytes:
    """The key of the codes' hashes: derived from the site's secret key, which is kept outside the database
    (TERGEU_HOME/secret_key or TERGEU_SECRET_KEY). Changing that key makes every code stop working."""
    return hashlib.sha256(b"tergeu.cases.status-code:" + settings.SECRET_KEY.encode("utf-8")).digest()


@sensitive_variables("code")
def hash_code(code: str) -> str:
    return code_hash(status_code_key(), code)


def _day(data: dict[str, Any], field: str) -> datetime.date | None:
    value = data.get(field)
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ComplaintRefused(_("%(field)s: %(value)s is not a date (YYYY-MM-DD)")
                               % {"field": field, "value": str(value)[:40]}) from None


def _text(data: dict[str, Any], field: str, limit: int = 20000) -> str:
    value = data.get(field) or ""
    if not isinstance(value, str):
        raise ComplaintRefused(_("%(field)s must be text") % {"field": field})
    if len(value) > limit:
        raise ComplaintRefused(_("%(field)s is longer than %(n)d characters") % {"field": field, "n": limit})
    return value.strip()


@dataclass(frozen=True)
class Checked:
    kind: str
    occurred_on: datetime.date | None
    occurred_until: datetime.date | None
    received_on: datetime.date | None
    texts: dict[str, str]
    deceased: Person | None


def check_complaint(data: Any) -> Checked:
    """The complaint as it will be stored, or a refusal naming the field (no value is echoed)."""
    if not isinstance(data, dict):
        raise ComplaintRefused(_("the complaint must be a JSON object"))
    if unknown := sorted(set(data) - set(FIELDS)):
        raise ComplaintRefused(_("unknown fields %(unknown)s; the fields are %(fields)s")
                               % {"unknown": ", ".join(unknown), "fields": ", ".join(FIELDS)})
    kind = data.get("kind") or ""
    if refusal := choice_refusal("kind", kind, COMPLAINT_KINDS):
        raise ComplaintRefused(refusal)
    if data.get("facility_kind") and (refusal := choice_refusal("facility_kind", data["facility_kind"],
                                                                FACILITY_KINDS)):
        raise ComplaintRefused(refusal)
    start, until = _day(data, "date"), _day(data, "until")
    if start and until and until < start:
        raise ComplaintRefused(_("until is before date"))
    deceased = None
    if data.get("deceased"):
        deceased = Person.objects.current().filter(public_id=str(data["deceased"])).first()
        if deceased is None:
            raise ComplaintRefused(_("deceased: no person of the registry has this id"))
    if not data.get("victim") and not data.get("complainant"):
        raise ComplaintRefused(_("a complaint needs a victim or a complainant (who receives the access code)"))
    texts = {field: _text(data, field, 300 if field in ("place", "facility", "reference") else 20000)
             for field in ("place", "facility", "description", "injuries", "perpetrators", "reference")}
    return Checked(kind, start, until, _day(data, "received_on"), texts, deceased)


def _facility(name: str, kind: str, place_key: str) -> Facility | None:
    if not name:
        return None
    facility, _made = Facility.objects.get_or_create(name=name, defaults={"kind": kind or "other",
                                                                          "place_key": place_key})
    return facility


def seal_for(holder: ProtectedPerson, table: str, row_id: str, field: str, text: str) -> bytes:
    """``text`` sealed under the code holder's record key, bound to (table, row, field); b"" when empty."""
    return seal_value(person_keys(holder).records, table, row_id, field, text) if text else b""


def open_for(holder: ProtectedPerson, table: str, row_id: str, field: str, sealed: bytes) -> str:
    """What :func:`seal_for` sealed ("" for an empty field); the key file is needed."""
    return open_value(person_keys(holder).records, table, row_id, field, sealed) or ""


def complaint_texts(complaint: Complaint) -> dict[str, str]:
    """The description and injuries, opened with the holder's record key."""
    return {field: open_for(complaint.holder, COMPLAINT_TABLE, complaint.public_id, field, getattr(complaint, field))
            for field in ("description", "injuries")}


@transaction.atomic
def add_complaint(data: Any, *, by: str, user: Any = None) -> tuple[Complaint, str]:
    """A new complaint, its people protected, and its access code (returned here, and never again)."""
    checked = check_complaint(data)
    people = []
    for role in (PersonRole.VICTIM, PersonRole.COMPLAINANT):
        if data.get(role):
            people.append((role, add_person(data[role], by=by, user=user, kind=role)))
    place = resolve_place(checked.texts["place"]) if checked.texts["place"] else None
    place_key = place.key if place else ""
    region = region_of(place_key) if place_key else None
    complaint = Complaint(kind=checked.kind, occurred_on=checked.occurred_on, occurred_until=checked.occurred_until,
                          received_on=checked.received_on, place=checked.texts["place"], place_key=place_key,
                          region_key=region.key if region else "", perpetrators=checked.texts["perpetrators"],
                          reference=checked.texts["reference"], deceased=checked.deceased, created_by=by,
                          facility=_facility(checked.texts["facility"], data.get("facility_kind", ""), place_key),
                          holder=people[-1][1])  # the complainant when there is one, else the victim
    for field in ("description", "injuries"):
        setattr(complaint, field, seal_for(complaint.holder, COMPLAINT_TABLE, complaint.public_id, field,
                                           checked.texts[field]))
    code = new_code()
    complaint.code_hash, complaint.code_issued_at = hash_code(code), timezone.now()
    complaint.save()
    ComplaintPerson.objects.bulk_create(ComplaintPerson(complaint=complaint, person=person, role=role)
                                        for role, person in people)
    if user is not None:
        from tergeu.accounts import grants

        grants.grant(user, complaint, by=by, level="edit", note="added this complaint")
    return complaint, code


def give_handlers(complaint: Complaint, users: list[Any], *, by: str) -> None:
    """Make ``users`` handlers of the complaint and of its people (edit grants): they read its sealed texts,
    receive the complainant's messages, and may issue its code. A complaint nobody handles would take
    messages nobody reads (review M2)."""
    from tergeu.accounts import grants

    for user in users:
        grants.grant(user, complaint, by=by, level="edit")
        for _role, person in pseudonyms(complaint):
            grants.grant(user, person, by=by, level="edit")


def _alert_others(complaint: Complaint, kind: str, by: str, user: Any) -> None:
    """Tell the holder's other handlers that the code changed hands: a rotation they did not make may be
    an account misused to speak as the victim, and the victim's letter no longer works."""
    others = [handler for handler in handlers_of(complaint.holder) if user is None or handler.pk != user.pk]
    CaseAlert.objects.bulk_create(CaseAlert(user=handler, complaint=complaint, kind=kind, actor=by[:150])
                                  for handler in others)


@transaction.atomic
def rotate_code(complaint: Complaint, *, by: str = "", user: Any = None,
                deliver: Callable[[str], object] | None = None) -> str:
    """A new code for the complaint; the old one stops working at once. Returned here only. The callers
    check :func:`tergeu.cases.access.code_managers` first; the holder's other handlers are alerted.

    ``deliver(code)`` (write the letter, the codes file) runs inside the transaction: if it fails, the old
    code stays valid and nothing is lost."""
    code = new_code()
    complaint.code_hash, complaint.code_issued_at, complaint.code_revoked_at = hash_code(code), timezone.now(), None
    complaint.save(update_fields=["code_hash", "code_issued_at", "code_revoked_at"])
    _alert_others(complaint, "code-rotated", by, user)
    if deliver is not None:
        deliver(code)
    return code


@transaction.atomic
def revoke_code(complaint: Complaint, *, by: str = "", user: Any = None) -> None:
    """No code opens the complaint's status page any more (until a new one is issued)."""
    complaint.code_hash, complaint.code_revoked_at = None, timezone.now()
    complaint.save(update_fields=["code_hash", "code_revoked_at"])
    _alert_others(complaint, "code-revoked", by, user)


def pseudonyms(complaint: Complaint) -> list[tuple[str, ProtectedPerson]]:
    """(role, person) of each victim and complainant, for pages: pseudonyms only."""
    return [(row.role, row.person) for row in complaint.people.select_related("person").order_by("role", "pk")]
