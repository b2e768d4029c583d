"""What the layers hand each other about the rows of a session file (no Qt, no SQL).

A row travels as a plain dict of its columns (`Row`). An edit, an undo or a redo reports what it
touched as a `Change`: the ids per table, split by inserted, updated and deleted, the columns the
updates changed and the deleted rows as they were. The store makes them; the document passes
them on to the canvas and the docks, which import them from here and never from the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cocreate.model import TABLES

#: One row of a table: column name -> value.
Row = dict[str, Any]

#: The tables of a session file, parents before the rows that refer to them.
TABLE_ORDER = [t.__tablename__ for t in TABLES]


@dataclass
class Change:
    """What an applied list of row ops touched: table name -> ids, split by what happened."""

    inserted: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    updated: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    deleted: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    # The columns the updates of each table changed, and the rows deleted, as they were.
    fields: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    removed: dict[str, dict[int, Row]] = field(default_factory=lambda: defaultdict(dict))

    def record_insert(self, table_name: str, row_id: int) -> None:
        self.inserted[table_name].add(row_id)

    def record_update(self, table_name: str, row_id: int, columns: Iterable[str]) -> None:
        self.updated[table_name].add(row_id)
        self.fields[table_name].update(columns)

    def record_delete(self, table_name: str, row: Row) -> None:
        self.deleted[table_name].add(row["id"])
        self.removed[table_name][row["id"]] = row

    def ids(self, table_name: str) -> set[int]:
        """Every row of the table the change inserted, updated or deleted."""
        return (
            self.inserted.get(table_name, set())
            | self.updated.get(table_name, set())
            | self.deleted.get(table_name, set())
        )

    def names_rows(self, table_name: str) -> bool:
        """Whether the change says which rows of the table it touched (Change.everything()
        names tables without rows: everything may have changed)."""
        return bool(self.ids(table_name)) or table_name not in self.tables

    @property
    def tables(self) -> set[str]:
        return {name for part in (self.inserted, self.updated, self.deleted) for name in part}

    def touches(self, *names: str) -> bool:
        return bool(self.tables.intersection(names))

    @classmethod
    def everything(cls) -> Change:
        """A change that asks every listener to show the whole file again (after a write
        that did not reach the file); it names every table, with no ids."""
        change = cls()
        for name in TABLE_ORDER:
            change.updated[name]  # noqa: B018 (touching the defaultdict names the table)
        return change
