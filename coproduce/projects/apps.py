from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "coproduce.projects"
    label = "projects"

    def ready(self) -> None:
        from coproduce.projects import registrations

        registrations.register()
