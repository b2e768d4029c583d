"""The board moves with the blueprint: whenever the lanes grow or shrink, free notes and
clusters keep their place on the board, below the emotion curve, and never cover the blueprint.

Free notes are stored from the board's top-left corner (schema 3); files of schema 2 stored
them from the canvas's and are converted on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from cocreate.demo import write_demo
from cocreate.layout import FREE_NOTE_TOP, compute_layout
from cocreate.store import SessionFile, schema
from cocreate.ui.app import create_application, start_window

JOURNEY = 1
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot):
    create_application()
    main = start_window()
    qtbot.waitExposed(main)
    main.showNormal()
    main.resize(1600, 1000)
    qtbot.waitUntil(lambda: main.tabs.current_view().viewport().width() > 800)
    yield main


def stage_ids(document) -> list[int]:
    rows = document.store.rows("stage", order_by="position", journey_id=JOURNEY)
    return [row["id"] for row in rows]


def lane_ids(document) -> list[int]:
    rows = document.store.rows("lane", order_by="position", journey_id=JOURNEY)
    return [row["id"] for row in rows]


def blueprint(scene) -> QRectF:
    """The lanes and the emotion curve below them."""
    return QRectF(0, 0, scene.layout.width, scene.layout.curve.bottom)


def free_rects(scene) -> list[QRectF]:
    rects = [
        note.sceneBoundingRect()
        for note in scene.notes.values()
        if note.row["stage_id"] is None and note.row["touchpoint_id"] is None
    ]
    return rects + [c.frame for c in scene.clusters.values() if c.isVisible()]


def board_layout(scene) -> dict:
    """Where every note and cluster frame is, and where the board is."""
    return {
        "notes": {note_id: note.pos() for note_id, note in scene.notes.items()},
        "clusters": {cid: QRectF(c.frame) for cid, c in scene.clusters.items()},
        "board": QRectF(scene.board.area),
    }


def assert_board_clear_of_blueprint(scene) -> None:
    lanes = blueprint(scene)
    for rect in free_rects(scene):
        assert not rect.intersects(lanes), (rect, lanes)
    assert scene.board.area.top() >= lanes.bottom()


def test_growing_and_shrinking_the_blueprint_carries_the_board_along(window, qtbot):
    document, scene, view = window.document, window.tabs.current_scene(), window.tabs.current_view()
    author = document.add_participant("Ana", "#ffd54f", "facilitator")
    top = scene.layout.board_top
    first = document.add_note(JOURNEY, "Queue 排队", author, 40, FREE_NOTE_TOP)
    second = document.add_note(JOURNEY, "Wi-Fi", author, 260, FREE_NOTE_TOP)
    document.add_note(JOURNEY, "Parking lot", author, 700, FREE_NOTE_TOP + 20)
    document.group_notes(JOURNEY, [first, second], "Waiting 等待")
    document.undo_stack.clear()
    before = board_layout(scene)
    assert_board_clear_of_blueprint(scene)

    stages, lanes = stage_ids(document), lane_ids(document)
    # 1. Cards added by double-clicking one cell: its lane gets taller, row after row.
    view.auto_fit = False
    view.set_zoom(0.5)
    for _ in range(4):
        cell = scene.layout.cells[(stages[1], lanes[1])]
        view.ensureVisible(QRectF(cell.x, cell.y, cell.width, cell.height), 10, 10)
        spot = view.mapFromScene(QPointF(cell.x + cell.width / 2, cell.bottom - 6))
        QTest.mouseDClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, spot)
    assert document.store.count("touchpoint", journey_id=JOURNEY) == 4
    assert scene.layout.board_top > top
    assert_board_clear_of_blueprint(scene)
    grown = scene.layout.board_top
    note = scene.notes[first]
    assert note.y() - grown == pytest.approx(before["notes"][first].y() - top)

    # 2. A card deleted with the Delete key: the lane shrinks, the board comes up.
    card = max(document.store.rows("touchpoint", journey_id=JOURNEY), key=lambda r: r["id"])
    scene.select_touchpoints([card["id"]])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert document.store.row("touchpoint", card["id"]) is None
    assert scene.layout.board_top < grown
    assert_board_clear_of_blueprint(scene)

    # 3. A lane added, 4. hidden, 5. shown again, 6. a stage made wider (fewer card rows).
    document.add_lane(JOURNEY, "Partners 合作方", 1)
    assert_board_clear_of_blueprint(scene)
    document.update_lane(lanes[0], hidden=True)
    assert_board_clear_of_blueprint(scene)
    document.update_lane(lanes[0], hidden=False)
    assert_board_clear_of_blueprint(scene)
    tall = scene.layout.board_top
    document.update_stage(stages[1], width=2 * 200 + 12 + 2 * 14)
    assert scene.layout.board_top < tall
    assert_board_clear_of_blueprint(scene)

    # Undo everything: the board, its notes and the cluster are exactly where they were.
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
        assert_board_clear_of_blueprint(scene)
    assert board_layout(scene) == before


def test_a_note_let_go_on_the_emotion_curve_lands_on_the_board(window, qtbot):
    document, scene, view = window.document, window.tabs.current_scene(), window.tabs.current_view()
    author = document.add_participant("Ana", "#ffd54f", "facilitator")
    note_id = document.add_note(JOURNEY, "Loud music", author, 300, FREE_NOTE_TOP + 50)
    view.auto_fit = False
    view.set_zoom(0.5)
    note = scene.notes[note_id]
    grip = note.sceneBoundingRect().center()
    curve = scene.layout.curve
    target = QPointF(curve.x + 40, curve.y + curve.height / 2)  # on the curve, under the lanes
    view.centerOn(QPointF(grip.x(), (grip.y() + target.y()) / 2))
    start, end = view.mapFromScene(grip), view.mapFromScene(target)
    QTest.mousePress(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 9):
        QTest.mouseMove(view.viewport(), start + (end - start) * step / 8)
    QTest.mouseRelease(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, end)
    row = document.store.row("note", note_id)
    assert row["stage_id"] is None and row["touchpoint_id"] is None
    assert row["y"] == FREE_NOTE_TOP  # the board's first row, not the curve
    assert_board_clear_of_blueprint(scene)


def test_the_scene_holds_every_note_even_one_pinned_above_the_headers(window):
    document, scene = window.document, window.tabs.current_scene()
    stage = stage_ids(document)[0]
    note_id = document.add_note(JOURNEY, "Up high", None, 10, -400, stage_id=stage)
    assert scene.sceneRect().contains(scene.notes[note_id].sceneBoundingRect())


# -- the file: schema 2 stored free notes from the canvas's corner --------------------------------


def as_version_2(path: Path) -> dict[int, float]:
    """Turn a current file back into the version-2 shape: free notes measured from the
    canvas's corner. The board tops of its journeys, by journey id."""
    store = SessionFile.open(path)
    try:
        tops = {
            journey["id"]: compute_layout(
                store.rows("stage", journey_id=journey["id"]),
                store.rows("lane", journey_id=journey["id"]),
                store.rows("touchpoint", journey_id=journey["id"]),
            ).board_top
            for journey in store.rows("journey")
        }
    finally:
        store.close()
    conn = sqlite3.connect(path)
    for journey_id, top in tops.items():
        conn.execute(
            "UPDATE note SET y = y + ? WHERE journey_id = ? AND stage_id IS NULL"
            " AND touchpoint_id IS NULL",
            (top, journey_id),
        )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    return tops


def notes_by_id(path: Path) -> dict[int, dict]:
    store = SessionFile.open(path)
    try:
        return {row["id"]: row for row in store.rows("note")}
    finally:
        store.close()


def test_a_version_2_file_keeps_its_board_when_notes_are_measured_from_it(tmp_path):
    path = tmp_path / "salon v2 沙龙.cocreate"
    write_demo(path)
    expected = notes_by_id(path)
    as_version_2(path)

    upgraded = notes_by_id(path)  # opening migrates the file in place
    assert upgraded == expected
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    conn.close()


def test_a_version_2_board_reaching_up_on_the_blueprint_moves_down_as_a_whole(tmp_path):
    path = tmp_path / "v2.cocreate"
    write_demo(path)
    tops = as_version_2(path)
    conn = sqlite3.connect(path)
    # A free note up among the lanes, as version 2 allowed (canvas coordinates).
    conn.execute(
        "INSERT INTO note (journey_id, text, author_id, color, category, x, y, hidden,"
        " created_at) VALUES (1, 'up high', NULL, '', '', 1400, 100, 0, '')"
    )
    conn.commit()
    free = {
        note_id: (x, y)
        for note_id, x, y in conn.execute(
            "SELECT id, x, y FROM note WHERE journey_id = 1 AND stage_id IS NULL"
            " AND touchpoint_id IS NULL"
        )
    }
    conn.close()

    upgraded = notes_by_id(path)
    highest = min(y for _, y in free.values())
    shift = tops[1] - (FREE_NOTE_TOP - (highest - tops[1]))
    for note_id, (x, y) in free.items():
        assert (upgraded[note_id]["x"], upgraded[note_id]["y"]) == (x, y - shift)
    assert min(upgraded[note_id]["y"] for note_id in free) == FREE_NOTE_TOP
