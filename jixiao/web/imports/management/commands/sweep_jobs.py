"""``manage.py sweep_jobs [--every SECONDS]``: requeue or fail the jobs of dead task workers."""

import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from jixiao.web.imports import jobs


class Command(BaseCommand):
    """One sweep, or one every so many seconds until stopped."""

    help = "Requeue or fail background jobs whose worker stopped (no heartbeat for a lease)."

    def add_arguments(self, parser) -> None:
        """``--every``: keep sweeping, this many seconds apart."""
        parser.add_argument("--every", type=float, default=0, help="sweep every N seconds")

    def handle(self, *args, every: float = 0, **options) -> None:
        """Sweep once, or forever."""
        while True:
            try:
                reclaimed = jobs.sweep()
            except DatabaseError as exc:  # a busy or restarting database: try next time
                self.stderr.write(f"sweep_jobs: {exc}")
                reclaimed = 0
            if reclaimed or options["verbosity"] > 1:
                self.stdout.write(f"sweep_jobs: {reclaimed} job(s) of dead workers reclaimed")
            if not every:
                return
            close_old_connections()
            time.sleep(every)
