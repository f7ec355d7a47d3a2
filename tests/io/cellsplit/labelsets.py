"""Label sets written by hand for the tests, from the printed labels of the corpus pages.

Each lists only what its document prints, so that a test's expected split follows from the
document and these lists, never from the shared vocabulary (which grows independently).
"""

from pathlib import Path

from jixiao.io.cellsplit import LabelSet
from jixiao.io.readers.txt import read

PAGES = Path(__file__).parent / "pages"

MOF_COLUMNS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "name",
    "年度指标值": "target",
    "实际完成值": "actual",
    "分值": "weight",
    "得分": "score",
    "偏差原因分析及改进措施": "deviation",
    "年初预算数": "initial_budget",
    "全年预算数": "budget",
    "全年执行数": "executed",
    "执行率": "execution_rate",
}

# 安徽 天长 2022 (MoF 2020 self-evaluation layout).
ANHUI = LabelSet.build(
    titles=["项目支出绩效自评表"],
    blocks=["项目资金", "年度总体目标完成情况", "年度绩效指标完成情况"],
    fields=["项目名称", "主管部门", "实施单位", "预期目标", "实际完成情况"],
    totals=["总分"],
    rows=["年度资金总额", "本年财政拨款", "上年结转资金", "其他资金"],
    furniture=["其中"],
    columns=MOF_COLUMNS,
    level1=["产出指标", "效益指标", "满意度指标"],
    level2=[
        *("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标"),
        *("生态效益指标", "可持续影响指标", "服务对象满意度指标"),
    ],
)

# 甘肃 嘉峪关 2023 (省级部门预算项目支出绩效目标表, 2021 tree with 成本指标 as a level 1).
GANSU = LabelSet.build(
    fields=[
        *("项目名称", "二级项目名称", "项目类型", "项目分类"),
        *("资金用途", "主管部门", "项目开始日期", "项目完成日期", "项目总投资", "预算申报数"),
        *("资金性质", "基本情况", "项目立项必要性", "保证项目实施的制度措施", "项目实施计划"),
        *("项目实施单位", "政策依据", "年度绩效目标"),
    ],
    titles=["省级部门预算项目支出绩效目标表"],
    rows=["中央补助安排", "省级财政安排", "其他资金"],
    columns={
        "一级指标": "level1",
        "二级指标": "level2",
        "三级指标": "name",
        "指标目标值": "target",
    },
    level1=["产出指标", "成本指标", "效益指标", "满意度指标"],
    level2=[
        *("数量指标", "质量指标", "时效指标", "经济成本指标", "社会成本指标"),
        *("生态环境成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "服务对象满意度"),
    ],
)

# 湖南 宁乡 2021 (项目绩效目标表: 长期 and 年度 tables, 指标内容 / 指标值 / 备注).
HUNAN = LabelSet.build(
    titles=["项目绩效目标表"],
    fields=[
        *("填报单位", "项目名称", "项目属性", "主管部门", "项目单位", "长期目标", "年度目标"),
    ],
    blocks=["项目绩效目标", "长期绩效指标", "年度绩效指标"],
    rows=["资金总额", "财政拨款", "自有资金"],
    columns={
        "一级指标": "level1",
        "二级指标": "level2",
        "指标内容": "name",
        "指标值": "target",
        "备注": "note",
    },
    level1=["产出指标", "效益指标", "社会公众或服务对象满意度指标"],
    level2=[
        *("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标"),
        *("生态效益指标", "可持续影响指标"),
    ],
)

# 福建 宁德 2019 (部门整体支出绩效目标表, ` | ` separators).
FUJIAN = LabelSet.build(
    titles=["部门整体支出绩效目标表"],
    fields=["部门(单位)名称", "部门预算编码", "年度预算安排"],
    rows=["资金总额", "项目支出", "基本支出"],
    columns={
        "一级指标": "level1",
        "二级指标": "level2",
        "三级指标": "name",
        "指标解释": "explanation",
        "目标值": "target",
    },
    level1=["产出指标"],
    level2=["数量指标", "质量指标", "时效指标", "成本指标"],
)

# 湖北 广水 2021 (部门整体支出绩效目标申报表, flattened with single spaces).
HUBEI = LabelSet.build(
    titles=["部门整体支出绩效目标申报表"],
    fields=["填报日期", "部门(单位)名称", "填报人", "联系电话"],
    rows=["其他资金", "合计", "基本支出", "项目支出"],
)


def page(prefix: str):
    """A corpus page read as the text reader reads it."""
    path = next(PAGES.glob(f"{prefix}*.txt"))
    return read(path.name, path.read_bytes())


def rows_of(document, line: int) -> list[list[str]]:
    """The cell texts of every block recovered from one line of the input."""
    return [b.texts for b in document.blocks if b.cells[0].source.line == line]
