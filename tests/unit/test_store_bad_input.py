"""Files cocreate cannot use get a clear reason and are left byte-for-byte as they were.

A file that is not ours, damaged, locked by another window, read-only,
or written by a newer version gets a clear message and is left byte-for-byte as it was.
"""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from cocreate.store import FileProblem, Insert, SessionFile, SessionFileError, schema


def real_session(path: Path) -> Path:
    """A real session file with some rows, closed."""
    store = SessionFile.create(path, title="共创沙龙 😀")
    store.apply([Insert("journey", {"id": 1, "name": "客户旅程"})])
    store.apply([Insert("stage", {"journey_id": 1, "name": f"阶段 {i}"}) for i in range(50)])
    store.apply([Insert("note", {"journey_id": 1, "text": "x" * 2000}) for _ in range(20)])
    store.close()
    return path


def snapshot(path: Path) -> object:
    """What must not change: the file's bytes, mtime and mode, and its folder's listing."""
    folder = sorted(p.name for p in path.parent.iterdir())
    if path.is_dir():
        return ("dir", folder, sorted(p.name for p in path.iterdir()), path.stat().st_mtime_ns)
    if path.exists():
        st = path.stat()
        return ("file", folder, path.read_bytes(), st.st_mtime_ns, st.st_mode)
    return ("missing", folder)


# -- the bad inputs: each makes a path in a folder of its own and says what is wrong with it --


def missing(folder: Path) -> Path:
    return folder / "no such salon.cocreate"


def directory(folder: Path) -> Path:
    path = folder / "looks like a file.cocreate"
    path.mkdir()
    (path / "inside.txt").write_text("x")
    return path


def empty(folder: Path) -> Path:
    path = folder / "empty.cocreate"
    path.write_bytes(b"")
    return path


def text_file(folder: Path) -> Path:
    path = folder / "notes.cocreate"
    path.write_text("这不是数据库。\nJust some meeting notes 😀\n" * 50, encoding="utf-8")
    return path


def random_bytes(folder: Path) -> Path:
    path = folder / "noise.cocreate"
    path.write_bytes(os.urandom(64 * 1024))
    return path


def truncated(folder: Path) -> Path:
    real = real_session(folder / "real.cocreate")
    data = real.read_bytes()
    assert len(data) > 8 * 4096  # many pages, so half of it really is missing some
    path = folder / "truncated.cocreate"
    path.write_bytes(data[: len(data) // 2])
    real.unlink()
    return path


def damaged_pages(folder: Path) -> Path:
    """A whole-length file whose pages after the first hold garbage (a bad disk, a bad copy)."""
    real = real_session(folder / "damaged.cocreate")
    data = bytearray(real.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    rng = random.Random(4)
    for offset in range(page_size, len(data)):
        data[offset] = rng.randrange(256)
    real.write_bytes(bytes(data))
    return real


def foreign_sqlite(folder: Path) -> Path:
    path = folder / "inventory.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)")
    raw.execute("INSERT INTO item (name) VALUES ('咖啡豆')")
    raw.commit()
    raw.close()
    return path


def newer_version(folder: Path) -> Path:
    path = real_session(folder / "from the future.cocreate")
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    raw.close()
    return path


def no_version(folder: Path) -> Path:
    path = real_session(folder / "no version.cocreate")
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 0")
    raw.close()
    return path


def missing_table(folder: Path) -> Path:
    path = real_session(folder / "missing table.cocreate")
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("DROP TABLE vote")
    raw.commit()
    raw.close()
    return path


BAD_INPUTS: list[tuple[Callable[[Path], Path], FileProblem]] = [
    (missing, FileProblem.NOT_FOUND),
    (directory, FileProblem.IS_DIRECTORY),
    (empty, FileProblem.EMPTY),
    (text_file, FileProblem.NOT_SQLITE),
    (random_bytes, FileProblem.NOT_SQLITE),
    (truncated, FileProblem.DAMAGED),
    (damaged_pages, FileProblem.DAMAGED),
    (foreign_sqlite, FileProblem.FOREIGN),
    (newer_version, FileProblem.TOO_NEW),
    (no_version, FileProblem.DAMAGED),
    (missing_table, FileProblem.DAMAGED),
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "salons 共创"
    path.mkdir()
    return path


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
@pytest.mark.parametrize(
    ("make", "problem"), BAD_INPUTS, ids=[make.__name__ for make, _ in BAD_INPUTS]
)
def test_bad_input_is_refused_with_its_reason_and_left_as_it_was(
    folder: Path, make: Callable[[Path], Path], problem: FileProblem, read_only: bool
) -> None:
    path = make(folder)
    before = snapshot(path)

    with pytest.raises(SessionFileError) as caught:
        SessionFile.open(path, read_only=read_only)

    error = caught.value
    assert error.problem is problem
    assert error.path == path
    assert str(path) in str(error)
    assert str(path) in error.message
    assert snapshot(path) == before


@pytest.mark.parametrize(
    ("make", "problem"), BAD_INPUTS, ids=[make.__name__ for make, _ in BAD_INPUTS]
)
def test_a_refused_file_leaves_no_lock_behind(
    folder: Path, make: Callable[[Path], Path], problem: FileProblem
) -> None:
    """Once the file is put right (here: replaced by a good one), it opens at once."""
    path = make(folder)
    with pytest.raises(SessionFileError):
        SessionFile.open(path)
    if path.is_dir():
        for child in path.iterdir():
            child.unlink()
        path.rmdir()
    else:
        path.unlink(missing_ok=True)
    real_session(path)
    store = SessionFile.open(path)
    store.close()


def test_read_only_file_opens_read_only_reads_work_and_writes_are_refused(
    folder: Path,
) -> None:
    path = real_session(folder / "archived salon.cocreate")
    path.chmod(0o444)
    before = snapshot(path)
    try:
        store = SessionFile.open(path)
        try:
            assert store.read_only is True
            assert store.session_row()["title"] == "共创沙龙 😀"
            assert store.count("stage") == 50
            assert [r["name"] for r in store.rows("journey")] == ["客户旅程"]

            with pytest.raises(SessionFileError) as caught:
                store.apply([Insert("persona", {"name": "not saved"})])
            assert caught.value.problem is FileProblem.READ_ONLY
            assert str(path) in str(caught.value)
            op = store.update_op("session", 1, title="changed")
            with pytest.raises(SessionFileError) as caught:
                store.apply([op])
            assert caught.value.problem is FileProblem.READ_ONLY
            assert store.session_row()["title"] == "共创沙龙 😀"
        finally:
            store.close()
        assert snapshot(path) == before
    finally:
        path.chmod(0o644)


def test_asking_for_read_only_refuses_writes_on_a_writable_file(folder: Path) -> None:
    path = real_session(folder / "salon.cocreate")
    before = snapshot(path)
    store = SessionFile.open(path, read_only=True)
    try:
        assert store.read_only is True
        assert store.count("note") == 20
        with pytest.raises(SessionFileError) as caught:
            store.apply([Insert("persona", {"name": "not saved"})])
        assert caught.value.problem is FileProblem.READ_ONLY
    finally:
        store.close()
    assert snapshot(path) == before
    assert stat.S_IMODE(path.stat().st_mode) & stat.S_IWUSR


def test_a_file_open_in_another_window_is_locked_until_that_window_closes(
    folder: Path,
) -> None:
    path = real_session(folder / "salon.cocreate")
    before = snapshot(path)
    first = SessionFile.open(path)
    try:
        with pytest.raises(SessionFileError) as caught:
            SessionFile.open(path)
        assert caught.value.problem is FileProblem.LOCKED
        assert caught.value.path == path
        assert str(path) in str(caught.value)
        # The same file reached through another spelling of its path is the same file.
        with pytest.raises(SessionFileError) as caught:
            SessionFile.open(folder / "." / path.name)
        assert caught.value.problem is FileProblem.LOCKED
        assert snapshot(path) == before
        # The first window goes on working.
        first.apply([Insert("persona", {"name": "still writable"})])
    finally:
        first.close()

    second = SessionFile.open(path)
    try:
        assert not second.read_only
        assert [r["name"] for r in second.rows("persona")] == ["still writable"]
    finally:
        second.close()


def test_create_refuses_an_existing_path_and_leaves_it_alone(folder: Path) -> None:
    path = text_file(folder)
    before = snapshot(path)
    with pytest.raises(FileExistsError):
        SessionFile.create(path)
    assert snapshot(path) == before
