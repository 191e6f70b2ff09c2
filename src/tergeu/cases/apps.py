from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tergeu.cases"
    label = "cases"
    verbose_name = "Complaints and cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tergeu.cases import access

        access.register()
