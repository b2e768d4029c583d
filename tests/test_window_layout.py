"""A file opens again where it was left: its journey, its view and its current author."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from cocreate.demo import write_demo
from cocreate.document import Document
from cocreate.ui.app import create_application, start_window
from cocreate.ui.recent import MAX_PLACES, SessionPlace, remember_session_place, session_place

SMALL_SCREEN = QSize(1280, 720)


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    return path


@pytest.fixture
def window(qtbot, demo_file):
    """The window on the demo file, as `cocreate salon.cocreate` opens it."""
    create_application()
    window = start_window(str(demo_file))
    window.activateWindow()
    qtbot.waitExposed(window)
    yield window
    if window.document is not None:
        document = window.document
        window._set_document(None)
        document.close()
    window.close()
    window.deleteLater()


def resize_window(qtbot, window, width: int, height: int) -> None:
    window.showNormal()
    window.resize(width, height)
    wanted = QSize(width, height).expandedTo(window.minimumSize())
    qtbot.waitUntil(lambda: window.size() == wanted)
    QApplication.processEvents()  # the dock and toolbar layouts follow


def view_center(view) -> QPointF:
    return view.mapToScene(view.viewport().rect().center())


def wheel(view, steps: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Turn the mouse wheel over the middle of the view (with Ctrl it zooms)."""
    pos = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        pos,
        QPointF(view.viewport().mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def choose_author(qtbot, window, row: int) -> str:
    tree = window.participants.tree
    item = tree.topLevelItem(row)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    return item.text(0)


def test_a_reopened_file_shows_the_journey_view_and_author_it_was_left_with(
    window, qtbot, demo_file
):
    resize_window(qtbot, window, SMALL_SCREEN.width(), SMALL_SCREEN.height())
    tabs = window.tabs
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    journey_id = tabs.current_journey_id()
    assert tabs.currentIndex() == 1
    name = choose_author(qtbot, window, 3)
    view = tabs.current_view()
    wheel(view, 3, Qt.KeyboardModifier.ControlModifier)  # zoom in...
    wheel(view, -2)  # ...and scroll down
    zoom, center = view.zoom(), view_center(view)
    assert zoom > 0.5

    assert window.close_session()
    assert window.open_file(demo_file)

    assert tabs.current_journey_id() == journey_id
    assert tabs.currentIndex() == 1
    assert window.participants.author_label.text() == name
    assert window.participants.current_row()["name"] == name
    view = tabs.current_view()
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 100)
    QApplication.processEvents()  # the new view takes its size in the window
    assert view.zoom() == pytest.approx(zoom)
    moved = view_center(view) - center
    assert abs(moved.x()) < 2 and abs(moved.y()) < 2


def test_a_file_seen_for_the_first_time_starts_on_its_first_journey(window, qtbot, tmp_path):
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    choose_author(qtbot, window, 3)
    assert window.close_session()

    other = tmp_path / "other.cocreate"
    write_demo(other)
    assert window.open_file(other)
    assert window.tabs.currentIndex() == 0
    first = window.participants.tree.topLevelItem(0).text(0)
    assert window.participants.author_label.text() == first
    assert window.tabs.current_view().auto_fit  # fitting the journey, as ever


def test_a_person_removed_since_leaves_the_first_person_as_author(window, qtbot, demo_file):
    name = choose_author(qtbot, window, 3)
    assert window.close_session()
    document = Document.open(demo_file)
    person = next(row for row in document.store.rows("participant") if row["name"] == name)
    assert document.delete_participant(person["id"])
    document.close()

    assert window.open_file(demo_file)
    first = window.participants.tree.topLevelItem(0).text(0)
    assert window.participants.author_label.text() == first


def test_only_the_files_closed_last_are_remembered(tmp_path):
    paths = [tmp_path / f"salon{index}.cocreate" for index in range(MAX_PLACES + 5)]
    for index, path in enumerate(paths):
        remember_session_place(path, SessionPlace(journey_id=index, author_id=index))
    assert session_place(paths[0]) is None
    last = len(paths) - 1
    assert session_place(paths[-1]) == SessionPlace(journey_id=last, author_id=last)
    assert session_place(paths[5]) == SessionPlace(journey_id=5, author_id=5)
