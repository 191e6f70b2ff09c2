from typing import Any

from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from tergeu.accounts.access import visible_to
from tergeu.accounts.models import ApiToken, Grant, LoginFailure, Profile


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written only by their services (the change log, linkage's people, grants): the admin reads them."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class VisibleOnlyAdmin(admin.ModelAdmin):
    """The admin shows (and so changes or deletes) only what the signed-in user may see, as the pages do."""

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return visible_to(request.user, self.model).order_by(*(self.model._meta.ordering or ["pk"]))


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "language")
    exclude = ("totp_secret",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at")
    readonly_fields = ("digest", "prefix", "created_at", "last_used_at")


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    list_display = ("username", "address", "at")


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin):
    """Read-only: grants are made and ended with ``tergeu grant``, which ends the current one first and
    records who granted; a grant is never edited or deleted, so the rows stay the record of access."""

    list_display = ("user", "level", "scope_type", "scope_id", "granted_by", "granted_at", "expires_at")
    list_filter = ("level", "scope_type")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        """Grants the user may see, less those on protected people the user does not handle: a list of
        who protects whom (and how many people there are) is itself what must not leak."""
        protected = apps.get_model("witnesses", "ProtectedPerson")
        handled = visible_to(request.user, protected).values("pk")
        return visible_to(request.user, Grant).exclude(
            Q(scope_type=ContentType.objects.get_for_model(protected)) & ~Q(scope_id__in=handled))
