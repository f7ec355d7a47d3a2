"""Plain text as copied out of a PDF or a table: one block per line, tabs separate cells."""

from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.problems import unreadable

# Bytes that never occur in text (the controls but tab, line feed, form feed, carriage
# return and escape): a file with them is binary, whatever its name.
_BINARY = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32)])
# Every other byte: deleting these from a sample leaves its binary bytes, counted in C.
_NOT_BINARY = bytes(b for b in range(256) if b not in _BINARY)
# More than this share of binary bytes in the first 64 KiB and the file is not text.
BINARY_SHARE = 0.01
SAMPLE_BYTES = 65536


def decode(name: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 (with or without BOM), else GB18030; binary data is refused."""
    sample = data[:SAMPLE_BYTES]
    if sample and len(sample.translate(None, _NOT_BINARY)) / len(sample) > BINARY_SHARE:
        raise unreadable(
            name, "binary-file", "不是文本文件（含二进制数据）", "not a text file (binary data)"
        )
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), ("decoded-as-gb18030",)
    except UnicodeDecodeError as exc:
        raise unreadable(
            name,
            "unknown-encoding",
            f"无法识别文本编码（既非 UTF-8 也非 GBK/GB18030，第 {exc.start} 字节）",
            f"unknown text encoding (neither UTF-8 nor GBK/GB18030, byte {exc.start})",
        ) from None


def read(name: str, data: bytes) -> Document:
    """Read text bytes into blocks, one per line."""
    text, notes = decode(name, data)
    text = text.replace("\x00", "\ufffd")  # a stray NUL: text fields and databases refuse it
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Sources by position (file, page, line, sheet, row, column): keywords cost a third more.
    blocks = [
        Block(
            i,
            _cells(name, i + 1, line) if "\t" in line else (Cell(line, Source(name, None, i + 1)),),
        )
        for i, line in enumerate(lines)
    ]
    return Document(name, tuple(blocks), "text", notes)


def _cells(name: str, number: int, line: str) -> tuple[Cell, ...]:
    """One cell per tab-separated part of a line, numbered by column."""
    return tuple(
        Cell(part, Source(name, None, number, None, None, column))
        for column, part in enumerate(line.split("\t"), start=1)
    )
