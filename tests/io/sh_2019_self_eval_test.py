"""sh-2019-self-eval (2019年度财政项目绩效自评价): table text and mangled plain PDF text.

The documents here are written by hand in the layouts of seeds 002 (tab-separated) and 000
(plain text, values before labels, level-1 labels after their rows, a table running on
after the title block) but differ from them: other units, names, amounts (in 万元 too),
否 for 是否为经常性项目, a dash for an empty amount, notes in the 备注 column, other
weight splits inside the groups. Expected values are worked out from the text by hand.
Both are read by the structure importer; the plain text is first put back into rows of cells
(``structure.flattened``).
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.io.document import Ledger
from jixiao.io.parse import parse_bytes
from jixiao.io.readers import read_bytes
from jixiao.io.structure.flattened import build_row, restore, trailing_numbers
from jixiao.io.structure.flattened_head import (
    HeadField,
    Piece,
    head_field,
    join_lines,
    line_entries,
)
from jixiao.io.vocabulary import vocabulary
from tests.conftest import SAMPLES
from tests.io.gold_test import differences
from tests.io.gold_test import gold_of as gold_of_seed

FILES = Path(__file__).resolve().parent / "fixtures" / "files"

FIXED_SIX = [
    "资金使用的合规性",
    "绩效目标合理性",
    "项目设立的规范性",
    "预算执行率",
    "财务(资产)管理制度的健全性和执行的有效性",
    "项目管理制度的健全性和执行的有效性",
]

TABBED = "\n".join(
    [
        "",
        "2020年度财政项目绩效自评价",
        "",
        "项目名称:\t社区图书馆数字化改造\t预算单位:\t上海市某某区图书馆",
        "具体实施处(科室):\t技术部\t是否为经常性项目:\t否",
        "当年预算数(万元):\t125.50\t上年预算金额(万元):\t-",
        "预算执行数(万元):\t118.20\t预算执行率(%):\t94.18%",
        "项目年度总目标:\t完成馆藏图书数字化，提升读者借阅体验。\t\t",
        "自评时间:\t2021/4/2\t\t",
        "绩效等级:\t优秀\t\t",
        "主要绩效:\t<p>1、完成数字化图书两万册。</p> <p>2、读者满意度达到95%。</p>\t\t",
        "主要问题:\t部分设备到货延迟。\t\t",
        "改进措施:\t提前开展采购。\t\t",
        "",
        "一级指标\t指标名称\t指标解释\t权重\t自评分\t备注",
        "投入与管理(36分)\t资金使用的合规性\t项目资金使用是否规范。\t6\t6\t",
        "\t绩效目标合理性\t目标是否依据充分。\t8\t7\t",
        "\t项目设立的规范性\t立项是否规范。\t5\t5\t",
        "\t预算执行率\t反映项目预算执行的进度\t8\t8\t",
        "\t财务(资产)管理制度的健全性和执行的有效性\t财务制度是否健全。\t5\t5\t",
        "\t项目管理制度的健全性和执行的有效性\t业务制度是否健全。\t4\t4\t",
        "产出目标(34分)\t数字化图书数量\t完成数字化的图书册数。\t20\t18\t含期刊合订本",
        "\t数字化质量合格率\t抽检合格的比例。\t14\t14\t",
        "效果目标（15分）\t读者满意度\t读者问卷满意比例。\t15\t14\t",
        "影响力目标（15分）\t长效管理机制\t是否建立数字资源维护制度。\t15\t13\t",
        "合计\t\t\t100\t94\t",
    ]
)

# Two forms as a PDF copy gives them: each opens with the right-hand column's values, the
# table comes next, its level-1 labels after the rows, then the narrative and the head's
# labels with the title. Form A's table runs on after its title block.
PLAIN_A = """
上海市某某区文化和旅游局

是

800,000.00

87.50%

一级指标 指标名称 指标解释 权重 自评分

资金使用的合规性
资金使用是否符合相关法律法规。

6 6

预算执行率 反映项目预算执行的进度 8 6

绩效目标合理性
目标是否依据充
分。

8 8

项目设立的规范性 立项是否规范。 5 5

财务（资产）管理
制度的健全性和执
行的有效性

财务制度是否健全。

5 5

项目管理制度的健
全性和执行的有效
性

业务制度是否健全。

4 4

活动场次
全年组织文化活动的场次。

16 15

参与人
次

参加活动的居民人次。

18 16

投入与管理
（36分）

产出目标
（34分）

备注

主要绩效

全年组织活动一百二十场，参与居民
三万人次。

主要问题 个别场馆设施老化。

改进措施
加快设施更新
。

项目年度总目标

丰富社区居民文化生活，全年组织文化
活动不少于一百场。

自评时间 2021-3-20

绩效等级 良好

当年预算数（元） 760,000.00 上年预算金额（元）

预算执行数（元） 665,000.00 预算执行率（%）

2020年度财政项目绩效自评价

项目名称 社区文化活动组织 预算单位

具体实施处（科室）
群众文化科

是否为经常性项目
 居民满意度
居民对活动的满意程度。

15 12

社区影响力 活动在社区的知晓程度。 15 10

合计 100 87

效果目标
（15分）

影响力目标
（15分）
"""

B_ROWS = """资金使用的合规性 资金使用是否合规。 6 6
项目设立的规范性 立项是否规范。 5 5
绩效目标合理性 目标是否合理。 8 8
预算执行率 反映项目预算执行的进度 8 8
项目管理制度的健全性和执行的有效性 业务制度是否健全。 4 4
财务（资产）管理制度的健全性和执行的有效性 财务制度是否健全。 5 5
设备巡检次数 全年巡检设备的次数。 20 20 超额完成
巡检记录完整率 巡检记录是否完整。 14 13
设备完好率 设备正常运行的比例。 15 15
维护机制 是否建立长效维护机制。 15 14"""

PLAIN_B = """ 上海市某某区文化和旅游局

否

-

100.00%

一级指标 指标名称 指标解释 权重 自评分

资金使用的合规性 资金使用是否合规。 6 6
项目设立的规范性 立项是否规范。 5 5
绩效目标合理性 目标是否合理。 8 8
预算执行率 反映项目预算执行的进度 8 8
项目管理制度的健全性和执行的有效性 业务制度是否健全。 4 4
财务（资产）管理制度的健全性和执行的有效性 财务制度是否健全。 5 5
设备巡检次数 全年巡检设备的次数。 20 20 超额完成
巡检记录完整率 巡检记录是否完整。 14 13
设备完好率 设备正常运行的比例。 15 15
维护机制 是否建立长效维护机制。 15 14

合计 100 98

影响力目标
（15分）

产出目标
（34分）

效果目标
（15分）

备注

投入与管理
（36分）

主要绩效
设备全年运行正常。

主要问题 无。

改进措施
继续做好日常维护。

项目年度总目标
保障设备正常运行。

自评时间 2021-3-25

绩效等级 优秀

当年预算数（元） 50,000.00 上年预算金额（元）

预算执行数（元） 50,000.00 预算执行率（%）

2020年度财政项目绩效自评价

项目名称 文化设施维护 预算单位

具体实施处（科室） 设施管理科 是否为经常性项目
"""

# The same layout printed in order: title, head with values beside their labels (some
# glued to the colon), narrative, then the table with level-1 labels on their first rows.
IN_ORDER = """2019年度财政项目绩效自评价
项目名称：青少年科普讲座 预算单位：上海市某某科技馆
具体实施处（科室）：教育部 是否为经常性项目：是
当年预算数（元）：200,000.00 上年预算金额（元）：180,000.00
预算执行数（元）：199,800.00 预算执行率（%）：99.90%
项目年度总目标：全年举办科普讲座四十场。
自评时间：2020年3月31日
绩效等级：良好
主要绩效：举办讲座四十二场。
主要问题：部分讲座报名人数不足。
改进措施：加强宣传。
一级指标 指标名称 指标解释 权重 自评分 备注
投入与管理（36分） 资金使用的合规性 资金使用是否合规。 6 6
绩效目标合理性 目标是否合理。 8 8
项目设立的规范性 立项是否规范。 5 5
预算执行率 反映项目预算执行的进度 8 8
财务（资产）管理制度的健全性和执行的有效性 财务制度是否健全。 5 5
项目管理制度的健全性和执行的有效性 业务制度是否健全。 4 4
产出目标（34分） 讲座场次 全年举办讲座的场次。 34 30
效果目标（15分） 学生满意度 听讲学生的满意比例。 15 12
影响力目标（15分） 社会关注度 媒体报道次数。 15 10
合计 100 88
"""


def parse(text):
    return parse_bytes("form.txt", text.encode("utf-8"))


def findings(result, code):
    return [f for f in result.findings if f.code == code]


def rows(form):
    return [(i.level1, i.name, i.explanation, str(i.weight), str(i.score)) for i in form.indicators]


# --- table text ---------------------------------------------------------------------


def test_tabbed_head_and_narrative():
    result = parse(TABBED)
    (form,) = result.forms
    assert form.template == "sh-2019-self-eval"
    assert form.year == 2020
    p = form.project
    assert (p.name, p.unit, p.offices, p.recurring) == (
        "社区图书馆数字化改造",
        "上海市某某区图书馆",
        "技术部",
        False,
    )
    f = form.funds
    assert f.currency_unit == "万元"
    assert (f.budget, f.previous_budget, f.executed, f.execution_rate) == (
        Decimal("125.50"),
        None,
        Decimal("118.20"),
        Decimal("94.18"),
    )
    assert form.goals.overall == "完成馆藏图书数字化，提升读者借阅体验。"
    assert form.evaluated_on == date(2021, 4, 2)
    assert form.grade == "优秀"
    assert form.narrative.achievements == "1、完成数字化图书两万册。\n2、读者满意度达到95%。"
    assert form.narrative.problems == "部分设备到货延迟。"
    assert form.narrative.improvements == "提前开展采购。"
    assert result.findings == []


def test_tabbed_table_with_a_note():
    (form,) = parse(TABBED).forms
    assert [(g.name, str(g.weight)) for g in form.groups] == [
        ("投入与管理", "36"),
        ("产出目标", "34"),
        ("效果目标", "15"),
        ("影响力目标", "15"),
    ]
    assert [i.name for i in form.indicators[:6]] == FIXED_SIX
    assert rows(form)[6:] == [
        ("产出目标", "数字化图书数量", "完成数字化的图书册数。", "20", "18"),
        ("产出目标", "数字化质量合格率", "抽检合格的比例。", "14", "14"),
        ("效果目标", "读者满意度", "读者问卷满意比例。", "15", "14"),
        ("影响力目标", "长效管理机制", "是否建立数字资源维护制度。", "15", "13"),
    ]
    assert {i.level1 for i in form.indicators[:6]} == {"投入与管理"}
    assert [i.note for i in form.indicators] == [None] * 6 + ["含期刊合订本", None, None, None]
    assert form.total_score == Decimal("94")


# --- mangled plain text -------------------------------------------------------------


def test_plain_forms_are_cut_where_each_begins():
    result = parse(PLAIN_A + PLAIN_B)
    assert [f.project.name for f in result.forms] == ["社区文化活动组织", "文化设施维护"]
    assert result.findings == []


def test_plain_values_printed_before_their_labels():
    a, b = parse(PLAIN_A + PLAIN_B).forms
    assert (a.project.unit, a.project.offices, a.project.recurring) == (
        "上海市某某区文化和旅游局",
        "群众文化科",
        True,
    )
    assert (a.funds.budget, a.funds.executed) == (Decimal("760000.00"), Decimal("665000.00"))
    assert (a.funds.previous_budget, a.funds.execution_rate) == (
        Decimal("800000.00"),
        Decimal("87.50"),
    )
    assert (a.funds.currency_unit, a.year, a.evaluated_on, a.grade) == (
        "元",
        2020,
        date(2021, 3, 20),
        "良好",
    )
    assert (b.project.unit, b.project.offices, b.project.recurring) == (
        "上海市某某区文化和旅游局",
        "设施管理科",
        False,
    )
    assert (b.funds.previous_budget, b.funds.execution_rate) == (None, Decimal("100.00"))


def test_plain_narrative_lines_are_joined():
    a, b = parse(PLAIN_A + PLAIN_B).forms
    assert a.narrative.achievements == "全年组织活动一百二十场，参与居民三万人次。"
    assert a.narrative.problems == "个别场馆设施老化。"
    assert a.narrative.improvements == "加快设施更新。"
    assert a.goals.overall == "丰富社区居民文化生活，全年组织文化活动不少于一百场。"
    assert (b.narrative.problems, b.goals.overall) == ("无。", "保障设备正常运行。")


def test_plain_rows_of_a_table_continued_after_the_title_block():
    a, _ = parse(PLAIN_A + PLAIN_B).forms
    assert rows(a) == [
        ("投入与管理", "资金使用的合规性", "资金使用是否符合相关法律法规。", "6", "6"),
        ("投入与管理", "预算执行率", "反映项目预算执行的进度", "8", "6"),
        ("投入与管理", "绩效目标合理性", "目标是否依据充分。", "8", "8"),
        ("投入与管理", "项目设立的规范性", "立项是否规范。", "5", "5"),
        (
            "投入与管理",
            "财务（资产）管理制度的健全性和执行的有效性",
            "财务制度是否健全。",
            "5",
            "5",
        ),
        ("投入与管理", "项目管理制度的健全性和执行的有效性", "业务制度是否健全。", "4", "4"),
        ("产出目标", "活动场次", "全年组织文化活动的场次。", "16", "15"),
        ("产出目标", "参与人次", "参加活动的居民人次。", "18", "16"),
        ("效果目标", "居民满意度", "居民对活动的满意程度。", "15", "12"),
        ("影响力目标", "社区影响力", "活动在社区的知晓程度。", "15", "10"),
    ]
    assert a.total_score == Decimal("87")


def test_plain_groups_follow_the_template_whatever_order_they_are_printed_in():
    _, b = parse(PLAIN_A + PLAIN_B).forms
    assert [(g.name, str(g.weight)) for g in b.groups] == [
        ("投入与管理", "36"),
        ("产出目标", "34"),
        ("效果目标", "15"),
        ("影响力目标", "15"),
    ]
    assert [i.level1 for i in b.indicators] == ["投入与管理"] * 6 + ["产出目标"] * 2 + [
        "效果目标",
        "影响力目标",
    ]
    assert [i.note for i in b.indicators][6:8] == ["超额完成", None]
    assert b.total_score == Decimal("98")


def test_plain_text_printed_in_order():
    result = parse(IN_ORDER)
    (form,) = result.forms
    assert (form.year, form.project.name, form.project.unit) == (
        2019,
        "青少年科普讲座",
        "上海市某某科技馆",
    )
    assert (form.project.offices, form.project.recurring) == ("教育部", True)
    assert (form.funds.previous_budget, form.funds.execution_rate) == (
        Decimal("180000.00"),
        Decimal("99.90"),
    )
    assert form.evaluated_on == date(2020, 3, 31)
    assert form.narrative.improvements == "加强宣传。"
    assert [i.name for i in form.indicators][:2] == ["资金使用的合规性", "绩效目标合理性"]
    assert rows(form)[6:] == [
        ("产出目标", "讲座场次", "全年举办讲座的场次。", "34", "30"),
        ("效果目标", "学生满意度", "听讲学生的满意比例。", "15", "12"),
        ("影响力目标", "社会关注度", "媒体报道次数。", "15", "10"),
    ]
    assert form.total_score == Decimal("88")
    assert result.findings == []


# --- what the text does not settle ---------------------------------------------------


def test_fewer_values_than_labels_is_reported():
    text = PLAIN_B.replace(" 上海市某某区文化和旅游局\n", "", 1)
    result = parse(text)
    (form,) = result.forms
    assert form.project.unit is None
    # 否, - and 100.00% still find the only labels their kinds fit, but not for certain.
    assert (form.project.recurring, form.funds.execution_rate) == (False, Decimal("100.00"))
    paths = {f.location.path for f in findings(result, "uncertain-value")}
    assert paths == {"project.recurring", "funds.previous_budget", "funds.execution_rate"}


def test_weights_that_do_not_fill_the_groups_are_reported():
    text = PLAIN_B.replace(
        "巡检记录完整率 巡检记录是否完整。 14 13", "巡检记录完整率 巡检记录是否完整。 13 13"
    )
    result = parse(text)
    (form,) = result.forms
    uncertain = findings(result, "uncertain-value")
    assert {f.location.path for f in uncertain} == {f"indicators[{i}].level1" for i in range(10)}
    # The 合计 line's 100 no longer matches the rows' 99: reported, the printed total kept.
    (differs,) = findings(result, "weight-total-differs")
    assert differs.found == "100"
    assert form.total_score == Decimal("98")


def test_fixed_indicator_outside_its_group_is_reported():
    # The sums still meet (36 = 6+5+8+4+5+8, 34 = 8+12+14), but 巡检覆盖率 then fills
    # 投入与管理 and the fixed 预算执行率 lands in 产出目标: the weights alone mislead.
    swapped = "\n".join(
        [
            "资金使用的合规性 资金使用是否合规。 6 6",
            "项目设立的规范性 立项是否规范。 5 5",
            "绩效目标合理性 目标是否合理。 8 8",
            "项目管理制度的健全性和执行的有效性 业务制度是否健全。 4 4",
            "财务（资产）管理制度的健全性和执行的有效性 财务制度是否健全。 5 5",
            "巡检覆盖率 覆盖的设备比例。 8 8",
            "预算执行率 反映项目预算执行的进度 8 8",
            "设备巡检次数 全年巡检设备的次数。 12 12 超额完成",
            "巡检记录完整率 巡检记录是否完整。 14 13",
            "设备完好率 设备正常运行的比例。 15 15",
            "维护机制 是否建立长效维护机制。 15 14",
        ]
    )
    assert B_ROWS in PLAIN_B
    result = parse(PLAIN_B.replace(B_ROWS, swapped))
    (form,) = result.forms
    assert form.total_score == Decimal("98")
    paths = {f.location.path for f in findings(result, "uncertain-value")}
    assert paths == {"indicators[5].level1", "indicators[6].level1"}


def test_a_sentence_naming_the_title_is_not_a_title():
    text = PLAIN_B.replace(
        "保障设备正常运行。", "按2020年度财政项目绩效自评价要求，保障设备正常运行。"
    )
    (form,) = parse(text).forms
    assert form.goals.overall == "按2020年度财政项目绩效自评价要求，保障设备正常运行。"


def test_row_with_three_paragraphs_is_reported():
    text = PLAIN_B.replace(
        "维护机制 是否建立长效维护机制。 15 14",
        "维护机制\n\n是否建立长效\n\n维护机制。\n\n15 14",
    )
    result = parse(text)
    (form,) = result.forms
    assert form.indicators[9].name == "维护机制"
    assert form.indicators[9].explanation == "是否建立长效维护机制。"
    assert {f.location.path for f in findings(result, "uncertain-value")} == {"indicators[9].name"}


def test_seed_000_without_its_level1_labels_uses_the_rule_set_weights():
    seed = next((SAMPLES / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    for label in ("投入与管理", "产出目标", "效果目标", "影响力目标"):
        seed = seed.replace(f"{label}\n", "")
    for points in ("（36分）", "（34分）", "（15分）"):
        seed = seed.replace(f"{points}\n", "")
    result = parse(seed)
    first, second = result.forms
    assert [i.level1 for i in first.indicators] == ["投入与管理"] * 6 + ["产出目标"] * 3 + [
        "效果目标"
    ] * 3 + ["影响力目标"] * 2
    assert [i.level1 for i in second.indicators][11:15] == ["效果目标"] * 4
    names = ["投入与管理", "产出目标", "效果目标", "影响力目标"]
    assert [(g.name, g.weight) for g in first.groups] == [(n, None) for n in names]
    weights = {(f.location.form, f.location.path) for f in findings(result, "uncertain-value")}
    assert weights == {(n, f"groups[{g}].weight") for n in (0, 1) for g in range(4)}


# --- pieces -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("项目名称:", "name"),
        ("具体实施处(科室)：", "offices"),
        ("具体实施处 （科室）", "offices"),
        ("当年预算数（万元）", "budget"),
        ("预算执行率(%)", "execution_rate"),
        ("主要问题", "problems"),
        ("资金使用的合规性", None),
    ],
)
def test_label_spellings(text, key):
    found = head_field(vocabulary(), text)
    assert (found.key if found else None) == key


def test_a_plain_line_is_cut_at_its_labels():
    entries = line_entries(vocabulary(), Piece("具体实施处（科室） 综合 秘书处 是否为经常性项目"))
    assert [(e.label.text, e.field.key, e.value.text if e.value else None) for e in entries] == [
        ("具体实施处（科室）", "offices", "综合 秘书处"),
        ("是否为经常性项目", "recurring", None),
    ]
    # Label words inside a narrative's text are its words.
    (prose,) = line_entries(vocabulary(), Piece("主要问题 降低了预算执行率（%） 自评时间"))
    assert (prose.field.key, prose.value.text) == ("problems", "降低了预算执行率（%） 自评时间")


def test_value_shapes():
    recurring = HeadField("project", "recurring")
    amount = HeadField("funds.columns", "previous_budget")
    rate = HeadField("funds.columns", "execution_rate")
    date_ = HeadField("totals", "evaluated_on")
    assert recurring.fits("是") and not recurring.fits("上海市某某区文化和旅游局")
    assert amount.fits("2,300,000.00") and not amount.fits("65.37%")
    assert rate.fits("65.37%") and amount.fits("-")
    assert date_.fits("2020-3-15") and not date_.fits("良好")
    assert HeadField("project", "unit").fits("上海市人民政府合作交流办公室")


def row_of(*paragraphs):
    lines = []
    for para, paragraph in enumerate(paragraphs):
        lines.extend(Piece(text, [len(lines)], para) for text in paragraph)
    row = build_row(lines, 2)
    return row.name.text, row.explanation.text, [p.text for p in row.numbers], row.unsettled


def test_row_pieces():
    assert trailing_numbers("预算执行率 反映项目预算执行的进度 8 0", 2) == (
        "预算执行率 反映项目预算执行的进度",
        ("8", "0"),
        "",
    )
    assert trailing_numbers("12 11 超额完成", 2) == ("", ("12", "11"), "超额完成")
    assert trailing_numbers("项目计划的实际完成情况，用以反", 2) is None
    assert row_of(["完成项目预期规模", "及要", "点要求"], ["项目实际完成规模", "12 11"]) == (
        "完成项目预期规模及要点要求",
        "项目实际完成规模",
        ["12", "11"],
        False,
    )
    assert row_of(["用户满意度", "用户的体验是否与", "期望相匹配。"], ["5 5"]) == (
        "用户满意度",
        "用户的体验是否与期望相匹配。",
        ["5", "5"],
        False,
    )


def test_wrapped_lines_join_without_spaces_beside_cjk():
    assert (
        join_lines(["会议全程DVD录像", "清晰及存档资料完", "整性"])
        == "会议全程DVD录像清晰及存档资料完整性"
    )
    assert join_lines(["系统 DVD", "HDMI 接口"]) == "系统 DVD HDMI 接口"


def test_only_text_that_lost_its_table_order_is_rebuilt():
    # Rows that end in their numbers with groups printed apart: rebuilt. A table printed
    # row by row (level-1 labels on their rows) is left to the cell recovery.
    assert restore(read_bytes("b.txt", PLAIN_B.encode("utf-8"))) is not None
    assert restore(read_bytes("o.txt", IN_ORDER.encode("utf-8"))) is None
    assert restore(read_bytes("t.txt", TABBED.encode("utf-8"))) is None


def test_a_line_cut_into_cells_is_placed_only_when_all_its_cells_are():
    doc = read_bytes("b.txt", PLAIN_B.encode("utf-8"))
    restored = restore(doc)
    # 当年预算数（元） 50,000.00 上年预算金额（元）: three cells of one line.
    line = next(b for b in doc if b.text.startswith("当年预算数"))
    cells = [k for k, lines in restored.origins.items() if lines == [line.index]]
    assert len(cells) == 3  # label, value, label
    own, ledger = Ledger(), Ledger()
    own.taken.update(cells[:2])
    restored.take(own, ledger)
    assert not ledger.is_taken(line, 0)
    own.taken.update(cells)
    restored.take(own, ledger)
    assert ledger.is_taken(line, 0)


@pytest.mark.parametrize("name", ["clinic", "long"])
def test_the_text_pdfium_extracts_from_a_pdf_of_the_layout(name):
    # Another PDF text of the layout (the fixtures' PDFs, text as pdfium extracts it): a value
    # before its label on one line, two amounts on a line of their own, the goal and the
    # narrative after the labels, explanations after their group's label (the long one's
    # table going on over a second page, its group label printed again). Every field of the
    # fixture's hand-written expected JSON; the values the labels did not pair with in order
    # are reported as uncertain.
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument(str(FILES / f"sh2019_self_eval_{name}.pdf"))
    text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    result = parse(text)
    expected = json.loads((FILES / f"sh2019_self_eval_{name}.expected.json").read_text("utf-8"))
    assert differences(expected, result.to_dict()) == []
    assert findings(result, "unplaced-text") == []
    uncertain = {f.location.path for f in findings(result, "uncertain-value")}
    assert {"funds.budget", "funds.executed", "goals.overall"} <= uncertain


def test_a_wrapped_name_with_no_blank_line_after_it_is_told_by_its_width():
    # Seed 000's lines: the name column wraps at eight characters, the explanation at fifteen.
    assert row_of_unspaced(
        [
            "财务（资产）管理",
            "制度的健全性和执",
            "行的有效性",
            "项目的财务制度是否健全、完善、",
            "有效。",
            "5 5",
        ]
    ) == (
        "财务（资产）管理制度的健全性和执行的有效性",
        "项目的财务制度是否健全、完善、有效。",
        True,
    )
    assert row_of_unspaced(
        ["用户满意度", "用户的体验是否与期望指相匹配，", "用以反映。", "3 2"]
    ) == (
        "用户满意度",
        "用户的体验是否与期望指相匹配，用以反映。",
        False,
    )


def test_seed_000_with_no_blank_lines():
    seed = next((SAMPLES / "seeds").glob("000_*.txt"))
    text = "\n".join(line for line in seed.read_text(encoding="utf-8").split("\n") if line.strip())
    result = parse(text)
    misses = differences(gold_of_seed(seed), result.to_dict())
    # 完成项目预期规模 / 及要 / 点要求: the name's second line is narrower than its last.
    assert [m.split(":")[0] for m in misses] == [
        "form 0 indicators[7].name",
        "form 0 indicators[7].explanation",
    ]
    uncertain = {(f.location.form, f.location.path) for f in findings(result, "uncertain-value")}
    assert (0, "indicators[7].name") in uncertain


def row_of_unspaced(texts):
    lines = [Piece(text, [n]) for n, text in enumerate(texts)]
    row = build_row(lines, 2, spaced=False)
    return row.name.text, row.explanation.text, row.unsettled


def test_a_form_without_its_title_is_cut_at_its_table_header_and_reported():
    result = parse(PLAIN_A.replace("2020年度财政项目绩效自评价\n", ""))
    (form,) = result.forms
    assert (form.project.name, form.total_score) == ("社区文化活动组织", Decimal("87"))
    (boundaries,) = findings(result, "form-boundaries")
    assert "0 titles but 1 table headers" in boundaries.message_en
