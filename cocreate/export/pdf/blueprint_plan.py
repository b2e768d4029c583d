"""The blueprint of a journey planned onto paper (pure: no drawing, no Qt).

cocreate.layout.compute_layout gives stage columns, lanes, cells, cards, blueprint lines and
the emotion-curve band in canvas units. `plan_blueprint` picks one scale for the journey: as
large as fits (up to a ceiling), and never so small that a card title would print under
MIN_TITLE_PT. When the journey does not fit at that size it is cut into tiles: groups of whole
stages side by side, and bands of whole card rows from top to bottom. Every tile repeats the
stage headers and the lane labels; a card is never cut, and lies on exactly one tile.
`BlueprintPlan.transform` maps a tile's canvas units onto its page.
"""

from __future__ import annotations

from dataclasses import dataclass

from cocreate.layout import (
    CARD_GAP,
    CARD_HEIGHT,
    CELL_PADDING,
    CURVE_HEIGHT,
    HEADER_HEIGHT,
    LANE_LABEL_WIDTH,
    JourneyLayout,
    Rect,
)

#: Card title size in canvas units; the canvas draws 10.5, paper gets a little more.
TITLE_UNITS = 12.0
#: The smallest a card title may print, in points: below it the journey is cut into tiles.
MIN_TITLE_PT = 7.0
MIN_SCALE = MIN_TITLE_PT / TITLE_UNITS
#: The largest scale (times the paper's type scale): a tiny journey is not blown up.
MAX_SCALE = 1.0

EPSILON = 0.01
_ROW_PITCH = CARD_HEIGHT + CARD_GAP


@dataclass(frozen=True)
class Tile:
    """One blueprint page: some whole stages, and a band of whole rows (canvas units)."""

    index: int
    stage_ids: tuple[int, ...]
    x0: float  # the stage columns shown: x0 … x1
    x1: float
    y0: float  # the band shown under the header row: y0 … y1
    y1: float
    cards: tuple[int, ...]
    group: int  # which group of stages (0, 1, …)
    band: int  # which band of rows (0, 1, …)

    @property
    def width(self) -> float:
        return LANE_LABEL_WIDTH + self.x1 - self.x0

    @property
    def height(self) -> float:
        return HEADER_HEIGHT + self.y1 - self.y0


@dataclass(frozen=True)
class BlueprintPlan:
    scale: float
    tiles: tuple[Tile, ...]
    groups: int
    bands: int
    left: float  # where a tile's top-left corner goes on the page (points, PDF y upwards)
    top: float
    width: float  # the printable box (points)
    height: float

    def tile_origin(self, tile: Tile) -> tuple[float, float]:
        """Where the tile's top-left corner goes: centred across the box, at its top."""
        spare = max(0.0, self.width - tile.width * self.scale)
        return self.left + spare / 2, self.top

    def transform(self, tile: Tile) -> TileTransform:
        """The mapping of the tile's canvas units onto the page."""
        left, top = self.tile_origin(tile)
        return TileTransform(tile, self.scale, left, top)


@dataclass(frozen=True)
class TileTransform:
    """Canvas units of one tile to page points (PDF y upwards): the only mapping the drawing
    uses, so what a test measures through it is where things are drawn."""

    tile: Tile
    scale: float  # points per canvas unit
    left: float  # where the tile's top-left corner is on the page (points)
    top: float

    def x(self, x: float) -> float:
        """A canvas x of the stage area."""
        return self.left + (LANE_LABEL_WIDTH + x - self.tile.x0) * self.scale

    def label_x(self, x: float) -> float:
        """A canvas x of the lane-label column (repeated on every tile)."""
        return self.left + x * self.scale

    def y(self, y: float) -> float:
        """A canvas y of the body (lanes and emotion curve)."""
        return self.top - (HEADER_HEIGHT + y - self.tile.y0) * self.scale

    def header_y(self, y: float) -> float:
        """A canvas y of the header row (repeated on every tile)."""
        return self.top - y * self.scale

    def points(self, units: float) -> float:
        """A length in canvas units as points."""
        return units * self.scale

    def rect(self, rect: Rect) -> tuple[float, float, float, float]:
        """A rect of the body on the page: (x, y, width, height), y upwards."""
        height = self.points(rect.height)
        return self.x(rect.x), self.y(rect.y) - height, self.points(rect.width), height


def _groups(layout: JourneyLayout, room: float) -> list[list[int]]:
    """Stages in groups whose columns fit in room (canvas units), in order."""
    groups: list[list[int]] = []
    width = 0.0
    for stage_id in layout.stage_order:
        stage_width = layout.columns[stage_id].width
        if groups and width + stage_width <= room + EPSILON:
            groups[-1].append(stage_id)
            width += stage_width
        else:
            groups.append([stage_id])
            width = stage_width
    return groups or [[]]


def _breaks(layout: JourneyLayout) -> tuple[list[float], list[float]]:
    """Where a band may end: lane edges (preferred) and the gaps between card rows."""
    lane_edges = {layout.curve.y}
    row_gaps: set[float] = set()
    for lane_id in layout.lane_order:
        lane = layout.lanes[lane_id]
        lane_edges.add(lane.y)
        rows = round((lane.height - 2 * CELL_PADDING + CARD_GAP) / _ROW_PITCH)
        for row in range(1, rows):
            row_gaps.add(lane.y + CELL_PADDING + row * _ROW_PITCH - CARD_GAP / 2)
    return sorted(lane_edges), sorted(row_gaps)


def _bands(layout: JourneyLayout, room: float) -> list[tuple[float, float]]:
    """The body (lanes and curve) cut into bands no taller than room (canvas units)."""
    end = layout.curve.bottom
    lane_edges, row_gaps = _breaks(layout)
    every = sorted(set(lane_edges) | set(row_gaps) | {end})
    bands: list[tuple[float, float]] = []
    y0 = float(HEADER_HEIGHT)
    while y0 < end - EPSILON:
        limit = y0 + room
        if end <= limit + EPSILON:
            bands.append((y0, end))
            break
        edge = max((b for b in lane_edges if y0 + EPSILON < b <= limit + EPSILON), default=None)
        gap = max((b for b in row_gaps if y0 + EPSILON < b <= limit + EPSILON), default=None)
        if edge is not None and (gap is None or edge - y0 >= 0.6 * (gap - y0)):
            y1 = edge
        elif gap is not None:
            y1 = gap
        else:  # nothing fits (the scale ceiling prevents it): take the next whole piece
            y1 = next(b for b in every if b > y0 + EPSILON)
        bands.append((y0, y1))
        y0 = y1
    return bands


def _tiles(layout: JourneyLayout, scale: float, width: float, height: float) -> list[Tile]:
    groups = _groups(layout, width / scale - LANE_LABEL_WIDTH)
    bands = _bands(layout, height / scale - HEADER_HEIGHT)
    tiles: list[Tile] = []
    for group_index, group in enumerate(groups):
        if group:
            x0 = layout.columns[group[0]].x
            x1 = layout.columns[group[-1]].right
        else:
            x0 = x1 = LANE_LABEL_WIDTH
        members = set(group)
        for band_index, (y0, y1) in enumerate(bands):
            cards = tuple(
                card_id
                for (stage_id, _lane_id), ids in layout.cell_cards.items()
                if stage_id in members
                for card_id in ids
                if y0 - EPSILON <= layout.cards[card_id].y
                and layout.cards[card_id].bottom <= y1 + EPSILON
            )
            tiles.append(
                Tile(len(tiles), tuple(group), x0, x1, y0, y1, cards, group_index, band_index)
            )
    return tiles


def _page_count(layout: JourneyLayout, scale: float, width: float, height: float) -> int:
    groups = _groups(layout, width / scale - LANE_LABEL_WIDTH)
    return len(groups) * len(_bands(layout, height / scale - HEADER_HEIGHT))


def plan_blueprint(
    layout: JourneyLayout,
    left: float,
    top: float,
    width: float,
    height: float,
    *,
    min_scale: float = MIN_SCALE,
    max_scale: float = MAX_SCALE,
) -> BlueprintPlan:
    """Scale and tiles of a journey for a printable box (points; top-left corner at left, top).

    One tile when the whole journey fits at min_scale or more. Otherwise the fewest tiles at
    min_scale, drawn as large as that number of tiles allows.
    """
    total_height = layout.curve.bottom
    widest = max((layout.columns[s].width for s in layout.stage_order), default=0.0)
    tallest_piece = HEADER_HEIGHT + max(CURVE_HEIGHT, _ROW_PITCH + 2 * CELL_PADDING)
    # The largest scale at which the widest stage and the tallest unbreakable piece still fit.
    ceiling = min(width / (LANE_LABEL_WIDTH + widest), height / tallest_piece)
    fit = min(width / max(layout.width, 1.0), height / max(total_height, 1.0))
    if fit >= min_scale or fit >= ceiling:
        scale = min(fit, max_scale)
    else:
        low = min(min_scale, ceiling)
        pages = _page_count(layout, low, width, height)
        high = min(ceiling, max_scale)
        scale = low
        if _page_count(layout, high, width, height) == pages:
            scale = high
        else:
            for _step in range(24):
                middle = (scale + high) / 2
                if _page_count(layout, middle, width, height) == pages:
                    scale = middle
                else:
                    high = middle
    tiles = _tiles(layout, scale, width, height)
    groups = max(tile.group for tile in tiles) + 1
    bands = max(tile.band for tile in tiles) + 1
    return BlueprintPlan(scale, tuple(tiles), groups, bands, left, top, width, height)
