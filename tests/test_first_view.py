"""What a facilitator sees first: the journey at a readable size, cards that show their text
whenever it can be read, the zoom in the status bar, and a window that stays responsive while
it is resized."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

from cocreate.canvas.paint import CARD_TITLE_POINTS, INK, text_pixels
from cocreate.canvas.view import READABLE_PIXELS
from cocreate.ui.app import create_application, start_window


@pytest.fixture
def demo(qtbot):
    create_application()
    main = start_window(demo=True)
    qtbot.waitExposed(main)
    main.showNormal()
    yield main


def title_pixels(view) -> float:
    """How high a card title is on the screen at the view's zoom."""
    return text_pixels(CARD_TITLE_POINTS, view.zoom(), view.viewport().logicalDpiY())


def settle(qtbot, main, size: QSize) -> None:
    main.resize(size)
    qtbot.waitUntil(lambda: main.size() == size or main.size() == main.minimumSize())
    qtbot.wait(50)


@pytest.mark.parametrize("size", [QSize(1440, 900), QSize(1280, 720), QSize(1920, 1080)])
def test_a_journey_opens_with_card_titles_readable_and_its_headers_in_view(demo, qtbot, size):
    settle(qtbot, demo, size)
    view = demo.tabs.current_view()
    assert title_pixels(view) >= READABLE_PIXELS - 0.01
    assert view.zoom() <= 1.0
    headers = [item.sceneBoundingRect() for item in view.journey_scene().headers.values()]
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.top() <= min(rect.top() for rect in headers)  # the stage headers show
    assert seen.left() <= 0  # from the lane names on


def render_card(scene, card_id: int, scale: float) -> QImage:
    """The card drawn as a view at this scale would draw it."""
    rect = scene.cards[card_id].sceneBoundingRect()
    image = QImage(
        max(1, round(rect.width() * scale)),
        max(1, round(rect.height() * scale)),
        QImage.Format.Format_ARGB32,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def ink_pixels(image: QImage) -> int:
    """Pixels drawn in (nearly) the colour of the cards' text."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            color = image.pixelColor(x, y)
            if (
                abs(color.red() - INK.red()) < 40
                and abs(color.green() - INK.green()) < 40
                and abs(color.blue() - INK.blue()) < 40
            ):
                count += 1
    return count


def test_a_card_shows_its_text_once_its_title_is_6_pixels_high(demo):
    scene = demo.tabs.current_scene()
    scene.clearSelection()
    card_id = min(scene.cards)
    dpi = QImage(1, 1, QImage.Format.Format_ARGB32).logicalDpiY()
    six_pixels = 6.0 / text_pixels(CARD_TITLE_POINTS, 1.0, dpi)
    assert ink_pixels(render_card(scene, card_id, six_pixels * 1.02)) > 20
    assert ink_pixels(render_card(scene, card_id, six_pixels * 0.9)) == 0  # too small to read


def test_the_status_bar_shows_the_zoom_and_a_click_goes_to_100_percent(demo, qtbot):
    settle(qtbot, demo, QSize(1280, 720))
    view = demo.tabs.current_view()
    indicator = demo.zoom_indicator
    assert indicator.isVisible()
    assert indicator.text() == f"{round(view.zoom() * 100)} %"
    assert view.zoom() != 1.0
    QTest.mouseClick(indicator, Qt.MouseButton.LeftButton)
    assert view.zoom() == 1.0
    assert indicator.text() == "100 %"
    view.zoom_out()
    assert indicator.text() == "80 %"


def test_resizing_the_window_fits_once_per_size_and_never_loops(demo, qtbot):
    view = demo.tabs.current_view()
    fits = []
    original = view.fit_journey_width

    def counted() -> None:
        fits.append(view.size())
        original()

    view.fit_journey_width = counted
    sizes = [QSize(640, 400), QSize(1024, 768), QSize(700, 420), QSize(1280, 720)] * 3
    for size in sizes:
        settle(qtbot, demo, size)
    # At most one fit for each size the view itself took, whatever the scroll bars did.
    assert 0 < len(fits) <= len(sizes)
    before = len(fits)
    qtbot.wait(300)
    assert len(fits) == before  # nothing keeps fitting on its own


def test_the_window_has_a_minimum_size_it_keeps_to(demo, qtbot):
    minimum = demo.minimumSize()
    assert minimum.width() >= 800 and minimum.height() >= 500
    demo.resize(400, 300)
    qtbot.wait(50)
    assert demo.width() >= minimum.width() and demo.height() >= minimum.height()


def test_no_demo_note_is_out_of_reach(demo):
    for index in range(demo.tabs.count()):
        demo.tabs.setCurrentIndex(index)
        scene = demo.tabs.current_scene()
        for note in scene.notes.values():
            rect = note.sceneBoundingRect()
            assert scene.sceneRect().contains(rect)
            assert rect.top() >= 0  # never up above the stage headers


def test_fit_journey_keeps_everything_of_the_journey_in_view(demo, qtbot):
    settle(qtbot, demo, QSize(1280, 720))
    view = demo.tabs.current_view()
    view.setFocus()
    QTest.keyClick(demo, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    journey = view.journey_rect()
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(journey)
    assert view.mapFromScene(QPointF(0, 0)).x() >= 0


def test_a_view_the_person_scrolled_stays_where_they_put_it_when_the_window_resizes(demo, qtbot):
    settle(qtbot, demo, QSize(1280, 720))
    view = demo.tabs.current_view()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_PageDown)  # scrolled by the person
    place = view.mapToScene(view.viewport().rect().center())
    zoom = view.zoom()
    settle(qtbot, demo, QSize(1440, 900))
    assert view.zoom() == zoom  # not fitted again
    moved = view.mapToScene(view.viewport().rect().topLeft())
    assert moved.y() > 0 and place.y() > view.journey_rect().top()
