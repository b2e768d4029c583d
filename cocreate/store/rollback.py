"""Reading a file after a crash in the middle of a commit, without changing it.

A kill during a commit leaves the file with a hot journal: the pages as they were before the
transaction. SQLite plays it back the next time the file is opened for writing, but a read-only
reader may not, and SQLite then refuses to read the file at all. A read-only reader therefore
copies the file and its journal to cocreate's data folder, lets SQLite play the journal back in
the copy, and reads the copy: it sees the session as it was before the interrupted change, and
the user's file and journal stay exactly as they were (the next writer rolls them back).
"""

from __future__ import annotations

import secrets
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from cocreate.store.errors import FileProblem, SessionFileError
from cocreate.store.paths import data_dir

JOURNAL_SUFFIX = "-journal"


def journal_of(path: Path) -> Path:
    return Path(str(path) + JOURNAL_SUFFIX)


def has_hot_journal(path: Path) -> bool:
    """True when SQLite itself finds a journal beside the file that must be played back (one a
    running writer holds is not hot: it is left to that writer)."""
    if not journal_of(path).exists():
        return False
    uri = path.resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY_ROLLBACK
    finally:
        conn.close()
    return False


def rolled_back_copy(path: Path, version: int, upgrade: Callable[[Path, int], None]) -> Path:
    """A private copy of the file as it was before the interrupted commit (and, when `version`
    is older than this cocreate's, upgraded in place by `upgrade`). The caller deletes it.
    SessionFileError (naming path, never the copy) when the copy cannot be made."""
    copy = data_dir() / "upgraded" / f"{secrets.token_hex(8)}.cocreate"
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        shutil.copyfile(journal_of(path), journal_of(copy))
        conn = sqlite3.connect(copy, isolation_level=None)
        try:  # the first read plays the hot journal back into the copy, and deletes it
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
        journal_of(copy).unlink(missing_ok=True)
        upgrade(copy, version)
    except BaseException as error:
        copy.unlink(missing_ok=True)
        journal_of(copy).unlink(missing_ok=True)
        if isinstance(error, (OSError, sqlite3.Error)):  # a full disk, a journal gone meanwhile
            raise SessionFileError(path, FileProblem.UNFINISHED) from None
        raise
    return copy
