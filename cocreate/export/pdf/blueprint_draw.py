"""A tile of a journey's blueprint drawn on its page (no Qt).

Everything is drawn through the tile's TileTransform: canvas units in, page points out. The
shapes are the canvas's (cocreate.geometry), the colours too (cocreate.colors).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from cocreate.export.pdf import style
from cocreate.export.pdf.blueprint_plan import (
    EPSILON,
    TITLE_UNITS,
    BlueprintPlan,
    Tile,
    TileTransform,
)
from cocreate.export.pdf.data import JourneyData
from cocreate.export.pdf.draw import ASCENT, Painter
from cocreate.export.pdf.emotion_curve import draw_emotion_curve
from cocreate.export.pdf.text import Texts
from cocreate.geometry import Curve, Point, curve_point, link_curve, link_route
from cocreate.layout import CELL_PADDING, HEADER_HEIGHT, LANE_LABEL_WIDTH, Rect
from cocreate.templates import BLUEPRINT_LANES

_LANE_HINTS = {lane.kind.value: lane for lane in BLUEPRINT_LANES}
_LINE_KEYS = {
    "interaction": "line_interaction",
    "visibility": "line_visibility",
    "internal_interaction": "line_internal_interaction",
}


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
        to_page = self.plan.transform(self.tile)
        layout = self.journey.layout
        canvas = painter.canvas
        if not layout.stage_order:
            painter.text(
                self.plan.left, self.plan.top - 14, self.texts("no_stages"), 11, color=style.MUTED
            )
            return
        canvas.saveState()
        body_top, body_bottom = to_page.y(self.tile.y0), to_page.y(self.tile.y1)
        right = to_page.x(self.tile.x1)
        style.clip_rect(
            canvas, to_page.left - 1, body_bottom, right - to_page.left + 2, body_top - body_bottom
        )
        self._grid(painter, to_page)
        self._lane_labels(painter, to_page)
        self._links(painter, to_page)
        for card_id in self.tile.cards:
            self._card(painter, to_page, self.journey.card_by_id[card_id], layout.cards[card_id])
        if self.tile.y1 >= layout.curve.bottom - EPSILON and layout.curve.height > 0:
            draw_emotion_curve(painter, to_page, self.journey, self.texts)
        canvas.restoreState()
        self._headers(painter, to_page)

    # -- the grid ---------------------------------------------------------------------------

    def _grid(self, painter: Painter, to_page: TileTransform) -> None:
        canvas = painter.canvas
        layout = self.journey.layout
        tile = self.tile
        scaled = to_page.points
        lanes_bottom = layout.curve.y
        for lane_id in layout.lane_order:
            lane = layout.lanes[lane_id]
            if lane.bottom <= tile.y0 or lane.y >= tile.y1:
                continue
            y_top, y_bottom = to_page.y(lane.y), to_page.y(lane.bottom)
            style.fill(canvas, style.LANE_LABEL)
            canvas.rect(
                to_page.label_x(0), y_bottom, scaled(LANE_LABEL_WIDTH - 4), y_top - y_bottom, 0, 1
            )
            for stage_id in tile.stage_ids:
                cell = layout.cells[(stage_id, lane_id)]
                color = self.journey.stage_by_id[stage_id]["color"]
                style.fill(canvas, style.tint(color, style.CELL_TINT))
                canvas.rect(to_page.x(cell.x), y_bottom, scaled(cell.width), y_top - y_bottom, 0, 1)
        # Lane rules and column rules.
        style.stroke(canvas, style.RULE, scaled(1))
        for lane_id in layout.lane_order:
            lane = layout.lanes[lane_id]
            if tile.y0 - EPSILON <= lane.bottom <= tile.y1 + EPSILON:
                canvas.line(
                    to_page.label_x(0),
                    to_page.y(lane.bottom),
                    to_page.x(tile.x1),
                    to_page.y(lane.bottom),
                )
        column_bottom = to_page.y(min(lanes_bottom, tile.y1))
        column_top = to_page.y(max(HEADER_HEIGHT, tile.y0))
        if tile.y0 < lanes_bottom:
            for stage_id in tile.stage_ids:
                column = layout.columns[stage_id]
                canvas.line(
                    to_page.x(column.right), column_top, to_page.x(column.right), column_bottom
                )
            canvas.line(to_page.x(tile.x0), column_top, to_page.x(tile.x0), column_bottom)
        # The blueprint's lines, dashed, across the label column and the stages.
        for kind, y in layout.lines:
            if not tile.y0 - EPSILON <= y <= tile.y1 + EPSILON:
                continue
            canvas.saveState()
            style.stroke(canvas, style.LINE_INK, scaled(1.6))
            canvas.setDash(scaled(7), scaled(4))
            canvas.line(to_page.label_x(0), to_page.y(y), to_page.x(tile.x1), to_page.y(y))
            canvas.restoreState()
            name = self.texts(_LINE_KEYS[kind])
            size = scaled(8.5)
            room = scaled(LANE_LABEL_WIDTH - 24)
            name = painter.elided(name, room, size, bold=True)
            if y - tile.y0 >= 22:
                baseline = to_page.y(y) + scaled(6)
            else:  # the line runs along the top of the page: its name goes under it
                baseline = to_page.y(y) - scaled(6) - size * ASCENT
            painter.text(to_page.label_x(12), baseline, name, size, bold=True, color=style.LINE_INK)

    def _lane_labels(self, painter: Painter, to_page: TileTransform) -> None:
        layout = self.journey.layout
        tile = self.tile
        scaled = to_page.points
        language = self.texts.language
        for lane_id in layout.lane_order:
            lane = layout.lanes[lane_id]
            if lane.bottom <= tile.y0 + EPSILON or lane.y >= tile.y1 - EPSILON:
                continue
            row = self.journey.lane_by_id[lane_id]
            name = row["name"] or self.texts.enum("lane", row["kind"])
            top = to_page.y(max(lane.y, tile.y0)) - scaled(CELL_PADDING)
            width = scaled(LANE_LABEL_WIDTH - 30)
            size = scaled(12.5)
            lines = painter.lines(name, width, size, bold=True, max_lines=3)
            used = painter.block(to_page.label_x(14), top, lines, size, bold=True)
            visible = to_page.y(max(lane.y, tile.y0)) - to_page.y(min(lane.bottom, tile.y1))
            if lane.y < tile.y0 - EPSILON:
                note = f"({self.texts('continued')})"
                painter.text(
                    to_page.label_x(14),
                    top - used - scaled(9),
                    note,
                    scaled(8.5),
                    color=style.MUTED,
                )
                continue
            hint = _LANE_HINTS.get(row["kind"])
            if hint is not None and visible - used > scaled(CELL_PADDING + 42):
                lines = painter.lines(hint.hint(language), width, scaled(8.5), max_lines=3)
                painter.block(
                    to_page.label_x(14),
                    top - used - scaled(4),
                    lines,
                    scaled(8.5),
                    color=style.MUTED,
                )

    def _headers(self, painter: Painter, to_page: TileTransform) -> None:
        canvas = painter.canvas
        scaled = to_page.points
        layout = self.journey.layout
        counts: dict[int, int] = {}
        for card in self.journey.touchpoints:
            counts[card["stage_id"]] = counts.get(card["stage_id"], 0) + 1
        for stage_id in self.tile.stage_ids:
            header = layout.headers[stage_id]
            stage = self.journey.stage_by_id[stage_id]
            x, y = to_page.x(header.x + 3), to_page.header_y(header.bottom - 6)
            w, h = scaled(header.width - 6), scaled(header.height - 12)
            style.fill(canvas, stage["color"])
            style.stroke(canvas, style.darker(stage["color"], 1.12), scaled(1))
            canvas.roundRect(x, y, w, h, scaled(8), stroke=1, fill=1)
            name = stage["name"] or self.texts("untitled_stage")
            size = scaled(15)
            name = painter.elided(name, w - scaled(20), size, bold=True)
            painter.text(
                x + w / 2, y + h - scaled(8) - size * ASCENT, name, size, bold=True, align="center"
            )
            count = self.texts.count("touchpoint_count", counts.get(stage_id, 0))
            painter.text(
                x + w / 2, y + scaled(8), count, scaled(9), color=style.MUTED, align="center"
            )

    # -- cards -------------------------------------------------------------------------------

    def _card(self, painter: Painter, to_page: TileTransform, card: dict, rect: Rect) -> None:
        canvas = painter.canvas
        scaled = to_page.points
        x, y, w, h = to_page.rect(rect)
        top = y + h
        radius = scaled(7)
        # A soft shadow, the body, and the kind strip along the left edge.
        style.fill(canvas, style.tint(style.INK, 0.10))
        canvas.roundRect(x + scaled(0.6), y - scaled(1.6), w, h, radius, stroke=0, fill=1)
        canvas.saveState()
        style.fill(canvas, style.WHITE)
        if card["breakpoint"]:
            style.stroke(canvas, style.BREAKPOINT, scaled(1.8))
            canvas.setDash(scaled(5), scaled(3))
        else:
            style.stroke(canvas, style.RULE, scaled(0.9))
        canvas.roundRect(x, y, w, h, radius, stroke=1, fill=1)
        canvas.restoreState()
        canvas.saveState()
        path = canvas.beginPath()
        path.roundRect(x, y, w, h, radius)
        canvas.clipPath(path, stroke=0, fill=0)
        style.fill(canvas, style.KIND_COLORS.get(card["kind"], style.FAINT))
        canvas.rect(x, y, scaled(6), h, stroke=0, fill=1)
        canvas.restoreState()

        texts = self.texts
        inner_left = x + scaled(16)
        inner_right = x + w - scaled(10)
        # Top row: channel on the left; emotion, branded star and breakpoint on the right.
        row_y = top - scaled(18)
        marks = inner_right
        radius_face = scaled(8)
        style.face(canvas, marks - radius_face, row_y, radius_face, card["emotion"])
        marks -= 2 * radius_face + scaled(3)
        value = painter.signed(card["emotion"], 0)
        size = scaled(8.5)
        marks -= painter.text(
            marks,
            row_y - size * 0.33,
            value,
            size,
            bold=True,
            color=style.darker(style.emotion_color(card["emotion"]), 1.35),
            align="right",
        )
        marks -= scaled(6)
        if card["branded"]:
            style.star(canvas, marks - scaled(7), row_y, scaled(7.5))
            marks -= scaled(17)
        if card["breakpoint"]:
            style.warning(canvas, marks - scaled(7), row_y + scaled(0.5), scaled(13))
            marks -= scaled(18)
        channel = painter.elided(
            texts.enum("channel", card["channel"]), marks - inner_left - scaled(4), scaled(9)
        )
        painter.text(inner_left, row_y - scaled(3), channel, scaled(9), color=style.MUTED)

        # Title: up to three lines, or four a little smaller, then cut with an ellipsis.
        title = card["title"] or texts("untitled_touchpoint")
        room = inner_right - inner_left
        size = scaled(TITLE_UNITS)
        lines = painter.balanced_lines(title, room, size, bold=True)
        if len(lines) > 3:
            size = scaled(10.5)
            lines = painter.balanced_lines(title, room, size, bold=True, max_lines=4)
        painter.block(inner_left, top - scaled(31), lines, size, bold=True, leading=1.22)

        # Bottom row: kind badge, status, votes and score.
        base = y + scaled(9)
        kind_text = texts.enum("kind_short", card["kind"])
        kind_color = style.KIND_COLORS.get(card["kind"], style.FAINT)
        used = painter.pill(inner_left, base, kind_text, scaled(8), kind_color, height=scaled(14))
        status = texts.enum("status", card["status"])
        status_color = style.STATUS_COLORS.get(card["status"], style.FAINT)
        painter.dot_label(
            inner_left + used + scaled(7), base + scaled(4), status, scaled(8.5), status_color
        )
        right = inner_right
        if card["score"] is not None:
            score = f"{card['score']}/10"
            right -= painter.text(
                right, base + scaled(4), score, scaled(9.5), bold=True, align="right"
            )
            right -= scaled(7)
        votes = self.card_votes.get(card["id"], 0)
        if votes:
            size = scaled(8.5)
            width = painter.width(str(votes), size, bold=True)
            painter.text(
                right,
                base + scaled(4),
                str(votes),
                size,
                bold=True,
                color=style.ACCENT,
                align="right",
            )
            style.fill(canvas, style.ACCENT)
            canvas.circle(
                right - width - scaled(5),
                base + scaled(4) + size * 0.32,
                scaled(3),
                stroke=0,
                fill=1,
            )

    # -- links -------------------------------------------------------------------------------

    def _links(self, painter: Painter, to_page: TileTransform) -> None:
        layout = self.journey.layout
        here = set(self.tile.cards)
        labelled: list[tuple[Curve, str]] = []
        for link in self.journey.links:
            source = layout.cards.get(link["source_id"])
            target = layout.cards.get(link["target_id"])
            if source is None or target is None:
                continue
            start, end, bend = link_route(source, target)
            inside = link["source_id"] in here, link["target_id"] in here
            if all(inside):
                curve = link_curve(source, target)
                self._arrow(painter, to_page, curve)
                if link.get("label", "").strip():
                    labelled.append((curve, link["label"]))
            elif inside[0]:
                page = self.card_pages.get(link["target_id"])
                self._stub(
                    painter, to_page, start, bend, self.texts("to_page", n=page), outgoing=True
                )
            elif inside[1]:
                page = self.card_pages.get(link["source_id"])
                back = (-bend[0], -bend[1])
                self._stub(
                    painter, to_page, end, back, self.texts("from_page", n=page), outgoing=False
                )
        if labelled:
            self._link_labels(painter, to_page, labelled)

    def _arrow(self, painter: Painter, to_page: TileTransform, curve: Curve) -> None:
        """A link's curve (canvas units) with its arrow head."""
        canvas = painter.canvas
        scaled = to_page.points
        points = [(to_page.x(x), to_page.y(y)) for x, y in curve]
        head = scaled(10)
        angle = math.atan2(points[3][1] - points[2][1], points[3][0] - points[2][0])
        if points[3] == points[2]:
            angle = math.atan2(points[3][1] - points[0][1], points[3][0] - points[0][0])
        tip = points[3]
        # The line stops where the head begins, so its end does not poke through the tip.
        stop = (tip[0] - math.cos(angle) * head * 0.8, tip[1] - math.sin(angle) * head * 0.8)
        canvas.saveState()
        style.stroke(canvas, style.LINK, scaled(2))
        canvas.setLineCap(1)
        path = canvas.beginPath()
        path.moveTo(*points[0])
        path.curveTo(*points[1], *points[2], *stop)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()
        style.arrow_head(canvas, tip[0], tip[1], angle, head, style.LINK)

    def _link_labels(
        self, painter: Painter, to_page: TileTransform, labelled: list[tuple[Curve, str]]
    ) -> None:
        """Each link's label in free space near its curve: never over a card, a curve or
        another label. A label that finds no free place sits on its curve's middle."""
        layout = self.journey.layout
        tile = self.tile
        # Obstacles in canvas units (y downwards): the cards and the blueprint's lines.
        obstacles = [layout.cards[card_id] for card_id in self.tile.cards]
        obstacles += [Rect(tile.x0, y - 1, tile.x1 - tile.x0, 2) for _kind, y in layout.lines]
        samples = [
            curve_point(curve, step / 24) for curve, _label in labelled for step in range(25)
        ]
        size = _LINK_LABEL_UNITS
        placed: list[Rect] = []
        for curve, label in labelled:
            text = painter.elided(label, 150, size)
            width, height = painter.width(text, size) + 7, size + 3.5
            spot = curve_point(curve, 0.5)
            box = None
            for t, dx, dy in _LABEL_TRIALS:
                x, y = curve_point(curve, t)
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
                style.stroke(canvas, style.tint(style.LINK, 0.7), to_page.points(0.8))
                canvas.setDash(to_page.points(1.5), to_page.points(1.5))
                canvas.line(
                    to_page.x(near[0]), to_page.y(near[1]), to_page.x(spot[0]), to_page.y(spot[1])
                )
                canvas.restoreState()
                style.fill(canvas, style.LINK)
                canvas.circle(
                    to_page.x(spot[0]), to_page.y(spot[1]), to_page.points(1.8), stroke=0, fill=1
                )
            self._label_box(painter, to_page, box, text, size)

    def _label_box(
        self, painter: Painter, to_page: TileTransform, box: Rect, text: str, size: float
    ) -> None:
        canvas = painter.canvas
        scaled = to_page.points
        x, top = to_page.x(box.x), to_page.y(box.y)
        style.fill(canvas, style.WHITE)
        style.stroke(canvas, style.tint(style.LINK, 0.55), scaled(0.7))
        canvas.roundRect(
            x, top - scaled(box.height), scaled(box.width), scaled(box.height), scaled(3), 1, 1
        )
        baseline = top - scaled(box.height) / 2 - scaled(size) * 0.36
        painter.text(
            x + scaled(box.width) / 2,
            baseline,
            text,
            scaled(size),
            color=style.LINK,
            align="center",
        )

    def _stub(
        self,
        painter: Painter,
        to_page: TileTransform,
        at: Point,
        direction: Point,
        text: str,
        outgoing: bool,
    ) -> None:
        """A link that leaves the page: a short arrow at the card's edge naming the page."""
        canvas = painter.canvas
        scaled = to_page.points
        length = math.hypot(*direction) or 1.0
        dx, dy = direction[0] / length, direction[1] / length
        x, y = to_page.x(at[0]), to_page.y(at[1])
        reach = scaled(20)
        far = (x + dx * reach, y - dy * reach)
        canvas.saveState()
        style.stroke(canvas, style.LINK, scaled(2))
        canvas.setDash(scaled(3), scaled(2))
        canvas.line(x, y, *far)
        canvas.restoreState()
        if outgoing:
            style.arrow_head(canvas, far[0], far[1], math.atan2(-dy, dx), scaled(8), style.LINK)
        else:
            style.arrow_head(canvas, x, y, math.atan2(dy, -dx), scaled(8), style.LINK)
        size = scaled(7.5)
        label_x = far[0] + (scaled(3) if dx >= 0 else -scaled(3))
        label_y = far[1] + scaled(4)
        align = "left" if dx >= 0 else "right"
        width = painter.width(text, size, bold=True) + scaled(8)
        box_x = label_x if align == "left" else label_x - width
        style.fill(canvas, style.WHITE)
        style.stroke(canvas, style.LINK, scaled(0.7))
        canvas.roundRect(
            box_x, label_y - scaled(3.5), width, scaled(13), scaled(6.5), stroke=1, fill=1
        )
        painter.text(box_x + scaled(4), label_y, text, size, bold=True, color=style.LINK)


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
