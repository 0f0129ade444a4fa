from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "coproduce.pages"
    label = "pages"
