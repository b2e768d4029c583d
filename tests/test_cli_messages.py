"""Every command's message about a file it cannot use: exit status 1 and one line on stderr, in
cocreate's words, naming the person's file. Never SQLite's or SQLAlchemy's words, a statement, a
library's web link, a traceback, or the path of a copy cocreate made for itself."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from cocreate.canvas.exporters import EXPORTERS
from cocreate.demo import write_demo
from cocreate.path_checks import shown
from tests.test_damaged_files import btree_damaged
from tests.unit.test_store_bad_input import BAD_INPUTS, real_session

#: Words only a library says.
RAW_WORDS = ("sqlite", "select ", "insert ", "alter ", "http", "traceback", "errno", "***")
#: A temporary file cocreate writes beside a target: ".NAME.1a2b3c4d.tmp".
TEMP_NAME = re.compile(r"\.[0-9a-f]{8}\.")


def demo_with(folder: Path, name: str, sql: str) -> Path:
    path = folder / name
    write_demo(path)
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()
    return path


def failed_upgrade(folder: Path) -> Path:
    """A file that says it is of format 1 but already has format 2's columns: its upgrade
    fails in SQL ("duplicate column name")."""
    return demo_with(folder, "old salon.cocreate", "PRAGMA user_version = 1;")


def infinite_width(folder: Path) -> Path:
    return demo_with(folder, "wide.cocreate", "UPDATE stage SET width = 9e999 WHERE id = 1;")


SESSIONS: dict[str, Callable[[Path], Path]] = {
    make.__name__: make for make, _problem in BAD_INPUTS
} | {
    "failed_upgrade": failed_upgrade,
    "infinite_width": infinite_width,
    "btree_damage": btree_damaged,
}


def json_text(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def demo_json(folder: Path, change: Callable[[str], str]) -> str:
    source = folder / "source.cocreate"
    if not source.exists():
        write_demo(source)
    from cocreate.export.json_io import dumps, session_document
    from cocreate.store import SessionFile

    store = SessionFile.open(source, read_only=True, lock=False)
    try:
        return change(dumps(session_document(store)))
    finally:
        store.close()


JSON_INPUTS: dict[str, Callable[[Path], Path]] = {
    "not json": lambda f: json_text(f, "notes.json", "这不是 JSON {"),
    "not utf-8": lambda f: json_text(f, "latin.json", b'{"a": "\xff"}'),
    "empty": lambda f: json_text(f, "empty.json", ""),
    "a list": lambda f: json_text(f, "list.json", "[1, 2, 3]"),
    "deep": lambda f: json_text(f, "deep.json", "[" * 100_000 + "]" * 100_000),
    "width 9e999": lambda f: json_text(
        f, "wide.json", demo_json(f, lambda t: re.sub(r'"width": [0-9.]+', '"width": 9e999', t))
    ),
    "budget 2^63-1": lambda f: json_text(
        f,
        "budget.json",
        demo_json(f, lambda t: re.sub(r'"vote_budget": \d+', f'"vote_budget": {2**63 - 1}', t)),
    ),
    "folder": lambda f: (f / "folder.json").mkdir() or f / "folder.json",
    "missing": lambda f: f / "nowhere.json",
}


def assert_one_clear_line(result, name: Path | str, data_dir: Path) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)
    err = result.stderr
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert shown(name) in err, err
    lowered = err.lower()
    for word in RAW_WORDS:
        assert word not in lowered, err
    assert str(data_dir) not in err and not TEMP_NAME.search(err), err
    assert ".migrating" not in err and ".tmp" not in err, err


def session_commands(session: Path, out: Path) -> dict[str, list[object]]:
    commands: dict[str, list[object]] = {
        "info": ["info", session],
        "repair": ["repair", session, "-o", out / "repaired.cocreate"],
    }
    for exporter in EXPORTERS:
        suffix = exporter.suffixes[0] if exporter.suffixes else ""
        commands[exporter.command] = [exporter.command, session, "-o", out / f"out{suffix}"]
    return commands


@pytest.mark.parametrize("bad", list(SESSIONS))
def test_every_command_says_what_is_wrong_with_a_session_in_one_line(
    cli, tmp_path, isolated_data_dir, bad
):
    folder = tmp_path / "salons 共创"
    folder.mkdir()
    session = SESSIONS[bad](folder)
    out = tmp_path / "out"
    out.mkdir()
    for name, argv in session_commands(session, out).items():
        if bad == "infinite_width" and name == "repair":
            continue  # repair mends it: that is what it is for
        result = cli(*argv)
        assert_one_clear_line(result, session, isolated_data_dir)
        assert not any(out.iterdir()), (name, list(out.iterdir()))


def test_a_failed_upgrade_names_the_file_not_its_copy_nor_the_sql(cli, tmp_path):
    session = failed_upgrade(tmp_path)
    os.chmod(session, 0o444)  # read-only: read through an upgraded copy, which fails
    try:
        result = cli("info", session)
    finally:
        os.chmod(session, 0o644)
    assert result.stderr == (
        f"cocreate info: {session}: the file is in an older format and could not be upgraded;"
        " it was left as it was\n"
    )


@pytest.mark.parametrize("bad", list(JSON_INPUTS))
def test_import_json_says_what_is_wrong_with_its_input_in_one_line(
    cli, tmp_path, isolated_data_dir, bad
):
    source = JSON_INPUTS[bad](tmp_path)
    out = tmp_path / "new.cocreate"
    result = cli("import-json", source, "-o", out)
    assert_one_clear_line(result, source, isolated_data_dir)
    assert not out.exists()


def test_an_unreadable_session_during_an_export_is_one_line_of_cocreates_words(
    cli, tmp_path, isolated_data_dir, monkeypatch
):
    """A database error while the export reads (the file locked too long, the disk failing)."""
    from cocreate.export import json_io

    session = real_session(tmp_path / "salon.cocreate")

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(json_io, "session_document", locked)
    result = cli("export-json", session, "-o", tmp_path / "out.json")
    assert_one_clear_line(result, session, isolated_data_dir)
    assert "another program is writing to it" in result.stderr


def test_a_library_error_inside_an_export_is_said_in_cocreates_words(
    cli, tmp_path, isolated_data_dir, monkeypatch
):
    """What a library raises with its own words (here json's) never reaches the person."""
    from cocreate.export import json_io

    session = real_session(tmp_path / "salon.cocreate")

    def out_of_range(*args, **kwargs):
        return json.dumps(float("inf"), allow_nan=False)

    monkeypatch.setattr(json_io, "dumps", out_of_range)
    result = cli("export-json", session, "-o", tmp_path / "out.json")
    assert_one_clear_line(result, session, isolated_data_dir)
    assert "JSON compliant" not in result.stderr


def test_a_system_error_that_names_no_file_is_said_of_the_commands_file(
    cli, tmp_path, isolated_data_dir, monkeypatch
):
    """ "[Errno 28] No space left on device" names no file: the line names the one at work."""
    import errno

    from cocreate import cli as cli_module

    def full(path):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cli_module, "write_demo", full)
    out = tmp_path / "demo.cocreate"
    result = cli("demo", out)
    assert_one_clear_line(result, out, isolated_data_dir)
    assert result.stderr == f"cocreate demo: {out}: {os.strerror(errno.ENOSPC)}\n"
