"""A facilitator opens one file after another in the same window: each session closed lets go
of its memory, instead of the window keeping every board it showed."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from cocreate.canvas.deferred_notes import DEFER_FROM
from cocreate.demo import write_demo
from cocreate.room import network
from cocreate.ui import memory
from cocreate.ui.app import create_application, start_window
from tests.benchmark.sessions import build_board_session


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


@pytest.mark.slow  # a board of 1 000 notes
def test_a_large_board_once_whole_is_set_aside_from_the_collector_and_freed_once_closed(
    qtbot, window, tmp_path, monkeypatch, no_automatic_collection
):
    """A full collection looked at every note of a large board again and again while the salon
    went on (about 20 ms at 10 000 notes, in whatever frame it fell). Once the board's notes
    all have their items, the collector looks at none of them; closing the session frees it."""
    board = tmp_path / "board.cocreate"
    build_board_session(board, DEFER_FROM, cards=4)
    assert window.open_file(board)
    tabs = window.tabs
    assert tabs.current_scene().deferral.waiting  # the items are made in idle moments
    qtbot.waitUntil(lambda: not tabs.current_scene().deferral.waiting)
    assert gc.is_tracked(next(iter(tabs.current_scene().note_items.values())))
    made = ids(tabs.current_scene().note_items.values())  # (notes held here would live on)
    assert len(made) == DEFER_FROM
    # (gc.get_objects() lists what the collector looks at: nothing set aside by gc.freeze)
    qtbot.waitUntil(lambda: made.isdisjoint(ids(gc.get_objects())))
    open_another_file_and_see_the_first_freed(qtbot, window, tmp_path, monkeypatch, journeys=1)


@pytest.mark.slow  # a board of 1 000 notes
def test_a_large_board_closed_as_soon_as_it_is_whole_is_not_set_aside(
    qtbot, window, tmp_path, no_automatic_collection
):
    """A key or a drag makes every waiting note's item at once; if the session closes in the
    same turn of the event loop, its board is freed, not set aside for the rest of the run."""
    board, second = tmp_path / "board.cocreate", tmp_path / "second.cocreate"
    build_board_session(board, DEFER_FROM, cards=4)
    write_demo(second)
    assert window.open_file(board)
    scene = weakref.ref(window.tabs.current_scene())
    assert len(scene().notes) == DEFER_FROM  # every item made at once: the board is whole
    assert window.open_file(second)
    qtbot.waitUntil(lambda: scene() is None)  # back in the event loop
    assert memory._session_set_aside is False


def ids(things) -> set[int]:
    return {id(thing) for thing in things}


def open_another_file_and_see_the_first_freed(
    qtbot, window, tmp_path, monkeypatch, journeys: int = 2
) -> None:
    tabs = window.tabs
    scenes = [weakref.ref(tabs.views[journey].journey_scene()) for journey in tabs.views]
    note = weakref.ref(next(iter(tabs.current_scene().notes.values())))
    document = weakref.ref(window.document)
    assert len(scenes) == journeys and note() is not None

    second = tmp_path / "second.cocreate"
    write_demo(second)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(second), ""))
    )
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.document.path == second
    qtbot.waitUntil(lambda: document() is None)  # back in the event loop
    assert [scene() for scene in scenes] == [None] * journeys
    assert note() is None
