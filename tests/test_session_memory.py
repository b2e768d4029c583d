"""A facilitator opens one file after another in the same window: each session closed lets go
of its memory, instead of the window keeping every board it showed."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from cocreate.demo import write_demo
from cocreate.room import network
from cocreate.ui import memory
from cocreate.ui.app import create_application, start_window


@pytest.fixture(autouse=True)
def a_fresh_process(monkeypatch):
    """What this worker's earlier windows and rooms set aside counts for nothing here: the
    window and the room set aside what exists as they do in a process of their own."""
    monkeypatch.setattr(memory, "_done", set())
    monkeypatch.setattr(memory, "_session_set_aside", False)


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
    open_another_file_and_see_the_first_freed(qtbot, window, tmp_path, monkeypatch)


@pytest.mark.xdist_group("room_ports")  # with tests/room: the room binds ports 8765 and up
def test_the_session_open_when_phones_were_invited_is_freed_once_closed(
    qtbot, window, tmp_path, monkeypatch, no_automatic_collection
):
    # Starting the room sets aside what exists, this session too.
    monkeypatch.setattr(network, "default_address", lambda: "127.0.0.1")
    try:
        window.inviting.start("127.0.0.1")
        open_another_file_and_see_the_first_freed(qtbot, window, tmp_path, monkeypatch)
    finally:
        window.inviting.stop()


def open_another_file_and_see_the_first_freed(qtbot, window, tmp_path, monkeypatch) -> None:
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
