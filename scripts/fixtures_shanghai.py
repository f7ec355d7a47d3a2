"""Build the Shanghai XLSX fixtures of tests/io/fixtures/files/ with openpyxl.

Usage: fixtures_shanghai.py OUT_DIR. Writes ``sh2020_target_lab.xlsx`` (one 财政项目支出绩效目标表
（2020年度）), ``sh2020_target_long.xlsx`` (the same form stretched over two pages, with one
more row), ``sh2019_self_eval_clinic.xlsx`` (one 2019年度财政项目绩效自评价) and
``sh2019_self_eval_long.xlsx`` (the same with tall score rows, three pages), laid out like
the official forms: labels in their own cells, long texts merged across the value
columns, the indicator tables with the level-1 cells merged down over their rows. Another
unit and other projects than the seeds. The figures are the ones written by hand in the
``*.expected.json`` files beside them: change both together. LibreOffice turns the
workbooks into PDF and HTML afterwards (scripts/make_fixtures).
"""

import sys
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from fixtures_forms import put as put_cell
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

WRAP = Alignment(wrap_text=True, vertical="center", horizontal="left")
AMOUNT = "#,##0.00"


# The same cells as the MoF fixtures, text aligned left as the Shanghai forms print it.
put = partial(put_cell, align=WRAP)


def title(ws: Worksheet, row: int, text: str, across: int) -> None:
    """A form's title: large, bold, centred over the whole width, unframed."""
    put(ws, row, 1, text, across=across, box=False)
    ws.cell(row=row, column=1).font = Font(size=16, bold=True)
    ws.cell(row=row, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[row].height = 26


def page_setup(ws: Worksheet, widths: dict[str, float], *, landscape: bool) -> None:
    """A4, one page wide, columns sized like the official form."""
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def height(text: str, chars_per_line: int, line: float = 15) -> float:
    """A row height that shows the whole wrapped text (LibreOffice keeps openpyxl's heights)."""
    lines = sum(max(1, -(-len(part) // chars_per_line)) for part in text.split("\n"))
    return max(20, lines * line + 6)


# ---------------------------------------------------------------- 2020 target form


@dataclass
class TargetRow:
    """One row of the 2020 target table."""

    level1: str
    level2: str
    name: str
    target: str


LAB_SECTIONS = [
    (
        "项目概况",
        "该项目用于保障示范区疾病预防控制中心理化检验实验室的日常运行，包括检测试剂耗材采购、"
        "仪器设备维护保养和实验室能力验证等内容。",
    ),
    ("立项依据", "依据《上海市疾病预防控制机构实验室建设标准》和本中心年度检测工作计划。"),
    (
        "项目设立的必要性",
        "实验室承担全区食品、饮用水和公共场所的理化检测任务，是疾病预防控制工作的重要技术支撑。",
    ),
    (
        "保证项目实施的制度、措施",
        "严格执行《示范区疾病预防控制中心财务管理制度》和《实验室质量管理手册》，"
        "规范采购流程，加强过程监督。",
    ),
    (
        "项目实施计划",
        (
            # Two paragraphs typed into one cell (Alt+Enter).
            "2020年1月至12月，按季度采购试剂耗材。\n"
            "上半年完成仪器年度维护保养，下半年开展实验室能力验证。"
        ),
    ),
    (
        "总目标及阶段性目标",
        "保障实验室全年正常运行，按时完成各类理化检测任务，检测质量符合规范要求。",
    ),
]

LAB_ROWS = [
    TargetRow("投入与管理", "投入管理", "预算资金到位率", ">=95%"),
    TargetRow("投入与管理", "财务管理", "资金使用合规性", "符合财务管理制度和专项资金管理规定"),
    TargetRow("投入与管理", "实施管理", "政府采购规范性", "采购程序合规"),
    TargetRow("产出目标", "数量", "完成理化检测样品数", ">=3200份"),
    TargetRow("产出目标", "质量", "能力验证合格率", "=100%"),
    TargetRow("产出目标", "时效", "检测报告按时出具率", ">=98%"),
    TargetRow(
        "效果目标", "社会效益", "公共卫生风险监测能力", "有效提升全区公共卫生风险监测预警能力"
    ),
    TargetRow("效果目标", "满意度", "委托单位满意度", ">=90%"),
    TargetRow("影响力目标", "长效管理", "实验室质量管理体系运行", "体系持续有效运行"),
    TargetRow("影响力目标", "人力资源", "检验人员持证上岗率", "=100%"),
]

COOPERATION = TargetRow(
    "影响力目标", "部门协助", "部门协同有效性", "项目实施过程中，项目单位内部机构分工合理、配合有效"
)

TARGET_WIDTHS = {"A": 20, "B": 18, "C": 26, "D": 40}


def write_target(ws: Worksheet, rows: list[TargetRow], stretch: float = 1) -> None:
    """The 2020 target form: head grid, prose sections, funds lines, the target table.

    ``stretch`` multiplies the prose and table rows' heights (a unit's roomier layout).
    """
    page_setup(ws, TARGET_WIDTHS, landscape=False)
    title(ws, 1, "财政项目支出绩效目标表", 4)
    put(ws, 2, 1, "（2020年度）", across=4, box=False)
    ws.cell(row=2, column=1).alignment = Alignment(horizontal="center")
    put(ws, 3, 1, "申报单位名称")
    put(ws, 3, 2, "示范区疾病预防控制中心", across=3)
    grid = [
        ("项目名称", "理化检验实验室运行经费", "项目类别", "经常性专项业务费"),
        # Dates typed as dates, shown as 2020-01-01.
        ("计划开始日期", date(2020, 1, 1), "计划完成日期", date(2020, 12, 31)),
        ("是否含有政府购买服务", "否", "绩效类型", "其他类"),
    ]
    for n, cells in enumerate(grid, start=4):
        for col, value in enumerate(cells, start=1):
            put(ws, n, col, value, fmt="yyyy-mm-dd" if isinstance(value, date) else None)
    row = 7
    for label, text in LAB_SECTIONS:
        put(ws, row, 1, label)
        put(ws, row, 2, text, across=3)
        ws.row_dimensions[row].height = height(text, 40) * stretch
        row += 1
    put(ws, row, 1, "本项目上年度区级财政资金使用情况", across=4)
    funds = [
        ("项目总预算（元）", 860000, "项目当年预算（元）", 860000),
        ("同名项目上年预算额（元）", 820000, "同名项目上年预算执行数（元）", 796530.4),
    ]
    for n, (a, x, b, y) in enumerate(funds, start=row + 1):
        put(ws, n, 1, a)
        put(ws, n, 2, x, fmt=AMOUNT)
        put(ws, n, 3, b)
        put(ws, n, 4, y, fmt=AMOUNT)
        ws.row_dimensions[n].height = 30
    write_target_table(ws, row + 3, rows, stretch)


def write_target_table(ws: Worksheet, top: int, rows: list[TargetRow], stretch: float) -> None:
    """``2020年绩效目标``, the column header, the rows with level-1 cells merged down."""
    put(ws, top, 1, "2020年绩效目标", across=4)
    for col, label in enumerate(("一级目标", "二级目标", "三级目标", "指标目标值"), start=1):
        put(ws, top + 1, col, label)
    first = top + 2
    for start, length in spans([r.level1 for r in rows]):
        put(ws, first + start, 1, rows[start].level1, down=length)
    for n, item in enumerate(rows):
        put(ws, first + n, 2, item.level2)
        put(ws, first + n, 3, item.name)
        put(ws, first + n, 4, item.target)
        ws.row_dimensions[first + n].height = height(item.target, 20) * stretch


def spans(values: list[str]) -> list[tuple[int, int]]:
    """``(start, length)`` of each run of equal consecutive values."""
    runs: list[tuple[int, int]] = []
    for i, value in enumerate(values):
        if runs and values[runs[-1][0]] == value:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs


# ---------------------------------------------------------------- 2019 self-evaluation


@dataclass
class ScoreRow:
    """One row of the 2019 score table."""

    level1: str
    name: str
    explanation: str
    weight: int
    score: float


CLINIC_ROWS = [
    ScoreRow(
        "投入与管理(36分)",
        "资金使用的合规性",
        "项目资金使用是否符合相关法律法规、制度和规定。",
        8,
        8,
    ),
    ScoreRow("投入与管理(36分)", "预算执行率", "反映项目预算执行的进度。", 10, 9),
    ScoreRow(
        "投入与管理(36分)", "项目设立的规范性", "项目的申请、设立过程是否符合相关要求。", 6, 6
    ),
    ScoreRow(
        "投入与管理(36分)", "绩效目标合理性", "绩效目标是否依据充分，是否符合客观实际。", 12, 10
    ),
    ScoreRow("产出目标(34分)", "家庭医生签约人数", "考察年度签约服务人数完成情况。", 14, 13.5),
    ScoreRow("产出目标(34分)", "签约服务质量", "考察签约居民健康管理规范率。", 20, 18),
    ScoreRow("效果目标(15分)", "签约居民满意度", "签约居民对家庭医生服务的满意程度。", 15, 14),
    ScoreRow("影响力目标(15分)", "长效机制建立情况", "是否建立签约服务长效管理机制。", 15, 12),
]

SELF_EVAL_WIDTHS = {"A": 18, "B": 22, "C": 30, "D": 18, "E": 14, "F": 14}

ACHIEVEMENTS = (
    "1、全年新增家庭医生签约居民12,860人，重点人群签约率达到76.3%。\n"
    "2、签约居民健康档案规范建档率98.2%，慢病患者规范管理率91.5%。"
)


def write_self_eval(ws: Worksheet, row_height: float = 32) -> None:
    """The 2019 self-evaluation: head grid, goal and narrative rows, the score table."""
    page_setup(ws, SELF_EVAL_WIDTHS, landscape=True)
    title(ws, 1, "2019年度财政项目绩效自评价", 6)
    grid = [
        ("项目名称", "家庭医生签约服务经费", "预算单位", "示范区社区卫生服务中心"),
        ("具体实施处(科室)", "医务科、公共卫生科", "是否为经常性项目", "是"),
        ("当年预算数(元)", 2450000, "上年预算金额(元)", 2300000),
        ("预算执行数(元)", 2318460.75, "预算执行率(%)", 0.9463),
    ]
    for row, (a, x, b, y) in enumerate(grid, start=2):
        put(ws, row, 1, a)
        put(ws, row, 2, x, across=2, fmt=AMOUNT if isinstance(x, int | float) else None)
        put(ws, row, 4, b)
        put(ws, row, 5, y, across=2, fmt="0.00%" if b.startswith("预算执行率") else AMOUNT)
    prose = [
        (
            "项目年度总目标",
            "为辖区居民提供家庭医生签约服务，全年新增签约居民12,000人，提升社区健康管理水平。",
        ),
        ("自评时间", date(2020, 3, 20)),  # a date, shown as 2020/3/20
        ("绩效等级", "良好"),
        ("主要绩效", ACHIEVEMENTS),
        ("主要问题", "部分签约居民对服务内容知晓度不高，随访频次不足。"),
        ("改进措施", "加强签约服务宣传，完善随访考核机制。"),
    ]
    for row, (label, text) in enumerate(prose, start=6):
        put(ws, row, 1, label)
        put(ws, row, 2, text, across=5, fmt="yyyy/m/d" if isinstance(text, date) else None)
        ws.row_dimensions[row].height = height(str(text), 60)
    write_score_table(ws, 12, row_height)


def write_score_table(ws: Worksheet, top: int, row_height: float) -> None:
    """一级指标 … 备注, the rows with level-1 cells merged down, and the 合计 row."""
    header = ("一级指标", "指标名称", "指标解释", "权重", "自评分", "备注")
    for col, label in enumerate(header, start=1):
        put(ws, top, col, label)
    first = top + 1
    for start, length in spans([r.level1 for r in CLINIC_ROWS]):
        put(ws, first + start, 1, CLINIC_ROWS[start].level1, down=length)
    for n, item in enumerate(CLINIC_ROWS):
        line = first + n
        put(ws, line, 2, item.name)
        put(ws, line, 3, item.explanation)
        put(ws, line, 4, item.weight)
        put(ws, line, 5, item.score, fmt="0.0" if item.score % 1 else "General")
        put(ws, line, 6, None)
        ws.row_dimensions[line].height = row_height
    end = first + len(CLINIC_ROWS)
    put(ws, end, 1, "合计", across=3)
    put(ws, end, 4, 100)
    put(ws, end, 5, 90.5, fmt="0.0")
    put(ws, end, 6, None)


def build(out: Path) -> None:
    """Write the four workbooks under ``out``."""
    book = Workbook()
    book.active.title = "绩效目标表"
    write_target(book.active, LAB_ROWS)
    book.save(out / "sh2020_target_lab.xlsx")

    # The same form with taller rows and one more indicator: the table runs onto a second
    # page, and the PDF prints the 产出目标 cell, cut by the page break, between the rows.
    book = Workbook()
    book.active.title = "绩效目标表"
    write_target(book.active, [*LAB_ROWS, COOPERATION], stretch=3)
    book.save(out / "sh2020_target_long.xlsx")

    book = Workbook()
    book.active.title = "绩效自评价"
    write_self_eval(book.active)
    book.save(out / "sh2019_self_eval_clinic.xlsx")

    # The same form with tall score rows: the table runs over two more pages.
    book = Workbook()
    book.active.title = "绩效自评价"
    write_self_eval(book.active, row_height=90)
    book.save(out / "sh2019_self_eval_long.xlsx")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
