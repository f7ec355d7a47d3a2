"""sh-2019-target (上海市财政支出项目绩效目标申报表（2019年）), plain PDF text.

The documents here are written by hand in the layout of seed 004 but differ from it:
other units, projects and amounts (in 万元, with thousands separators), other ticked
boxes (two in one row), dates printed as 2020年1月1日 and 2021-1-1, a component name
wrapping over two lines, funds lines without blank lines between them, section labels
printed before their text on the same line, targets wrapping over lines, level-1 labels
printed on a row's line, wrapped, or after their rows, loose values, a page footer.
Expected values are worked out from the text by hand. The structure importer reads them
(``structure/label_column``; its own tests: ``label_column_test``).
"""

import json
from datetime import date
from decimal import Decimal

import pytest

from jixiao.io.parse import parse_bytes, parse_path
from tests.conftest import SAMPLES
from tests.io.gold_test import differences

# Two forms of one district bureau: the second prints its level-1 labels late.
DOC_A = """
项目名称

资金用途

开始时间

项目概况

立项依据

上海市财政支出项目绩效目标申报表

(2020年 )

申报单位名称：   上海市某某区绿化和市容管理局

社区绿地养护管理

项目类型
市委市政府已确定的新增项目□    结转项目□    其他一次性项目□

经常性专项业务费□   其他经常性项目√

基本建设工程类□    信息化建设类□    政策补贴类□
政府购买服务√    资产购置类√    其他事业专业类□

2020/3/1 结束时间 2020/11/30

全区共有社区绿地四十二块，面积约一百二十万平方米，需要日常修剪、
浇灌、病虫害防治和设施维修。

依据《上海市绿化条例》和区政府2020年工作要点。

项目设立的必
要性

社区绿地是居民身边的公共空间，养护不到位将影响市容环境。

保证项目实施
的制度、措施

实行养护质量月度考核，考核结果与养护费用挂钩。

项目总预算（万元） 1,250.5 项目当年预算（万元） 980

同名项目上年预算额（万元） 900
同名项目上年预算执行数

（万元）
875.25

子项目名称 预算金额（万元）

项目当年投入
资金构成

绿地日常养护 600
苗木补植及设施维
修 380

3月完成养护单位招标，4月至11月按月实施养护。

项目实施计划

项目总目标

年度绩效目标

分解目标内容

备注

保持全区社区绿地整洁美观，提升居民生活环境质量。

1、绿地养护面积不少于120万平方米；
2、苗木补植成活率达到90%以上；
3、市民满意度达到80%以上。

分解目标

绩效指标 指标目标值

投入和管理目标 预算执行率 ≥95%

资金使用合规性
符合《上海市绿化专项资金管理办法》规定，无截
留挪用

财务制度健全性 健全

产出目标

绿地养护面积 ≥ 120 万平方米

苗木补植成活率（成活株数/补植株
数）

≥90%

养护作业及时率 100%

效果目标

市民满意度（受访市民中表示满意的人数/受访
市民人数） ≥80%

绿地景观效果 明显改善
影响力目标

长效管养机制建立情况 建立并有效运行



项目名称

资金用途

开始时间

项目概况

立项依据

项目实施计划

上海市财政支出项目绩效目标申报表

(2020年 )

申报单位名称：   上海市某某区绿化和市容管理局

古树名木保护

项目类型
市委市政府已确定的新增项目□    结转项目√    其他一次性项目□

经常性专项业务费□   其他经常性项目□

基本建设工程类□    信息化建设类√    政策补贴类□
政府购买服务□    资产购置类□    其他事业专业类□

2020年1月1日 结束时间 2020年6月30日

全区登记在册古树名木八十六株，部分树体衰弱，需要体检和复壮。

依据《上海市古树名木和古树后续资源保护条例》。

项目设立的必
要性

古树名木是不可再生的历史文化资源。

保证项目实施
的制度、措施

聘请专家组对复壮方案逐株审核。

项目总预算（万元） 45 项目当年预算（万元） 45

同名项目上年预算额（万元） 40
同名项目上年预算执行数

（万元）
39.8

子项目名称 预算金额（万元）

项目当年投入
资金构成

古树名木保护 45

1月完成体检，2月至6月实施复壮。

项目总目标

年度绩效目标

分解目标内容

备注

保护古树名木健康生长。

完成全部古树体检，一级古树复壮方案全部通过评审。

分解目标

绩效指标 指标目标值

预算执行率(预算执行金额/预算总
金额)

100%

资金使用合规性 合规

产出目标

古树体检覆盖率 100%

保护方案制定情况
完成全部一级古树保护方案的
编制并通过专家评审

投入和管理目
标

项目管理制度健全性 健全

养护作业事故率 ≤1%

完善

效果目标

古树生长状况 良好

公众满意度（受访公众中表示满意的人数/受访公众人数）

≥85%

影响力目标

应急预案完备性
"""

# One form of a street office: labels inline, no blank lines in the funds, loose values.
DOC_B = """
项目名称

资金用途

开始时间

上海市财政支出项目绩效目标申报表
（2021年）

申报单位名称：
上海市某某区某某街道办事处

社区事务受理服务中心运行维护（运维）

项目类型 市委市政府已确定的新增项目√ 结转项目□ 其他一次性项目√
经常性专项业务费□ 其他经常性项目□
基本建设工程类√ 信息化建设类□ 政策补贴类□
政府购买服务□ 资产购置类□ 其他事业专业类□

开始时间 2021-1-1 结束时间 2021-12-31

项目概况：本中心承担全街道四十余项社区事务的受理和办理，
日均接待群众约六百人次。

立项依据：《上海市社区事务受理服务中心建设规范》。

项目设立的必要性

窗口设备使用已满八年，故障频发，影响办事效率。

保证项目实施的制度、措施

设备采购按政府采购程序执行。

项目总预算（元） 3,600,000 项目当年预算（元） 1,200,000
同名项目上年预算额（元） 0 同名项目上年预算执行数（元） 0
子项目名称 预算金额（元）
窗口设备更新 700,000
系统运维 500,000

全年分两批完成设备更新，系统运维按月进行。

项目总目标

三年内完成中心全部窗口设备的更新。

年度绩效目标

完成一半窗口设备更新，系统全年稳定运行。

分解目标

绩效指标 指标目标值

投入和管理目标

预算执行率 100%

政府采购规范性 规范

产出目标

窗口设备更新数量 ≥ 40 台

系统运行故障率 ≤0.5%

业务办理平均等候时间 ≤ 15 分钟

健全

效果目标

群众办事便利度提升情况 明显提升

系统安全性

达标

影响力目标

窗口服务长效机制

人员培训覆盖率 100%

群众满意度（受访群众中表示满意的人数/受访
群众人数） ≥90%
- 3 -
"""

SEED = SAMPLES / "seeds" / "004_aaf9abe838e69e99.txt"
GOLD = SAMPLES / "forms" / "004_aaf9abe838e69e99.txt.json"


def parse(text):
    return parse_bytes("hand.txt", text.encode("utf-8"))


def rows(form):
    return [(i.level1, i.name, i.explanation, i.target) for i in form.indicators]


def doubts(result):
    return {
        (f.location.form, f.location.path): f
        for f in result.findings
        if f.code == "uncertain-value"
    }


@pytest.fixture(scope="module")
def doc_a():
    return parse(DOC_A)


@pytest.fixture(scope="module")
def doc_b():
    return parse(DOC_B)


def test_forms_are_split_at_the_label_block_before_each_title(doc_a, doc_b):
    assert [f.project.name for f in doc_a.forms] == ["社区绿地养护管理", "古树名木保护"]
    assert {f.project.unit for f in doc_a.forms} == {"上海市某某区绿化和市容管理局"}
    assert [f.year for f in doc_a.forms] == [2020, 2020]
    assert {f.template for f in doc_a.forms} == {"sh-2019-target"}
    (form,) = doc_b.forms
    assert form.year == 2021
    # The unit is printed on the line below its label.
    assert form.project.unit == "上海市某某区某某街道办事处"
    assert form.project.name == "社区事务受理服务中心运行维护（运维）"


def test_ticked_boxes_become_category_and_funds_use(doc_a, doc_b):
    first, second = (f.project for f in doc_a.forms)
    assert first.category == ("其他经常性项目",)
    assert first.funds_use == ("政府购买服务", "资产购置类")
    assert second.category == ("结转项目",)
    assert second.funds_use == ("信息化建设类",)
    b = doc_b.forms[0].project
    assert b.category == ("市委市政府已确定的新增项目", "其他一次性项目")
    assert b.funds_use == ("基本建设工程类",)


def test_dates_in_any_printed_spelling_are_iso(doc_a, doc_b):
    first, second = (f.project for f in doc_a.forms)
    assert (first.start_date, first.end_date) == (date(2020, 3, 1), date(2020, 11, 30))
    assert (second.start_date, second.end_date) == (date(2020, 1, 1), date(2020, 6, 30))
    b = doc_b.forms[0].project
    assert (b.start_date, b.end_date) == (date(2021, 1, 1), date(2021, 12, 31))


def test_prose_sections_follow_the_template_order(doc_a):
    project, goals = doc_a.forms[0].project, doc_a.forms[0].goals
    assert project.overview == (
        "全区共有社区绿地四十二块，面积约一百二十万平方米，需要日常修剪、浇灌、病虫害防治和设施维修。"
    )
    assert project.basis == "依据《上海市绿化条例》和区政府2020年工作要点。"
    assert project.necessity == "社区绿地是居民身边的公共空间，养护不到位将影响市容环境。"
    assert project.safeguards == "实行养护质量月度考核，考核结果与养护费用挂钩。"
    # Printed before its label, right after the funds lines.
    assert project.plan == "3月完成养护单位招标，4月至11月按月实施养护。"
    assert goals.overall == "保持全区社区绿地整洁美观，提升居民生活环境质量。"
    assert goals.annual == (
        "1、绿地养护面积不少于120万平方米；\n2、苗木补植成活率达到90%以上；\n3、市民满意度达到80%以上。"
    )


def test_labels_printed_on_the_text_line_are_split_off(doc_b):
    project, goals = doc_b.forms[0].project, doc_b.forms[0].goals
    assert (
        project.overview == "本中心承担全街道四十余项社区事务的受理和办理，日均接待群众约六百人次。"
    )
    assert project.basis == "《上海市社区事务受理服务中心建设规范》。"
    assert project.necessity == "窗口设备使用已满八年，故障频发，影响办事效率。"
    assert project.safeguards == "设备采购按政府采购程序执行。"
    assert project.plan == "全年分两批完成设备更新，系统运维按月进行。"
    assert goals.overall == "三年内完成中心全部窗口设备的更新。"
    assert goals.annual == "完成一半窗口设备更新，系统全年稳定运行。"


def test_funds_in_wan_yuan_with_a_wrapped_component_name(doc_a):
    funds = doc_a.forms[0].funds
    assert funds.currency_unit == "万元"
    assert funds.total_budget == Decimal("1250.5")
    assert funds.budget == Decimal("980")
    assert funds.previous_budget == Decimal("900")
    # 同名项目上年预算执行数 / （万元） / 875.25 on three lines
    assert funds.previous_executed == Decimal("875.25")
    assert [(c.name, c.amount) for c in funds.components] == [
        ("绿地日常养护", Decimal("600")),
        ("苗木补植及设施维修", Decimal("380")),
    ]
    assert funds.sources == ()


def test_funds_lines_without_blank_lines_and_two_values_on_a_line(doc_b):
    funds = doc_b.forms[0].funds
    assert funds.currency_unit == "元"
    assert (funds.total_budget, funds.budget) == (Decimal("3600000"), Decimal("1200000"))
    assert (funds.previous_budget, funds.previous_executed) == (Decimal("0"), Decimal("0"))
    assert [(c.name, c.amount) for c in funds.components] == [
        ("窗口设备更新", Decimal("700000")),
        ("系统运维", Decimal("500000")),
    ]


def test_rows_with_wrapped_targets_and_definitions(doc_a):
    form = doc_a.forms[0]
    assert rows(form) == [
        ("投入和管理目标", "预算执行率", None, "≥95%"),
        (
            "投入和管理目标",
            "资金使用合规性",
            None,
            "符合《上海市绿化专项资金管理办法》规定，无截留挪用",
        ),
        ("投入和管理目标", "财务制度健全性", None, "健全"),
        ("产出目标", "绿地养护面积", None, "≥ 120 万平方米"),
        ("产出目标", "苗木补植成活率", "成活株数/补植株数", "≥90%"),
        ("产出目标", "养护作业及时率", None, "100%"),
        ("效果目标", "市民满意度", "受访市民中表示满意的人数/受访市民人数", "≥80%"),
        ("效果目标", "绿地景观效果", None, "明显改善"),
        ("影响力目标", "长效管养机制建立情况", None, "建立并有效运行"),
    ]
    assert [g.name for g in form.groups] == ["投入和管理目标", "产出目标", "效果目标", "影响力目标"]
    assert all(g.weight is None for g in form.groups)
    assert not [place for place in doubts(doc_a) if place[0] == 0]


def test_labels_printed_late_and_a_loose_value(doc_a):
    form = doc_a.forms[1]
    assert rows(form) == [
        ("投入和管理目标", "预算执行率", "预算执行金额/预算总金额", "100%"),
        ("投入和管理目标", "资金使用合规性", None, "合规"),
        ("产出目标", "古树体检覆盖率", None, "100%"),
        ("产出目标", "保护方案制定情况", None, "完成全部一级古树保护方案的编制并通过专家评审"),
        # printed among 产出 rows, right after the wrapped 投入和管理目 / 标 label
        ("投入和管理目标", "项目管理制度健全性", None, "健全"),
        ("产出目标", "养护作业事故率", None, "≤1%"),
        ("效果目标", "古树生长状况", None, "良好"),
        ("效果目标", "公众满意度", "受访公众中表示满意的人数/受访公众人数", "≥85%"),
        # the one indicator without a value takes the one loose value (完善)
        ("影响力目标", "应急预案完备性", None, "完善"),
    ]
    # A rate of bad events: an output's quality or an effect.
    assert [place for place in doubts(doc_a) if place[0] == 1] == [(1, "indicators[5].level1")]
    finding = doubts(doc_a)[(1, "indicators[5].level1")]
    assert finding.found == "产出目标"
    assert set(finding.expected.split(" | ")) == {"产出目标", "效果目标"}


def test_places_the_text_does_not_settle_are_reported(doc_b):
    form = doc_b.forms[0]
    settled = [r for i, r in enumerate(rows(form)) if i not in (6, 7)]
    assert settled == [
        ("投入和管理目标", "预算执行率", None, "100%"),
        ("投入和管理目标", "政府采购规范性", None, "规范"),
        ("产出目标", "窗口设备更新数量", None, "≥ 40 台"),
        ("产出目标", "系统运行故障率", None, "≤0.5%"),
        ("产出目标", "业务办理平均等候时间", None, "≤ 15 分钟"),
        ("效果目标", "群众办事便利度提升情况", None, "明显提升"),
        ("影响力目标", "人员培训覆盖率", None, "100%"),
        ("影响力目标", "群众满意度", "受访群众中表示满意的人数/受访群众人数", "≥90%"),
    ]
    assert [(i.level1, i.name) for i in form.indicators[6:8]] == [
        ("效果目标", "系统安全性"),
        ("影响力目标", "窗口服务长效机制"),
    ]
    # Two indicators without a value, two loose values (健全, 达标): not pinned, reported.
    assert {form.indicators[6].target, form.indicators[7].target} == {"健全", "达标"}
    assert set(doubts(doc_b)) == {
        (0, "indicators[3].level1"),  # 系统运行故障率: 产出 or 效果
        (0, "indicators[9].level1"),  # 满意度 printed after the 影响力目标 label
        (0, "indicators[6].target"),
        (0, "indicators[7].target"),
    }
    assert set(doubts(doc_b)[(0, "indicators[9].level1")].expected.split(" | ")) == {
        "影响力目标",
        "效果目标",
    }


def test_every_line_is_placed_and_the_page_footer_noted(doc_a, doc_b):
    assert [f for f in doc_a.findings if f.code not in ("uncertain-value",)] == []
    assert [f.code for f in doc_b.findings if f.code != "uncertain-value"] == ["page-footer"]


def test_text_after_the_last_section_is_reported_not_dropped():
    text = DOC_B.replace("分解目标\n", "另附说明材料一份。\n\n分解目标\n", 1)
    result = parse(text)
    unplaced = [f.found for f in result.findings if f.code == "unplaced-text"]
    assert unplaced == ["另附说明材料一份。"]
    assert result.forms[0].goals.annual == "完成一半窗口设备更新，系统全年稳定运行。"


def test_seed_uncertain_places_are_exactly_the_gold_ones():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    wanted = {(u["form"], u["path"]) for u in gold["uncertain"]}
    assert set(doubts(parse_path(SEED))) == wanted


def test_seed_copied_without_blank_lines_still_gives_every_gold_field():
    # Another extraction of the same PDF may drop the blank lines between cells: labels,
    # funds lines and sentence ends then tell the sections apart (reported as uncertain).
    text = "\n".join(line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip())
    result = parse_bytes(SEED.name, text.encode("utf-8"))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert differences(gold, result.to_dict()) == []
    assert not [f for f in result.findings if f.code == "unplaced-text"]


def test_seed_loose_values_go_to_the_indicators_printed_without_one():
    form = parse_path(SEED).forms[3]
    # 完备 is printed after 故障处理及时率; 视频实施完备性 (last row) has no value.
    assert (form.indicators[16].name, form.indicators[16].target) == ("视频实施完备性", "完备")
    # 视频会议系统运行故障率 repeats its name as the value printed below its definition.
    assert form.indicators[7].explanation == "故障次数/运行次数"
    assert form.indicators[7].target == "视频会议系统运行故障率"
