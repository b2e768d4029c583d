"""A full disk or a failing disk at any write loses and damages nothing, and is said in one
line that names the file and the cause (the window's side: tests/test_full_disk.py).

Two ways to make the disk fail (tests/disk_faults.py): fault injection at the connection, at
the Nth write, which works everywhere; and a real 1 MB tmpfs filled up, where the machine lets
the tests mount one (else those tests are skipped).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from cocreate import atomic
from cocreate.demo import write_demo
from cocreate.model import TABLES
from cocreate.path_checks import OutputPathError
from cocreate.store import FileProblem, Insert, SessionFile, SessionFileError, schema
from cocreate.store.recovery import recoverable_sessions
from cocreate.store.session_file import _migrate
from tests.disk_faults import (
    FULL,
    IO_ERROR,
    DiskFault,
    failing_disk,
    fill,
    make_room,
    small_disk,
)

PROBLEMS = {FULL: FileProblem.DISK_FULL, IO_ERROR: FileProblem.IO_ERROR}
KINDS = [
    pytest.param(FULL, False, id="full"),
    pytest.param(FULL, True, id="full-rolled-back"),
    pytest.param(IO_ERROR, False, id="io-error"),
    pytest.param(IO_ERROR, True, id="io-error-rolled-back"),
]


def dump(store: SessionFile) -> dict[str, list[dict]]:
    return {model.__tablename__: store.rows(model.__tablename__) for model in TABLES}


def intact(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def leftovers(folder: Path) -> list[str]:
    """Temporary files and journals a failed write left behind."""
    return sorted(
        p.name for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith("-journal")
    )


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    return path


def edit_in_three_parts(store: SessionFile, n: int) -> None:
    """One edit of three writes in one transaction, as a Document edit makes them."""
    with store.edit():
        store.apply([Insert("participant", {"name": f"p{n}"})])
        store.apply([Insert("participant", {"name": f"q{n}"})])
        journey = store.rows("journey")[0]["id"]
        store.apply([Insert("note", {"journey_id": journey, "text": f"note {n} 便签"})])


# -- edits ----------------------------------------------------------------------------------------


def edit_trial(path: Path, at: int, error: str, rolls_back: bool) -> dict[str, bool]:
    """Edits with the disk failing at the `at`th write: the one in flight goes whole, the file
    stays intact, and once space is free the next edit just works."""
    with failing_disk(DiskFault(at=at, error=error, rolls_back=rolls_back)) as fault:
        store = SessionFile.open(path)
        try:
            committed = []
            refused = None
            for n in range(4):
                before = dump(store)
                try:
                    edit_in_three_parts(store, n)
                except SessionFileError as failure:
                    refused = failure
                    assert dump(store) == before  # nothing of the edit in flight stays
                else:
                    committed.append(n)
            fault.free()
            edit_in_three_parts(store, 99)  # resumes by itself
            names = {row["name"] for row in store.rows("participant")}
        finally:
            store.close()
    told = refused is not None and refused.problem is PROBLEMS[error]
    kept = all(f"p{n}" in names and f"q{n}" in names for n in committed)
    lost_refused = not any(f"p{n}" in names for n in range(4) if n not in committed)
    return {
        "told": told or fault.failed == 0,
        "intact": intact(path),
        "opens": _opens(path),
        "kept": kept and lost_refused and "p99" in names,
        "failed": fault.failed > 0,
    }


def _opens(path: Path) -> bool:
    try:
        SessionFile.open(path).close()
    except SessionFileError:
        return False
    return True


@pytest.mark.parametrize(("error", "rolls_back"), KINDS)
@pytest.mark.parametrize("at", [1, 2, 3, 4, 5, 8])
def test_an_edit_the_disk_refuses_goes_whole_and_the_next_one_after_freeing_space_works(
    tmp_path, demo, at, error, rolls_back
):
    trial = edit_trial(demo, at, error, rolls_back)
    assert trial == {"told": True, "intact": True, "opens": True, "kept": True, "failed": True}


def test_a_refused_edit_says_the_cause_in_words_never_sql(demo):
    with failing_disk(DiskFault(at=1)):
        store = SessionFile.open(demo)
        try:
            with pytest.raises(SessionFileError) as refused:
                edit_in_three_parts(store, 1)
        finally:
            store.close()
    assert refused.value.problem is FileProblem.DISK_FULL
    message = refused.value.message
    assert "disk is full" in message and str(demo) in message
    for sql in ("INSERT", "[SQL", "sqlalche.me", "COMMIT", "\n"):
        assert sql not in message and sql not in refused.value.detail


# -- Save As, new files, the demo ------------------------------------------------------------


@pytest.mark.parametrize(("error", "rolls_back"), KINDS[::2])
def test_save_as_on_a_failing_disk_keeps_the_old_target_and_leaves_no_temporary_file(
    tmp_path, demo, error, rolls_back
):
    target = tmp_path / "out" / "saved.cocreate"
    target.parent.mkdir()
    target.write_bytes(b"the old target")
    with failing_disk(DiskFault(at=1, error=error, rolls_back=rolls_back)) as fault:
        store = SessionFile.open(demo)
    try:
        with pytest.raises(SessionFileError) as refused:
            store.backup_to(target)
        assert refused.value.problem is PROBLEMS[error]
        assert refused.value.path == target
        assert target.read_bytes() == b"the old target"
        assert leftovers(target.parent) == []
        fault.free()
        store.backup_to(target)  # space again: it works
    finally:
        store.close()
    assert intact(target)


@pytest.mark.parametrize("at", [1, 2, 3, 5, 10, 20])
def test_a_new_session_file_on_a_full_disk_is_not_left_half_made(tmp_path, at):
    path = tmp_path / "new.cocreate"
    with failing_disk(DiskFault(at=at)):
        with pytest.raises(SessionFileError) as refused:
            write_demo(path)
    assert refused.value.problem is FileProblem.DISK_FULL
    assert list(tmp_path.iterdir()) == []


def test_cocreate_demo_on_a_full_disk_says_one_line(cli, tmp_path):
    out = tmp_path / "demo.cocreate"
    with failing_disk(DiskFault(at=3)):
        result = cli("demo", out)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(out) in result.stderr and "disk is full" in result.stderr
    assert not out.exists()


# -- migrations -------------------------------------------------------------------------------


def add_mood_column(conn) -> None:
    conn.exec_driver_sql("ALTER TABLE session ADD COLUMN mood TEXT NOT NULL DEFAULT 'calm'")


@pytest.fixture
def old_file(demo, monkeypatch) -> Path:
    """The demo as a version-1 file, while this cocreate writes version 2."""
    conn = sqlite3.connect(demo)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {1: add_mood_column})
    return demo


@pytest.mark.parametrize("error", [FULL, IO_ERROR])
@pytest.mark.parametrize("at", [1, 2, 3, 4])
def test_an_upgrade_on_a_failing_disk_leaves_the_old_file_byte_for_byte(old_file, at, error):
    before = old_file.read_bytes()
    with failing_disk(DiskFault(at=at, error=error)) as fault:
        try:
            SessionFile.open(old_file).close()
        except SessionFileError as refused:
            assert refused.problem is PROBLEMS[error]
            assert refused.path == old_file and "migrat" not in refused.message
            assert old_file.read_bytes() == before
        else:
            assert fault.failed == 0  # the upgrade wrote fewer times than `at`
    assert leftovers(old_file.parent) == []
    SessionFile.open(old_file).close()  # space again: the upgrade goes through
    conn = sqlite3.connect(old_file)
    try:
        assert conn.execute("SELECT mood FROM session").fetchone() == ("calm",)
    finally:
        conn.close()


def test_an_upgrade_whose_copy_fails_says_the_disk_not_sql(old_file):
    with failing_disk(DiskFault(at=2)):
        with pytest.raises(SessionFileError) as refused:
            _migrate(old_file, 1)
    assert refused.value.problem is FileProblem.DISK_FULL
    assert "ALTER" not in refused.value.detail


# -- outputs written beside their target -----------------------------------------------------


def test_an_output_the_disk_cannot_hold_names_the_target_and_the_cause(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text('{"old": true}')

    def full_disk(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "sync_file", full_disk)
    with pytest.raises(OutputPathError) as refused:
        atomic.write_files({target: b'{"new": true}'})
    assert refused.value.strerror == atomic.DISK_FULL
    assert refused.value.filename == str(target)
    assert target.read_text() == '{"old": true}'
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        ("out.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><g><text>half'),
        ("out.png", atomic.PNG_SIGNATURE + b"\0\0\0\rIHDR"),
        ("out.pdf", b"%PDF-1.4\n1 0 obj\n<<"),
        ("out.json", b'{"session": {"title": "hal'),
        ("out.cocreate", b"SQLite format 3\0" + b"\0" * 200),
    ],
)
def test_an_output_that_came_out_incomplete_never_replaces_its_target(tmp_path, name, cut):
    """As the SVG export did on a full disk: a truncated file that reported success."""
    target = tmp_path / name
    target.write_bytes(b"the old one")
    with pytest.raises(OutputPathError) as refused:
        with atomic.replacing(target) as tmp:
            tmp.write_bytes(cut)
    assert refused.value.strerror in (atomic.INCOMPLETE, atomic.DISK_FULL)
    assert refused.value.filename == str(target)
    assert target.read_bytes() == b"the old one"
    assert leftovers(tmp_path) == []


def test_a_writer_that_fails_on_a_full_disk_never_names_its_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "nearly_full", lambda folder: True)
    target = tmp_path / "out.png"
    with pytest.raises(OutputPathError) as refused:
        with atomic.replacing(target) as tmp:
            raise OSError(f"{tmp}: the image could not be written")
    assert refused.value.strerror == atomic.DISK_FULL
    assert ".tmp" not in str(refused.value)


# -- a real full disk -------------------------------------------------------------------------


@pytest.fixture
def disk():
    with small_disk("1m") as folder:
        yield folder


def test_edits_on_a_real_full_disk_are_refused_whole_and_resume_once_space_is_free(disk):
    path = disk / "salon.cocreate"
    write_demo(path)
    store = SessionFile.open(path)
    try:
        before = dump(store)
        fill(disk)
        big = "满" * 20_000
        with pytest.raises(SessionFileError) as refused:
            for n in range(50):  # until the journal or the file needs a page more
                with store.edit():
                    store.apply([Insert("participant", {"name": f"p{n} {big}"})])
                before = dump(store)
        assert refused.value.problem is FileProblem.DISK_FULL
        assert dump(store) == before
        make_room(disk)
        edit_in_three_parts(store, 1)
    finally:
        store.close()
    assert intact(path)
    assert leftovers(disk) == []


@pytest.mark.parametrize("command", ["export-json", "export-pdf", "export-csv"])
def test_exports_on_a_real_full_disk_say_one_line_and_keep_the_old_file(cli, disk, command):
    session = disk / "salon.cocreate"
    write_demo(session)
    out = disk / {"export-json": "out.json", "export-pdf": "out.pdf"}.get(command, "csv")
    if command != "export-csv":
        out.write_bytes(b"the old one")
    fill(disk)
    result = cli(command, session, "-o", out)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(out) in result.stderr and "disk is full" in result.stderr
    assert "Errno" not in result.stderr and ".tmp" not in result.stderr
    if command != "export-csv":
        assert out.read_bytes() == b"the old one"
    assert leftovers(disk) == []


def test_cocreate_demo_on_a_real_full_disk_says_one_line(cli, disk):
    fill(disk)
    result = cli("demo", disk / "demo.cocreate")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "disk is full" in result.stderr
    assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]


def test_recovery_on_a_full_data_folder_offers_what_it_can_read(disk, monkeypatch):
    monkeypatch.setenv("COCREATE_DATA_DIR", str(disk / "data"))
    untitled = disk / "data" / "untitled"
    untitled.mkdir(parents=True)
    kept = untitled / "untitled-1.cocreate"
    write_demo(kept)
    store = SessionFile.open(kept)
    with store.edit():
        store.apply([Insert("participant", {"name": "edited"})])
    store.close()
    fill(disk)
    found = recoverable_sessions()
    assert [item.path for item in found] == [kept]
