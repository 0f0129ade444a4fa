from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "coproduce.imports"
    label = "imports"

    def ready(self) -> None:
        from coproduce.imports import registrations

        registrations.register()
