from django.contrib import admin

from tergeu.casualties.models import LinkageRun, Membership, PairDecision, Person


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("id", "display_name", "cohesion", "suspicious")
    list_filter = ("suspicious",)
    search_fields = ("display_name",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("record", "person", "run")
    raw_id_fields = ("record", "person")


@admin.register(LinkageRun)
class LinkageRunAdmin(admin.ModelAdmin):
    list_display = ("id", "started_at", "finished_at", "started_by")
    readonly_fields = ("model", "stats")


@admin.register(PairDecision)
class PairDecisionAdmin(admin.ModelAdmin):
    list_display = ("left", "right", "decision", "decided_by", "decided_at")
    list_filter = ("decision",)
    raw_id_fields = ("left", "right")
