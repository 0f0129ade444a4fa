from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "coproduce.recruitment"
    label = "recruitment"

    def ready(self) -> None:
        from coproduce.recruitment import registrations

        registrations.register()
