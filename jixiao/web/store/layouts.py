"""Printed layouts as users know them: their names, which ones the editor offers, their trees.

A form's ``template`` is the id of its printed layout (``docs/design/issue-9.md``), or null when
the importer recognised none. Pages never show the id: they show the layout's printed name in
the interface's language, or "未识别的版式 / unrecognised layout".

The editor offers the national trees (2020: 产出 / 效益 / 满意度; 2021 on: 成本指标 as a level 1)
and Shanghai's, for the kind of form being created. A layout's tree (level-1 names, with the
level-2 names under each) is the one of the rule set that lists the layout; a layout no rule
set lists has no tree, and its level names are free.
"""

from django.utils.translation import gettext as _

from jixiao.core.model import FormKind
from jixiao.core.rulesets import GroupRule
from jixiao.io.vocabulary import Layout, layouts
from jixiao.web.language import in_language
from jixiao.web.store.rules import rules

SELF_EVALUATION = str(FormKind.SELF_EVALUATION)
# The layouts a new form can be typed in, in the order offered (newest national tree first).
EDITOR_LAYOUTS = (
    "mof-2021-target",
    "mof-2020-target",
    "sh-2020-target",
    "sh-2019-target",
    "mof-2021-self-eval",
    "mof-2020-self-eval",
    "sh-2019-self-eval",
)
# Target layouts whose rows print 分值 (the national ones); every self-evaluation does.
WEIGHTED_TARGETS = ("mof-2021-target", "mof-2020-target")
# What a new form of each kind starts with.
DEFAULT_LAYOUT = {str(FormKind.TARGET): "mof-2021-target", SELF_EVALUATION: "mof-2021-self-eval"}


def layout_of(template: str | None) -> Layout | None:
    """The known layout of that id (the importer's vocabulary), if any."""
    return next((layout for layout in layouts() if layout.id == template), None)


def title(template: str | None) -> str:
    """What pages call a layout: its printed name, or "unrecognised layout"."""
    layout = layout_of(template)
    return in_language(layout.title_zh, layout.title_en) if layout else _("未识别的版式")


def editor_layouts(kind: str) -> list[Layout]:
    """The layouts a new form of this kind may be typed in (by the layout's kind only)."""
    known = [layout_of(layout_id) for layout_id in EDITOR_LAYOUTS]
    return [layout for layout in known if layout is not None and layout.kind == kind]


def groups(template: str | None) -> tuple[GroupRule, ...]:
    """The level-1 groups of the rule set that lists the layout (none when no rule set does)."""
    ruleset = rules().ruleset_for(template) if template else None
    return ruleset.groups if ruleset else ()


def tree(template: str | None) -> dict[str, list[str]]:
    """``{level1: [level2, …]}`` of the layout, in its order (other spellings are accepted too)."""
    return {group.name: list(group.level2) for group in groups(template)}


def prints_weights(template: str | None, kind: str) -> bool:
    """Whether rows of this layout carry 分值: every self-evaluation, and national targets."""
    return kind == SELF_EVALUATION or template in WEIGHTED_TARGETS
