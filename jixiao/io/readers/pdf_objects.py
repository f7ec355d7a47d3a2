"""A PDF page's characters and ruling lines, read by PDFium, in pdfplumber's shapes.

PDFium (``pypdfium2``) interprets a page's content in C, where pdfminer did it in Python.
This module asks it for each character (its text, origin, advance and size) and each path
(its segments), and gives them the coordinates and dictionaries pdfplumber's table finder
and text-line grouping work on: origin top-left, ``top``/``bottom`` measured down, a
character one advance wide and one font size high standing on its baseline (as pdfminer
boxes the characters of LibreOffice's PDFs, whose fonts declare a descent of 0), and paths
split into lines, rectangles and curves as pdfminer splits them. Characters PDFium adds of
its own (the spaces and line ends it infers) are left out; of a run of typed spaces it
keeps one, which changes no word. Text drawn across or outside its clipping path is moved
into it (``_into_clips``); text no reader of the page sees there is left out.

Coordinates are rounded to 4 decimals: PDFium works in single precision, and a content
stream's numbers rarely carry more than 3.
"""

import ctypes
import re
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium
from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges
from pypdfium2 import PdfPage, PdfTextPage

Point = tuple[float, float]
Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
PLACES = 4
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_SUBPATH = re.compile(r"m[^m]+")


@dataclass
class PageObjects:
    """What pdfplumber's ``TableFinder`` and ``Table.extract`` read of a page."""

    bbox: tuple[float, float, float, float]
    chars: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    moved: frozenset[str] = frozenset()  # texts moved into their clipping path (no spaces)

    @property
    def width(self) -> float:
        """The page's width in points."""
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        """The page's height in points."""
        return self.bbox[3] - self.bbox[1]


class _Frame:
    """The page's display frame: PDF user space → pdfplumber's top-left coordinates.

    As pdfminer does, a rotated page is turned upright, and the media box's corner is
    the origin; pdfplumber then measures ``top`` down from the media box's top.
    """

    def __init__(self, media: tuple[float, float, float, float], rotation: int) -> None:
        x0, x1 = sorted((media[0], media[2]))
        y0, y1 = sorted((media[1], media[3]))
        self.ctm = {
            90: (0.0, -1.0, 1.0, 0.0, -y0, x1),
            180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            270: (0.0, 1.0, -1.0, 0.0, y1, -x0),
        }.get(rotation, (1.0, 0.0, 0.0, 1.0, -x0, -y0))
        box = (y0, x0, y1, x1) if rotation in (90, 270) else (x0, y0, x1, y1)
        height = box[3] - box[1]
        self.bbox = (box[0], height - box[3], box[2], height - box[1])
        self.height = height
        unrotated = self.ctm[:4] == (1.0, 0.0, 0.0, 1.0)
        self.translation = (self.ctm[4], self.ctm[5]) if unrotated else None

    def point(self, matrix: Matrix, x: float, y: float) -> Point:
        """A point of an object with ``matrix``, in the frame (x right, y up)."""
        a, b, c, d, e, f = multiply(matrix, self.ctm)
        return (round(a * x + c * y + e, PLACES), round(b * x + d * y + f, PLACES))

    def place(self, matrix: Matrix) -> Matrix:
        """An object's matrix followed by the frame's (the common unrotated case cheaply)."""
        if self.translation is None:
            return multiply(matrix, self.ctm)
        a, b, c, d, e, f = matrix
        return (a, b, c, d, e + self.translation[0], f + self.translation[1])

    def top_left(self, point: Point) -> Point:
        """A frame point as pdfplumber gives a path's points: y measured down from the top."""
        return (self.bbox[0] + point[0], self.bbox[1] + self.height - point[1])

    def box(self, x0: float, y0: float, x1: float, y1: float) -> dict:
        """The coordinates pdfplumber gives a box that is given bottom-up in the frame."""
        x0, y0, x1, y1 = round(x0, PLACES), round(y0, PLACES), round(x1, PLACES), round(y1, PLACES)
        left, above = self.bbox[0], self.bbox[1] + self.height
        top = above - y1
        return {
            "x0": x0 + left,
            "x1": x1 + left,
            "y0": y0,
            "y1": y1,
            "top": top,
            "bottom": above - y0,
            "doctop": top,
            "width": x1 - x0,
            "height": y1 - y0,
        }


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix applying ``first`` then ``then`` (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def page_objects(page: PdfPage, text_page: PdfTextPage) -> PageObjects:
    """The characters and ruling-line edges of a loaded page."""
    media = tuple(round(v, PLACES) for v in page.get_mediabox())
    frame = _Frame(media, page.get_rotation())
    lines: list[dict] = []
    rects: list[dict] = []
    curves: list[dict] = []
    clipped: dict[int, tuple[Box, Box]] = {}  # text objects by address: clip, bounds
    for index in range(pdfium.FPDFPage_CountObjects(page.raw)):
        obj = pdfium.FPDFPage_GetObject(page.raw, index)
        if pdfium.FPDFPageObj_GetType(obj) != pdfium.FPDF_PAGEOBJ_TEXT:
            _collect(obj, IDENTITY, frame, (lines, rects, curves))
        elif found := _clip_of(obj):
            clipped[ctypes.cast(obj, ctypes.c_void_p).value] = found
    hidden = _into_clips(clipped)
    edges = (
        [line_to_edge(line) for line in lines]
        + [edge for rect in rects for edge in rect_to_edges(rect)]
        + [edge for curve in curves for edge in curve_to_edges(curve)]
    )
    chars = _chars(text_page.raw, frame, hidden)
    moved: dict[int, str] = {}
    for char in chars:
        if "moved" in char and not char["text"].isspace():
            moved[char["moved"]] = moved.get(char["moved"], "") + char["text"]
    return PageObjects(frame.bbox, chars, edges, frozenset(moved.values()))


def _clip_of(obj: ctypes.c_void_p) -> tuple[Box, Box] | None:
    """A text object's clipping path and its own bounds (left, bottom, right, top), if clipped."""
    clip = pdfium.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    xs, ys = [], []
    for path in range(pdfium.FPDFClipPath_CountPaths(clip)):
        for index in range(pdfium.FPDFClipPath_CountPathSegments(clip, path)):
            pdfium.FPDFPathSegment_GetPoint(
                pdfium.FPDFClipPath_GetPathSegment(clip, path, index), x, y
            )
            xs.append(round(x.value, PLACES))
            ys.append(round(y.value, PLACES))
    if not xs:
        return None
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return (min(xs), min(ys), max(xs), max(ys)), (left.value, bottom.value, right.value, top.value)


def _into_clips(clipped: dict[int, tuple[Box, Box]]) -> dict[int, Point | None]:
    """The shift of each text object (by address) that brings its cell's text into its clip.

    The text objects of one clipping path that overlap across (a cell's lines) move together
    (``_into``, each way); None for text that path cannot hold (never seen: left out); objects in their path
    are not listed. LibreOffice draws a merged cell that a page break cuts on both pages,
    each clipped to the part of the cell on its page: the text is seen on one page, or cut
    in two at the break. Moved into each part, it is read as the cell's text on both pages,
    as a merged cell's in a spreadsheet.
    """
    paths: dict[Box, list[int]] = {}
    for address, (clip, _) in clipped.items():
        paths.setdefault(clip, []).append(address)
    cells = []  # (clip, addresses): text objects of one path side by side are one cell's
    for clip, addresses in paths.items():
        addresses.sort(key=lambda a: clipped[a][1][0])
        for address in addresses:
            if cells and cells[-1][0] == clip and clipped[address][1][0] < cells[-1][2]:
                cells[-1][1].append(address)
                cells[-1][2] = max(cells[-1][2], clipped[address][1][2])
            else:
                cells.append([clip, [address], clipped[address][1][2]])
    shifts: dict[int, Point | None] = {}
    for clip, addresses, _ in cells:
        bounds = [clipped[a][1] for a in addresses]
        low, high = (min(b[1] for b in bounds), max(b[3] for b in bounds))
        across = _into((min(b[0] for b in bounds), max(b[2] for b in bounds)), (clip[0], clip[2]))
        up = _into((low, high), (clip[1], clip[3]))
        if across != 0 or up != 0:
            shifts.update(dict.fromkeys(addresses, None if None in (across, up) else (across, up)))
    return shifts


def _into(span: Point, path: Point) -> float | None:
    """The shift that brings a span into a path's span, one way.

    A span outside the path goes to its middle, one across its edge just inside; 0 for a
    span inside, or across and longer than the path; None for one outside and longer.
    """
    low, high = path
    outside = span[1] <= low or span[0] >= high
    if span[1] - span[0] > high - low:
        return None if outside else 0.0
    if outside:
        return (low + high - span[0] - span[1]) / 2
    return max(low - span[0], 0.0) + min(high - span[1], 0.0)


def _chars(
    text_page: ctypes.c_void_p, frame: _Frame, hidden: dict[int, Point | None]
) -> list[dict]:
    """The page's characters in content order, as pdfminer boxes them.

    The characters of the ``hidden`` text objects (their addresses) are moved by the shift
    given, or left out where none is.
    """
    count = pdfium.FPDFText_CountChars(text_page)
    texts = _texts(text_page, count)
    matrix = pdfium.FS_MATRIX()
    loose = pdfium.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    is_generated, get_matrix = pdfium.FPDFText_IsGenerated, pdfium.FPDFText_GetMatrix
    get_origin, get_box = pdfium.FPDFText_GetCharOrigin, pdfium.FPDFText_GetLooseCharBox
    get_size, get_object = pdfium.FPDFText_GetFontSize, pdfium.FPDFText_GetTextObject
    chars = []
    for index, text in enumerate(texts):
        if text in " \r\n" and is_generated(text_page, index):
            continue  # a space or line end PDFium inferred, not one the page holds
        shift = address = None
        if hidden:
            address = ctypes.cast(get_object(text_page, index), ctypes.c_void_p).value
            if address in hidden and (shift := hidden[address]) is None:
                continue
        get_matrix(text_page, index, matrix)
        get_origin(text_page, index, x, y)
        get_box(text_page, index, loose)
        size = get_size(text_page, index)
        if shift is None:
            place = (matrix.a, matrix.b, matrix.c, matrix.d, x.value, y.value)
            chars.append(_char(text, place, size, (loose.left, loose.right), frame))
            continue
        across, up = shift
        place = (matrix.a, matrix.b, matrix.c, matrix.d, x.value + across, y.value + up)
        span = (loose.left + across, loose.right + across)
        chars.append(_char(text, place, size, span, frame))
        chars[-1]["moved"] = address  # the text object it belongs to
    return chars


def _texts(text_page: ctypes.c_void_p, count: int) -> list[str]:
    """Each character's text, read in one call where no character lies beyond 16 bits.

    A glyph the font maps to no character comes as U+0000; it is given as U+FFFD (the
    replacement character), which text fields and databases accept.
    """
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium.FPDFText_GetText(text_page, 0, count, buffer)
    text = bytes(buffer)[: max(written - 1, 0) * 2].decode("utf-16-le", errors="replace")
    if len(text) != count:
        text = "".join(chr(pdfium.FPDFText_GetUnicode(text_page, i)) for i in range(count))
    return list(text.replace("\x00", "\ufffd"))


def _char(text: str, place: Matrix, size: float, span: tuple[float, float], frame: _Frame) -> dict:
    """A character's box: one advance wide from its origin, one font size high.

    The box stands on the baseline (the descent LibreOffice's fonts declare is 0; pdfminer
    takes a font's declared descent). A character drawn turned or slanted gets PDFium's box.
    """
    a, b, c, d, e, f = frame.place(place)
    upright = a * d > 0 and b * c <= 0
    if b == 0 and c == 0:
        across = e + (span[1] - span[0]) * (1 if a > 0 else -1)
        up = f + size * abs(d) * (1 if d > 0 else -1)
    else:
        e, f = frame.point(IDENTITY, span[0], place[5])
        across, up = frame.point(IDENTITY, span[1], place[5] + size)
    box = frame.box(min(e, across), min(f, up), max(e, across), max(f, up))
    box.update(text=text, size=box["height"], upright=upright, object_type="char")
    return box


def _collect(obj: ctypes.c_void_p, parent: Matrix, frame: _Frame, sink: tuple) -> None:
    """Add a page object's paths (those inside form XObjects too) to lines, rects, curves."""
    kind = pdfium.FPDFPageObj_GetType(obj)
    if kind not in (pdfium.FPDF_PAGEOBJ_PATH, pdfium.FPDF_PAGEOBJ_FORM):
        return
    own = pdfium.FS_MATRIX()
    pdfium.FPDFPageObj_GetMatrix(obj, own)
    matrix = multiply((own.a, own.b, own.c, own.d, own.e, own.f), parent)
    if kind == pdfium.FPDF_PAGEOBJ_FORM:
        for index in range(pdfium.FPDFFormObj_CountObjects(obj)):
            _collect(pdfium.FPDFFormObj_GetObject(obj, index), matrix, frame, sink)
        return
    path = [(op, frame.point(matrix, x, y)) for op, x, y in _segments(obj)]
    _paint(path, frame, sink)


def _segments(obj: ctypes.c_void_p) -> list[tuple[str, float, float]]:
    """A path's operators with their end points: ``m``, ``l``, ``c`` (a curve's end), ``h``."""
    segments = []
    x, y = ctypes.c_float(), ctypes.c_float()
    curve_points = 0
    for index in range(pdfium.FPDFPath_CountSegments(obj)):
        segment = pdfium.FPDFPath_GetPathSegment(obj, index)
        kind = pdfium.FPDFPathSegment_GetType(segment)
        pdfium.FPDFPathSegment_GetPoint(segment, x, y)
        if kind == pdfium.FPDF_SEGMENT_BEZIERTO:
            curve_points += 1
            if curve_points % 3:
                continue  # a control point
            segments.append(("c", x.value, y.value))
        else:
            segments.append(("m" if kind == pdfium.FPDF_SEGMENT_MOVETO else "l", x.value, y.value))
        if pdfium.FPDFPathSegment_GetClose(segment):
            segments.append(("h", x.value, y.value))
    return segments


def _paint(path: list[tuple[str, Point]], frame: _Frame, sink: tuple) -> None:
    """Sort a painted path into lines, rectangles and curves, subpath by subpath, as pdfminer."""
    shape = "".join(op for op, _ in path)
    if not shape.startswith("m"):
        return
    if shape.count("m") > 1:
        for match in _SUBPATH.finditer(shape):
            _paint(path[match.start() : match.end()], frame, sink)
        return
    points = [point if op != "h" else path[0][1] for op, point in path]
    if len(shape) > 3 and shape.endswith("lh") and points[-2] == points[0]:
        shape = shape[:-2] + "h"  # a redundant line back to the start before the close
        points.pop()
    lines, rects, curves = sink
    if shape in ("ml", "mlh"):
        lines.append(_shape(frame, "line", points[:2]))
    elif shape in ("mlllh", "mllll") and points[0] == points[4] and _square(points):
        rects.append(_shape(frame, "rect", [points[0], points[2]]))
    else:
        curves.append(_shape(frame, "curve", points))


def _square(points: list[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
        y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
    )


def _shape(frame: _Frame, kind: str, points: list[Point]) -> dict:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    shape = frame.box(min(xs), min(ys), max(xs), max(ys))
    shape["object_type"] = kind
    shape["pts"] = [frame.top_left(point) for point in points]
    return shape
