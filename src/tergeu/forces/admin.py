from django.contrib import admin

from tergeu.accounts.admin import VisibleOnlyAdmin
from tergeu.forces.models import Incident, Official, Posting, Training, Unit, UnitRelation


@admin.register(Unit)
class UnitAdmin(VisibleOnlyAdmin):
    list_display = ("external_id", "name", "classification", "country")
    search_fields = ("external_id", "name")


@admin.register(UnitRelation)
class UnitRelationAdmin(VisibleOnlyAdmin):
    list_display = ("child", "parent", "first_cited", "last_cited", "open_end")


@admin.register(Official)
class OfficialAdmin(VisibleOnlyAdmin):
    list_display = ("external_id", "name")


@admin.register(Posting)
class PostingAdmin(VisibleOnlyAdmin):
    list_display = ("official", "unit", "role", "first_cited", "last_cited", "open_end")


@admin.register(Incident)
class IncidentAdmin(VisibleOnlyAdmin):
    list_display = ("external_id", "start", "place")


@admin.register(Training)
class TrainingAdmin(VisibleOnlyAdmin):
    list_display = ("external_id", "course", "start")
