"""HTML pages (stdlib ``html.parser``): table rows as blocks of cells, other text as lines.

A ``<table>`` row becomes a block of one cell per grid column. ``rowspan`` and ``colspan``
are resolved as merged cells are in XLSX: a cell's text is repeated into the rows it spans
below (``Cell.copy_of`` names the origin), the columns it spans to the right stay blank.
Text outside tables becomes one-cell line blocks, broken at ``<br>``, ``<p>`` and the other
block elements; inside a cell, ``<br>`` and ``<p>`` become line breaks. Tables nested in a
cell are read as lines of that cell. Scripts, styles and the page title are not printed.

The encoding is the one the page declares (``<meta charset>``), else UTF-8, else GB18030
(noted, as for text files).
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from jixiao.io.document import Block, Cell, Document, Source
from jixiao.io.readers import txt

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
# Elements that start a new line of text.
_BREAKS = frozenset(
    "p div br tr li ul ol dl dt dd h1 h2 h3 h4 h5 h6 title caption table section article "
    "header footer blockquote pre hr".split()
)
_HIDDEN = frozenset({"script", "style", "title", "template", "noscript"})
MAX_SPAN = 1000  # a larger rowspan/colspan is a damaged page, not a form


def read(name: str, data: bytes) -> Document:
    """Every table row and line of the page, in document order."""
    text, notes = _decode(name, data)
    parser = _Parser(name)
    parser.feed(text.replace("\x00", "\ufffd"))  # a stray NUL, as HTML parsers do
    parser.close()
    parser.finish()
    blocks = tuple(Block(index=i, cells=cells) for i, cells in enumerate(parser.rows))
    return Document(name, blocks, "html", notes)


def _decode(name: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith(b"\xef\xbb\xbf"):
        charset = declared[1].decode("ascii").lower()
        # GB2312 and GBK pages routinely hold characters only GB18030 defines.
        charset = "gb18030" if charset in ("gb2312", "gbk") else charset
        try:
            return data.decode(charset), ()
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: guess as for text
    return txt.decode(name, data)


@dataclass
class _Span:
    """A cell reaching into the rows below: how many more rows, and what to put there."""

    remaining: int
    text: str
    origin: Source | None  # None for the columns right of the origin column


@dataclass
class _Table:
    """A table being read: its number, the row being built, the cells spanning downwards."""

    label: str
    row: int = 0
    open: bool = False  # a <tr> (or a cell without one) has started and not ended
    cells: list[tuple[str, int, int]] = field(default_factory=list)  # text, rowspan, colspan
    spans: dict[int, _Span] = field(default_factory=dict)


class _Parser(HTMLParser):
    """Collects blocks of cells; see the module docstring for the rules."""

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.rows: list[tuple[Cell, ...]] = []
        self.tables: list[_Table] = []
        self.count = 0
        self.nested = 0  # depth of tables inside the current cell
        self.cell: list[str] | None = None  # fragments of the cell being read
        self.span = (1, 1)
        self.line: list[str] = []
        self.line_start = 1
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if self.cell is not None and not self.nested and tag in ("td", "th", "tr"):
            self._end_cell()  # the page left out </td>
        if self.cell is not None:
            self._cell_tag(tag)
        elif tag == "table":
            self.end_line()
            self.count += 1
            self.tables.append(_Table(f"table {self.count}"))
        elif tag == "tr" and self.tables:
            self._end_row()  # the page left out </tr> (nothing happens after a closed row)
            self.tables[-1].open = True
        elif tag in ("td", "th") and self.tables:
            self.tables[-1].open = True
            self.cell = []
            self.span = (_span(attrs, "rowspan"), _span(attrs, "colspan"))
        elif tag in _BREAKS and not self.tables:
            self.end_line()

    def _cell_tag(self, tag: str) -> None:
        if tag == "table":
            self.nested += 1
        if tag in ("br", "p", "div", "tr", "li") or re.fullmatch(r"h\d", tag):
            self.cell.append("\n")
        elif tag in ("td", "th") and self.nested:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif self.cell is not None and self.nested:
            self.nested -= tag == "table"
            if tag in ("p", "div", "tr"):
                self.cell.append("\n")
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table") and self.tables:
            self._end_cell()
            self._end_row()
            if tag == "table":
                self.tables.pop()
        elif tag in _BREAKS and not self.tables:
            self.end_line()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        text = _WHITESPACE.sub(" ", data)
        if self.cell is not None:
            self.cell.append(text)
        elif not self.tables or text.strip():
            # Stray text inside a table (between cells) is shown before it by browsers.
            if not self.line:
                self.line_start = self.getpos()[0]
            self.line.append(text)

    def finish(self) -> None:
        """Emit what a page cut short left open: the last cell, row, table and line."""
        while self.tables:
            self._end_cell()
            self._end_row()
            self.tables.pop()
        self.end_line()

    def end_line(self) -> None:
        """Emit the text collected since the last break as a one-cell block."""
        text = "".join(self.line).strip()
        self.line = []
        if text:
            self.rows.append((Cell(text, Source(file=self.name, line=self.line_start)),))

    def _end_cell(self) -> None:
        if self.cell is None:
            return
        lines = (line.strip() for line in "".join(self.cell).split("\n"))
        text = "\n".join(line for line in lines if line)
        self.tables[-1].cells.append((text, *self.span))
        self.cell = None

    def _end_row(self) -> None:
        table = self.tables[-1]
        if not table.open:
            return
        table.row += 1
        cells = _resolve(self.name, table)
        table.cells = []
        table.open = False
        if any(not c.blank for c in cells):
            self.rows.append(cells)


def _span(attrs: list[tuple[str, str | None]], key: str) -> int:
    value = dict(attrs).get(key) or "1"
    digits = re.match(r"\s*(\d+)", value)
    return min(max(int(digits[1]), 1), MAX_SPAN) if digits else 1


def _resolve(name: str, table: _Table) -> tuple[Cell, ...]:
    """The row's cells on the grid: spans from rows above first, then the row's own cells."""
    out: list[Cell] = []

    def source(column: int) -> Source:
        return Source(file=name, sheet=table.label, row=table.row, column=column)

    def fill_spans(upto: int | None) -> None:
        while (column := len(out) + 1) in table.spans or (upto is not None and column <= upto):
            span = table.spans.pop(column, None)
            if span is None:
                out.append(Cell("", source(column)))
                continue
            out.append(Cell(span.text, source(column), copy_of=span.origin))
            if span.remaining > 1:
                table.spans[column] = _Span(span.remaining - 1, span.text, span.origin)

    for text, rowspan, colspan in table.cells:
        fill_spans(None)
        origin = source(len(out) + 1)
        for k in range(colspan):
            column = len(out) + 1
            out.append(Cell(text, origin) if k == 0 else Cell("", source(column)))
            if rowspan > 1:
                table.spans[column] = _Span(rowspan - 1, "" if k else text, None if k else origin)
    fill_spans(max(table.spans, default=0))
    return tuple(out)
