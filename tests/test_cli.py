"""The headless commands: `cocreate demo`, `cocreate info`, `--help`, and their error lines.

They run in this process (the `cli` fixture); one test runs the real command in a fresh process
with no display at all."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from cocreate.__main__ import main
from cocreate.store import SessionFile
from cocreate.store.schema import SCHEMA_VERSION


def test_help_lists_every_sub_command(cli):
    result = cli("--help")
    assert result.returncode == 0
    for command in ("demo", "info"):
        assert f"  {command} " in result.stdout
    assert "--demo" in result.stdout


@pytest.mark.slow
def test_demo_then_info_without_a_window(cli, tmp_path):
    out = tmp_path / "salon.cocreate"
    result = cli.process("demo", out)
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    info = cli("info", out)
    assert info.returncode == 0, info.stderr
    assert "Morning Bean" in info.stdout
    assert "会员忠诚旅程" in info.stdout
    assert f"Schema version: {SCHEMA_VERSION}" in info.stdout
    assert "touchpoints" in info.stdout


def test_info_json_counts_match_the_file(tmp_path, capsys):
    out = tmp_path / "salon.cocreate"
    assert main(["demo", str(out)]) == 0
    capsys.readouterr()
    assert main(["info", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    store = SessionFile.open(out, read_only=True, lock=False)
    try:
        assert data["title"] == store.session_row()["title"]
        assert data["participants"] == store.count("participant")
        assert data["schema_version"] == SCHEMA_VERSION
        assert sum(j["touchpoints"] for j in data["journeys"]) == store.count("touchpoint")
        assert sum(j["notes"] for j in data["journeys"]) == store.count("note")
        assert sum(j["votes"] for j in data["journeys"]) == store.count("vote")
        assert sum(j["stages"] for j in data["journeys"]) == store.count("stage")
    finally:
        store.close()


def test_demo_never_overwrites_a_file(cli, tmp_path):
    out = tmp_path / "mine.cocreate"
    out.write_bytes(b"precious")
    result = cli("demo", out)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert str(out) in result.stderr and "already exists" in result.stderr
    assert out.read_bytes() == b"precious"


def _foreign_db(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()


BAD_INPUTS = {
    "missing": (lambda p: None, "does not exist"),
    "directory": (lambda p: p.mkdir(), "folder"),
    "empty": (lambda p: p.write_bytes(b""), "empty"),
    "text": (lambda p: p.write_text("hello, salon\n", encoding="utf-8"), "not a cocreate"),
    "random": (lambda p: p.write_bytes(os.urandom(4096)), "not a cocreate"),
    "foreign": (_foreign_db, "another application"),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_info_on_bad_input_prints_one_line_and_fails(cli, tmp_path, kind):
    make, words = BAD_INPUTS[kind]
    path = tmp_path / "input.cocreate"
    make(path)
    before = path.read_bytes() if path.is_file() else None
    result = cli("info", path)
    assert result.returncode == 1
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and words in result.stderr
    assert result.stdout == ""
    if before is not None:
        assert path.read_bytes() == before


def test_info_on_a_truncated_file(tmp_path, capsys):
    good = tmp_path / "good.cocreate"
    assert main(["demo", str(good)]) == 0
    cut = tmp_path / "cut.cocreate"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    capsys.readouterr()
    assert main(["info", str(cut)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and str(cut) in err
    assert cut.read_bytes() == data[: len(data) // 2]
