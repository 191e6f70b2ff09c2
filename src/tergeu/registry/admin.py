from django.contrib import admin

from tergeu.accounts.admin import VisibleOnlyAdmin
from tergeu.registry.models import ImportedList, Record


@admin.register(ImportedList)
class ImportedListAdmin(VisibleOnlyAdmin):
    list_display = ("name", "source", "file_name", "row_count", "imported_by", "imported_at")
    readonly_fields = ("sha256", "column_map", "report", "imported_by", "imported_at", "row_count")
    search_fields = ("name", "file_name", "sha256", "public_id")


@admin.register(Record)
class RecordAdmin(VisibleOnlyAdmin):
    list_display = ("imported_list", "row_number", "public_id")
    search_fields = ("public_id",)
    list_filter = (("imported_list", admin.RelatedOnlyFieldListFilter),)  # only lists the user sees
    readonly_fields = ("imported_list", "row_number", "raw", "facts", "parsed")
    list_select_related = ("imported_list",)
