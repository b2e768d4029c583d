"""Row operations: the only way a session file changes.

Every edit is a list of inserts, updates and deletes. Each has an exact inverse, so an undo
command is the same list inverted and reversed, applied in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection

from cocreate.records import TABLE_ORDER, Change, Row
from cocreate.store import reads, writes
from cocreate.store.reads import table

CASCADE, SET_NULL = "cascade", "set_null"

#: What deleting a parent row does to the rows that refer to it: (child, column) -> policy.
#: SQLite's own foreign keys have no ON DELETE action, so a reference left out here makes the
#: delete fail loudly instead of vanishing rows that undo could not bring back.
ON_DELETE: dict[tuple[str, str], str] = {
    ("journey", "persona_id"): SET_NULL,
    ("stage", "journey_id"): CASCADE,
    ("lane", "journey_id"): CASCADE,
    ("touchpoint", "journey_id"): CASCADE,
    ("touchpoint", "stage_id"): CASCADE,
    ("touchpoint", "lane_id"): CASCADE,
    ("link", "journey_id"): CASCADE,
    ("link", "source_id"): CASCADE,
    ("link", "target_id"): CASCADE,
    ("cluster", "journey_id"): CASCADE,
    ("note", "journey_id"): CASCADE,
    ("note", "author_id"): SET_NULL,
    ("note", "stage_id"): SET_NULL,
    ("note", "touchpoint_id"): SET_NULL,
    ("note", "cluster_id"): SET_NULL,
    ("note", "feedback_id"): SET_NULL,
    # Survey answers go with their journey; a deleted stage or card leaves them to the journey.
    ("feedback", "journey_id"): CASCADE,
    ("feedback", "stage_id"): SET_NULL,
    ("feedback", "touchpoint_id"): SET_NULL,
    ("vote", "participant_id"): CASCADE,
    ("vote", "note_id"): CASCADE,
    ("vote", "touchpoint_id"): CASCADE,
}


@cache
def references_to(parent: str) -> list[tuple[str, str, str]]:
    """(child table, column, policy) for every column that refers to the parent table."""
    found = []
    for child in TABLE_ORDER:
        for column in table(child).columns:
            for fk in column.foreign_keys:
                if fk.column.table.name == parent:
                    found.append((child, column.name, ON_DELETE[(child, column.name)]))
    return found


@dataclass
class Insert:
    table: str
    row: Row  # holds the new id once the insert has run

    def apply(self, conn: Connection) -> int:
        self.row["id"] = writes.insert(driver(conn), self.table, self.row)
        return self.row["id"]

    def inverse(self) -> Delete:
        return Delete(self.table, dict(self.row))

    def record(self, change: Change, row_id: int) -> None:
        change.record_insert(self.table, row_id)


@dataclass
class Delete:
    table: str
    row: Row

    def apply(self, conn: Connection) -> int:
        writes.delete(driver(conn), self.table, [self.row["id"]])
        return self.row["id"]

    def inverse(self) -> Insert:
        return Insert(self.table, dict(self.row))

    def record(self, change: Change, row_id: int) -> None:
        change.record_delete(self.table, self.row)


@dataclass
class Update:
    table: str
    id: int
    before: Row
    after: Row

    def apply(self, conn: Connection) -> int:
        writes.update(driver(conn), self.table, self.id, self.after)
        return self.id

    def inverse(self) -> Update:
        return Update(self.table, self.id, dict(self.after), dict(self.before))

    def record(self, change: Change, row_id: int) -> None:
        change.record_update(self.table, row_id, self.after)


@dataclass
class InsertMany:
    """Many rows of one table in one statement (an executemany through SQLAlchemy Core): an
    import of thousands of survey answers is one op, not one per row. Every row holds its id."""

    table: str
    rows: list[Row]

    def apply(self, conn: Connection) -> int:
        insert_rows(conn, self.table, self.rows)
        return len(self.rows)

    def inverse(self) -> DeleteMany:
        return DeleteMany(self.table, [dict(row) for row in self.rows])

    def record(self, change: Change, row_id: int) -> None:
        for row in self.rows:
            change.record_insert(self.table, row["id"])


@dataclass
class DeleteMany:
    """Many rows of one table deleted by id, a few hundred ids a statement."""

    table: str
    rows: list[Row]

    def apply(self, conn: Connection) -> int:
        writes.delete(driver(conn), self.table, [row["id"] for row in self.rows])
        return len(self.rows)

    def inverse(self) -> InsertMany:
        return InsertMany(self.table, [dict(row) for row in self.rows])

    def record(self, change: Change, row_id: int) -> None:
        for row in self.rows:
            change.record_delete(self.table, row)


@dataclass
class SetMany:
    """One column of many rows of one table set, each to its own value (grouped by value, a
    few hundred ids a statement): the answers of a deleted card unlinked in a few statements."""

    table: str
    column: str
    before: dict[int, Any]
    after: dict[int, Any]

    def apply(self, conn: Connection) -> int:
        by_value: dict[Any, list[int]] = defaultdict(list)
        for row_id, value in self.after.items():
            by_value[value].append(row_id)
        for value, ids in by_value.items():
            writes.set_column(driver(conn), self.table, self.column, value, ids)
        return len(self.after)

    def inverse(self) -> SetMany:
        return SetMany(self.table, self.column, dict(self.after), dict(self.before))

    def record(self, change: Change, row_id: int) -> None:
        for changed_id in self.after:
            change.record_update(self.table, changed_id, [self.column])


Op = Insert | Update | Delete | InsertMany | DeleteMany | SetMany

#: Tables whose rows come and go by the thousand (survey answers): deleted and unlinked by bulk
#: ops (DeleteMany, SetMany) rather than one op a row.
BULK_TABLES = frozenset({"feedback"})


def apply_ops(conn: Connection, ops: list[Op]) -> Change:
    change = Change()
    for op in ops:
        op.record(change, op.apply(conn))
    return change


def inverse_ops(ops: list[Op]) -> list[Op]:
    return [op.inverse() for op in reversed(ops)]


def driver(conn: Connection) -> sqlite3.Connection:
    """The connection's own sqlite3 connection, inside its transaction: cocreate.store.reads
    and cocreate.store.writes run their plain statements on it."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def insert_rows(conn: Connection, table_name: str, rows: list[Row]) -> None:
    """Many rows at once (one executemany), inside a transaction."""
    writes.insert_many(driver(conn), table_name, rows)


def read_row(conn: Connection, table_name: str, row_id: int) -> Row | None:
    """The row as it stands in the connection's transaction."""
    return reads.row(driver(conn), table_name, row_id)


def update_op(conn: Connection, table_name: str, row_id: int, fields: Row) -> Update | None:
    """An update of the given fields, or None when nothing would change."""
    current = read_row(conn, table_name, row_id)
    if current is None:
        raise KeyError(f"{table_name} {row_id} does not exist")
    unknown = set(fields) - set(current)
    if unknown:
        raise KeyError(f"{table_name} has no column {', '.join(sorted(unknown))}")
    changed = {key: value for key, value in fields.items() if current[key] != value}
    if not changed:
        return None
    return Update(table_name, row_id, {key: current[key] for key in changed}, changed)


def delete_ops(conn: Connection, table_name: str, row_ids: list[int]) -> list[Op]:
    """Ops that delete the rows and everything that depends on them, unlinking the rest."""
    return delete_many_ops(conn, {table_name: row_ids})


def delete_many_ops(conn: Connection, targets: dict[str, list[int]]) -> list[Op]:
    """delete_ops for rows of several tables at once (a mixed selection), in a safe order.

    Each row is read once, its cascading children with one query per child table; the rows of
    BULK_TABLES (thousands of survey answers) are deleted and unlinked by a few statements."""
    doomed: dict[str, dict[int, Row]] = defaultdict(dict)
    pending = [(name, row) for name, ids in targets.items() for row in _read_rows(conn, name, ids)]
    while pending:
        name, row = pending.pop()
        if row["id"] in doomed[name]:
            continue
        doomed[name][row["id"]] = row
        for child, column, policy in references_to(name):
            if policy == CASCADE:
                found = reads.rows(driver(conn), child, where={column: row["id"]})
                pending.extend((child, child_row) for child_row in found)
    ops: list[Op] = []
    for name in list(doomed):
        for child, column, policy in references_to(name):
            if policy == SET_NULL:
                ops.extend(_unlink_ops(conn, child, column, doomed[name], doomed[child]))
    for name in reversed(TABLE_ORDER):
        rows = list(doomed.get(name, {}).values())
        if name in BULK_TABLES and rows:
            ops.append(DeleteMany(name, rows))
        else:
            ops.extend(Delete(name, row) for row in rows)
    return ops


def _read_rows(conn: Connection, table_name: str, row_ids: list[int]) -> list[Row]:
    return reads.rows_where_in(driver(conn), table_name, "id", row_ids)


def _unlink_ops(
    conn: Connection, child: str, column: str, parents: dict[int, Row], doomed: dict[int, Row]
) -> list[Op]:
    """The updates that clear the child rows' references to the doomed parents (the children
    that are doomed themselves are left to their delete)."""
    before: dict[int, Any] = {}
    for found in reads.rows_where_in(driver(conn), child, column, parents):
        if found["id"] not in doomed:
            before[found["id"]] = found[column]
    if child in BULK_TABLES and before:
        return [SetMany(child, column, before, dict.fromkeys(before))]
    return [
        Update(child, child_id, {column: value}, {column: None})
        for child_id, value in before.items()
    ]
