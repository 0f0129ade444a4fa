from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "coproduce.accountability"
    label = "accountability"

    def ready(self) -> None:
        from coproduce.accountability import registrations

        registrations.register()
