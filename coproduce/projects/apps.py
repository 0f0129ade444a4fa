from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "coproduce.projects"
    label = "projects"
