"""Smaller things a facilitator noticed in a real salon (issue 8, item 9): the board's hint
and the clusters, images without screen help, the timer clear of the stage headers, export
dialogs that open in the right folder, "Lowest point" only where there is something to
compare, and a double-click on a Palette entry that adds the card where the person looks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from cocreate.analysis import StageEmotion, lowest_points
from cocreate.canvas.image_export import render_scene
from cocreate.canvas.notes import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.demo import write_demo
from cocreate.export.pdf import export_pdf
from cocreate.ui.app import create_application, start_window
from cocreate.ui.palette import entry_payload
from cocreate.ui.timer import TimerOverlay
from tests.pdf_text import page_texts

JOURNEY = 1
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
HINT_WORDS = "press N to add a note"


@pytest.fixture
def open_window(qtbot):
    """start_window(...) as `cocreate [PATH]` does, at a known size; closed after the test."""
    windows = []

    def start(path: Path | None = None):
        create_application()
        window = start_window(str(path) if path else None)
        window.activateWindow()
        qtbot.waitExposed(window)
        window.showNormal()
        window.resize(1800, 1000)
        qtbot.waitUntil(lambda: window.tabs.current_view().viewport().width() > 1000)
        window.document.undo_stack.clear()
        windows.append(window)
        return window

    yield start
    for window in windows:
        document = window.document
        if document is not None:
            window._set_document(None)
            document.close(discard=document.untitled)
        window.close()
        window.deleteLater()


@pytest.fixture
def window(open_window):
    """A new session with one participant, the current author."""
    main = open_window()
    main.document.add_participant("Ana", "#ffd54f", "facilitator")
    main.document.undo_stack.clear()
    return main


def ids(window, table: str) -> list[int]:
    rows = window.document.store.rows(table, order_by="position", journey_id=JOURNEY)
    return [row["id"] for row in rows]


def view_rect(view, item) -> QRect:
    return view.mapFromScene(item.sceneBoundingRect()).boundingRect()


def render(scene, rect: QRectF) -> QImage:
    """The scene's rect painted 1:1, as a view paints it."""
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def darkest(image: QImage, area: QRect) -> int:
    """The lowest lightness (0 black … 255 white) of the image's pixels inside area."""
    area = area.intersected(image.rect())
    return min(
        image.pixelColor(QPoint(x, y)).lightness()
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    )


def drag_note(view, note, target_top_left: QPointF) -> None:
    """Drag a note by its middle so that its top-left corner lands on target_top_left."""
    middle = QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
    start, end = view.mapFromScene(note.pos() + middle), view.mapFromScene(target_top_left + middle)
    QTest.mousePress(view.viewport(), LEFT, NO_MODIFIER, start)
    for step in range(1, 9):
        QTest.mouseMove(view.viewport(), start + (end - start) * (step / 8))
    QTest.mouseRelease(view.viewport(), LEFT, NO_MODIFIER, end)


# -- the board's hint ---------------------------------------------------------------------------


def test_a_cluster_at_the_top_of_the_board_keeps_clear_of_the_board_hint(window, qtbot):
    document, scene, view = window.document, window.tabs.current_scene(), window.tabs.current_view()
    author = window.participants.current_author()
    notes = [
        document.add_note(JOURNEY, f"Wait {i} 排队", author, 300 + 200 * i, 300) for i in (0, 1)
    ]
    view.auto_fit = False
    view.set_zoom(0.5)
    view.centerOn(scene.board.area.center())
    top = scene.board.area.top()
    for index, note_id in enumerate(notes):  # as high on the board as a person can drag them
        drag_note(view, scene.notes[note_id], QPointF(60 + 200 * index, top + 2))
    document.group_notes(JOURNEY, notes, "Peak-hour pickup wait 高峰取餐等太久")
    (cluster,) = scene.clusters.values()

    hint = scene.board.hint_rect()
    assert scene.board.area.contains(hint)
    assert not hint.intersects(cluster.title_rect()) and not hint.intersects(cluster.frame)
    for note_id in notes:
        assert not hint.intersects(scene.notes[note_id].sceneBoundingRect())
    assert darkest(render(scene, hint), QRect(0, 0, int(hint.width()), int(hint.height()))) < 200


# -- images leave out screen help ---------------------------------------------------------------


def test_png_and_svg_images_leave_out_the_board_hint(window, tmp_path):
    document, scene = window.document, window.tabs.current_scene()
    author = window.participants.current_author()
    document.add_note(JOURNEY, "Queue at 8 排队", author, 400, 200)
    hint = scene.board.hint_rect()
    assert darkest(render(scene, hint), QRect(0, 0, int(hint.width()), int(hint.height()))) < 200

    svg = tmp_path / "journey.svg"
    render_scene(scene, svg, "Journey")
    text = svg.read_text(encoding="utf-8")
    assert "排队" in text  # the notes are there
    assert HINT_WORDS not in text and "double-click" not in text

    png = tmp_path / "journey.png"
    source = scene.itemsBoundingRect().adjusted(-30, -30, 30, 30)
    render_scene(scene, png)
    image = QImage(str(png))
    scale = image.width() / source.width()
    spot = QRectF((hint.topLeft() - source.topLeft()) * scale, hint.size() * scale)
    assert darkest(image, spot.toRect()) > 240  # the board's fill, no grey hint text

    # On screen the hint is back.
    assert scene.board.screen_help
    assert darkest(render(scene, hint), QRect(0, 0, int(hint.width()), int(hint.height()))) < 200


# -- the timer keeps clear of the stage headers ------------------------------------------------


def test_the_timer_never_covers_the_stage_headers(window, qtbot):
    scene, view = window.tabs.current_scene(), window.tabs.current_view()
    timer = window.facilitation.timer
    overlay = view.viewport().findChild(TimerOverlay)
    view.auto_fit = False
    view.set_zoom(1.5)  # the headers run across the whole top of the view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    timer.start(300)
    try:
        assert overlay.isVisible()
        headers = [view_rect(view, header) for header in scene.headers.values()]
        top_right = QRect(overlay.corners(view.viewport().size())[0], overlay.size())
        assert any(top_right.intersects(header) for header in headers)  # where it used to sit
        assert not any(overlay.geometry().intersects(header) for header in headers)
        assert view.viewport().rect().contains(overlay.geometry())

        # Scrolled down to the board, the headers are gone and it goes back to the top right.
        view.centerOn(scene.board.area.center())
        assert not any(
            view_rect(view, h).intersects(view.viewport().rect()) for h in scene.headers.values()
        )
        assert overlay.geometry().topLeft() == overlay.corners(view.viewport().size())[0]

        view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
        headers = [view_rect(view, header) for header in scene.headers.values()]
        assert not any(overlay.geometry().intersects(header) for header in headers)
    finally:
        timer.reset()


# -- export dialogs start in the right folder --------------------------------------------------


def asked_for(monkeypatch) -> list[tuple]:
    """Every question a file dialog was asked; each answers "cancel"."""
    asked: list[tuple] = []

    def save_name(*args, **_kwargs):
        asked.append(args)
        return "", ""

    def folder(*args, **_kwargs):
        asked.append(args)
        return ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(folder))
    return asked


def test_export_dialogs_open_beside_the_session_file_named_after_its_title(
    open_window, tmp_path, monkeypatch
):
    folder = tmp_path / "salons 沙龙"
    folder.mkdir()
    path = folder / "june.cocreate"
    write_demo(path)
    window = open_window(path)
    window.document.rename_session('Member loyalty: 会员 "June"\nsalon')
    asked = asked_for(monkeypatch)

    window.exports.json_action.trigger()
    window.exports.image_action.trigger()
    window.exports.csv_action.trigger()
    json_start, image_start, csv_start = (Path(args[2]) for args in asked)
    assert json_start == folder / "Member loyalty 会员 June salon.json"
    assert image_start == folder / "Member loyalty 会员 June salon.png"
    assert csv_start == folder


def test_untitled_sessions_export_to_documents_then_to_the_last_export_folder(
    open_window, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    window = open_window()
    assert window.document.untitled
    window.document.rename_session("")
    asked = asked_for(monkeypatch)

    window.exports.json_action.trigger()
    assert Path(asked[-1][2]) == home / "Documents" / "Untitled session.json"

    exports = tmp_path / "exports"
    exports.mkdir()
    target = exports / "first.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.exports.json_action.trigger()
    assert target.exists()
    asked = asked_for(monkeypatch)
    window.exports.json_action.trigger()
    assert Path(asked[-1][2]) == exports / "Untitled session.json"


# -- "Lowest point" only where there is something to compare ----------------------------------


def point(stage_id: int, mean: float | None) -> StageEmotion:
    return StageEmotion(stage_id, mean, 0 if mean is None else 1)


def test_lowest_points_need_two_stages_that_differ():
    assert lowest_points([point(1, -1.0), point(2, None)]) == set()
    assert lowest_points([point(1, 0.5), point(2, 0.5)]) == set()
    assert lowest_points([point(1, -1.0), point(2, 1.0), point(3, -1.0)]) == {1, 3}
    assert lowest_points([]) == set()


def pdf_text(path: Path) -> str:
    return "\n".join(page_texts(path))


def test_a_single_card_is_no_lowest_point_on_the_canvas_or_in_the_pdf(window, tmp_path):
    document, scene = window.document, window.tabs.current_scene()
    stages, lanes = ids(window, "stage"), ids(window, "lane")
    document.add_touchpoint(JOURNEY, stages[0], lanes[1], title="Metro ad", emotion=-1)
    assert scene.curve.lowest == set()
    out = tmp_path / "one.pdf"
    export_pdf(document.path, out)
    text = pdf_text(out)
    assert "Lowest point" not in text
    # The health page says there is nothing to compare, not that no emotion was recorded.
    assert "Nothing to compare" in text and "No emotions recorded" not in text

    document.add_touchpoint(JOURNEY, stages[1], lanes[1], title="Coupon", emotion=1)
    assert scene.curve.lowest == {stages[0]}
    out = tmp_path / "two.pdf"
    export_pdf(document.path, out)
    assert "Lowest point" in pdf_text(out)


# -- a double-click on a Palette entry ---------------------------------------------------------


def double_click_entry(palette, payload: dict) -> None:
    tree = palette.tree
    item = next(item for item in tree.entries() if entry_payload(item) == payload)
    tree.scrollToItem(item)
    center = tree.visualItemRect(item).center()
    QTest.mouseClick(tree.viewport(), LEFT, pos=center)
    QTest.mouseDClick(tree.viewport(), LEFT, pos=center)


def test_a_palette_double_click_adds_to_the_selected_cards_cell_or_says_why_not(window, qtbot):
    document, scene, view = window.document, window.tabs.current_scene(), window.tabs.current_view()
    stages, lanes = ids(window, "stage"), ids(window, "lane")
    card = document.add_touchpoint(JOURNEY, stages[3], lanes[2], title="Counter 柜台")
    view.auto_fit = False
    view.set_zoom(0.5)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    middle = view.mapToScene(view.viewport().rect().center())
    assert scene.layout.cell_at(middle.x(), middle.y()) != (stages[3], lanes[2])
    QTest.mouseClick(
        view.viewport(), LEFT, NO_MODIFIER, view_rect(view, scene.cards[card]).center()
    )
    assert scene.selected_touchpoint_ids() == [card]
    assert window.palette.tree.isVisible()

    double_click_entry(window.palette, {"channel": "phone"})
    added = [row for row in document.store.rows("touchpoint") if row["id"] != card]
    assert [(r["stage_id"], r["lane_id"], r["channel"]) for r in added] == [
        (stages[3], lanes[2], "phone")
    ]
    assert [
        r["id"]
        for r in document.store.rows(
            "touchpoint", order_by="position", stage_id=stages[3], lane_id=lanes[2]
        )
    ] == [card, added[0]["id"]]

    # Nothing selected and only the board in view: no card, and a hint says why.
    window.activateWindow()
    scene.clearSelection()
    view.set_zoom(1.5)
    view.centerOn(QPointF(scene.board.area.center().x(), scene.board.area.bottom()))
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert not any(
        QRectF(r.x, r.y, r.width, r.height).intersects(seen) for r in scene.layout.cells.values()
    )
    count = document.store.count("touchpoint")
    double_click_entry(window.palette, {"kind": "core"})
    assert document.store.count("touchpoint") == count
    assert "No cell in view" in window.statusBar().currentMessage()
    assert QApplication.activeModalWidget() is None
