"""A board of 2 000 sticky notes: free on the board, pinned to stages and cards, in clusters,
private and voted. It opens in the journey tabs without errors, every note has its item in its
place, the view fits it and a whole frame paints."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF

from cocreate.canvas.notes import NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH
from cocreate.document import Document
from cocreate.labels import plain_tip
from cocreate.layout import compute_layout
from cocreate.store import SessionFile
from cocreate.store.ops import insert_rows
from cocreate.templates import journey_rows
from cocreate.ui.journey_tabs import JourneyTabs

JOURNEY = 1
NOTES, PEOPLE, CLUSTERS, CARDS = 2000, 12, 40, 24
PINNED_TO_STAGES, PINNED_TO_CARDS = 200, 100
COLUMNS = 40  # free notes per row on the board
CATEGORIES = ["", "pain_point", "idea", "question", "praise", "need"]
COLORS = ["#ffd54f", "#ff8a65", "#81d4fa", "#a5d6a7", "#f48fb1", "#ce93d8"]


def build_board(path) -> None:
    """One journey of the loyalty template with 2 000 notes, written in one transaction."""

    def fill(conn) -> None:
        insert_rows(conn, "journey", [{"id": JOURNEY, "name": "Board 便签墙",
                                       "position": 0, "template": "loyalty"}])
        stages, lanes = journey_rows("loyalty", "en", JOURNEY)
        stages = [row | {"id": n + 1} for n, row in enumerate(stages)]
        lanes = [row | {"id": n + 1} for n, row in enumerate(lanes)]
        insert_rows(conn, "stage", stages)
        insert_rows(conn, "lane", lanes)
        touchpoints = [
            {"id": n + 1, "journey_id": JOURNEY, "stage_id": n % len(stages) + 1,
             "lane_id": n // len(stages) % len(lanes) + 1, "position": n // 20,
             "title": f"Touchpoint {n + 1} 触点"}
            for n in range(CARDS)
        ]
        insert_rows(conn, "touchpoint", touchpoints)
        stage_rows = [row | {"width": 260.0} for row in stages]
        board_top = compute_layout(stage_rows, lanes, touchpoints).board_top
        insert_rows(conn, "participant", [
            {"id": n + 1, "name": f"Person {n + 1} 参与者", "color": COLORS[n % len(COLORS)],
             "role": "participant", "vote_budget": 5, "position": n}
            for n in range(PEOPLE)
        ])
        insert_rows(conn, "cluster", [
            {"id": n + 1, "journey_id": JOURNEY, "title": f"Cluster {n + 1} 分组"}
            for n in range(CLUSTERS)
        ])
        notes = []
        for n in range(NOTES):
            row = {
                "id": n + 1, "journey_id": JOURNEY, "author_id": n % PEOPLE + 1,
                "stage_id": None, "touchpoint_id": None, "cluster_id": None,
                "text": f"Note {n + 1}: the queue at the counter 排队太久 " * (1 + n % 3),
                "category": CATEGORIES[n % len(CATEGORIES)], "hidden": n % 17 == 0,
                "created_at": "2024-05-01T10:00:00+08:00",
            }
            if n < PINNED_TO_STAGES:
                row |= {"stage_id": n % len(stages) + 1,
                        "x": 10.0 + n % 5 * 8, "y": 70.0 + n % 7 * 9}
            elif n < PINNED_TO_STAGES + PINNED_TO_CARDS:
                row |= {"touchpoint_id": n % CARDS + 1, "x": 20.0 + n % 3 * 5, "y": 15.0}
            else:
                free = n - PINNED_TO_STAGES - PINNED_TO_CARDS
                row_number, column = divmod(free, COLUMNS)
                row |= {"x": 20.0 + column * (NOTE_WIDTH + NOTE_GAP),
                        "y": board_top + 40 + row_number * (NOTE_HEIGHT + NOTE_GAP),
                        "cluster_id": free // 20 + 1 if free < CLUSTERS * 20 else None}
            notes.append(row)
        insert_rows(conn, "note", notes)
        insert_rows(conn, "vote", [
            {"id": n + 1, "participant_id": n % PEOPLE + 1, "note_id": n * 7 % NOTES + 1,
             "round": 1}
            for n in range(PEOPLE * 5)
        ])

    store = SessionFile.create(path, fill=fill, title="Large board")
    store.close()


@pytest.fixture
def large_board(qtbot, tmp_path):
    path = tmp_path / "board.cocreate"
    build_board(path)
    document = Document.open(path)
    tabs = JourneyTabs()
    qtbot.addWidget(tabs)
    tabs.set_document(document)
    tabs.resize(1400, 900)
    tabs.show()
    qtbot.waitExposed(tabs)
    yield tabs.current_view()
    tabs.set_document(None)
    document.close()


def test_every_note_of_a_large_board_has_its_item_in_place(large_board):
    scene = large_board.journey_scene()
    rows = scene.document.store.rows("note", journey_id=JOURNEY)
    assert len(rows) == NOTES
    assert len(scene.notes) == NOTES
    for row in rows:
        item = scene.notes[row["id"]]
        assert item.pos() == scene.note_origin(row) + QPointF(row["x"], row["y"])
        assert item.row == row
        assert item.toolTip() == ("" if row["hidden"] else plain_tip(row["text"]))
    # Pinned notes stand on their card or in their stage column.
    for row in rows[PINNED_TO_STAGES : PINNED_TO_STAGES + PINNED_TO_CARDS]:
        card = scene.cards[row["touchpoint_id"]]
        assert scene.notes[row["id"]].pos() == card.pos() + QPointF(row["x"], row["y"])
    for row in rows[:PINNED_TO_STAGES]:
        column = scene.layout.columns[row["stage_id"]]
        assert column.x <= scene.notes[row["id"]].x() < column.right
    # Free notes lie on the board, which grows to hold them all.
    free = rows[PINNED_TO_STAGES + PINNED_TO_CARDS :]
    assert min(row["y"] for row in free) > scene.layout.curve.bottom
    for row in free:
        note_rect = QRectF(scene.notes[row["id"]].pos(), QSizeF(NOTE_WIDTH, NOTE_HEIGHT))
        assert scene.board.area.contains(note_rect)
        assert scene.sceneRect().contains(note_rect)
    # Clusters frame their notes; the votes show as dots.
    assert len(scene.clusters) == CLUSTERS
    for cluster_id, cluster in scene.clusters.items():
        members = scene.cluster_notes(cluster_id)
        assert len(members) == 20 and cluster.isVisible()
        for note in members:
            assert cluster.frame.contains(note.sceneBoundingRect().adjusted(3, 3, -6, -6))
    assert sum(len(note.vote_colors) for note in scene.notes.values()) == PEOPLE * 5


def test_a_large_board_fits_the_view_and_paints_a_whole_frame(large_board):
    view = large_board
    scene = view.journey_scene()
    view.zoom_to_board()  # Fit Board: every free note
    bounds = QRectF()
    for note in scene.notes.values():
        if note.row["stage_id"] is None and note.row["touchpoint_id"] is None:
            bounds = bounds.united(note.sceneBoundingRect())
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(bounds)
    assert 0.05 <= view.zoom() < 0.5
    image = view.grab().toImage()
    assert not image.isNull() and image.width() > 0
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23)
               for y in range(0, image.height(), 23)}
    assert len(colours) > 6  # notes in their authors' colours, not a blank frame

    # Close up, the text is drawn too.
    view.auto_fit = False
    view.set_zoom(1.0)
    view.centerOn(scene.notes[NOTES].pos())
    assert not view.grab().toImage().isNull()


def test_an_edit_on_a_large_board_is_one_command_and_undoes(large_board):
    scene = large_board.journey_scene()
    document = scene.document
    note = scene.notes[NOTES]
    start = note.pos()
    stored = start - scene.note_origin(note.row)  # free notes are measured from the board
    assert document.place_notes({NOTES: {"x": stored.x() + 40, "y": stored.y() + 40}})
    assert scene.notes[NOTES].pos() == start + QPointF(40, 40)
    assert document.reveal_notes([row["id"] for row in document.store.rows("note", hidden=True)])
    assert not any(note.row["hidden"] for note in scene.notes.values())
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert scene.notes[NOTES].pos() == start
    assert sum(note.row["hidden"] for note in scene.notes.values()) == len(range(0, NOTES, 17))
