"""What is stored: projects with a stable identity across years, their forms, the history.

A form's indicator rows are rows of their own (reviewers comment on them, queues count
them); the rest of the canonical form (project details, funds, goals, narrative) is kept as
its canonical JSON in ``header``. Numbers are kept as the text of their canonical form
(``"98.00"`` stays ``"98.00"``), so a stored form gives back exactly the JSON it was given.
``save()`` only stores: scoring is in ``jixiao.core``, workflow in ``review.transitions``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jixiao.web.accounts.models import Organisation


class Kind(models.TextChoices):
    """The two kinds of form."""

    TARGET = "target", _("绩效目标表")
    SELF_EVALUATION = "self_evaluation", _("绩效自评表")


class Status(models.TextChoices):
    """Where a form is in its review (transitions: ``jixiao.web.review.transitions``)."""

    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已提交")
    RETURNED_BY_DEPARTMENT = "returned_department", _("主管部门退回")
    PASSED = "passed", _("主管部门已通过")
    RETURNED_BY_FINANCE = "returned_finance", _("财政局退回")
    APPROVED = "approved", _("财政局已批准")
    PUBLISHED = "published", _("已公开")


EDITABLE = (Status.DRAFT, Status.RETURNED_BY_DEPARTMENT, Status.RETURNED_BY_FINANCE)


class Project(models.Model):
    """A project of a budget unit, the same one from year to year."""

    unit = models.ForeignKey(
        Organisation, verbose_name=_("预算单位"), on_delete=models.PROTECT, related_name="projects"
    )
    name = models.CharField(_("项目名称"), max_length=300)
    name_key = models.CharField(max_length=300, db_index=True, editable=False)

    class Meta:
        verbose_name = _("项目")
        verbose_name_plural = _("项目")
        constraints = [
            models.UniqueConstraint(fields=["unit", "name_key"], name="project_unique_per_unit")
        ]

    def __str__(self) -> str:
        return self.name


class FormRecord(models.Model):
    """One project's target or self-evaluation form for one year."""

    project = models.ForeignKey(
        Project, verbose_name=_("项目"), on_delete=models.PROTECT, related_name="forms"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    kind = models.CharField(_("表类型"), max_length=20, choices=Kind.choices)
    template = models.CharField(
        _("版式"), max_length=60, null=True, blank=True
    )  # null: unrecognised
    status = models.CharField(
        _("状态"), max_length=30, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(default=1)  # optimistic locking: each save increments it
    header = models.JSONField(default=dict)  # the canonical form without its indicators
    origin = models.CharField(_("来源"), max_length=20, default="typed")  # typed | imported
    source_file = models.CharField(_("导入文件"), max_length=500, blank=True)
    # Denormalised for the queue; refreshed by services.refresh_summary after every save.
    # Wide enough for any total the field ranges allow (jixiao.core.limits), and then some.
    declared_total = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    recomputed_total = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    errors = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("绩效表")
        verbose_name_plural = _("绩效表")
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "kind"], name="form_unique_per_year")
        ]
        # The queue's default order (most errors first), with and without a status filter.
        indexes = [
            models.Index(fields=["status", "year"]),
            models.Index(fields=["status", "-errors", "id"], name="form_queue_status_errors"),
            models.Index(fields=["-errors", "id"], name="form_queue_errors"),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year} {self.get_kind_display()}"

    @property
    def editable(self) -> bool:
        """Whether the unit may still change it (approved forms are locked)."""
        return self.status in EDITABLE


class IndicatorRow(models.Model):
    """One third-level indicator of a form, in printed order."""

    form = models.ForeignKey(FormRecord, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveSmallIntegerField()
    # Text as long as the form prints it: an imported cell never overflows a column.
    level1 = models.TextField(blank=True)
    level2 = models.TextField(blank=True)
    name = models.TextField(blank=True)
    explanation = models.TextField(blank=True)
    target = models.TextField(blank=True)
    actual = models.TextField(blank=True)
    # Canonical decimal text within jixiao.core.limits (``-1000.0000`` is 10 characters).
    weight = models.CharField(max_length=40, blank=True)
    score = models.CharField(max_length=40, blank=True)
    deviation = models.TextField(blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["form", "position"], name="row_unique_position")
        ]


def _keep_names(collector, field, sub_objs, using, name_field: str, named) -> None:
    """Unlink the rows from the deleted object but write its name on them."""
    by_target: dict[int, list] = {}
    for obj in sub_objs:
        by_target.setdefault(getattr(obj, field.attname), []).append(obj)
    targets = field.related_model._base_manager.using(using).in_bulk(list(by_target))
    kept = field.model._meta.get_field(name_field)
    for pk, objs in by_target.items():
        if pk in targets:
            collector.add_field_update(kept, named(targets[pk])[: kept.max_length], objs)
    collector.add_field_update(field, None, sub_objs)


def person(user) -> str:
    """A user's name as the history shows it."""
    return user.get_full_name() or user.get_username()


def KEEP_ACTOR(collector, field, sub_objs, using):  # named like CASCADE
    """``on_delete``: a deleted user's events keep the user's name."""
    _keep_names(collector, field, sub_objs, using, "actor_name", person)


def KEEP_AUTHOR(collector, field, sub_objs, using):
    """``on_delete``: a deleted user's comments keep the user's name."""
    _keep_names(collector, field, sub_objs, using, "author_name", person)


def KEEP_FORM(collector, field, sub_objs, using):
    """``on_delete``: a deleted form's events stay, with the form's name."""
    _keep_names(collector, field, sub_objs, using, "form_label", str)


class AppendOnly(models.QuerySet):
    """Rows that are only ever added: deleting or rewriting them is refused."""

    def delete(self):
        """Refused: the audit log keeps every event."""
        raise PermissionError("the audit log is append-only")

    def update(self, **kwargs):
        """Refused: the audit log keeps every event as it was written."""
        raise PermissionError("the audit log is append-only")


class FormEvent(models.Model):
    """One thing that happened to a form: created, edited, imported, moved in the workflow.

    Append-only: events are never deleted or rewritten. Deleting a user keeps their name on
    their events (``actor_name``); deleting a form keeps its events with its name
    (``form_label``).
    """

    form = models.ForeignKey(FormRecord, null=True, on_delete=KEEP_FORM, related_name="events")
    form_label = models.CharField(max_length=400, blank=True)  # the form's name, once deleted
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=KEEP_ACTOR)
    actor_name = models.CharField(max_length=300, blank=True)  # the actor's name, once deleted
    action = models.CharField(max_length=30)  # created | edited | imported | transition
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)
    note = models.TextField(blank=True)
    changes = models.JSONField(default=list)  # [{"path": …, "old": …, "new": …}]
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AppendOnly.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def delete(self, *args, **kwargs):
        """Refused: the audit log keeps every event."""
        raise PermissionError("the audit log is append-only")

    @property
    def who(self) -> str:
        """The actor's name, also once the user was deleted."""
        return person(self.actor) if self.actor else self.actor_name


class IndicatorComment(models.Model):
    """A reviewer's comment on one indicator, shown to the unit where the indicator is."""

    form = models.ForeignKey(FormRecord, on_delete=models.CASCADE, related_name="comments")
    position = models.PositiveSmallIntegerField()  # the indicator row's position when commented
    indicator_name = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=KEEP_AUTHOR)
    author_name = models.CharField(max_length=300, blank=True)  # the author's name, once deleted
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    @property
    def who(self) -> str:
        """The author's name, also once the user was deleted."""
        return person(self.author) if self.author else self.author_name
