"""Build the XLSX fixtures of tests/io/fixtures/provinces/: one form per layout family of other provinces.

Usage: fixtures_provinces.py OUT_DIR. Each workbook is typed as the family of
../shared/corpus/README.md prints its form (invented projects and units, figures that add up
unless a comment says otherwise). A sheet is a grid written row by row: ``L`` marks a cell
merged with the one to its left, ``U`` one merged with the one above, ``Line`` an unframed
line over the whole width (title, year, unit). The figures are the ones written by hand in
the ``<form>.expected.json`` files beside the workbooks: change both together. LibreOffice
turns the workbooks into PDF, HTML and DOCX afterwards (scripts/make_fixtures).
"""

import math
import sys
from dataclasses import dataclass
from pathlib import Path

from fixtures_forms import put
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

L, U = "<", "^"  # merged with the cell to the left / above
CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")
RIGHT = Alignment(vertical="center", horizontal="right")


@dataclass(frozen=True)
class Num:
    """A number typed into a cell and the format it is printed with."""

    value: float
    fmt: str


def wan(value: float) -> Num:
    """An amount in 万元, printed with two decimals."""
    return Num(value, "0.00")


def yuan(value: float) -> Num:
    """An amount in 元, printed with thousands separators."""
    return Num(value, "#,##0.00")


def rate(value: float) -> Num:
    """A fraction printed as a percentage with two decimals (0.9633 → 96.33%)."""
    return Num(value, "0.00%")


def percent(value: float) -> Num:
    """A fraction printed as a whole percentage (0.3 → 30%)."""
    return Num(value, "0%")


@dataclass(frozen=True)
class Line:
    """Unframed text over the whole width: a title (``big``), a year line, a unit line."""

    text: str
    big: bool = False
    align: Alignment = CENTRE


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its tab name, column widths and rows."""

    name: str
    widths: tuple[float, ...]
    rows: list


def lines_needed(text: str, width: float) -> int:
    """Wrapped lines of ``text`` in a cell ``width`` units wide (a CJK character takes two)."""
    per_line = max(1.0, width - 1)
    return sum(
        max(1, math.ceil(sum(2 if ord(ch) > 0x2E80 else 1.1 for ch in part) / per_line))
        for part in text.split("\n")
    )


def extent(grid: list, r: int, c: int) -> tuple[int, int]:
    """How many cells a value at (r, c) covers to the right and down."""
    row = grid[r]
    across = 1
    while c + across < len(row) and row[c + across] == L:
        across += 1
    down = 1
    while r + down < len(grid) and not isinstance(grid[r + down], Line):
        if grid[r + down][c] != U:
            break
        down += 1
    return across, down


def write_row(ws: Worksheet, grid: list, r: int, widths: tuple[float, ...]) -> None:
    """Write the values of one framed row, merging each over its extent; size the row."""
    lines = 1
    for c, value in enumerate(grid[r]):
        if isinstance(value, str) and value in (L, U):
            continue
        across, down = extent(grid, r, c)
        text, fmt = (value.value, value.fmt) if isinstance(value, Num) else (value, None)
        long = isinstance(text, str) and len(text) > 16
        put(
            ws,
            r + 1,
            c + 1,
            text,
            across=across,
            down=down,
            fmt=fmt,
            align=LEFT if long else CENTRE,
        )
        if down == 1 and isinstance(text, str):
            lines = max(lines, lines_needed(text, sum(widths[c : c + across])))
    # LibreOffice keeps openpyxl's row heights: size rows as Excel's autofit would.
    ws.row_dimensions[r + 1].height = max(20, 15 * lines + 5)


def write_sheet(ws: Worksheet, sheet: Sheet) -> None:
    """The whole grid, on A4 landscape one page wide."""
    ws.title = sheet.name
    width = len(sheet.widths)
    for c, w in enumerate(sheet.widths):
        ws.column_dimensions[chr(ord("A") + c)].width = w
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    grid = [
        row if isinstance(row, Line) else [*row, *[None] * (width - len(row))] for row in sheet.rows
    ]
    for r, row in enumerate(grid):
        if isinstance(row, Line):
            put(ws, r + 1, 1, row.text, across=width, box=False, align=row.align)
            if row.big:
                ws.cell(row=r + 1, column=1).font = Font(size=16, bold=True)
                ws.row_dimensions[r + 1].height = 26
            continue
        write_row(ws, grid, r, sheet.widths)


def build_book(path: Path, sheets: list[Sheet]) -> None:
    """A workbook of the given sheets, in order."""
    book = Workbook()
    write_sheet(book.active, sheets[0])
    for sheet in sheets[1:]:
        write_sheet(book.create_sheet(), sheet)
    book.save(path)


# ------------------------------------------------ 四川 2023 self-evaluation (表510000_0013zp)

# fmt: off
# The data of the forms keeps one printed row a line (ruff format would split the rows).
SICHUAN_HEAD = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"]
SICHUAN_ROWS = [
    ["产出指标", "数量指标", "开展兴趣活动场次", "≥", 1200, "场次", 1260, 15, 15, None],
    [U, U, "参与活动学生人次", "≥", 3000, "人次", 3150, 15, 15, None],
    [U, "质量指标", "少年宫活动室达标率", "=", 100, "%", 100, 10, 10, None],
    [U, "时效指标", "补助资金拨付及时率", "≥", 95, "%", 92, 10, 9.68, "部分学校账户变更，资金拨付延迟。"],
    [U, "成本指标", "每所少年宫年均运行补助", "≤", 10.5, "万元", 10.16, 10, 10, None],
    ["效益指标", "社会效益指标", "农村学生综合素质", "定性", "有效提升", None, "有效提升", 15, 15, None],
    [U, "可持续影响指标", "少年宫常态化运行机制", "定性", "健全", None, "基本健全", 5, 4, "部分学校辅导教师流动性大，运行机制尚需完善。"],
    ["满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥", 90, "%", 95.6, 10, 10, None],
]
SICHUAN = Sheet(
    "自评表",
    (9, 10, 12, 20, 8, 9, 8, 9, 7, 7, 24),
    [
        Line("项目支出绩效自评表", big=True),
        Line("（2023年度）"),
        Line("表510000_0013zp", align=LEFT),
        Line("单位：万元", align=RIGHT),
        ["项目名称", "乡村学校少年宫运行补助", L, L, L, L, L, L, L, L, L],
        ["主管部门", "示范县教育局", L, L, "实施单位", L, "示范县青少年活动中心", L, L, L, L],
        ["预算执行情况（10分）", None, L, L, "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
        [U, "总额", L, L, wan(120), wan(126.5), wan(121.86), rate(0.9633), 10, 9.63, None],
        [U, "财政资金", L, L, wan(100), wan(106.5), wan(103.21)],
        [U, "财政专户管理资金", L, L, wan(0), wan(0), wan(0)],
        [U, "单位资金", L, L, wan(20), wan(20), wan(18.65)],
        [U, "其他资金", L, L, wan(0), wan(0), wan(0)],
        ["年度总体目标", "预期目标", L, L, L, L, "实际完成情况", L, L, L, L],
        [
            U,
            "保障全县12所乡村学校少年宫正常运行，全年开展兴趣活动不少于1200场次，参与学生不少于3000人次，丰富农村学生课余生活。",
            L, L, L, L,
            "全县12所乡村学校少年宫正常运行，全年开展兴趣活动1260场次，参与学生3150人次。",
            L, L, L, L,
        ],
        ["绩效指标（90分）", *SICHUAN_HEAD],
        *[[U, *row] for row in SICHUAN_ROWS],
        ["总分", L, L, L, L, L, L, L, 100, 98.31, None],
        ["评价结论", L, "项目资金使用规范，少年宫活动开展有序，年度绩效目标基本完成，自评等级为优。", L, L, L, L, L, L, L, L],
        ["存在问题", L, "部分资金拨付不够及时；部分学校辅导教师流动性大。", L, L, L, L, L, L, L, L],
        ["改进措施", L, "加快资金拨付进度；建立辅导教师稳定激励机制。", L, L, L, L, L, L, L, L],
    ],
)

# ------------------------------------------------ 2021+ national target (财预〔2021〕101号)

NATIONAL_2021 = Sheet(
    "绩效目标表",
    (14, 16, 24, 16, 7, 34),
    [
        Line("项目支出绩效目标表", big=True),
        Line("（2024年度）"),
        ["项目名称", "城区公共厕所提标改造", L, L, L, L],
        ["主管部门", "示范市城市管理局", L, "实施单位", "示范市环境卫生管理处", L],
        ["项目资金（万元）", "年度资金总额", L, wan(300), L, L],
        [U, "其中：财政拨款", L, wan(280), L, L],
        [U, "其他资金", L, wan(20), L, L],
        [
            "年度总体目标",
            "完成城区30座公共厕所提标改造，改造工程全部通过验收，公厕粪污无害化处理率达到95%以上，市民如厕环境明显改善。",
            L, L, L, L,
        ],
        ["一级指标", "二级指标", "三级指标", "指标值", "分值", "指标解释"],
        ["产出指标(30-50)分", "数量指标", "改造公共厕所座数", "≧30座", 15, "年内完成提标改造的城区公共厕所数量"],
        [U, "质量指标", "改造工程验收合格率", "═100%", 15, "通过竣工验收的改造厕所数/改造厕所总数"],
        [U, "时效指标", "改造完成时间", "2024年10月底前", 15, "全部改造工程完工的时间"],
        ["成本指标(0-20)分", "经济成本指标", "单座厕所改造成本", "≦10万元", 5, "改造工程总投入/改造座数"],
        [U, U, "工程结算与预算偏差率", "±5%以内", 5, "(结算金额-预算金额)/预算金额"],
        [U, "社会成本指标", "施工期间单座厕所停用时长", "≦45天", 5, "单座厕所因施工停止使用的天数"],
        [U, "生态环境成本指标", "施工扬尘有效投诉次数", "≦2次", 5, "经核实的施工扬尘投诉次数"],
        ["效益指标(20-30)分", "社会效益指标", "城区公厕服务水平", "明显提升", 15, "公厕环境、设施和管理水平较改造前的变化"],
        [U, "生态效益指标", "公厕粪污无害化处理率", "≧95%", 10, "无害化处理的粪污量/粪污产生总量"],
        ["满意度指标(0-10)分", "服务对象满意度指标", "市民如厕满意度", "≧90%", 10, "抽样调查中满意和基本满意的人数占比"],
    ],
)

# ------------------------------------------------ 四川 township targets (several projects, one table)

TOWNSHIP_HEAD = ["项目名称", "预算金额", "年度绩效目标", "一级指标", "二级指标", "三级指标", "指标值", "权重", "指标方向性"]
TOWNSHIP = Sheet(
    "绩效目标",
    (16, 14, 26, 11, 16, 20, 13, 7, 10),
    [
        Line("示范镇2024年项目支出绩效目标表", big=True),
        Line("填报单位：示范县示范镇人民政府", align=LEFT),
        Line("单位：元", align=RIGHT),
        TOWNSHIP_HEAD,
        ["镇村道路日常养护", yuan(1260000), "完成全镇86公里村道日常养护，保持道路完好畅通。", "产出指标", "数量指标", "村道养护里程", "≥86公里", percent(0.3), "正向"],
        [U, U, U, "产出指标", "质量指标", "道路完好率", "≥95%", percent(0.3), "正向"],
        [U, U, U, "效益指标", "社会效益指标", "群众出行条件", "明显改善", percent(0.2), "正向"],
        [U, U, U, "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", percent(0.2), "正向"],
        ["农村生活垃圾收运处置", yuan(845600), "全镇12个村生活垃圾日产日清，无害化处理率达到100%。", "产出指标", "数量指标", "覆盖行政村数", "12个", percent(0.3), "正向"],
        [U, U, U, "产出指标", "时效指标", "垃圾清运及时率", "≥98%", percent(0.2), "正向"],
        [U, U, U, "产出指标", "成本指标", "垃圾收运处置成本", "≤845600元", percent(0.1), "反向"],
        [U, U, U, "效益指标", "生态效益指标", "生活垃圾无害化处理率", "100%", percent(0.2), "正向"],
        [U, U, U, "满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", percent(0.2), "正向"],
        ["镇文化站免费开放", yuan(60000), "文化站全年免费开放不少于300天，开展群众文化活动24场次以上。", "产出指标", "数量指标", "开放天数", "≥300天", percent(0.4), "正向"],
        [U, U, U, "产出指标", "数量指标", "文化活动场次", "≥24场次", percent(0.3), "正向"],
        [U, U, U, "满意度指标", "服务对象满意度指标", "群众满意度", "≥85%", percent(0.3), "正向"],
    ],
)


# ------------------------------------------------ 湖南 city target (指标值及单位, 绩效标准)

HUNAN = Sheet(
    "绩效目标表",
    (14, 16, 24, 18, 12),
    [
        Line("示范市2024年度项目支出绩效目标表", big=True),
        Line("单位：万元", align=RIGHT),
        ["项目名称", "示范市全民健身设施补短板工程", L, L, L],
        ["主管部门", "示范市体育局", "实施单位", "示范市体育中心", L],
        ["项目资金", "年度资金总额", wan(500), L, L],
        [U, "其中：财政拨款", wan(450), L, L],
        [U, "其他资金", wan(50), L, L],
        ["年度绩效目标", "新建社区健身点20个、多功能运动场4片，改善群众就近健身条件。", L, L, L],
        ["一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"],
        ["产出指标", "数量指标", "新建社区健身点", "20个", "计划标准"],
        [U, U, "新建多功能运动场", "4片", "计划标准"],
        [U, "质量指标", "器材安装验收合格率", "100%", "行业标准"],
        [U, "时效指标", "项目完工时间", "2024年11月", "计划标准"],
        [U, "成本指标", "健身点单点建设成本", "≤15万元", "历史标准"],
        ["效益指标", "社会效益指标", "人均体育场地面积增加", "≥0.02平方米", "计划标准"],
        [U, "可持续影响指标", "设施使用年限", "≥8年", "行业标准"],
        [U, "满意度指标", "周边群众满意度", "≥90%", "历史标准"],
    ],
)

# ------------------------------------------------ 湖北 district target (中长期 beside 年度)

HUBEI = Sheet(
    "申报表",
    (14, 16, 24, 20, 20),
    [
        Line("示范区2024年项目支出绩效目标申报表", big=True),
        ["项目名称", "示范区老旧小区改造配套设施建设", L, L, L],
        ["主管部门", "示范区住房和城乡建设局", "实施单位", "示范区城市更新中心", L],
        ["项目资金", "项目总预算", "1500万元", L, L],
        [U, "年度资金总额", "500万元", L, L],
        [U, "其中：财政拨款", "450万元", L, L],
        [U, "其他资金", "50万元", L, L],
        ["绩效目标", "中期目标（2024—2026年）", L, "年度目标（2024年）", L],
        [
            U,
            "三年内完成36个老旧小区配套设施改造，加装电梯60部，惠及居民9000户以上，建立改造设施长效管护机制。",
            L,
            "完成12个老旧小区配套设施改造，加装电梯20部，惠及居民3000户以上。",
            L,
        ],
        ["一级指标", "二级指标", "三级指标", "中长期指标值", "年度指标值"],
        ["产出指标", "数量指标", "改造老旧小区个数", "36个", "12个"],
        [U, U, "加装电梯部数", "60部", "20部"],
        [U, "质量指标", "工程竣工验收合格率", "100%", "100%"],
        [U, "时效指标", "改造任务完成时间", "2026年底前", "2024年12月底前"],
        [U, "成本指标", "单个小区配套改造成本", "≤42万元", "≤40万元"],
        ["效益指标", "社会效益指标", "受益居民户数", "≥9000户", "≥3000户"],
        [U, "可持续影响指标", "改造设施长效管护机制", "建立健全", "初步建立"],
        ["满意度指标", "服务对象满意度指标", "改造小区居民满意度", "≥90%", "≥90%"],
    ],
)

# ------------------------------------------------ 广东 city target (中期 beside 年度, 预期产出/效果)

GUANGDONG = Sheet(
    "绩效目标表",
    (16, 16, 24, 18, 18),
    [
        Line("项目绩效目标表", big=True),
        Line("（2024年度）"),
        ["项目名称", "示范市农村电子商务进村工程", L, L, L],
        ["主管部门", "示范市商务局", "实施单位", "示范市电子商务服务中心", L],
        ["实施期限", "2024年1月—2026年12月", L, L, L],
        ["项目资金（万元）", "年度资金总额", wan(300), L, L],
        [U, "其中：财政资金", wan(280), L, L],
        [U, "其他资金", wan(20), L, L],
        ["绩效目标", "中期目标", L, "年度目标", L],
        [
            U,
            "到2026年建成村级电商服务站90个，培训农村电商人才3000人次，带动农民就业600人以上。",
            L,
            "建成村级电商服务站30个，培训农村电商人才1000人次，带动农民就业200人以上。",
            L,
        ],
        ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"],
        ["预期产出指标", "数量指标", "培训农村电商人才人次", "≥3000人次", "≥1000人次"],
        [U, U, "建设村级电商服务站", "90个", "30个"],
        [U, "质量指标", "服务站达标验收率", "≥95%", "≥95%"],
        [U, "时效指标", "服务站建成时间", "2026年12月前", "2024年12月前"],
        ["效果指标", "经济效益指标", "农产品网络销售额增长率", "≥15%", "≥5%"],
        [U, "社会效益指标", "带动农民就业人数", "≥600人", "≥200人"],
        [U, "服务对象满意度指标", "参训学员满意度", "≥90%", "≥90%"],
        ["预算（或投资规模）控制指标", "预算控制数", "项目年度预算控制数", "≤900万元", "≤300万元"],
    ],
)

# ------------------------------------------------ 陕西 targets (a 目录 sheet, then a sheet a project)

SHAANXI_INDEX = Sheet(
    "目录",
    (6, 30, 28, 14),
    [
        Line("2024年度项目支出绩效目标表目录", big=True),
        ["序号", "项目名称", "主管部门", "资金总额（万元）"],
        [1, "乡村公益性岗位补贴", "示范县人力资源和社会保障局", wan(216)],
        [2, "农村饮水安全工程维修养护", "示范县水利局", wan(85.5)],
    ],
)


def shaanxi(tab: str, head: list[str], amounts: tuple[float, float, float], goal: str, rows: list) -> Sheet:
    """One project's sheet: fixed cells in rows 1-10, the indicator table from row 11."""
    name, department, unit = head
    total, fiscal, other = amounts
    return Sheet(
        tab,
        (14, 16, 26, 22),
        [
            Line("项目支出绩效目标表", big=True),
            Line("（2024年度）"),
            ["项目名称", name, L, L],
            ["主管部门", department, L, L],
            ["实施单位", unit, L, L],
            ["项目资金（万元）", "资金总额", wan(total), L],
            [U, "其中：财政拨款", wan(fiscal), L],
            [U, "其他资金", wan(other), L],
            ["年度绩效目标", goal, L, L],
            [U, U, L, L],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            *rows,
        ],
    )


SHAANXI_JOBS = shaanxi(
    "表1",
    ["乡村公益性岗位补贴", "示范县人力资源和社会保障局", "示范县就业服务中心"],
    (216, 216, 0),
    "开发乡村公益性岗位300个，按月足额发放岗位补贴，帮助就业困难人员实现就业。",
    [
        ["产出指标", "数量指标", "开发乡村公益性岗位数", "≥300个"],
        [U, "质量指标", "补贴发放准确率", "100%"],
        [U, "时效指标", "补贴按月发放率", "100%"],
        [U, "成本指标", "岗位补贴标准", "600元/人·月"],
        ["效益指标", "社会效益指标", "就业困难人员稳定就业", "有效保障"],
        ["满意度指标", "服务对象满意度指标", "上岗人员满意度", "≥90%"],
    ],
)
SHAANXI_WATER = shaanxi(
    "表2",
    ["农村饮水安全工程维修养护", "示范县水利局", "示范县农村供水管理站"],
    (85.5, 80, 5.5),
    "维修养护农村供水工程45处，保障农村群众饮水安全。",
    [
        ["产出指标", "数量指标", "维修养护供水工程处数", "45处"],
        [U, "质量指标", "水质检测合格率", "≥95%"],
        [U, "时效指标", "故障维修响应时间", "≤24小时"],
        ["效益指标", "社会效益指标", "农村集中供水率", "≥92%"],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
    ],
)

# ------------------------------------------------ self-evaluation with its unit column after the actual

UNIT_COLUMN = Sheet(
    "自评表",
    (9, 11, 18, 7, 9, 8, 11, 7, 8, 7, 10, 14),
    [
        Line("项目支出绩效自评表", big=True),
        Line("（2022年度）"),
        ["项目名称", "示范县基层医疗卫生机构人员培训", L, L, L, L, L, L, L, L, L, L],
        ["主管部门", "示范县卫生健康局", L, L, "实施单位", L, "示范县卫生健康事业发展中心", L, L, L, L, L],
        ["项目资金（元）", None, L, "年初预算数", L, "全年预算数", L, "全年执行数", L, "分值", "执行率", "得分"],
        [U, "年度资金总额", L, yuan(300000), L, yuan(280000), L, yuan(266840), L, 10, rate(0.953), 9.53],
        [U, "其中：当年财政拨款", L, yuan(300000), L, yuan(280000), L, yuan(266840), L, "—", "—", "—"],
        [U, "上年结转资金", L, "—", L, "—", L, "—", L, "—", "—", "—"],
        [U, "其他资金", L, "—", L, "—", L, "—", L, "—", "—", "—"],
        ["年度总体目标", "预期目标", L, L, L, L, "实际完成情况", L, L, L, L, L],
        [
            U,
            "开展基层医务人员业务培训4期，培训120人次以上，考核合格率90%以上，提升基层医疗服务能力。",
            L, L, L, L,
            "举办培训4期，培训126人次，考核合格率93.5%；第四期培训推迟至12月。",
            L, L, L, L, L,
        ],
        ["一级指标", "二级指标", "三级指标", "指标属性", "年度指标值", L, "实际完成值", "计量单位", "分值", "得分", "偏差原因分析及改进措施", L],
        ["产出指标", "数量指标", "培训基层医务人员人次", "正向", "≧", 120, 126, "人次", 15, 15, None, L],
        [U, U, "举办培训班期数", "正向", "大于等于", 4, 4, "期", 5, 5, None, L],
        [U, U, "开展训后效果评估", "正向", "大于等于", 1, 1, "次", 5, 5, None, L],
        [U, "质量指标", "培训考核合格率", "正向", "≧", 90, 93.5, "%", 15, 15, None, L],
        [U, "时效指标", "培训任务完成时限", "反向", "小于等于", 11, 12, "月", 10, 9.17, "第四期培训因场地原因推迟至12月举办。", L],
        [U, "成本指标", "人均培训成本", "反向", "小于等于", 2300, 2117.78, "元", 10, 10, None, L],
        ["效益指标", "社会效益指标", "基层医疗服务能力", "正向", None, "明显提升", "明显提升", None, 20, 18, "部分培训内容与基层实际结合不够紧密，下一步按需设置课程。", L],
        ["满意度指标", "服务对象满意度指标", "参训人员满意度", "正向", "≧", 90, 96, "%", 10, 10, None, L],
        ["总分", L, L, L, L, L, L, L, 100, 96.7, None, L],
    ],
)

# ------------------------------------------------ 中央预算内投资计划绩效目标表 (NDRC investment plans)

NDRC = Sheet(
    "绩效目标表",
    (14, 14, 28, 22),
    [
        Line("2024年中央预算内投资计划绩效目标表", big=True),
        ["项目名称", "示范县城乡供水一体化工程", L, L],
        ["项目单位", "示范县水务投资有限公司", L, L],
        ["主管部门", "示范县水利局", L, L],
        ["项目总投资（万元）", L, wan(8600), L],
        ["本次下达中央预算内投资（万元）", L, wan(2000), L],
        [
            "总体目标",
            "新建日供水能力2万吨水厂1座，铺设供水主管网38公里，实现城乡供水一体化，保障6.5万农村人口饮水安全。",
            L,
            L,
        ],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["实施效果指标", "产出指标", "新建水厂日供水能力", "≥2万吨"],
        [U, U, "铺设供水主管网长度", "≥38公里"],
        [U, "效益指标", "受益人口", "≥6.5万人"],
        [U, U, "农村自来水普及率", "≥98%"],
        [U, "满意度指标", "受益群众满意度", "≥90%"],
        ["过程管理指标", "计划管理", "投资计划下达后开工时间", "≤3个月"],
        [U, "资金管理", "中央预算内投资支付率", "≥80%"],
        [U, "项目管理", "按月调度信息填报及时率", "100%"],
        [U, "监督检查", "审计和稽察发现问题整改率", "100%"],
    ],
)

# ------------------------------------------------ 转移支付区域绩效自评表 (funds by source, no execution row)

TRANSFER = Sheet(
    "区域自评表",
    (10, 12, 22, 13, 16, 8, 8),
    [
        Line("中央对地方转移支付区域绩效自评表", big=True),
        Line("（2023年度）"),
        ["转移支付（项目）名称", "农业生产发展资金", L, L, L, L, L],
        ["主管部门", "示范省农业农村厅", L, "实施单位", "示范省各市县农业农村部门", L, L],
        ["资金情况（万元）", None, L, "年度金额", L, "资金使用情况", L],
        [U, "年度资金总额", L, yuan(8600), L, yuan(8342.5), L],
        [U, "其中：中央财政", L, yuan(6000), L, yuan(5910), L],
        [U, "省级财政", L, yuan(2600), L, yuan(2432.5), L],
        ["年度总体目标", "预期目标", L, L, "实际完成情况", L, L],
        [
            U,
            "新建高标准农田12万亩，农机购置补贴惠及农户8000户以上，项目区粮食亩均增产50公斤以上。",
            L, L,
            "新建高标准农田12.6万亩，农机购置补贴惠及农户8450户，项目区粮食亩均增产56公斤。",
            L, L,
        ],
        ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重(%)", "得分"],
        ["产出指标", "数量指标", "高标准农田建设面积", "≥12万亩", "12.6万亩", 20, 20],
        [U, U, "农机购置补贴受益农户数", "≥8000户", "8450户", 10, 10],
        [U, "质量指标", "新建农田工程验收合格率", "100%", "100%", 10, 10],
        [U, "时效指标", "资金下达及时率", "100%", "95%", 10, 9.5],
        [U, "成本指标", "亩均建设成本", "≤1500元", "1480元", 10, 10],
        ["效益指标", "经济效益指标", "项目区粮食亩均增产", "≥50公斤", "56公斤", 10, 10],
        [U, "生态效益指标", "化肥使用量", "较上年减少", "较上年减少2.1%", 10, 10],
        [U, "可持续影响指标", "农田设施管护机制", "健全", "基本健全", 10, 8],
        ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "94%", 10, 10],
        ["总分", L, L, L, L, 100, 97.5],
    ],
)

# ------------------------------------------------ 福建 department-wide target (部门整体支出绩效目标表)

DEPT_WIDE = Sheet(
    "部门整体",
    (14, 16, 22, 26, 16),
    [
        Line("2019年度部门整体支出绩效目标表", big=True),
        ["部门（单位）名称", "示范市档案馆", L, L, L],
        ["年度预算（万元）", "资金总额", "项目支出", "基本支出", L],
        [U, wan(1265.3), wan(400), wan(865.3), L],
        ["年度总体目标", "围绕档案收集、保管和利用三项职能，完成年度档案接收、数字化和查阅利用服务任务，确保馆藏档案安全。", L, L, L],
        ["部门职能", "年度目标任务", L, "支出项目名称", "预算金额"],
        ["负责全市档案的收集、整理和保管", "接收进馆档案1.2万卷，完成馆藏档案数字化40万页", L, "档案数字化加工", wan(260)],
        [U, U, L, "档案库房设备维护", wan(60)],
        ["负责档案开放利用和编研工作", "全年提供档案查阅利用服务6000人次以上，编研出版史料1部", L, "档案编研出版", wan(80)],
        ["一级指标", "二级指标", "三级指标", "指标解释", "目标值"],
        ["产出指标", "数量指标", "接收进馆档案数量", "年度内接收进馆的各类档案卷数", "≥1.2万卷"],
        [U, U, "馆藏档案数字化页数", "年度内完成数字化加工的档案页数", "≥40万页"],
        [U, "质量指标", "数字化成果合格率", "验收合格页数/加工总页数", "100%"],
        [U, "时效指标", "档案查阅按时办结率", "按承诺时限办结的查阅申请/查阅申请总数", "≥98%"],
        ["效益指标", "社会效益指标", "档案查阅利用人次", "年度内提供查阅利用服务的人次", "≥6000人次"],
        [U, "可持续影响指标", "档案安全保管", "馆藏档案无损毁、无丢失", "无安全事故"],
        ["满意度指标", "服务对象满意度指标", "查档群众满意度", "抽样调查满意人数占比", "≥90%"],
    ],
)

# ------------------------------------------------ a self-evaluation cut short in its indicator table

CUT_SHORT = Sheet(
    "自评表",
    (8, 12, 14, 22, 14, 12, 7, 7, 30),
    [
        Line("项目支出绩效自评表", big=True),
        Line("（2023年度）"),
        ["项目名称", "社区养老服务站运营补贴", L, L, L, L, L, L, L],
        ["主管部门", "示范区民政局", L, L, "实施单位", "示范区养老服务指导中心", L, L, L],
        ["项目资金（万元）", None, L, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [U, "年度资金总额", L, wan(48), wan(48), wan(45.6), 10, rate(0.95), wan(9.5)],
        [U, "其中：本年财政拨款", L, wan(48), wan(48), wan(45.6), "—", "—", "—"],
        [U, "上年结转资金", L, "—", "—", "—", "—", "—", "—"],
        [U, "其他资金", L, "—", "—", "—", "—", "—", "—"],
        ["年度总体目标", "预期目标", L, L, L, "实际完成情况", L, L, L],
        [
            U,
            "为全区8个社区养老服务站提供运营补贴，全年提供助餐服务2万人次以上，服务站星级评定达标率90%以上。",
            L, L, L,
            "8个社区养老服务站正常运营，全年提供助餐服务21350人次，7个服务站通过星级复核。",
            L, L, L,
        ],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [U, "产出指标", "数量指标", "运营补贴养老服务站数", "≥8个", "8个", 15, 15, None],
        [U, U, U, "提供助餐服务人次", "≥20000人次", "21350人次", 15, 15, None],
        [U, U, "质量指标", "服务站星级评定达标率", "≥90%", "87.5%", 10, 9.72, "1个服务站未通过星级复核，已督促整改。"],
        # The sheet stops here, in the middle of a row: the rest of the table was never typed.
        [U, U, "时效指标", "补贴资金拨付及时率", "100%"],
    ],
)

# ------------------------------------------------ 甘肃 2023 province target (two project names, 101号 tree)

GANSU = Sheet(
    "绩效目标表",
    (14, 16, 14, 18, 14, 18),
    [
        Line("省级部门预算项目支出绩效目标表", big=True),
        Line("（2024年度）"),
        ["一级项目名称", "文化事业发展专项资金", L, "二级项目名称", "非遗传承人培训补助", L],
        ["项目类型", "延续项目", "项目分类", "专项业务经费", "资金用途", "业务类项目"],
        ["主管部门", "示范市文化和旅游局", L, "项目实施单位", "示范市非物质文化遗产保护中心", L],
        ["项目开始日期", "2024-01-01", "项目完成日期", "2024-12-31", "资金性质", "一般公共预算"],
        ["项目总投资", "35万元", "中央补助安排", "0", "省级财政安排", "15万元"],
        ["其他资金", "20万元", "预算申报数", "35万元", None, L],
        ["基本情况", "组织全市国家级、省级和市级非遗代表性传承人开展传承能力培训，补助培训期间的教学、食宿和资料费用。", L, L, L, L],
        ["项目立项必要性", "部分非遗项目传承人年龄偏大、传承方式单一，需要通过系统培训提升传承能力。", L, L, L, L],
        ["保证项目实施的制度措施", "执行《示范市非物质文化遗产代表性传承人管理办法》，培训经费专款专用。", L, L, L, L],
        ["项目实施计划", "2024年3月制定培训方案，4月至10月分四期开展培训，11月完成考核和总结。", L, L, L, L],
        ["组织实施单位", "示范市文化和旅游局", L, "监督管理单位", "示范市财政局", L],
        ["政策依据", "《中华人民共和国非物质文化遗产法》；甘财教〔2023〕45号", L, L, L, L],
        ["年度绩效目标", "全年培训非遗传承人120人次以上，考核合格率95%以上，提升非遗项目传承能力。", L, L, L, L],
        ["一级指标", "二级指标", "三级指标", L, "指标目标值", L],
        ["产出指标", "数量指标", "培训非遗传承人人次", L, "≥120人次", L],
        [U, "质量指标", "培训考核合格率", L, "≥95百分比", L],
        [U, "时效指标", "培训任务完成及时率", L, "=100百分比", L],
        ["成本指标", "经济成本指标", "人均培训补助标准", L, "≤2900元", L],
        [U, "社会成本指标", "对非遗传承秩序的影响", L, "无不良影响", L],
        [U, "生态环境成本指标", "培训活动环境影响", L, "无", L],
        ["效益指标", "社会效益指标", "非遗项目传承能力", L, "明显提升", L],
        [U, "可持续影响指标", "传承人培训机制", L, "长期有效", L],
        ["满意度指标", "服务对象满意度指标", "参训传承人满意度", L, "≥90百分比", L],
    ],
)

# ------------------------------------------------ 湖南 target (长期 and 年度 indicator tables, no 三级 column)

HUNAN_HEAD = ["一级指标", "二级指标", "指标内容", "指标值", "备注"]
HUNAN_TWO_TABLES = Sheet(
    "绩效目标表",
    (14, 14, 18, 24, 16, 20),
    [
        Line("项目绩效目标表", big=True),
        Line("（2024年度）"),
        Line("填报单位（盖章）：示范县示范镇人民政府", align=LEFT),
        Line("单位：万元", align=RIGHT),
        ["项目名称", "镇域农村公路提质改造", L, L, "项目属性", "新增项目□ 延续项目√"],
        ["主管部门", "示范县交通运输局", L, "主管部门编码", "312001", L],
        ["项目单位", "示范县示范镇人民政府", L, "项目负责人", "李明", L],
        ["联系电话", "0731-87000000", L, "项目起止时间", "2024年1月—2024年12月", L],
        ["资金总额及构成", "总额", L, wan(860), L, L],
        [U, "一、财政拨款", L, wan(800), L, L],
        [U, "其中：上级财政资金", L, wan(600), L, L],
        [U, "本级财政", L, wan(200), L, L],
        [U, "二、自有资金", L, wan(0), L, L],
        [U, "三、其他", L, wan(60), L, L],
        ["项目概况", "对镇域内12公里通村公路实施路面加宽、排水和安防设施改造。", L, L, L, L],
        ["项目立项情况", "项目立项的依据", "《示范县农村公路提质改造三年行动方案》", L, L, L],
        [U, "项目申报的可行性", "路线已完成勘察设计，沿线群众支持，建设条件成熟。", L, L, L],
        [U, "项目申报的必要性", "现有通村公路路面窄、排水差，存在安全隐患。", L, L, L],
        ["项目实施进度计划", "项目实施内容", L, "开始时间", "完成时间", L],
        [U, "勘察设计和招标", L, "2024年1月", "2024年3月", L],
        [U, "路面和附属设施施工", L, "2024年4月", "2024年11月", L],
        ["项目绩效目标", "长期目标", L, "年度目标", L, L],
        [U, "三年完成镇域36公里农村公路提质改造，群众出行条件明显改善。", L, "完成12公里农村公路提质改造，工程交工验收合格。", L, L],
        ["长期绩效指标", *HUNAN_HEAD],
        [U, "产出指标", "数量指标", "提质改造农村公路里程", "36公里", None],
        [U, U, "质量指标", "工程交工验收合格率", "100%", None],
        [U, "效益指标", "社会效益指标", "群众出行条件", "明显改善", None],
        [U, U, "社会公众或服务对象满意度指标", "沿线群众满意度", "≥90%", None],
        ["年度绩效指标", *HUNAN_HEAD],
        [U, "产出指标", "数量指标", "提质改造农村公路里程", "12公里", None],
        [U, U, "质量指标", "工程交工验收合格率", "100%", None],
        [U, U, "时效指标", "工程完工时间", "2024年11月底前", None],
        [U, U, "成本指标", "每公里改造成本", "≤70万元", "含路面、排水和安防设施"],
        [U, "效益指标", "社会效益指标", "受益群众人数", "≥8500人", None],
        [U, U, "可持续影响指标", "公路养护管理机制", "建立健全", None],
        [U, U, "社会公众或服务对象满意度指标", "沿线群众满意度", "≥90%", None],
    ],
)
# fmt: on

BOOKS: dict[str, list[Sheet]] = {
    "sichuan_2023_self_eval": [SICHUAN],
    "national_2021_target": [NATIONAL_2021],
    "sichuan_township_targets": [TOWNSHIP],
    "hunan_city_target": [HUNAN],
    "hubei_district_target": [HUBEI],
    "guangdong_city_target": [GUANGDONG],
    "shaanxi_targets": [SHAANXI_INDEX, SHAANXI_JOBS, SHAANXI_WATER],
    "self_eval_unit_column": [UNIT_COLUMN],
    "ndrc_investment_target": [NDRC],
    "transfer_region_self_eval": [TRANSFER],
    "dept_wide_target": [DEPT_WIDE],
    "cut_short_self_eval": [CUT_SHORT],
    "gansu_2023_target": [GANSU],
    "hunan_two_tables_target": [HUNAN_TWO_TABLES],
}


def build(out: Path) -> None:
    """Write every workbook under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for name, sheets in BOOKS.items():
        build_book(out / f"{name}.xlsx", sheets)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
