from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "coproduce.people"
    label = "people"

    def ready(self) -> None:
        from coproduce.accounts import languages
        from coproduce.people import preferences
        from coproduce.tenancy.middleware import annotate_membership

        annotate_membership("language", preferences.language_subquery)
        languages.use(languages.LanguageStore(preferences.language_of, preferences.keep))
