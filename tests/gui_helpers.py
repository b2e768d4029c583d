"""Real input for GUI tests: typing text in any script, and answering modal dialogs."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type text as a person would: keys for ASCII, an input-method commit for the rest.

    Chinese comes from an input method (pinyin and the like), which hands the widget a
    committed string: that is the event sent here. QTest's key clicks only know ASCII.
    """
    run = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            if run:
                event = QInputMethodEvent()
                event.setCommitString(run)
                QApplication.sendEvent(widget, event)
                run = ""
            QTest.keyClicks(widget, char)
        elif char != "\0":
            run += char
        elif run:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def when_modal(callback, seen: dict | None = None) -> dict:
    """Handle the next modal dialog as a person would, once it is on screen."""
    seen = {} if seen is None else seen

    def poll():
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, poll)
            return
        seen["widget"] = widget
        seen["text"] = widget.text() if isinstance(widget, QMessageBox) else ""
        seen["title"] = widget.windowTitle()
        callback(widget)

    QTimer.singleShot(0, poll)
    return seen


def show_votes(window):
    """Click the Votes tab, as a facilitator would to see the ranking: it starts behind the
    Inspector, and ranks the dots once it is shown."""
    window.tally.raise_()
    deadline = time.monotonic() + 5
    while not window.tally.on_screen() and time.monotonic() < deadline:
        QApplication.processEvents()
    assert window.tally.on_screen()
    return window.tally


def close_without_saving(window) -> None:
    """Close the window and its session without the "save?" question a person would get."""
    document = window.document
    if document is not None:
        window._set_document(None)
        document.close()
    window.close()
    window.deleteLater()
