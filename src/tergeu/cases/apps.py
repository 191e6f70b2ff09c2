from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tergeu.cases"
    label = "cases"
    verbose_name = "Complaints and cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks

        from tergeu.cases import access
        from tergeu.cases.checks import status_page_sees_clients

        access.register()
        checks.register(status_page_sees_clients, checks.Tags.security, deploy=False)
