from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "coproduce.lib"
    label = "lib"

    def ready(self) -> None:
        from coproduce.lib import public_cache

        public_cache.connect()
