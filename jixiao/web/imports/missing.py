"""What an imported form lacks before it can be stored (its year, its project's name), asked per form.

A form whose year is not printed (and not settled by its title, dates or file name) or whose
project has no name is neither stored silently nor refused: the upload's preview asks for what
is missing, one small form per parsed form, and storing uses what the user typed. The typed
values become part of the stored form, and the import's history entry lists them.

Department-wide forms (部门整体支出绩效目标表 / 自评表) print no project: the department is the
unit. Their name is suggested as ``部门整体支出（<unit>）``, so each unit's department-wide form
is one project from year to year; the user may type another.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

CONFIRM_FORM = "confirm-form"  # the page's confirm form, which these inputs belong to


def missing(data: dict[str, Any]) -> list[str]:
    """``"year"`` and/or ``"name"``: what a parsed form lacks to be stored."""
    lacks = []
    year = data.get("year")
    # Importers that read no year write null (older ones 0): neither is a year to store under.
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 < year < 2200:
        lacks.append("year")
    if not ((data.get("project") or {}).get("name") or "").strip():
        lacks.append("name")
    return lacks


def suggested_name(data: dict[str, Any]) -> str | None:
    """A department-wide form's project name: ``部门整体支出（<unit>）``, when the unit is known."""
    unit = (data.get("project") or {}).get("unit")
    return f"部门整体支出（{unit}）" if unit else None


class MissingForm(forms.Form):
    """The year and/or project name of one parsed form, typed in the upload's preview."""

    year = forms.IntegerField(label=_("年度"), min_value=1990, max_value=2100)
    name = forms.CharField(label=_("项目名称"), max_length=300)

    def __init__(self, *args: Any, lacks: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in [f for f in self.fields if f not in lacks]:
            del self.fields[field]
        for field in self.fields.values():
            field.widget.attrs["form"] = CONFIRM_FORM


def ask(data: dict[str, Any], prefix: str, post: Any = None) -> MissingForm | None:
    """The form asking for what this parsed form lacks (bound to ``post`` if given), or None."""
    lacks = missing(data)
    if not lacks:
        return None
    initial = {"name": suggested_name(data)} if "name" in lacks else {}
    return MissingForm(post, lacks=lacks, prefix=prefix, initial=initial)


def supplied_to(data: dict[str, Any], supplied: dict[str, Any]) -> tuple[dict, list[dict]]:
    """The parsed form with the typed year and name, and the changes as history rows."""
    data = dict(data)
    changes = []
    if "year" in supplied:
        changes.append({"path": "year", "old": data.get("year"), "new": supplied["year"]})
        data["year"] = supplied["year"]
    if "name" in supplied:
        project = dict(data.get("project") or {})
        changes.append(
            {"path": "project.name", "old": project.get("name"), "new": supplied["name"]}
        )
        project["name"] = supplied["name"]
        data["project"] = project
    return data, changes
