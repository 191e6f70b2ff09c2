from django.contrib import admin

from tergeu.accounts.admin import VisibleOnlyAdmin
from tergeu.provenance.models import Claim, Source


@admin.register(Source)
class SourceAdmin(VisibleOnlyAdmin):
    list_display = ("name", "kind", "publisher", "published_on", "reliability", "is_synthetic")
    list_filter = ("kind", "reliability", "is_synthetic")
    search_fields = ("name", "publisher")


@admin.register(Claim)
class ClaimAdmin(VisibleOnlyAdmin):
    list_display = ("field", "value", "source", "confidence", "status")
    list_filter = ("field", "confidence", "status", ("source", admin.RelatedOnlyFieldListFilter))
    search_fields = ("value",)
    raw_id_fields = ("record",)
    list_select_related = ("source",)
