"""The window on a small screen, as a facilitator meets it on a 1280×720 projector: the window
fits the screen, the docks and the toolbar stay usable down to the window's minimum size, the
toolbar holds still as Undo names longer actions, and a file opens again where it was left."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import combinations

import pytest
from gui_helpers import type_text
from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QToolButton

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


def shown_docks(window) -> list[QDockWidget]:
    """The docks a person sees (a dock behind another's tab is not seen)."""
    return [
        dock
        for dock in window.findChildren(QDockWidget)
        if dock.isVisible() and not dock.visibleRegion().isEmpty()
    ]


def assert_docks_usable(window) -> None:
    docks = shown_docks(window)
    assert len(docks) == 3  # participants, palette or timer, and the right-hand tabs
    central = window.centralWidget().geometry()
    for first, second in combinations(docks, 2):
        assert not first.geometry().intersects(second.geometry()), (first, second)
    for dock in docks:
        assert window.rect().contains(dock.geometry()), dock.objectName()
        assert not dock.geometry().intersects(central), dock.objectName()
        content, hint = dock.widget().size(), dock.widget().minimumSizeHint()
        assert content.width() >= hint.width(), dock.objectName()
        assert content.height() >= hint.height(), dock.objectName()


def assert_toolbar_fits(window) -> None:
    """Every toolbar button is on the toolbar, none behind the » overflow button."""
    toolbar = window.toolbar
    overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert overflow is None or not overflow.isVisible()
    for action in toolbar.actions():
        assert toolbar.widgetForAction(action).isVisible(), action.iconText()


def set_language(qtbot, window, code: str) -> None:
    window.language_actions[code].trigger()
    title = "文件(&F)" if code == "zh_CN" else "&File"
    qtbot.waitUntil(lambda: window.file_menu.title() == title)
    QApplication.processEvents()


# -- the window on a small screen -----------------------------------------------------------------

SCREEN_SCRIPT = """
import json, sys
from cocreate.ui.app import create_application, start_window
app = create_application()
window = start_window(sys.argv[1])  # maximized
for _ in range(10):
    app.processEvents()
maximized = {"window": window.width(), "canvas": window.centralWidget().width()}
window.showNormal()  # as the window manager shows it before (or without) maximizing
for _ in range(10):
    app.processEvents()
area, frame = window.screen().availableGeometry(), window.frameGeometry()
print(json.dumps({"maximized": maximized, "area": area.getRect(), "frame": frame.getRect()}))
document = window.document
window._set_document(None)
document.close()
"""


def on_a_small_screen(tmp_path, demo_file) -> dict:
    """What SCREEN_SCRIPT tells of the window on a 1280×720 screen, in a process of its own."""
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "projector", "width": 1280, "height": 720}]})
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCREEN_SCRIPT, str(demo_file)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # a window in a process of its own (the screen is chosen at Qt's start)
def test_on_a_1280x720_screen_the_window_fits_and_the_canvas_gets_most_of_it(tmp_path, demo_file):
    shown = on_a_small_screen(tmp_path, demo_file)
    # Maximized, the side docks leave the canvas more than half of the width.
    assert shown["maximized"]["window"] <= 1280
    assert shown["maximized"]["canvas"] >= 0.52 * shown["maximized"]["window"]
    # Not maximized (no window manager, or un-maximized), the window is inside the screen.
    left, top, width, height = shown["frame"]
    area_left, area_top, area_width, area_height = shown["area"]
    assert (area_width, area_height) == (1280, 720)
    assert left >= area_left and top >= area_top
    assert left + width <= area_left + area_width
    assert top + height <= area_top + area_height


def test_the_window_cannot_be_made_smaller_than_its_docks_need(window, qtbot):
    resize_window(qtbot, window, 640, 400)
    assert window.width() >= 960 and window.height() >= 600
    assert_docks_usable(window)
    assert_toolbar_fits(window)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1280, 720), (960, 600)], ids=["1280x720", "minimum"])
def test_docks_and_toolbar_fit_without_overlapping(window, qtbot, language, size):
    if language != "en":
        set_language(qtbot, window, language)
    try:
        resize_window(qtbot, window, *size)
        assert window.size() == QSize(*size)
        for dock in window.findChildren(QDockWidget):  # each tab of each dock area in turn
            dock.raise_()
            qtbot.waitUntil(lambda dock=dock: not dock.visibleRegion().isEmpty())
            assert_docks_usable(window)
        assert_toolbar_fits(window)
    finally:
        if language != "en":
            set_language(qtbot, window, "en")


def test_the_colour_button_shows_the_chosen_persons_colour(window, qtbot):
    dock = window.participants
    item = dock.tree.topLevelItem(2)
    qtbot.mouseClick(
        dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=dock.tree.visualItemRect(item).center()
    )
    color = dock.current_row()["color"]
    image = dock.recolour_button.icon().pixmap(16, 16).toImage()
    assert image.pixelColor(8, 8).name() == color


# -- the toolbar holds still ----------------------------------------------------------------------


def test_toolbar_buttons_keep_their_places_when_undo_names_a_long_action(window, qtbot):
    resize_window(qtbot, window, SMALL_SCREEN.width(), SMALL_SCREEN.height())
    toolbar, undo = window.toolbar, window._undo_action
    actions = toolbar.actions()
    after_undo = actions[actions.index(undo) + 1 :]
    before = [toolbar.widgetForAction(action).x() for action in after_undo]

    # Add a person in the Participants panel: Undo now names "Add Participant".
    name_edit = window.participants.name_edit
    name_edit.setFocus()
    type_text(name_edit, "Someone with a long name")
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    QApplication.processEvents()  # the toolbar lays itself out again

    assert "Add Participant" in undo.text()  # the Edit menu names the action
    button = toolbar.widgetForAction(undo)
    assert "Add Participant" in button.toolTip()  # and so does the button's tooltip
    assert [toolbar.widgetForAction(action).x() for action in after_undo] == before
    assert_toolbar_fits(window)


# -- a file opens where it was left ---------------------------------------------------------------


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
