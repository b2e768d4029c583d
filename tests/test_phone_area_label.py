"""The board says where notes from phones gather: a quiet "From phones" with a phone mark just
above the first row of the grid where a phone's note without a stage or card lands. It shows
while a note lies in that grid, follows the board when the blueprint grows, moves with the
grid when a board note pushes it right, costs the arriving note no re-layout, and is left out
of images of the canvas like the board's hint."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest

from cocreate.canvas.image_export import render_scene
from cocreate.canvas.scene import JourneyScene
from cocreate.canvas.view import JourneyView
from cocreate.document import Document
from cocreate.geometry import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.phone_edits import PITCH_X, phone_area_left
from tests.benchmark.sessions import build_board_session

JOURNEY = 1
LEFT = Qt.MouseButton.LeftButton
#: The band just above a row of notes where the label's words are drawn (from the row's
#: top-left), clear of the edge of an empty board that the first slot may sit on.
BAND = QRectF(24, -28, 90, 24)


@pytest.fixture
def document(qapp, tmp_path):
    """A salon with a journey of 12 cards, 20 participants and an empty board."""
    path = tmp_path / "phones.cocreate"
    build_board_session(path, notes=0)
    document = Document.open(path)
    yield document
    document.close()


@pytest.fixture
def view(document, qtbot):
    scene = JourneyScene(document, JOURNEY)
    view = JourneyView(scene)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    yield view
    scene.detach()


@pytest.fixture
def ann(document) -> int:
    return document.add_phone_participant("王小明 Ann")


@pytest.fixture
def syncs(monkeypatch) -> list[int]:
    """One entry per full sync (a journey read and laid out again) of any scene."""
    calls: list[int] = []
    original = JourneyScene.sync

    def sync(self):
        calls.append(1)
        return original(self)

    monkeypatch.setattr(JourneyScene, "sync", sync)
    return calls


def render(scene, rect: QRectF) -> QImage:
    """The scene's rect painted 1:1, as a view paints it."""
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def darkest(image: QImage, area: QRect | None = None) -> int:
    """The lowest lightness (0 black … 255 white) of the image's pixels (inside area)."""
    area = image.rect() if area is None else area.intersected(image.rect())
    return min(
        image.pixelColor(QPoint(x, y)).lightness()
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    )


def ink_above(scene, top_left: QPointF) -> int:
    """The darkest pixel of the band just above a row of notes starting at top_left: the
    board's pale fill (about 247) when nothing is written there."""
    return darkest(render(scene, BAND.translated(top_left)))


def first_slot(scene) -> QPointF:
    """Where the first note from a phone goes on the canvas of the demo board."""
    return QPointF(phone_area_left(scene.layout.width), scene.layout.board_top + 96)


def drag_note(view, note, target_top_left: QPointF) -> None:
    """Drag a note by its middle so that its top-left corner lands on target_top_left."""
    middle = QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
    view.centerOn(note.pos() + middle)
    start = view.mapFromScene(note.pos() + middle)
    end = view.mapFromScene(target_top_left + middle)
    QTest.mousePress(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 9):
        QTest.mouseMove(view.viewport(), start + (end - start) * (step / 8))
    QTest.mouseRelease(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, end)


def test_a_note_from_a_phone_is_labelled_from_phones_just_above_it(view, document, ann, syncs):
    scene = view.scene()
    slot = first_slot(scene)
    assert ink_above(scene, slot) > 240  # an empty board: nothing written over the grid

    note_id = document.add_phone_note(JOURNEY, ann, "排队太久 The queue is too long", "pain_point")
    note = scene.notes[note_id]
    assert note.pos() == slot
    assert ink_above(scene, slot) < 200  # the label is drawn there

    label = scene.phone_area.sceneBoundingRect()
    assert scene.phone_area.isVisible() and scene.phone_area.scene() is scene
    assert label.left() == note.x() and label.bottom() < note.y()
    assert note.y() - label.bottom() < 16  # right above the first row, not floating away
    assert scene.board.area.contains(label)
    assert not label.intersects(scene.board.hint_rect())
    assert syncs == []  # the note came through a targeted update: nothing laid out again

    # More notes fill the row under the same label; it stays where the row begins.
    for n in range(3):
        document.add_phone_note(JOURNEY, ann, f"note {n}", "idea")
    assert scene.phone_area.sceneBoundingRect() == label and syncs == []

    for _ in range(4):
        document.undo_stack.undo()
    assert not scene.phone_area.isVisible()
    assert ink_above(scene, slot) > 240


def test_no_label_without_a_note_in_the_area(view, document, ann):
    scene = view.scene()
    slot = first_slot(scene)
    author = document.rows("participant")[0]["id"]
    document.add_note(JOURNEY, "On the board, far left", author, 300.0, 200.0)
    stage = document.rows("stage", journey_id=JOURNEY)[0]["id"]
    document.add_phone_note(JOURNEY, ann, "About a stage", "idea", stage_id=stage)
    assert not scene.phone_area.isVisible()
    assert ink_above(scene, slot) > 240
    # An image fits the items on the canvas: the unused label widens it by nothing.
    drawn = QRectF(0, 0, scene.layout.width, scene.layout.curve.bottom).united(scene.board.area)
    assert scene.itemsBoundingRect().right() <= drawn.right() + 2

    note_id = document.add_phone_note(JOURNEY, ann, "For the board", "idea")
    assert scene.phone_area.isVisible()
    # The facilitator drags the only note of the area away, to the left of the board.
    drag_note(view, scene.notes[note_id], QPointF(300.0, slot.y() + 400))
    assert scene.notes[note_id].x() < slot.x() - NOTE_WIDTH
    assert not scene.phone_area.isVisible()
    assert ink_above(scene, slot) > 240


def test_the_label_follows_the_board_when_the_blueprint_grows(view, document, ann):
    scene = view.scene()
    note_id = document.add_phone_note(JOURNEY, ann, "Waiting", "pain_point")
    board_top = scene.layout.board_top
    stage = document.rows("stage", journey_id=JOURNEY)[0]["id"]
    lane = document.rows("lane", journey_id=JOURNEY)[0]["id"]
    for n in range(6):  # the first lane grows taller: the board moves down
        document.add_touchpoint(JOURNEY, stage, lane, title=f"Card {n}")
    assert scene.layout.board_top > board_top
    note = scene.notes[note_id]
    label = scene.phone_area.sceneBoundingRect()
    assert label.left() == note.x() and 0 < note.y() - label.bottom() < 16
    assert scene.board.area.contains(label)
    assert ink_above(scene, note.pos()) < 200


def test_a_board_note_pushing_the_grid_right_takes_the_label_along(view, document, ann):
    scene = view.scene()
    slot = first_slot(scene)
    author = document.rows("participant")[0]["id"]
    # A note of the board begins left of the grid and reaches into it (stored from the board).
    document.add_note(JOURNEY, "Mine", author, slot.x() - 100, 400.0)
    note_id = document.add_phone_note(JOURNEY, ann, "Pushed along", "idea")
    note = scene.notes[note_id]
    assert note.x() > slot.x()  # the grid begins right past the board note
    label = scene.phone_area.sceneBoundingRect()
    assert label.left() == note.x() and 0 < note.y() - label.bottom() < 16
    assert ink_above(scene, note.pos()) < 200
    assert label.right() < note.x() + PITCH_X * 8


def test_images_leave_the_label_out_and_the_screen_keeps_it(view, document, ann, tmp_path):
    scene = view.scene()
    note_id = document.add_phone_note(JOURNEY, ann, "排队 queue", "pain_point")
    note = scene.notes[note_id]
    label = scene.phone_area.sceneBoundingRect()

    svg = tmp_path / "journey.svg"
    render_scene(scene, svg, "Journey")
    text = svg.read_text(encoding="utf-8")
    assert "排队" in text and "From phones" not in text

    png = tmp_path / "journey.png"
    source = scene.itemsBoundingRect().adjusted(-30, -30, 30, 30)
    render_scene(scene, png)
    image = QImage(str(png))
    scale = image.width() / source.width()
    spot = QRectF((label.topLeft() - source.topLeft()) * scale, label.size() * scale)
    assert darkest(image, spot.toRect()) > 240  # the board's fill, no label

    assert ink_above(scene, note.pos()) < 200  # on screen the label is back


def test_a_cluster_made_of_the_first_row_takes_the_labels_place(view, document, ann):
    scene = view.scene()
    ids = [document.add_phone_note(JOURNEY, ann, f"Queue {n} 排队", "pain_point") for n in range(5)]
    words = scene.phone_area.mapRectToScene(scene.phone_area.words_rect())
    cluster_id = document.group_notes(JOURNEY, ids[:3], "Waiting 等待")
    frame = scene.clusters[cluster_id].frame
    assert frame.intersects(words)  # the cluster's title is where the label was
    assert not scene.phone_area.isVisible()  # so no label shows through under it

    document.undo_stack.undo()
    assert cluster_id not in scene.clusters
    assert scene.phone_area.isVisible()
    assert ink_above(scene, scene.notes[ids[0]].pos()) < 200
