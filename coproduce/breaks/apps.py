from django.apps import AppConfig


class BreaksConfig(AppConfig):
    name = "coproduce.breaks"
    label = "breaks"

    def ready(self) -> None:
        from coproduce.breaks import registrations, tasks
        from coproduce.notifications import schedule

        schedule.add(tasks.send_wellbeing_follow_ups)
        registrations.register()
