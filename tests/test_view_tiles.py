"""A large board seen from far away paints from tiles kept between frames (canvas/tiles):
what it shows is what Qt paints item by item, a change shows in the next frame, a frame of an
unchanged board renders nothing again, and a zoom step shows the board at once (from the
overview) and exactly once the window is idle. Notes stay under the mouse as before."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from cocreate.canvas import tiles as tiles_module
from cocreate.canvas.paint import LOD_TEXT
from cocreate.canvas.view import MIN_ZOOM
from cocreate.document import Document
from cocreate.geometry import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.ui.journey_tabs import JourneyTabs
from tests.benchmark.sessions import build_board_session

NOTES = 400
FAR = 0.12


@pytest.fixture(scope="module")
def board_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("far") / "board.cocreate"
    build_board_session(path, NOTES, cards=24)
    return path


@pytest.fixture
def far_view(qtbot, tmp_path, board_file):
    path = tmp_path / "board.cocreate"
    shutil.copyfile(board_file, path)
    document = Document.open(path)
    tabs = JourneyTabs()
    qtbot.addWidget(tabs)
    tabs.set_document(document)
    tabs.resize(1000, 700)
    tabs.show()
    qtbot.waitExposed(tabs)
    view = tabs.current_view()
    view.auto_fit = False
    view.set_zoom(FAR)
    view.centerOn(notes_center(view))
    settle(qtbot, view)
    yield view
    tabs.set_document(None)
    document.close()


def notes_center(view) -> QPointF:
    notes = list(view.journey_scene().notes.values())
    middle = notes[len(notes) // 2]
    return middle.pos() + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)


def settle(qtbot, view) -> None:
    """A frame, then the idle moments in which the view renders what it drew from the
    overview."""
    view.viewport().repaint()
    qtbot.waitUntil(view.tiles.settled, timeout=10_000)


def frame(view) -> QImage:
    return view.viewport().grab().toImage()


def center_of(view, note) -> QPoint:
    return view.mapFromScene(note.pos() + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2))


def notes_in_view(view) -> list:
    shown = view.viewport().rect().adjusted(10, 10, -10, -10)
    scene = view.journey_scene()
    return [note for note in scene.notes.values() if shown.contains(center_of(view, note))]


def same_color(image: QImage, spot: QPoint, color: QColor) -> bool:
    seen = image.pixelColor(spot)
    return all(abs(a - b) <= 2 for a, b in zip(seen.getRgb()[:3], color.getRgb()[:3], strict=True))


def test_far_away_the_view_paints_from_tiles_and_shows_what_qt_paints(far_view, monkeypatch):
    assert far_view.zoom() < LOD_TEXT
    assert far_view.tiles.applies()
    notes = notes_in_view(far_view)
    assert len(notes) > 100
    tiled = frame(far_view)
    for note in notes:
        assert same_color(tiled, center_of(far_view, note), note.color()), note.row["text"]

    monkeypatch.setattr(far_view.tiles, "applies", lambda: False)
    # Only the phase of some dashed frames may differ (Qt's path leaks pen state from item to
    # item; tiles render each item afresh).
    assert differing_pixels(tiled, frame(far_view)) < 0.02


def fresh(view):
    """The view as a window shows it first: no tile rendered, at any scale."""
    view.tiles.clear()
    return view


def test_the_first_frame_is_painted_item_by_item_and_its_tiles_are_rendered_when_idle(
    qtbot, far_view
):
    view = fresh(far_view)
    first = frame(view)  # nothing to copy or stand in yet: Qt paints it, item by item
    assert view.tiles.rendered == [] and view.tiles.idle_work()
    for note in notes_in_view(view):
        assert same_color(first, center_of(view, note), note.color()), note.row["text"]
    qtbot.waitUntil(view.tiles.settled, timeout=10_000)
    assert view.tiles.rendered  # rendered in the idle moments after it
    assert differing_pixels(frame(view), first) < 0.02


def test_frames_that_come_before_the_window_is_idle_are_copied_from_tiles(far_view):
    cache = fresh(far_view).tiles
    far_view.viewport().repaint()
    assert cache.rendered == []  # the first: item by item
    far_view.viewport().repaint()
    rendered = list(cache.rendered)
    # the next: its tiles, in passes over the scene of a few rows of tiles each, from top to
    # bottom, that together hold what is in view
    scale, tall = far_view.transform().m11(), tiles_module.PASS_ROWS * tiles_module.TILE
    assert len(rendered) > 1 and all(part.height() * scale <= tall + 1e-6 for part in rendered)
    assert [part.top() for part in rendered] == sorted(part.top() for part in rendered)
    covered = rendered[0]
    for part in rendered[1:]:
        covered = covered.united(part)
    assert covered.contains(far_view.mapToScene(far_view.viewport().rect()).boundingRect())
    far_view.viewport().repaint()
    assert cache.rendered == rendered  # then copies


def test_an_unchanged_board_repaints_without_rendering_any_item_again(far_view):
    cache = far_view.tiles
    cache.rendered.clear()
    far_view.viewport().repaint()
    far_view.viewport().repaint()
    assert cache.rendered == []


def test_a_change_from_elsewhere_shows_in_the_next_frame_and_renders_only_its_place(
    far_view, qtbot
):
    scene = far_view.journey_scene()
    note = notes_in_view(far_view)[0]
    spot, color = center_of(far_view, note), note.color()
    assert same_color(frame(far_view), spot, color)
    cache = far_view.tiles
    cache.rendered.clear()

    assert scene.document.delete_items([], [], [note.note_id])  # as a phone taking it back
    qtbot.waitUntil(lambda: note.note_id not in scene.notes)
    assert not same_color(frame(far_view), spot, color)
    rendered = sum(rect.width() * rect.height() for rect in cache.rendered)
    seen = far_view.mapToScene(far_view.viewport().rect()).boundingRect()
    assert 0 < rendered < seen.width() * seen.height() / 20


def test_a_click_far_away_selects_the_note_and_the_frame_shows_it(far_view, qtbot):
    note = notes_in_view(far_view)[5]
    spot = center_of(far_view, note)
    ring = (
        far_view.mapFromScene(note.mapRectToScene(note.BODY)).boundingRect().adjusted(-2, -2, 2, 2)
    )
    before = frame(far_view).copy(ring)
    QTest.mouseClick(far_view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert note.isSelected()
    qtbot.wait(20)
    after = frame(far_view)
    assert after.copy(ring) != before  # the selection's outline
    assert same_color(after, spot, note.color())


def settles_exactly(qtbot, view) -> None:
    """The view renders in its idle moments until every note in view shows as it is."""
    qtbot.waitUntil(view.tiles.settled, timeout=10_000)
    assert view.tiles.rendered
    image = frame(view)
    for note in notes_in_view(view):
        assert same_color(image, center_of(view, note), note.color())


def stand_ins_only(view, monkeypatch):
    """The view's tiles, with no time to render in a frame, and idle moments that wait 400 ms
    after a frame (10 ms steps wait for them even on a slow machine)."""
    monkeypatch.setattr(tiles_module, "FRAME_BUDGET_MS", 0.0)
    monkeypatch.setattr(tiles_module, "IDLE_AFTER_FRAME_MS", 400)
    return view.tiles


class SlowStrips:
    """The tiles module's clock, in which rendering a strip takes STRIP_MS and nothing else
    takes any time: how long each frame spent rendering, whatever the machine's pace."""

    STRIP_MS = 4.0

    def __init__(self, view, monkeypatch, strip_ms: float = STRIP_MS) -> None:
        self.now = time.perf_counter()  # from the real clock's now on (frames before it)
        self.frames: list[float] = []  # ms of rendering each frame (or idle moment)
        render = view.tiles._render
        # The view has learnt that strips take strip_ms (not what its real ones took before:
        # on a slow machine more than a frame's budget, and no frame would begin one).
        view.tiles._strip_s = strip_ms / 1000

        def slow_render(*args) -> None:
            render(*args)
            self.now += strip_ms / 1000
            self.frames[-1] += strip_ms

        monkeypatch.setattr(tiles_module, "time", SimpleNamespace(perf_counter=lambda: self.now))
        monkeypatch.setattr(view.tiles, "_render", slow_render)

    def frame(self, view) -> None:
        self.frames.append(0.0)
        view.viewport().repaint()


def test_a_pan_frame_begins_no_strip_that_would_end_past_its_budget(far_view, qtbot, monkeypatch):
    """Strips of 4 ms and a frame budget of 5 ms: each frame of a pan renders one strip and
    draws the rest of what it uncovers from stand-ins; one begun at 4 ms would end at 8."""
    monkeypatch.setattr(tiles_module, "FRAME_BUDGET_MS", 5.0)
    far_view.set_zoom(0.5)  # the board is wider than the view: there is a way to pan
    bar = far_view.horizontalScrollBar()
    bar.setValue(bar.minimum())
    settle(qtbot, far_view)
    monkeypatch.setattr(tiles_module, "IDLE_AFTER_FRAME_MS", 10_000)  # no idle rendering
    clock = SlowStrips(far_view, monkeypatch)
    for _step in range(6):
        bar.setValue(bar.value() + 200)
        clock.frame(far_view)
    assert bar.value() == bar.minimum() + 6 * 200
    assert clock.frames == [SlowStrips.STRIP_MS] * 6


def test_an_idle_moment_begins_no_strip_that_would_end_past_its_budget(far_view, monkeypatch):
    """Strips of 2 ms and idle moments of 3 ms (after a zoom step drawn from stand-ins): each
    moment renders one strip; one begun at 2 ms would end at 4. A zoom's frames wait for the
    idle moments that come in the same turn of the event loop."""
    monkeypatch.setattr(tiles_module, "FRAME_BUDGET_MS", 0.0)  # every strip left to idle moments
    monkeypatch.setattr(tiles_module, "IDLE_BUDGET_MS", 3.0)
    monkeypatch.setattr(tiles_module, "IDLE_AFTER_FRAME_MS", 0)
    far_view.set_zoom(FAR * 1.25)
    far_view.viewport().repaint()
    clock = SlowStrips(far_view, monkeypatch, strip_ms=2.0)
    for _moment in range(4):
        clock.frames.append(0.0)
        far_view.tiles._refine()
    assert clock.frames == [2.0] * 4


class RowClock:
    """The tiles module's clock, in which rendering part of a tile takes `fixed_ms` (the pass
    over the scene) plus `row_ms` a row, and nothing else takes any time."""

    def __init__(self, view, monkeypatch, fixed_ms: float, row_ms: float) -> None:
        self.now = time.perf_counter()
        self.heights: list[int] = []  # rows of each part rendered
        render = view.tiles._render

        def timed_render(tiles, spot, part) -> None:
            render(tiles, spot, part)
            self.heights.append(part.height())
            self.now += (fixed_ms + row_ms * part.height()) / 1000

        monkeypatch.setattr(tiles_module, "time", SimpleNamespace(perf_counter=lambda: self.now))
        monkeypatch.setattr(view.tiles, "_render", timed_render)


@pytest.mark.parametrize(("row_ms", "whole_tiles"), [(0.002, True), (0.1, False)])
def test_a_strip_has_as_many_rows_as_take_a_millisecond(far_view, monkeypatch, row_ms, whole_tiles):
    """Where rows cost little (a small board), the idle moments render whole tiles, a render
    each, instead of eight strips of 32 rows; where they cost much, strips of 32 rows, which
    keep a frame and an idle moment within their budget."""
    monkeypatch.setattr(tiles_module, "FRAME_BUDGET_MS", 0.0)  # every strip left to idle moments
    monkeypatch.setattr(tiles_module, "IDLE_AFTER_FRAME_MS", 0)
    far_view.set_zoom(FAR * 1.25)
    far_view.viewport().repaint()
    clock = RowClock(far_view, monkeypatch, fixed_ms=0.2, row_ms=row_ms)
    for _moment in range(30):
        far_view.tiles._refine()
    # The later half: the first strips went by how long rows took before, on the real clock.
    later = clock.heights[len(clock.heights) // 2 :]
    rows = tiles_module.TILE if whole_tiles else tiles_module.STRIP
    assert len(later) > 4 and set(later) == {rows}, clock.heights


def test_a_zoom_step_shows_the_board_at_once_and_exactly_when_idle(far_view, qtbot, monkeypatch):
    cache = far_view.tiles
    monkeypatch.setattr(tiles_module, "FRAME_BUDGET_MS", 0.0)  # no time to render in the frame
    far_view.set_zoom(FAR * 1.25)
    cache.rendered.clear()
    far_view.viewport().repaint()
    assert cache.rendered == []  # drawn from the stand-ins, nothing rendered yet
    assert cache.idle_work()
    assert not cache.settled()
    settles_exactly(qtbot, far_view)


def test_while_frames_keep_coming_the_idle_rendering_waits_for_them_to_stop(
    far_view, qtbot, monkeypatch
):
    cache = stand_ins_only(far_view, monkeypatch)
    zoom = FAR
    for _step in range(6):  # a zoom in progress: a step every 10 ms, each from stand-ins
        zoom *= 1.1
        far_view.set_zoom(zoom)
        far_view.viewport().repaint()
        qtbot.wait(10)
        assert cache.rendered == []  # the idle moments between the steps render nothing
    settles_exactly(qtbot, far_view)  # once they stop


def test_frames_that_never_stop_hold_the_idle_rendering_back_only_so_long(
    far_view, qtbot, monkeypatch
):
    cache = stand_ins_only(far_view, monkeypatch)
    monkeypatch.setattr(tiles_module, "IDLE_WAIT_MAX_MS", 100)
    far_view.set_zoom(FAR * 1.1)
    for _frame in range(40):  # a frame every 10 ms for 0.4 s: notes streaming in, say
        far_view.viewport().update()
        qtbot.wait(10)
    assert cache.rendered  # rendered after the longest wait, with frames still coming


def differing_pixels(one: QImage, other: QImage) -> float:
    """The share of pixels (every third row and column) that differ."""
    differing = sum(
        one.pixel(x, y) != other.pixel(x, y)
        for y in range(0, one.height(), 3)
        for x in range(0, one.width(), 3)
    )
    return differing / (len(range(0, one.height(), 3)) * len(range(0, one.width(), 3)))


def test_in_presentation_style_the_tiles_show_what_qt_paints_for_it(far_view, qtbot, monkeypatch):
    far_view.set_zoom(LOD_TEXT * 0.9)  # cluster titles a few pixels high: their size shows
    cluster = next(c for c in far_view.journey_scene().clusters.values() if c.isVisible())
    far_view.centerOn(cluster.title_rect().center())
    title = far_view.mapFromScene(cluster.title_rect()).boundingRect().adjusted(6, 4, -6, -2)
    settle(qtbot, far_view)
    plain = frame(far_view).copy(title)
    far_view.setProperty("presentation", True)  # the audience display, presentation mode
    assert far_view.tiles.applies()
    settle(qtbot, far_view)
    tiled = frame(far_view).copy(title)
    monkeypatch.setattr(far_view.tiles, "applies", lambda: False)
    assert tiled == frame(far_view).copy(title)  # Qt's painting, item by item
    assert tiled != plain  # the larger title


def test_close_up_the_tiles_show_what_qt_paints(far_view, qtbot, monkeypatch):
    far_view.actual_size()  # cards and notes with all their text
    far_view.centerOn(notes_center(far_view))
    settle(qtbot, far_view)
    assert far_view.tiles.applies()
    tiled = frame(far_view)
    monkeypatch.setattr(far_view.tiles, "applies", lambda: False)
    assert differing_pixels(tiled, frame(far_view)) < 0.02


HIGH_DENSITY_CHILD = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cocreate.document import Document
from cocreate.ui.journey_tabs import JourneyTabs
document = Document.open(sys.argv[1])
tabs = JourneyTabs()
tabs.set_document(document)
tabs.resize(900, 600)
tabs.show()
app.processEvents()
view = tabs.current_view()
view.viewport().repaint()
while not view.tiles.settled():
    app.processEvents()
tiled = view.viewport().grab().toImage()
view.tiles.applies = lambda: False
painted = view.viewport().grab().toImage()
differing = sum(
    tiled.pixel(x, y) != painted.pixel(x, y)
    for y in range(0, tiled.height(), 2)
    for x in range(0, tiled.width(), 2)
)
print(tiled.devicePixelRatio(), differing / ((tiled.height() // 2) * (tiled.width() // 2)))
document.close()
"""


@pytest.mark.slow  # a process of its own: the pixel ratio is set before Qt starts
def test_on_a_high_density_screen_the_tiles_are_as_sharp_as_qt_paints(board_file, tmp_path):
    path = tmp_path / "board.cocreate"
    shutil.copyfile(board_file, path)
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    done = subprocess.run(
        [sys.executable, "-c", HIGH_DENSITY_CHILD, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    ratio, differing = (float(word) for word in done.stdout.split()[-2:])
    assert ratio == 2.0
    assert differing < 0.05  # tiles of the screen's own pixels, not upscaled ones


def test_a_zoom_out_past_the_scene_shows_the_background_around_it_at_once(far_view):
    """The viewport is not erased before a frame: the first frame of a zoom step, drawn from
    stand-ins, paints the background brush where no stand-in reaches (outside the scene)."""
    far_view.set_zoom(MIN_ZOOM)
    first = frame(far_view)
    scene = far_view.mapFromScene(far_view.journey_scene().sceneRect()).boundingRect()
    viewport = far_view.viewport().rect()
    assert scene.width() < viewport.width() / 2  # the scene is a small part of the view
    outside = [QPoint(x, y) for x in (2, viewport.width() - 3) for y in (2, viewport.height() - 3)]
    outside = [spot for spot in outside if not scene.adjusted(-3, -3, 3, 3).contains(spot)]
    assert outside
    for spot in outside:
        assert same_color(first, spot, QColor("white")), spot


def test_a_change_across_two_tiles_renders_once_and_shows_as_qt_paints_it(
    far_view, qtbot, monkeypatch
):
    """A note's change spans the tiles its note lies across: they are rendered in one pass over
    the scene (each render would paint the note whole), then show it as a fresh view does."""
    far_view.set_zoom(1.0)
    far_view.centerOn(notes_center(far_view))
    settle(qtbot, far_view)
    cache, scene = far_view.tiles, far_view.journey_scene()
    exact = cache.exact
    note = next(
        note
        for note in notes_in_view(far_view)
        if len({row for _column, row in exact.spots(exact.pixels(note.sceneBoundingRect()))}) == 1
        and len(exact.spots(exact.pixels(note.sceneBoundingRect()))) == 2
    )
    seen = far_view.mapFromScene(note.sceneBoundingRect()).boundingRect()
    cache.rendered.clear()
    assert scene.document.update_notes([note.note_id], text="Changed across two tiles")
    far_view.viewport().repaint()
    assert len(cache.rendered) == 1 and cache.rendered[0].contains(note.sceneBoundingRect())
    shown = frame(far_view).copy(seen)
    monkeypatch.setattr(cache, "applies", lambda: False)  # Qt paints the view item by item
    assert frame(far_view).copy(seen) == shown
