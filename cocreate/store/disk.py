"""A full disk and a failing disk, told apart from other write errors of a session file.

SQLite says "database or disk is full" (SQLITE_FULL) and "disk I/O error" (SQLITE_IOERR); the
system says ENOSPC, EDQUOT and EIO. Either way the window and the command line say it in
cocreate's words (FileProblem.DISK_FULL, IO_ERROR), and never show the statement. No Qt.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from cocreate.atomic import DISK_ERROR, DISK_FULL, disk_reason
from cocreate.store.errors import FileProblem, SessionFileError

#: SQLite's own words for the two, as an error without its code carries them.
_SQLITE_WORDS = {
    "database or disk is full": FileProblem.DISK_FULL,
    "disk i/o error": FileProblem.IO_ERROR,
}
_SQLITE_CODES = {
    sqlite3.SQLITE_FULL: FileProblem.DISK_FULL,
    sqlite3.SQLITE_IOERR: FileProblem.IO_ERROR,
}
_OS_REASONS = {DISK_FULL: FileProblem.DISK_FULL, DISK_ERROR: FileProblem.IO_ERROR}

#: The problems that mean the disk, not the edit: an edit that meets one is rolled back whole.
DISK_PROBLEMS = frozenset({FileProblem.DISK_FULL, FileProblem.IO_ERROR})


def _chain(error: BaseException) -> Iterator[BaseException]:
    """error, the DBAPI error it wraps, and the errors it was raised from or during."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        link = pending.pop(0)
        if link is None or id(link) in seen:
            continue
        seen.add(id(link))
        yield link
        if isinstance(link, DBAPIError):
            pending.append(link.orig)
        pending += [link.__cause__, link.__context__]


def disk_problem(error: BaseException) -> FileProblem | None:
    """DISK_FULL or IO_ERROR when the error (or one it wraps) says the disk is full or failing."""
    for link in _chain(error):
        if isinstance(link, SessionFileError) and link.problem in DISK_PROBLEMS:
            return link.problem
        if isinstance(link, sqlite3.Error):
            code = getattr(link, "sqlite_errorcode", None)
            if code is not None and code & 0xFF in _SQLITE_CODES:
                return _SQLITE_CODES[code & 0xFF]
            words = str(link).strip().lower()
            if words in _SQLITE_WORDS:
                return _SQLITE_WORDS[words]
        if isinstance(link, OSError):
            reason = disk_reason(link)
            if reason is not None:
                return _OS_REASONS[reason]
    return None


def database_words(error: BaseException) -> str:
    """What the database said, in one line, without the statement or a web link."""
    if isinstance(error, DBAPIError) and error.orig is not None:
        error = error.orig
    return " ".join(str(error).split())


def write_error(
    path: Path, error: BaseException, otherwise: FileProblem = FileProblem.WRITE_FAILED
) -> SessionFileError:
    """The error of a write to path that failed, as cocreate says it: a full or failing disk,
    else `otherwise` with the database's words (never the statement) as its detail."""
    if isinstance(error, SessionFileError):
        return error
    problem = disk_problem(error)
    if problem is not None:
        return SessionFileError(path, problem)
    return SessionFileError(path, otherwise, database_words(error))
