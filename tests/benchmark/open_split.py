"""Opening a session to a painted canvas, split into its phases, beside a raw sqlite3 read of
the same rows in the same process (Qt-free but for the canvas the caller builds).

The phases of one open (tests.benchmark.measure.Canvas runs them in this order):
- file: Document.open, the file opened with its checks (header, lock, quick_check, the
  schema's tables and columns, every row against cocreate.rules);
- read: the time the canvas spends inside the session file's read methods while it builds and
  first paints (every statement it runs is recorded too);
- scene: building the scene's items, the rest of JourneyTabs.set_document;
- paint: the window shown and its first paint, less any reads in it.

The baseline: the SELECT statements the canvas ran, replayed on a fresh sqlite3 connection
and fetched as plain tuples (connect included): a raw read of the same rows.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cocreate.store import SessionFile, row_check

#: The read methods of a SessionFile: all of its reading goes through them.
READ_METHODS = ("row", "rows", "rows_by_id", "votes_on", "count", "session_row", "reading")
#: The phases of an open, in order, as the JSON names them (ms each).
PHASES = ("file_ms", "read_ms", "scene_ms", "paint_ms")


class ReadTimer:
    """Times the reads of one open session file (the outermost call of nested ones) and records
    the statements SQLite runs meanwhile, as SQLite expands them (values inlined)."""

    def __init__(self, store: SessionFile) -> None:
        self.store = store
        self.ns = 0
        self.statements: list[str] = []
        self._depth = 0
        for name in READ_METHODS:
            if hasattr(store, name):
                wrapped = getattr(store, name)
                timed = self._timed_context(wrapped) if name == "reading" else self._timed(wrapped)
                setattr(store, name, timed)
        store._raw.set_trace_callback(self.statements.append)

    def close(self) -> None:
        self.store._raw.set_trace_callback(None)
        for name in READ_METHODS:
            self.store.__dict__.pop(name, None)  # the class's own methods again

    @property
    def ms(self) -> float:
        return self.ns / 1e6

    def _timed(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._depth += 1
            start = time.perf_counter_ns()
            try:
                return method(*args, **kwargs)
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.ns += time.perf_counter_ns() - start

        return timed

    def _timed_context(self, method: Callable[..., Any]) -> Callable[..., Any]:
        @contextmanager
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            self._depth += 1
            start = time.perf_counter_ns()
            try:
                with method(*args, **kwargs) as value:
                    yield value
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.ns += time.perf_counter_ns() - start

        return timed

    def selects(self) -> list[str]:
        """The statements that read rows (not the BEGINs, pragmas or writes)."""
        return [sql for sql in self.statements if sql.lstrip()[:6].upper() in ("SELECT", "WITH S")]


def raw_read_ms(path: Path, statements: list[str]) -> tuple[float, int]:
    """Ms to connect to the file with plain sqlite3 and fetch every statement's rows as
    tuples, and how many rows that is."""
    start = time.perf_counter_ns()
    conn = sqlite3.connect(path)
    try:
        rows = sum(len(conn.execute(sql).fetchall()) for sql in statements)
    finally:
        conn.close()
    return (time.perf_counter_ns() - start) / 1e6, rows


def check_ms(path: Path) -> dict[str, float]:
    """Ms of the file's two scans on open, each alone on a fresh connection: SQLite's
    quick_check and cocreate's check of every row (cocreate.store.row_check)."""
    conn = sqlite3.connect(path)
    try:
        start = time.perf_counter_ns()
        conn.execute("PRAGMA quick_check").fetchall()
        quick = time.perf_counter_ns()
        row_check.check_rows(path, conn)
        rows = time.perf_counter_ns()
    finally:
        conn.close()
    return {"quick_check_ms": (quick - start) / 1e6, "row_check_ms": (rows - quick) / 1e6}
