"""Where everything of a journey sits: stage columns, lane rows, cells and cards (no Qt).

The file stores only order (positions) and stage widths; the geometry follows from them, the
same on the canvas and in the PDF. Cards fill their stage × lane cell in rows, and a lane is as
tall as its fullest cell.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from cocreate.model import LaneKind
from cocreate.records import Row

CARD_WIDTH = 200.0
CARD_HEIGHT = 112.0
CARD_GAP = 12.0
CELL_PADDING = 14.0
HEADER_HEIGHT = 64.0
LANE_LABEL_WIDTH = 190.0
CURVE_HEIGHT = 220.0
BOARD_GAP = 80.0
#: Free notes live on the board below the curve, their x, y measured from the board's top-left
#: corner, so that the board and its notes move together when the blueprint grows or shrinks.
#: The first FREE_NOTE_TOP units of the board hold its hint line and the clusters' titles.
FREE_NOTE_TOP = 96.0
MIN_STAGE_WIDTH = CARD_WIDTH + 2 * CELL_PADDING
MAX_STAGE_WIDTH = 4 * CARD_WIDTH + 3 * CARD_GAP + 2 * CELL_PADDING

#: Blueprint lines drawn between two neighbouring lanes of these kinds.
LINES: dict[tuple[str, str], str] = {
    (LaneKind.CUSTOMER_ACTIONS.value, LaneKind.FRONTSTAGE.value): "interaction",
    (LaneKind.FRONTSTAGE.value, LaneKind.BACKSTAGE.value): "visibility",
    (LaneKind.BACKSTAGE.value, LaneKind.SUPPORT_PROCESSES.value): "internal_interaction",
}


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom


def columns_for(stage_width: float) -> int:
    """How many cards stand side by side in a cell of a stage this wide."""
    room = stage_width - 2 * CELL_PADDING + CARD_GAP
    return max(1, int(room // (CARD_WIDTH + CARD_GAP)))


def clamp_width(width: float) -> float:
    return max(MIN_STAGE_WIDTH, min(MAX_STAGE_WIDTH, width))


@dataclass
class JourneyLayout:
    stage_order: list[int] = field(default_factory=list)
    lane_order: list[int] = field(default_factory=list)  # visible lanes only
    headers: dict[int, Rect] = field(default_factory=dict)  # stage id -> header
    columns: dict[int, Rect] = field(default_factory=dict)  # stage id -> header to last lane
    lanes: dict[int, Rect] = field(default_factory=dict)  # lane id -> row across the stages
    lane_labels: dict[int, Rect] = field(default_factory=dict)
    cells: dict[tuple[int, int], Rect] = field(default_factory=dict)
    cards: dict[int, Rect] = field(default_factory=dict)
    cell_cards: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    lines: list[tuple[str, float]] = field(default_factory=list)  # (line kind, y)
    curve: Rect = Rect(0, 0, 0, 0)
    board_top: float = 0.0
    width: float = 0.0

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        for key, rect in self.cells.items():
            if rect.contains(x, y):
                return key
        return None

    def stage_at(self, x: float) -> int | None:
        for stage_id in self.stage_order:
            rect = self.columns[stage_id]
            if rect.x <= x < rect.right:
                return stage_id
        return None

    def index_at(self, key: tuple[int, int], x: float, y: float, exclude: set[int]) -> int:
        """Where in the cell's order a card dropped at (x, y) goes."""
        rect = self.cells[key]
        count = len([c for c in self.cell_cards.get(key, []) if c not in exclude])
        cols = columns_for(rect.width)
        left = rect.x + _grid_offset(rect.width, cols)
        col = min(cols - 1, max(0, int((x - left) // (CARD_WIDTH + CARD_GAP))))
        row = max(0, int((y - rect.y - CELL_PADDING) // (CARD_HEIGHT + CARD_GAP)))
        return min(count, row * cols + col)


def _grid_offset(width: float, cols: int) -> float:
    used = cols * CARD_WIDTH + (cols - 1) * CARD_GAP
    return (width - used) / 2


def compute_layout(stages: list[Row], lanes: list[Row], touchpoints: list[Row]) -> JourneyLayout:
    """The geometry of a journey from its rows (any order; positions decide)."""
    layout = JourneyLayout()
    stages = sorted(stages, key=lambda row: (row["position"], row["id"]))
    visible = sorted(
        (lane for lane in lanes if not lane["hidden"]), key=lambda row: (row["position"], row["id"])
    )
    layout.stage_order = [stage["id"] for stage in stages]
    layout.lane_order = [lane["id"] for lane in visible]

    per_cell: dict[tuple[int, int], list[Row]] = defaultdict(list)
    for card in touchpoints:
        per_cell[(card["stage_id"], card["lane_id"])].append(card)
    for cards in per_cell.values():
        cards.sort(key=lambda row: (row["position"], row["id"]))

    widths = {stage["id"]: clamp_width(stage["width"]) for stage in stages}
    cols = {stage_id: columns_for(width) for stage_id, width in widths.items()}

    y = HEADER_HEIGHT
    lane_heights: dict[int, float] = {}
    for lane in visible:
        rows = max(
            [1] + [math.ceil(len(per_cell[(sid, lane["id"])]) / cols[sid]) for sid in widths]
        )
        lane_heights[lane["id"]] = 2 * CELL_PADDING + rows * CARD_HEIGHT + (rows - 1) * CARD_GAP
    lanes_bottom = HEADER_HEIGHT + sum(lane_heights.values())

    x = LANE_LABEL_WIDTH
    for stage in stages:
        width = widths[stage["id"]]
        layout.headers[stage["id"]] = Rect(x, 0, width, HEADER_HEIGHT)
        layout.columns[stage["id"]] = Rect(x, 0, width, lanes_bottom)
        x += width
    layout.width = x

    for lane in visible:
        height = lane_heights[lane["id"]]
        layout.lanes[lane["id"]] = Rect(0, y, layout.width, height)
        layout.lane_labels[lane["id"]] = Rect(0, y, LANE_LABEL_WIDTH, height)
        for stage in stages:
            key = (stage["id"], lane["id"])
            column = layout.columns[stage["id"]]
            cell = Rect(column.x, y, column.width, height)
            layout.cells[key] = cell
            cards = per_cell.get(key, [])
            layout.cell_cards[key] = [card["id"] for card in cards]
            n_cols = cols[stage["id"]]
            left = cell.x + _grid_offset(cell.width, n_cols)
            for index, card in enumerate(cards):
                row, col = divmod(index, n_cols)
                layout.cards[card["id"]] = Rect(
                    left + col * (CARD_WIDTH + CARD_GAP),
                    y + CELL_PADDING + row * (CARD_HEIGHT + CARD_GAP),
                    CARD_WIDTH,
                    CARD_HEIGHT,
                )
        y += height

    for upper, lower in zip(visible, visible[1:], strict=False):
        kind = LINES.get((upper["kind"], lower["kind"]))
        if kind:
            layout.lines.append((kind, layout.lanes[lower["id"]].y))

    layout.curve = Rect(
        LANE_LABEL_WIDTH, lanes_bottom, layout.width - LANE_LABEL_WIDTH, CURVE_HEIGHT
    )
    layout.board_top = lanes_bottom + CURVE_HEIGHT + BOARD_GAP
    return layout


def note_origin(
    layout: JourneyLayout, touchpoints: dict[int, Row], note: Row
) -> tuple[float, float]:
    """The point a note's stored x, y are measured from: the top-left corner of the card it is
    pinned to (or of that card's stage column when the card is in a hidden lane), of the stage
    column it is pinned to, or of the board for a free note."""
    card = touchpoints.get(note["touchpoint_id"])
    if card is not None and card["id"] in layout.cards:
        rect = layout.cards[card["id"]]
        return rect.x, rect.y
    stage_id = note["stage_id"] if card is None else card["stage_id"]
    if stage_id in layout.columns:
        column = layout.columns[stage_id]
        return column.x, column.y
    return 0.0, layout.board_top


def is_free(note: Row) -> bool:
    """Whether a note lies free on the board (pinned to neither a card nor a stage). A row as
    an edit inserted it may leave out the columns it left at their default (None)."""
    return note.get("touchpoint_id") is None and note.get("stage_id") is None


def board_shift(layout: JourneyLayout, free_ys: list[float]) -> float:
    """For files from before free notes were measured from the board: what to take off the
    canvas y of a journey's free notes. The board's arrangement is kept; a board whose notes
    reached up on the blueprint moves down as a whole until its highest note is on it."""
    if not free_ys:
        return 0.0
    highest = min(free_ys) - layout.board_top
    return layout.board_top - max(0.0, FREE_NOTE_TOP - highest)


def on_board(y: float) -> float:
    """A free note's y (from the board's top), kept below the board's hint and cluster titles,
    so that no free note reaches up into the blueprint or the emotion curve."""
    return max(FREE_NOTE_TOP, y)
