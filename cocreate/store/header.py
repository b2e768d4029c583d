"""Checks of a file's first 100 bytes, made before SQLite ever opens it.

Reading the header ourselves means that a text file, random bytes, an empty or truncated file or
another program's database is turned away without SQLite touching it (SQLite could otherwise
write to it, for instance to set up an empty file).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cocreate.store.errors import FileProblem, SessionFileError

#: What a failed look at the path means, for the errors that are about the path itself.
_PATH_PROBLEMS = {
    errno.ELOOP: FileProblem.LOOP,
    errno.ENAMETOOLONG: FileProblem.NAME_TOO_LONG,
    errno.EINVAL: FileProblem.BAD_NAME,
}

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True)
class Header:
    page_size: int
    page_count: int
    user_version: int
    application_id: int
    change_counter: int


def _u32(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 4], "big")


def _detail(error: OSError) -> str:
    """The system's words, unless they only repeat "permission denied"."""
    return "" if error.errno in (errno.EACCES, errno.EPERM) else error.strerror or ""


def _fixed_bytes_hold(data: bytes) -> bool:
    """The header bytes every SQLite database has the same (sqlite.org/fileformat.html): file
    format versions 1 or 2, payload fractions 64, 32, 32, and 20 reserved bytes of zero. A
    header with random bytes over them is damaged, whatever its application id says."""
    return (
        data[18] in (1, 2)
        and data[19] in (1, 2)
        and data[21:24] == b"\x40\x20\x20"
        and data[72:92] == bytes(20)
    )


def read_header(path: Path) -> Header:
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise SessionFileError(path, FileProblem.NOT_FOUND) from None
    except ValueError:  # an embedded NUL
        raise SessionFileError(path, FileProblem.BAD_NAME) from None
    except OSError as exc:
        problem = _PATH_PROBLEMS.get(exc.errno or 0)
        if problem is not None:
            raise SessionFileError(path, problem) from None
        raise SessionFileError(path, FileProblem.UNREADABLE, _detail(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise SessionFileError(path, FileProblem.IS_DIRECTORY)
    if not stat.S_ISREG(st.st_mode):  # a pipe would block the read; a device never ends
        raise SessionFileError(path, FileProblem.NOT_A_FILE)
    if st.st_size == 0:
        raise SessionFileError(path, FileProblem.EMPTY)
    try:
        with open(path, "rb") as handle:
            data = handle.read(HEADER_SIZE)
    except OSError as exc:
        raise SessionFileError(path, FileProblem.UNREADABLE, _detail(exc)) from None
    if not data.startswith(SQLITE_MAGIC):
        raise SessionFileError(path, FileProblem.NOT_SQLITE)
    if len(data) < HEADER_SIZE:
        raise SessionFileError(path, FileProblem.DAMAGED, "header cut short")
    raw_page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise SessionFileError(path, FileProblem.DAMAGED, "invalid page size")
    if not _fixed_bytes_hold(data):  # damage, not another program's database
        raise SessionFileError(path, FileProblem.DAMAGED, "invalid header")
    header = Header(
        page_size=page_size,
        page_count=_u32(data, 28),
        user_version=_u32(data, 60),
        application_id=_u32(data, 68),
        change_counter=_u32(data, 24),
    )
    # The page count in the header is valid when "version-valid-for" matches the change counter.
    count_is_valid = _u32(data, 92) == _u32(data, 24)
    has_hot_journal = os.path.exists(str(path) + "-journal")
    if count_is_valid and not has_hot_journal and st.st_size < header.page_count * page_size:
        raise SessionFileError(path, FileProblem.DAMAGED, "the file is shorter than it says")
    return header
