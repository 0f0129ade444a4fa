"""Print a demo user's current security code: `manage.py demo_code EMAIL`.

For trying the demo without an authenticator app. Never available in production.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.demo import builders


class Command(BaseCommand):
    help = "Print the current 6-digit security code for a user's authenticator (not in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The email address the user signs in with.")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.MODE == "production":
            raise CommandError("demo_code only runs in development and test, never in production.")
        try:
            code = builders.code_for(options["email"])
        except builders.NoDemoCode as error:
            raise CommandError(str(error)) from error
        self.stdout.write(code)
        self.stderr.write("Enter it within 30 seconds. Each code works once.")
