"""The admin shows what ``access.py`` allows, and no sealed field, code hash or identity: complaints are
listed by kind, date and region; their people are the witnesses app's (by pseudonym)."""

from django.contrib import admin

from tergeu.accounts.admin import VisibleOnlyAdmin
from tergeu.cases.models import Case, CaseOfficial, CaseStep, Complaint, Facility


@admin.register(Complaint)
class ComplaintAdmin(VisibleOnlyAdmin):
    list_display = ("public_id", "kind", "occurred_on", "region_key", "reference")
    list_filter = ("kind",)
    fields = ("kind", "occurred_on", "occurred_until", "received_on", "place", "place_key", "region_key",
              "facility", "perpetrators", "reference", "code_issued_at", "code_revoked_at", "created_by")
    readonly_fields = fields


@admin.register(Case)
class CaseAdmin(VisibleOnlyAdmin):
    list_display = ("number", "authority", "article")
    search_fields = ("number",)


@admin.register(CaseStep)
class CaseStepAdmin(VisibleOnlyAdmin):
    list_display = ("case", "status", "on")


@admin.register(CaseOfficial)
class CaseOfficialAdmin(VisibleOnlyAdmin):
    list_display = ("case", "name", "outcome", "public")


@admin.register(Facility)
class FacilityAdmin(VisibleOnlyAdmin):
    list_display = ("name", "kind", "place_key")
