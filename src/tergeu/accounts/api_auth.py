"""Who is calling: an API token (``Authorization: Bearer tg_...``) or the signed-in browser session.

Tokens are looked up by their SHA-256 digest, the only form in which they are stored. A request that
presents a bearer token which does not match is refused outright instead of falling back to the
session, so a script with a revoked token fails loudly. The session is only trusted for unsafe methods
when the request passes Django's CSRF check, as a form on the site would.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from tergeu.accounts.models import ApiToken

# Writing last_used_at on every request would make each read a write (and wait for SQLite's write lock
# during a long import); a resolution of minutes is all an administrator needs to spot a stale token.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=5)


class TokenAuth(HttpBearer):
    """Bearer API tokens issued with ``ApiToken.issue``."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.objects.select_related("user").filter(digest=ApiToken.digest_of(token.strip())).first()
        if found is None or not found.user.is_active:
            raise AuthenticationError(401, "Invalid or revoked API token.")
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user  # so code that reads request.user sees the token's owner
        return found.user


class SessionAuth(APIKeyCookie):
    """The Django session, CSRF-checked for unsafe methods.

    Unlike Ninja's ``django_auth`` it checks CSRF only for a signed-in user: an anonymous POST must
    get 401 (who are you?), not 403 (bad CSRF token).
    """

    param_name = "sessionid"

    def __init__(self) -> None:
        from django.conf import settings

        self.param_name = settings.SESSION_COOKIE_NAME
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed: send the X-CSRFToken header the site's forms use, "
                                 "or authenticate with an API token.")
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user if request.user.is_authenticated else None


api_auth = [TokenAuth(), SessionAuth()]
