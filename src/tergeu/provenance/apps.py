from django.apps import AppConfig


class ProvenanceConfig(AppConfig):
    name = "tergeu.provenance"
    verbose_name = "Sources and provenance"
