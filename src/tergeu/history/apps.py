from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "tergeu.history"
    verbose_name = "Change history"

    def ready(self) -> None:
        """Connect the receivers per tracked model, once every app's models are loaded (and decorated)."""
        from tergeu.history import access, tracking

        tracking.connect_signals()
        access.register()
