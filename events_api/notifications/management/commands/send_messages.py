"""Deliver every message that is due now, including any a stopped worker left half-sent:
a sweep to run from cron beside the worker, or by hand after an outage."""

from django.core.management.base import BaseCommand

from events_api.notifications.delivery import deliver_due


class Command(BaseCommand):
    help = "Deliver the messages that are due (the worker does this continuously)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000)

    def handle(self, *args, limit: int, **options):
        outcomes = deliver_due(limit=limit)
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
        self.stdout.write(summary or "nothing due")
