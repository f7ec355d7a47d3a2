"""A file on disk taken in with care: only regular files, and none beyond the size bound.

``vet`` looks at the file without opening it (a device such as ``/dev/zero`` or a pipe never
ends, and opening a pipe blocks); ``read_bounded`` then reads at most the bound, so a file that
grows after the look is still refused. Both raise ``ReadError``, as every reader does.
"""

import os
import stat
from pathlib import Path

from jixiao.io.limits import MIB
from jixiao.io.problems import ReadError, unreadable


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
    return unreadable(
        document,
        "unreadable-file",
        f"无法读取文件：{exc.strerror}",
        f"cannot read the file: {exc.strerror}",
    )


def _kind(mode: int) -> tuple[str, str]:
    if stat.S_ISDIR(mode):
        return "文件夹", "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备", "a device"
    if stat.S_ISFIFO(mode):
        return "管道", "a pipe"
    if stat.S_ISSOCK(mode):
        return "套接字", "a socket"
    return "特殊文件", "a special file"


def vet(path: Path, max_bytes: int | None) -> None:
    """Refuse what is not a regular file, or is larger than ``max_bytes``, without opening it.

    Raises:
        ReadError: ``unreadable-file`` (missing, not a regular file) or ``file-too-large``.
    """
    document = str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _cannot_read(document, exc) from None
    if not stat.S_ISREG(info.st_mode):
        zh, en = _kind(info.st_mode)
        raise unreadable(
            document,
            "unreadable-file",
            f"不是普通文件（是{zh}），未读取",
            f"not a regular file ({en}): not read",
        )
    if max_bytes is not None and info.st_size > max_bytes:
        raise too_large(document, info.st_size, max_bytes)


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
