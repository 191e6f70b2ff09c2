from django.contrib import admin
from django.http import HttpRequest

from tergeu.accounts.admin import ReadOnlyAdmin, VisibleOnlyAdmin
from tergeu.linkage.models import LinkageRun, Membership, PairDecision, Person


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin, VisibleOnlyAdmin):
    """Read-only: people are made and retired by linkage runs, never deleted (cases will point at them)."""

    list_display = ("id", "display_name", "cohesion", "suspicious")
    list_filter = ("suspicious",)
    search_fields = ("display_name", "public_id")


@admin.register(Membership)
class MembershipAdmin(VisibleOnlyAdmin):
    list_display = ("record", "person", "run")
    raw_id_fields = ("record", "person")


@admin.register(LinkageRun)
class LinkageRunAdmin(VisibleOnlyAdmin):
    list_display = ("id", "started_at", "finished_at", "started_by")
    readonly_fields = ("model", "stats")


@admin.register(PairDecision)
class PairDecisionAdmin(VisibleOnlyAdmin):
    """Read-only here: a decision is checked against the others under a lock (``linking.decide_pair``),
    which the admin's forms would skip; reviewers decide on the review page or through the API."""

    list_display = ("left", "right", "decision", "decided_by", "decided_at")
    list_filter = ("decision",)
    raw_id_fields = ("left", "right")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: PairDecision | None = None) -> bool:
        return False
