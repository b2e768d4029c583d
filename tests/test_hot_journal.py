"""After a kill in the middle of a commit, the file and its hot journal are intact: read-only
commands (info, the exports) and a read-only window show the session as it was before the
interrupted change, never call the file damaged, and leave the file and its journal alone."""

from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cocreate.demo import write_demo
from cocreate.store import SessionFile, rollback

pytestmark = [
    pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX only"),
    pytest.mark.slow,  # a child process per test
]

#: The first bytes of a rollback journal that SQLite must play back (a "hot" journal).
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")

#: Starts a write transaction, writes enough that SQLite writes changed pages into the file
#: itself (a cache of one page spills), says so, and waits to be killed before the commit.
CHILD = textwrap.dedent(
    """
    import sqlite3, sys, time

    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA cache_size = 1")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE session SET title = 'After the crash'")
    conn.execute("UPDATE note SET text = text || ?", ("x" * 3000,))
    conn.execute("DELETE FROM touchpoint")
    print("written", flush=True)
    time.sleep(600)
    """
)


def journal(path: Path) -> Path:
    return Path(f"{path}-journal")


def kill_mid_commit(path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "written"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()


def is_hot(path: Path) -> bool:
    """SQLite's own verdict: a read-only connection must refuse, as it would have to play the
    journal back first."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM session").fetchone()
    except sqlite3.Error as error:
        return error.sqlite_errorcode == sqlite3.SQLITE_READONLY_ROLLBACK
    finally:
        conn.close()
    return False


@pytest.fixture
def crashed(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    """A demo session killed in the middle of a commit, and what it held before."""
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    store = SessionFile.open(path, read_only=True, lock=False)
    try:
        before: dict[str, object] = {
            "title": store.session_row()["title"],
            "touchpoints": store.count("touchpoint"),
            "notes": sorted(row["text"] for row in store.rows("note")),
        }
    finally:
        store.close()
    assert before["touchpoints"]
    pristine = path.read_bytes()
    kill_mid_commit(path)
    assert journal(path).read_bytes().startswith(JOURNAL_MAGIC)
    assert is_hot(path)
    assert path.read_bytes() != pristine  # changed pages reached the file: it must roll back
    return path, before


def files(path: Path) -> tuple[bytes, bytes]:
    return path.read_bytes(), journal(path).read_bytes()


def test_info_shows_the_session_as_it_was_before_the_crash(cli, crashed, isolated_data_dir):
    path, before = crashed
    on_disk = files(path)
    result = cli("info", path, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert data["title"] == before["title"]
    assert sum(j["touchpoints"] for j in data["journeys"]) == before["touchpoints"]
    assert files(path) == on_disk  # the file and its journal are left as they were
    assert is_hot(path)
    assert not any((isolated_data_dir / "upgraded").iterdir())  # no copy left behind


def test_export_json_writes_the_session_as_it_was(cli, crashed, tmp_path):
    path, before = crashed
    on_disk = files(path)
    out = tmp_path / "out.json"
    result = cli("export-json", path, "-o", out)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["session"]["title"] == before["title"]
    notes = [note["text"] for journey in data["journeys"] for note in journey["notes"]]
    assert sorted(notes) == before["notes"]
    assert files(path) == on_disk


def test_a_read_only_window_shows_it_too_and_a_writer_rolls_it_back(crashed):
    path, before = crashed
    on_disk = files(path)
    path.chmod(0o444)  # read-only even for an administrator (the app honours the mode)
    store = SessionFile.open(path)
    try:
        assert store.read_only
        assert store.session_row()["title"] == before["title"]
        assert store.count("touchpoint") == before["touchpoints"]
    finally:
        store.close()
    assert files(path) == on_disk
    path.chmod(0o644)
    store = SessionFile.open(path)  # a writer plays the journal back in the file itself
    try:
        assert store.session_row()["title"] == before["title"]
    finally:
        store.close()
    assert not journal(path).exists()


def test_no_room_for_the_copy_is_one_line_naming_the_file(
    cli, crashed, monkeypatch, isolated_data_dir
):
    path, _before = crashed
    on_disk = files(path)

    def disk_full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(rollback.shutil, "copyfile", disk_full)
    result = cli("info", path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(path) in result.stderr and "a crash left unfinished" in result.stderr
    assert str(isolated_data_dir) not in result.stderr  # never the copy's path
    assert files(path) == on_disk
