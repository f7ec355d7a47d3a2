"""Plain text as copied out of a PDF or a table: one block per line, tabs separate cells."""

from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.problems import unreadable

# Bytes that never occur in text: a file with them is binary, whatever its name.
_BINARY = set(range(0, 9)) | {
    11,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
    26,
    28,
    29,
    30,
    31,
}


def decode(name: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 (with or without BOM), else GB18030; binary data is refused."""
    sample = data[:65536]
    if sample and sum(b in _BINARY for b in sample) / len(sample) > 0.01:
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
    blocks = []
    for number, line in enumerate(
        text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1
    ):
        cells = tuple(
            Cell(part, Source(file=name, line=number, column=i + 1 if "\t" in line else None))
            for i, part in enumerate(line.split("\t"))
        )
        blocks.append(Block(index=len(blocks), cells=cells))
    return Document(name, tuple(blocks), "text", notes)
