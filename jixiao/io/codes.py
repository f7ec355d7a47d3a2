"""Every code an import can report, with its default severity and meaning (for ``jixiao rules``).

Codes are permanent, as the check codes are; a test keeps this table and the importers' calls
in step.
"""

from dataclasses import dataclass

from jixiao.core.findings import Severity


@dataclass(frozen=True)
class ImportCode:
    """One import finding's code."""

    code: str
    severity: Severity
    zh: str
    en: str


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
IMPORT_CODES: tuple[ImportCode, ...] = (
    ImportCode("empty-file", E, "文件为空", "the file is empty"),
    ImportCode("binary-file", E, "不是文本文件", "not a text file"),
    ImportCode("unknown-encoding", E, "无法识别的文本编码", "unknown text encoding"),
    ImportCode("unreadable-file", E, "无法读取文件", "the file cannot be read"),
    ImportCode(
        "file-too-large", E, "文件超过大小上限，未读取", "over the file size limit: not read"
    ),
    ImportCode(
        "file-too-costly",
        E,
        "解析超过时间或内存上限，已停止",
        "parsing passed the time or memory limit: stopped",
    ),
    ImportCode("unsupported-format", E, "缺少读取此格式的组件", "no reader for this format here"),
    ImportCode("truncated-file", E, "文件损坏或被截断", "a damaged or truncated file"),
    ImportCode("encrypted-pdf", E, "加密的 PDF", "an encrypted PDF"),
    ImportCode(
        "image-only-pdf", E, "扫描件（只有图像，没有文字）", "a scanned PDF: images, no text"
    ),
    ImportCode(
        "legacy-or-encrypted-office",
        E,
        "旧版或加密的 Office 文件",
        "an old-format or encrypted Office file",
    ),
    ImportCode("decoded-as-gbk", INFO, "按 GBK/GB18030 解码", "decoded as GBK/GB18030"),
    ImportCode("unknown-layout", E, "未识别出已知的绩效表", "no known form layout found"),
    ImportCode(
        "not-a-project-form", W, "不是项目支出绩效表（如部门整体支出表）", "not a project form"
    ),
    ImportCode("form-boundaries", W, "表的起止位置不能确定", "where forms start is not settled"),
    ImportCode("no-indicator-table", E, "没有绩效指标表", "no indicator table"),
    ImportCode("unknown-column", W, "未知的表头列", "an unknown column heading"),
    ImportCode("unreadable-value", W, "无法读取的值（如日期）", "a value that cannot be read"),
    ImportCode(
        "weight-total-differs",
        W,
        "合计行的权重合计与各行不符",
        "the printed weight total differs from the rows",
    ),
    ImportCode(
        "incomplete-form",
        E,
        "导入的表不是完整的规范表（如未读出年度）",
        "the imported form is not a complete canonical form",
    ),
    ImportCode(
        "uncertain-value", W, "文字不能确定的读法（列出备选）", "a reading the text does not settle"
    ),
    ImportCode("unplaced-text", W, "未能归入任何字段的文字", "text not placed in any field"),
    ImportCode("page-footer", INFO, "页码行未导入", "page-number lines not imported"),
    ImportCode(
        "truncated-form", W, "表不完整（中途截断）：返回已读内容", "a form cut short: what was read"
    ),
    ImportCode("year-missing", W, "未印年度，也无法确定", "no year printed and none settled"),
    ImportCode(
        "long-term-indicators",
        INFO,
        "长期（中期）指标：读年度指标，长期指标列出",
        "long-term indicators beside the annual: the annual read, the long-term reported",
    ),
    ImportCode(
        "layout-unmatched",
        INFO,
        "按结构读入，未匹配已知格式",
        "read by structure; no known layout matched",
    ),
)
BY_CODE = {c.code: c for c in IMPORT_CODES}
