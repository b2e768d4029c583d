"""Writing rows with plain sqlite3 statements, on the file's own connection inside the
transaction the session file began: the writing half of cocreate.store.reads.

Through SQLAlchemy Core each new file compiled every INSERT, UPDATE and DELETE again (its
compiled-statement cache belongs to one engine, and every file has its own): some 2 ms a
statement, 25 ms to write the demo, and the first edit of each kind after an open paid it too.
Here the SQL of each shape is made once per process.

The rows written are the ones SQLAlchemy wrote: a column left out of an inserted row takes the
model's default; a boolean column takes only True, False, 0, 1 or None (TypeError otherwise);
an unknown table or column raises KeyError. Statements run through a cursor (`cursor()`), as
SQLAlchemy's did. No Qt.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from cocreate.records import Row
from cocreate.store.reads import bool_columns, chunks, columns, table


@cache
def _defaults(table_name: str) -> tuple[tuple[str, Any], ...]:
    """(column, the value a row that leaves it out takes) in the model's order."""
    found = []
    for column in table(table_name).columns:
        default = column.default
        found.append((column.name, default.arg if default is not None else None))
    return tuple(found)


def _stored(table_name: str, name: str, value: Any) -> Any:
    """The value as SQLite stores it: a boolean as 0 or 1 (TypeError for any other value)."""
    if value is not None and name in bool_columns(table_name):
        if value not in (True, False):  # 0 and 1 are equal to False and True
            raise TypeError(f"Not a boolean value: {value!r}")
        return int(value)
    return value


def _checked(table_name: str, names: Iterable[str]) -> None:
    """KeyError for a column the table does not have."""
    unknown = set(names) - set(columns(table_name))
    if unknown:
        raise KeyError(f"{table_name} has no column {', '.join(sorted(unknown))}")


def _full_row(table_name: str, row: Row) -> list[Any]:
    """Every column's value for an INSERT, in the model's order."""
    _checked(table_name, row)
    return [
        _stored(table_name, name, row[name]) if name in row else default
        for name, default in _defaults(table_name)
    ]


@cache
def _insert_sql(table_name: str) -> str:
    names = columns(table_name)
    quoted = ", ".join(f'"{name}"' for name in names)
    return f'INSERT INTO "{table_name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'


def insert(raw: sqlite3.Connection, table_name: str, row: Row) -> int:
    """Insert one row; its id (the one it holds, or the one SQLite gave it)."""
    cursor = raw.cursor()
    cursor.execute(_insert_sql(table_name), _full_row(table_name, row))
    row_id = row.get("id")
    return row_id if row_id is not None else int(cursor.lastrowid or 0)


def insert_many(raw: sqlite3.Connection, table_name: str, rows: Iterable[Row]) -> None:
    """Insert many rows in one executemany."""
    values = [_full_row(table_name, row) for row in rows]
    if values:
        raw.cursor().executemany(_insert_sql(table_name), values)


@cache
def _update_sql(table_name: str, names: tuple[str, ...]) -> str:
    sets = ", ".join(f'"{name}" = ?' for name in names)
    return f'UPDATE "{table_name}" SET {sets} WHERE "id" = ?'


def update(raw: sqlite3.Connection, table_name: str, row_id: int, fields: Row) -> None:
    """Set the fields of one row."""
    _checked(table_name, fields)
    values = [_stored(table_name, name, value) for name, value in fields.items()]
    raw.cursor().execute(_update_sql(table_name, tuple(fields)), [*values, row_id])


def delete(raw: sqlite3.Connection, table_name: str, row_ids: Sequence[int]) -> None:
    """Delete the rows, a few hundred ids a statement."""
    columns(table_name)  # a table that is not ours: KeyError
    cursor = raw.cursor()
    for chunk in chunks(row_ids):
        marks = ", ".join("?" * len(chunk))
        cursor.execute(f'DELETE FROM "{table_name}" WHERE "id" IN ({marks})', list(chunk))


def set_column(
    raw: sqlite3.Connection, table_name: str, column: str, value: Any, row_ids: Sequence[int]
) -> None:
    """Set one column of the rows to one value, a few hundred ids a statement."""
    _checked(table_name, [column])
    value = _stored(table_name, column, value)
    cursor = raw.cursor()
    for chunk in chunks(row_ids):
        marks = ", ".join("?" * len(chunk))
        sql = f'UPDATE "{table_name}" SET "{column}" = ? WHERE "id" IN ({marks})'
        cursor.execute(sql, [value, *chunk])
