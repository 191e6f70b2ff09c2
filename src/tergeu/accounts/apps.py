from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tergeu.accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from tergeu.accounts.access import register_visibility, visible_grants
        from tergeu.accounts.models import Grant

        register_visibility(Grant, visible_grants, about_others=True)
