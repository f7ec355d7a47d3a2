"""The organisation tree (finance bureau → departments → budget units) and each user's role."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jixiao.core.names import name_key


class OrgKind(models.TextChoices):
    """The three levels of the budget hierarchy."""

    BUREAU = "bureau", _("财政局")
    DEPARTMENT = "department", _("主管部门")
    UNIT = "unit", _("预算单位")


class Role(models.TextChoices):
    """What a user does: fill in, review for a department, review for the bureau."""

    UNIT_STAFF = "unit", _("单位填报人")
    DEPARTMENT_REVIEWER = "department", _("主管部门审核人")
    FINANCE_REVIEWER = "finance", _("财政局审核人")


class Organisation(models.Model):
    """A finance bureau, a supervising department or a budget unit."""

    name = models.CharField(_("名称"), max_length=200)
    kind = models.CharField(_("类型"), max_length=20, choices=OrgKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name_key = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        verbose_name = _("机构")
        verbose_name_plural = _("机构")
        constraints = [
            models.UniqueConstraint(fields=["kind", "name_key"], name="org_unique_name_per_kind")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        """Store the comparison key with the name (full-width brackets and spaces folded)."""
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)


class Membership(models.Model):
    """A user's organisation and role (one each)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organisation = models.ForeignKey(Organisation, verbose_name=_("机构"), on_delete=models.PROTECT)
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("成员")
        verbose_name_plural = _("成员")

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"
