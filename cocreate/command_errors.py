"""The command line's words for errors a library raised: what a database error means for the
person's file, and whether an error's message is cocreate's own (printed as it is) or a
library's (never printed: SQL, web links, codec names). No Qt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cocreate.store.errors import MESSAGES, FileProblem

_BUSY = "the file is busy: another program is writing to it; try again in a moment"
_FULL = "the disk is full, so nothing was written; free some space, then try again"
_DISK = "the disk reported an error (an input/output error); check the disk, then try again"
_DENIED = "cocreate may not use the file (permission denied)"

#: SQLite's primary result codes, as cocreate says what they mean for the file.
_BY_CODE = {
    sqlite3.SQLITE_BUSY: _BUSY,
    sqlite3.SQLITE_LOCKED: _BUSY,
    sqlite3.SQLITE_CORRUPT: MESSAGES[FileProblem.DAMAGED],
    sqlite3.SQLITE_NOTADB: MESSAGES[FileProblem.DAMAGED],
    sqlite3.SQLITE_FULL: _FULL,
    sqlite3.SQLITE_IOERR: _DISK,
    sqlite3.SQLITE_PERM: _DENIED,
    sqlite3.SQLITE_READONLY: _DENIED,
    sqlite3.SQLITE_CANTOPEN: _DENIED,
}
#: The same, for an error that carries SQLite's words but not its code.
_BY_WORDS = {
    "database is locked": _BUSY,
    "database table is locked": _BUSY,
    "database disk image is malformed": MESSAGES[FileProblem.DAMAGED],
    "file is not a database": MESSAGES[FileProblem.DAMAGED],
    "database or disk is full": _FULL,
    "disk i/o error": _DISK,
    "attempt to write a readonly database": _DENIED,
    "unable to open database file": _DENIED,
}

_PACKAGE = Path(__file__).resolve().parent


def database_trouble(error: BaseException, doing: str) -> str:
    """What a database error (sqlite3's, or SQLAlchemy's around one) means for the file, in
    cocreate's words; `doing` ("read", "written") completes the words for any other error."""
    cause = getattr(error, "orig", None) or error
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _BY_CODE:
        return _BY_CODE[code & 0xFF]
    words = str(cause).strip().lower()
    return _BY_WORDS.get(words, f"the session could not be {doing}")


def said_by_cocreate(error: BaseException) -> bool:
    """True when cocreate's own code raised the error with a message of its own (`raise
    ValueError("no journey named …")`); False for one a library or Python raised with its own
    words (json's "Out of range float values…", a codec's "can't decode byte…")."""
    if isinstance(error, UnicodeError):
        return False
    trace = error.__traceback__
    if trace is None:
        return False
    while trace.tb_next is not None:
        trace = trace.tb_next
    return Path(trace.tb_frame.f_code.co_filename).resolve().is_relative_to(_PACKAGE)
