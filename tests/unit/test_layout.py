"""Where everything of a journey sits (cocreate.layout), from its rows alone: stages side by side,
lanes stacked, cards in a tidy grid per cell, the emotion curve and the board below them, and
what a note's x, y are measured from. The canvas and the PDF both draw from this layout."""

from __future__ import annotations

import itertools

from cocreate.layout import (
    CARD_GAP,
    CARD_HEIGHT,
    CARD_WIDTH,
    CELL_PADDING,
    CURVE_HEIGHT,
    FREE_NOTE_TOP,
    HEADER_HEIGHT,
    LANE_LABEL_WIDTH,
    MAX_STAGE_WIDTH,
    MIN_STAGE_WIDTH,
    Rect,
    columns_for,
    compute_layout,
    is_free,
    note_origin,
    on_board,
)
from cocreate.store import SessionFile
from tests.benchmark.sessions import build_session

STAGES, CARDS, LINKS = 8, 300, 100
WIDTHS = [260.0, 480.0, 700.0, 228.0]  # one, two, three and one card side by side


def stage(stage_id: int, position: int, width: float = 260.0) -> dict:
    return {"id": stage_id, "position": position, "width": width}


def lane(lane_id: int, position: int, kind: str = "frontstage", hidden: bool = False) -> dict:
    return {"id": lane_id, "position": position, "kind": kind, "hidden": hidden}


def card(card_id: int, stage_id: int, lane_id: int, position: int) -> dict:
    return {"id": card_id, "stage_id": stage_id, "lane_id": lane_id, "position": position}


def note(touchpoint_id: int | None = None, stage_id: int | None = None) -> dict:
    return {"touchpoint_id": touchpoint_id, "stage_id": stage_id}


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_no_two_cards_of_a_large_journey_overlap(tmp_path):
    path = tmp_path / "large.cocreate"
    build_session(path, CARDS, LINKS, STAGES, stage_widths=WIDTHS)
    store = SessionFile.open(path, lock=False)
    try:
        layout = compute_layout(store.rows("stage"), store.rows("lane"), store.rows("touchpoint"))
    finally:
        store.close()
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


def test_stages_stand_side_by_side_in_their_order_with_their_widths_kept_in_bounds():
    stages = [stage(7, 2, 10.0), stage(3, 0, 480.0), stage(5, 1, 5000.0)]
    layout = compute_layout(stages, [lane(1, 0)], [])
    assert layout.stage_order == [3, 5, 7]  # positions decide, not ids or row order
    headers = [layout.headers[stage_id] for stage_id in layout.stage_order]
    assert [header.width for header in headers] == [480.0, MAX_STAGE_WIDTH, MIN_STAGE_WIDTH]
    assert headers[0].x == LANE_LABEL_WIDTH
    for left, right in itertools.pairwise(headers):
        assert right.x == left.right
    assert layout.width == headers[-1].right


def test_a_lane_is_as_tall_as_its_fullest_cell_and_a_hidden_lane_takes_no_room():
    stages = [stage(1, 0), stage(2, 1)]
    lanes = [lane(10, 0, "customer_actions"), lane(11, 1, hidden=True), lane(12, 2)]
    cards = [card(n, 2, 10, n) for n in range(3)] + [card(9, 1, 12, 0), card(8, 1, 11, 0)]
    layout = compute_layout(stages, lanes, cards)
    assert layout.lane_order == [10, 12]
    assert 8 not in layout.cards and (1, 11) not in layout.cells
    one_row = 2 * CELL_PADDING + CARD_HEIGHT
    assert layout.lanes[10].height == one_row + 2 * (CARD_HEIGHT + CARD_GAP)  # three cards
    assert layout.lanes[12].height == one_row
    assert layout.lanes[10].y == HEADER_HEIGHT
    assert layout.lanes[12].y == layout.lanes[10].bottom
    assert layout.lines == [("interaction", layout.lanes[12].y)]  # customer | frontstage


def test_cards_fill_their_cell_in_rows_in_the_order_of_their_positions():
    width = 3 * CARD_WIDTH + 2 * CARD_GAP + 2 * CELL_PADDING
    assert columns_for(width) == 3
    places = ((4, 3), (1, 0), (2, 2), (3, 1))  # (card id, position), not in order
    cards = [card(card_id, 1, 1, position) for card_id, position in places]
    layout = compute_layout([stage(1, 0, width)], [lane(1, 0)], cards)
    assert layout.cell_cards[(1, 1)] == [1, 3, 2, 4]
    first, second, third, fourth = (layout.cards[card_id] for card_id in (1, 3, 2, 4))
    assert first.y == second.y == third.y < fourth.y
    assert first.x < second.x < third.x and fourth.x == first.x
    assert second.x - first.right == CARD_GAP
    cell = layout.cells[(1, 1)]
    assert (first.x - cell.x) == (cell.right - third.right)  # the grid is centred in its cell
    # A card let go over the second column of the second row goes to the fifth place.
    drop = (second.center[0], fourth.center[1])
    assert layout.cell_at(*drop) == (1, 1)
    assert layout.index_at((1, 1), *drop, exclude=set()) == 4


def test_the_board_lies_below_the_emotion_curve_and_moves_down_as_the_blueprint_grows():
    stages, lanes = [stage(1, 0)], [lane(1, 0)]
    empty = compute_layout(stages, lanes, [])
    assert empty.curve.y == empty.lanes[1].bottom and empty.curve.height == CURVE_HEIGHT
    assert empty.board_top > empty.curve.bottom
    grown = compute_layout(stages, lanes, [card(1, 1, 1, 0), card(2, 1, 1, 1)])
    assert grown.board_top - empty.board_top == CARD_HEIGHT + CARD_GAP  # one more row of cards


def test_a_note_is_measured_from_its_card_its_stage_or_the_board():
    cards = [card(1, 2, 1, 0), card(2, 2, 9, 0)]  # card 2 sits in a hidden lane
    layout = compute_layout(
        [stage(1, 0), stage(2, 1)], [lane(1, 0), lane(9, 1, hidden=True)], cards
    )
    by_id = {row["id"]: row for row in cards}
    on_card = layout.cards[1]
    assert note_origin(layout, by_id, note(touchpoint_id=1)) == (on_card.x, on_card.y)
    column = layout.columns[2]
    assert note_origin(layout, by_id, note(touchpoint_id=2)) == (column.x, column.y)
    assert note_origin(layout, by_id, note(stage_id=1)) == (layout.columns[1].x, 0.0)
    assert note_origin(layout, by_id, note()) == (0.0, layout.board_top)
    assert is_free(note()) and not is_free(note(stage_id=1)) and not is_free(note(1))
    # A free note never reaches up over the board's hint line and cluster titles.
    assert on_board(-500.0) == on_board(0.0) == FREE_NOTE_TOP
    assert on_board(FREE_NOTE_TOP + 40) == FREE_NOTE_TOP + 40
