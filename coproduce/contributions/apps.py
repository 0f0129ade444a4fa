from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    name = "coproduce.contributions"
    label = "contributions"

    def ready(self) -> None:
        from coproduce.contributions import registrations

        registrations.register()
