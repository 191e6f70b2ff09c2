from django.apps import AppConfig


class ForcesConfig(AppConfig):
    name = "tergeu.forces"
    label = "forces"
    verbose_name = "Security forces"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tergeu.forces import access

        access.register()
