"""Materialise the meetings of every series that came within the horizon (12 months ahead)
since the last run. Run it daily (cron, or the task queue's scheduler). Idempotent."""

from django.core.management.base import BaseCommand

from committees.services.series import extend_horizons


class Command(BaseCommand):
    help = "Create the meetings of recurring series that are now within 12 months."

    def handle(self, *args, **options):
        created = extend_horizons()
        self.stdout.write(f"{created} meetings created")
