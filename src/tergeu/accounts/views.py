"""Account pages: language choice, TOTP set-up, API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tergeu.accounts import totp
from tergeu.accounts.models import ApiToken, Profile, profile_of

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch language; for a signed-in user the choice is kept in their profile."""
    language = request.POST.get("language", "")
    if language not in LANGUAGE_CODES:
        return HttpResponseBadRequest("unknown language")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    if request.user.is_authenticated:
        profile = profile_of(request.user)
        profile.language = language
        profile.save(update_fields=["language"])
    translation.activate(language)
    response = redirect(target)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
    return response


def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """The admin's sign-in page, which sends everyone to Tergeu's own (throttled, with the second factor).

    Whatever was posted here is ignored: Django's admin form would check the password alone.
    """
    if request.user.is_authenticated:  # signed in, not staff: the sign-in page would send them straight back
        raise PermissionDenied
    target = request.GET.get("next") or "/admin/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/admin/"
    return redirect_to_login(target, settings.LOGIN_URL)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The user's own settings: second factor (staff) and API tokens."""
    profile = profile_of(request.user)
    new_token = None
    pending_secret = request.session.get("tergeu_totp_pending")
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "token":
            _token, new_token = ApiToken.issue(request.user, request.POST.get("name") or "API token")
        elif action == "revoke":
            ApiToken.objects.filter(user=request.user, pk=request.POST.get("token")).delete()
        elif action == "totp-start" and request.user.is_staff:
            pending_secret = request.session["tergeu_totp_pending"] = totp.new_secret()
        elif action == "totp-confirm" and pending_secret:
            if profile.accept_code(request.POST.get("code", ""), secret=pending_secret):  # used up: no replay
                profile.totp_secret = pending_secret
                profile.save(update_fields=["totp_secret"])
                request.session.pop("tergeu_totp_pending", None)
                pending_secret = None
                messages.success(request, _("Two-factor sign-in is on."))
            else:
                messages.error(request, _("That code is wrong; try the next one."))
        elif action == "totp-off":
            _turn_totp_off(request, profile)
    context = {
        "profile": profile, "tokens": request.user.api_tokens.order_by("-created_at"), "new_token": new_token,
        "pending_secret": pending_secret,
        "pending_uri": totp.provisioning_uri(pending_secret, request.user.get_username()) if pending_secret else "",
    }
    return render(request, "accounts/account.html", context)


def _turn_totp_off(request: HttpRequest, profile: Profile) -> None:
    """Turn the second factor off only for someone who knows the password and holds the authenticator:
    a session left open (or stolen) must not be enough to remove the protection."""
    password_ok = request.user.check_password(request.POST.get("password", ""))
    if not (password_ok and profile.accept_code(request.POST.get("code", ""))):
        messages.error(request, _("To turn two-factor sign-in off, give your password and a current code."))
        return
    # bandit B105: the second factor turned off, not a password
    profile.totp_secret = ""  # nosec B105
    profile.save(update_fields=["totp_secret"])
    messages.success(request, _("Two-factor sign-in is off."))
