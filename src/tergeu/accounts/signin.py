"""Sign-in with throttling against password guessing and an optional TOTP second factor.

After 5 failures for one account, or 20 from one address, within 15 minutes, every attempt is
refused (even with the right password) until the window passes. Staff who enabled TOTP must also give
the current code from their authenticator app.
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tergeu.accounts import totp
from tergeu.accounts.models import LoginFailure, profile_of

WINDOW = datetime.timedelta(minutes=15)
MAX_PER_ACCOUNT = 5
MAX_PER_ADDRESS = 20


def client_address(request: HttpRequest | None) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def is_throttled(username: str, address: str | None) -> bool:
    recent = LoginFailure.objects.filter(at__gte=timezone.now() - WINDOW)
    if recent.filter(username=username.lower()).count() >= MAX_PER_ACCOUNT:
        return True
    return address is not None and recent.filter(address=address).count() >= MAX_PER_ADDRESS


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
        if is_throttled(username, address):
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            LoginFailure.objects.create(username=username, address=address)
            raise
        user = self.get_user()
        secret = profile_of(user).totp_secret if user is not None else ""
        if secret and not totp.verify(secret, self.cleaned_data.get("code") or ""):
            LoginFailure.objects.create(username=username, address=address)
            raise ValidationError(self.error_messages["bad_code"], code="bad_code")
        LoginFailure.objects.filter(username=username).delete()
        return cleaned


class SignInView(LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True
