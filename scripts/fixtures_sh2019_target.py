"""Build the 2019 Shanghai target-form XLSX fixture of tests/io/fixtures/files/ with openpyxl.

Usage: fixtures_sh2019_target.py OUT_DIR. Writes ``sh2019_target_pool.xlsx``: one
上海市财政支出项目绩效目标申报表（2019年） laid out like the official form: labels in the
left column, the 项目类型 and 资金用途 check boxes typed as text with √ and □, dates typed
as dates, the funds cells, the 项目当年投入资金构成 cell merged down over the 子项目名称 /
预算金额 rows, the prose sections, and the 分解目标 table whose level-1 cells
(投入和管理目标 / 产出目标 / 效果目标 / 影响力目标) are merged down over their rows. Another
unit, project and amounts than seed 004. ``sh2019_target_long.xlsx`` is the same form in
万元 with a plan of two typed paragraphs, a 备注 row left empty and taller indicator rows
with one more indicator, so that the table runs onto a second page. The figures are the
ones written by hand in the ``*.expected.json`` files: change both together. LibreOffice
turns the workbooks into PDF and HTML afterwards (scripts/make_fixtures).
"""

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

sys.path.insert(0, str(Path(__file__).parent))
from fixtures_shanghai import AMOUNT, height, page_setup, put, spans, title

WIDTHS = {"A": 18, "B": 18, "C": 26, "D": 18, "E": 24}

CATEGORY = "市委市政府已确定的新增项目□    结转项目□    其他一次性项目□\n经常性专项业务费√   其他经常性项目□"
FUNDS_USE = (
    "基本建设工程类□    信息化建设类□    政策补贴类□\n"
    "政府购买服务√    资产购置类□    其他事业专业类√"
)

HEAD_SECTIONS = [
    (
        "项目概况",
        "该项目用于保障全区公共游泳场所水质卫生监督抽检工作的开展，包括水样采集、"
        "实验室检测、检测报告出具和监督结果公示等内容",
    ),
    ("立项依据", "依据《游泳场所卫生规范》和《上海市公共场所卫生监督管理办法》开展工作"),
    (
        "项目设立的必要性",
        "游泳场所人员密集，水质不合格容易引发传染病传播，开展水质抽检是保障市民健康的重要手段",
    ),
    (
        "保证项目实施的制度、措施",
        "严格执行《示范区卫生健康委员会财务管理制度》和政府采购有关规定，加强检测质量控制",
    ),
]

COMPONENTS = [("水质检测服务费", 386000), ("采样及公示费用", 94500)]

GOAL_SECTIONS = [
    ("项目实施计划", "2019年5月至9月游泳季期间，每两周对全区游泳场所开展一轮水质抽检"),
    ("项目总目标", "保障全区公共游泳场所水质卫生安全，降低水源性传染病传播风险"),
    ("年度绩效目标", "全年完成游泳场所水质抽检不少于1200份，检测结果按时公示"),
]

ROWS = [
    ("投入和管理目标", "预算执行率", "100%"),
    ("投入和管理目标", "资金使用合规性", "资金使用符合财务管理制度和专项资金管理规定"),
    ("投入和管理目标", "政府采购规范性", "采购程序合规"),
    ("产出目标", "水质抽检样品数", ">=1200份"),
    ("产出目标", "检测报告按时出具率", ">=98%"),
    ("效果目标", "游泳场所水质合格率", ">=90%"),
    ("效果目标", "游泳场所经营者满意度", ">=85%"),
    ("影响力目标", "长效监管机制建立情况", "建立游泳场所水质常态化抽检机制"),
]


@dataclass
class Variant:
    """What differs between the two workbooks."""

    goals: list[tuple[str, str]]
    rows: list[tuple[str, str, str]]
    funds: list[tuple[str, float, str, float]]
    components: list[tuple[str, float]]
    money_format: str = AMOUNT
    stretch: float = 1
    remark: bool = False


def write_form(ws: Worksheet, variant: Variant) -> None:
    """The 2019 target form: head rows, prose, funds and components, the indicator table."""
    page_setup(ws, WIDTHS, landscape=False)
    title(ws, 1, "上海市财政支出项目绩效目标申报表", 5)
    put(ws, 2, 1, "（2019年）", across=5, box=False)
    ws.cell(row=2, column=1).alignment = Alignment(horizontal="center")
    head = [
        ("申报单位名称", "示范区卫生健康委员会监督所"),
        ("项目名称", "游泳场所水质卫生监督抽检经费"),
        ("项目类型", CATEGORY),
        ("资金用途", FUNDS_USE),
    ]
    for row, (label, value) in enumerate(head, start=3):
        put(ws, row, 1, label)
        put(ws, row, 2, value, across=4)
        ws.row_dimensions[row].height = 36 if "\n" in value else 20
    put(ws, 7, 1, "开始时间")
    put(ws, 7, 2, date(2019, 5, 1), fmt="yyyy/m/d")
    put(ws, 7, 3, "结束时间")
    put(ws, 7, 4, date(2019, 9, 30), across=2, fmt="yyyy/m/d")
    row = prose(ws, 8, HEAD_SECTIONS)
    row = funds(ws, row, variant)
    row = prose(ws, row, variant.goals)
    if variant.remark:  # the template's 备注 row, left empty
        put(ws, row, 1, "备注")
        put(ws, row, 2, None, across=4)
        row += 1
    table(ws, row, variant)


def prose(ws: Worksheet, row: int, sections: list[tuple[str, str]]) -> int:
    """Label cells and their texts merged across the value columns; the next free row."""
    for label, text in sections:
        put(ws, row, 1, label)
        put(ws, row, 2, text, across=4)
        ws.row_dimensions[row].height = height(text, 45)
        row += 1
    return row


def funds(ws: Worksheet, row: int, variant: Variant) -> int:
    """The four funds cells, then 项目当年投入资金构成 merged down over its 子项目 rows."""
    unit = "（万元）" if "万元" in variant.funds[0][0] else "（元）"
    for n, (a, x, b, y) in enumerate(variant.funds, start=row):
        put(ws, n, 1, a)
        put(ws, n, 2, x, fmt=variant.money_format)
        put(ws, n, 3, b)
        put(ws, n, 4, y, across=2, fmt=variant.money_format)
        ws.row_dimensions[n].height = 30
    top = row + 2
    parts = variant.components
    put(ws, top, 1, "项目当年投入资金构成", down=len(parts) + 1)
    put(ws, top, 2, "子项目名称", across=2)
    put(ws, top, 4, f"预算金额{unit}", across=2)
    for n, (name, value) in enumerate(parts, start=top + 1):
        put(ws, n, 2, name, across=2)
        put(ws, n, 4, value, across=2, fmt=variant.money_format)
    return top + len(parts) + 1


def table(ws: Worksheet, top: int, variant: Variant) -> None:
    """分解目标 merged down the table; level-1 cells merged down over their rows."""
    rows = variant.rows
    put(ws, top, 1, "分解目标", down=len(rows) + 1)
    put(ws, top, 2, "绩效指标", across=2)
    put(ws, top, 4, "指标目标值", across=2)
    first = top + 1
    for start, length in spans([r[0] for r in rows]):
        put(ws, first + start, 2, rows[start][0], down=length)
    for n, (_, name, target) in enumerate(rows):
        put(ws, first + n, 3, name)
        put(ws, first + n, 4, target, across=2)
        ws.row_dimensions[first + n].height = height(target, 20) * variant.stretch


POOL = Variant(
    goals=GOAL_SECTIONS,
    rows=ROWS,
    funds=[
        ("项目总预算（元）", 480500, "项目当年预算（元）", 480500),
        ("同名项目上年预算额（元）", 450000, "同名项目上年预算执行数（元）", 437826.5),
    ],
    components=COMPONENTS,
)

LONG = Variant(
    goals=[
        (
            "项目实施计划",
            # Two paragraphs typed into one cell (Alt+Enter).
            "2019年5月完成抽检方案制定和检测机构采购。\n6月至9月每两周开展一轮水质抽检并公示结果",
        ),
        *GOAL_SECTIONS[1:],
    ],
    rows=[
        *ROWS,
        ("影响力目标", "监督人员培训覆盖率", "=100%"),
    ],
    funds=[
        ("项目总预算（万元）", 48.05, "项目当年预算（万元）", 48.05),
        ("同名项目上年预算额（万元）", 45, "同名项目上年预算执行数（万元）", 43.78),
    ],
    components=[("水质检测服务费", 38.6), ("采样及公示费用", 9.45)],
    money_format="0.00",
    stretch=4,
    remark=True,
)


def build(out: Path) -> None:
    """Write the two workbooks under ``out``."""
    for name, variant in (("pool", POOL), ("long", LONG)):
        book = Workbook()
        book.active.title = "绩效目标申报表"
        write_form(book.active, variant)
        book.save(out / f"sh2019_target_{name}.xlsx")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
