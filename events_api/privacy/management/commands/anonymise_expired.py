"""Anonymise the personal data whose retention period is over (docs/privacy.md). The
worker does it daily; run this by hand, from cron, or once with --schedule to start the
daily task. Idempotent: a second run finds nothing to do."""

from django.core.management.base import BaseCommand

from events_api.privacy.services import BATCH, anonymise_expired
from events_api.privacy.tasks import schedule_next


class Command(BaseCommand):
    help = "Anonymise registrants' personal data whose retention period is over."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=BATCH)
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Also queue the daily task for the worker (once is enough: it requeues itself).",
        )

    def handle(self, *args, batch_size: int, schedule: bool, **options):
        done = anonymise_expired(batch_size=batch_size)
        if schedule:
            schedule_next()
            self.stdout.write("daily run scheduled")
        summary = ", ".join(f"{count} {name}" for name, count in done.items() if count)
        self.stdout.write(summary or "nothing expired")
