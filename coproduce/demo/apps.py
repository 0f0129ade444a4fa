from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The one-command demo: `manage.py load_demo` and `manage.py demo_code`. No models."""

    name = "coproduce.demo"
    label = "demo"
