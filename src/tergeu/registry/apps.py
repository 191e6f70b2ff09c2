from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "tergeu.registry"
    verbose_name = "Casualty registry"

    def ready(self) -> None:
        from tergeu.registry import access

        access.register()
