"""Load demo data. Idempotent: running it twice leaves the same rows.

Each app that has demo data keeps it in its own ``demo.py`` with a ``seed(stdout)``
function and an ``ORDER`` number; this command finds them, so the core knows nothing of the
apps built on it and no demo code is an installed app of its own."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load idempotent demo data (schools, organisations, accounts, events)."

    def handle(self, *args, **options):
        seeders = []
        for config in apps.get_app_configs():
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            seeders.append((getattr(module, "ORDER", 100), config.name, module.seed))
        for _order, name, seed in sorted(seeders):
            with transaction.atomic():
                seed(self.stdout)
            self.stdout.write(f"demo data loaded: {name}")
