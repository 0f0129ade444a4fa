from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    name = "coproduce.contributions"
    label = "contributions"
