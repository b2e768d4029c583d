"""A large board opens before its notes' items are made (canvas/deferred_notes.py): until the
window's idle moments have made them, the canvas shows every note exactly as its item does,
and whatever a person does first (a press, a key, the pointer over a note) finds the notes'
own items. A board is "large" from DEFER_FROM notes on; these tests lower it."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem

from cocreate.canvas import deferred_notes, mirror
from cocreate.canvas.scene import JourneyScene
from cocreate.document import Document
from cocreate.geometry import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.ui.journey_tabs import JourneyTabs
from tests.benchmark.sessions import build_board_session

JOURNEY = 1
ON_BOARD, PINNED_TO_STAGES, PINNED_TO_CARDS = 300, 30, 30
NOTES = ON_BOARD + PINNED_TO_STAGES + PINNED_TO_CARDS


@pytest.fixture(scope="module")
def board_file(tmp_path_factory):
    """A board of free, pinned, private, voted and overlapping notes."""
    path = tmp_path_factory.mktemp("deferred") / "board.cocreate"
    build_board_session(
        path,
        ON_BOARD,
        cards=24,
        pinned_to_stages=PINNED_TO_STAGES,
        pinned_to_cards=PINNED_TO_CARDS,
        private_every=7,
        votes=80,
    )
    document = Document.open(path)
    try:
        first, second, third = document.rows("note", journey_id=JOURNEY)[10:13]
        # two notes laid partly over another: the later one shows on top
        document.place_notes(
            {
                second["id"]: {"x": first["x"] + 40, "y": first["y"] + 30},
                third["id"]: {"x": first["x"] + 80, "y": first["y"] + 60},
            }
        )
    finally:
        document.close()
    return path


@pytest.fixture
def large(monkeypatch, tmp_path, board_file):
    """A copy of the board, opened, with the board counted large."""
    monkeypatch.setattr(mirror, "DEFER_FROM", 10)
    path = tmp_path / "board.cocreate"
    shutil.copyfile(board_file, path)
    document = Document.open(path)
    yield document
    document.close()


class NoIdleMoments(QTimer):
    """A window too busy to make any note's item in its idle moments."""

    def start(self, *_args) -> None:
        pass


@pytest.fixture
def busy(monkeypatch):
    monkeypatch.setattr(deferred_notes, "QTimer", NoIdleMoments)


def rendered(scene: JourneyScene, source: QRectF, width: int) -> QImage:
    height = round(width * source.height() / source.width())
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width, height), source)
    painter.end()
    return image


def place(scene: JourneyScene, row) -> QPointF:
    """Where the note's item goes (asked without making it)."""
    return scene.note_origin(row) + QPointF(row["x"], row["y"])


def around(scene: JourneyScene, row) -> QRectF:
    return QRectF(place(scene, row) - QPointF(60, 60), QPointF(NOTE_WIDTH, NOTE_HEIGHT) * 2.5)


def test_until_their_items_are_made_the_notes_look_as_their_items_do(qapp, large):
    scene = JourneyScene(large, JOURNEY)
    assert scene.deferral.waiting == NOTES and scene.note_items == {}
    rows = large.rows("note", journey_id=JOURNEY)
    voted = large.rows("vote")[0]["note_id"]
    spots = {
        "private": next(row for row in rows if row["hidden"]),
        "voted": next(row for row in rows if row["id"] == voted),
        "on a card": next(row for row in rows if row["touchpoint_id"] is not None),
        "on a stage": next(row for row in rows if row["stage_id"] is not None),
        "overlapping": rows[10],
    }
    sources = {"far away": (scene.sceneRect(), 900)}  # each note its colour only
    for name, row in spots.items():
        sources[f"{name}, 1:1"] = (area := around(scene, row), round(area.width()))
        sources[f"{name}, half size"] = (area, round(area.width() / 2))
    before = {name: rendered(scene, *source) for name, source in sources.items()}
    assert len(scene.notes) == NOTES and scene.deferral.waiting == 0  # every item made
    for name, source in sources.items():
        assert rendered(scene, *source) == before[name], name


def shown(large, qtbot) -> JourneyTabs:
    tabs = JourneyTabs()
    qtbot.addWidget(tabs)
    tabs.set_document(large)
    tabs.resize(1000, 700)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs


def test_the_windows_idle_moments_make_every_notes_item_in_its_place(large, qtbot):
    tabs = shown(large, qtbot)
    scene = tabs.current_view().journey_scene()
    qtbot.waitUntil(lambda: scene.deferral.waiting == 0, timeout=10_000)
    assert deferred_notes.WaitingNotesItem not in {type(item) for item in scene.items()}
    for row in large.rows("note", journey_id=JOURNEY):
        note = scene.note_items[row["id"]]
        assert note.scene() is scene and note.pos() == place(scene, row)
        assert note.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    tabs.set_document(None)


def a_waiting_note(view) -> tuple[int, QPoint]:
    """A note in view whose item is not made yet, and a point on it in the viewport."""
    scene = view.journey_scene()
    waiting = scene.deferral.item
    shown = QRectF(view.viewport().rect().adjusted(20, 20, -20, -20))
    for index in range(waiting.first_waiting, len(waiting.notes)):
        row, _dots, x, y = waiting.notes[index]
        spot = view.mapFromScene(QPointF(x + NOTE_WIDTH / 2, y + NOTE_HEIGHT / 2))
        if shown.contains(QPointF(spot)):
            return row["id"], spot
    raise AssertionError("no waiting note in view")


@pytest.fixture
def board_view(large, qtbot, busy):
    """The board in a shown view, 1:1 over its notes, none of whose items is made yet."""
    tabs = shown(large, qtbot)
    view = tabs.current_view()
    view.auto_fit = False
    view.set_zoom(1.0)
    view.centerOn(place(view.journey_scene(), large.rows("note", journey_id=JOURNEY)[40]))
    qtbot.waitUntil(view.tiles.settled, timeout=10_000)
    assert view.journey_scene().deferral.waiting == NOTES
    yield view
    tabs.set_document(None)


def test_a_click_on_a_note_whose_item_waits_selects_that_note(board_view):
    note_id, spot = a_waiting_note(board_view)
    QTest.mouseClick(board_view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    scene = board_view.journey_scene()
    assert scene.deferral.waiting == 0
    assert scene.selected_note_ids() == [note_id]


def test_the_pointer_over_a_note_whose_item_waits_shows_the_hand_that_moves_it(board_view):
    scene, viewport = board_view.journey_scene(), board_view.viewport()
    bare = next(
        spot
        for spot in (QPoint(x, y) for x in range(5, 1000, 15) for y in range(5, 700, 15))
        if not scene.deferral.note_at(board_view.mapToScene(spot))
    )
    QTest.mouseMove(viewport, pos=bare)
    assert scene.deferral.waiting == NOTES  # over no note: nothing is made
    _note_id, spot = a_waiting_note(board_view)
    QTest.mouseMove(viewport, pos=spot)
    assert scene.deferral.waiting == 0
    assert viewport.cursor().shape() == Qt.CursorShape.OpenHandCursor


def test_a_key_pressed_in_the_view_finds_the_notes_own_items(board_view):
    QTest.keyClick(board_view, Qt.Key.Key_Right)
    assert board_view.journey_scene().deferral.waiting == 0


def test_a_card_changed_while_notes_wait_shows_in_the_next_frame(board_view, qtbot):
    """The notes' items are made with the scene's reports of change held back (they draw what
    was drawn), but a change made just before is still reported and shown."""
    scene = board_view.journey_scene()
    card_id, card = next(iter(scene.cards.items()))
    board_view.centerOn(card.sceneBoundingRect().center())
    qtbot.waitUntil(board_view.tiles.settled, timeout=10_000)
    seen = board_view.mapFromScene(card.sceneBoundingRect()).boundingRect()

    def frame() -> QImage:
        return board_view.viewport().grab().toImage().copy(seen)

    before = frame()
    assert scene.document.update_touchpoint(card_id, title="Renamed while the notes wait")
    scene.deferral.place_all()  # as a key pressed right after it would
    qtbot.wait(50)
    after = frame()
    assert after != before
    board_view.tiles.clear()  # every tile rendered afresh from the items as they are
    board_view.viewport().repaint()
    qtbot.waitUntil(board_view.tiles.settled, timeout=10_000)
    assert frame() == after


def test_making_the_items_renders_nothing_again(board_view):
    """The items draw what was drawn in their place: no tile is rendered again for them."""
    cache = board_view.tiles
    cache.rendered.clear()
    board_view.journey_scene().deferral.place_all()
    board_view.viewport().repaint()
    board_view.viewport().repaint()
    assert board_view.journey_scene().deferral.waiting == 0
    assert cache.rendered == []


def every_note_in_its_place(scene: JourneyScene) -> None:
    rows = scene.document.rows("note", journey_id=JOURNEY)
    assert scene.deferral.waiting == 0 and set(scene.note_items) == {row["id"] for row in rows}
    for row in rows:
        note = scene.note_items[row["id"]]
        assert note.scene() is scene and note.row == row and note.pos() == place(scene, row)


def test_a_note_added_from_elsewhere_while_notes_wait_joins_them(qapp, large, busy):
    scene = JourneyScene(large, JOURNEY)
    assert scene.deferral.waiting == NOTES
    note_id = large.add_note(JOURNEY, "From a phone", None, 40.0, 30.0)  # as the room adds it
    assert note_id is not None
    every_note_in_its_place(scene)
    assert scene.note_items[note_id].row["text"] == "From a phone"


def test_a_stage_added_while_notes_wait_lays_every_note_out_again(qapp, large, busy):
    scene = JourneyScene(large, JOURNEY)
    assert scene.deferral.waiting == NOTES
    assert large.add_stage(JOURNEY, "New stage", 0) is not None  # the columns move right
    every_note_in_its_place(scene)


def test_a_note_placed_far_away_keeps_the_waiting_notes_quick_to_draw(qapp, large):
    """The waiting notes are found by the squares of the board they lie in; a note placed far
    off makes those squares countless over the whole scene, which still draws at once."""
    far_off = large.rows("note", journey_id=JOURNEY)[5]
    assert large.place_notes({far_off["id"]: {"x": 1e15, "y": 3e14}})
    scene = JourneyScene(large, JOURNEY)
    assert scene.deferral.waiting == NOTES
    whole = scene.sceneRect()
    assert whole.width() > 1e15
    shown = [(whole, 900), (around(scene, large.row("note", far_off["id"])), 400)]
    before = [rendered(scene, *source) for source in shown]
    assert len(scene.notes) == NOTES
    assert [rendered(scene, *source) for source in shown] == before
