from django.contrib import admin

from tergeu.accounts.admin import VisibleOnlyAdmin
from tergeu.estimation.models import EstimateRun


@admin.register(EstimateRun)
class EstimateRunAdmin(VisibleOnlyAdmin):
    list_display = ("id", "created_at", "created_by", "method", "error")
    readonly_fields = ("created_at",)
