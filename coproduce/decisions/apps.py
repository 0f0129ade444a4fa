from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "coproduce.decisions"
    label = "decisions"

    def ready(self) -> None:
        from coproduce.decisions import registrations

        registrations.register()
