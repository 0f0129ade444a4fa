from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "coproduce.activities"
    label = "activities"

    def ready(self) -> None:
        from coproduce.activities import evidence, registrations, tasks
        from coproduce.notifications import schedule
        from coproduce.projects import extensions

        for kind in evidence.EVIDENCE:
            extensions.add_evidence(kind)
        schedule.add(tasks.send_activity_reminders)
        schedule.add(tasks.send_activity_follow_ups)
        registrations.register()
        extensions.add_upcoming(registrations.upcoming)
