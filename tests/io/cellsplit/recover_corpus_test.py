"""``recover_cells`` on the real corpus pages: the splits written by hand from each page.

Each expected row is read off the page and its layout (the column order of its header), not
taken from the program's output. Places the text does not settle are asserted as reported,
never pinned to one reading.
"""

from jixiao.io.cellsplit import recover_cells
from tests.io.cellsplit.labelsets import ANHUI, FUJIAN, GANSU, HUBEI, HUNAN, page, rows_of


def test_anhui_fields_and_funds_spaced_by_single_spaces():
    doc, _ = recover_cells(page("anhui"), ANHUI)
    assert rows_of(doc, 5) == [["项目名称", "水旱灾害防御经费"]]
    # 主管部门 was left empty on the form: its label stands next to the next label.
    assert rows_of(doc, 6) == [["主管部门", "实施单位", "天长市水利局"]]
    header = ["项目资金(万元)", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值"]
    assert rows_of(doc, 7) == [[*header, "执行率(B/A)", "得分"]]
    # Five values under six columns: 880 is no weight (above 100), and the rate column, which
    # would print a percentage, is the one left out.
    assert rows_of(doc, 8) == [["年度资金总额:", "880", "880", "880", "10", "", "10"]]


def test_anhui_goals_stand_under_their_labels():
    doc, _ = recover_cells(page("anhui"), ANHUI)
    assert rows_of(doc, 12) == [["年度总体目标完成情况", "预期目标", "实际完成情况"]]
    expected = "完成年度防汛工作,完成中型灌区节水改造项目和农业综合水价改革项目。"
    assert rows_of(doc, 13) == [["", expected, "完成年度目标。"]]


def test_anhui_funds_row_with_printed_blanks():
    doc, uncertain = recover_cells(page("anhui"), ANHUI)
    (row,) = rows_of(doc, 9)
    assert row[:4] == ["其中:本年财政拨款", "880", "880", "880"]
    assert [c for c in row[4:] if c] == ["-", "-"]
    # Where the two dashes go does not change any reading: not reported.
    assert not [u for u in uncertain if u.source.line == 9]


def test_anhui_indicator_rows_follow_the_header_columns():
    doc, uncertain = recover_cells(page("anhui"), ANHUI)
    header = ["年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "年度指标值"]
    assert rows_of(doc, 14) == [[*header, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]
    name = "指标1:完成中型灌区节水改造项目数量"
    assert rows_of(doc, 16) == [["", "", "数量指标", name, "1", "1", "10", "10"]]
    assert rows_of(doc, 17) == [
        ["", "", "", "指标2:完成农业综合水价改革项目", "1", "1", "10", "10"]
    ]
    # Two numbers after the name: the weight and the score (target and actual not printed).
    assert rows_of(doc, 19) == [["", "", "质量指标", "指标1:工程质量合格", "", "", "10", "10"]]
    # The value glued to the name is part of the printed name cell.
    row_20 = ["", "", "时效指标", "指标1:年度资金支付完成率100%", "", "", "10", "10"]
    assert rows_of(doc, 20) == [row_20]
    row_27 = ["", "满意度指标(10分)", "服务对象满意度指标", "指标1:服务对象满意度"]
    assert rows_of(doc, 27) == [[*row_27, "90%", "100%", "10", "10"]]
    assert not [u for u in uncertain if 16 <= u.source.line <= 27]


def test_anhui_total_row_closes_the_table_and_notes_stay_whole():
    doc, _ = recover_cells(page("anhui"), ANHUI)
    # The total's label under the header's first cell, its points under 分值 and 得分.
    assert rows_of(doc, 28) == [["总分", "", "", "", "", "", "100", "100"]]
    note = rows_of(doc, 29)[0][0]
    assert note.startswith("注:1.一级指标分值统一设置为:产出指标50分")
    assert note.endswith("如有")


def test_gansu_run_together_form_becomes_one_block_per_row():
    doc, _ = recover_cells(page("gansu"), GANSU)
    rows = rows_of(doc, 3)
    assert ["一级指标", "二级指标", "三级指标", "指标目标值"] in rows
    start = rows.index(["一级指标", "二级指标", "三级指标", "指标目标值"])
    assert rows[start + 1 : start + 11] == [
        ["产出指标", "数量指标", "免费开放天数", "=300天"],
        ["", "质量指标", "博物馆绩效考核指标完成率", "=100百分比"],
        ["", "时效指标", "各项工作完成及时率", "%=99百分比"],
        ["成本指标", "经济成本指标", "资金使用效率", "二100百分比"],
        ["", "社会成本指标", "对当地文物保护、文化传承影响长远"],
        ["", "生态环境成本指标", "提升博物馆绿化水平提升"],
        ["效益指标", "经济效益指标", "为当地提供就业LJUI,冈位增加岗位"],
        ["", "社会效益指标", "免费开放接待观众人数", "=30000人次"],
        ["", "生态效益指标", "历史文化传承环保意识时限长远"],
        ["满意度指标", "服务对象满意度", "服务对象满意度", "%=99百分比"],
    ]
    # The title of the second form in the same line ends the table and is a block of its own.
    assert rows[start + 11] == ["省级部门预算项目支出绩效目标表", "2023年度"]
    assert rows[start + 12][:3] == ["一*级", "项目名称", "公共文化服务体系建设专项资金"]
    assert rows[0] == ["省级部门预算项目支出绩效目标表(2023年度)"]


def test_gansu_fields_cut_at_labels_and_values():
    doc, _ = recover_cells(page("gansu"), GANSU)
    fields = rows_of(doc, 3)[1]
    assert fields[:4] == ["一*级", "项目名称", "文化事业发展专项资金", "二级项目名称"]
    expected = [
        *("项目开始日期", "2023-01-01", "项目完成H期", "2023-12-31", "项目总投资", "20万元"),
        *("中央补助安排", "0", "省级财政安排", "0", "其他资金", "20万元", "预算申报数", "20万元"),
        *("资金性质", "一般公共预算", "基本情况", "保障博物馆正常运转"),
    ]
    start = fields.index("项目开始日期")
    assert fields[start : start + len(expected)] == expected
    # 78号 follows text, not a label: it stays in the policy reference.
    assert fields[fields.index("政策依据") + 1].startswith("甘财科[2022]78号")
    assert fields[-2:] == ["年度绩效目标", "进一步提高博物馆纪念馆运行效率和免费开放服务水平"]


def test_gansu_name_and_target_run_together_are_reported():
    _, uncertain = recover_cells(page("gansu"), GANSU)
    run_together = {u.text for u in uncertain if u.why == "run-together"}
    assert run_together == {
        "社会成本指标对当地文物保护、文化传承影响长远",
        "生态环境成本指标提升博物馆绿化水平提升",
        "效益指标经济效益指标为当地提供就业LJUI,冈位增加岗位",
        "生态效益指标历史文化传承环保意识时限长远",
    }
    assert all(u.source.line == 3 for u in uncertain)


def test_hunan_two_tables_and_digits_run_together():
    doc, uncertain = recover_cells(page("hunan"), HUNAN)
    rows = rows_of(doc, 3)
    # Each table keeps the label printed before its header as a column of its own.
    first = rows.index(["长期绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"])
    levels = [row[:3] for row in rows[first + 1 : first + 5]]
    assert levels == [
        ["", "产出指标", "数量指标"],
        ["", "", "质量指标"],
        ["", "", "时效指标"],
        ["", "", "成本指标"],
    ]
    second = rows.index(["年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"])
    assert rows[second + 1][:3] == ["", "产出指标", "数量指标"]
    # 88100 may be 88 and 100 (as the corpus notes read them) or one value: both reported.
    places = [u for u in uncertain if u.text == "产出指标数量指标88100"]
    assert len(places) == 2
    for place in places:
        assert place.why == "run-together"
        assert {c[3:] for c in place.candidates} == {("", "88", "100"), ("", "88100")}


def test_hunan_title_and_unit_cut_out_of_their_word():
    doc, _ = recover_cells(page("hunan"), HUNAN)
    rows = rows_of(doc, 3)
    assert rows[0] == ["项目绩效目标表(2021年度)"]
    assert rows[1][:4] == [
        "填报单位(盖章):",
        "宁乡市坝塘镇人民政府",
        "项目名称",
        "镇域内基础设施建设",
    ]


def test_hunan_goals_printed_below_their_labels():
    doc, uncertain = recover_cells(page("hunan"), HUNAN)
    rows = rows_of(doc, 3)
    goals = rows.index(["项目绩效目标", "长期目标", "年度目标"])
    text = "改善镇域内基础设施,振兴乡村经济全面完成集镇立面改造、机关、学校、乡村振兴等项目,搞好提质改造"
    assert rows[goals + 1] == ["", text]
    # The long-term and the annual goal ran together: one cell, reported with both places.
    (place,) = [u for u in uncertain if u.text == text]
    assert place.why == "run-together"
    assert set(place.candidates) == {("", text), ("", "", text)}


def test_fujian_bars_give_cells_and_merged_places():
    doc, uncertain = recover_cells(page("fujian"), FUJIAN)
    assert rows_of(doc, 5) == [
        ["部门(单位)名称", "中共宁德市委党史和地方志研究室", "部门预算编码", "901001033"]
    ]
    # Runs of spaces and bars separate; one space inside a cell between label and amount.
    assert rows_of(doc, 6) == [
        ["年度预算安排(万元)", "资金总额", "171.41", "项目支出", "60.8", "基本支出", "110.61"]
    ]
    assert rows_of(doc, 18) == [
        ["产出指标", "数量指标", "志鉴地情相关工作开展所需资金的供应时效", "100%(历史标准)", "100%"]
    ]
    # A leading bar and an empty pair of bars: the merged level cells' places stay empty.
    assert rows_of(doc, 19) == [["", "", "确保日常工作正常运行", "100%", "100%"]]
    assert rows_of(doc, 21)[0][:2] == ["", "质量指标"]
    assert uncertain == ()


def test_hubei_flattened_title_date_and_broken_label():
    doc, _ = recover_cells(page("hubei"), HUBEI)
    rows = rows_of(doc, 3)
    assert rows[0] == ["附件", "2:"]
    assert rows[1] == ["部门整体支出绩效目标申报表"]
    assert rows[2][:5] == [
        "填报日期:",
        "2021 年 1 月 28 日",
        "部门(单位) 名称",
        "填报人",
        "广水市人民政府办公室",
    ]
