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
    """A long job run by a task worker: parsing an upload, storing it, re-checking a year.

    While it runs, its worker renews ``heartbeat_at``; a job whose heartbeat stopped belongs
    to a dead worker and is requeued or failed by ``jobs.sweep`` (see ``jobs``).
    """

    kind = models.CharField(max_length=30)  # parse | store | recheck
    status = models.CharField(max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)  # why it failed, in Chinese …
    message_en = models.TextField(blank=True)  # … and in English
    task_id = models.CharField(max_length=64, blank=True)  # the queued task that runs it
    worker = models.CharField(max_length=200, blank=True)  # host, process and run of its worker
    heartbeat_at = models.DateTimeField(null=True, blank=True)  # last sign of life (or queued)
    attempts = models.PositiveSmallIntegerField(default=0)  # runs started
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
    cancelled = models.BooleanField(default=False)
    # The finance bureau asked, seeing their names, to make the units the files name that are
    # not registered yet (accounts.access.import_refusal); nobody else may.
    create_units = models.BooleanField(default=False)
    # A ticked form already in the store: "" refuses the batch (as before), "skip" leaves the
    # stored one, "replace" replaces it if it is a draft or returned form the importer may edit.
    on_existing = models.CharField(max_length=10, blank=True)
    stored_forms = models.JSONField(default=list, blank=True)  # pks of the forms it stored


class ImportFile(models.Model):
    """One uploaded file: its bytes until stored, its parse result, its outcome."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=500)
    content = models.BinaryField()
    outcome = models.CharField(
        max_length=30, blank=True
    )  # "" (not read yet) | reading | parsed | parsed with findings | failed | stored
    result = models.JSONField(null=True, blank=True)  # jixiao/parse@1
    message = models.TextField(blank=True)  # why it failed, in Chinese …
    message_en = models.TextField(blank=True)  # … and in English
    # Its forms ready to store (``services.stage_form``), kept until the batch is stored.
    staged = models.JSONField(null=True, blank=True)
    # What the user typed for forms that lacked it: {"<form index>": {"year": 2023, "name": …}}
    supplied = models.JSONField(default=dict, blank=True)
    # Indexes of its forms the user ticked to store; None: every form (uploads before ticks).
    chosen = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
