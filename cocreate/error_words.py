"""Errors a library raised, as cocreate tells them: what a database error means for the
person's file, and whether an error's message is cocreate's own (shown as it is) or a library's
(never shown: SQL, web links, codec names). The command line and the window alike. No Qt."""

from __future__ import annotations

import linecache
import sqlite3
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from cocreate.store.disk import Trouble, trouble
from cocreate.store.errors import MESSAGES, FileProblem

__all__ = ["Trouble", "trouble", "WORDS", "database_trouble", "said_by_cocreate"]


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
