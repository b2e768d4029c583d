"""A disk that fills up or fails, for the tests: by fault injection at the connection (works
everywhere), and by a real small tmpfs (where the machine lets the tests mount one).

Fault injection: `failing_disk(fault)` makes every sqlite3 connection the process opens count
its writes (INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, COMMIT, a backup, setting the schema
version) and raise sqlite3.OperationalError("database or disk is full") or ("disk I/O error")
at the Nth one, as SQLite says them. `DiskFault(rolls_back=True)` first rolls the transaction
back, as SQLite may do on these errors. A full disk stays full until `fault.free()`.

A real disk: `small_disk(size)` mounts a tmpfs of that size (root only; the test is skipped
cleanly when mounting is not allowed) and always unmounts it; `fill(folder)` fills it up.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

FULL = "database or disk is full"
IO_ERROR = "disk I/O error"

#: What a statement that writes starts with (a PRAGMA writes when it sets the schema version).
_WRITES = re.compile(
    r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|COMMIT|END|PRAGMA\s+user_version\s*=)",
    re.IGNORECASE,
)


@dataclass
class DiskFault:
    """The Nth write fails with `error`; a full disk (until_freed) refuses every write after it
    too, until free()."""

    at: int
    error: str = FULL
    rolls_back: bool = False
    until_freed: bool = True
    writes: int = 0
    failed: int = 0
    freed: bool = False
    log: list[str] = field(default_factory=list)

    def free(self) -> None:
        self.freed = True

    def check(self, conn: sqlite3.Connection, what: str) -> None:
        """Count a write; raise when this one fails."""
        self.writes += 1
        failing = self.writes == self.at or (
            self.until_freed and self.writes > self.at and not self.freed
        )
        if not failing or self.freed:
            return
        self.failed += 1
        self.log.append(what)
        if self.rolls_back and conn.in_transaction:
            sqlite3.Connection.execute(conn, "ROLLBACK")
        raise sqlite3.OperationalError(self.error)


class _FaultyCursor(sqlite3.Cursor):
    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        _check(self.connection, sql)
        return super().execute(sql, parameters)

    def executemany(self, sql: str, seq: Any, /) -> sqlite3.Cursor:
        _check(self.connection, sql)
        return super().executemany(sql, seq)


class _FaultyConnection(sqlite3.Connection):
    fault: DiskFault | None = None

    def cursor(self, factory: Any = None) -> sqlite3.Cursor:  # type: ignore[override]
        return super().cursor(factory or _FaultyCursor)

    def commit(self) -> None:
        if self.in_transaction:
            _check(self, "COMMIT")
        super().commit()

    def backup(self, target: sqlite3.Connection, **kwargs: Any) -> None:  # type: ignore[override]
        if self.fault is not None:
            self.fault.check(self, "backup")
        super().backup(target, **kwargs)


def _check(conn: sqlite3.Connection, sql: str) -> None:
    fault = getattr(conn, "fault", None)
    if fault is not None and _WRITES.match(sql):
        fault.check(conn, sql.split(None, 1)[0].upper())


@contextmanager
def failing_disk(fault: DiskFault) -> Iterator[DiskFault]:
    """Every sqlite3 connection opened inside counts its writes against `fault`."""
    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        kwargs.setdefault("factory", _FaultyConnection)
        conn = real_connect(*args, **kwargs)
        if isinstance(conn, _FaultyConnection):
            conn.fault = fault
        return conn

    with mock.patch.object(sqlite3, "connect", connect):
        yield fault


# -- a real small disk ---------------------------------------------------------------------------


def _mount_allowed() -> bool:
    return os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def small_disk(size: str = "1m") -> Iterator[Path]:
    """A tmpfs of `size` mounted on a new folder, unmounted (and the folder removed) after.
    Skips the test when the machine does not allow mounting one."""
    if not _mount_allowed() or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    folder = Path(tempfile.mkdtemp(prefix="cocreate-small-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=1777", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        folder.rmdir()


FILLER = "filler.bin"


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk holding folder until at most `leave` bytes are free; the filler file."""
    filler = folder / FILLER
    with open(filler, "ab") as handle:
        chunk = b"\0" * 4096
        while free_bytes(folder) > leave:
            try:
                handle.write(chunk)
                handle.flush()
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
                break
    return filler


def free_bytes(folder: Path) -> int:
    usage = os.statvfs(folder)
    return usage.f_bavail * usage.f_frsize


def make_room(folder: Path) -> None:
    (folder / FILLER).unlink(missing_ok=True)
