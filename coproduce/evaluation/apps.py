from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "coproduce.evaluation"
    label = "evaluation"

    def ready(self) -> None:
        from coproduce.evaluation import registrations

        registrations.register()
