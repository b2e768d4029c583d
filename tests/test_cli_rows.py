"""The headless commands and a file whose rows lie about their types: `info` and every export
refuse it in one line (exit status 1, no traceback) and leave it as it was; `cocreate repair`
writes a repaired copy and lists every value it changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cocreate.demo import write_demo

LIES = [
    "UPDATE touchpoint SET title = X'00ff10' WHERE id = 2",
    "UPDATE touchpoint SET emotion = 'sad' WHERE id = 3",
    "UPDATE note SET x = 'abc' WHERE id = 4",
    "UPDATE stage SET width = 'wide' WHERE id = 2",
    "UPDATE note SET text = CAST(X'61ff62' AS TEXT) WHERE id = 5",
    "UPDATE participant SET vote_budget = 2147483648 WHERE id = 2",
    "UPDATE touchpoint SET stage_id = 999 WHERE id = 6",
]

COMMANDS = {
    "info": [],
    "export-pdf": ["-o", "out.pdf"],
    "export-json": ["-o", "out.json"],
    "export-csv": ["-o", "csv-out"],
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.cocreate"
    write_demo(path)
    return path


def lying_file(demo: Path, folder: Path, *statements: str) -> Path:
    path = folder / "salon.cocreate"
    path.write_bytes(demo.read_bytes())
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("lie", LIES)
def test_info_and_every_export_refuse_a_lying_file_in_one_line(cli, demo, tmp_path, command, lie):
    path = lying_file(demo, tmp_path, lie)
    before = path.read_bytes()
    extra = [
        str(tmp_path / arg) if arg.startswith(("out", "csv")) else arg for arg in COMMANDS[command]
    ]
    result = cli(command, path, *extra)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    row_id = lie.rsplit("=", 1)[1].strip()
    assert f"{path}: table " in result.stderr
    assert f", row {row_id}, column " in result.stderr
    assert "cocreate repair" in result.stderr
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_repair_writes_a_copy_that_info_reads_and_lists_each_change(cli, demo, tmp_path):
    path = lying_file(demo, tmp_path, *LIES)
    before = path.read_bytes()
    out = tmp_path / "repaired.cocreate"
    result = cli("repair", path, "-o", out)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(LIES) + 1
    for expected in (
        "table touchpoint, row 2, column title: wrong type",
        "table touchpoint, row 3, column emotion: wrong type",
        "table note, row 4, column x: wrong type",
        "table stage, row 2, column width: wrong type",
        "table note, row 5, column text: the text was not UTF-8",
        "table participant, row 2, column vote_budget: out of range, clamped",
        "table touchpoint, row 6, column stage_id: no stage with id 999",
    ):
        assert any(line.startswith(expected) for line in lines), expected
    assert lines[-1] == f"wrote {out}: 7 values changed, 0 rows dropped"
    assert path.read_bytes() == before
    assert cli("info", out).returncode == 0
    assert cli("export-json", out, "-o", tmp_path / "out.json").returncode == 0


def test_repair_refuses_to_write_over_its_input(cli, demo, tmp_path):
    path = lying_file(demo, tmp_path, LIES[1])
    before = path.read_bytes()
    result = cli("repair", path, "-o", path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"cocreate repair: {path}: this is the session file itself; choose another output file"
    )
    assert path.read_bytes() == before
