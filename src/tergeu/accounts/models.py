"""Per-user settings, API tokens, the record of failed sign-ins, and grants of single objects."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tergeu.accounts import totp


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tergeu_profile")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    totp_secret = models.CharField(max_length=64, blank=True, help_text=_("base32; empty when TOTP is off"))
    # The 30-second step of the last code accepted: a code (or an earlier one) is never accepted twice,
    # so a code seen over a shoulder or in a proxy log is worthless once used.
    totp_last_step = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"profile of {self.user}"

    def accept_code(self, code: str, secret: str | None = None) -> bool:
        """Whether ``code`` is current for ``secret`` (the profile's own by default) and newer than the
        last code accepted; accepting it uses its step up, atomically, so the same code sent twice (or
        seen and replayed) passes once only."""
        step = totp.matching_step(secret or self.totp_secret, code)
        if step is None:
            return False
        used = Profile.objects.filter(pk=self.pk, totp_last_step__lt=step).update(totp_last_step=step) == 1
        if used:
            self.totp_last_step = step
        return used


def profile_of(user: models.Model) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode("utf-8")).hexdigest()

    @classmethod
    def issue(cls, user: models.Model, name: str) -> tuple[ApiToken, str]:
        """Create a token; return it with its secret text, which is never stored."""
        token = "tg_" + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, digest=cls.digest_of(token), prefix=token[:8]), token


class LoginFailure(models.Model):
    """One failed sign-in, kept briefly to throttle password guessing (per account and per address)."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"failed sign-in for {self.username} at {self.at:%Y-%m-%d %H:%M}"


class Grant(models.Model):
    """One object shared with one named person, at a level, until a date: the object dimension of access.

    Roles say what kind of work someone does; a grant says which particular list (later: case, witness)
    they may see beyond what their role shows them. A grant widens what a role sees; it never opens a
    page the role cannot open. Grants are never changed or deleted: a new grant or a revocation ends the
    current one (``expires_at``), so the rows themselves are the record of who could see what, and when.
    """

    class Level(models.TextChoices):
        """``edit`` is for apps whose roles change the objects they are granted (cases, testimonies); a list
        is only ever granted to be seen (``tergeu grant``)."""

        VIEW = "view", _("may see")
        EDIT = "edit", _("may see and change")

    # PROTECT: deleting an account must not erase the record of what it could see (deactivate it instead).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tergeu_grants")
    scope_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    scope_id = models.PositiveBigIntegerField()
    scope = GenericForeignKey("scope_type", "scope_id")
    level = models.CharField(_("level"), max_length=8, choices=Level.choices, default=Level.VIEW)
    granted_by = models.CharField(_("granted by"), max_length=150)
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "scope_type", "scope_id"], name="grant_lookup")]

    def __str__(self) -> str:
        return f"{self.user} {self.level} {self.scope_type.model} {self.scope_id}"

    @classmethod
    def live(cls, user: Any, model: type[models.Model], level: str = "view") -> models.QuerySet[Grant]:
        """The unexpired grants ``user`` holds on objects of ``model`` at ``level`` or above."""
        if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
            return cls.objects.none()
        levels = [cls.Level.EDIT] if level == cls.Level.EDIT else [cls.Level.VIEW, cls.Level.EDIT]
        kind = ContentType.objects.get_for_model(model)
        unexpired = models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=timezone.now())
        return cls.objects.filter(unexpired, user=user, scope_type=kind, level__in=levels)
