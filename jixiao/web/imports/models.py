"""Background jobs with their progress, and the files of an upload with their parse results."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    """Where a background job is."""

    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("进行中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")


class Job(models.Model):
    """A long job run by a task worker: parsing an upload, storing it, re-checking a year."""

    kind = models.CharField(max_length=30)  # parse | store | recheck
    status = models.CharField(max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)  # recheck

    @property
    def percent(self) -> int:
        """Progress in whole percent."""
        return 100 if not self.total else round(100 * self.done / self.total)


class ImportBatch(models.Model):
    """One upload of one or many files."""

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    parse_job = models.OneToOneField(
        Job, null=True, on_delete=models.SET_NULL, related_name="parsed_batch"
    )
    store_job = models.OneToOneField(
        Job, null=True, on_delete=models.SET_NULL, related_name="stored_batch"
    )
    as_status = models.CharField(max_length=30, default="draft")
    stored = models.BooleanField(default=False)


class ImportFile(models.Model):
    """One uploaded file: its bytes until stored, its parse result, its outcome."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=500)
    content = models.BinaryField()
    outcome = models.CharField(
        max_length=30, blank=True
    )  # parsed | parsed with findings | failed | stored
    result = models.JSONField(null=True, blank=True)  # jixiao/parse@1
    message = models.TextField(blank=True)
    # What the user typed for forms that lacked it: {"<form index>": {"year": 2023, "name": …}}
    supplied = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["pk"]
