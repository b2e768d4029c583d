"""What a database error means for the file (Trouble: busy, damaged, disk full, disk error,
denied), and a full or failing disk told apart from other write errors of a session file.

SQLite says "database or disk is full" (SQLITE_FULL) and "disk I/O error" (SQLITE_IOERR); the
system says ENOSPC, EDQUOT and EIO. Either way the window and the command line say it in
cocreate's words (FileProblem.DISK_FULL, IO_ERROR), and never show the statement. No Qt.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from cocreate.atomic import DISK_ERROR, DISK_FULL, disk_reason
from cocreate.store.errors import FileProblem, SessionFileError


class Trouble(StrEnum):
    """What a database error means for the person's file."""

    BUSY = "busy"
    DAMAGED = "damaged"
    DISK_FULL = "disk_full"
    DISK_ERROR = "disk_error"
    DENIED = "denied"


#: SQLite's primary result codes, by what they mean for the file.
_BY_CODE = {
    sqlite3.SQLITE_BUSY: Trouble.BUSY,
    sqlite3.SQLITE_LOCKED: Trouble.BUSY,
    sqlite3.SQLITE_CORRUPT: Trouble.DAMAGED,
    sqlite3.SQLITE_NOTADB: Trouble.DAMAGED,
    sqlite3.SQLITE_FULL: Trouble.DISK_FULL,
    sqlite3.SQLITE_IOERR: Trouble.DISK_ERROR,
    sqlite3.SQLITE_PERM: Trouble.DENIED,
    sqlite3.SQLITE_READONLY: Trouble.DENIED,
    sqlite3.SQLITE_CANTOPEN: Trouble.DENIED,
}
#: The same, for an error that carries SQLite's words but not its code.
_BY_WORDS = {
    "database is locked": Trouble.BUSY,
    "database table is locked": Trouble.BUSY,
    "database disk image is malformed": Trouble.DAMAGED,
    "file is not a database": Trouble.DAMAGED,
    "database or disk is full": Trouble.DISK_FULL,
    "disk i/o error": Trouble.DISK_ERROR,
    "attempt to write a readonly database": Trouble.DENIED,
    "unable to open database file": Trouble.DENIED,
}


def trouble(error: BaseException) -> Trouble | None:
    """What a database error (sqlite3's, or SQLAlchemy's around one) means for the file; None
    when SQLite's code and words say nothing a person can act on."""
    if not isinstance(error, sqlite3.Error | SQLAlchemyError):
        return None
    cause = getattr(error, "orig", None) or error
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _BY_CODE:
        return _BY_CODE[code & 0xFF]
    return _BY_WORDS.get(str(cause).strip().lower())


#: The troubles that are the disk's, as the problems of a session file.
_DISK_TROUBLES = {
    Trouble.DISK_FULL: FileProblem.DISK_FULL,
    Trouble.DISK_ERROR: FileProblem.IO_ERROR,
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
            found = trouble(link)
            if found in _DISK_TROUBLES:
                return _DISK_TROUBLES[found]
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
