"""A large journey on the canvas: 300 touchpoints and 100 links over 8 stages and 5 lanes open,
fit, scroll, zoom and paint without errors, every row has its item, and no two cards overlap."""

from __future__ import annotations

import itertools
from collections import defaultdict

import pytest
from PySide6.QtCore import QPointF, QRectF

from cocreate.document import Document
from cocreate.layout import Rect
from cocreate.store import SessionFile
from cocreate.store.ops import insert_rows
from cocreate.ui.journey_tabs import JourneyTabs

JOURNEY = 1
STAGES, LANES, CARDS, LINKS = 8, 5, 300, 100
LANE_KINDS = [
    "physical_evidence",
    "customer_actions",
    "frontstage",
    "backstage",
    "support_processes",
]
WIDTHS = [260, 480, 700, 228]  # one, two, three and one card side by side


def build_large_session(path) -> None:
    """A session file with one large journey, written in one transaction with explicit ids."""
    store = SessionFile.create(path, title="Large salon")
    try:
        with store.transaction() as conn:
            insert_rows(
                conn,
                "journey",
                [{"id": JOURNEY, "name": "Large journey", "position": 0, "template": "blank"}],
            )
            insert_rows(
                conn,
                "stage",
                [
                    {
                        "id": s + 1,
                        "journey_id": JOURNEY,
                        "name": f"Stage {s + 1} 阶段",
                        "position": s,
                        "color": "#e3f0fd",
                        "width": WIDTHS[s % len(WIDTHS)],
                    }
                    for s in range(STAGES)
                ],
            )
            insert_rows(
                conn,
                "lane",
                [
                    {
                        "id": n + 1,
                        "journey_id": JOURNEY,
                        "kind": LANE_KINDS[n],
                        "name": LANE_KINDS[n].replace("_", " ").title(),
                        "position": n,
                        "hidden": False,
                    }
                    for n in range(LANES)
                ],
            )
            positions: dict[tuple[int, int], int] = defaultdict(int)
            touchpoints = []
            for index in range(CARDS):
                # Uneven cells: the first stages and lanes get more cards than the last.
                stage = (index * index + index // 3) % STAGES + 1
                lane = (index // 2 + index % 3) % LANES + 1
                touchpoints.append(
                    {
                        "id": index + 1,
                        "journey_id": JOURNEY,
                        "stage_id": stage,
                        "lane_id": lane,
                        "position": positions[(stage, lane)],
                        "title": f"Touchpoint {index + 1} 触点 with a title long enough to wrap",
                        "emotion": index % 5 - 2,
                        "score": index % 11,
                        "kind": ["pre", "first", "core", "end"][index % 4],
                        "channel": ["store", "app", "mini_program", "social"][index % 4],
                        "branded": index % 7 == 0,
                        "breakpoint": index % 11 == 0,
                    }
                )
                positions[(stage, lane)] += 1
            insert_rows(conn, "touchpoint", touchpoints)
            insert_rows(
                conn,
                "link",
                [
                    {
                        "id": n + 1,
                        "journey_id": JOURNEY,
                        "source_id": n * 3 % CARDS + 1,
                        "target_id": (n * 3 + 17) % CARDS + 1,
                    }
                    for n in range(LINKS)
                ],
            )
    finally:
        store.close()


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


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


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


def test_no_two_cards_of_a_large_journey_overlap(large_view):
    layout = large_view.journey_scene().layout
    assert sum(len(ids) for ids in layout.cell_cards.values()) == CARDS
    busiest = max(len(ids) for ids in layout.cell_cards.values())
    assert busiest >= 10  # the test means something: some cells hold many cards
    for key, ids in layout.cell_cards.items():
        cell = layout.cells[key]
        rects = [layout.cards[card_id] for card_id in ids]
        for rect in rects:
            assert cell.x <= rect.x and rect.right <= cell.right
            assert cell.y <= rect.y and rect.bottom <= cell.bottom
        for a, b in itertools.combinations(rects, 2):
            assert not overlap(a, b), (key, a, b)
    # Cells do not overlap either, so neither do cards of different cells.
    for a, b in itertools.combinations(layout.cells.values(), 2):
        assert not overlap(a, b)


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
    assert not view.grab().toImage().isNull()
    for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
        bar.setValue(bar.minimum())
    assert visible_scene_rect(view).left() <= 0 and visible_scene_rect(view).top() <= 0
    assert not view.grab().toImage().isNull()

    for _ in range(3):
        view.zoom_in()
    assert view.zoom() == pytest.approx(1.25**3)
    assert not view.grab().toImage().isNull()
    for _ in range(6):
        view.zoom_out()
    assert view.zoom() == pytest.approx(1.25**-3)
    assert not view.grab().toImage().isNull()
