from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "coproduce.surveys"
    label = "surveys"
