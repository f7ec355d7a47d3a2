"""Unconfirmed uploads are purged after a set time (issue 10 §2); stored or busy ones stay."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from jixiao.web.imports.models import ImportBatch, ImportFile, Job, JobStatus


def batch(cast, days_old, *, stored=False, parse=JobStatus.DONE, store=None):
    parse_job = Job.objects.create(kind="parse", status=parse, created_by=cast.clerk)
    store_job = Job.objects.create(kind="store", status=store) if store else None
    made = ImportBatch.objects.create(
        created_by=cast.clerk, parse_job=parse_job, store_job=store_job, stored=stored
    )
    ImportFile.objects.create(batch=made, name="a.xlsx", content=b"x" * 1000)
    when = timezone.now() - timedelta(days=days_old)
    ImportBatch.objects.filter(pk=made.pk).update(created_at=when)
    return made


def test_only_old_unconfirmed_idle_uploads_are_purged(cast, settings):
    settings.JIXIAO_UPLOAD_KEEP_DAYS = 7
    old = batch(cast, 8)
    failed_store = batch(cast, 9, store=JobStatus.FAILED)
    kept = [
        batch(cast, 6),  # not old enough
        batch(cast, 30, stored=True, store=JobStatus.DONE),
        batch(cast, 30, parse=JobStatus.RUNNING),
        batch(cast, 30, store=JobStatus.QUEUED),
    ]
    out = StringIO()
    call_command("purge_uploads", stdout=out)
    assert out.getvalue().strip() == "purged 2 unconfirmed upload(s)"
    assert set(ImportBatch.objects.values_list("pk", flat=True)) == {b.pk for b in kept}
    assert ImportFile.objects.count() == 4
    gone = {old.parse_job_id, failed_store.parse_job_id, failed_store.store_job_id}
    assert not Job.objects.filter(pk__in=gone).exists()


def test_the_days_can_be_given(cast):
    batch(cast, 2)
    call_command("purge_uploads", "--days", "1", stdout=StringIO())
    assert not ImportBatch.objects.exists()
