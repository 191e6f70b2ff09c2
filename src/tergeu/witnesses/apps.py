from django.apps import AppConfig


class WitnessesConfig(AppConfig):
    name = "tergeu.witnesses"
    label = "witnesses"
    verbose_name = "Protected people"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks

        from tergeu.witnesses import access
        from tergeu.witnesses.checks import key_file_is_private

        access.register()
        checks.register(key_file_is_private)
