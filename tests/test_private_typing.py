"""Private mode while a note is typed (issue 8, item 4): the audience display shows the note
only from the back, and the facilitator's editor says clearly that the text is private.

Driven through the real window: the N key, typing, a double-click on a note, Enter and Escape;
the audience display is looked at as pixels, as the room would see it.
"""

from __future__ import annotations

import pytest
from gui_helpers import type_text, when_modal
from PySide6.QtCore import QPoint, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cocreate.canvas.notes import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.ui.app import create_application, start_window

JOURNEY = 1
ANA_COLOR = "#ffd54f"
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot):
    """`cocreate` with a new session, Ana (the current author) in it, the board in view."""
    create_application()
    main = start_window()
    main.activateWindow()
    qtbot.waitExposed(main)
    main.showNormal()
    main.resize(1800, 1000)
    qtbot.waitUntil(lambda: main.tabs.current_view().viewport().width() > 1000)
    main.document.add_participant("Ana", ANA_COLOR, "facilitator")
    main.document.undo_stack.clear()
    view = main.tabs.current_view()
    view.auto_fit = False
    view.set_zoom(0.5)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    yield main
    if main.facilitation.audience is not None:
        main.facilitation.audience.close()
        main.facilitation.audience.deleteLater()
    document = main.document
    main._set_document(None)
    document.close(discard=True)
    main.close()
    main.deleteLater()


def press(qtbot, window, key) -> None:
    """A key press through the window system, so that the window's shortcuts see it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), key)


def open_audience_display(qtbot, window):
    when_modal(lambda box: box.accept())  # "No second screen was found": a window instead
    window.facilitation.set_audience(True)
    audience = window.facilitation.audience
    qtbot.waitExposed(audience)
    window.activateWindow()
    return audience


def board_point(window, dx: float, dy: float) -> QPointF:
    scene = window.tabs.current_scene()
    return QPointF(dx, scene.layout.board_top + dy)


def start_note_with_n(qtbot, window, at: QPointF):
    view = window.tabs.current_view()
    QCursor.setPos(view.viewport().mapToGlobal(view.mapFromScene(at)))
    view.setFocus()
    press(qtbot, window, Qt.Key.Key_N)
    editor = view.note_editor
    assert editor.isVisible()
    qtbot.waitUntil(editor.hasFocus)
    return editor


def double_click(view, scene_pos: QPointF) -> None:
    point = view.mapFromScene(scene_pos)
    QTest.mousePress(view.viewport(), LEFT, NO_MODIFIER, point)
    QTest.mouseRelease(view.viewport(), LEFT, NO_MODIFIER, point)
    QTest.mouseDClick(view.viewport(), LEFT, NO_MODIFIER, point)
    QTest.mouseRelease(view.viewport(), LEFT, NO_MODIFIER, point)


def shown_sides(view, note_rect: QRectF, color: str) -> dict[str, float]:
    """Shares of the pixels a view shows of a note: the author's colour (its face) and the
    colours of its back (the author's colour darkened, up close or from far away)."""
    image = view.viewport().grab().toImage()
    area = view.mapFromScene(note_rect).boundingRect().adjusted(3, 3, -3, -3)
    area = area.intersected(image.rect())
    assert area.width() > 20 and area.height() > 20, area
    names = [
        image.pixelColor(QPoint(x, y)).name()
        for x in range(area.left(), area.right())
        for y in range(area.top(), area.bottom())
    ]
    author = QColor(color)
    backs = {author.darker(115).name(), author.darker(135).name(), author.darker(130).name()}
    return {
        "face": names.count(author.name()) / len(names),
        "back": sum(name in backs for name in names) / len(names),
    }


def test_a_note_typed_in_private_mode_shows_only_its_back_on_the_audience_display(window, qtbot):
    window.facilitation.private_action.trigger()
    audience = open_audience_display(qtbot, window)
    scene = window.tabs.current_scene()

    editor = start_note_with_n(qtbot, window, board_point(window, 400, 200))
    type_text(editor, "Prices too high 太贵了")
    draft = scene.draft
    rect = QRectF(draft.pos(), QSizeF(NOTE_WIDTH, NOTE_HEIGHT))
    # The room sees the back of the note, never its face (let alone the text being typed).
    assert draft.face_down() and draft.toolTip() == ""
    seen = shown_sides(audience.view, rect, ANA_COLOR)
    assert seen["face"] == 0 and seen["back"] > 0.2, seen

    # On the laptop the editor says that only the facilitator sees the text.
    band = editor.private_band
    assert band.isVisible() and band.text() == "Private — only you see this text"
    assert "audience display" in band.toolTip()
    assert band.geometry().bottom() < editor.viewport().geometry().top()
    assert "dashed" in editor.styleSheet()
    assert editor.toPlainText() == "Prices too high 太贵了"

    QTest.keyClick(editor, Qt.Key.Key_Return)
    (row,) = window.document.store.rows("note", journey_id=JOURNEY)
    assert row["text"] == "Prices too high 太贵了" and row["hidden"] is True
    note = scene.notes[row["id"]]
    scene.clearSelection()
    seen = shown_sides(
        audience.view, QRectF(note.pos(), QSizeF(NOTE_WIDTH, NOTE_HEIGHT)), ANA_COLOR
    )
    assert seen["face"] == 0 and seen["back"] > 0.2, seen


def test_without_private_mode_the_editor_has_no_private_band(window, qtbot):
    scene = window.tabs.current_scene()
    editor = start_note_with_n(qtbot, window, board_point(window, 400, 200))
    type_text(editor, "Open idea")
    assert not editor.private_band.isVisible() and "dashed" not in editor.styleSheet()
    assert not scene.draft.face_down()
    QTest.keyClick(editor, Qt.Key.Key_Return)
    (row,) = window.document.store.rows("note", journey_id=JOURNEY)
    assert row["hidden"] is False


def test_editing_a_shown_note_in_private_mode_turns_it_over_until_the_edit_ends(window, qtbot):
    scene, view = window.tabs.current_scene(), window.tabs.current_view()
    author = window.participants.current_author()
    note_id = window.document.add_note(JOURNEY, "Queue at 8 排队", author, 300, 150)
    note = scene.notes[note_id]
    view.centerOn(note)
    window.facilitation.private_action.trigger()
    audience = open_audience_display(qtbot, window)
    rect = QRectF(note.pos(), QSizeF(NOTE_WIDTH, NOTE_HEIGHT))
    scene.clearSelection()
    assert shown_sides(audience.view, rect, ANA_COLOR)["face"] > 0.5  # revealed: its face

    double_click(view, rect.center())
    editor = view.note_editor
    assert editor.isVisible() and editor.private_band.isVisible()
    type_text(editor, ", then 9 然后")
    scene.clearSelection()
    seen = shown_sides(audience.view, rect, ANA_COLOR)
    assert note.face_down() and seen["face"] == 0 and seen["back"] > 0.2, seen

    QTest.keyClick(editor, Qt.Key.Key_Escape)  # the edit is dropped: the face comes back
    assert not editor.isVisible() and not note.face_down()
    assert window.document.store.row("note", note_id)["text"] == "Queue at 8 排队"
    scene.clearSelection()
    assert shown_sides(audience.view, rect, ANA_COLOR)["face"] > 0.5
