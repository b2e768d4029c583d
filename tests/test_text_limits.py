"""Limits on what people type, in the window: every field takes no more than the file keeps
(500 characters for a title or a name, 10 000 for a note, a description or the goal), typed or
pasted, and says so; control characters and bidirectional overrides typed or pasted are not
stored, and the field shows what was; a file past the limits gets the refusal dialog."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QToolTip,
    QTreeWidget,
)

from cocreate.demo import write_demo
from cocreate.document import Document, PhoneEditError
from cocreate.rules import NAME_MAX, TEXT_MAX
from cocreate.ui.app import create_application, start_window
from cocreate.ui.session_dialog import SessionDetailsDialog
from tests.gui_helpers import type_text, when_modal

JOURNEY = 1
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE


@pytest.fixture
def window_on(qtbot):
    """The window as `cocreate [PATH]` opens it, closed (with its session) after the test."""
    windows = []

    def start(*args: str):
        create_application()
        window = start_window(*args)
        window.activateWindow()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        if window.document is not None:
            document = window.document
            window._set_document(None)
            document.close(discard=True)
        window.close()
        window.deleteLater()


def saved_session(path: Path) -> int:
    """A saved session with one card; its id."""
    document = Document.new_untitled("en")
    stage = document.store.rows("stage", order_by="position", journey_id=JOURNEY)[0]
    lane = document.store.rows("lane", order_by="position", journey_id=JOURNEY)[1]
    card_id = document.add_touchpoint(JOURNEY, stage["id"], lane["id"], title="Order")
    document.save_as(path)
    document.close()
    return card_id


def in_file(path: Path, table: str, row_id: int, column: str) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        sql = f"SELECT {column} FROM {table} WHERE id = ?"  # noqa: S608 (known names)
        return conn.execute(sql, (row_id,)).fetchone()[0]
    finally:
        conn.close()


def click_card(qtbot, window, card_id: int) -> None:
    view, scene = window.tabs.current_view(), window.tabs.current_scene()
    item = scene.cards[card_id]
    view.centerOn(item)
    point = view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.inspector.touchpoint_ids() == [card_id])


def click_into(qtbot, field) -> None:
    target = field.viewport() if isinstance(field, QPlainTextEdit) else field
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(field.hasFocus)
    if isinstance(field, QPlainTextEdit):
        QTest.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    else:
        QTest.keyClick(field, Qt.Key.Key_End)


def paste(field, text: str) -> None:
    """Put text on the clipboard and press the Paste keys in the field."""
    QApplication.clipboard().setText(text)
    QTest.keySequence(field, QKeySequence(QKeySequence.StandardKey.Paste))


def told() -> str:
    """What the tooltip beside a field says now ("" when none is shown)."""
    return QToolTip.text() if QToolTip.isVisible() else ""


def leave(qtbot, field, other) -> None:
    """Click elsewhere: the edit ends."""
    other.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: not field.hasFocus())


# -- the inspector ---------------------------------------------------------------------------


@pytest.fixture
def card_window(qtbot, window_on, tmp_path):
    path = tmp_path / "salon.cocreate"
    card_id = saved_session(path)
    window = window_on(str(path))
    click_card(qtbot, window, card_id)
    return window, path, card_id


def test_typing_a_title_stops_at_500_characters_and_says_so(qtbot, card_window):
    window, path, card_id = card_window
    field = window.inspector.form.title_edit
    click_into(qtbot, field)
    QTest.keyClicks(field, "x" * (NAME_MAX + 20))
    assert field.text() == "Order" + "x" * (NAME_MAX - len("Order"))
    assert told() == "This field holds up to 500 characters."
    leave(qtbot, field, window.inspector.form.owner_edit)
    assert in_file(path, "touchpoint", card_id, "title") == field.text()


def test_pasting_20_000_characters_into_a_description_keeps_10_000_and_says_so(qtbot, card_window):
    window, path, card_id = card_window
    field = window.inspector.form.description_edit
    click_into(qtbot, field)
    paste(field, "长" * 20_000)
    assert field.toPlainText() == "长" * TEXT_MAX
    assert told() == "This field holds up to 10,000 characters; the rest was not pasted."
    QTest.keyClicks(field, "more")  # typing at the limit adds nothing
    assert field.toPlainText() == "长" * TEXT_MAX
    assert told() == "This field holds up to 10,000 characters."
    leave(qtbot, field, window.inspector.form.owner_edit)
    assert in_file(path, "touchpoint", card_id, "description") == "长" * TEXT_MAX


def test_control_and_override_characters_pasted_into_the_inspector_are_not_stored(
    qtbot, card_window
):
    window, path, card_id = card_window
    title = window.inspector.form.title_edit
    click_into(qtbot, title)
    paste(title, f" a\x07b{RLO}c")
    assert title.text() == "Order abc"
    description = window.inspector.form.description_edit
    click_into(qtbot, description)
    paste(description, f"one\x1b[31m\r\ntwo{RLO}\x00")
    assert description.toPlainText() == "one[31m\ntwo"
    leave(qtbot, description, window.inspector.form.owner_edit)
    assert in_file(path, "touchpoint", card_id, "title") == "Order abc"
    assert in_file(path, "touchpoint", card_id, "description") == "one[31m\ntwo"


# -- sticky notes ----------------------------------------------------------------------------


@pytest.fixture
def note_editor(qtbot, window_on):
    window = window_on()
    window.showNormal()
    window.resize(1600, 1000)
    window.document.add_participant("Ana", "#ffd54f", "facilitator")
    view = window.tabs.current_view()
    view.setFocus()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_N)  # through the window: menu keys see it
    editor = view.note_editor
    qtbot.waitUntil(editor.hasFocus)
    return window, editor


def stored_notes(window) -> list[str]:
    return [row["text"] for row in window.document.rows("note")]


def test_pasting_20_000_characters_into_a_note_keeps_10_000_and_says_so(qtbot, note_editor):
    window, editor = note_editor
    paste(editor, "x" * 20_000)
    assert len(editor.toPlainText()) == TEXT_MAX
    assert told() == "This field holds up to 10,000 characters; the rest was not pasted."
    type_text(editor, "字")  # an input method's text stops at the limit too
    assert len(editor.toPlainText()) == TEXT_MAX
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert stored_notes(window) == ["x" * TEXT_MAX]
    assert window.statusBar().currentMessage().startswith("This field holds up to 10,000")


def test_a_note_stores_no_control_or_override_characters(qtbot, note_editor):
    window, editor = note_editor
    type_text(editor, "a")
    QTest.keyClick(editor, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # types \x07
    type_text(editor, f"b{RLO}")
    paste(editor, f"c\x07d{RLO}e")
    assert editor.toPlainText() == "abcde"
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert stored_notes(window) == ["abcde"]


# -- dialogs -----------------------------------------------------------------------------------


def test_the_session_details_dialog_caps_its_lines_and_its_goal(qtbot, window_on):
    window = window_on()
    dialog = SessionDetailsDialog(window.document.session(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for line in (dialog.title_edit, dialog.theme_edit, dialog.brand_edit, dialog.facilitator_edit):
        line.setFocus()
        line.selectAll()
        QTest.keyClicks(line, "t" * (NAME_MAX + 3))
        assert line.text() == "t" * NAME_MAX
    dialog.goal_edit.setFocus()
    paste(dialog.goal_edit, f"g\x07{RLO}" * 6_000)
    assert dialog.goal_edit.toPlainText() == "g" * 6_000
    paste(dialog.goal_edit, "h" * 6_000)
    assert dialog.goal_edit.toPlainText() == "g" * 6_000 + "h" * 4_000
    dialog.accept()
    window.document.set_session_fields(**dialog.changed_fields())
    assert window.document.session()["goal"] == "g" * 6_000 + "h" * 4_000
    assert window.document.session()["title"] == "t" * NAME_MAX


def test_renaming_the_session_takes_500_characters_at_most(qtbot, window_on):
    window = window_on()

    shown = {}

    def type_long_title(dialog) -> None:
        line = dialog.findChild(QLineEdit)
        line.selectAll()
        QTest.keyClicks(line, "s" * (NAME_MAX + 5))
        shown["told"] = told()
        dialog.accept()

    when_modal(type_long_title)
    window.rename_session()
    assert shown["told"] == "This field holds up to 500 characters."
    assert window.document.session()["title"] == "s" * NAME_MAX


def test_renaming_a_participant_in_place_takes_500_characters_at_most(qtbot, window_on):
    window = window_on()
    person = window.document.add_participant("Ana", "#ffd54f", "facilitator")
    tree = window.participants.tree
    item = tree.topLevelItem(0)
    tree.setCurrentItem(item)
    window.participants.rename_action.trigger()  # F2
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert editor.parent() is tree.viewport()
    editor.selectAll()
    QTest.keyClicks(editor, "p" * (NAME_MAX + 5))
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the view commits it on its next turn
    qtbot.waitUntil(lambda: tree.state() != QTreeWidget.State.EditingState)
    assert window.document.row("participant", person)["name"] == "p" * NAME_MAX


# -- ways in without typing ------------------------------------------------------------------


def test_a_phone_note_with_control_characters_is_stored_clean(qtbot, window_on):
    window = window_on()
    document = window.document
    person = document.add_participant("Ana", "#ffd54f", "participant")
    note_id = document.add_phone_note(JOURNEY, person, f"a\x07b{RLO}c\u2066d", "idea")
    assert document.row("note", note_id)["text"] == "abcd"
    with pytest.raises(PhoneEditError, match="empty"):
        document.add_phone_note(JOURNEY, person, f"\x07{RLO} \x1b", "idea")


@pytest.mark.parametrize(
    ("sql", "where"),
    [
        (
            "UPDATE note SET text = replace(hex(zeroblob(10001)), '00', 'n') WHERE id = 5",
            "table note, row 5, column text: the text is 10001 characters long",
        ),
        (
            "UPDATE touchpoint SET title = replace(hex(zeroblob(501)), '00', 't') WHERE id = 2",
            "table touchpoint, row 2, column title: the text is 501 characters long",
        ),
    ],
)
def test_a_file_with_a_text_past_its_limit_gets_the_refusal_dialog(
    qtbot, window_on, tmp_path, sql, where
):
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    before = path.read_bytes()
    window = window_on()
    seen = when_modal(
        lambda box: qtbot.mouseClick(
            box.button(QMessageBox.StandardButton.Close), Qt.MouseButton.LeftButton
        )
    )
    assert not window.open_file(path)
    assert seen["title"] == "Cannot Open Session"
    assert where in seen["text"]
    assert path.read_bytes() == before


def test_the_voting_dialog_offers_no_budget_past_the_files_limit(qtbot):
    from cocreate.rules import VOTE_BUDGET_MAX
    from cocreate.ui.voting_dialog import StartVotingDialog

    dialog = StartVotingDialog()
    qtbot.addWidget(dialog)
    assert dialog.budget_spin.maximum() <= VOTE_BUDGET_MAX
