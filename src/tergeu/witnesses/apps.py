from django.apps import AppConfig


class WitnessesConfig(AppConfig):
    name = "tergeu.witnesses"
    label = "witnesses"
    verbose_name = "Protected people"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tergeu.witnesses import access

        access.register()
