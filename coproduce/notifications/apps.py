from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "coproduce.notifications"
    label = "notifications"

    def ready(self) -> None:
        from coproduce.notifications import registrations, schedule, tasks

        registrations.register()
        schedule.add(tasks.resume_unsent_messages)
