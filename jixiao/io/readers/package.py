"""ZIP packages (XLSX, DOCX) opened with care: damaged or oversized ones are refused, never crash.

Office files are ZIP archives of XML parts. An upload may be cut short, damaged, packed
with a compression zipfile cannot undo, named with paths that climb out of the package, or
built to expand to gigabytes (a "zip bomb"). Each of these is refused with a ``ReadError``
(``truncated-file`` for damage, ``unreadable-file`` for a package beyond the bounds below)
before any part is parsed, and every later read of a part is bounded again by what it
really expands to, not by what its header claims.
"""

import zipfile
import zlib
from io import BytesIO

from jixiao.io.problems import ReadError, unreadable

# The most a package may expand to, all parts together, and the most entries it may hold.
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 10_000
# What zipfile can undo (Office and LibreOffice write stored and deflated parts).
SUPPORTED_COMPRESSIONS = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
# What a damaged archive raises inside zipfile and zlib.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


def damaged(name: str, kind: str) -> ReadError:
    """The error for a package that cannot be opened."""
    return unreadable(
        name,
        "truncated-file",
        f"{kind} 文件已损坏或被截断，无法打开",
        f"the {kind} file is damaged or truncated and cannot be opened",
    )


def too_large(name: str, kind: str, what_zh: str, what_en: str) -> ReadError:
    """The error for a package beyond the reader's bounds."""
    return unreadable(
        name,
        "unreadable-file",
        f"{kind} 文件过大（{what_zh}），无法读取",
        f"the {kind} file is too large to read ({what_en})",
    )


class Package:
    """The parts of a ZIP package, read within the bounds; ``read`` raises ``ReadError``."""

    def __init__(self, name: str, data: bytes, kind: str) -> None:
        """Open and vet the archive: entry names, compressions and sizes.

        Raises:
            ReadError: the archive is damaged or beyond the bounds.
        """
        self.name, self.kind = name, kind
        try:
            self.archive = zipfile.ZipFile(BytesIO(data))
            entries = self.archive.infolist()
        except ZIP_ERRORS:
            raise damaged(name, kind) from None
        if len(entries) > MAX_ENTRIES:
            raise too_large(name, kind, f"{len(entries)} 个部件", f"{len(entries)} parts")
        for entry in entries:
            if not _safe_name(entry.filename) or entry.compress_type not in SUPPORTED_COMPRESSIONS:
                raise damaged(name, kind)
        self.names = frozenset(entry.filename for entry in entries)
        self.budget = MAX_UNCOMPRESSED_BYTES
        if sum(entry.file_size for entry in entries) > self.budget:
            raise too_large(name, kind, "解压后超过 100 MB", "over 100 MB uncompressed")

    def read(self, part: str) -> bytes:
        """A part's bytes; what it expands to counts against the package's budget.

        Raises:
            ReadError: the part is damaged, or the package expands beyond the bound.
        """
        try:
            with self.archive.open(part) as stream:
                content = stream.read(self.budget + 1)
        except ZIP_ERRORS:
            raise damaged(self.name, self.kind) from None
        except KeyError:
            raise damaged(self.name, self.kind) from None
        self.budget -= len(content)
        if self.budget < 0:
            raise too_large(self.name, self.kind, "解压后超过 100 MB", "over 100 MB uncompressed")
        return content


def _safe_name(name: str) -> bool:
    """A part name inside the package: relative, no ``..``, no backslash or NUL."""
    if not name or name.startswith("/") or "\\" in name or "\x00" in name:
        return False
    return ".." not in name.split("/")
