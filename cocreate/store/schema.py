"""File identity, schema version and migrations of the .cocreate format."""

from __future__ import annotations

import functools
from collections.abc import Callable

from sqlalchemy import Connection
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel

from cocreate import model  # noqa: F401  (registers the tables on SQLModel.metadata)
from cocreate.layout import board_shift, compute_layout
from cocreate.store.ops import driver

#: PRAGMA application_id of every .cocreate file: "CoCr" in ASCII.
APPLICATION_ID = 0x436F4372

#: PRAGMA user_version written by this version of cocreate.
SCHEMA_VERSION = 4


def _add_facilitation_columns(conn: Connection) -> None:
    """1 → 2: private mode, reveal policy and voting rounds (the sticky-note board)."""
    for statement in (
        "ALTER TABLE session ADD COLUMN private_mode BOOLEAN NOT NULL DEFAULT 0",
        "ALTER TABLE session ADD COLUMN reveal_policy VARCHAR NOT NULL DEFAULT 'facilitator'",
        "ALTER TABLE session ADD COLUMN voting_round INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE vote ADD COLUMN round INTEGER NOT NULL DEFAULT 1",
    ):
        conn.exec_driver_sql(statement)


def _rows(conn: Connection, sql: str, *params: object) -> list[dict]:
    result = conn.exec_driver_sql(sql, params)
    return [dict(row._mapping) for row in result]


def _measure_free_notes_from_the_board(conn: Connection) -> None:
    """2 → 3: a free note's x, y are measured from the board's top-left corner instead of the
    canvas's, so that the board and its notes move together when the blueprint grows or
    shrinks (layout.board_shift)."""
    free = "journey_id = ? AND touchpoint_id IS NULL AND stage_id IS NULL"
    for (journey_id,) in conn.exec_driver_sql("SELECT id FROM journey").fetchall():
        layout = compute_layout(
            _rows(conn, "SELECT id, position, width FROM stage WHERE journey_id = ?", journey_id),
            _rows(
                conn,
                "SELECT id, position, hidden, kind FROM lane WHERE journey_id = ?",
                journey_id,
            ),
            _rows(
                conn,
                "SELECT id, stage_id, lane_id, position FROM touchpoint WHERE journey_id = ?",
                journey_id,
            ),
        )
        ys = [y for (y,) in conn.exec_driver_sql(f"SELECT y FROM note WHERE {free}", (journey_id,))]
        shift = board_shift(layout, ys)
        conn.exec_driver_sql(f"UPDATE note SET y = y - ? WHERE {free}", (shift, journey_id))


def _add_feedback(conn: Connection) -> None:
    """3 → 4: survey answers (the feedback table, its indexes as the model declares them),
    and the answer a sticky note was promoted from (note.feedback_id). What a file already
    has of them is kept."""
    SQLModel.metadata.tables["feedback"].create(conn, checkfirst=True)
    note_columns = {row[1] for row in conn.exec_driver_sql('PRAGMA table_info("note")')}
    if "feedback_id" not in note_columns:
        conn.exec_driver_sql(
            "ALTER TABLE note ADD COLUMN feedback_id INTEGER REFERENCES feedback (id)"
        )
    for index in SQLModel.metadata.tables["note"].indexes:
        if [column.name for column in index.columns] == ["feedback_id"]:
            index.create(conn, checkfirst=True)


#: MIGRATIONS[n] turns a file of schema version n into version n + 1. All the steps a file needs
#: run in one transaction on a copy, which replaces the original only when it is complete.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _add_facilitation_columns,
    2: _measure_free_notes_from_the_board,
    3: _add_feedback,
}


@functools.cache
def _create_statements() -> tuple[str, ...]:
    """The CREATE TABLE and CREATE INDEX statements of a new file, in the order of the tables'
    references, compiled once: SQLAlchemy's create_all compiled them anew for every new file
    (half the 27 ms a new session took)."""
    dialect = sqlite.dialect()
    statements = []
    for table in SQLModel.metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)))
        indexes = sorted(table.indexes, key=lambda index: index.name or "")
        statements += [str(CreateIndex(index).compile(dialect=dialect)) for index in indexes]
    return tuple(statements)


def create_schema(conn: Connection) -> None:
    """The tables and indexes of a new, empty file, and its identity and version, run on the
    transaction's own sqlite3 cursor: SQLAlchemy's wrapping of each statement took about a
    quarter of a new file's time."""
    cursor = driver(conn).cursor()
    for statement in _create_statements():
        cursor.execute(statement)
    cursor.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    cursor.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    cursor.close()


def table_names() -> set[str]:
    return set(SQLModel.metadata.tables)


def table_columns() -> dict[str, set[str]]:
    return {name: {c.name for c in t.columns} for name, t in SQLModel.metadata.tables.items()}
