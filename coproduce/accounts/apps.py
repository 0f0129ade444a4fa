from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "coproduce.accounts"
    label = "accounts"

    def ready(self) -> None:
        # Sign-in and password emails depend on these settings: this app registers the
        # deployment checks (coproduce/lib/checks.py).
        from coproduce.lib import checks

        checks.register()
