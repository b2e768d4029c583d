"""A board of 2 000 sticky notes: free on the board, pinned to stages and cards, in clusters,
private and voted. It opens in the journey tabs without errors, every note has its item in its
place, the view fits it and a whole frame paints. The session is the benchmark's
(tests.benchmark.sessions)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF

from cocreate.document import Document
from cocreate.geometry import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.labels import plain_tip
from cocreate.layout import is_free
from cocreate.ui.journey_tabs import JourneyTabs
from tests.benchmark.sessions import PARTICIPANTS, build_board_session

JOURNEY = 1
ON_BOARD, PINNED_TO_STAGES, PINNED_TO_CARDS, CARDS = 1700, 200, 100, 24
NOTES = ON_BOARD + PINNED_TO_STAGES + PINNED_TO_CARDS
PRIVATE_EVERY, VOTES = 17, len(PARTICIPANTS) * 5

pytestmark = pytest.mark.slow  # a large session per test


def build_board(path) -> None:
    build_board_session(
        path,
        ON_BOARD,
        cards=CARDS,
        pinned_to_stages=PINNED_TO_STAGES,
        pinned_to_cards=PINNED_TO_CARDS,
        private_every=PRIVATE_EVERY,
        votes=VOTES,
    )


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
    on_cards = [row for row in rows if row["touchpoint_id"] is not None]
    on_stages = [row for row in rows if row["stage_id"] is not None]
    assert (len(on_cards), len(on_stages)) == (PINNED_TO_CARDS, PINNED_TO_STAGES)
    for row in on_cards:
        card = scene.cards[row["touchpoint_id"]]
        assert scene.notes[row["id"]].pos() == card.pos() + QPointF(row["x"], row["y"])
    for row in on_stages:
        column = scene.layout.columns[row["stage_id"]]
        assert column.x <= scene.notes[row["id"]].x() < column.right
    # Free notes lie on the board, which grows to hold them all.
    free = [row for row in rows if is_free(row)]
    assert len(free) == ON_BOARD
    assert min(scene.notes[row["id"]].y() for row in free) > scene.layout.curve.bottom
    for row in free:
        note_rect = QRectF(scene.notes[row["id"]].pos(), QSizeF(NOTE_WIDTH, NOTE_HEIGHT))
        assert scene.board.area.contains(note_rect)
        assert scene.sceneRect().contains(note_rect)
    # Clusters frame their notes; the votes show as dots.
    members = Counter(row["cluster_id"] for row in rows if row["cluster_id"] is not None)
    assert len(scene.clusters) == len(members) >= 30
    for cluster_id, cluster in scene.clusters.items():
        notes = scene.cluster_notes(cluster_id)
        assert len(notes) == members[cluster_id] and cluster.isVisible()
        for note in notes:
            assert cluster.frame.contains(note.sceneBoundingRect().adjusted(3, 3, -6, -6))
    assert sum(len(note.vote_colors) for note in scene.notes.values()) == VOTES


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
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)
    }
    assert len(colours) > 6  # notes in their authors' colours, not a blank frame


def test_an_edit_on_a_large_board_is_one_command_and_undoes(large_board):
    scene = large_board.journey_scene()
    document = scene.document
    note = scene.notes[ON_BOARD]  # the board's last free note
    start = note.pos()
    stored = start - scene.note_origin(note.row)  # free notes are measured from the board
    assert document.place_notes({ON_BOARD: {"x": stored.x() + 40, "y": stored.y() + 40}})
    assert scene.notes[ON_BOARD].pos() == start + QPointF(40, 40)
    assert document.reveal_notes([row["id"] for row in document.store.rows("note", hidden=True)])
    assert not any(note.row["hidden"] for note in scene.notes.values())
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert scene.notes[ON_BOARD].pos() == start
    hidden = sum(note.row["hidden"] for note in scene.notes.values())
    assert hidden == len(range(0, NOTES, PRIVATE_EVERY))
