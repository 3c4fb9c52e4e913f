"""Checks, and with --fix rewrites, every event's seats_taken and waitlist_length from its
registrations. The services keep them right; this is the repair after rows were changed by
hand or by an import, and the check a deployment can run."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from events_api.events.services.counts import drifted, recount


class Command(BaseCommand):
    help = "Check (or --fix) events' stored seat and waitlist counts against registrations."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix",
            action="store_true",
            help="Rewrite the counts of every event from its registrations.",
        )

    def handle(self, *args, fix: bool = False, **options):
        wrong = drifted()
        for event_id, seats, counted_seats, waiting, counted_waiting in wrong:
            self.stdout.write(
                f"event {event_id}: seats {seats} (registrations say {counted_seats}), "
                f"waitlist {waiting} (registrations say {counted_waiting})"
            )
        if not fix:
            if wrong:
                raise CommandError(
                    f"{len(wrong)} event(s) with counts that drifted; run with --fix."
                )
            self.stdout.write("every event's counts match its registrations")
            return
        with transaction.atomic():
            written = recount()
        self.stdout.write(f"recounted {written} event(s); {len(wrong)} had drifted")
