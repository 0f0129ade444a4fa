from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "coproduce.tenancy"
    label = "tenancy"
