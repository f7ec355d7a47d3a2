"""Delete uploads never stored: their files, parse results and jobs, after a set time.

Run it daily (cron, a systemd timer): ``manage.py purge_uploads`` keeps unconfirmed uploads
for ``JIXIAO_UPLOAD_KEEP_DAYS`` days (default 7); ``--days`` overrides it. Uploads whose
parsing or storing is queued or running are left alone, and stored ones keep their record
(their file bytes are dropped when they are stored).
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from jixiao.web.imports.models import ImportBatch, Job, JobStatus

BUSY = (JobStatus.QUEUED, JobStatus.RUNNING)


def purge(days: int) -> int:
    """Delete the unconfirmed uploads older than ``days`` days; how many."""
    old = ImportBatch.objects.filter(
        stored=False, created_at__lt=timezone.now() - timedelta(days=days)
    ).exclude(Q(parse_job__status__in=BUSY) | Q(store_job__status__in=BUSY))
    with transaction.atomic():
        batches = list(old.values_list("pk", "parse_job", "store_job"))
        jobs = [job for _, *pair in batches for job in pair if job is not None]
        ImportBatch.objects.filter(pk__in=[pk for pk, *_ in batches]).delete()  # files with it
        Job.objects.filter(pk__in=jobs).delete()
    return len(batches)


class Command(BaseCommand):
    """``purge_uploads [--days N]``."""

    help = "Delete uploads never stored, older than JIXIAO_UPLOAD_KEEP_DAYS days."

    def add_arguments(self, parser):
        """``--days``: keep unconfirmed uploads this many days."""
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days: int | None = None, **options):
        """Purge, and say how many uploads went."""
        count = purge(settings.JIXIAO_UPLOAD_KEEP_DAYS if days is None else days)
        self.stdout.write(f"purged {count} unconfirmed upload(s)")
