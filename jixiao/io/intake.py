"""A file on disk taken in with care: only regular files, and none beyond the size bound.

``vet`` looks without opening (a device such as ``/dev/zero`` never ends, opening a pipe
blocks); ``read_bounded`` then reads at most the bound, so a file that grew since is refused.
"""

import os
import stat
from pathlib import Path

from jixiao.io.limits import MIB
from jixiao.io.problems import ReadError, unreadable

# What a file that is not a regular one is, by its type bits.
_KINDS = {
    stat.S_IFDIR: ("文件夹", "a folder"),
    stat.S_IFCHR: ("设备", "a device"),
    stat.S_IFBLK: ("设备", "a device"),
    stat.S_IFIFO: ("管道", "a pipe"),
    stat.S_IFSOCK: ("套接字", "a socket"),
}


def too_large(document: str, size: int, max_bytes: int) -> ReadError:
    """The error for a file over the size bound."""
    shown, bound = f"{size / MIB:.1f}", f"{max_bytes / MIB:g}"
    return unreadable(
        document,
        "file-too-large",
        f"文件过大（{shown} MB，上限 {bound} MB），未读取",
        f"the file is too large ({shown} MB, the limit is {bound} MB): not read",
    )


def _cannot_read(document: str, exc: OSError) -> ReadError:
    zh, en = f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}"
    return unreadable(document, "unreadable-file", zh, en)


def vet(path: Path, max_bytes: int | None) -> None:
    """Refuse what is not a regular file, or is larger than ``max_bytes``, without opening it.

    Raises:
        ReadError: ``unreadable-file`` (missing, not a regular file) or ``file-too-large``.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _cannot_read(str(path), exc) from None
    if not stat.S_ISREG(info.st_mode):
        zh, en = _KINDS.get(stat.S_IFMT(info.st_mode), ("特殊文件", "a special file"))
        zh, en = f"不是普通文件（是{zh}），未读取", f"not a regular file ({en}): not read"
        raise unreadable(str(path), "unreadable-file", zh, en)
    if max_bytes is not None and info.st_size > max_bytes:
        raise too_large(str(path), info.st_size, max_bytes)


def read_bounded(path: Path, max_bytes: int | None) -> bytes:
    """A regular file's bytes, reading no more than ``max_bytes`` and one byte over.

    Raises:
        ReadError: as ``vet``, or the file grew beyond the bound while being read.
    """
    vet(path, max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as exc:
        raise _cannot_read(str(path), exc) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise too_large(str(path), len(data), max_bytes)
    return data
