"""A facilitator opens one file after another in the same window: each session closed lets go
of its memory, instead of the window keeping every board it showed."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from cocreate.demo import write_demo
from cocreate.ui.app import create_application, start_window


@pytest.fixture
def window(qtbot, tmp_path):
    first = tmp_path / "first.cocreate"
    write_demo(first)
    create_application()
    shown = start_window(str(first))
    shown.activateWindow()
    qtbot.waitExposed(shown)
    yield shown
    document = shown.document
    shown._set_document(None)
    if document is not None:
        document.close()
    shown.close()
    shown.deleteLater()


@pytest.fixture
def no_automatic_collection():
    """Python's cycle collector runs only when the app asks for it, so that what the test
    sees freed was freed by the app, not by a collection that happened to come."""
    gc.disable()
    yield
    gc.enable()


def test_opening_another_file_frees_the_session_before(
    qtbot, window, tmp_path, monkeypatch, no_automatic_collection
):
    tabs = window.tabs
    scenes = [weakref.ref(tabs.views[journey].journey_scene()) for journey in tabs.views]
    note = weakref.ref(next(iter(tabs.current_scene().notes.values())))
    document = weakref.ref(window.document)
    assert len(scenes) == 2 and note() is not None

    second = tmp_path / "second.cocreate"
    write_demo(second)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(second), ""))
    )
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.document.path == second
    qtbot.waitUntil(lambda: document() is None)  # back in the event loop
    assert [scene() for scene in scenes] == [None, None]
    assert note() is None
