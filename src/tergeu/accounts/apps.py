from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tergeu.accounts"
    verbose_name = "Accounts and roles"
