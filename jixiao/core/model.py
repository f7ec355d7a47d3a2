"""The canonical form (SPEC §2) as frozen dataclasses.

One ``Form`` is one project in one year: a declaration of targets (``kind == "target"``)
or a self-evaluation (``kind == "self_evaluation"``). Text fields hold what was printed,
after whitespace normalisation; amounts, rates, weights and scores are ``Decimal`` keeping
their printed digits (``Decimal("98.00")``), so a form dumps back to the same JSON.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from jixiao.core.dates import FormDate

FORM_SCHEMA = "jixiao/form@1"


class FormKind(StrEnum):
    """What a form declares: targets before the year, or the evaluation after it."""

    TARGET = "target"
    SELF_EVALUATION = "self_evaluation"


@dataclass(frozen=True, slots=True)
class Project:
    """The project block: who spends, on what, and why."""

    name: str | None = None  # 项目名称
    department: str | None = None  # 主管部门
    unit: str | None = None  # 实施单位 / 预算单位 / 申报单位名称
    offices: str | None = None  # 具体实施处(科室)
    recurring: bool | None = None  # 是否为经常性项目
    category: tuple[str, ...] | None = None  # 项目类别, the ticked boxes as printed
    funds_use: tuple[str, ...] | None = None  # 资金用途, the ticked boxes
    performance_type: str | None = None  # 绩效类型
    purchases_services: bool | None = None  # 是否含有政府购买服务
    start_date: FormDate | None = None  # a day, or a month where only the month is printed
    end_date: FormDate | None = None
    overview: str | None = None  # 项目概况
    basis: str | None = None  # 立项依据
    necessity: str | None = None  # 项目设立的必要性
    safeguards: str | None = None  # 保证项目实施的制度、措施
    plan: str | None = None  # 项目实施计划


@dataclass(frozen=True, slots=True)
class FundSource:
    """One 其中 row of the funds table: 当年财政拨款, 上年结转资金, 其他资金."""

    name: str
    initial_budget: Decimal | None = None
    budget: Decimal | None = None
    executed: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Component:
    """One 子项目 row: a named part of the budget."""

    name: str
    amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Funds:
    """Budget, spending and the execution row, in ``currency_unit`` (元 or 万元)."""

    currency_unit: str | None = None
    initial_budget: Decimal | None = None  # 年初预算数
    budget: Decimal | None = None  # 全年预算数 / 当年预算数: the adjusted budget
    total_budget: Decimal | None = None  # 项目总预算
    executed: Decimal | None = None  # 全年执行数
    previous_budget: Decimal | None = None  # 上年预算金额
    previous_executed: Decimal | None = None  # 同名项目上年预算执行数
    execution_rate: Decimal | None = None  # 执行率 as printed, in percent without the sign
    execution_weight: Decimal | None = None  # 分值 of the funds row
    execution_score: Decimal | None = None  # 得分 of the funds row
    sources: tuple[FundSource, ...] = ()
    components: tuple[Component, ...] = ()


@dataclass(frozen=True, slots=True)
class Goals:
    """The overall and annual goals, and (self-evaluation) what was achieved."""

    overall: str | None = None
    annual: str | None = None
    achieved: str | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """A first-level indicator group and its printed weight (``投入与管理（36分）``).

    A printed point range (``产出指标(30-50)分``) is a band the group's weights must fall
    in, not a weight: ``band`` holds its bounds and ``weight`` stays ``None``.
    """

    name: str
    weight: Decimal | None = None
    band: tuple[Decimal, Decimal] | None = None


@dataclass(frozen=True, slots=True)
class Indicator:
    """One third-level indicator row, with the level-1/level-2 cells it belongs to."""

    level1: str | None
    level2: str | None
    name: str | None
    explanation: str | None = None  # 指标解释
    target: str | None = None  # 年度指标值, text as printed (``≥60 次``)
    actual: str | None = None  # 实际完成值, text as printed
    weight: Decimal | None = None  # 分值 / 权重
    score: Decimal | None = None  # 得分 / 自评分: self-assigned, never overwritten
    deviation: str | None = None  # 偏差原因分析及改进措施
    note: str | None = None  # 备注


@dataclass(frozen=True, slots=True)
class Narrative:
    """The free text of a 2019 self-evaluation: 主要绩效, 主要问题, 改进措施."""

    achievements: str | None = None
    problems: str | None = None
    improvements: str | None = None


@dataclass(frozen=True, slots=True)
class Form:
    """One project in one year: the unit of declaration, evaluation, review and publication."""

    kind: FormKind
    template: str | None  # the matched layout's id; None when no known layout matched
    year: int | None  # the budget year; None when the form does not settle it
    project: Project = field(default_factory=Project)
    funds: Funds = field(default_factory=Funds)
    goals: Goals = field(default_factory=Goals)
    groups: tuple[Group, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    total_score: Decimal | None = None  # 总分 / 合计 as printed
    grade: str | None = None  # 绩效等级 as printed
    evaluated_on: FormDate | None = None  # 自评时间: a day or a month
    narrative: Narrative = field(default_factory=Narrative)

    @property
    def is_self_evaluation(self) -> bool:
        """Whether the form reports results (and so carries scores)."""
        return self.kind is FormKind.SELF_EVALUATION
