"""The blueprint planned onto paper (cocreate.export.pdf.blueprint_plan): scale, tiles and the
one transform the drawing uses, on layouts built from rows, without drawing anything."""

from __future__ import annotations

import pytest
from reportlab.lib import pagesizes

from cocreate.export.pdf.blueprint_plan import (
    MIN_SCALE,
    BlueprintPlan,
    TileTransform,
    plan_blueprint,
)
from cocreate.layout import HEADER_HEIGHT, LANE_LABEL_WIDTH, JourneyLayout, Rect, compute_layout
from cocreate.model import LaneKind

A3_LANDSCAPE = (pagesizes.A3[1], pagesizes.A3[0])
A4_PORTRAIT = pagesizes.A4
MARGIN = 34.0


def journey(cards: int, stages: int = 4, width: float = 460.0) -> JourneyLayout:
    stage_rows = [
        {"id": s + 1, "position": s, "width": width, "name": f"S{s}"} for s in range(stages)
    ]
    lane_rows = [
        {"id": index + 1, "position": index, "hidden": False, "kind": kind.value}
        for index, kind in enumerate(LaneKind)
    ]
    card_rows = [
        {
            "id": index + 1,
            "stage_id": 1 + index % stages,
            "lane_id": 1 + (index // stages) % len(lane_rows),
            "position": index,
        }
        for index in range(cards)
    ]
    return compute_layout(stage_rows, lane_rows, card_rows)


def plan(layout: JourneyLayout, paper: tuple[float, float]) -> BlueprintPlan:
    width, height = paper
    return plan_blueprint(layout, MARGIN, height - MARGIN, width - 2 * MARGIN, height - 2 * MARGIN)


def inside(plan: BlueprintPlan, box: tuple[float, float, float, float]) -> bool:
    x, y, width, height = box
    return (
        plan.left - 1e-6 <= x
        and x + width <= plan.left + plan.width + 1e-6
        and plan.top - plan.height - 1e-6 <= y
        and y + height <= plan.top + 1e-6
    )


def test_a_small_journey_fits_on_one_tile_at_a_readable_scale():
    layout = journey(12, width=228.0)
    result = plan(layout, A3_LANDSCAPE)
    assert len(result.tiles) == 1 and (result.groups, result.bands) == (1, 1)
    assert MIN_SCALE <= result.scale <= 1.0
    (tile,) = result.tiles
    assert sorted(tile.cards) == sorted(layout.cards)


@pytest.mark.parametrize("paper", [A3_LANDSCAPE, A4_PORTRAIT], ids=["A3 landscape", "A4 portrait"])
def test_a_large_journey_is_cut_into_tiles_each_card_on_exactly_one(paper):
    layout = journey(400, stages=9)
    result = plan(layout, paper)
    assert len(result.tiles) > 1
    assert result.scale >= MIN_SCALE - 1e-9  # titles never print smaller than MIN_TITLE_PT
    placed = [card for tile in result.tiles for card in tile.cards]
    assert sorted(placed) == sorted(layout.cards)
    # Tiles hold whole stages, in order, and whole bands from the header down to the curve.
    for tile in result.tiles:
        assert list(tile.stage_ids) == [s for s in layout.stage_order if s in tile.stage_ids]
    bands = sorted({(tile.y0, tile.y1) for tile in result.tiles})
    assert bands[0][0] == HEADER_HEIGHT and bands[-1][1] == layout.curve.bottom
    assert all(a[1] == b[0] for a, b in zip(bands, bands[1:], strict=False))


@pytest.mark.parametrize("paper", [A3_LANDSCAPE, A4_PORTRAIT], ids=["A3 landscape", "A4 portrait"])
def test_every_card_of_a_tile_lands_inside_the_printable_box(paper):
    layout = journey(400, stages=9)
    result = plan(layout, paper)
    for tile in result.tiles:
        to_page = result.transform(tile)
        for card in tile.cards:
            assert inside(result, to_page.rect(layout.cards[card])), (tile.index, card)
        # The repeated header row and lane labels are on the page too.
        assert to_page.header_y(0) <= result.top + 1e-6
        assert to_page.label_x(0) >= result.left - 1e-6


def test_the_transform_scales_canvas_units_and_turns_y_upwards():
    layout = journey(8, width=228.0)
    result = plan(layout, A3_LANDSCAPE)
    (tile,) = result.tiles
    to_page = result.transform(tile)
    assert isinstance(to_page, TileTransform)
    assert to_page.scale == result.scale
    assert (to_page.left, to_page.top) == result.tile_origin(tile)
    # The first stage starts right of the lane labels; lower on the canvas is lower on paper.
    first = layout.columns[layout.stage_order[0]]
    assert to_page.x(first.x) == pytest.approx(to_page.left + LANE_LABEL_WIDTH * result.scale)
    assert to_page.y(HEADER_HEIGHT) == pytest.approx(to_page.top - HEADER_HEIGHT * result.scale)
    assert to_page.y(500) < to_page.y(400)
    box = to_page.rect(Rect(first.x, 300, 100, 50))
    assert box == pytest.approx(
        (
            to_page.x(first.x),
            to_page.y(300) - 50 * result.scale,
            100 * result.scale,
            50 * result.scale,
        )
    )
