from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "coproduce.accountability"
    label = "accountability"
