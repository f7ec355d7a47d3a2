"""Ruled tables of a page and the text of their cells: what pdfplumber gives, faster.

``find_tables`` is pdfplumber's ``TableFinder`` with its default settings (tables from the
ruling lines), with a line added where a page break left a table's border open over a
merged cell (``closing_edges``). Its last step, cells from the lines' intersections, is done
with each point's lines gathered once and its neighbours looked up by row and column, where
pdfplumber compares every pair of points and rebuilds their lines' sets for every comparison.

``Table.extract`` tests every character against every row and then every cell of the row
(a few hundred thousand tests a page). Here the cells' edges cut the page into slots; each
character's centre falls in one slot, looked up by bisection, and each slot knows the cells
that cover it. A character belongs to a cell exactly when its centre does (left and top
edges in, right and bottom out), as in ``Table.extract``; characters keep their page order.
"""

from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import pairwise
from operator import itemgetter

from pdfplumber.table import (
    Table,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    merge_edges,
)
from pdfplumber.utils import DEFAULT_Y_TOLERANCE, cluster_objects, filter_edges, obj_to_bbox
from pdfplumber.utils.text import WordExtractor

from jixiao.io.readers.pdf_objects import PageObjects

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
# pdfplumber's default word grouping (3 pt tolerances, left to right, top to bottom); one
# extractor serves every cell, where ``extract_text`` builds one per call.
_WORDS = WordExtractor()
_SETTINGS = TableSettings.resolve(None)
Point = tuple[float, float]


def find_tables(page: PageObjects) -> list[Table]:
    """The ruled tables of a page, as ``TableFinder(page).tables`` finds them."""
    prefilter = _SETTINGS.edge_min_length_prefilter
    edges = merge_edges(
        filter_edges(page.edges, "v", min_length=prefilter)
        + filter_edges(page.edges, "h", min_length=prefilter),
        snap_x_tolerance=_SETTINGS.snap_x_tolerance,
        snap_y_tolerance=_SETTINGS.snap_y_tolerance,
        join_x_tolerance=_SETTINGS.join_x_tolerance,
        join_y_tolerance=_SETTINGS.join_y_tolerance,
    )
    edges += closing_edges(edges, _SETTINGS.intersection_y_tolerance)
    intersections = edges_to_intersections(
        filter_edges(edges, min_length=_SETTINGS.edge_min_length),
        _SETTINGS.intersection_x_tolerance,
        _SETTINGS.intersection_y_tolerance,
    )
    return [Table(page, cells) for cells in cells_to_tables(intersection_cells(intersections))]


def closing_edges(edges: list[dict], tolerance: float) -> list[dict]:
    """Edges closing a table's border where a merged cell cut by a page break leaves it open.

    Such a cell is drawn on each page with no line at the break: its two sides end on the
    table's top (or bottom) line, which runs on only beside the cell. Closed there, the
    cell's part on the page is a cell of the table, and its text is read into it.
    """
    rows: dict[float, list[dict]] = defaultdict(list)
    for edge in edges:
        if edge["orientation"] == "h":
            rows[edge["top"]].append(edge)
    ends = sorted(
        (y, side, edge["x0"])
        for edge in edges
        if edge["orientation"] == "v"
        for y, side in ((edge["top"], "top"), (edge["bottom"], "bottom"))
    )
    keys = [end[0] for end in ends]
    closing = []
    for y, lines in rows.items():
        near = ends[bisect_left(keys, y - tolerance) : bisect_right(keys, y + tolerance)]
        for side in ("top", "bottom"):
            spans = list(pairwise(sorted(x for _, s, x in near if s == side)))
            gaps: list[tuple[float, float]] = []  # a run of open spans side by side
            for n, (left, right) in enumerate(spans):
                if not _drawn(left, right, lines, tolerance):
                    gaps.append((left, right))
                if gaps and (n + 1 == len(spans) or _drawn(*spans[n + 1], lines, tolerance)):
                    if _beside(gaps[0][0], gaps[-1][1], lines, tolerance):
                        closing.extend(_horizontal(a, b, y) for a, b in gaps)
                    gaps = []
    return closing


def _drawn(left: float, right: float, lines: list[dict], tolerance: float) -> bool:
    return any(e["x0"] - tolerance <= left and right <= e["x1"] + tolerance for e in lines)


def _beside(left: float, right: float, lines: list[dict], tolerance: float) -> bool:
    """Whether a line runs on from either end of a span."""
    return any(abs(e["x0"] - right) <= tolerance or abs(e["x1"] - left) <= tolerance for e in lines)


def _horizontal(x0: float, x1: float, y: float) -> dict:
    return {
        "x0": x0,
        "x1": x1,
        "top": y,
        "bottom": y,
        "width": x1 - x0,
        "height": 0.0,
        "orientation": "h",
        "object_type": "line",
    }


def intersection_cells(intersections: dict[Point, dict[str, list[dict]]]) -> list[Box]:
    """Each point's smallest cell: down and right to points its lines join, as pdfplumber."""
    vertical = {pt: {obj_to_bbox(e) for e in lines["v"]} for pt, lines in intersections.items()}
    horizontal = {pt: {obj_to_bbox(e) for e in lines["h"]} for pt, lines in intersections.items()}

    def joined(a: Point, b: Point) -> bool:
        return (a[0] == b[0] and not vertical[a].isdisjoint(vertical[b])) or (
            a[1] == b[1] and not horizontal[a].isdisjoint(horizontal[b])
        )

    column: dict[float, list[Point]] = defaultdict(list)
    row: dict[float, list[Point]] = defaultdict(list)
    for point in sorted(intersections):  # by x, then y: columns run down, rows run right
        column[point[0]].append(point)
        row[point[1]].append(point)
    cells = []
    for point in sorted(intersections):
        below = [p for p in column[point[0]] if p[1] > point[1] and joined(point, p)]
        right = [p for p in row[point[1]] if p[0] > point[0] and joined(point, p)]
        cell = next(
            (
                (point[0], point[1], corner[0], corner[1])
                for down in below
                for side in right
                if (corner := (side[0], down[1])) in intersections
                and joined(corner, side)
                and joined(corner, down)
            ),
            None,
        )
        if cell is not None:
            cells.append(cell)
    return cells


def cell_texts(table: Table, chars: list[dict]) -> tuple[list[list[str | None]], list[dict]]:
    """Each grid row's cell texts: ``None`` where no cell starts, ``""`` for an empty cell.

    Also the characters within the table's sides that fall in no cell (where a line is
    missing), in page order: they are text of the page all the same.
    """
    rows = [row.cells for row in table.rows]
    cells = list(dict.fromkeys(box for row in rows for box in row if box is not None))
    xs = sorted({x for box in cells for x in (box[0], box[2])})
    ys = sorted({y for box in cells for y in (box[1], box[3])})
    covering: dict[tuple[int, int], list[Box]] = defaultdict(list)
    for box in cells:
        for i in range(xs.index(box[0]), xs.index(box[2])):
            for j in range(ys.index(box[1]), ys.index(box[3])):
                covering[i, j].append(box)
    inside: dict[Box, list[dict]] = defaultdict(list)
    strays = []
    left, right, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
    for char in chars:
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        boxes = covering.get((bisect_right(xs, x) - 1, bisect_right(ys, y) - 1))
        if boxes:
            for box in boxes:
                inside[box].append(char)
        elif left <= x <= right and top <= y <= bottom:
            strays.append(char)
    texts = [
        [None if box is None else cell_text(inside.get(box, [])) for box in row] for row in rows
    ]
    return texts, strays


def cell_text(chars: list[dict]) -> str:
    """What ``pdfplumber.utils.extract_text`` gives: words joined by a space, lines by a newline."""
    if not chars:
        return ""
    words = _WORDS.extract_words(chars)
    lines = cluster_objects(words, itemgetter("top"), DEFAULT_Y_TOLERANCE)
    return "\n".join(" ".join(word["text"] for word in line) for line in lines)
