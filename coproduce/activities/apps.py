from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "coproduce.activities"
    label = "activities"
