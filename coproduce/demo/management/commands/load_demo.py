"""Load the demo: `manage.py load_demo` (once), `manage.py load_demo --reset` (afresh)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from coproduce.demo import api as demo_api
from coproduce.demo import breaks as demo_breaks
from coproduce.demo import builders


class Command(BaseCommand):
    help = (
        "Create the demo organisations, staff, about 200 carers and a year of GP referrals to "
        "the carers' breaks scheme (the same every time). "
        "Does nothing if the demo is loaded already, unless --reset is given. "
        "Development and test only: refuses to run in production."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help=(
                "Delete the demo organisations (slugs riverside, riverside-nhs, hillside) and "
                "demo users (at riverside.example, riverside-nhs.example, hillside.example) "
                "first, then build them again. Nothing else is touched."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.MODE == "production":
            raise CommandError(
                "load_demo only runs in development and test, never in production: the demo's "
                "people, passwords and security codes are published in the README."
            )
        if not options["reset"] and builders.demo_exists():
            self.stdout.write(
                "The demo is loaded already (the organisation 'riverside' exists): "
                "nothing to do. Run with --reset to build it again.\n"
            )
            self.stdout.write(builders.sign_in_table(builders.sign_ins()))
            self.stdout.write(demo_api.token_lines())
            return
        try:
            with transaction.atomic():
                if options["reset"]:
                    builders.remove_demo()
                summary = builders.build_demo()
        except (builders.DemoConflict, demo_breaks.MissingReference) as error:
            raise CommandError(str(error)) from error
        breaks = summary.breaks
        self.stdout.write(
            self.style.SUCCESS(
                f"Built the demo in {summary.seconds:.1f} seconds: "
                f"{summary.riverside_carers} carers at Riverside, "
                f"{summary.hillside_carers} at Hillside, {summary.users} people who can sign in.\n"
                f"Carers' breaks: {breaks.referrals} referrals in the last year from "
                f"{breaks.signed_up} of {breaks.practices} GP practices, {breaks.paid} paid, "
                f"£{breaks.total_paid:,.2f} of a £{breaks.budget:,.2f} budget.\n"
                f"Co-production: {summary.projects.projects} projects with "
                f"{summary.projects.activities} activities and "
                f"{summary.projects.members} group members, "
                f"{summary.contributions.contributions} contributions "
                f"({summary.contributions.waiting} waiting to be considered), "
                f"{summary.decisions.proposals} proposals with "
                f"{summary.decisions.positions} positions recorded, "
                f"{summary.accountability.actions} actions on You Said, We Did boards, "
                f"{summary.surveys.surveys} survey with {summary.surveys.responses} responses.\n"
                f"Payments: {summary.payments.claims} claims, {summary.payments.paid} paid.\n"
                f"Self-assessment: {summary.selfassessment.rounds} rounds, "
                f"{summary.selfassessment.answers} people's answers, "
                f"{summary.selfassessment.actions} actions in the plan.\n"
            )
        )
        self.stdout.write(builders.sign_in_table(builders.sign_ins()))
        self.stdout.write(demo_api.token_lines())
