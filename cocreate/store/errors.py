"""Why a file cannot be opened or written, as a kind the GUI can translate and a plain message."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from cocreate import path_checks


class FileProblem(StrEnum):
    NOT_FOUND = "not_found"
    LOOP = "loop"
    NAME_TOO_LONG = "name_too_long"
    BAD_NAME = "bad_name"
    NOT_A_FILE = "not_a_file"
    UNFINISHED = "unfinished"
    IS_DIRECTORY = "is_directory"
    EMPTY = "empty"
    NOT_SQLITE = "not_sqlite"
    DAMAGED = "damaged"
    FOREIGN = "foreign"
    TOO_NEW = "too_new"
    LOCKED = "locked"
    READ_ONLY = "read_only"
    UNREADABLE = "unreadable"
    WRITE_FAILED = "write_failed"
    MIGRATION_FAILED = "migration_failed"
    BROKEN_ROW = "broken_row"
    DISK_FULL = "disk_full"
    IO_ERROR = "io_error"
    TOO_MANY_ROWS = "too_many_rows"


#: What each problem means and what to do, in English; the GUI shows its own translation.
MESSAGES: dict[FileProblem, str] = {
    FileProblem.NOT_FOUND: "the file does not exist; check the path",
    FileProblem.LOOP: path_checks.LOOP,
    FileProblem.NAME_TOO_LONG: path_checks.TOO_LONG,
    FileProblem.BAD_NAME: path_checks.BAD_NAME,
    FileProblem.NOT_A_FILE: path_checks.NOT_A_FILE,
    FileProblem.UNFINISHED: "the file holds a change a crash left unfinished, and no copy could"
    " be made to read it without changing it; open it in cocreate to finish undoing that change",
    FileProblem.IS_DIRECTORY: "this is a folder, not a session file; choose a .cocreate file",
    FileProblem.EMPTY: "the file is empty (0 bytes); it holds no session",
    FileProblem.NOT_SQLITE: "this is not a cocreate session file",
    FileProblem.DAMAGED: "the file is damaged or incomplete (perhaps because a copy was"
    " interrupted); open a backup copy",
    FileProblem.FOREIGN: "this is a database of another application, not a cocreate session",
    FileProblem.TOO_NEW: "the file was written by a newer version of cocreate; update cocreate"
    " to open it",
    FileProblem.LOCKED: "the file is already open in another cocreate window; switch to that"
    " window or close it first",
    FileProblem.READ_ONLY: "the file is read-only; changes cannot be saved to it",
    FileProblem.UNREADABLE: "the file cannot be read (permission denied)",
    FileProblem.WRITE_FAILED: "the change could not be written to the file",
    FileProblem.MIGRATION_FAILED: "the file is in an older format and could not be upgraded;"
    " it was left as it was",
    FileProblem.BROKEN_ROW: "a row holds a value a session cannot have; the file was left as it"
    " was, and `cocreate repair` saves a repaired copy",
    FileProblem.DISK_FULL: "the disk is full, so nothing was written (what was there before is"
    " kept); free some space, then try again",
    FileProblem.IO_ERROR: "the disk reported an error while writing (an input/output error), so"
    " nothing was written (what was there before is kept); check the disk, then try again",
    FileProblem.TOO_MANY_ROWS: "the change would take the session past 100 000 notes, cards,"
    " answers or other rows of one kind, more than a session may hold; it was not made",
}


#: The problems whose detail is always cocreate's own words (a format number, a row and a
#: column), so it is shown. Any other detail is what a library said (SQLite's verdict, a
#: statement, a temporary copy's path): kept on the error for a log, never shown to people.
SHOWN_DETAIL: frozenset[FileProblem] = frozenset({FileProblem.TOO_NEW, FileProblem.BROKEN_ROW})


class SessionFileError(Exception):
    """A file that cannot be used as a session. The file is left as it was.

    `message` is one line in cocreate's words that names the user's file; `detail` may hold a
    library's words (for a log), which `shown_detail` leaves out."""

    def __init__(self, path: str | Path, problem: FileProblem, detail: str = "") -> None:
        self.path = Path(path)
        self.problem = problem
        self.detail = detail
        super().__init__(self.message)

    @property
    def shown_detail(self) -> str:
        """The detail people may read: empty unless it is cocreate's own words, in one line."""
        if self.problem not in SHOWN_DETAIL:
            return ""
        return " ".join(self.detail.split())

    @property
    def message(self) -> str:
        text = f"{path_checks.shown(self.path)}: {MESSAGES[self.problem]}"
        return f"{text} ({self.shown_detail})" if self.shown_detail else text


@dataclass(frozen=True)
class RowProblem:
    """The first value of a file that breaks the rules of a session (cocreate.rules)."""

    table: str
    row_id: int
    column: str
    problem: str

    def __str__(self) -> str:
        return f"table {self.table}, row {self.row_id}, column {self.column}: {self.problem}"


class BrokenRowError(SessionFileError):
    """A file whose rows break the rules of a session: refused as it is; repair can fix it."""

    def __init__(self, path: str | Path, row: RowProblem) -> None:
        self.row = row
        super().__init__(path, FileProblem.BROKEN_ROW, str(row))

    @property
    def message(self) -> str:
        path = path_checks.shown(self.path)
        return (
            f"{path}: {self.row}. The file was left as it was; to save a repaired copy, run:"
            f" cocreate repair {shlex.quote(path)} -o REPAIRED.cocreate"
        )
