"""Trials of a full or failing disk at the Nth write, family by family, counted as the issue
asks: tried, survived (file intact, opens, undo consistent, the old target untouched), failed
(the fault fired and the write was refused), data lost.

Fault injection (tests/disk_faults.py) drives edits, Save As, upgrades and new sessions at every
write they make; a real 1 MB tmpfs drives the exports at every level of free space up to what
they need. `python -m tests.disk_trials` prints the table; tests/test_full_disk.py keeps it in
the suite (slow).

The full run (`python -m tests.disk_trials`, or COCREATE_DISK_TRIALS=all for the test) fails
every write with each of the four kinds of failure and tries about a dozen levels of free space
per export. The suite's everyday run fails every write once, the kinds taking turns (so each
write and each kind still fails), except that a new session or demo copy fails at the first,
middle and last write of each run of one kind of statement (its 33 CREATEs are one run), and
tries four levels per export. Levels past the free space of the disk are one trial, run once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from cocreate import atomic
from cocreate.demo import write_demo
from cocreate.model import TABLES
from cocreate.path_checks import OutputPathError
from cocreate.store import Insert, SessionFile, SessionFileError, schema
from tests.disk_faults import (
    FULL,
    IO_ERROR,
    DiskFault,
    failing_disk,
    fill,
    free_bytes,
    make_room,
    small_disk,
)

DISK_WORDS = ("disk_full", "io_error", atomic.DISK_FULL, atomic.DISK_ERROR)
KINDS = [(FULL, False), (FULL, True), (IO_ERROR, False), (IO_ERROR, True)]
#: Every kind at every write, a dozen free-space levels per export (see the top of the module).
FULL_RUN = os.environ.get("COCREATE_DISK_TRIALS") == "all"
Point = TypeVar("Point")


def with_kinds(points: Iterable[Point]) -> Iterator[tuple[Point, str, bool]]:
    """Each point (a write to fail, and what else the trial varies) with every kind of failure
    in the full run, else with one kind each in turn."""
    for index, point in enumerate(points):
        for error, rolls_back in KINDS if FULL_RUN else [KINDS[index % len(KINDS)]]:
            yield point, error, rolls_back


@dataclass
class Tally:
    family: str
    tried: int = 0
    survived: int = 0
    failed: int = 0
    lost: int = 0

    def add(self, survived: bool, failed: bool, lost: bool) -> None:
        self.tried += 1
        self.survived += survived
        self.failed += failed
        self.lost += lost

    def row(self) -> str:
        return f"| {self.family} | {self.tried} | {self.survived} | {self.failed} | {self.lost} |"


Dump = dict[str, list[dict[str, Any]]]


def dump_file(path: Path) -> Dump:
    store = SessionFile.open(path, read_only=True, lock=False)
    try:
        return dump(store)
    finally:
        store.close()


def dump(store: SessionFile) -> Dump:
    return {model.__tablename__: store.rows(model.__tablename__) for model in TABLES}


def holds(path: Path, expected: Dump, read_from: bytes) -> bool:
    """The file holds the rows `expected`, which dump_file() read from the bytes `read_from`:
    at once while it is still those bytes with no journal beside it to roll back (the same
    bytes hold the same rows), else opened and read again, as every trial did."""
    if path.read_bytes() == read_from and not Path(f"{path}-journal").exists():
        return True
    return dump_file(path) == expected


@dataclass
class Dumps:
    """dump() of a store, read once per content of its file. SQLite is deterministic, so the
    trials of a family pass through the same files again and again (the steps before a trial's
    fault, each refused step, the same undos): reading every row of every table each time was
    40% of the edits' time. A file is known by the SHA-256 of its pages as the store's own
    connection sees them (sqlite3's serialize, its uncommitted changes included): the same
    pages hold the same rows. Kept for one family's run (the edits': some 170 files' rows,
    about 60 MB)."""

    known: dict[bytes, Dump] = field(default_factory=dict)

    def of(self, store: SessionFile) -> Dump:
        key = hashlib.sha256(store._raw.serialize()).digest()
        if key not in self.known:
            self.known[key] = dump(store)
        return self.known[key]


def intact(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def opens(path: Path) -> bool:
    try:
        SessionFile.open(path).close()
    except SessionFileError:
        return False
    return True


def leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith("-journal")
    )


def said_the_disk(error: BaseException) -> bool:
    words = getattr(error, "problem", None) or getattr(error, "strerror", None)
    return words in DISK_WORDS


@contextmanager
def folder() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="cocreate-disk-trials-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@cache
def _demo_bytes() -> bytes:
    with folder() as place:
        write_demo(place / "demo.cocreate")
        return (place / "demo.cocreate").read_bytes()


def copy_of_demo(path: Path) -> None:
    """The demo at path, a copy of one built once: the families' sources are the same file, and
    building it (the demo's rows, its schema, one transaction) cost each family anew."""
    with open(path, "xb") as handle:  # a new file, as write_demo makes
        handle.write(_demo_bytes())


# -- edits, with the undo history --------------------------------------------------------------


def edit_steps(document: Any) -> list[Callable[[], object]]:
    """A salon's edits of every kind: one transaction each (the last one: three phones' edits
    in one batch), each one or more undo steps."""
    journey = document.rows("journey")[0]["id"]
    card = document.rows("touchpoint", journey_id=journey)[0]["id"]
    notes = [row["id"] for row in document.rows("note", journey_id=journey)]

    def batch() -> bool:
        with document.batch() as made:
            for n in range(3):
                document.execute(
                    "Add Note", [Insert("note", {"journey_id": journey, "text": f"b{n}"})]
                )
        return made.committed

    return [
        lambda: document.rename_session("满 full 1"),
        lambda: document.add_note(journey, "a note 便签", None, 10.0, 20.0),
        lambda: document.add_participant("Ann 安", "#ef9a9a", "participant"),
        lambda: document.type_touchpoint_text([card], "title", "typed 1", 7),
        lambda: document.type_touchpoint_text([card], "title", "typed 12", 7),
        lambda: document.update_notes(notes[:3], color="#ffe082"),
        lambda: document.delete_items([], [], notes[3:5]),
        lambda: document.add_stage(journey, "New stage 新阶段"),
        batch,
        lambda: document.rename_session("满 full 2"),
    ]


def edit_trial(
    source: Path, work: Path, at: int, error: str, rolls_back: bool, dumps: Dumps
) -> tuple:
    """(survived, failed, lost) of the steps with the disk failing from the `at`th write until
    two steps later."""
    from cocreate.document import Document

    shutil.copyfile(source, work)
    fault = DiskFault(at=at, error=error, rolls_back=rolls_back)
    ok = True
    with failing_disk(fault):
        document = Document.open(work)
    told: list[object] = []
    document.write_failed.connect(told.append)
    try:
        document.undo_stack.clear()
        states = [dumps.of(document.store)]  # the file after each step the file took
        counts = [0]
        steps = edit_steps(document)
        failed_at = None
        after = states[0]
        for index, step in enumerate(steps):
            before, told_before = after, len(told)  # nothing wrote since the last dump
            step()
            after = dumps.of(document.store)
            if len(told) > told_before:  # refused: nothing of it in the file
                failed_at = index if failed_at is None else failed_at
                ok &= after == before and said_the_disk(told[-1])
            elif after != before and document.undo_stack.count() == counts[-1]:
                states[-1] = after  # typing merged into the step before: one undo step
            elif after != before:
                states.append(after)
                counts.append(document.undo_stack.count())
            if failed_at is not None and index >= failed_at + 1:
                fault.free()  # space again: the edits after this just work
        ok &= document.undo_stack.count() == counts[-1]
        fault.free()  # the undo and redo below need space too
        lost = dumps.of(document.store) != states[-1]
        for state, count in zip(reversed(states[:-1]), reversed(counts[:-1]), strict=True):
            while document.undo_stack.index() > count:
                document.undo_stack.undo()
            lost |= dumps.of(document.store) != state
        while document.undo_stack.canRedo():
            document.undo_stack.redo()
        lost |= dumps.of(document.store) != states[-1]
    finally:
        document.close()
    ok &= intact(work) and opens(work) and leftovers(work.parent) == []
    return ok and not lost, fault.failed > 0, lost


def edit_writes(source: Path, work: Path) -> int:
    """How many writes the steps make with a disk that never fails."""
    from cocreate.document import Document

    shutil.copyfile(source, work)
    fault = DiskFault(at=10**9)
    with failing_disk(fault):
        document = Document.open(work)
        try:
            for step in edit_steps(document):
                step()
        finally:
            document.close()
    return fault.writes


def edits_family(place: Path) -> Tally:
    tally = Tally("edits (10 steps, every Nth write; full/IO, with and without SQLite's rollback)")
    source = place / "demo.cocreate"
    copy_of_demo(source)
    writes = edit_writes(source, place / "count.cocreate")
    dumps = Dumps()
    for at, error, rolls_back in with_kinds(range(1, writes + 2)):
        tally.add(*edit_trial(source, place / "work.cocreate", at, error, rolls_back, dumps))
    return tally


# -- Save As ------------------------------------------------------------------------------------


def save_as_family(place: Path) -> Tally:
    from cocreate.document import Document

    tally = Tally("Save As (every write; old target present or not)")
    source = place / "demo.cocreate"
    copy_of_demo(source)
    out = place / "out"
    out.mkdir()
    points = [(at, old_target) for at in range(1, 4) for old_target in (False, True)]
    for (at, old_target), error, rolls_back in with_kinds(points):
        target = out / "saved.cocreate"
        target.unlink(missing_ok=True)
        if old_target:
            target.write_bytes(b"the old target")
        work = place / "work.cocreate"
        shutil.copyfile(source, work)
        fault = DiskFault(at=at, error=error, rolls_back=rolls_back)
        with failing_disk(fault):
            document = Document.open(work)
            expected = dump(document.store)
            ok = True
            try:
                try:
                    document.save_as(target)
                except (SessionFileError, OSError) as refused:
                    ok &= said_the_disk(refused) and document.path == work
                    kept = target.exists() and target.read_bytes() == b"the old target"
                    ok &= kept == old_target and (old_target or not target.exists())
                    ok &= leftovers(out) == []
                fault.free()
                document.save_as(target)
                ok &= document.path == target
            finally:
                document.close()
        lost = dump_file(target) != expected or dump_file(work) != expected
        ok &= intact(target) and intact(work) and leftovers(out) == []
        tally.add(ok and not lost, fault.failed > 0, lost)
    return tally


def save_as_disk_family() -> Tally:
    """Save As onto a real 1 MB tmpfs with from 0 to more than the copy needs free."""
    from cocreate.document import Document

    step = STEP if FULL_RUN else 4 * STEP
    tally = Tally(
        "Save As onto a real 1 MB tmpfs (free space from 0 to twice the copy's size,"
        f" by {step // 1024} KB)"
    )
    with small_disk("1m") as disk, folder() as place:
        source = place / "demo.cocreate"
        copy_of_demo(source)
        expected, as_built = dump_file(source), source.read_bytes()
        for leave in range(0, 2 * source.stat().st_size, step):
            work = place / "work.cocreate"
            shutil.copyfile(source, work)
            target = disk / "saved.cocreate"
            target.write_bytes(b"the old target")
            fill(disk, leave)
            document = Document.open(work)
            ok, failed = True, False
            try:
                document.save_as(target)
            except (SessionFileError, OSError) as refused:
                failed = True
                ok &= said_the_disk(refused) and document.path == work
                ok &= target.read_bytes() == b"the old target"
            finally:
                document.close()
            lost = not holds(work, expected, as_built)
            if not failed:
                lost |= not intact(target) or dump_file(target) != expected
            ok &= leftovers(disk) == []
            make_room(disk)
            target.unlink()
            tally.add(ok and not lost, failed, lost)
    return tally


# -- upgrades -----------------------------------------------------------------------------------


def _add_mood(conn: Any) -> None:
    conn.exec_driver_sql("ALTER TABLE session ADD COLUMN mood TEXT NOT NULL DEFAULT 'calm'")
    conn.exec_driver_sql("UPDATE note SET text = text || ''")


def migration_family(place: Path) -> Tally:
    tally = Tally("upgrade of an older file (every write)")
    source = place / "old.cocreate"
    copy_of_demo(source)
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    saved = schema.SCHEMA_VERSION, schema.MIGRATIONS
    schema.SCHEMA_VERSION, schema.MIGRATIONS = 2, {1: _add_mood}
    try:
        expected = dump_file(source)
        for at, error, rolls_back in with_kinds(range(1, 7)):  # the upgrade writes 5 times
            work = place / "work.cocreate"
            shutil.copyfile(source, work)
            before = work.read_bytes()
            fault = DiskFault(at=at, error=error, rolls_back=rolls_back)
            ok = True
            with failing_disk(fault):
                try:
                    SessionFile.open(work).close()
                except SessionFileError as refused:
                    ok &= said_the_disk(refused) and work.read_bytes() == before
            ok &= leftovers(place) == []
            SessionFile.open(work).close()  # space again: upgraded
            lost = dump_file(work) != expected
            ok &= intact(work)
            tally.add(ok and not lost, fault.failed > 0, lost)
    finally:
        schema.SCHEMA_VERSION, schema.MIGRATIONS = saved
    return tally


# -- new sessions and recovery files -----------------------------------------------------------


def recovery_family(place: Path) -> Tally:
    """A new untitled session, the demo copy and the recovery scan with the disk failing at the
    Nth write: refused in one error or made whole, never half a file; what was there before
    is still offered."""
    writes = "every write" if FULL_RUN else "first, middle and last write of each kind"
    tally = Tally(f"new sessions, demo copies and recovery files ({writes})")
    saved = os.environ.get("COCREATE_DATA_DIR")
    os.environ["COCREATE_DATA_DIR"] = str(place / "data")
    try:
        _recovery_trials(place, tally)
    finally:
        if saved is None:
            os.environ.pop("COCREATE_DATA_DIR", None)
        else:
            os.environ["COCREATE_DATA_DIR"] = saved
    return tally


class _Recording(DiskFault):
    """A disk that never fails and notes what each write was (CREATE, INSERT, COMMIT…)."""

    def __init__(self) -> None:
        super().__init__(at=10**9)
        self.kinds: list[str] = []

    def check(self, conn: sqlite3.Connection, what: str) -> None:
        self.kinds.append(what)
        super().check(conn, what)


def _write_points(make: Callable[[], Any]) -> list[int]:
    """The writes to fail (1 is the first; one past the last fails nothing): every one in the
    full run; else the first, the middle and the last of each run of writes of one kind (the
    33 CREATEs of a new file are one such run), and the one past the last."""
    fault = _Recording()
    with failing_disk(fault):
        make().close(discard=True)
    if FULL_RUN:
        return list(range(1, len(fault.kinds) + 2))
    points = {len(fault.kinds) + 1}
    start = 1
    for at in range(1, len(fault.kinds) + 1):
        if at == len(fault.kinds) or fault.kinds[at] != fault.kinds[at - 1]:  # a run ends at `at`
            points |= {start, (start + at) // 2, at}
            start = at + 1
    return sorted(points)


def _recovery_trials(place: Path, tally: Tally) -> None:
    from cocreate.document import Document
    from cocreate.store.recovery import recoverable_sessions

    untitled = place / "data" / "untitled"
    untitled.mkdir(parents=True)
    kept = untitled / "untitled-kept.cocreate"
    copy_of_demo(kept)
    store = SessionFile.open(kept)
    with store.edit():
        store.apply([Insert("participant", {"name": "edited before"})])
    store.close()
    expected, as_kept = dump_file(kept), kept.read_bytes()
    makers = (Document.new_untitled, Document.open_demo)
    points = [(make, at) for make in makers for at in _write_points(make)]
    for (make, at), error, rolls_back in with_kinds(points):
        fault = DiskFault(at=at, error=error, rolls_back=rolls_back)
        ok = True
        with failing_disk(fault):
            try:
                document = make()
            except SessionFileError as refused:
                ok &= said_the_disk(refused)
            else:
                document.close(discard=True)
            fault.free()
            found = recoverable_sessions()
        ok &= [item.path for item in found] == [kept]
        ok &= sorted(p.name for p in untitled.iterdir()) == [kept.name]
        lost = not holds(kept, expected, as_kept)
        tally.add(ok and not lost, fault.failed > 0, lost)


# -- exports on a real full disk ----------------------------------------------------------------

STEP = 8192  # bytes of free space more at each trial (at least)
#: Levels of free space an export is tried at, from none to what it needs.
EXPORT_LEVELS = 12 if FULL_RUN else 4


def export_writers() -> dict[str, Callable[[Path, Path], None]]:
    from cocreate.canvas.exporters import EXPORTERS

    def writer(format_: str) -> Callable[[Path, Path], None]:
        exporter = EXPORTERS[format_]
        return lambda session, out: exporter.write(session, out, exporter.defaults(), _none)

    return {
        "json": writer("json"),
        "csv": writer("csv"),
        "pdf": writer("pdf"),
        "svg": writer("image"),
        "png": writer("image"),
    }


def _none(_done: int, _total: int) -> None:
    pass


def exports_family() -> Tally:
    tally = Tally(
        "exports JSON, CSV, PDF, SVG, PNG (real 1 MB tmpfs, free space from 0 to what each"
        f" needs, about {EXPORT_LEVELS} levels each)"
    )
    with small_disk("1m") as disk:
        session = disk / "salon.cocreate"
        copy_of_demo(session)
        for format_, write in export_writers().items():
            out = disk / ("csv" if format_ == "csv" else f"out.{format_}")
            with folder() as spare:  # how much the export needs
                sample = spare / out.name
                write(session, sample)
                need = (
                    sum(p.stat().st_size for p in sample.rglob("*"))
                    if sample.is_dir()
                    else sample.stat().st_size
                )
            step = max(STEP, need // EXPORT_LEVELS // 4096 * 4096)
            as_it_is = False  # tried already on the disk as it is
            for leave in range(0, need + 2 * step, step):
                _clear(out)
                old = b"the old one"
                if format_ != "csv":
                    out.write_bytes(old)
                if leave >= free_bytes(disk):  # fill() fills nothing: the disk as it is
                    if as_it_is:
                        continue  # that very trial ran (a PNG needs more than the disk holds)
                    as_it_is = True
                fill(disk, leave)
                tally.add(*_export_trial(write, session, out, old if format_ != "csv" else None))
                make_room(disk)
    return tally


def _export_trial(
    write: Callable[[Path, Path], None], session: Path, out: Path, old: bytes | None
) -> tuple[bool, bool, bool]:
    """(survived, failed, lost) of one export onto the disk as it is: refused in the disk's
    words naming out, with the old file (None: none) kept, or written whole; no leftovers."""
    ok, failed, lost = True, False, False
    try:
        write(session, out)
    except OutputPathError as refused:
        failed = True
        named = Path(refused.filename)
        ok &= said_the_disk(refused) and out in (named, named.parent)
        lost = old is not None and out.read_bytes() != old
    else:
        check = atomic.check_for(out)
        with suppress(ValueError):
            lost = check is not None and _fails(check, out)
    ok &= leftovers(out.parent) == []
    return ok and not lost, failed, lost


def _fails(check: Callable[[Path], None], out: Path) -> bool:
    try:
        check(out)
    except (ValueError, sqlite3.Error):
        return True
    return False


def _clear(out: Path) -> None:
    if out.is_dir():
        shutil.rmtree(out)
    out.unlink(missing_ok=True)


def run_all(with_exports: bool = True) -> list[Tally]:
    tallies = []
    for family in (edits_family, save_as_family, migration_family, recovery_family):
        with folder() as place:
            tallies.append(family(place))
    if with_exports:
        tallies.append(save_as_disk_family())
        tallies.append(exports_family())
    return tallies


def table(tallies: list[Tally]) -> str:
    head = "| family | tried | survived | failed (fault fired) | data lost |\n|---|---|---|---|---|"
    return "\n".join([head, *(tally.row() for tally in tallies)])


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    FULL_RUN, EXPORT_LEVELS = True, 12  # the figures: every trial

    app = QApplication([])
    print(table(run_all()))
