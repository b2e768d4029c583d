"""The large sessions the tests and the benchmark share (tests.benchmark.sessions): they hold
what they are asked for, realistic and deterministic, and never overwrite a file."""

from __future__ import annotations

import re

import pytest

from cocreate.geometry import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.layout import FREE_NOTE_TOP, compute_layout, is_free
from cocreate.store import SessionFile
from tests.benchmark.sessions import (
    NOTES_PER_CLUSTER,
    PARTICIPANTS,
    board_grid,
    build_board_session,
    build_session,
)


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
        template_stages = len(store.rows("stage"))
    finally:
        store.close()
    assert template_stages == 4  # the loyalty template's
    assert sorted(row["id"] for row in notes) == list(range(1, 261))
    assert all(row["stage_id"] is None and row["touchpoint_id"] is None for row in notes)
    # Measured from the board's corner: the first row right under the hint and cluster titles.
    assert min(row["y"] for row in notes) == FREE_NOTE_TOP
    assert min(row["x"] for row in notes) > 0
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


def test_build_session_takes_the_stage_widths_in_turn(tmp_path):
    path = tmp_path / "widths.cocreate"
    build_session(path, touchpoints=30, links=0, stages=5, stage_widths=[260.0, 480.0])
    store = SessionFile.open(path)
    try:
        widths = [row["width"] for row in store.rows("stage", order_by="position")]
    finally:
        store.close()
    assert widths == [260.0, 480.0, 260.0, 480.0, 260.0]


def test_a_board_session_can_pin_hide_and_vote(tmp_path):
    path = tmp_path / "full-board.cocreate"
    build_board_session(
        path, notes=100, pinned_to_stages=30, pinned_to_cards=20, private_every=7, votes=40
    )
    store = SessionFile.open(path)
    try:
        notes = store.rows("note")
        votes = store.rows("vote")
        layout = compute_layout(store.rows("stage"), store.rows("lane"), store.rows("touchpoint"))
        card_ids = {row["id"] for row in store.rows("touchpoint")}
    finally:
        store.close()
    assert len(notes) == 150
    on_stages = [row for row in notes if row["stage_id"] is not None]
    on_cards = [row for row in notes if row["touchpoint_id"] is not None]
    assert len([row for row in notes if is_free(row)]) == 100
    assert len(on_stages) == 30 and {row["stage_id"] for row in on_stages} == set(layout.columns)
    assert len(on_cards) == 20 and {row["touchpoint_id"] for row in on_cards} <= card_ids
    assert all(row["cluster_id"] is None for row in on_stages + on_cards)
    assert [row["id"] for row in notes if row["hidden"]] == list(range(1, 151, 7))
    assert len(votes) == 40
    assert {row["participant_id"] for row in votes} == set(range(1, 21))
    assert all(1 <= row["note_id"] <= 150 and row["touchpoint_id"] is None for row in votes)


def test_a_board_session_without_options_has_no_pins_secrets_or_votes(tmp_path):
    path = tmp_path / "plain.cocreate"
    build_board_session(path, notes=50)
    store = SessionFile.open(path)
    try:
        assert store.count("vote") == 0
        assert not [row for row in store.rows("note") if row["hidden"] or not is_free(row)]
    finally:
        store.close()
