"""Row operations: the only way a session file changes.

Every edit is a list of inserts, updates and deletes. Each has an exact inverse, so an undo
command is the same list inverted and reversed, applied in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, Table, delete, insert, select, update
from sqlmodel import SQLModel

from cocreate.records import TABLE_ORDER, Change, Row

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
    ("vote", "participant_id"): CASCADE,
    ("vote", "note_id"): CASCADE,
    ("vote", "touchpoint_id"): CASCADE,
}


def table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


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
        result = conn.execute(insert(table(self.table)).values(**self.row))
        if self.row.get("id") is None:
            self.row["id"] = result.inserted_primary_key[0]
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
        t = table(self.table)
        conn.execute(delete(t).where(t.c.id == self.row["id"]))
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
        t = table(self.table)
        conn.execute(update(t).where(t.c.id == self.id).values(**self.after))
        return self.id

    def inverse(self) -> Update:
        return Update(self.table, self.id, dict(self.after), dict(self.before))

    def record(self, change: Change, row_id: int) -> None:
        change.record_update(self.table, row_id, self.after)


Op = Insert | Update | Delete


def apply_ops(conn: Connection, ops: list[Op]) -> Change:
    change = Change()
    for op in ops:
        op.record(change, op.apply(conn))
    return change


def inverse_ops(ops: list[Op]) -> list[Op]:
    return [op.inverse() for op in reversed(ops)]


def insert_rows(conn: Connection, table_name: str, rows: list[Row]) -> None:
    """Many rows at once through SQLAlchemy Core (one executemany), inside a transaction."""
    if rows:
        conn.execute(insert(table(table_name)), rows)


def read_row(conn: Connection, table_name: str, row_id: int) -> Row | None:
    t = table(table_name)
    found = conn.execute(select(t).where(t.c.id == row_id)).mappings().first()
    return dict(found) if found is not None else None


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
    """delete_ops for rows of several tables at once (a mixed selection), in a safe order."""
    doomed: dict[str, dict[int, Row]] = defaultdict(dict)
    pending = [(name, row_id) for name, ids in targets.items() for row_id in ids]
    while pending:
        name, row_id = pending.pop()
        if row_id in doomed[name]:
            continue
        row = read_row(conn, name, row_id)
        if row is None:
            continue
        doomed[name][row_id] = row
        for child, column, policy in references_to(name):
            if policy != CASCADE:
                continue
            t = table(child)
            for (child_id,) in conn.execute(select(t.c.id).where(t.c[column] == row_id)):
                pending.append((child, child_id))
    ops: list[Op] = []
    for name in list(doomed):
        for child, column, policy in references_to(name):
            if policy != SET_NULL:
                continue
            t = table(child)
            query = select(t.c.id, t.c[column]).where(t.c[column].in_(list(doomed[name])))
            for child_id, value in conn.execute(query):
                if child_id not in doomed[child]:
                    ops.append(Update(child, child_id, {column: value}, {column: None}))
    for name in reversed(TABLE_ORDER):
        ops.extend(Delete(name, row) for row in doomed.get(name, {}).values())
    return ops
