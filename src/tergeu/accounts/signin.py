"""Sign-in with throttling against password guessing and an optional TOTP second factor.

After 5 failures for one account, or 20 from one address, within 15 minutes, every attempt is
refused (even with the right password) until the window passes. Staff who enabled TOTP must also give
the current code from their authenticator app, and a code is accepted once only.

Every attempt is recorded *before* it is checked and counted with the others: checking first and
recording a failure afterwards let parallel guesses all pass the check (16 at once checked 11
passwords against a limit of 5). A successful sign-in removes its account's records.

Behind a reverse proxy every request comes from the proxy's address, so one address would stand for
everyone (and 20 failures lock all users out). ``TERGEU_TRUSTED_PROXIES`` names the proxies (addresses
or networks, comma-separated); from them, the client is the nearest address in ``X-Forwarded-For``
that is not a trusted proxy. From anyone else the header is ignored: a client could write anything in it.
"""

from __future__ import annotations

import datetime
import ipaddress
from functools import lru_cache

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tergeu.accounts.models import LoginFailure, profile_of
from tergeu.conf import proxy_networks

WINDOW = datetime.timedelta(minutes=15)
MAX_PER_ACCOUNT = 5
MAX_PER_ADDRESS = 20

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=4)
def _networks(spec: str) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(part) for part in proxy_networks(spec))


def trusted_proxies() -> tuple[Network, ...]:
    """The proxies whose ``X-Forwarded-For`` is believed (``settings.TERGEU_TRUSTED_PROXIES``, checked
    when the settings load; none by default)."""
    return _networks(getattr(settings, "TERGEU_TRUSTED_PROXIES", ""))


def _parsed(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def client_address(request: HttpRequest | None) -> str | None:
    """The address of the client, seen through trusted proxies only (see the module docstring).

    A hop that is not an address at all (a forged header passed on by the proxy) is not believed:
    the proxy's own address stands, as it would without the header.
    """
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR")
    proxies = trusted_proxies()
    parsed = _parsed(address or "")
    if parsed is None or not any(parsed in network for network in proxies):
        return address
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(forwarded):
        hop_address = _parsed(hop)
        if hop_address is None:
            return address
        if not any(hop_address in network for network in proxies):
            return hop
    return address


def is_throttled(username: str, address: str | None) -> bool:
    """Whether the attempts recorded in the window, this one included, exceed either limit.

    Records older than the window are deleted here: they count for nothing, and nothing else would.
    """
    since = timezone.now() - WINDOW
    LoginFailure.objects.filter(at__lt=since).delete()
    recent = LoginFailure.objects.filter(at__gte=since)
    if recent.filter(username=username.lower()).count() > MAX_PER_ACCOUNT:
        return True
    return address is not None and recent.filter(address=address).count() > MAX_PER_ADDRESS


class SignInForm(AuthenticationForm):
    code = forms.CharField(label=_("Authenticator code (if you enabled it)"), required=False, max_length=10,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))

    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed sign-ins. Wait 15 minutes and try again."),
        "bad_code": _("The authenticator code is missing or wrong."),
    }

    def clean(self) -> dict:
        username = (self.cleaned_data.get("username") or "").lower()
        address = client_address(self.request)
        attempt = LoginFailure.objects.create(username=username, address=address)  # counted before checked
        if is_throttled(username, address):
            # A refused attempt is not a failure: recording it would let a user retrying while locked
            # stay locked, and let anyone fill the table at request rate without a password hash.
            attempt.delete()
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        cleaned = super().clean()
        user = self.get_user()
        profile = profile_of(user) if user is not None else None
        code = self.cleaned_data.get("code") or ""
        if profile is not None and profile.totp_secret and not profile.accept_code(code):
            raise ValidationError(self.error_messages["bad_code"], code="bad_code")
        LoginFailure.objects.filter(username=username).delete()
        return cleaned


class SignInView(LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True
