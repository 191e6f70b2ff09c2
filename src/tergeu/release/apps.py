from django.apps import AppConfig


class ReleaseConfig(AppConfig):
    name = "tergeu.release"
    label = "release"
    verbose_name = "Public release"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tergeu.release import access

        access.register()
