from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "coproduce.recruitment"
    label = "recruitment"
