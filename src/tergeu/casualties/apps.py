from django.apps import AppConfig


class CasualtiesConfig(AppConfig):
    name = "tergeu.casualties"
    verbose_name = "Casualty registry"
