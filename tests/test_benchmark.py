"""The benchmark runs and reports; its session generator writes what it is asked for.

No figure is checked here: timings live in the benchmark's report, not in tests.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cocreate.benchmark import (
    NOTES_PER_CLUSTER,
    PARTICIPANTS,
    board_grid,
    build_board_session,
    build_session,
    parse_args,
    parse_board_sizes,
    parse_sizes,
)
from cocreate.canvas.notes import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.layout import compute_layout
from cocreate.store import SessionFile

ROOT = Path(__file__).resolve().parent.parent
NUMBER = r"\s*\d+(?:\.\d+)?\s*"


def test_benchmark_prints_a_row_of_figures_for_each_size(isolated_data_dir):
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "COCREATE_DATA_DIR": str(isolated_data_dir)}
    command = [sys.executable, "-m", "cocreate.benchmark", "--sizes", "20", "--board-sizes", "50"]
    done = subprocess.run(
        [*command, "--repeat", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "| size | touchpoints | links | open ms |" in done.stdout
    row = re.compile(r"^\|\s*20\s*\|\s*20\s*\|\s*4\s*\|" + rf"(?:{NUMBER}\|){{5}}\s*$", re.M)
    assert row.search(done.stdout), done.stdout
    board_header = (
        "| size | notes | open ms | paint fit ms | paint 1:1 ms | N→editable ms | drop→commit ms"
        " | peak RSS MB |"
    )
    assert board_header in done.stdout
    board_row = re.compile(r"^\|\s*50\s*\|\s*50\s*\|" + rf"(?:{NUMBER}\|){{6}}\s*$", re.M)
    assert board_row.search(done.stdout), done.stdout
    assert "CPUs" in done.stdout and "Python" in done.stdout and "Qt" in done.stdout


def test_build_session_writes_the_requested_counts(tmp_path):
    path = tmp_path / "bench.cocreate"
    build_session(path, touchpoints=120, links=24, stages=10)
    store = SessionFile.open(path)
    try:
        assert store.count("touchpoint") == 120
        assert store.count("link") == 24
        assert store.count("stage") == 10
        assert store.count("lane") == 5
        cards = store.rows("touchpoint")
        links = store.rows("link")
    finally:
        store.close()
    assert len({(row["stage_id"], row["lane_id"]) for row in cards}) > 20  # spread over cells
    assert any(re.search(r"[\u4e00-\u9fff]", row["title"]) for row in cards)
    assert any(row["title"].isascii() for row in cards)
    assert all(row["source_id"] != row["target_id"] for row in links)


def test_build_session_is_deterministic(tmp_path):
    for name in ("a.cocreate", "b.cocreate"):
        build_session(tmp_path / name, touchpoints=40, links=8)
    rows = []
    for name in ("a.cocreate", "b.cocreate"):
        store = SessionFile.open(tmp_path / name)
        try:
            rows.append((store.rows("touchpoint"), store.rows("link")))
        finally:
            store.close()
    assert rows[0] == rows[1]


def test_build_session_never_overwrites_a_file(tmp_path):
    path = tmp_path / "taken.cocreate"
    path.write_bytes(b"someone's work")
    with pytest.raises(FileExistsError):
        build_session(path, touchpoints=5, links=1)
    assert path.read_bytes() == b"someone's work"


def test_build_board_session_writes_the_requested_notes(tmp_path):
    path = tmp_path / "board.cocreate"
    build_board_session(path, notes=260)
    store = SessionFile.open(path)
    try:
        assert store.count("note") == 260
        assert store.count("participant") == len(PARTICIPANTS) == 20
        assert store.count("cluster") == 260 // NOTES_PER_CLUSTER
        assert 0 < store.count("touchpoint") <= 20  # a few cards
        notes = store.rows("note")
        layout = compute_layout(store.rows("stage"), store.rows("lane"), store.rows("touchpoint"))
        template_stages = len(store.rows("stage"))
    finally:
        store.close()
    assert template_stages == 4  # the loyalty template's
    assert sorted(row["id"] for row in notes) == list(range(1, 261))
    assert all(row["stage_id"] is None and row["touchpoint_id"] is None for row in notes)
    assert all(row["y"] >= layout.board_top for row in notes)  # on the board, below the lanes
    spots = sorted((row["y"], row["x"]) for row in notes)
    for (y1, x1), (y2, x2) in zip(spots, spots[1:], strict=False):
        assert y2 - y1 >= NOTE_HEIGHT or x2 - x1 >= NOTE_WIDTH  # a grid, no overlaps
    assert len({(row["x"], row["y"]) for row in notes}) == 260
    assert len({row["author_id"] for row in notes}) >= 15
    assert len({row["category"] for row in notes}) >= 4
    clustered = [row for row in notes if row["cluster_id"] is not None]
    assert {row["cluster_id"] for row in clustered} == set(range(1, 260 // NOTES_PER_CLUSTER + 1))
    assert any(re.search(r"[\u4e00-\u9fff]", row["text"]) for row in notes)
    assert any(row["text"].isascii() for row in notes)


def test_build_board_session_is_deterministic(tmp_path):
    rows = []
    for name in ("a.cocreate", "b.cocreate"):
        build_board_session(tmp_path / name, notes=60)
        store = SessionFile.open(tmp_path / name)
        try:
            rows.append((store.rows("note"), store.rows("cluster"), store.rows("participant")))
        finally:
            store.close()
    assert rows[0] == rows[1]


def test_board_grid_puts_no_two_notes_in_one_cell():
    for notes, clusters, columns in ((0, [], 3), (7, [7], 3), (500, [5, 12, 4, 9] * 2, 26)):
        cells = board_grid(notes, clusters, columns)
        assert len(cells) == len(set(cells)) == notes
        assert all(0 <= column < columns for column, _row in cells)


def test_board_sizes_may_be_empty_to_skip_the_board():
    assert parse_board_sizes("500,2000") == [500, 2000]
    assert parse_board_sizes("") == []
    assert parse_args(["--board-sizes", ""]).board_sizes == []
    assert parse_args(["--no-board"]).board_sizes == []
    assert parse_args([]).board_sizes == [500, 2000, 10000]


def test_sizes_are_positive_numbers():
    assert parse_sizes("50,500,2000") == [50, 500, 2000]
    with pytest.raises(argparse.ArgumentTypeError):
        parse_sizes("0")
