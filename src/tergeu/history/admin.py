from django.contrib import admin

from tergeu.accounts.admin import ReadOnlyAdmin, VisibleOnlyAdmin
from tergeu.history.models import ChangeEntry


@admin.register(ChangeEntry)
class ChangeEntryAdmin(ReadOnlyAdmin, VisibleOnlyAdmin):
    """The history is evidence: readable by admins, never editable."""

    list_display = ("at", "actor", "action", "object_type", "object_repr")
    list_filter = ("action", "object_type")
    search_fields = ("actor", "object_repr", "reason")
