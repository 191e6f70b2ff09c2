from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tergeu.web"
    verbose_name = "Web"
