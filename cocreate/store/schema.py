"""File identity, schema version and migrations of the .cocreate format."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection
from sqlmodel import SQLModel

from cocreate import model  # noqa: F401  (registers the tables on SQLModel.metadata)

#: PRAGMA application_id of every .cocreate file: "CoCr" in ASCII.
APPLICATION_ID = 0x436F4372

#: PRAGMA user_version written by this version of cocreate.
SCHEMA_VERSION = 1

#: MIGRATIONS[n] turns a file of schema version n into version n + 1. All the steps a file needs
#: run in one transaction on a copy, which replaces the original only when it is complete.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {}


def create_schema(conn: Connection) -> None:
    SQLModel.metadata.create_all(conn)
    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def table_names() -> set[str]:
    return set(SQLModel.metadata.tables)
