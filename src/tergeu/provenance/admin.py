from django.contrib import admin

from tergeu.provenance.models import Claim, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "publisher", "published_on", "reliability", "is_synthetic")
    list_filter = ("kind", "reliability", "is_synthetic")
    search_fields = ("name", "publisher")


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("field", "value", "source", "confidence", "status")
    list_filter = ("field", "confidence", "status", "source")
    search_fields = ("value",)
    raw_id_fields = ("record",)
    list_select_related = ("source",)
