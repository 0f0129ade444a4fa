from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "coproduce.payments"
    label = "payments"

    def ready(self) -> None:
        from coproduce.payments import registrations

        registrations.register()
