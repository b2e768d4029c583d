"""A large journey on the canvas: 300 touchpoints and 100 links over 8 stages and 5 lanes open,
fit, scroll, zoom and paint, and every row has its item (that no two cards overlap is
tests/unit/test_layout.py's). The session is the benchmark's (tests.benchmark.sessions)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF

from cocreate.document import Document
from cocreate.ui.journey_tabs import JourneyTabs
from tests.benchmark.sessions import build_session

STAGES, LANES, CARDS, LINKS = 8, 5, 300, 100
WIDTHS = [260.0, 480.0, 700.0, 228.0]  # one, two, three and one card side by side

pytestmark = pytest.mark.slow  # a large session per test


def build_large_session(path) -> None:
    """One large journey: cards spread unevenly over the cells, stages of different widths."""
    build_session(path, CARDS, LINKS, STAGES, stage_widths=WIDTHS)


@pytest.fixture
def large_view(qtbot, tmp_path):
    path = tmp_path / "large.cocreate"
    build_large_session(path)
    document = Document.open(path)
    tabs = JourneyTabs()
    qtbot.addWidget(tabs)
    tabs.set_document(document)
    tabs.resize(1400, 900)
    tabs.show()
    qtbot.waitExposed(tabs)
    yield tabs.current_view()
    tabs.set_document(None)
    document.close()


def visible_scene_rect(view) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_every_card_and_link_of_a_large_journey_has_its_item(large_view):
    scene = large_view.journey_scene()
    assert len(scene.cards) == CARDS and len(scene.layout.cards) == CARDS
    assert len(scene.links) == LINKS
    assert len(scene.headers) == STAGES and len(scene.lane_labels) == LANES
    for card_id, card in scene.cards.items():
        rect = scene.layout.cards[card_id]
        assert card.pos() == QPointF(rect.x, rect.y)
    for link in scene.links.values():
        source = scene.cards[link.row["source_id"]].sceneBoundingRect().adjusted(-1, -1, 1, 1)
        assert source.contains(link.path().pointAtPercent(0))


def test_a_large_journey_fits_scrolls_zooms_and_paints(large_view):
    view = large_view
    scene = view.journey_scene()
    bounds = view.journey_rect()  # all of the lanes and the emotion curve

    view.zoom_to_fit()
    assert visible_scene_rect(view).contains(bounds)
    fitted = view.zoom()
    assert 0.05 <= fitted < 1.0
    image = view.grab().toImage()
    assert not image.isNull() and image.width() > 0
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)
    }
    assert len(colours) > 3  # cards, cells and lines, not a blank frame

    view.auto_fit = False
    view.set_zoom(1.0)
    for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
        assert bar.maximum() > bar.minimum()
        bar.setValue(bar.maximum())
    far = visible_scene_rect(view)
    assert far.right() >= scene.layout.width  # the last stage is in view
    for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
        bar.setValue(bar.minimum())
    assert visible_scene_rect(view).left() <= 0 and visible_scene_rect(view).top() <= 0

    for _ in range(3):
        view.zoom_in()
    assert view.zoom() == pytest.approx(1.25**3)
    for _ in range(6):
        view.zoom_out()
    assert view.zoom() == pytest.approx(1.25**-3)
