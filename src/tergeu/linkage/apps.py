from django.apps import AppConfig


class LinkageConfig(AppConfig):
    name = "tergeu.linkage"
    verbose_name = "Linkage and people"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy

        from tergeu.history.changes import register_reason
        from tergeu.linkage import access
        from tergeu.linkage.undo import UNDO

        access.register()
        register_reason(UNDO, gettext_lazy("undo of the reviewer's last decision"))
