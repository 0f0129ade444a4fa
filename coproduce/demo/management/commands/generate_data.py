"""Generate data at national scale for load tests: `manage.py generate_data --scale M`."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.demo import scale


class Command(BaseCommand):
    help = (
        "Write many organisations, carers, projects, activities, contributions, claims and "
        "break referrals (S, M or L: see coproduce/demo/scale.py), the same every time, "
        "and print rows per second. Refuses to run in production."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=sorted(scale.SCALES), default="S")
        parser.add_argument("--seed", type=int, default=scale.SEED)
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the generated organisations and accounts first (nothing else).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("generate_data makes made-up people: not in production.")
        if options["reset"]:
            scale.remove_generated()
        elif scale.generated_exists():
            raise CommandError(
                "Generated organisations exist already (slugs starting 'scale-'). "
                "Run with --reset to delete them and generate again."
            )
        chosen = scale.SCALES[options["scale"]]
        result = scale.generate(chosen, seed=options["seed"], report=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {result.rows:,} rows at scale {options['scale']} in "
                f"{result.seconds:.0f} s ({result.rows / result.seconds:,.0f} rows/s)."
            )
        )
