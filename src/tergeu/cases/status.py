"""The victim's status page behind the access code: the check (throttled, constant in time), what the
complainant is shown, the visit log, and the message they may leave for the handlers.

A wrong code and a revoked one are the same 404 with no hint; after ``MAX_WRONG`` wrong codes from one
address within ``WINDOW``, every attempt from it (a right code too) is refused until the window passes.
Attempts are counted and checked under a lock per counted address (an IPv6 /64 counts as one), so
parallel guesses cannot all slip under the limit, and a flood from one address does not queue the others.
The address is kept only as a keyed hash, and only for wrong codes; a right code leaves a visit (when,
which complaint), never the code or the address.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import ipaddress
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from tergeu.cases.models import CaseAlert, CaseStep, Complaint, StatusFailure, StatusVisit, VictimMessage
from tergeu.cases.proceedings import state_of
from tergeu.cases.service import ComplaintRefused, hash_code, open_for, seal_for, status_code_key
from tergeu.cases.vocab import expected_label
from tergeu.toolkit import locks
from tergeu.witnesses.alerts import handlers_of

WINDOW = datetime.timedelta(minutes=15)
MAX_WRONG = 20
STATUS_LOCK = 0x7465726765750020  # base of the per-address locks: counting its wrong codes, then one more
MESSAGE_LIMIT = 4000
MESSAGES_PER_WINDOW = 5  # messages a complaint's page may send per MESSAGE_WINDOW
MESSAGE_WINDOW = datetime.timedelta(hours=1)
MESSAGE_TABLE = VictimMessage._meta.db_table
logger = logging.getLogger("tergeu.cases")


class TooManyAttempts(Exception):
    """The address gave ``MAX_WRONG`` wrong codes within ``WINDOW`` (HTTP 429, a cool-down)."""


def counted_as(address: str | None) -> str:
    """What the cool-down counts: the address, or for IPv6 its /64 (one host holds a whole /64, so
    counting each /128 would give it billions of tries)."""
    try:
        parsed = ipaddress.ip_address(address or "")
    except ValueError:
        return address or "?"
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is None:
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False))
    return str(parsed.ipv4_mapped or parsed) if isinstance(parsed, ipaddress.IPv6Address) else str(parsed)


def _address_key(address: str | None) -> str:
    return hmac.new(status_code_key(), b"address:" + counted_as(address).encode(), hashlib.sha256).hexdigest()


def _lock_of(key: str) -> int:
    """One lock per counted address (PostgreSQL), so a flood from one address does not queue the others."""
    return STATUS_LOCK ^ int(key[:12], 16)


@transaction.atomic
@sensitive_variables("code", "wanted")
def open_with_code(code: str, address: str | None) -> Complaint | None:
    """The complaint the code opens (a visit is logged), None for a wrong or revoked code; raises
    :class:`TooManyAttempts` during a cool-down. The same queries run whether the code is right or not."""
    key = _address_key(address)
    locks.hold(_lock_of(key))
    now = timezone.now()
    StatusFailure.objects.filter(at__lt=now - WINDOW).delete()
    if StatusFailure.objects.filter(address=key, at__gte=now - WINDOW).count() >= MAX_WRONG:
        raise TooManyAttempts
    wanted = hash_code(code)
    found = Complaint.objects.filter(code_hash=wanted).first()
    if found is None or not hmac.compare_digest(found.code_hash or "", wanted):
        StatusFailure.objects.create(address=key)
        return None
    StatusVisit.objects.create(complaint=found)
    logger.info("status page opened for complaint %s", found.public_id)
    return found


@dataclass(frozen=True)
class CaseView:
    """One case as the complainant sees it: public parts only."""

    number: str
    authority: str
    article: str
    contact: str
    steps: list[CaseStep]
    next_status: str | None
    next_label: str
    overdue: bool
    officials: list[tuple[str, str, str]]  # (name, position, outcome label) of those marked public


def status_of(complaint: Complaint) -> list[CaseView]:
    """The complaint's cases, their steps (dates, status, public notes), what comes next, whom to contact."""
    views = []
    for case in complaint.cases.order_by("number"):
        state = state_of(case)
        views.append(CaseView(
            case.number, case.authority_name or case.get_authority_display(), case.article, case.contact,
            list(case.steps.order_by("on", "pk")), state.next_status,
            expected_label(state.next_status), state.overdue,
            [(o.name, o.position, o.get_outcome_display()) for o in case.officials.filter(public=True)]))
    return views


@transaction.atomic
@sensitive_variables("text")
def leave_message(complaint: Complaint, text: str) -> VictimMessage:
    """Seal the complainant's message under the holder's record key and alert the holder's handlers."""
    text = (text or "").strip()
    if not text:
        raise ComplaintRefused(_("the message is empty"))
    if len(text) > MESSAGE_LIMIT:
        raise ComplaintRefused(_("the message is longer than %(n)d characters") % {"n": MESSAGE_LIMIT})
    Complaint.objects.select_for_update().filter(pk=complaint.pk).first()  # count, then add, one at a time
    recent = VictimMessage.objects.filter(complaint=complaint, received_at__gte=timezone.now() - MESSAGE_WINDOW)
    if recent.count() >= MESSAGES_PER_WINDOW:  # a seized phone must not flood the handlers (review L1)
        raise ComplaintRefused(_("You have sent several messages in the last hour. Please try again later."))
    message = VictimMessage(complaint=complaint)
    message.text = seal_for(complaint.holder, MESSAGE_TABLE, message.public_id, "text", text)
    message.save()
    transaction.on_commit(lambda: alert_message(message))
    return message


def has_readers(complaint: Complaint) -> bool:
    """Whether anyone handles the code holder, so would read a message (the page says so only then)."""
    return bool(handlers_of(complaint.holder))


def alert_message(message: VictimMessage) -> int:
    """One alert per handler of the complaint's code holder; names the complaint, never the message. With
    no handler, a warning in the log (the complaint's id only) for the custodian to assign one."""
    handlers = handlers_of(message.complaint.holder)
    CaseAlert.objects.bulk_create(CaseAlert(user=user, message=message) for user in handlers)
    if handlers:
        logger.info("a message was left on the status page of complaint %s", message.complaint.public_id)
    else:
        logger.warning("a message was left on the status page of complaint %s, which nobody handles: "
                       "assign a handler (tergeu witnesses share)", message.complaint.public_id)
    return len(handlers)


def message_text(message: VictimMessage) -> str:
    """The message, opened for a handler (the page that calls this is the holder's handlers' only)."""
    return open_for(message.complaint.holder, MESSAGE_TABLE, message.public_id, "text", message.text)
