"""Errors a library raised, as cocreate tells them: what a database error means for the
person's file, and whether an error's message is cocreate's own (shown as it is) or a library's
(never shown: SQL, web links, codec names). The command line and the window alike. No Qt."""

from __future__ import annotations

import linecache
import sqlite3
from enum import StrEnum
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from cocreate.store.errors import MESSAGES, FileProblem


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
#: The command line's words for each (the window has its translations).
WORDS = {
    Trouble.BUSY: "the file is busy: another program is writing to it; try again in a moment",
    Trouble.DAMAGED: MESSAGES[FileProblem.DAMAGED],
    Trouble.DISK_FULL: "the disk is full, so nothing was written; free some space, then try again",
    Trouble.DISK_ERROR: "the disk reported an error (an input/output error); check the disk,"
    " then try again",
    Trouble.DENIED: "cocreate may not use the file (permission denied)",
}

_PACKAGE = Path(__file__).resolve().parent


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


def database_trouble(error: BaseException, doing: str) -> str:
    """What a database error means for the file, in cocreate's words; `doing` ("read",
    "written") completes the words for an error that says nothing more."""
    found = trouble(error)
    return WORDS[found] if found is not None else f"the session could not be {doing}"


def said_by_cocreate(error: BaseException) -> bool:
    """True when a `raise` of cocreate's own code gave the error its message (`raise
    ValueError("no journey named …")`); False when a library or Python itself raised it with
    their words (json's "Out of range float values…", a codec's "can't decode byte…", int's
    "invalid literal…", any database error)."""
    if isinstance(error, UnicodeError | sqlite3.Error | SQLAlchemyError):
        return False
    trace = error.__traceback__
    if trace is None:
        return False
    while trace.tb_next is not None:
        trace = trace.tb_next
    filename = trace.tb_frame.f_code.co_filename
    ours = Path(filename).resolve().is_relative_to(_PACKAGE)
    return ours and linecache.getline(filename, trace.tb_lineno).lstrip().startswith("raise")
