"""Build the XLSX fixtures of tests/io/fixtures/files/ with openpyxl, as a unit's staff would.

Usage: fixtures_forms.py OUT_DIR. Writes ``self_eval_2023.xlsx`` (one 项目支出绩效自评表, amounts
in 万元), ``two_sheets_2023.xlsx`` (two forms on two sheets, amounts in 元) and
``bad/no_indicator_table.xlsx`` (a form cut off before its indicator table). The figures are
the ones written by hand in the ``*.expected.json`` files beside them: change both together.
LibreOffice turns the workbooks into PDF, HTML and DOCX afterwards (scripts/make_fixtures).
"""

import sys
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
WIDTHS = {"A": 8, "B": 12, "C": 18, "D": 24, "E": 17, "F": 17, "G": 7, "H": 7, "I": 36}
FUNDS_HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
TABLE_HEADER = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)


@dataclass
class Row:
    """One indicator row; ``actual`` may be a number shown through ``actual_format``."""

    level1: str
    level2: str
    name: str
    target: str
    actual: str | float
    weight: float
    score: float
    deviation: str | None = None
    actual_format: str = "General"


@dataclass
class Spec:
    """What one form prints: header, funds (label, initial, budget, executed), goals, rows."""

    title: str
    year_line: str
    name: str
    department: str
    unit: str
    currency: str
    amount_format: str
    funds: list[tuple[str, float | str | None, float | str | None, float | str | None]]
    execution: tuple[float, float, float]  # weight, rate (a fraction), score
    goal: str
    achieved: str
    rows: list[Row] = field(default_factory=list)
    total: tuple[float, float] = (100, 0)


def put(  # noqa: PLR0913 - a cell and its keyword-only style settings
    ws: Worksheet, row: int, col: int, value, *, across=1, down=1, fmt=None, box=True, align=WRAP
):
    """Write a value, merge ``across`` × ``down`` cells from it, and frame the whole range."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        # Typed as ``'=100%``: a target, not a formula (openpyxl would store a formula).
        cell.data_type = "s"
    if fmt:
        cell.number_format = fmt
    for r in range(row, row + down):
        for c in range(col, col + across):
            target = ws.cell(row=r, column=c)
            target.alignment = align
            if box:
                target.border = BOX
    if across > 1 or down > 1:
        ws.merge_cells(
            start_row=row, start_column=col, end_row=row + down - 1, end_column=col + across - 1
        )


def write_header(ws: Worksheet, spec: Spec, top: int) -> int:
    """Title, year, 项目名称, 主管部门 / 实施单位; returns the next free row."""
    put(ws, top, 1, spec.title, across=9, box=False)
    ws.row_dimensions[top].height = 26
    ws.cell(row=top, column=1).font = Font(size=16, bold=True)
    put(ws, top + 1, 1, spec.year_line, across=9, box=False)
    put(ws, top + 2, 1, "项目名称")
    put(ws, top + 2, 2, spec.name, across=8)
    put(ws, top + 3, 1, "主管部门")
    put(ws, top + 3, 2, spec.department, across=3)
    put(ws, top + 3, 5, "实施单位")
    put(ws, top + 3, 6, spec.unit, across=4)
    return top + 4


def write_funds(ws: Worksheet, spec: Spec, top: int) -> int:
    """The funds block: the 项目资金 label merged down over the header and every fund row."""
    put(ws, top, 1, f"项目资金（{spec.currency}）", down=len(spec.funds) + 1)
    put(ws, top, 2, None, across=2)
    for i, label in enumerate(FUNDS_HEADER):
        put(ws, top, 4 + i, label)
    weight, rate, score = spec.execution
    for n, (label, *amounts) in enumerate(spec.funds, start=1):
        put(ws, top + n, 2, label, across=2)
        for i, value in enumerate(amounts):
            put(ws, top + n, 4 + i, value, fmt=spec.amount_format)
        tail = (weight, rate, score) if n == 1 else ("—", "—", "—")
        for i, (value, fmt) in enumerate(zip(tail, ("General", "0.00%", "0.00"), strict=True)):
            put(ws, top + n, 7 + i, value, fmt=fmt)
    return top + len(spec.funds) + 1


def write_goals(ws: Worksheet, spec: Spec, top: int) -> int:
    """年度总体目标: 预期目标 and 实际完成情况, each text merged over four columns."""
    put(ws, top, 1, "年度总体目标", down=2)
    put(ws, top, 2, "预期目标", across=4)
    put(ws, top, 6, "实际完成情况", across=4)
    put(ws, top + 1, 2, spec.goal, across=4)
    put(ws, top + 1, 6, spec.achieved, across=4)
    ws.row_dimensions[top + 1].height = 90
    return top + 2


def spans(values: list[str]) -> list[tuple[int, int]]:
    """``(start, length)`` of each run of equal consecutive values."""
    runs: list[tuple[int, int]] = []
    for i, value in enumerate(values):
        if runs and values[runs[-1][0]] == value:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs


def write_indicators(ws: Worksheet, spec: Spec, top: int) -> int:
    """The indicator table: 绩效指标 merged down, level-1 and level-2 cells merged over their rows."""
    put(ws, top, 1, "绩效指标", down=len(spec.rows) + 1)
    for i, label in enumerate(TABLE_HEADER):
        put(ws, top, 2 + i, label)
    first = top + 1
    for start, length in spans([r.level1 for r in spec.rows]):
        put(ws, first + start, 2, spec.rows[start].level1, down=length)
    for start, length in spans([f"{r.level1}/{r.level2}" for r in spec.rows]):
        put(ws, first + start, 3, spec.rows[start].level2, down=length)
    for n, row in enumerate(spec.rows):
        line = first + n
        put(ws, line, 4, row.name)
        put(ws, line, 5, row.target)
        put(ws, line, 6, row.actual, fmt=row.actual_format)
        put(ws, line, 7, row.weight)
        put(ws, line, 8, row.score, fmt="0.00" if row.score % 1 else "General")
        put(ws, line, 9, row.deviation)
        # LibreOffice keeps the default height of rows written by openpyxl: size them as
        # Excel's autofit would, or the wrapped text spills over the rows below.
        ws.row_dimensions[line].height = 46 if row.deviation else 20
    end = first + len(spec.rows)
    put(ws, end, 1, "总分", across=6)
    put(ws, end, 7, spec.total[0])
    put(ws, end, 8, spec.total[1], fmt="0.00")
    put(ws, end, 9, None)
    return end + 1


def page_setup(ws: Worksheet) -> None:
    """Landscape A4, one page wide, columns sized like the official form."""
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def write_form(ws: Worksheet, spec: Spec, top: int = 1, *, indicators: bool = True) -> int:
    """A whole form from row ``top``; returns the next free row."""
    page_setup(ws)
    row = write_goals(ws, spec, write_funds(ws, spec, write_header(ws, spec, top)))
    return write_indicators(ws, spec, row) if indicators else row


TRAINING = Spec(
    title="项目支出绩效自评表",
    year_line="（2023年度）",
    name="基层财政干部业务能力培训项目",
    department="示范市财政局",
    unit="示范市财政干部教育中心",
    currency="万元",
    amount_format="0.00",
    funds=[
        # 全年执行数 is the sum Excel would store: 82.35 + 4.8 is 87.14999999999999 in binary.
        ("年度资金总额", 86.5, 92.36, 82.35 + 4.8),
        ("其中：本年财政拨款", 80.0, 86.36, 82.35),
        ("上年结转资金", None, None, None),
        ("其他资金", 6.5, 6.0, 4.8),
    ],
    execution=(10, 0.9436, 9.44),
    goal="围绕财政中心工作，全年举办基层财政干部业务培训班12期以上，培训600人次以上。\n"
    "提升基层财政干部预算管理和绩效管理能力，培训合格率不低于95%。",
    achieved="全年举办培训班14期，培训532人次，培训合格率98.5%。"
    "受疫情影响部分课程改为线上，线下参训人次未达预期。",
    rows=[
        Row("产出指标", "数量指标", "培训班举办期数", "≥12期", "14期", 10, 10),
        Row(
            "产出指标",
            "数量指标",
            "参训人员人次",
            "≥600人次",
            "532人次",
            10,
            8.87,
            "偏差原因：部分课程改为线上，线下参训人次未达预期。\n改进措施：提前做好报名组织。",
        ),
        Row("产出指标", "质量指标", "培训合格率", "≥95%", "98.5%", 10, 10),
        # 100 % typed into a cell is stored as the number 1 shown as a percentage.
        Row("产出指标", "时效指标", "培训计划按期完成率", "100%", 1, 10, 10, None, "0%"),
        Row("产出指标", "成本指标", "人均培训成本", "≤1500元", "1380元", 10, 10),
        Row("效益指标", "社会效益指标", "基层干部业务能力提升", "明显提升", "明显提升", 10, 10),
        Row(
            "效益指标",
            "社会效益指标",
            "培训成果转化应用",
            "有效转化",
            "部分转化",
            10,
            8,
            "部分学员返岗后应用不足，下一步建立训后跟踪回访机制。",
        ),
        Row(
            "效益指标",
            "可持续影响指标",
            "培训长效机制建立情况",
            "长效机制健全",
            "基本健全",
            10,
            9,
            "培训制度尚需完善。",
        ),
        Row("满意度指标", "服务对象满意度指标", "参训学员满意度", "≥90%", "96.2%", 10, 10),
    ],
    total=(100, 95.31),
)

ARCHIVES = Spec(
    title="财政项目支出绩效自评表",
    year_line="（2023年度）",
    name="档案数字化加工服务",
    department="示范市档案局",
    unit="示范市档案馆",
    currency="元",
    amount_format="#,##0.00",
    funds=[
        ("年度资金总额", 1250000, 1180000, 1163420.5),
        ("其中：当年财政拨款", 1250000, 1180000, 1163420.5),
        ("上年结转资金", "—", "—", "—"),
        ("其他资金", "—", "—", "—"),
    ],
    execution=(10, 0.9859, 9.86),
    goal="完成馆藏档案数字化加工120万页，数字化成果通过质量验收。",
    achieved="完成档案数字化加工126.4万页，成果全部通过验收。",
    rows=[
        Row("产出指标（50分）", "数量指标", "档案数字化加工页数", "≥120万页", "126.4万页", 20, 20),
        Row("产出指标（50分）", "质量指标", "数字化成果验收合格率", "100%", "100%", 20, 20),
        Row(
            "产出指标（50分）",
            "时效指标",
            "加工任务完成时间",
            "2023年11月底前",
            "2023年11月",
            10,
            10,
        ),
        Row("效益指标（30分）", "社会效益指标", "档案查阅利用效率", "明显提高", "明显提高", 30, 30),
        Row("满意度指标（10分）", "服务对象满意度指标", "档案利用者满意度", "≥90%", "93%", 10, 10),
    ],
    total=(100, 99.86),
)

PATROL = Spec(
    title="财政项目支出绩效自评表",
    year_line="（2023年度）",
    name="档案库房安全巡检",
    department="示范市档案局",
    unit="示范市档案馆",
    currency="元",
    amount_format="#,##0.00",
    funds=[
        ("年度资金总额", 86000, 86000, 72240),
        ("其中：当年财政拨款", 86000, 86000, 72240),
        ("上年结转资金", "—", "—", "—"),
        ("其他资金", "—", "—", "—"),
    ],
    execution=(10, 0.84, 8.4),
    goal="全年开展库房安全巡检，确保档案实体安全。",
    achieved="全年巡检250次，未发生安全事故。",
    rows=[
        Row("产出指标（50分）", "数量指标", "库房巡检次数", "≥240次", "250次", 25, 25),
        Row("产出指标（50分）", "质量指标", "安全事故次数", "0次", "0次", 25, 25),
        Row("效益指标（30分）", "社会效益指标", "档案实体安全保障", "有效保障", "有效保障", 30, 30),
        Row(
            "满意度指标（10分）",
            "服务对象满意度指标",
            "馆内职工满意度",
            "≥90%",
            "88%",
            10,
            9.5,
            "巡检时段与工作时间冲突。",
        ),
    ],
    total=(100, 97.9),
)


def build(out: Path) -> None:
    """Write the three workbooks under ``out``."""
    (out / "bad").mkdir(parents=True, exist_ok=True)
    book = Workbook()
    book.active.title = "自评表"
    write_form(book.active, TRAINING)
    book.save(out / "self_eval_2023.xlsx")

    book = Workbook()
    book.active.title = "档案数字化"
    write_form(book.active, ARCHIVES)
    write_form(book.create_sheet("库房巡检"), PATROL)
    book.save(out / "two_sheets_2023.xlsx")

    book = Workbook()
    book.active.title = "自评表"
    write_form(book.active, TRAINING, indicators=False)
    book.save(out / "bad" / "no_indicator_table.xlsx")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
