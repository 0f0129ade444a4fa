from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "coproduce.surveys"
    label = "surveys"

    def ready(self) -> None:
        from coproduce.surveys import registrations

        registrations.register()
