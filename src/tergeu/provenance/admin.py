from django.contrib import admin

from tergeu.accounts.admin import ReadOnlyAdmin, VisibleOnlyAdmin
from tergeu.provenance.models import Citation, Claim, Source


@admin.register(Source)
class SourceAdmin(VisibleOnlyAdmin):
    list_display = ("name", "kind", "publisher", "published_on", "reliability", "is_synthetic")
    list_filter = ("kind", "reliability", "is_synthetic")
    search_fields = ("name", "publisher", "public_id")


@admin.register(Claim)
class ClaimAdmin(VisibleOnlyAdmin):
    list_display = ("field", "value", "source", "confidence", "status")
    list_filter = ("field", "confidence", "status", ("source", admin.RelatedOnlyFieldListFilter))
    search_fields = ("value",)
    raw_id_fields = ("record",)
    list_select_related = ("source",)


@admin.register(Citation)
class CitationAdmin(ReadOnlyAdmin, VisibleOnlyAdmin):
    """Read-only: citations are written through ``provenance.citations.cite``, which checks them."""

    list_display = ("source", "locator", "cited_type", "cited_id", "confidence", "status", "cited_by", "cited_at")
    list_filter = ("confidence", "status", ("source", admin.RelatedOnlyFieldListFilter))
    search_fields = ("locator", "note")
