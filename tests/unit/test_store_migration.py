"""Older files are upgraded on a copy that replaces the original only when it is complete.

Older files are migrated in a copy-then-swap way, never half-migrated;
ordered migrations, each tested on a file built in the old shape. Version 1 is the first format,
so these tests pretend that this cocreate writes version 2 (or 3) and open real version-1 files.
`SessionFile.open` and `_migrate` read `schema.SCHEMA_VERSION` and `schema.MIGRATIONS` through
the module, so patching the module attributes is what a new release would change.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import Connection

from cocreate.model import TABLES
from cocreate.store import FileProblem, Insert, SessionFile, SessionFileError, schema


def dump(store: SessionFile) -> dict[str, list[dict]]:
    return {model.__tablename__: store.rows(model.__tablename__) for model in TABLES}


def pragma(path: Path, name: str) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        raw.close()


def snapshot(path: Path) -> tuple:
    st = path.stat()
    return (path.read_bytes(), st.st_mtime_ns, st.st_mode, listing(path))


def listing(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def add_mood_column(conn: Connection) -> None:
    conn.exec_driver_sql("ALTER TABLE session ADD COLUMN mood TEXT NOT NULL DEFAULT '平静 😀'")


def add_energy_table(conn: Connection) -> None:
    conn.exec_driver_sql("CREATE TABLE energy (id INTEGER PRIMARY KEY, level INTEGER)")
    conn.exec_driver_sql("INSERT INTO energy (level) SELECT count(*) FROM note")


@pytest.fixture
def old_file(tmp_path: Path) -> tuple[Path, dict[str, list[dict]]]:
    """A file marked as version 1 with content, closed, and the content it holds.

    It is written by today's writer and then marked version 1, so the pretend migrations
    below (which add a column or a table) run on it as they would on an old file.
    """
    folder = tmp_path / "salons"
    folder.mkdir()
    path = folder / "2024 salon 共创.cocreate"
    store = SessionFile.create(path, title="旧版本的沙龙 ☕")
    store.apply([Insert("journey", {"id": 1, "name": "客户旅程"})])
    store.apply([Insert("note", {"journey_id": 1, "text": f"便签 {i} <b>x</b>"}) for i in range(7)])
    content = dump(store)
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    assert pragma(path, "user_version") == 1
    return path, content


def pretend_version(monkeypatch: pytest.MonkeyPatch, version: int, migrations: dict) -> None:
    monkeypatch.setattr(schema, "SCHEMA_VERSION", version)
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)


def test_every_older_version_has_a_migration() -> None:
    assert sorted(schema.MIGRATIONS) == list(range(1, schema.SCHEMA_VERSION))


def test_an_older_file_is_upgraded_in_place(old_file, monkeypatch) -> None:
    path, content = old_file
    calls: list[int] = []

    def migrate_1_to_2(conn: Connection) -> None:
        calls.append(1)
        add_mood_column(conn)

    pretend_version(monkeypatch, 2, {1: migrate_1_to_2})

    store = SessionFile.open(path)
    try:
        assert not store.read_only
        with store.reading() as conn:
            assert conn.exec_driver_sql("PRAGMA user_version").scalar() == 2
            assert conn.exec_driver_sql("SELECT mood FROM session").scalar() == "平静 😀"
        assert dump(store) == content
        store.apply([Insert("persona", {"name": "after the upgrade"})])
    finally:
        store.close()

    assert calls == [1]
    assert listing(path) == [path.name]
    assert pragma(path, "user_version") == 2
    assert pragma(path, "application_id") == schema.APPLICATION_ID
    assert pragma(path, "integrity_check") == "ok"

    # An upgraded file is not upgraded again.
    store = SessionFile.open(path)
    store.close()
    assert calls == [1]


def test_several_migrations_run_in_order(old_file, monkeypatch) -> None:
    path, content = old_file
    calls: list[int] = []

    def step(version: int, change):
        def migrate(conn: Connection) -> None:
            assert conn.exec_driver_sql("PRAGMA user_version").scalar() == version
            calls.append(version)
            change(conn)

        return migrate

    pretend_version(monkeypatch, 3, {1: step(1, add_mood_column), 2: step(2, add_energy_table)})

    store = SessionFile.open(path)
    try:
        with store.reading() as conn:
            assert conn.exec_driver_sql("PRAGMA user_version").scalar() == 3
            assert conn.exec_driver_sql("SELECT level FROM energy").scalar() == 7
        assert dump(store) == content
    finally:
        store.close()
    assert calls == [1, 2]
    assert listing(path) == [path.name]


@pytest.mark.parametrize("failing_step", [1, 2])
def test_a_migration_that_fails_leaves_the_file_as_it_was(
    old_file, monkeypatch, failing_step: int
) -> None:
    path, content = old_file
    before = snapshot(path)

    def boom(conn: Connection) -> None:
        conn.exec_driver_sql("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("UPDATE note SET text = 'half migrated'")
        raise RuntimeError("the upgrade broke halfway 中途")

    migrations = {1: add_mood_column, 2: add_energy_table}
    migrations[failing_step] = boom
    pretend_version(monkeypatch, 3, migrations)

    with pytest.raises(SessionFileError) as caught:
        SessionFile.open(path)
    error = caught.value
    assert error.problem is FileProblem.MIGRATION_FAILED
    assert error.path == path
    assert str(path) in str(error)
    assert "the upgrade broke halfway" in error.detail  # for a log; the line is the app's own
    assert "the upgrade broke halfway" not in str(error)

    assert snapshot(path) == before  # bytes, mtime, mode, and no temporary file next to it
    assert pragma(path, "user_version") == 1

    # The failed attempt holds no lock: once the upgrade is fixed, the file opens.
    pretend_version(monkeypatch, 3, {1: add_mood_column, 2: add_energy_table})
    store = SessionFile.open(path)
    try:
        assert dump(store) == content
    finally:
        store.close()
    assert listing(path) == [path.name]


def test_a_missing_migration_fails_cleanly(old_file, monkeypatch) -> None:
    path, _ = old_file
    before = snapshot(path)
    pretend_version(monkeypatch, 2, {})
    with pytest.raises(SessionFileError) as caught:
        SessionFile.open(path)
    assert caught.value.problem is FileProblem.MIGRATION_FAILED
    assert snapshot(path) == before


def test_an_older_read_only_file_is_read_through_an_upgraded_copy(old_file, monkeypatch) -> None:
    path, content = old_file
    path.chmod(0o444)
    try:
        before = snapshot(path)
        pretend_version(monkeypatch, 2, {1: add_mood_column})
        store = SessionFile.open(path)
        try:
            assert store.read_only
            with store.reading() as conn:
                assert conn.exec_driver_sql("SELECT mood FROM session").scalar() == "平静 😀"
            assert store.rows("note") == content["note"]
        finally:
            store.close()
        assert snapshot(path) == before
        assert not list((path.parent.parent / "cocreate-data" / "upgraded").glob("*"))
    finally:
        path.chmod(0o644)


def test_an_older_file_open_in_another_window_is_not_upgraded_under_it(
    old_file, monkeypatch
) -> None:
    path, _ = old_file
    pretend_version(monkeypatch, 1, {})
    first = SessionFile.open(path)  # version 1 is current here
    try:
        before = snapshot(path)
        pretend_version(monkeypatch, 2, {1: add_mood_column})
        with pytest.raises(SessionFileError) as caught:
            SessionFile.open(path)
        assert caught.value.problem is FileProblem.LOCKED
        assert snapshot(path) == before
    finally:
        first.close()


def test_an_upgraded_file_keeps_its_permissions(old_file, monkeypatch) -> None:
    path, _ = old_file
    os.chmod(path, 0o664)
    pretend_version(monkeypatch, 2, {1: add_mood_column})
    SessionFile.open(path).close()
    assert pragma(path, "user_version") == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


def test_a_version_1_file_gains_the_facilitation_columns(tmp_path: Path) -> None:
    """The real 1 → 2 migration: files from before the sticky-note board open and keep all."""
    path = tmp_path / "v1.cocreate"
    store = SessionFile.create(path, title="第一版 v1")
    store.apply([Insert("journey", {"id": 1, "name": "旅程"})])
    store.apply([Insert("participant", {"id": 1, "name": "Ann"})])
    store.apply([Insert("note", {"id": 1, "journey_id": 1, "text": "hi"})])
    store.apply([Insert("vote", {"participant_id": 1, "note_id": 1})])
    store.close()
    conn = sqlite3.connect(path)  # take the file back to the version-1 shape
    for table, column in (("session", "private_mode"), ("session", "reveal_policy"),
                          ("session", "voting_round"), ("vote", "round")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()

    upgraded = SessionFile.open(path)
    try:
        session = upgraded.session_row()
        assert session["title"] == "第一版 v1"
        assert session["private_mode"] is False and session["voting_round"] == 0
        assert session["reveal_policy"] == "facilitator"
        assert upgraded.rows("vote")[0]["round"] == 1
        assert upgraded.rows("note")[0]["text"] == "hi"
    finally:
        upgraded.close()
    assert pragma(path, "user_version") == schema.SCHEMA_VERSION
