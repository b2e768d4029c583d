"""Reading rows with plain sqlite3 cursors: one statement per read, its SQL made once per
shape, each row a plain dict of its columns (records.Row), the booleans as bool.

The canvas reads every note of a board to show it: through SQLAlchemy Core each statement cost
its construction and compilation and each row a trip through the result's processors. Here a
row is one dict(zip(...)) of the tuple sqlite3 gives. The rows are the same as the model's
(the same columns in the same order, bool columns as bool). Table and column names are checked
against the model: an unknown one raises KeyError, as the SQLAlchemy reads did. No Qt.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import repeat
from typing import Any

from sqlalchemy import Boolean, Table
from sqlmodel import SQLModel

from cocreate.records import Row

#: The most ids one statement names (SQLite before 3.32 allows 999 parameters).
IDS_A_STATEMENT = 500


def table(name: str) -> Table:
    """The model's table (KeyError for a table that is not ours)."""
    return SQLModel.metadata.tables[name]


@cache
def columns(table_name: str) -> tuple[str, ...]:
    """The table's columns, in the model's order (KeyError for a table that is not ours)."""
    return tuple(column.name for column in table(table_name).columns)


@cache
def bool_columns(table_name: str) -> tuple[str, ...]:
    """The table's boolean columns (SQLite holds them as 0 and 1)."""
    return tuple(c.name for c in table(table_name).columns if isinstance(c.type, Boolean))


@cache
def _select(table_name: str) -> str:
    names = ", ".join(f'"{name}"' for name in columns(table_name))
    return f'SELECT {names} FROM "{table_name}"'


def _column(table_name: str, name: str) -> str:
    if name not in columns(table_name):
        raise KeyError(f"{table_name} has no column {name}")
    return f'"{name}"'


@cache
def _where_sql(table_name: str, names: tuple[tuple[str, bool], ...]) -> str:
    """WHERE for (column, whether its value is NULL) pairs: = ? for a value, IS NULL else."""
    if not names:
        return ""
    terms = [
        f"{_column(table_name, name)} IS NULL" if null else f"{_column(table_name, name)} = ?"
        for name, null in names
    ]
    return " WHERE " + " AND ".join(terms)


def _where(table_name: str, where: Row | None) -> tuple[str, list[Any]]:
    """The WHERE clause of columns equal to values (None: IS NULL), and its parameters."""
    if not where:
        return "", []
    shape = tuple((name, value is None) for name, value in where.items())
    params = [value for value in where.values() if value is not None]
    return _where_sql(table_name, shape), params


def as_rows(table_name: str, cursor: sqlite3.Cursor) -> list[Row]:
    """The cursor's rows of the table as dicts (its booleans as bool)."""
    rows: list[Row] = list(map(dict, map(zip, repeat(columns(table_name)), cursor.fetchall())))
    for name in bool_columns(table_name):
        for row in rows:
            value = row[name]
            if value is not None:
                row[name] = bool(value)
    return rows


def rows(
    raw: sqlite3.Connection, table_name: str, order_by: str = "id", where: Row | None = None
) -> list[Row]:
    """The rows whose columns equal `where` (None matches NULL), ordered by a column, then id."""
    clause, params = _where(table_name, where)
    order = _column(table_name, order_by)
    sql = f'{_select(table_name)}{clause} ORDER BY {order}, "id"'
    return as_rows(table_name, raw.execute(sql, params))


def row(raw: sqlite3.Connection, table_name: str, row_id: int) -> Row | None:
    found = as_rows(table_name, raw.execute(f'{_select(table_name)} WHERE "id" = ?', (row_id,)))
    return found[0] if found else None


def chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    """The ids a statement at a time (IDS_A_STATEMENT)."""
    for start in range(0, len(ids), IDS_A_STATEMENT):
        yield ids[start : start + IDS_A_STATEMENT]


def rows_where_in(
    raw: sqlite3.Connection, table_name: str, column: str, ids: Iterable[int]
) -> list[Row]:
    """The rows whose `column` is one of the ids (a few hundred ids a statement)."""
    wanted = sorted(set(ids))
    name = _column(table_name, column)
    found: list[Row] = []
    for chunk in chunks(wanted):
        marks = ", ".join("?" * len(chunk))
        sql = f"{_select(table_name)} WHERE {name} IN ({marks})"
        found += as_rows(table_name, raw.execute(sql, list(chunk)))
    return found


def count(raw: sqlite3.Connection, table_name: str, where: Row | None = None) -> int:
    columns(table_name)  # a table that is not ours: KeyError
    clause, params = _where(table_name, where)
    return raw.execute(f'SELECT count(*) FROM "{table_name}"{clause}', params).fetchone()[0]


def max_id(raw: sqlite3.Connection, table_name: str) -> int:
    """The table's largest id, 0 when it holds no row."""
    columns(table_name)  # a table that is not ours: KeyError
    return raw.execute(f'SELECT max("id") FROM "{table_name}"').fetchone()[0] or 0


def count_by(
    raw: sqlite3.Connection, table_name: str, names: Sequence[str], where: Row | None = None
) -> list[tuple[Any, ...]]:
    """(the columns' values…, how many rows hold them) for each group of rows that `where`
    selects: SQLite counts, no row is read into Python."""
    grouped = ", ".join(_column(table_name, name) for name in names)
    clause, params = _where(table_name, where)
    sql = f'SELECT {grouped}, count(*) FROM "{table_name}"{clause} GROUP BY {grouped}'
    return raw.execute(sql, params).fetchall()
