from django.contrib import admin
from django.http import HttpRequest

from tergeu.accounts.admin import VisibleOnlyAdmin
from tergeu.history.models import ChangeEntry


@admin.register(ChangeEntry)
class ChangeEntryAdmin(VisibleOnlyAdmin):
    """The history is evidence: readable by admins, never editable."""

    list_display = ("at", "actor", "action", "object_type", "object_repr")
    list_filter = ("action", "object_type")
    search_fields = ("actor", "object_repr", "reason")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ChangeEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ChangeEntry | None = None) -> bool:
        return False
