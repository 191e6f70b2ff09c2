from django.apps import AppConfig


class ProvenanceConfig(AppConfig):
    name = "tergeu.provenance"
    verbose_name = "Sources and provenance"

    def ready(self) -> None:
        from tergeu.provenance import access

        access.register()
