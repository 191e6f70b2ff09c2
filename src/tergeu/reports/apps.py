from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Reports read what other apps store, through their ``access.py``; their one table is the report jobs
    the web runs in the background (``models.ReportJob``)."""

    name = "tergeu.reports"
    label = "reports"
    verbose_name = "Reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tergeu.forces.findings import register_writer
        from tergeu.reports import access
        from tergeu.reports.vetting import write_vetting_pdf

        access.register()
        register_writer("pdf", write_vetting_pdf)  # the printed findings of `tergeu vet --pdf` and the forces pages
