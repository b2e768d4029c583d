"""The blueprint pages of a journey: the canvas geometry scaled onto paper (no Qt).

cocreate.layout.compute_layout gives stage columns, lanes, cells, cards, blueprint lines and
the emotion-curve band in canvas units. `plan_blueprint` picks one scale for the journey: as
large as fits (up to a ceiling), and never so small that a card title would print under
MIN_TITLE_PT. When the journey does not fit at that size it is cut into tiles: groups of whole
stages side by side, and bands of whole card rows from top to bottom. Every tile repeats the
stage headers and the lane labels; a card is never cut, and lies on exactly one tile.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cocreate.analysis import emotion_by_stage, lowest_points
from cocreate.export.pdf import style
from cocreate.export.pdf.data import JourneyData
from cocreate.export.pdf.draw import ASCENT, Painter
from cocreate.export.pdf.text import Texts
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
from cocreate.templates import BLUEPRINT_LANES

#: Card title size in canvas units; the canvas draws 10.5, paper gets a little more.
TITLE_UNITS = 12.0
#: The smallest a card title may print, in points: below it the journey is cut into tiles.
MIN_TITLE_PT = 7.0
MIN_SCALE = MIN_TITLE_PT / TITLE_UNITS
#: The largest scale (times the paper's type scale): a tiny journey is not blown up.
MAX_SCALE = 1.0

_EPSILON = 0.01
Point = tuple[float, float]
_ROW_PITCH = CARD_HEIGHT + CARD_GAP
_LANE_HINTS = {lane.kind.value: lane for lane in BLUEPRINT_LANES}
_LINE_KEYS = {
    "interaction": "line_interaction",
    "visibility": "line_visibility",
    "internal_interaction": "line_internal_interaction",
}


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

    def page_rect(self, tile: Tile, rect: Rect) -> tuple[float, float, float, float]:
        """A rect of the band (canvas units) on the page: (x, y, width, height), y upwards."""
        s = self.scale
        left, top = self.tile_origin(tile)
        x = left + (LANE_LABEL_WIDTH + rect.x - tile.x0) * s
        top = top - (HEADER_HEIGHT + rect.y - tile.y0) * s
        return x, top - rect.height * s, rect.width * s, rect.height * s


def _groups(layout: JourneyLayout, room: float) -> list[list[int]]:
    """Stages in groups whose columns fit in room (canvas units), in order."""
    groups: list[list[int]] = []
    width = 0.0
    for stage_id in layout.stage_order:
        stage_width = layout.columns[stage_id].width
        if groups and width + stage_width <= room + _EPSILON:
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
    while y0 < end - _EPSILON:
        limit = y0 + room
        if end <= limit + _EPSILON:
            bands.append((y0, end))
            break
        edge = max((b for b in lane_edges if y0 + _EPSILON < b <= limit + _EPSILON), default=None)
        gap = max((b for b in row_gaps if y0 + _EPSILON < b <= limit + _EPSILON), default=None)
        if edge is not None and (gap is None or edge - y0 >= 0.6 * (gap - y0)):
            y1 = edge
        elif gap is not None:
            y1 = gap
        else:  # nothing fits (the scale ceiling prevents it): take the next whole piece
            y1 = next(b for b in every if b > y0 + _EPSILON)
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
                if y0 - _EPSILON <= layout.cards[card_id].y
                and layout.cards[card_id].bottom <= y1 + _EPSILON
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


# -- drawing ----------------------------------------------------------------------------------


class _Map:
    """Canvas units of one tile to page points (PDF y upwards)."""

    def __init__(self, plan: BlueprintPlan, tile: Tile) -> None:
        self.s = plan.scale
        self.left, self.top = plan.tile_origin(tile)
        self.tile = tile

    def x(self, x: float) -> float:
        """A stage-area x."""
        return self.left + (LANE_LABEL_WIDTH + x - self.tile.x0) * self.s

    def label_x(self, x: float) -> float:
        """An x of the lane-label column."""
        return self.left + x * self.s

    def y(self, y: float) -> float:
        """A body y (lanes and curve)."""
        return self.top - (HEADER_HEIGHT + y - self.tile.y0) * self.s

    def header_y(self, y: float) -> float:
        return self.top - y * self.s

    def u(self, units: float) -> float:
        return units * self.s


@dataclass
class BlueprintPage:
    """What draws one tile of a journey."""

    journey: JourneyData
    plan: BlueprintPlan
    tile: Tile
    texts: Texts
    card_pages: dict[int, int]  # card id -> page number, for links that leave the page
    card_votes: Mapping[int, int]  # touchpoint id -> dots

    def draw(self, painter: Painter) -> None:
        m = _Map(self.plan, self.tile)
        layout = self.journey.layout
        canvas = painter.canvas
        if not layout.stage_order:
            painter.text(
                self.plan.left, self.plan.top - 14, self.texts("no_stages"), 11, color=style.MUTED
            )
            return
        canvas.saveState()
        body_top, body_bottom = m.y(self.tile.y0), m.y(self.tile.y1)
        right = m.x(self.tile.x1)
        style.clip_rect(canvas, m.left - 1, body_bottom, right - m.left + 2, body_top - body_bottom)
        self._grid(painter, m)
        self._lane_labels(painter, m)
        self._links(painter, m)
        for card_id in self.tile.cards:
            self._card(painter, m, self.journey.card_by_id[card_id], layout.cards[card_id])
        if self.tile.y1 >= layout.curve.bottom - _EPSILON and layout.curve.height > 0:
            self._curve(painter, m)
        canvas.restoreState()
        self._headers(painter, m)

    # -- the grid ---------------------------------------------------------------------------

    def _grid(self, painter: Painter, m: _Map) -> None:
        canvas = painter.canvas
        layout = self.journey.layout
        tile = self.tile
        u = m.u
        lanes_bottom = layout.curve.y
        for lane_id in layout.lane_order:
            lane = layout.lanes[lane_id]
            if lane.bottom <= tile.y0 or lane.y >= tile.y1:
                continue
            y_top, y_bottom = m.y(lane.y), m.y(lane.bottom)
            style.fill(canvas, style.LANE_LABEL)
            canvas.rect(m.label_x(0), y_bottom, u(LANE_LABEL_WIDTH - 4), y_top - y_bottom, 0, 1)
            for stage_id in tile.stage_ids:
                cell = layout.cells[(stage_id, lane_id)]
                color = self.journey.stage_by_id[stage_id]["color"]
                style.fill(canvas, style.tint(color, 0.30))
                canvas.rect(m.x(cell.x), y_bottom, u(cell.width), y_top - y_bottom, 0, 1)
        # Lane rules and column rules.
        style.stroke(canvas, style.RULE, u(1))
        for lane_id in layout.lane_order:
            lane = layout.lanes[lane_id]
            if tile.y0 - _EPSILON <= lane.bottom <= tile.y1 + _EPSILON:
                canvas.line(m.label_x(0), m.y(lane.bottom), m.x(tile.x1), m.y(lane.bottom))
        column_bottom = m.y(min(lanes_bottom, tile.y1))
        column_top = m.y(max(HEADER_HEIGHT, tile.y0))
        if tile.y0 < lanes_bottom:
            for stage_id in tile.stage_ids:
                column = layout.columns[stage_id]
                canvas.line(m.x(column.right), column_top, m.x(column.right), column_bottom)
            canvas.line(m.x(tile.x0), column_top, m.x(tile.x0), column_bottom)
        # The blueprint's lines, dashed, across the label column and the stages.
        for kind, y in layout.lines:
            if not tile.y0 - _EPSILON <= y <= tile.y1 + _EPSILON:
                continue
            canvas.saveState()
            style.stroke(canvas, style.LINE_INK, u(1.6))
            canvas.setDash(u(7), u(4))
            canvas.line(m.label_x(0), m.y(y), m.x(tile.x1), m.y(y))
            canvas.restoreState()
            name = self.texts(_LINE_KEYS[kind])
            size = u(8.5)
            room = u(LANE_LABEL_WIDTH - 24)
            name = painter.elided(name, room, size, bold=True)
            if y - tile.y0 >= 22:
                baseline = m.y(y) + u(6)
            else:  # the line runs along the top of the page: its name goes under it
                baseline = m.y(y) - u(6) - size * ASCENT
            painter.text(m.label_x(12), baseline, name, size, bold=True, color=style.LINE_INK)

    def _lane_labels(self, painter: Painter, m: _Map) -> None:
        layout = self.journey.layout
        tile = self.tile
        u = m.u
        language = self.texts.language
        for lane_id in layout.lane_order:
            lane = layout.lanes[lane_id]
            if lane.bottom <= tile.y0 + _EPSILON or lane.y >= tile.y1 - _EPSILON:
                continue
            row = self.journey.lane_by_id[lane_id]
            name = row["name"] or self.texts.enum("lane", row["kind"])
            top = m.y(max(lane.y, tile.y0)) - u(CELL_PADDING)
            width = u(LANE_LABEL_WIDTH - 30)
            size = u(12.5)
            lines = painter.lines(name, width, size, bold=True, max_lines=3)
            used = painter.block(m.label_x(14), top, lines, size, bold=True)
            visible = m.y(max(lane.y, tile.y0)) - m.y(min(lane.bottom, tile.y1))
            if lane.y < tile.y0 - _EPSILON:
                note = f"({self.texts('continued')})"
                painter.text(m.label_x(14), top - used - u(9), note, u(8.5), color=style.MUTED)
                continue
            hint = _LANE_HINTS.get(row["kind"])
            if hint is not None and visible - used > u(CELL_PADDING + 42):
                lines = painter.lines(hint.hint(language), width, u(8.5), max_lines=3)
                painter.block(m.label_x(14), top - used - u(4), lines, u(8.5), color=style.MUTED)

    def _headers(self, painter: Painter, m: _Map) -> None:
        canvas = painter.canvas
        u = m.u
        layout = self.journey.layout
        counts: dict[int, int] = {}
        for card in self.journey.touchpoints:
            counts[card["stage_id"]] = counts.get(card["stage_id"], 0) + 1
        for stage_id in self.tile.stage_ids:
            header = layout.headers[stage_id]
            stage = self.journey.stage_by_id[stage_id]
            x, y = m.x(header.x + 3), m.header_y(header.bottom - 6)
            w, h = u(header.width - 6), u(header.height - 12)
            style.fill(canvas, stage["color"])
            style.stroke(canvas, style.darker(stage["color"], 1.12), u(1))
            canvas.roundRect(x, y, w, h, u(8), stroke=1, fill=1)
            name = stage["name"] or self.texts("untitled_stage")
            size = u(15)
            name = painter.elided(name, w - u(20), size, bold=True)
            painter.text(
                x + w / 2, y + h - u(8) - size * ASCENT, name, size, bold=True, align="center"
            )
            count = self.texts.count("touchpoint_count", counts.get(stage_id, 0))
            painter.text(x + w / 2, y + u(8), count, u(9), color=style.MUTED, align="center")

    # -- cards -------------------------------------------------------------------------------

    def _card(self, painter: Painter, m: _Map, card: dict, rect: Rect) -> None:
        canvas = painter.canvas
        u = m.u
        x, top = m.x(rect.x), m.y(rect.y)
        w, h = u(rect.width), u(rect.height)
        y = top - h
        radius = u(7)
        # A soft shadow, the body, and the kind strip along the left edge.
        style.fill(canvas, style.tint(style.INK, 0.10))
        canvas.roundRect(x + u(0.6), y - u(1.6), w, h, radius, stroke=0, fill=1)
        canvas.saveState()
        style.fill(canvas, style.WHITE)
        if card["breakpoint"]:
            style.stroke(canvas, style.BREAKPOINT, u(1.8))
            canvas.setDash(u(5), u(3))
        else:
            style.stroke(canvas, style.RULE, u(0.9))
        canvas.roundRect(x, y, w, h, radius, stroke=1, fill=1)
        canvas.restoreState()
        canvas.saveState()
        path = canvas.beginPath()
        path.roundRect(x, y, w, h, radius)
        canvas.clipPath(path, stroke=0, fill=0)
        style.fill(canvas, style.KIND_COLORS.get(card["kind"], style.FAINT))
        canvas.rect(x, y, u(6), h, stroke=0, fill=1)
        canvas.restoreState()

        texts = self.texts
        inner_left = x + u(16)
        inner_right = x + w - u(10)
        # Top row: channel on the left; emotion, branded star and breakpoint on the right.
        row_y = top - u(18)
        marks = inner_right
        radius_face = u(8)
        style.face(canvas, marks - radius_face, row_y, radius_face, card["emotion"])
        marks -= 2 * radius_face + u(3)
        value = painter.signed(card["emotion"], 0)
        size = u(8.5)
        marks -= painter.text(
            marks,
            row_y - size * 0.33,
            value,
            size,
            bold=True,
            color=style.darker(style.emotion_color(card["emotion"]), 1.35),
            align="right",
        )
        marks -= u(6)
        if card["branded"]:
            style.star(canvas, marks - u(7), row_y, u(7.5))
            marks -= u(17)
        if card["breakpoint"]:
            style.warning(canvas, marks - u(7), row_y + u(0.5), u(13))
            marks -= u(18)
        channel = painter.elided(
            texts.enum("channel", card["channel"]), marks - inner_left - u(4), u(9)
        )
        painter.text(inner_left, row_y - u(3), channel, u(9), color=style.MUTED)

        # Title: up to three lines, or four a little smaller, then cut with an ellipsis.
        title = card["title"] or texts("untitled_touchpoint")
        room = inner_right - inner_left
        size = u(TITLE_UNITS)
        lines = painter.balanced_lines(title, room, size, bold=True)
        if len(lines) > 3:
            size = u(10.5)
            lines = painter.balanced_lines(title, room, size, bold=True, max_lines=4)
        painter.block(inner_left, top - u(31), lines, size, bold=True, leading=1.22)

        # Bottom row: kind badge, status, votes and score.
        base = y + u(9)
        kind_text = texts.enum("kind_short", card["kind"])
        kind_color = style.KIND_COLORS.get(card["kind"], style.FAINT)
        used = painter.pill(inner_left, base, kind_text, u(8), kind_color, height=u(14))
        status = texts.enum("status", card["status"])
        status_color = style.STATUS_COLORS.get(card["status"], style.FAINT)
        painter.dot_label(inner_left + used + u(7), base + u(4), status, u(8.5), status_color)
        right = inner_right
        if card["score"] is not None:
            score = f"{card['score']}/10"
            right -= painter.text(right, base + u(4), score, u(9.5), bold=True, align="right")
            right -= u(7)
        votes = self.card_votes.get(card["id"], 0)
        if votes:
            size = u(8.5)
            width = painter.width(str(votes), size, bold=True)
            painter.text(
                right, base + u(4), str(votes), size, bold=True, color=style.ACCENT, align="right"
            )
            style.fill(canvas, style.ACCENT)
            canvas.circle(right - width - u(5), base + u(4) + size * 0.32, u(3), stroke=0, fill=1)

    # -- links -------------------------------------------------------------------------------

    def _links(self, painter: Painter, m: _Map) -> None:
        layout = self.journey.layout
        here = set(self.tile.cards)
        labelled: list[tuple[list[tuple[float, float]], str]] = []
        for link in self.journey.links:
            source = layout.cards.get(link["source_id"])
            target = layout.cards.get(link["target_id"])
            if source is None or target is None:
                continue
            start, end, bend = _route(source, target)
            inside = link["source_id"] in here, link["target_id"] in here
            if all(inside):
                curve = [
                    start,
                    (start[0] + bend[0], start[1] + bend[1]),
                    (end[0] - bend[0], end[1] - bend[1]),
                    end,
                ]
                self._arrow(painter, m, curve)
                if link.get("label", "").strip():
                    labelled.append((curve, link["label"]))
            elif inside[0]:
                page = self.card_pages.get(link["target_id"])
                self._stub(painter, m, start, bend, self.texts("to_page", n=page), outgoing=True)
            elif inside[1]:
                page = self.card_pages.get(link["source_id"])
                back = (-bend[0], -bend[1])
                self._stub(painter, m, end, back, self.texts("from_page", n=page), outgoing=False)
        if labelled:
            self._link_labels(painter, m, labelled)

    def _arrow(self, painter: Painter, m: _Map, curve: list[tuple[float, float]]) -> None:
        """A link's curve (canvas units) with its arrow head."""
        canvas = painter.canvas
        u = m.u
        points = [(m.x(x), m.y(y)) for x, y in curve]
        head = u(10)
        angle = math.atan2(points[3][1] - points[2][1], points[3][0] - points[2][0])
        if points[3] == points[2]:
            angle = math.atan2(points[3][1] - points[0][1], points[3][0] - points[0][0])
        tip = points[3]
        # The line stops where the head begins, so its end does not poke through the tip.
        stop = (tip[0] - math.cos(angle) * head * 0.8, tip[1] - math.sin(angle) * head * 0.8)
        canvas.saveState()
        style.stroke(canvas, style.LINK, u(2))
        canvas.setLineCap(1)
        path = canvas.beginPath()
        path.moveTo(*points[0])
        path.curveTo(*points[1], *points[2], *stop)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()
        style.arrow_head(canvas, tip[0], tip[1], angle, head, style.LINK)

    def _link_labels(
        self, painter: Painter, m: _Map, labelled: list[tuple[list[tuple[float, float]], str]]
    ) -> None:
        """Each link's label in free space near its curve: never over a card, a curve or
        another label. A label that finds no free place sits on its curve's middle."""
        layout = self.journey.layout
        tile = self.tile
        # Obstacles in canvas units (y downwards): the cards and the blueprint's lines.
        obstacles = [layout.cards[card_id] for card_id in self.tile.cards]
        obstacles += [Rect(tile.x0, y - 1, tile.x1 - tile.x0, 2) for _kind, y in layout.lines]
        samples = [_bezier(curve, step / 24) for curve, _label in labelled for step in range(25)]
        size = _LINK_LABEL_UNITS
        placed: list[Rect] = []
        for curve, label in labelled:
            text = painter.elided(label, 150, size)
            width, height = painter.width(text, size) + 7, size + 3.5
            spot = _bezier(curve, 0.5)
            box = None
            for t, dx, dy in _LABEL_TRIALS:
                x, y = _bezier(curve, t)
                candidate = Rect(
                    x - width / 2 + dx * (width / 2 + 5), y - height / 2 + dy, width, height
                )
                if not (
                    tile.x0 <= candidate.x
                    and candidate.right <= tile.x1
                    and max(tile.y0, HEADER_HEIGHT) <= candidate.y
                    and candidate.bottom <= min(tile.y1, layout.curve.y)
                ):
                    continue
                if any(_overlap(candidate, other) for other in obstacles + placed):
                    continue
                if any(candidate.contains(px, py) for px, py in samples):
                    continue
                box, spot = candidate, (x, y)
                break
            if box is None:
                box = Rect(spot[0] - width / 2, spot[1] - height / 2, width, height)
            placed.append(box)
            # A label moved away from its curve keeps a thin leader to it.
            near = (min(max(spot[0], box.x), box.right), min(max(spot[1], box.y), box.bottom))
            if math.dist(near, spot) > 6:
                canvas = painter.canvas
                canvas.saveState()
                style.stroke(canvas, style.tint(style.LINK, 0.7), m.u(0.8))
                canvas.setDash(m.u(1.5), m.u(1.5))
                canvas.line(m.x(near[0]), m.y(near[1]), m.x(spot[0]), m.y(spot[1]))
                canvas.restoreState()
                style.fill(canvas, style.LINK)
                canvas.circle(m.x(spot[0]), m.y(spot[1]), m.u(1.8), stroke=0, fill=1)
            self._label_box(painter, m, box, text, size)

    def _label_box(self, painter: Painter, m: _Map, box: Rect, text: str, size: float) -> None:
        canvas = painter.canvas
        u = m.u
        x, top = m.x(box.x), m.y(box.y)
        style.fill(canvas, style.WHITE)
        style.stroke(canvas, style.tint(style.LINK, 0.55), u(0.7))
        canvas.roundRect(x, top - u(box.height), u(box.width), u(box.height), u(3), 1, 1)
        baseline = top - u(box.height) / 2 - u(size) * 0.36
        painter.text(
            x + u(box.width) / 2, baseline, text, u(size), color=style.LINK, align="center"
        )

    def _stub(
        self,
        painter: Painter,
        m: _Map,
        at: Point,
        direction: Point,
        text: str,
        outgoing: bool,
    ) -> None:
        """A link that leaves the page: a short arrow at the card's edge naming the page."""
        canvas = painter.canvas
        u = m.u
        length = math.hypot(*direction) or 1.0
        dx, dy = direction[0] / length, direction[1] / length
        x, y = m.x(at[0]), m.y(at[1])
        reach = u(20)
        far = (x + dx * reach, y - dy * reach)
        canvas.saveState()
        style.stroke(canvas, style.LINK, u(2))
        canvas.setDash(u(3), u(2))
        canvas.line(x, y, *far)
        canvas.restoreState()
        if outgoing:
            style.arrow_head(canvas, far[0], far[1], math.atan2(-dy, dx), u(8), style.LINK)
        else:
            style.arrow_head(canvas, x, y, math.atan2(dy, -dx), u(8), style.LINK)
        size = u(7.5)
        label_x = far[0] + (u(3) if dx >= 0 else -u(3))
        label_y = far[1] + u(4)
        align = "left" if dx >= 0 else "right"
        width = painter.width(text, size, bold=True) + u(8)
        box_x = label_x if align == "left" else label_x - width
        style.fill(canvas, style.WHITE)
        style.stroke(canvas, style.LINK, u(0.7))
        canvas.roundRect(box_x, label_y - u(3.5), width, u(13), u(6.5), stroke=1, fill=1)
        painter.text(box_x + u(4), label_y, text, size, bold=True, color=style.LINK)

    # -- the emotion curve -------------------------------------------------------------------

    def _curve(self, painter: Painter, m: _Map) -> None:
        canvas = painter.canvas
        u = m.u
        layout = self.journey.layout
        band = layout.curve
        tile = self.tile
        texts = self.texts
        top, bottom = m.y(band.y), m.y(band.bottom)
        style.fill(canvas, style.CURVE_BAND)
        canvas.rect(m.x(tile.x0), bottom, m.x(tile.x1) - m.x(tile.x0), top - bottom, 0, 1)
        style.fill(canvas, style.LANE_LABEL)
        canvas.rect(m.label_x(0), bottom, u(LANE_LABEL_WIDTH - 4), top - bottom, 0, 1)
        style.stroke(canvas, style.RULE, u(1))
        canvas.line(m.label_x(0), top, m.x(tile.x1), top)
        size = u(12.5)
        painter.text(
            m.label_x(14), top - u(14) - size * ASCENT, texts("emotion_curve"), size, bold=True
        )

        def y_for(emotion: float) -> float:
            high, low = band.y + 40, band.bottom - 30
            return m.y(low - (emotion + 2) / 4 * (low - high))

        for emotion in range(-2, 3):
            y = y_for(emotion)
            canvas.saveState()
            style.stroke(canvas, style.RULE, u(1))
            if emotion:
                canvas.setDash(u(2), u(3))
            canvas.line(m.x(tile.x0), y, m.x(tile.x1), y)
            canvas.restoreState()
            style.face(canvas, m.label_x(LANE_LABEL_WIDTH - 26), y, u(7.5), emotion)
            painter.text(
                m.label_x(LANE_LABEL_WIDTH - 40),
                y - u(3),
                painter.signed(emotion, 0),
                u(8.5),
                color=style.MUTED,
                align="right",
            )
        points = emotion_by_stage(self.journey.stages, self.journey.lanes, self.journey.touchpoints)
        lowest = lowest_points(points)
        centers = {sid: layout.columns[sid].center[0] for sid in layout.stage_order}
        # The whole curve, clipped to this page's stages: it runs on across the page edge.
        canvas.saveState()
        style.clip_rect(canvas, m.x(tile.x0), bottom, m.x(tile.x1) - m.x(tile.x0), top - bottom)
        style.stroke(canvas, style.CURVE, u(3))
        canvas.setLineJoin(1)
        canvas.setLineCap(1)
        path = canvas.beginPath()
        drawing = False
        for point in points:
            if point.mean is None:
                drawing = False
                continue
            spot = (m.x(centers[point.stage_id]), y_for(point.mean))
            if drawing:
                path.lineTo(*spot)
            else:
                path.moveTo(*spot)
                drawing = True
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()
        shown = set(tile.stage_ids)
        for point in points:
            if point.mean is None or point.stage_id not in shown:
                continue
            x, y = m.x(centers[point.stage_id]), y_for(point.mean)
            low = point.stage_id in lowest
            style.fill(canvas, style.BREAKPOINT if low else style.CURVE)
            style.stroke(canvas, style.WHITE, u(2))
            canvas.circle(x, y, u(7 if low else 5.5), stroke=1, fill=1)
            value = painter.signed(point.mean)
            painter.text(x, y + u(17 if low else 10), value, u(9.5), bold=True, align="center")
            if low:
                style.stroke(canvas, style.BREAKPOINT, u(1.6))
                canvas.circle(x, y, u(13), stroke=1, fill=0)
                painter.text(
                    x,
                    y - u(24),
                    texts("lowest_point"),
                    u(8.5),
                    bold=True,
                    color=style.BREAKPOINT,
                    align="center",
                )


_LINK_LABEL_UNITS = 7.5
#: Where a link label may go: (place on the curve, side: -1 left, 0 centred, 1 right, shift
#: downwards in canvas units), nearest first.
_LABEL_TRIALS = [
    (t, dx, dy)
    for dy in (0, -9, 9, -18, 18, -27, 27, -36, 36, -54, 54, -72, 72)
    for t in (0.5, 0.4, 0.6, 0.3, 0.7)
    for dx in (0, 1, -1)
]


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _route(source: Rect, target: Rect) -> tuple[Point, Point, Point]:
    """Start, end and bend of a link's curve, as on the canvas (canvas units, y downwards)."""
    if target.x >= source.right:
        start = (source.right, source.center[1])
        end = (target.x, target.center[1])
        bend = ((end[0] - start[0]) / 2, 0.0)
    elif target.right <= source.x:
        start = (source.x, source.center[1])
        end = (target.right, target.center[1])
        bend = ((end[0] - start[0]) / 2, 0.0)
    elif target.y >= source.bottom:
        start = (source.center[0], source.bottom)
        end = (target.center[0], target.y)
        bend = (0.0, (end[1] - start[1]) / 2)
    else:
        start = (source.center[0], source.y)
        end = (target.center[0], target.bottom)
        bend = (0.0, (end[1] - start[1]) / 2)
    return start, end, bend


def _bezier(points: list[Point], t: float) -> Point:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
    return a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3


LegendGroup = tuple[float, Callable[[Painter, float, float], None]]


def legend_groups(painter: Painter, texts: Texts, size: float) -> list[LegendGroup]:
    """The legend's parts: (width, draw at x with the baseline at y)."""
    groups: list[LegendGroup] = []
    pill_height = size * 1.6

    def kinds(p: Painter, x: float, y: float) -> None:
        for kind, color in style.KIND_COLORS.items():
            label = texts.enum("kind", kind)
            x += p.pill(x, y - size * 0.45, label, size * 0.92, color, height=pill_height)
            x += size * 0.5

    width = sum(
        painter.width(texts.enum("kind", kind), size * 0.92, bold=True)
        + 2 * pill_height * 0.42
        + size * 0.5
        for kind in style.KIND_COLORS
    )
    groups.append((width, kinds))

    def statuses(p: Painter, x: float, y: float) -> None:
        for status, color in style.STATUS_COLORS.items():
            x += p.dot_label(x, y, texts.enum("status", status), size, color) + size * 0.9

    width = sum(
        painter.width(texts.enum("status", status), size) + size * (0.64 + 0.35 + 0.9)
        for status in style.STATUS_COLORS
    )
    groups.append((width, statuses))

    def emotions(p: Painter, x: float, y: float) -> None:
        for emotion in range(-2, 3):
            style.face(p.canvas, x + size * 0.6, y + size * 0.3, size * 0.62, emotion)
            x += size * 1.5
        p.text(x + size * 0.2, y, texts("emotion"), size, color=style.MUTED)

    groups.append((size * 7.7 + painter.width(texts("emotion"), size), emotions))

    def branded(p: Painter, x: float, y: float) -> None:
        style.star(p.canvas, x + size * 0.6, y + size * 0.32, size * 0.7)
        p.text(x + size * 1.5, y, texts("branded"), size, color=style.MUTED)

    groups.append((size * 1.5 + painter.width(texts("branded"), size), branded))

    def breakpoint_mark(p: Painter, x: float, y: float) -> None:
        style.warning(p.canvas, x + size * 0.6, y + size * 0.34, size * 1.2)
        p.text(x + size * 1.6, y, texts("breakpoint"), size, color=style.MUTED)

    groups.append((size * 1.6 + painter.width(texts("breakpoint"), size), breakpoint_mark))

    def link(p: Painter, x: float, y: float) -> None:
        style.stroke(p.canvas, style.LINK, size * 0.18)
        p.canvas.line(x, y + size * 0.32, x + size * 1.8, y + size * 0.32)
        style.arrow_head(p.canvas, x + size * 2.4, y + size * 0.32, 0, size * 0.8, style.LINK)
        p.text(x + size * 3, y, texts("link"), size, color=style.MUTED)

    groups.append((size * 3 + painter.width(texts("link"), size), link))
    return groups


def legend_rows(
    painter: Painter, texts: Texts, size: float, width: float
) -> list[list[LegendGroup]]:
    """The legend's groups in rows no wider than width."""
    gap = size * 1.6
    rows: list[list[LegendGroup]] = [[]]
    used = 0.0
    for group in legend_groups(painter, texts, size):
        if rows[-1] and used + gap + group[0] > width:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0.0) + group[0]
        rows[-1].append(group)
    return rows


def legend(painter: Painter, texts: Texts, x: float, y: float, size: float, width: float) -> None:
    """The marks explained, in one row or more; the last row's baseline at y."""
    gap = size * 1.6
    rows = legend_rows(painter, texts, size, width)
    for index, row in enumerate(rows):
        baseline = y + (len(rows) - 1 - index) * size * 2.2
        left = x
        for group_width, draw in row:
            draw(painter, left, baseline)
            left += group_width + gap
