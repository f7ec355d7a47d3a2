"""Readers: a file's bytes → ``Document``. The format is told by content, not by name.

- ``txt``: UTF-8 text (GB18030 as a fallback, noted); tabs separate cells.
- ``xlsx``, ``docx``: ZIP packages, told apart by their parts.
- ``pdf``: ``%PDF`` files.
- ``html``: markup with ``<html``, ``<table`` or ``<body``.
"""

import importlib
import zipfile
from io import BytesIO
from pathlib import Path

from jixiao.io.document import Document
from jixiao.io.problems import unreadable
from jixiao.io.readers import txt
from jixiao.io.readers.package import ZIP_ERRORS

HTML_MARKS = (b"<html", b"<!doctype html", b"<table", b"<body")


def _package(data: bytes) -> str:
    try:
        names = zipfile.ZipFile(BytesIO(data)).namelist()
    except ZIP_ERRORS:  # a damaged directory, or names that do not decode
        return "zip"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("word/") for n in names):
        return "docx"
    return "zip"


def sniff(data: bytes) -> str:
    """``pdf``, ``xlsx``, ``docx``, ``zip``, ``html`` or ``text`` from the first bytes."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _package(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    head = data[:2048].lstrip().lower()
    if any(mark in head for mark in HTML_MARKS):
        return "html"
    return "text"


def read_bytes(name: str, data: bytes) -> Document:
    """Read a file's content; raise ``ReadError`` when it yields no text."""
    if not data.strip():
        raise unreadable(name, "empty-file", "文件为空", "the file is empty")
    kind = sniff(data)
    if kind == "text":
        return txt.read(name, data)
    if kind == "ole":
        raise unreadable(
            name,
            "legacy-or-encrypted-office",
            "旧版 Office 文件（.xls/.doc）或加密的 Office 文件：请另存为 .xlsx/.docx（不加密）后再导入",
            "an old-format (.xls/.doc) or encrypted Office file: save it as .xlsx/.docx (unencrypted) and import again",
        )
    if kind == "zip":
        raise unreadable(
            name,
            "truncated-file",
            "ZIP 文件已损坏或不是 XLSX/DOCX（可能被截断）",
            "a damaged ZIP, or not an XLSX/DOCX (truncated?)",
        )
    # Imported on use: reading text needs none of the document libraries.
    try:
        reader = importlib.import_module(f"jixiao.io.readers.{kind}")
    except ImportError as exc:
        raise unreadable(
            name,
            "unsupported-format",
            f"无法读取 {kind.upper()} 文件：缺少读取组件（{exc.name}）",
            f"cannot read {kind.upper()} files here: missing component ({exc.name})",
        ) from None
    return reader.read(name, data)


def read_file(path: Path) -> Document:
    """Read a file from disk; an OS error becomes a ``ReadError`` naming the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise unreadable(
            str(path),
            "unreadable-file",
            f"无法读取文件：{exc.strerror}",
            f"cannot read the file: {exc.strerror}",
        ) from None
    return read_bytes(str(path), data)
