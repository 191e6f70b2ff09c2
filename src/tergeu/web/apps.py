from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tergeu.web"
    verbose_name = "Web"

    def ready(self) -> None:
        from tergeu.web.busy import install_command_hook

        install_command_hook()  # a `tergeu` command on a locked database: one clear line, no traceback
