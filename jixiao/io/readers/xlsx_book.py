"""The workbook-wide parts of an XLSX package: its sheets, date system, strings and styles.

An XLSX package holds ``xl/workbook.xml`` (the sheets in tab order and the date system),
relationship parts (``_rels/*.rels``) that say where each part is, ``sharedStrings.xml``
(the text of string cells, each string possibly in rich-text runs) and ``styles.xml`` (each
cell style's number format). Tags are matched in whatever namespace the root element uses,
so transitional and strict OOXML read alike.
"""

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from xml.etree.ElementTree import Element, ParseError, fromstring

from jixiao.io.readers.numfmt import format_code, is_date_format, is_duration_format
from jixiao.io.readers.package import Package, damaged

KIND = "XLSX"
# What damaged XML raises while a part is parsed and read: a syntax error, an unknown
# encoding named in its declaration, a number or reference that is not one.
XML_ERRORS = (ParseError, ValueError, LookupError, IndexError)
# An escaped character in OOXML text: ``_x000D_`` is a carriage return, ``_x005F_`` a "_".
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


@dataclass(frozen=True)
class Style:
    """What a cell style says about printing numbers: its format code and how it reads."""

    code: str = "General"
    date: bool = False
    duration: bool = False


@dataclass(frozen=True)
class Book:
    """A workbook's sheets (title, part name), date system, shared strings and cell styles."""

    sheets: tuple[tuple[str, str], ...]
    date1904: bool
    strings: tuple[str, ...]
    styles: tuple[Style, ...]


def open_book(package: Package) -> Book:
    """Read the workbook part and what it refers to.

    Raises:
        ReadError: a part is damaged or missing, or XML does not parse.
    """
    try:
        workbook = _workbook_part(package)
        relations = relationships(package, workbook)
        root = parse_xml(package, workbook)
        ns = namespace(root)
        properties = root.find(f"{ns}workbookPr")
        date1904 = properties is not None and properties.get("date1904") in ("1", "true")
        return Book(
            sheets=tuple(_sheets(package, root, ns, relations)),
            date1904=date1904,
            strings=_shared_strings(package, _part_of(relations, "sharedStrings")),
            styles=_styles(package, _part_of(relations, "styles") or "xl/styles.xml"),
        )
    except XML_ERRORS:
        raise damaged(package.name, KIND) from None


def parse_xml(package: Package, part: str) -> Element:
    """A part parsed as XML (``ParseError`` when it is not)."""
    return fromstring(package.read(part))


def namespace(root: Element) -> str:
    """``{uri}`` of the root element's tag, or ``""``."""
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""


def relationships(package: Package, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id → (type, part name of the target)."""
    folder, file = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{file}.rels")
    if rels not in package.names:
        return {}
    root = parse_xml(package, rels)
    ns = namespace(root)
    return {
        rel.get("Id", ""): (rel.get("Type", ""), _resolve(folder, rel.get("Target", "")))
        for rel in root.iter(f"{ns}Relationship")
    }


def _resolve(folder: str, target: str) -> str:
    path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path)


def _part_of(relations: dict[str, tuple[str, str]], kind: str) -> str | None:
    return next((t for rtype, t in relations.values() if rtype.endswith(f"/{kind}")), None)


def _workbook_part(package: Package) -> str:
    """``xl/workbook.xml`` where it is, as in every package seen; else the package's own word."""
    if "xl/workbook.xml" in package.names:
        return "xl/workbook.xml"
    document = _part_of(relationships(package, ""), "officeDocument")
    return document if document in package.names else "xl/workbook.xml"


def _sheets(package: Package, root: Element, ns: str, relations: dict) -> list[tuple[str, str]]:
    """The worksheets in tab order; chart sheets and sheets whose part is missing are skipped."""
    sheets = []
    for sheet in root.iter(f"{ns}sheet"):
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        rtype, part = relations.get(rid or "", ("", ""))
        if rtype.endswith("/worksheet") and part in package.names:
            sheets.append((sheet.get("name", ""), part))
    return sheets


def _shared_strings(package: Package, part: str | None) -> tuple[str, ...]:
    if part is None or part not in package.names:
        return ()
    root = parse_xml(package, part)
    ns = namespace(root)
    return tuple(text_of(item, ns) for item in root.iter(f"{ns}si"))


def text_of(item: Element, ns: str) -> str:
    """A string item's text: its plain ``t`` then its rich-text runs' ``t``, escapes undone.

    Phonetic guides (``rPh``, the furigana of a Japanese string) are not printed.
    """
    text_tag, run_tag = ns + "t", ns + "r"
    plain, runs = None, []
    for child in item:
        if child.tag == text_tag and plain is None:
            plain = child.text or ""
        elif child.tag == run_tag:
            runs.append(next((t.text or "" for t in child if t.tag == text_tag), ""))
    text = (plain or "") + "".join(runs)
    return _ESCAPED.sub(_unescaped, text) if "_x" in text else text


def _unescaped(match: re.Match) -> str:
    """The character of ``_xHHHH_``; U+0000, which text fields refuse, as U+FFFD."""
    return chr(int(match[1], 16)) if int(match[1], 16) else "\ufffd"


def _styles(package: Package, part: str) -> tuple[Style, ...]:
    """Each cell style (``cellXfs``) in order, with its number format."""
    if part not in package.names:
        return ()
    root = parse_xml(package, part)
    ns = namespace(root)
    custom = {
        int(fmt.get("numFmtId", "0")): fmt.get("formatCode", "General")
        for fmt in root.iter(f"{ns}numFmt")
    }
    cell_formats = root.find(f"{ns}cellXfs")
    if cell_formats is None:
        return ()
    return tuple(
        style_of(format_code(int(xf.get("numFmtId", "0")), custom))
        for xf in cell_formats.iterfind(f"{ns}xf")
    )


@lru_cache(maxsize=1024)
def style_of(code: str) -> Style:
    """The style of a format code (workbooks share a few dozen codes: each is read once)."""
    return Style(code, is_date_format(code), is_duration_format(code))
