from django.contrib import admin

from tergeu.provenance.models import ChangeEntry, Claim, ImportedList, Record, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "publisher", "published_on", "reliability", "is_synthetic")
    list_filter = ("kind", "reliability", "is_synthetic")
    search_fields = ("name", "publisher")


@admin.register(ImportedList)
class ImportedListAdmin(admin.ModelAdmin):
    list_display = ("name", "source", "file_name", "row_count", "imported_by", "imported_at")
    readonly_fields = ("sha256", "column_map", "report", "imported_by", "imported_at", "row_count")
    search_fields = ("name", "file_name", "sha256")


@admin.register(Record)
class RecordAdmin(admin.ModelAdmin):
    list_display = ("imported_list", "row_number")
    list_filter = ("imported_list",)
    readonly_fields = ("imported_list", "row_number", "raw", "facts", "parsed")
    list_select_related = ("imported_list",)


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("field", "value", "source", "confidence", "status")
    list_filter = ("field", "confidence", "status", "source")
    search_fields = ("value",)
    raw_id_fields = ("record",)
    list_select_related = ("source",)


@admin.register(ChangeEntry)
class ChangeEntryAdmin(admin.ModelAdmin):
    """The history is evidence: readable by admins, never editable."""

    list_display = ("at", "actor", "action", "object_type", "object_repr")
    list_filter = ("action", "object_type")
    search_fields = ("actor", "object_repr", "reason")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
