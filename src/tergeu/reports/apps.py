from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Reports read what other apps store, through their ``access.py``; the app has no tables of its own."""

    name = "tergeu.reports"
    label = "reports"
    verbose_name = "Reports"
    default_auto_field = "django.db.models.BigAutoField"
