"""Write the reminders whose time has come and deliver every message that is due now,
including any a stopped worker left half-sent: a sweep to run from cron beside the worker,
or by hand after an outage."""

from django.core.management.base import BaseCommand

from events_api.notifications.delivery import deliver_due
from events_api.notifications.reminders import send_due


class Command(BaseCommand):
    help = "Write due reminders and deliver due messages (the worker does this continuously)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000)

    def handle(self, *args, limit: int, **options):
        written = send_due()
        outcomes = deliver_due(limit=limit)
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
        if written:
            self.stdout.write(f"{written} reminders written")
        self.stdout.write(summary or "nothing due")
