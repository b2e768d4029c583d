"""`cocreate repair`: a copy of a file whose rows break the rules, with every broken value
mended, and a list of what changed.

Values of the wrong type become the column's default, values out of range are clamped to it,
text that is not UTF-8 keeps what it can (the rest becomes U+FFFD), text longer than its column
holds is cut to the limit, and references to rows that do not exist are cleared. A card whose
stage or lane is gone moves to its journey's first one; a row that cannot stand without what it
names (a link without its cards, a dot without its participant) is dropped, and listed with its
values: no row is lost without a word. A table of more rows than a session holds (ROWS_MAX)
keeps its first ROWS_MAX by id; the rows past them are dropped and listed in one line with
their number and ids. The input is only read; the copy is written beside the output and
replaces it when it keeps every rule. No Qt.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cocreate.atomic import replacing
from cocreate.path_checks import check_output, same_file
from cocreate.path_checks import shown as shown_path
from cocreate.records import TABLE_ORDER
from cocreate.rules import COLUMNS, ROWS_MAX, TYPE_WORDS, Column, cut, text_max
from cocreate.store.errors import FileProblem, SessionFileError
from cocreate.store.lock import FileLock
from cocreate.store.row_check import (
    CONDITIONS,
    Broken,
    Condition,
    first_broken,
    first_problem,
    first_row_past_limit,
    id_span,
    not_utf8,
    read_value,
    register,
    shown,
)
from cocreate.store.session_file import SessionFile

#: Passes over the file: a pass mends what the one before left dangling (it never needs more).
_PASSES = 3


@dataclass(frozen=True)
class Repair:
    """One value changed, or rows dropped (column is ""): one row, whose values `was` lists,
    or the `rows` past the most a table holds, from row_id on."""

    table: str
    row_id: int
    column: str
    why: str
    was: str
    now: str
    rows: int = 1

    @property
    def dropped(self) -> bool:
        return not self.column

    def __str__(self) -> str:
        if self.dropped and self.rows > 1:
            return f"table {self.table}, rows {self.row_id} to {self.was}: {self.why}"
        if self.dropped:
            return (
                f"table {self.table}, row {self.row_id}: dropped ({self.why}); it held {self.was}"
            )
        return (
            f"table {self.table}, row {self.row_id}, column {self.column}: {self.why};"
            f" {self.was} became {self.now}"
        )


def _shown(value: Any) -> str:
    if isinstance(value, bytes):
        return f"a blob of {len(value)} bytes"
    return "null" if value is None else shown(value)


class _Mender:
    """Mends the rows of one connection, noting each change."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.repairs: list[Repair] = []

    def value(self, table_name: str, column: str, row_id: int) -> Any:
        return read_value(self.conn, table_name, column, row_id)

    def set(
        self, condition: Condition, row_id: int, new: Any, why: str, was: str | None = None
    ) -> None:
        table_name, column = condition.table, condition.column
        if was is None:
            was = _shown(self.value(table_name, column, row_id))
        sql = f'UPDATE "{table_name}" SET "{column}" = ? WHERE id = ?'
        self.conn.execute(sql, (new, row_id))
        self.repairs.append(Repair(table_name, row_id, column, why, was, _shown(new)))

    def drop(self, table_name: str, row_id: int, why: str) -> None:
        names = list(COLUMNS[table_name])
        held = ", ".join(f"{name}={_shown(self.value(table_name, name, row_id))}" for name in names)
        self.conn.execute(f'DELETE FROM "{table_name}" WHERE id = ?', (row_id,))
        self.repairs.append(Repair(table_name, row_id, "", why, held, ""))

    def first_id(self, table_name: str, journey_id: Any = None) -> int | None:
        if table_name == "journey":
            found = self.conn.execute("SELECT id FROM journey ORDER BY position, id LIMIT 1")
        else:
            found = self.conn.execute(
                f'SELECT id FROM "{table_name}" WHERE journey_id = ? ORDER BY position, id LIMIT 1',
                (journey_id,),
            )
        row = found.fetchone()
        return None if row is None else row[0]

    # -- one broken value

    def mend(self, condition: Condition, row_id: int) -> None:
        table_name = condition.table
        match condition.kind:
            case Broken.ID:
                self.renumber(table_name, row_id)
            case Broken.UTF8:
                self.mend_text(table_name, row_id)
            case Broken.VOTE_TARGET:
                if self.value("vote", "note_id", row_id) is None:
                    self.drop("vote", row_id, "it names neither a note nor a card")
                else:
                    touchpoint = Condition("vote", "touchpoint_id", Broken.VOTE_TARGET, "")
                    why = "a dot names a note and a card, kept the note"
                    self.set(touchpoint, row_id, None, why)
            case Broken.LINK_TO_ITSELF:
                self.drop("link", row_id, "it joins a card to itself")
            case Broken.LENGTH:
                self.cut_text(condition, row_id)
            case _:
                self.mend_value(condition, COLUMNS[table_name][condition.column], row_id)

    def mend_value(self, condition: Condition, column: Column, row_id: int) -> None:
        """A value of the wrong type, out of range or naming a row that is not there."""
        if condition.kind is Broken.REFERENCE or column.target is not None:
            self.reference(condition, column, row_id)
        elif condition.kind is Broken.TYPE and column.required:
            # no default to take (a survey answer's score): the row cannot stand without it
            why = f"its {column.name} is not {TYPE_WORDS[column.kind]}"
            self.drop(condition.table, row_id, why)
        elif condition.kind is Broken.TYPE or column.check is None:
            self.set(condition, row_id, column.default, "wrong type, set to the default")
        else:
            was = self.value(condition.table, condition.column, row_id)
            new = column.check.fix(was, column.default)
            why = "out of range, clamped" if new != column.default else "not allowed"
            self.set(condition, row_id, new, f"{why} ({column.value_problem(was)})")

    def mend_text(self, table_name: str, row_id: int) -> None:
        """Texts that are not UTF-8 keep what they can; the rest becomes U+FFFD."""
        for name in not_utf8(self.conn, table_name, row_id):
            data = self.value(table_name, name, row_id)
            where = Condition(table_name, name, Broken.UTF8, "")
            was = f"{len(data)} bytes that are not all UTF-8"
            self.set(where, row_id, data.decode("utf-8", "replace"), "the text was not UTF-8", was)

    def cut_text(self, condition: Condition, row_id: int) -> None:
        """A text longer than its column holds is cut to the limit."""
        text = self.value(condition.table, condition.column, row_id)
        limit = text_max(condition.table, condition.column)
        why = f"longer than the {limit} characters it may hold, cut"
        was = f"a text of {len(text)} characters"
        new = cut(text, limit)
        sql = f'UPDATE "{condition.table}" SET "{condition.column}" = ? WHERE id = ?'
        self.conn.execute(sql, (new, row_id))
        now = f"its first {len(new)} characters"
        self.repairs.append(Repair(condition.table, row_id, condition.column, why, was, now))

    def trim_table(self, table_name: str) -> None:
        """A table of more rows than a session holds keeps its first ROWS_MAX, by id; the
        rows past them are dropped, listed as one repair."""
        first = first_row_past_limit(self.conn, table_name, id_span(self.conn, table_name))
        if first is None:
            return
        (count, last) = self.conn.execute(
            f'SELECT count(*), max(id) FROM "{table_name}" WHERE id >= ?', (first,)
        ).fetchone()
        self.conn.execute(f'DELETE FROM "{table_name}" WHERE id >= ?', (first,))
        why = (
            f"dropped {count} rows: a session holds at most {ROWS_MAX} rows a table,"
            f" the first {ROWS_MAX} by id were kept"
        )
        self.repairs.append(Repair(table_name, first, "", why, str(last), "", rows=count))

    def reference(self, condition: Condition, column: Column, row_id: int) -> None:
        """A reference to a row that is not there (or not of the row's journey)."""
        was = self.value(condition.table, condition.column, row_id)
        why = f"no {column.target} with id {_shown(was)} in its journey"
        if column.nullable:
            self.set(condition, row_id, None, f"{why}, cleared")
            return
        new: int | None = None
        if column.name == "journey_id":
            new = self.first_id("journey")
        elif condition.table == "touchpoint":
            journey_id = self.value("touchpoint", "journey_id", row_id)
            new = self.first_id(str(column.target), journey_id)
        if new is None:
            self.drop(condition.table, row_id, why)
        else:
            self.set(condition, row_id, new, f"{why}, moved to the first {column.target}")

    def renumber(self, table_name: str, row_id: int) -> None:
        """An id below 1 becomes the next free one; the rows naming it follow."""
        (new,) = self.conn.execute(f'SELECT max(id) + 1 FROM "{table_name}"').fetchone()
        new = max(new, 1)
        self.conn.execute(f'UPDATE "{table_name}" SET id = ? WHERE id = ?', (new, row_id))
        for other in TABLE_ORDER:
            for column in COLUMNS[other].values():
                if column.target == table_name:
                    self.conn.execute(
                        f'UPDATE "{other}" SET "{column.name}" = ? WHERE "{column.name}" = ?',
                        (new, row_id),
                    )
        self.repairs.append(Repair(table_name, new, "id", "ids start at 1", str(row_id), str(new)))

    def mend_all(self) -> None:
        for table_name in TABLE_ORDER:
            self.trim_table(table_name)
        for table_name in TABLE_ORDER:
            if first_broken(self.conn, table_name) is None:
                continue  # one scan, where a query a condition took 27 on the note table
            for condition in CONDITIONS[table_name]:
                query = f'SELECT t.id FROM "{table_name}" AS t WHERE {condition.sql} ORDER BY t.id'
                for (row_id,) in self.conn.execute(query).fetchall():
                    self.mend(condition, row_id)


def repair_copy(source: Path, out: Path) -> list[Repair]:
    """Write a repaired copy of source to out and return what was changed or dropped.

    SessionFileError when source cannot be read as a session at all (it is not ours, damaged,
    too new…); ValueError when out is source itself. source is only read.
    """
    source, out = Path(source), Path(out)
    check_output(out)  # OutputPathError (an OSError) in one line: a loop, a folder, a pipe…
    if os.path.abspath(out) == os.path.abspath(source) or same_file(source, out):
        raise ValueError(
            f"{shown_path(out)}: this is the file to repair itself; choose another output file"
        )
    store = SessionFile.open(source, read_only=True, lock=False, check_rows=False)
    lock = FileLock(out)
    if not lock.acquire():
        store.close()
        raise SessionFileError(out, FileProblem.LOCKED)
    try:
        with replacing(out) as tmp:
            store.backup_to(tmp)
            repairs = _mend_file(tmp, source)
    finally:
        store.close()
        lock.release()
    return repairs


def _mend_file(path: Path, source: Path) -> list[Repair]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        register(conn)
        conn.execute("PRAGMA foreign_keys = OFF")
        mender = _Mender(conn)
        conn.execute("BEGIN IMMEDIATE")
        left = first_problem(conn)  # each scan of the whole file, once a pass
        for _attempt in range(_PASSES):
            if left is None:
                break
            mender.mend_all()
            left = first_problem(conn)
        if left is not None:
            conn.execute("ROLLBACK")
            raise SessionFileError(source, FileProblem.DAMAGED, f"could not repair {left}")
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return mender.repairs
