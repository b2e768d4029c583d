"""Typing in the Inspector reaches the file as it goes, so a crash cannot take it.

Found in a real salon: a description typed 1.5 s before a kill -9 was gone, and Undo was still
greyed, because the field wrote only when it lost focus. Now a text field writes after a short
pause without typing; one burst of typing in one field is one undo step.
"""

from __future__ import annotations

import os
import selectors
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest

from cocreate.document import Document
from cocreate.ui.app import create_application, start_window
from cocreate.ui.inspector import InspectorDock
from tests.gui_helpers import type_text

JOURNEY = 1
OLD_TEXT = "Queue at the counter"


def add_card(document: Document, **fields) -> int:
    stage = document.store.rows("stage", order_by="position", journey_id=JOURNEY)[0]
    lane = document.store.rows("lane", order_by="position", journey_id=JOURNEY)[1]
    return document.add_touchpoint(JOURNEY, stage["id"], lane["id"], **fields)


def session_file(path: Path, **fields) -> int:
    """A saved session with one card; returns the card's id."""
    document = Document.new_untitled("en")
    card_id = add_card(document, **fields)
    document.save_as(path)
    document.close()
    return card_id


def in_file(path: Path, card_id: int, field: str) -> str:
    """The field as the file on disk holds it, read by a connection of its own."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        query = f"SELECT {field} FROM touchpoint WHERE id = ?"  # noqa: S608 (a known column)
        return conn.execute(query, (card_id,)).fetchone()[0]
    finally:
        conn.close()


def click_into(qtbot, field) -> None:
    """Click into a text field and put the cursor at the end, as a person would."""
    target = field.viewport() if hasattr(field, "viewport") else field
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


# -- in the window -------------------------------------------------------------------------------


@pytest.fixture
def window_on(qtbot):
    """The window as `cocreate PATH` opens it, closed (with its session) after the test."""
    windows = []

    def start(path: Path):
        create_application()
        window = start_window(str(path))
        window.activateWindow()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        if window.document is not None:
            document = window.document
            window._set_document(None)
            document.close()
        window.close()
        window.deleteLater()


def undo_action(window) -> QAction:
    """Edit > Undo (the entry with the Undo shortcut)."""
    shortcut = QKeySequence(QKeySequence.StandardKey.Undo)
    return next(a for a in window.edit_menu.actions() if a.shortcut() == shortcut)


def redo_action(window) -> QAction:
    shortcut = QKeySequence(QKeySequence.StandardKey.Redo)
    return next(a for a in window.edit_menu.actions() if a.shortcut() == shortcut)


def click_card(qtbot, window, card_id: int) -> None:
    view, scene = window.tabs.current_view(), window.tabs.current_scene()
    item = scene.cards[card_id]
    view.centerOn(item)
    point = view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.inspector.touchpoint_ids() == [card_id])


def test_a_pause_in_typing_writes_the_description_and_one_undo_takes_it_back(
    qtbot, window_on, tmp_path
):
    path = tmp_path / "salon.cocreate"
    card_id = session_file(path, title="Order", description=OLD_TEXT)
    window = window_on(path)
    click_card(qtbot, window, card_id)
    field = window.inspector.form.description_edit
    assert field.toPlainText() == OLD_TEXT
    undo = undo_action(window)
    before = window.document.undo_stack.count()

    click_into(qtbot, field)
    type_text(field, ", 排队太久")
    qtbot.waitUntil(lambda: in_file(path, card_id, "description") == OLD_TEXT + ", 排队太久")
    assert undo.isEnabled()

    # Typing goes on after the write: the field is not reset under the cursor.
    QTest.keyClick(field, Qt.Key.Key_Return)
    type_text(field, "at 8 am")
    expected = OLD_TEXT + ", 排队太久\nat 8 am"
    qtbot.waitUntil(lambda: in_file(path, card_id, "description") == expected)
    assert field.toPlainText() == expected
    assert window.document.undo_stack.count() == before + 1  # one burst, one undo step

    undo.trigger()  # Edit > Undo
    assert in_file(path, card_id, "description") == OLD_TEXT
    assert field.toPlainText() == OLD_TEXT
    redo_action(window).trigger()
    assert in_file(path, card_id, "description") == expected
    assert field.toPlainText() == expected


def test_undo_right_after_typing_takes_back_the_typing_not_the_action_before(
    qtbot, window_on, tmp_path
):
    path = tmp_path / "salon.cocreate"
    card_id = session_file(path, title="Order", description=OLD_TEXT)
    window = window_on(path)
    window.document.update_touchpoint(card_id, title="Pre-order")  # the action before
    click_card(qtbot, window, card_id)
    field = window.inspector.form.description_edit
    click_into(qtbot, field)
    type_text(field, ", 排队太久")
    undo_action(window).trigger()  # at once, within the pause before the write
    assert in_file(path, card_id, "description") == OLD_TEXT
    assert in_file(path, card_id, "title") == "Pre-order"  # the earlier action stays
    qtbot.wait(700)  # nothing pending comes in after the pause
    assert in_file(path, card_id, "description") == OLD_TEXT
    assert field.toPlainText() == OLD_TEXT


# -- in the dock ---------------------------------------------------------------------------------


@pytest.fixture
def document():
    doc = Document.new_untitled("en")
    yield doc
    doc.close(discard=True)


@pytest.fixture
def inspector(qtbot, document):
    dock = InspectorDock()
    qtbot.addWidget(dock)
    dock.set_document(document)
    dock.show()
    dock.activateWindow()
    qtbot.waitExposed(dock)
    yield dock
    dock.set_document(None)


def test_each_time_the_person_comes_back_to_a_field_is_its_own_undo_step(
    qtbot, inspector, document
):
    card_id = add_card(document, title="Order", description=OLD_TEXT)
    inspector.show_touchpoints([card_id])
    field = inspector.form.description_edit
    stack = document.undo_stack
    before = stack.count()

    click_into(qtbot, field)
    type_text(field, ", long")
    QTest.keyClick(field, Qt.Key.Key_Tab)  # Tab leaves the field: the edit ends
    qtbot.waitUntil(lambda: not field.hasFocus())
    click_into(qtbot, field)
    type_text(field, ", slow")
    qtbot.waitUntil(lambda: document.store.row("touchpoint", card_id)["description"].endswith("w"))

    assert stack.count() == before + 2
    stack.undo()
    assert document.store.row("touchpoint", card_id)["description"] == OLD_TEXT + ", long"
    assert field.toPlainText() == OLD_TEXT + ", long"
    stack.undo()
    assert document.store.row("touchpoint", card_id)["description"] == OLD_TEXT


def test_escape_takes_back_typing_that_was_already_written(qtbot, inspector, document):
    card_id = add_card(document, title="Coffee")
    inspector.show_touchpoints([card_id])
    title = inspector.form.title_edit
    stack = document.undo_stack
    before = stack.index()
    inspector.focus_title()
    type_text(title, "Tea")
    qtbot.waitUntil(lambda: document.store.row("touchpoint", card_id)["title"] == "Tea")

    QTest.keyClick(title, Qt.Key.Key_Escape)

    assert document.store.row("touchpoint", card_id)["title"] == "Coffee"
    assert title.text() == "Coffee"
    assert stack.index() == before  # Undo now takes back what came before the typing


def test_several_cards_with_different_owners_get_one_owner_in_one_undo_step(
    qtbot, inspector, document
):
    a = add_card(document, title="A", owner="Li")
    b = add_card(document, title="B", owner="王")
    inspector.show_touchpoints([a, b])
    owner = inspector.form.owner_edit
    assert owner.text() == "" and owner.placeholderText() == "Mixed"
    before = document.undo_stack.count()

    click_into(qtbot, owner)
    type_text(owner, "Chen")
    qtbot.waitUntil(lambda: document.store.row("touchpoint", b)["owner"] == "Chen")
    assert document.store.row("touchpoint", a)["owner"] == "Chen"
    type_text(owner, " 陈")
    qtbot.waitUntil(lambda: document.store.row("touchpoint", a)["owner"] == "Chen 陈")
    assert owner.text() == "Chen 陈"

    assert document.undo_stack.count() == before + 1
    document.undo_stack.undo()
    assert document.store.row("touchpoint", a)["owner"] == "Li"
    assert document.store.row("touchpoint", b)["owner"] == "王"
    assert owner.text() == "" and owner.placeholderText() == "Mixed"


# -- undo steps of typing ------------------------------------------------------------------------


def test_only_writes_of_one_burst_in_one_field_of_the_same_cards_share_an_undo_step(document):
    a = add_card(document, title="A")
    b = add_card(document, title="B")
    stack = document.undo_stack
    before = stack.count()

    document.type_touchpoint_text([a], "title", "A1", burst=1)
    document.type_touchpoint_text([a], "title", "A12", burst=1)  # the same burst: merged
    assert stack.count() == before + 1
    document.type_touchpoint_text([a], "owner", "Li", burst=1)  # another field
    document.type_touchpoint_text([b], "title", "B1", burst=1)  # another card
    document.type_touchpoint_text([b], "title", "B12", burst=2)  # another burst
    assert stack.count() == before + 4

    stack.undo()
    assert document.store.row("touchpoint", b)["title"] == "B1"
    stack.undo()
    stack.undo()
    stack.undo()
    assert document.store.row("touchpoint", a)["title"] == "A"
    assert stack.index() == before


def test_a_burst_typed_back_to_where_it_began_leaves_no_undo_step(document):
    card_id = add_card(document, title="Coffee")
    stack = document.undo_stack
    before = stack.count()
    document.type_touchpoint_text([card_id], "title", "Coffee time", burst=7)
    document.type_touchpoint_text([card_id], "title", "Coffee", burst=7)
    assert stack.count() == before
    assert document.store.row("touchpoint", card_id)["title"] == "Coffee"


# -- a kill of the real app ----------------------------------------------------------------------


CHILD = textwrap.dedent(
    """
    import sys

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from cocreate.ui.app import create_application, start_window

    path, settings, card_id, text = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    app = create_application()
    window = start_window(path)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.tabs.current_scene().select_touchpoints([card_id])
    field = window.inspector.form.description_edit
    field.setFocus()
    QTest.keyClicks(field, text)
    print("typed", flush=True)
    app.exec()  # the person looks at the screen; the test kills the app meanwhile
    """
)


def first_line(child: subprocess.Popen[str], timeout: float) -> str:
    selector = selectors.DefaultSelector()
    selector.register(child.stdout, selectors.EVENT_READ)
    try:
        if not selector.select(timeout):
            raise AssertionError(f"the app did not start within {timeout} s")
        return child.stdout.readline()
    finally:
        selector.close()


def wait_for_file(path: Path, card_id: int, text: str, timeout: float) -> str:
    """The description in the file, once it is `text` (or what it is when time runs out)."""
    deadline = time.monotonic() + timeout
    found = in_file(path, card_id, "description")
    while found != text and time.monotonic() < deadline:
        time.sleep(0.05)
        found = in_file(path, card_id, "description")
    return found


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX only")
def test_text_typed_in_the_inspector_survives_a_kill_of_the_app(tmp_path):
    path = tmp_path / "salon.cocreate"
    card_id = session_file(path, title="Order", description="")
    text = "Queue too long at 8 am"

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(tmp_path / "settings"), str(card_id), text],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"},
    )
    try:
        line = first_line(child, timeout=60)
        assert line == "typed\n", line + child.stderr.read()
        found = wait_for_file(path, card_id, text, timeout=20)
        child.send_signal(signal.SIGKILL)
        _out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, err
    assert found == text, "the typing never reached the file"

    document = Document.open(path)  # as the app opens it again after the crash
    try:
        assert document.store.row("touchpoint", card_id)["description"] == text
    finally:
        document.close()
