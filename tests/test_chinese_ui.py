"""The Chinese UI as a Chinese-speaking facilitator meets it: every menu, action, panel,
toolbar button and dialog of the main window speaks Chinese (Qt's own buttons and file dialogs
too), the undo history follows the language, and Ctrl+Y redoes on every platform."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from gui_helpers import when_modal
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from cocreate.ui import i18n
from cocreate.ui.actions import plain_text
from cocreate.ui.app import create_application, start_window

# Words that stay as they are in the Chinese UI: names of languages, programs, file formats
# and paper sizes, and the names printed on keys.
PROPER_NAMES = {
    "English",
    "cocreate",
    "Qt",
    "Letter",
    "Tabloid",
    "PDF",
    "PNG",
    "SVG",
    "CSV",
    "XLSX",
    "JSON",
    "NPS",
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Enter",
    "Delete",
    "Tab",
}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
FILE_PATTERN = re.compile(r"\*\.\w+")  # "JSON 文件 (*.json)"


def english_words(text: str) -> list[str]:
    """The English words a person reads in a text (mnemonics and proper names aside)."""
    if GuiQt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    words = LATIN_WORD.findall(FILE_PATTERN.sub("", plain_text(text)))
    return [word for word in words if word not in PROPER_NAMES]


def english_texts(named_texts: Iterator[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(where, text) for where, text in named_texts if english_words(text)]


def action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    where = f"action {action.text()!r}"
    for text in (action.text(), action.iconText(), action.toolTip(), action.statusTip()):
        yield where, text
    if action.menu() is not None:
        yield where, action.menu().title()


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """What a person reads in a window or panel: its title, labels, buttons, group titles,
    placeholders, fixed choices and column headers (not what people typed)."""
    yield "window title", root.windowTitle()
    for child in root.findChildren(QWidget):
        if not child.isVisibleTo(root):
            continue
        where = f"{type(child).__name__} {child.objectName()!r} in {type(root).__name__}"
        if isinstance(child, QLabel):
            yield where, child.text()
        elif isinstance(child, QAbstractButton):
            yield where, child.text()
            yield where, child.toolTip()
        elif isinstance(child, QGroupBox):
            yield where, child.title()
        elif isinstance(child, QLineEdit):
            yield where, child.placeholderText()
        elif isinstance(child, QComboBox) and not child.isEditable():
            if child.objectName() != "lookInCombo":  # the file dialog's folders
                for index in range(child.count()):
                    yield where, child.itemText(index)
        elif isinstance(child, QHeaderView) and child.model() is not None:
            for section in range(child.count()):
                header = child.model().headerData(section, child.orientation())
                yield where, str(header or "")


def main_window_texts(window) -> Iterator[tuple[str, str]]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # replaced actions
    window.session.recent_menu.aboutToShow.emit()  # filled when opened
    for action in window.findChildren(QAction):
        yield from action_texts(action)
    for menu in window.findChildren(QMenu):
        yield f"menu {menu.title()!r}", menu.title()
    for dock in window.findChildren(QDockWidget):
        yield from widget_texts(dock)
    for button in window.toolbar.findChildren(QToolButton):
        if button.objectName() != "qt_toolbar_ext_button":  # the » of a narrow window
            yield f"toolbar button {button.text()!r}", button.text()
            yield f"toolbar button {button.text()!r}", button.toolTip()


@pytest.fixture
def window_on(qtbot):
    """start_window(), in English unless told; closed, and the UI English again, afterwards."""
    windows = []

    def start(language: str = "en"):
        create_application()
        i18n.remember_language(language)
        window = start_window()
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
        window._translators.install("en")
        window.close()
        window.deleteLater()


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press through the window system, so that shortcuts see it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), key, modifier)


def toolbar_button(window, action: QAction) -> QToolButton:
    return window.toolbar.widgetForAction(action)


def click(qtbot, window, action: QAction) -> None:
    """A click on the action's toolbar button."""
    qtbot.mouseClick(toolbar_button(window, action), Qt.MouseButton.LeftButton)


def switch_to(qtbot, window, language: str) -> None:
    """View > Language > (the language), as a person picks it."""
    window.language_actions[language].trigger()
    title = "文件(&F)" if language == "zh_CN" else "&File"
    qtbot.waitUntil(lambda: window.file_menu.title() == title)


def test_after_a_switch_to_chinese_no_english_is_left_in_the_main_window(window_on, qtbot):
    window = window_on()
    click(qtbot, window, window.facilitation.private_action)  # Undo and Redo name an action
    click(qtbot, window, window.facilitation.private_action)
    click(qtbot, window, window.edit_menu.actions()[0])
    switch_to(qtbot, window, "zh_CN")

    left = english_texts(main_window_texts(window))

    assert not left, f"English left in the Chinese UI: {left}"
    assert window.canvas.fit_board_action.text() == "完整显示白板(&B)"


DIALOG_ACTIONS = {
    "session details": lambda window: window.details_action,
    "rename session": lambda window: window.rename_action,
    "open": lambda window: window.session.open_action,
    "save as": lambda window: window.session.save_as_action,
    "about": lambda window: window.about_action,
    "new journey": lambda window: window.canvas.new_journey_action,
    "rename journey": lambda window: window.canvas.rename_journey_action,
    "persona": lambda window: window.canvas.persona_action,
    "start voting": lambda window: window.facilitation.start_voting_action,
    "export pdf": lambda window: window.exports.pdf_action,
    "import json": lambda window: window.exports.import_action,
}


@pytest.mark.parametrize("name", DIALOG_ACTIONS)
def test_the_dialogs_of_the_chinese_ui_have_chinese_buttons_and_texts(window_on, qtbot, name):
    window = window_on()
    switch_to(qtbot, window, "zh_CN")
    window.document.add_participant("小王", "#f6c343", "participant")  # so voting can start
    seen: dict = {}

    def read_and_cancel(dialog: QWidget) -> None:
        seen["texts"] = list(widget_texts(dialog))
        dialog.reject()

    when_modal(read_and_cancel)
    action = DIALOG_ACTIONS[name](window)
    assert action.isEnabled()
    action.trigger()

    buttons = [text for where, text in seen["texts"] if "Button" in where and text]
    assert buttons, "the dialog shows buttons"
    left = english_texts(iter(seen["texts"]))
    assert not left, f"English left in the {name} dialog: {left}"


def test_a_chinese_start_translates_qt_s_own_buttons_too(window_on):
    window = window_on("zh_CN")
    window.document.rename_session("沙龙")
    seen: dict = {}

    def read_and_cancel(box: QMessageBox) -> None:
        seen["buttons"] = [button.text() for button in box.buttons()]
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_modal(read_and_cancel)
    assert not window.close_session()  # "save first?" was cancelled: the session stays open

    assert sorted(plain_text(text) for text in seen["buttons"]) == sorted(["保存", "丢弃", "取消"])
    # The file dialog's "type" column says what a folder is, as Qt 6 asks for it.
    folder = QCoreApplication.translate(
        "QAbstractFileIconProvider", "Folder", "All other platforms"
    )
    assert folder == "文件夹"


def test_undo_names_follow_the_language_both_ways(window_on, qtbot):
    window = window_on()
    click(qtbot, window, window.facilitation.private_action)  # made in English
    switch_to(qtbot, window, "zh_CN")

    undo = window.edit_menu.actions()[0]
    assert undo.text() == "撤销 开启私密模式(&U)"
    assert toolbar_button(window, undo).toolTip() == "撤销 开启私密模式"

    click(qtbot, window, window.facilitation.private_action)  # made in Chinese
    switch_to(qtbot, window, "en")

    undo, redo = window.edit_menu.actions()[:2]
    assert undo.text() == "&Undo Private Mode Off"
    click(qtbot, window, undo)
    assert redo.text() == "&Redo Private Mode Off"


@pytest.fixture
def linux_redo_keys(monkeypatch):
    """The key bindings of a Linux desktop, where Redo is Ctrl+Shift+Z only (Qt's offscreen
    platform uses the Windows ones, which have Ctrl+Y)."""
    platform_bindings = QKeySequence.keyBindings

    def bindings(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        if key == QKeySequence.StandardKey.Redo:
            return [QKeySequence("Ctrl+Shift+Z")]
        return platform_bindings(key)

    monkeypatch.setattr(QKeySequence, "keyBindings", bindings)


def test_ctrl_y_redoes_beside_the_platform_s_own_key(linux_redo_keys, window_on, qtbot):
    window = window_on()
    click(qtbot, window, window.facilitation.private_action)
    assert window.document.session()["private_mode"]

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.document.session()["private_mode"]
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.session()["private_mode"]

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(
        qtbot,
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.document.session()["private_mode"]


def stage_and_lane_names(window) -> list[str]:
    store = window.document.store
    return [row["name"] for table in ("stage", "lane") for row in store.rows(table)]


def test_a_new_session_of_the_chinese_ui_has_the_chinese_template(window_on, qtbot):
    window = window_on()
    assert "Cognition" in stage_and_lane_names(window)

    switch_to(qtbot, window, "zh_CN")  # nobody touched the session yet: it follows
    assert stage_and_lane_names(window)[:5] == ["认知", "吸引", "购买", "忠诚", "有形展示"]
    assert window.tabs.tabText(0) == "忠诚价值链"

    window.session.new_action.trigger()
    assert "前台" in stage_and_lane_names(window)


def test_a_touched_session_keeps_its_names_when_the_language_changes(window_on, qtbot):
    window = window_on()
    click(qtbot, window, window.facilitation.private_action)
    path = window.document.path

    switch_to(qtbot, window, "zh_CN")

    assert window.document.path == path
    assert "Cognition" in stage_and_lane_names(window)
    assert window.document.session()["private_mode"]
