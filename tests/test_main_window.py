"""The main window as a facilitator meets it: menus, session details, undo, Save As, recovery,
and the dialogs for files that cannot be opened."""

from __future__ import annotations

import os
import stat
import time

import pytest
from gui_helpers import type_text, when_modal
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox

from cocreate.demo import write_demo
from cocreate.document import Document
from cocreate.store import SessionFile
from cocreate.store.paths import untitled_dir
from cocreate.store.summary import summarize
from cocreate.ui.app import create_application, start_window
from cocreate.ui.recent import recent_files


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    return path


@pytest.fixture
def window_on(qtbot):
    """start_window(...) as `cocreate PATH` does, closed (and its session closed) after the test."""
    windows = []

    def start(*args, **kwargs):
        create_application()
        window = start_window(*args, **kwargs)
        window.activateWindow()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        if window.document is not None:  # close without the "save?" question of a person
            document = window.document
            window._set_document(None)
            document.close()
        window.close()
        window.deleteLater()


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press through the window system, so that menu shortcuts see it."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), key, modifier)


def show_outline(window) -> None:
    """Click the Outline tab (it starts behind the Inspector, and is built once shown)."""
    window.outline_dock.raise_()
    wait_on_screen(window.overview)


def outline_title(window) -> str:
    show_outline(window)
    return window.overview.title_label.text()


def outline_texts(window) -> list[str]:
    show_outline(window)
    tree = window.overview.tree
    texts = []

    def walk(item):
        texts.append(item.text(0))
        for index in range(item.childCount()):
            walk(item.child(index))

    for index in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(index))
    return texts


def test_window_opens_on_the_demo_file(window_on, demo_file):
    window = window_on(str(demo_file))
    assert window.document.path == demo_file
    assert demo_file.name in window.windowTitle()
    assert "Morning Bean" in outline_title(window)
    texts = outline_texts(window)
    assert any("小程序预点单 Mini-program pre-order" in text for text in texts)
    assert any("会员忠诚旅程" in text for text in texts)
    assert recent_files()[0] == demo_file.resolve()


def test_menus_hold_the_expected_actions(window_on, demo_file):
    window = window_on(str(demo_file))
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Journey", "&Workshop", "&Help"]
    file_texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    for text in ("&New Session", "&Open…", "Open &Recent", "Save &As…", "&Close Session",
                 "&Quit"):
        assert text in file_texts
    assert not window.session.save_as_action.shortcut().isEmpty()
    edit_texts = [a.text() for a in window.edit_menu.actions() if not a.isSeparator()]
    for text in ("&Copy", "&Paste", "D&uplicate", "&Delete", "Select &All", "&Find…",
                 "Session &Details…"):
        assert text in edit_texts


def test_the_outline_is_built_when_its_tab_is_shown_and_shows_changes_made_behind(
    window_on, demo_file
):
    window = window_on(str(demo_file))
    outline = window.overview
    # It starts behind the Inspector: nothing of it is built (on a salon of 10 000 notes its
    # lines took longer than the canvas), so the session opens sooner.
    assert not outline.on_screen() and outline.tree.topLevelItemCount() == 0
    assert window.document.set_session_fields(title="Changed behind the Inspector")
    texts = outline_texts(window)  # a click on its tab
    assert outline_title(window) == "Changed behind the Inspector"
    assert "认知" in texts and "地铁站灯箱广告 Metro lightbox ad" in texts
    window.inspector.raise_()
    QApplication.processEvents()
    assert not outline.on_screen()
    assert window.document.set_session_fields(title="And again")
    assert outline_title(window) == "And again"
    window.inspector.raise_()
    QApplication.processEvents()
    assert window.document.set_session_fields(title="Floated")
    window.outline_dock.setFloating(True)  # dragged out: Qt says "not visible", yet it shows
    wait_on_screen(outline)
    assert outline.title_label.text() == "Floated"


def wait_on_screen(panel) -> None:
    deadline = time.monotonic() + 5
    while not panel.on_screen() and time.monotonic() < deadline:
        QApplication.processEvents()
    assert panel.on_screen()


def test_the_votes_panel_shows_the_dots_given_while_it_was_behind(window_on, demo_file):
    window = window_on(str(demo_file))
    tally, document = window.tally, window.document
    journey = window.tabs.current_journey_id()
    person = document.rows("participant")[0]["id"]
    note = document.rows("note", journey_id=journey)[0]
    assert document.start_voting(3)
    assert document.add_vote(person, note_id=note["id"])
    # Behind the Inspector it ranks nothing (a quarter of each vote's time in the window)...
    assert not tally.on_screen() and tally.texts() == []
    tally.raise_()  # ...and a click on its tab shows the round as it stands
    wait_on_screen(tally)
    assert tally.round_label.text().startswith("Voting round")
    assert tally.texts() == [" ".join(note["text"].split())]
    window.inspector.raise_()
    QApplication.processEvents()
    second = document.rows("note", journey_id=journey)[1]
    assert document.add_vote(person, note_id=second["id"])
    tally.setFloating(True)  # dragged out of the tabs: Qt says "not visible", yet it shows
    wait_on_screen(tally)
    assert len(tally.texts()) == 2
    assert document.add_vote(person, note_id=second["id"])  # on screen: followed in place
    assert tally.texts()[0] == " ".join(second["text"].split())


class LayoutCount(QObject):
    """Counts the times a widget is asked to lay itself out again."""

    def __init__(self, watched) -> None:
        super().__init__(watched)
        self.count = 0
        watched.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt's name)
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def test_edits_name_themselves_in_undo_without_moving_the_toolbar(window_on, demo_file):
    window = window_on(str(demo_file))
    journey = window.tabs.current_journey_id()
    undo = next(a for a in window.toolbar.actions() if a.iconText() == "Undo")
    button = window.toolbar.widgetForAction(undo)
    assert window.document.add_note(journey, "First 第一", None, 40.0, 40.0) is not None
    for _turn in range(3):  # Undo is enabled and names the note: the toolbar lays out anew
        QApplication.processEvents()
    layouts = LayoutCount(window.toolbar)
    for text in ("Second 第二", "Third 第三"):  # a run of the same edit, as in a voting round
        assert window.document.add_note(journey, text, None, 40.0, 40.0) is not None
        QApplication.processEvents()
    # The menu and the tooltip name the edit; the button says just "Undo", and the toolbar
    # was not laid out (nor painted) again: it was twice after every edit.
    assert undo.text() == "&Undo Add Note"
    assert button.toolTip() == "Undo Add Note" and button.text() == "Undo"
    assert layouts.count == 0


def test_a_dot_updates_the_voters_banner_without_laying_out_its_dock(window_on, demo_file):
    window = window_on(str(demo_file))
    document, dock = window.document, window.participants
    leo = 2  # 陈磊 Leo Chen
    assert document.start_voting(3) and dock.set_current_author(leo)
    notes = document.rows("note", journey_id=window.tabs.current_journey_id())
    assert document.add_vote(leo, note_id=notes[0]["id"])
    for _turn in range(3):
        QApplication.processEvents()
    layouts = LayoutCount(dock)
    for note in notes[1:3]:  # the next dots, as a voter clicks note after note
        assert document.add_vote(leo, note_id=note["id"])
        QApplication.processEvents()
    assert dock.author_detail.text() == "Votes left: 0 of 3"
    assert dock.author_detail.isVisible()
    # The banner's new text laid out the dock again, and on a large screen the main window
    # after it, at every dot.
    assert layouts.count == 0


def test_session_details_edit_is_one_undoable_command(window_on, demo_file, qtbot):
    window = window_on(str(demo_file))
    old_title = window.document.session()["title"]

    def fill_in(dialog: QDialog):
        dialog.title_edit.selectAll()
        type_text(dialog.title_edit, "新标题 New title")
        dialog.theme_edit.clear()
        type_text(dialog.theme_edit, "Loyalty 忠诚")
        press(qtbot, dialog.title_edit, Qt.Key.Key_Return)

    when_modal(fill_in)
    window.details_action.trigger()

    reopened = SessionFile.open(demo_file, read_only=True, lock=False)
    try:
        row = reopened.session_row()
    finally:
        reopened.close()
    assert row["title"] == "新标题 New title" and row["theme"] == "Loyalty 忠诚"
    assert outline_title(window) == "新标题 New title"
    assert "新标题 New title" in window.windowTitle()
    assert window.document.undo_stack.count() == 1
    edit_menu_texts = [a.text() for a in window.edit_menu.actions()]
    assert "&Undo Edit Session Details" in edit_menu_texts

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.session()["title"] == old_title
    assert outline_title(window) == old_title
    assert "&Redo Edit Session Details" in [a.text() for a in window.edit_menu.actions()]
    press(qtbot, window, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.session()["title"] == "新标题 New title"


def test_rename_session_with_f2(window_on, qtbot):
    window = window_on()

    def rename(dialog):
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        type_text(edit, "沙龙 Salon")
        press(qtbot, edit, Qt.Key.Key_Return)

    when_modal(rename)
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.document.session()["title"] == "沙龙 Salon"
    assert window.windowTitle().startswith("沙龙 Salon")


def test_new_session_starts_with_the_loyalty_journey(window_on):
    window = window_on()
    assert window.document.untitled
    assert window.document.path.parent == untitled_dir()
    texts = outline_texts(window)
    for stage in ("Cognition", "Attraction", "Buy", "Loyalty"):
        assert stage in texts
    assert "not saved yet" in window.windowTitle()


def test_save_as_writes_a_file_that_opens_with_the_same_content(
    window_on, tmp_path, monkeypatch, qtbot
):
    window = window_on(demo=True)
    untitled = window.document.path
    window.document.rename_session("Saved salon")
    target = tmp_path / "out" / "saved salon"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    press(qtbot, window, Qt.Key.Key_S,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    saved = target.with_name("saved salon.cocreate")
    assert window.document.path == saved and not window.document.untitled
    assert not untitled.exists()
    assert "saved salon.cocreate" in window.windowTitle()
    before = summarize(window.document.store)
    document = window.document
    window._set_document(None)
    document.close()
    again = SessionFile.open(saved, read_only=True, lock=False)
    try:
        after = summarize(again)
    finally:
        again.close()
    assert after.title == "Saved salon"
    assert after.journeys == before.journeys and after.participants == before.participants


def test_closing_an_edited_untitled_session_asks_and_discard_deletes_it(window_on, qtbot):
    window = window_on()
    path = window.document.path
    window.document.rename_session("Scratch")
    seen = when_modal(lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    assert window.close_session()
    assert "Save it before closing" in seen["text"]
    assert not path.exists()
    assert window.document is None
    assert window.centralWidget().currentWidget() is window.welcome


def test_cancel_keeps_the_session_open(window_on):
    window = window_on()
    window.document.rename_session("Keep me")
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    assert not window.close_session()
    assert window.document is not None and window.document.path.exists()


def test_recovery_offers_an_unsaved_untitled_session(window_on, qtbot):
    create_application()
    left_behind = Document.new_untitled("en")
    left_behind.rename_session("Before the crash")
    path = left_behind.path
    left_behind.store.close()  # as if the app had been killed: the file stays behind

    seen = {}

    def recover(dialog):
        seen["items"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.recover_button.click()

    when_modal(recover)
    window = window_on()
    qtbot.waitUntil(lambda: window.document is not None and window.document.path == path)
    assert any("Before the crash" in text for text in seen["items"])
    assert window.document.session()["title"] == "Before the crash"
    assert window.document.untitled


def test_an_unedited_untitled_session_is_not_offered_but_dropped(window_on, qtbot):
    create_application()
    blank = Document.new_untitled("en")
    path = blank.path
    blank.store.close()
    window = window_on()
    qtbot.wait(100)
    assert QApplication.activeModalWidget() is None
    assert not path.exists()
    assert window.document is not None


BAD_FILES = {
    "text": (lambda p: p.write_text("not a session", encoding="utf-8"),
             "not a cocreate session file"),
    "random": (lambda p: p.write_bytes(os.urandom(2048)), "not a cocreate session file"),
    "empty": (lambda p: p.write_bytes(b""), "empty"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_gets_a_clear_dialog_and_stays_unchanged(window_on, tmp_path, kind):
    make, words = BAD_FILES[kind]
    path = tmp_path / "bad.cocreate"
    make(path)
    before = path.read_bytes()
    window = window_on()
    previous = window.document.path
    seen = when_modal(lambda box: box.accept())
    assert not window.open_file(path)
    assert str(path) in seen["text"] and words in seen["text"]
    assert seen["title"] == "Cannot Open Session"
    assert path.read_bytes() == before
    assert window.document is None or window.document.path != path
    assert previous is not None


def test_missing_file_on_the_command_line_falls_back_to_a_new_session(window_on, tmp_path):
    missing = tmp_path / "nowhere.cocreate"
    seen = when_modal(lambda box: box.accept())
    window = window_on(str(missing))
    assert "does not exist" in seen["text"]
    assert window.document is not None and window.document.untitled
    assert not missing.exists()


def test_a_file_open_in_another_window_is_refused(window_on, demo_file):
    other = SessionFile.open(demo_file)  # another window holds it
    try:
        before = demo_file.read_bytes()
        window = window_on()
        seen = when_modal(lambda box: box.accept())
        assert not window.open_file(demo_file)
        assert "already open in another cocreate window" in seen["text"]
        assert demo_file.read_bytes() == before
    finally:
        other.close()


def test_a_read_only_file_opens_for_viewing_and_says_so(window_on, demo_file):
    demo_file.chmod(stat.S_IRUSR | stat.S_IRGRP)
    before = demo_file.read_bytes()
    seen = when_modal(lambda box: box.accept())
    window = window_on(str(demo_file))
    assert seen["title"] == "Opened Read-Only"
    assert window.document.read_only
    assert not window.details_action.isEnabled() and not window.rename_action.isEnabled()
    assert "read-only" in window.windowTitle()
    assert window.read_only_label.text()
    assert demo_file.read_bytes() == before
    demo_file.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_language_switch_applies_at_once_and_is_remembered(window_on, qtbot):
    from cocreate.ui import i18n

    window = window_on()
    try:
        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
        assert window.canvas.copy_action.text() == "复制(&C)"
        assert window.palette.windowTitle() != "Palette"
        assert i18n.chosen_language() == "zh_CN"
    finally:
        window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert window.canvas.copy_action.text() == "&Copy"


def test_open_recent_opens_a_listed_file_and_forgets_one_that_is_gone(
    window_on, demo_file, tmp_path
):
    other = tmp_path / "other.cocreate"
    write_demo(other)
    gone = tmp_path / "gone.cocreate"
    write_demo(gone)
    window = window_on(str(gone))
    assert window.open_file(other)
    assert window.open_file(demo_file)
    gone.unlink()
    menu = window.session.recent_menu

    def entries() -> dict[str, object]:
        menu.aboutToShow.emit()  # filled when opened
        return {a.text(): a for a in menu.actions() if not a.isSeparator()}

    assert list(entries())[:3] == ["&1 salon.cocreate", "&2 other.cocreate", "&3 gone.cocreate"]
    entries()["&2 other.cocreate"].trigger()
    assert window.document.path == other
    seen = when_modal(lambda box: box.accept())
    entries()["&3 gone.cocreate"].trigger()
    assert "does not exist" in seen["text"]
    assert window.document is None or window.document.path == other
    assert list(entries())[:3] == ["&1 other.cocreate", "&2 salon.cocreate", "&Clear Recent Files"]
    entries()["&Clear Recent Files"].trigger()
    assert [text for text in entries()] == ["No recent files", "&Clear Recent Files"]
    assert not entries()["&Clear Recent Files"].isEnabled()
