"""The value grammar, against every target and actual printed in the 14 gold forms.

Each expected reading below was written by hand from the printed text, not taken from the
parser's output.
"""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.core.values import (
    Comparator,
    Direction,
    InvalidReason,
    ValueKind,
    direction,
    parse_value,
)

GE, GT, LE, LT, EQ = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT, Comparator.EQ
WITHIN = Comparator.WITHIN
Q = ("qual",)


def num(comparator, number, unit, implied=False):
    return ("num", comparator, Decimal(number), unit, implied)


def bad(reason):
    return ("bad", reason)


# (printed text, indicator name, expected reading): every distinct string in seeds/gold.
GOLD_VALUES = [
    ("0 次", "服务对象投诉和批评次数", num(EQ, "0", "次", implied=True)),
    ("0.00%", "差错率", num(EQ, "0", "%", implied=True)),
    ("0次", "公务车事故次数", num(EQ, "0", "次", implied=True)),
    ("100%", "项目计划完成及时性", num(EQ, "100", "%", implied=True)),
    ("139 次", "开展服务企业工作的次数", num(EQ, "139", "次", implied=True)),
    ("68 批", "接待团组数量", num(EQ, "68", "批", implied=True)),
    ("70 次", "赴对口支援地区工作次数", num(EQ, "70", "次", implied=True)),
    ("85%", "用户满意度", num(EQ, "85", "%", implied=True)),
    ("90%以上功能得到应用", "系统功能充分应用", num(GE, "90", "%")),
    ("98%", "服务对象满意度", num(EQ, "98", "%", implied=True)),
    ("99%", "服务对象满意度", num(EQ, "99", "%", implied=True)),
    ("=100%", "课题转化成果率", num(EQ, "100", "%")),
    (">=60个", "接待团组数量", num(GE, "60", "个")),
    (">=90%", "预算资金到位率", num(GE, "90", "%")),
    ("≤2%", "主会场网络丢包率", num(LE, "2", "%")),
    ("≤8%", "各驻外办会场网络丢包率", num(LE, "8", "%")),
    ("≥320 天", "服务保障天数", num(GE, "320", "天")),
    ("≥50 次", "开展服务企业工作的次数", num(GE, "50", "次")),
    ("≥60 批", "接待团组数量", num(GE, "60", "批")),
    ("≥60 次", "赴对口支援地区工作次数", num(GE, "60", "次")),
    ("≥85%", "服务对象满意度", num(GE, "85", "%")),
    ("≥95%", "服务对象满意度", num(GE, "95", "%")),
    ("与相关地区和单位建立了长效交流机制", "长效机制建立情况", Q),
    ("与相关地区（单位）建立长效交流机制", "长效机制建立情况", Q),
    ("两地经济合作交流成果显著", "沪青两地经济合作往来", Q),
    ("任务相关性、政策相符性及经济合理性强", "预算编制合理性", Q),
    ("促进作用明显", "两地经济合作往来促进作用", Q),
    ("促进作用明细", "两地经济合作往来促进作用", Q),
    ("保障支持作用强", "对驻外办工作的保障支持作用", Q),
    ("保障质量较好", "后勤保障质量", Q),
    ("借鉴作用强", "课题对工作的借鉴作用", Q),
    ("做到申报流程完整、过程材料完整齐全", "实施流程规范性", Q),
    ("健全", "长效管理制度健全性", Q),
    ("全年7*24小时运维服务", "运维时间保障情况", num(EQ, "168", "小时", implied=True)),
    ("全年无重大故障发生", "系统运行故障率", Q),
    ("出差管理、课题研究制度健全、且严格执行", "项目管理制度健全性", Q),
    ("加强与上海市工商局、税务局及统计局相关单位信息共享机制", "信息共享机制", Q),
    ("加强与国家工商总局相关单位信息共享机制", "信息共享机制", Q),
    ("及时", "项目完成及时性", bad(InvalidReason.DIRECTION)),
    ("合理", "预算编制合理性", Q),
    ("合规", "资金使用合规性", Q),
    ("后勤保障好", "后勤保障质量", Q),
    ("完全完成项目预期规模及要点要求", "完成年度工作质量", Q),
    ("完备", "系统设施完备性", Q),
    ("完成项目预期规模及要点要求", "完成年度工作质量", Q),
    ("建立", "长效维护机制建立情况", Q),
    ("建立应急预案", "系统故障应急处理预案", Q),
    ("成本控制在预算内", "成本控制", Q),
    (
        "按照2019年完成课题研究、出差调研、培训工作总体要求和计划安排，完成的任务达到总体目标要求",
        "完成项目预期规模及要点要求",
        Q,
    ),
    (
        "按照课题研究、服务保障工作年度总体要求和计划安排，完成任务达到总体目标要求",
        "完成项目预期规模及要点要求",
        Q,
    ),
    ("按计划完成课题研究、出差调研及培训等相关任务。", "项目计划完成情况", Q),
    ("提升", "信息录入、查询速度提升情况", bad(InvalidReason.DIRECTION)),
    ("支撑作用明显", "对口支援与合作交流工作的支撑作用", Q),
    ("故障处理及时率", "故障处理及时率", bad(InvalidReason.NAME)),
    ("无整改通知或警告", "环保达标", Q),
    ("无环保部门整改通知或警告", "环保达标", Q),
    ("明显节约", "机关运行成本节约情况", Q),
    (
        "是否符合国家财经法规和财务管理制度以及有关专项资金管理办法的规定",
        "资金使用合规性",
        bad(InvalidReason.QUESTION),
    ),
    ("有效", "运行故障监测有效性", Q),
    ("申报流程完整、过程材料完整齐全", "实施流程规范性", Q),
    ("监测方案科学合理、且严格按照方案执行", "运行故障监测有效性", Q),
    ("相关制度健全且严格执行", "财务管理制度健全性", Q),
    ("立项、过程及验收流程规范，材料完整齐全", "实施流程规范性", Q),
    ("符合标准", "费用标准", Q),
    ("管理人员落实,人员配置合理", "人员配置保障情况", Q),
    ("系统反应时间在2秒以内", "系统运行速度提升情况", num(LE, "2", "秒")),
    ("系统安全测评达标", "系统安全性", Q),
    ("考核项目发挥影响作用的时间早晚及合适程度", "项目启动及时性", bad(InvalidReason.DEFINITION)),
    ("规范", "服务采购规范性", Q),
    ("视频会议系统运行故障率", "视频会议系统运行故障率", bad(InvalidReason.NAME)),
    ("资金使用范围符合法律法规和规定的用途、审批流程规范", "资金使用合规性", Q),
    ("长效机制健全", "长效机制建立情况", Q),
    ("降低", "平台运行故障率", bad(InvalidReason.DIRECTION)),
    ("项目单位有人员分工机制，且人员配置能有效完成项目", "人员配置保障情况", Q),
    ("项目单位有人员分工机制，人员配置能有效完成项目", "人员配置情况", Q),
    ("项目实施过程中，项目单位内部机构分工合理、配合有效", "部门协同有效性", Q),
    ("项目管理相关制度健全且严格执行", "项目管理制度健全性", Q),
    ("项目计划完成率", "项目计划完成率", bad(InvalidReason.NAME)),
    ("预算内", "成本控制", Q),
]

# Each comparator word and symbol of SPEC §3, and the odd shapes other units print.
EXTRA_VALUES = [
    ("不低于90%", "x", num(GE, "90", "%")),
    ("不少于12期", "x", num(GE, "12", "期")),
    ("不高于5%", "x", num(LE, "5", "%")),
    ("不超过3天", "x", num(LE, "3", "天")),
    ("3天以内", "x", num(LE, "3", "天")),
    ("5次以下", "x", num(LE, "5", "次")),
    ("200人次以上", "x", num(GE, "200", "人次")),
    ("达到85%以上", "x", num(GE, "85", "%")),
    ("达到90%", "x", num(GE, "90", "%")),
    ("＞95％", "x", num(GT, "95", "%")),
    ("＜3%", "x", num(LT, "3", "%")),
    ("＝100％", "x", num(EQ, "100", "%")),
    (">98%", "x", num(GT, "98", "%")),
    ("<1%", "x", num(LT, "1", "%")),
    ("<=5个", "x", num(LE, "5", "个")),
    ("≥100百分比", "x", num(GE, "100", "%")),
    ("≤90万元", "x", num(LE, "90", "万元")),
    ("≥１２次", "x", num(GE, "12", "次")),
    ("1,000人次", "x", num(EQ, "1000", "人次", implied=True)),
    ("≥60批次", "x", num(GE, "60", "批次")),
    ("3个工作日内", "x", num(LE, "3", "个工作日")),
    ("12", "x", num(EQ, "12", None, implied=True)),
    ("", "x", bad(InvalidReason.EMPTY)),
    ("   ", "x", bad(InvalidReason.EMPTY)),
    ("有所提升", "x", bad(InvalidReason.DIRECTION)),
    ("用以反映项目按期完成的程度", "x", bad(InvalidReason.DEFINITION)),
    ("2019年", "x", Q),
    ("满意度争取达到85%以上，并逐年提高，形成长效机制", "x", Q),
    # Issue 9 §1: two-sided targets, full-width and box-drawing comparators (corpus README:
    # 甘肃 prints ``≧ | 120 | 人次``, joined by the importer as ``≧120人次``).
    ("±5%以内", "预算偏差率", num(WITHIN, "5", "%")),
    ("±5%", "预算偏差率", num(WITHIN, "5", "%")),
    ("正负3%", "x", num(WITHIN, "3", "%")),
    ("≧120人次", "x", num(GE, "120", "人次")),
    ("≦3天", "x", num(LE, "3", "天")),
    ("═100%", "x", num(EQ, "100", "%")),
    ("⩾90%", "x", num(GE, "90", "%")),
    # A printed minus sign stays with the number (a fall is not a rise).
    ("-3%", "收入增长率", num(EQ, "-3", "%", implied=True)),
    ("−2.5万元", "x", num(EQ, "-2.5", "万元", implied=True)),
    ("≥-1%", "x", num(GE, "-1", "%")),
    # Issue 11 §1: marks that say "nothing here" are read as missing.
    ("/", "x", bad(InvalidReason.EMPTY)),
    ("-", "x", bad(InvalidReason.EMPTY)),
    ("—", "x", bad(InvalidReason.EMPTY)),
    ("——", "x", bad(InvalidReason.EMPTY)),
    ("无", "x", bad(InvalidReason.EMPTY)),
    ("不适用", "x", bad(InvalidReason.EMPTY)),
    # Bare directions by shape: adverbs, a verb of change, nothing else.
    ("逐步改善", "x", bad(InvalidReason.DIRECTION)),
    ("进一步提高", "x", bad(InvalidReason.DIRECTION)),
    ("有所改善", "x", bad(InvalidReason.DIRECTION)),
    ("持续优化", "x", bad(InvalidReason.DIRECTION)),
    ("大幅缩短", "x", bad(InvalidReason.DIRECTION)),
    # …but a direction after its object, or a level, is a value.
    ("满意度提升", "x", Q),
    ("服务质量明显改善", "x", Q),
    ("无重大安全事故", "x", Q),
]


def reading(value):
    if value.kind is ValueKind.QUANTITATIVE:
        return ("num", value.comparator, value.number, value.unit, value.implied)
    if value.kind is ValueKind.INVALID:
        return ("bad", value.reason)
    return Q


@pytest.mark.parametrize(
    ("text", "name", "expected"), GOLD_VALUES + EXTRA_VALUES, ids=lambda x: str(x)[:20]
)
def test_it_reads_each_printed_value(text, name, expected):
    assert reading(parse_value(text, name)) == expected


def test_the_table_covers_every_value_in_the_gold_forms(gold_forms):
    printed = {
        v
        for _, form in gold_forms
        for i in form["indicators"]
        for v in (i["target"], i["actual"])
        if v
    }
    assert printed == {text for text, _, _ in GOLD_VALUES}


def test_it_keeps_the_printed_text():
    assert parse_value("  ≥60 次 ", "x").text == "≥60 次"
    assert parse_value("管理人员落实，人员配置合理", "x").text == "管理人员落实，人员配置合理"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("≤2%", "主会场网络丢包率", Direction.REVERSE),
        ("0次", "公务车事故次数", Direction.REVERSE),
        ("0.00%", "差错率", Direction.REVERSE),
        ("0 次", "服务对象投诉和批评次数", Direction.REVERSE),
        ("100%", "公务用车保障率", Direction.POSITIVE),
        ("≥60 次", "赴对口支援地区工作次数", Direction.POSITIVE),
        ("0次", "新增项目数", Direction.POSITIVE),
        ("<1%", "故障率", Direction.REVERSE),
        ("±5%以内", "预算偏差率", Direction.REVERSE),
    ],
)
def test_direction(text, name, expected):
    assert direction(parse_value(text, name), name) is expected


@given(st.text(), st.one_of(st.none(), st.text()))
def test_it_never_raises_on_any_text(text, name):
    value = parse_value(text, name)
    assert value.kind in ValueKind
    if value.kind is ValueKind.QUANTITATIVE:
        assert value.number is not None and value.comparator is not None


@given(st.from_regex(r"[≥≤<>=]?\d{1,6}(\.\d{1,2})?\s?(%|次|天|万元)?", fullmatch=True))
def test_generated_quantities_are_quantitative(text):
    assert parse_value(text, "x").kind is ValueKind.QUANTITATIVE
