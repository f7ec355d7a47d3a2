"""The printed vocabulary of the 上海市财政支出项目绩效目标申报表 (2019) layout.

Labels are what the template prints (whitespace removed); where the template's narrow
label cells wrap a label over lines, the printed pieces are labels too (the accounting
of placed text needs them). Box names are the template's check boxes. The indicator
vocabulary is the domain's, not any one unit's: the 投入和管理 block holds the standard
fund and management indicators (SPEC §4: 资金使用合规性, 预算执行率, 财务/项目管理制度
健全性, 项目设立/实施的规范性 …), and 效果/影响力 follow the second-level names of the
Shanghai target layouts (产出: 数量 质量 时效; 效果: 经济效益 社会效益 满意度; 影响力: 长效管理
人力资源 部门协助).
"""

# Left-column labels the PDF text prints in a block before the form's title.
PRE_TITLE_LABELS = (
    "项目名称",
    "资金用途",
    "开始时间",
    "项目概况",
    "立项依据",
    "项目当年投入资金构成",
    "项目实施计划",
)
# How the template's label cells wrap (each piece is printed on a line of its own).
WRAPPED_PIECES = {
    "项目当年投入资金构成": ("项目当年投入", "资金构成"),
    "项目设立的必要性": ("项目设立的必", "要性"),
    "保证项目实施的制度、措施": ("保证项目实施", "的制度、措施"),
    "投入和管理目标": ("投入和管理目", "标"),
    "同名项目上年预算执行数（元）": ("同名项目上年预算执行数", "（元）"),
}
UNIT_LABEL = "申报单位名称"
TYPE_LABEL = "项目类型"
END_DATE_LABEL = "结束时间"
START_DATE_LABEL = "开始时间"

# Check boxes: 项目类型 (→ category) and 资金用途 (→ funds_use), in printed order.
CATEGORY_BOXES = (
    "市委市政府已确定的新增项目",
    "结转项目",
    "其他一次性项目",
    "经常性专项业务费",
    "其他经常性项目",
)
FUNDS_USE_BOXES = (
    "基本建设工程类",
    "信息化建设类",
    "政策补贴类",
    "政府购买服务",
    "资产购置类",
    "其他事业专业类",
)
TICKED = "√✓✔☑■▣⊠☒"
UNTICKED = "□☐"

# Funds labels → Funds field (the longer label first where one starts another).
FUNDS_LABELS = {
    "同名项目上年预算执行数": "previous_executed",
    "同名项目上年预算额": "previous_budget",
    "项目总预算": "total_budget",
    "项目当年预算": "budget",
}
COMPONENT_LABELS = ("子项目名称", "预算金额", "项目当年投入资金构成")
UNIT_SUFFIXES = ("（元）", "(元)", "（万元）", "(万元)")

# Prose sections in printed order: (field, labels that announce it).
HEAD_SECTIONS = (
    ("overview", ("项目概况",)),
    ("basis", ("立项依据",)),
    ("necessity", ("项目设立的必要性",)),
    ("safeguards", ("保证项目实施的制度、措施", "保证项目实施的制度措施")),
)
GOAL_SECTIONS = (
    ("plan", ("项目实施计划",)),
    ("overall", ("项目总目标",)),
    ("annual", ("年度绩效目标", "分解目标内容")),
    ("remark", ("备注",)),  # no field in the canonical form: its text stays unplaced
)
TABLE_START = "分解目标"
TABLE_HEADER = ("绩效指标", "指标目标值")

# Level-1 groups in the template's order: key → printed names (aliases of sh-target.toml).
GROUPS = {
    "input": ("投入和管理目标", "投入与管理目标", "投入和管理", "投入与管理"),
    "output": ("产出目标",),
    "effect": ("效果目标",),
    "impact": ("影响力目标",),
}
INPUT = "input"

# Indicators of the 投入和管理 block: fund handling, budgeting, rules and procedure.
MANAGEMENT_WORDS = (
    "预算",
    "资金",
    "财务",
    "资产管理",
    "合规",
    "制度",
    "规范性",
    "采购",
    "绩效目标",
    "会计",
)
# Words whose meaning points to a group whatever the position the row is printed at.
MEANING_WORDS = {
    "output": ("完成", "及时", "数量", "质量", "时效"),
    "effect": ("满意度", "满意率", "效益"),
    "impact": (
        "长效",
        "机制",
        "预案",
        "完备",
        "人力资源",
        "人员",
        "共享",
        "协助",
        "协作",
        "规划",
        "可持续",
    ),
}
# A rate of bad events may be an output (quality) or an effect.
RATE_SUFFIX = "率"
OUTPUT_OR_EFFECT = ("output", "effect")

# How an indicator name ends (a value such as 健全 / 建立 / 100% does not end so).
NAME_ENDINGS = (
    "性",
    "率",
    "情况",
    "度",
    "预案",
    "机制",
    "规划",
    "数",
    "量",
    "效益",
    "水平",
    "时间",
    "成本",
    "比例",
    "应用",
    "作用",
    "影响",
    "指数",
)


def labels() -> frozenset[str]:
    """Every printed label of the layout, wrapped pieces included."""
    words = {
        *PRE_TITLE_LABELS,
        UNIT_LABEL,
        TYPE_LABEL,
        END_DATE_LABEL,
        START_DATE_LABEL,
        *CATEGORY_BOXES,
        *FUNDS_USE_BOXES,
        *TICKED,
        *UNTICKED,
        *FUNDS_LABELS,
        *COMPONENT_LABELS,
        *UNIT_SUFFIXES,
        TABLE_START,
        *TABLE_HEADER,
        "年)",  # the title's (    年) with the year filled in
        "年）",
    }
    for _, names in HEAD_SECTIONS + GOAL_SECTIONS:
        words.update(names)
    for names in GROUPS.values():
        words.update(names)
    for pieces in WRAPPED_PIECES.values():
        # A one-character piece (the 标 of 投入和管理目 / 标) would match anywhere.
        words.update(piece for piece in pieces if len(piece) > 1)
    return frozenset(words)
