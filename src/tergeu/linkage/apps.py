from django.apps import AppConfig


class LinkageConfig(AppConfig):
    name = "tergeu.linkage"
    verbose_name = "Linkage and people"

    def ready(self) -> None:
        from tergeu.linkage import access

        access.register()
