"""Paths a person may hand cocreate that lead to no file it can use: loops of symbolic links,
pipes and devices, names longer than the system allows, folders that are missing, closed or
removed mid-write. Each gets one line in cocreate's own words, before any work is done. No Qt.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path

LOOP = "the path is a loop of symbolic links; choose the file itself"
TOO_LONG = "the path is longer than the system allows; choose a shorter name or folder"
BAD_NAME = "the name holds a character no file name may hold; choose another name"
NOT_A_FILE = "this is a device or a pipe, not a file; choose a file"
IS_FOLDER = "this is a folder; choose a file name"
NO_FOLDER = "the folder does not exist; choose an existing folder"
FOLDER_CLOSED = "cocreate may not write in this folder (permission denied); choose another folder"
FOLDER_GONE = "the folder was removed while the file was being written; nothing was written"

#: Characters shown as escapes (\n, \x1b, \u2028) so that a message stays on one line.
_ESCAPED_CATEGORIES = {"Cc", "Zl", "Zp", "Cs"}


def shown(path: str | os.PathLike[str]) -> str:
    """The path as a message shows it: on one line, control characters written as escapes."""
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) in _ESCAPED_CATEGORIES else char
        for char in os.fspath(path)
    )


def same_file(a: Path, b: Path) -> bool:
    """True when both paths reach one existing file (hard links, symbolic links, spellings)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


class OutputPathError(OSError):
    """An output no file can be written to; strerror says why, in one line."""

    def __init__(self, code: int, reason: str, target: str | os.PathLike[str]) -> None:
        super().__init__(code, reason, os.fspath(target))


def path_reason(error: OSError | ValueError) -> str | None:
    """What a path's OSError means, when it is about the path itself (else None)."""
    if isinstance(error, ValueError):  # an embedded NUL
        return BAD_NAME
    return {
        errno.ELOOP: LOOP,
        errno.ENAMETOOLONG: TOO_LONG,
        errno.EINVAL: BAD_NAME,
    }.get(error.errno or 0)


def _stat(path: str, target: Path) -> os.stat_result | None:
    """os.stat, None when nothing is there; OutputPathError when the path itself is wrong."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as error:
        reason = path_reason(error)
        if reason is None:
            raise
        code = error.errno if isinstance(error, OSError) and error.errno else errno.EINVAL
        raise OutputPathError(code, reason, target) from None


def check_output(target: Path) -> None:
    """Raise OutputPathError when no file can be written at target: nothing is written."""
    found = _stat(os.fspath(target), target)
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise OutputPathError(errno.EISDIR, IS_FOLDER, target)
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise OutputPathError(errno.EINVAL, NOT_A_FILE, target)
    folder = os.path.dirname(os.path.abspath(target))
    found = _stat(folder, target)
    if found is None or not stat.S_ISDIR(found.st_mode):
        raise OutputPathError(errno.ENOENT, NO_FOLDER, target)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputPathError(errno.EACCES, FOLDER_CLOSED, target)
