"""File identity, schema version and migrations of the .cocreate format."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection
from sqlmodel import SQLModel

from cocreate import model  # noqa: F401  (registers the tables on SQLModel.metadata)

#: PRAGMA application_id of every .cocreate file: "CoCr" in ASCII.
APPLICATION_ID = 0x436F4372

#: PRAGMA user_version written by this version of cocreate.
SCHEMA_VERSION = 2


def _add_facilitation_columns(conn: Connection) -> None:
    """1 → 2: private mode, reveal policy and voting rounds (the sticky-note board)."""
    for statement in (
        "ALTER TABLE session ADD COLUMN private_mode BOOLEAN NOT NULL DEFAULT 0",
        "ALTER TABLE session ADD COLUMN reveal_policy VARCHAR NOT NULL DEFAULT 'facilitator'",
        "ALTER TABLE session ADD COLUMN voting_round INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE vote ADD COLUMN round INTEGER NOT NULL DEFAULT 1",
    ):
        conn.exec_driver_sql(statement)


#: MIGRATIONS[n] turns a file of schema version n into version n + 1. All the steps a file needs
#: run in one transaction on a copy, which replaces the original only when it is complete.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _add_facilitation_columns}


def create_schema(conn: Connection) -> None:
    SQLModel.metadata.create_all(conn)
    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def table_names() -> set[str]:
    return set(SQLModel.metadata.tables)


def table_columns() -> dict[str, set[str]]:
    return {name: {c.name for c in t.columns} for name, t in SQLModel.metadata.tables.items()}
