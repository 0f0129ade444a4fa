from django.apps import AppConfig


class BreaksConfig(AppConfig):
    name = "coproduce.breaks"
    label = "breaks"
