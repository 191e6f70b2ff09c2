from django.apps import AppConfig


class EstimationConfig(AppConfig):
    name = "tergeu.estimation"
    label = "estimation"
    verbose_name = "Estimation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tergeu.estimation import access

        access.register()
