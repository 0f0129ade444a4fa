from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    name = "coproduce.selfassessment"
    label = "selfassessment"

    def ready(self) -> None:
        from coproduce.selfassessment import registrations

        registrations.register()
