"""Gestures on the canvas as objects (cocreate.canvas.interactions): the mode picks what a press
starts, each gesture runs from press to release and writes one edit at the end, and Escape in
the middle of a drag puts everything back and writes nothing."""

from __future__ import annotations

import pytest
from gui_helpers import when_modal
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QColorDialog, QDialogButtonBox, QRubberBand
from test_canvas import (
    JOURNEY,
    LEFT,
    Canvas,
    choose_from_context_menu,
    command_names,
    drag,
    mouse_move,
    mouse_press,
    mouse_release,
)

from cocreate.canvas.interactions import (
    DragCluster,
    DrawLink,
    Mode,
    MoveItems,
    NewNoteDraft,
    PaletteDrop,
    ReorderStage,
    ResizeStage,
    RubberBand,
    VoteClick,
)
from cocreate.canvas.items import LinkDraftItem
from cocreate.canvas.mime import palette_mime_data
from cocreate.canvas.notes import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.canvas.scene import JourneyScene
from cocreate.canvas.view import JourneyView
from cocreate.canvas.workshop_state import WorkshopState
from cocreate.document import Document
from cocreate.model import Role
from cocreate.ui.app import create_application, start_window
from cocreate.ui.journey_tabs import JourneyTabs


@pytest.fixture
def canvas(qtbot):
    document = Document.new_untitled("en")
    tabs = JourneyTabs()
    qtbot.addWidget(tabs)
    tabs.set_document(document)
    tabs.resize(1400, 960)
    tabs.show()
    qtbot.waitExposed(tabs)
    result = Canvas(tabs, document)
    result.reset_view(0.6)
    yield result
    tabs.set_document(None)
    document.close(discard=True)


def press_and_move(canvas: Canvas, start: QPointF, end: QPointF, steps: int = 6) -> None:
    """Press at start and move to end with the button held, without letting go."""
    mouse_press(canvas.view, start)
    for step in range(1, steps + 1):
        mouse_move(canvas.view, start + (end - start) * (step / steps))


def escape(canvas: Canvas) -> None:
    QTest.keyClick(canvas.view, Qt.Key.Key_Escape)


def add_note(canvas: Canvas, text: str, x: float, y: float) -> int:
    """A free note with its corner at canvas point (x, y)."""
    top = canvas.scene.layout.board_top
    return canvas.document.add_note(JOURNEY, text, None, x, y - top)


def note_center(canvas: Canvas, note_id: int) -> QPointF:
    return canvas.scene.notes[note_id].pos() + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)


def header_center(canvas: Canvas, stage: int) -> QPointF:
    return QPointF(*canvas.scene.layout.headers[canvas.stage_ids()[stage]].center)


# -- the mode picks the gesture ---------------------------------------------------------------


def test_the_mode_follows_the_link_tool_and_a_voting_round(canvas):
    scene = canvas.scene
    assert scene.mode is Mode.SELECT
    scene.state.tool_mode = Mode.LINK
    assert scene.mode is Mode.LINK
    canvas.document.add_participant("Ana", "#ffd54f", Role.PARTICIPANT.value)
    canvas.document.start_voting(3)
    assert scene.mode is Mode.VOTE  # a round overrides the tool
    canvas.document.end_voting()
    assert scene.mode is Mode.LINK


@pytest.mark.parametrize(
    ("mode", "where", "gesture"),
    [
        (Mode.SELECT, "center", MoveItems),
        (Mode.SELECT, "handle", DrawLink),
        (Mode.LINK, "center", DrawLink),
        (Mode.VOTE, "center", VoteClick),
    ],
)
def test_a_press_on_a_card_starts_the_gesture_of_the_mode(canvas, mode, where, gesture):
    card_id = canvas.add_card(1, 1)
    scene = canvas.scene
    if mode is Mode.VOTE:
        canvas.document.add_participant("Ana", "#ffd54f", Role.PARTICIPANT.value)
        canvas.document.start_voting(3)
    else:
        scene.state.tool_mode = mode
    card = scene.cards[card_id]
    point = (
        card.mapToScene(card.handle_center()) if where == "handle" else canvas.card_center(card_id)
    )
    started = []
    original = scene.set_interaction
    scene.set_interaction = lambda interaction: (started.append(interaction), original(interaction))
    mouse_press(canvas.view, point)
    mouse_release(canvas.view, point)
    assert [type(interaction) for interaction in started] == [gesture]
    assert scene.interaction is None  # every gesture ended with the release


def test_a_press_on_a_header_resizes_at_its_edge_and_reorders_elsewhere(canvas):
    scene = canvas.scene
    header = scene.headers[canvas.stage_ids()[0]]
    mouse_press(canvas.view, header_center(canvas, 0))
    assert isinstance(scene.interaction, ReorderStage)
    mouse_release(canvas.view, header_center(canvas, 0))
    edge = header.mapToScene(QPointF(header.rect.width() - 3, header.rect.height() / 2))
    mouse_press(canvas.view, edge)
    assert isinstance(scene.interaction, ResizeStage)
    mouse_release(canvas.view, edge)
    assert scene.interaction is None
    assert canvas.undo_stack.count() == 0  # clicks, not drags: nothing changed


# -- one gesture, one edit; a new gesture cancels the one before ------------------------------


def test_a_card_drag_is_one_move_when_it_ends_and_the_gesture_reports_it_finished(canvas):
    card_id = canvas.add_card(0, 1)
    canvas.undo_stack.clear()
    start, end = canvas.card_center(card_id), canvas.cell_center(2, 2)
    press_and_move(canvas, start, end)
    gesture = canvas.scene.interaction
    assert isinstance(gesture, MoveItems)
    finished = []
    gesture.finished.connect(lambda: finished.append(True))
    assert canvas.undo_stack.count() == 0  # nothing written during the drag
    mouse_release(canvas.view, end)
    assert finished == [True]
    assert command_names(canvas.document) == ["Move Touchpoint"]
    assert (canvas.row(card_id)["stage_id"], canvas.row(card_id)["lane_id"]) == canvas.cell(2, 2)


def test_setting_a_new_gesture_cancels_the_one_under_way(canvas):
    source = canvas.add_card(0, 1)
    scene = canvas.scene
    card = scene.cards[source]
    press_and_move(canvas, card.mapToScene(card.handle_center()), canvas.cell_center(2, 3))
    drawing = scene.interaction
    assert isinstance(drawing, DrawLink)
    scene.set_interaction(None)
    assert drawing.done
    assert not any(isinstance(item, LinkDraftItem) for item in scene.items())
    mouse_release(canvas.view, canvas.cell_center(2, 3))
    assert canvas.store.rows("link") == []


# -- Escape cancels a drag and puts everything back -------------------------------------------


def test_escape_during_a_card_drag_puts_the_cards_back_and_writes_nothing(canvas):
    first, second = canvas.add_card(0, 1), canvas.add_card(1, 1)
    canvas.undo_stack.clear()
    canvas.scene.select_touchpoints([first, second])
    start, end = canvas.card_center(first), canvas.cell_center(2, 3)
    press_and_move(canvas, start, end)
    layout_rect = canvas.scene.layout.cards[first]
    assert canvas.scene.cards[first].pos() != QPointF(layout_rect.x, layout_rect.y)

    escape(canvas)
    canvas.assert_cards_in_place()
    assert canvas.scene.grid.drop_cell is None  # the drop highlight is gone
    mouse_move(canvas.view, end + QPointF(40, 40))  # the rest of the drag moves nothing
    mouse_release(canvas.view, end + QPointF(40, 40))

    canvas.assert_cards_in_place()
    assert canvas.undo_stack.count() == 0
    assert canvas.row(first)["stage_id"] == canvas.cell(0, 1)[0]
    assert canvas.scene.selected_touchpoint_ids() == sorted([first, second])


def test_escape_during_a_note_drag_puts_the_note_back(canvas):
    note_id = add_note(canvas, "Queue too long", 300, canvas.scene.layout.board_top + 120)
    canvas.undo_stack.clear()
    before = canvas.scene.notes[note_id].pos()
    start = note_center(canvas, note_id)
    press_and_move(canvas, start, canvas.card_center(canvas.add_card(1, 1)))
    canvas.undo_stack.clear()  # the card added mid-drag
    assert canvas.scene.notes[note_id].pos() != before

    escape(canvas)
    mouse_release(canvas.view, start)

    assert canvas.scene.notes[note_id].pos() == before
    assert canvas.store.row("note", note_id)["touchpoint_id"] is None
    assert canvas.undo_stack.count() == 0


def test_escape_while_drawing_a_link_drops_the_arrow(canvas):
    source, target = canvas.add_card(0, 1), canvas.add_card(2, 1)
    canvas.undo_stack.clear()
    card = canvas.scene.cards[source]
    press_and_move(canvas, card.mapToScene(card.handle_center()), canvas.card_center(target))
    assert any(isinstance(item, LinkDraftItem) for item in canvas.scene.items())

    escape(canvas)
    assert not any(isinstance(item, LinkDraftItem) for item in canvas.scene.items())
    mouse_release(canvas.view, canvas.card_center(target))

    assert canvas.store.rows("link") == []
    assert canvas.undo_stack.count() == 0


def test_escape_during_a_cluster_drag_puts_the_frame_and_its_notes_back(canvas):
    top = canvas.scene.layout.board_top
    ids = [add_note(canvas, f"Note {i}", 200 + i * 200, top + 140) for i in range(2)]
    cluster_id = canvas.document.group_notes(JOURNEY, ids, "Seats")
    canvas.undo_stack.clear()
    scene = canvas.scene
    frame = QRectF(scene.clusters[cluster_id].frame)
    notes = {note_id: scene.notes[note_id].pos() for note_id in ids}
    grip = scene.clusters[cluster_id].title_rect().center()
    press_and_move(canvas, grip, grip + QPointF(150, 80))
    assert isinstance(scene.interaction, DragCluster)
    assert scene.clusters[cluster_id].frame != frame

    escape(canvas)
    mouse_release(canvas.view, grip + QPointF(150, 80))

    assert scene.clusters[cluster_id].frame == frame
    assert {note_id: scene.notes[note_id].pos() for note_id in ids} == notes
    assert canvas.undo_stack.count() == 0


def test_escape_during_a_stage_reorder_puts_the_header_back(canvas):
    stages = canvas.stage_ids()
    header = canvas.scene.headers[stages[0]]
    place = header.pos()
    press_and_move(canvas, header_center(canvas, 0), header_center(canvas, 2))
    assert header.pos() != place and canvas.scene.grid.stage_drop_x is not None

    escape(canvas)
    mouse_release(canvas.view, header_center(canvas, 2))

    assert header.pos() == place and header.opacity() == 1.0
    assert canvas.scene.grid.stage_drop_x is None
    assert canvas.stage_ids() == stages
    assert canvas.undo_stack.count() == 0


def test_escape_during_a_stage_resize_gives_the_header_its_width_back(canvas):
    stage_id = canvas.stage_ids()[0]
    header = canvas.scene.headers[stage_id]
    width, stored = header.rect.width(), canvas.store.row("stage", stage_id)["width"]
    edge = header.mapToScene(QPointF(width - 3, header.rect.height() / 2))
    press_and_move(canvas, edge, edge + QPointF(120, 0))
    assert header.rect.width() > width

    escape(canvas)
    mouse_release(canvas.view, edge + QPointF(120, 0))

    assert header.rect.width() == width and not header.resizing
    assert canvas.store.row("stage", stage_id)["width"] == stored
    assert canvas.undo_stack.count() == 0


def test_a_drag_after_an_escaped_one_works_again(canvas):
    card_id = canvas.add_card(0, 1)
    canvas.undo_stack.clear()
    press_and_move(canvas, canvas.card_center(card_id), canvas.cell_center(1, 1))
    escape(canvas)
    mouse_release(canvas.view, canvas.cell_center(1, 1))
    drag(canvas.view, canvas.card_center(card_id), canvas.cell_center(2, 2), LEFT)
    assert command_names(canvas.document) == ["Move Touchpoint"]
    assert (canvas.row(card_id)["stage_id"], canvas.row(card_id)["lane_id"]) == canvas.cell(2, 2)


# -- one workshop state, observed by every journey's canvas -----------------------------------


def test_every_journey_follows_the_one_workshop_state(canvas):
    second = canvas.document.add_journey("Second", "loyalty", "en")
    ana = canvas.document.add_participant("Ana", "#ffd54f", Role.PARTICIPANT.value)
    notes = [
        canvas.document.add_note(journey_id, "Long queue", ana, 100, 100, category="pain_point")
        for journey_id in (JOURNEY, second)
    ]
    state = canvas.tabs.state
    scenes = [view.journey_scene() for view in canvas.tabs.views.values()]
    assert len(scenes) == 2 and all(scene.state is state for scene in scenes)

    state.current_author_id = ana
    state.tool_mode = Mode.LINK
    state.color_by_category = True
    state.presentation = True
    canvas.tabs.show_journey(second)  # a journey in a tab behind catches up when shown

    for scene, note_id in zip(scenes, notes, strict=True):
        assert scene.current_author_id == ana and scene.mode is Mode.LINK
        assert scene.notes[note_id].by_category
    for view in canvas.tabs.views.values():
        assert view.property("presentation") is True
        assert view.viewport().cursor().shape() == Qt.CursorShape.CrossCursor

    state.tool_mode = Mode.SELECT
    state.presentation = False
    for view in canvas.tabs.views.values():
        assert view.property("presentation") is False
        assert view.viewport().cursor().shape() == Qt.CursorShape.ArrowCursor


def test_the_state_tells_only_real_changes_and_voting_is_no_tool(qtbot):
    state = WorkshopState()
    seen: list[object] = []
    state.author_changed.connect(seen.append)
    state.color_by_category_changed.connect(seen.append)
    state.current_author_id = 3
    state.current_author_id = 3
    state.color_by_category = False
    state.color_by_category = True
    assert seen == [3, True]
    with pytest.raises(ValueError):
        state.tool_mode = Mode.VOTE  # a voting round, not a tool, turns clicks into votes


# -- menus and dialogs come from the window, not the scene -------------------------------------


def test_a_bare_scene_asks_for_its_context_menu_and_shows_none_itself(qtbot):
    document = Document.new_untitled("en")
    scene = JourneyScene(document, JOURNEY)
    view = JourneyView(scene)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    asked: list[tuple[QPointF, QPoint]] = []
    scene.context_menu_requested.connect(lambda pos, screen: asked.append((pos, screen)))
    point = view.mapFromScene(QPointF(*scene.layout.headers[scene.layout.stage_order[0]].center))
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)  # would block here if the scene showed one
    assert len(asked) == 1
    assert asked[0][0] == view.mapToScene(point)
    assert QApplication.activePopupWidget() is None
    scene.detach()
    document.close(discard=True)


def test_stage_colour_from_the_header_menu_opens_the_colour_dialog(canvas):
    stage_id = canvas.stage_ids()[1]
    canvas.undo_stack.clear()

    def choose(dialog):
        assert isinstance(dialog, QColorDialog)
        dialog.setCurrentColor(QColor("#80cbc4"))
        box = dialog.findChild(QDialogButtonBox)
        box.button(QDialogButtonBox.StandardButton.Ok).click()

    seen = when_modal(choose)
    entries = choose_from_context_menu(canvas.view, header_center(canvas, 1), "Stage Colour…")

    assert "Insert Stage Before" in entries and "widget" in seen
    assert canvas.store.row("stage", stage_id)["color"] == "#80cbc4"
    assert canvas.undo_stack.count() == 1


# -- the palette drop and the new-note draft are gestures too ---------------------------------


def test_a_palette_drag_is_one_gesture_from_entering_to_leaving(canvas):
    view, scene = canvas.view, canvas.scene
    data = palette_mime_data({"kind": "core", "channel": "app"})
    point = view.mapFromScene(canvas.cell_center(1, 1))
    actions = Qt.DropAction.CopyAction
    QApplication.sendEvent(
        view.viewport(), QDragEnterEvent(point, actions, data, LEFT, Qt.KeyboardModifier(0))
    )
    QApplication.sendEvent(
        view.viewport(), QDragMoveEvent(point, actions, data, LEFT, Qt.KeyboardModifier(0))
    )
    gesture = scene.interaction
    assert isinstance(gesture, PaletteDrop)
    assert scene.grid.drop_cell == canvas.cell(1, 1)

    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())

    assert gesture.done and scene.interaction is None
    assert scene.grid.drop_cell is None
    assert canvas.touchpoints() == []


def test_a_second_new_note_cancels_the_first_draft(canvas):
    scene = canvas.scene
    board = QPointF(400, scene.layout.board_top + 200)
    assert scene.start_new_note(board)
    first = scene.note_draft
    assert isinstance(first, NewNoteDraft) and scene.draft is first.item
    assert scene.start_new_note(board + QPointF(300, 0))
    assert first.done and scene.note_draft is not first
    drafts = [item for item in scene.items() if item is scene.draft]
    assert len(drafts) == 1 and len(scene.notes) == 0
    assert scene.commit_note(0, "Free refills") is not None
    assert scene.draft is None and scene.note_draft is None
    assert [row["text"] for row in canvas.store.rows("note")] == ["Free refills"]


# -- the rubber band --------------------------------------------------------------------------


def test_a_rubber_band_selects_what_it_touches_and_escape_puts_the_selection_back(canvas):
    first, second, third = (canvas.add_card(stage, 1) for stage in range(3))
    scene, view = canvas.scene, canvas.view
    scene.select_touchpoints([first])
    items_before = len(scene.items())
    start = canvas.cell_center(1, 3)  # an empty cell below the second card
    press_and_move(canvas, start, canvas.card_center(third))

    assert isinstance(scene.interaction, RubberBand)
    assert scene.selected_touchpoint_ids() == sorted([second, third])
    band = view.viewport().findChild(QRubberBand)
    assert band is not None and band.isVisible()  # drawn on this view only, not on the scene
    assert len(scene.items()) == items_before

    escape(canvas)
    mouse_release(canvas.view, canvas.card_center(third))

    assert scene.selected_touchpoint_ids() == [first]
    assert not any(band.isVisible() for band in view.viewport().findChildren(QRubberBand))
    assert canvas.undo_stack.count() == 3  # the three cards added; the band wrote nothing


# -- in the real window -----------------------------------------------------------------------


@pytest.fixture
def window(qtbot):
    create_application()
    main = start_window()
    main.activateWindow()
    qtbot.waitExposed(main)
    main.showNormal()
    main.resize(1800, 1000)
    qtbot.waitUntil(lambda: main.tabs.current_view().viewport().width() > 1000)
    yield main
    document = main.document
    main._set_document(None)
    document.close(discard=True)
    main.close()
    main.deleteLater()


def test_escape_in_the_window_cancels_a_drag_and_stays_in_presentation_mode(window, qtbot):
    document = window.document
    view = window.tabs.current_view()
    scene = view.journey_scene()
    note_id = document.add_note(JOURNEY, "Long queue", None, 300, 120)
    document.undo_stack.clear()
    window.facilitation.presentation_action.trigger()
    view.auto_fit = False
    view.set_zoom(0.6)
    view.centerOn(scene.notes[note_id])
    window.participants.setFocus()  # the keyboard is elsewhere until the press on the canvas
    before = scene.notes[note_id].pos()
    start = before + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
    end = start + QPointF(200, 0)
    mouse_press(view, start)
    for step in range(1, 5):
        mouse_move(view, start + (end - start) * (step / 4))
    assert scene.notes[note_id].pos() != before

    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    mouse_release(view, end)

    assert scene.notes[note_id].pos() == before
    assert (document.row("note", note_id)["x"], document.row("note", note_id)["y"]) == (300, 120)
    assert document.undo_stack.count() == 0
    assert window.facilitation.presentation_action.isChecked()  # Escape only left the drag
    window.facilitation.presentation_action.trigger()


def close_next_menu() -> None:
    """Close the next popup menu as soon as it is open (Escape, as a person would)."""

    def poll():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, poll)
            return
        QTest.keyClick(menu, Qt.Key.Key_Escape)

    QTimer.singleShot(0, poll)


def test_a_right_click_during_a_link_drag_ends_the_drag_and_the_other_button_is_ignored(canvas):
    source, target = canvas.add_card(0, 1), canvas.add_card(2, 1)
    canvas.undo_stack.clear()
    scene, view = canvas.scene, canvas.view
    card = scene.cards[source]
    press_and_move(canvas, card.mapToScene(card.handle_center()), canvas.card_center(target))
    # A middle press and release on the way neither adds an arrow nor ends the drag.
    mouse_press(view, canvas.card_center(target), Qt.MouseButton.MiddleButton)
    mouse_release(view, canvas.card_center(target), Qt.MouseButton.MiddleButton)
    assert isinstance(scene.interaction, DrawLink)
    assert sum(isinstance(item, LinkDraftItem) for item in scene.items()) == 1

    close_next_menu()
    point = view.mapFromScene(canvas.card_center(target))
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(view.viewport(), event)
    mouse_release(view, canvas.card_center(target))

    assert scene.interaction is None
    assert not any(isinstance(item, LinkDraftItem) for item in scene.items())
    assert canvas.store.rows("link") == [] and canvas.undo_stack.count() == 0


def test_escape_during_a_card_drag_brings_its_arrow_and_pinned_note_back_too(canvas):
    source, target = canvas.add_card(0, 1), canvas.add_card(2, 1)
    link_id = canvas.document.add_link(JOURNEY, source, target)
    note_id = canvas.document.add_note(JOURNEY, "Too loud", None, 20, 30, touchpoint_id=target)
    canvas.undo_stack.clear()
    scene = canvas.scene
    arrow_end = scene.links[link_id].path().pointAtPercent(1)
    note_at = scene.notes[note_id].pos()
    start = scene.cards[target].pos() + QPointF(8, 8)  # the card's corner, clear of the note
    end = canvas.cell_center(2, 3)
    press_and_move(canvas, start, end)
    assert scene.links[link_id].path().pointAtPercent(1) != arrow_end  # they follow the card
    assert scene.notes[note_id].pos() == scene.cards[target].pos() + QPointF(20, 30)

    escape(canvas)
    mouse_release(canvas.view, end)

    canvas.assert_cards_in_place()
    assert scene.links[link_id].path().pointAtPercent(1) == arrow_end
    assert scene.notes[note_id].pos() == note_at
    assert canvas.undo_stack.count() == 0
