"""Shapes the canvas and the PDF draw alike, in canvas units with y downwards (no Qt).

The canvas draws them as they are; the PDF maps them onto paper through its one transform
(cocreate.export.pdf.blueprint_plan.TileTransform). Where the journey's cells and cards go is
cocreate.layout's; this module holds what is drawn between and over them: the links' curves,
the emotion curve's heights and the tidy grid of a cluster's notes.
"""

from __future__ import annotations

import math

from cocreate.layout import Rect

Point = tuple[float, float]
#: A cubic Bézier curve: start, two control points, end.
Curve = tuple[Point, Point, Point, Point]

#: The emotion curve's band: +2 sits this far under its top, −2 this far over its bottom.
EMOTION_TOP_INSET = 40.0
EMOTION_BOTTOM_INSET = 30.0

#: A sticky note's size and the gap between notes laid out in a grid.
NOTE_WIDTH = 170.0
NOTE_HEIGHT = 130.0
NOTE_GAP = 16.0


def link_route(source: Rect, target: Rect) -> tuple[Point, Point, Point]:
    """Where a link between two cards starts and ends, and how far its curve bends out.

    Side by side, it runs from the facing edges' middles and bends horizontally; one above the
    other, from the facing edges' centres, bending vertically.
    """
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


def link_curve(source: Rect, target: Rect) -> Curve:
    """A link's curve from the source card to the target card."""
    start, end, bend = link_route(source, target)
    return (
        start,
        (start[0] + bend[0], start[1] + bend[1]),
        (end[0] - bend[0], end[1] - bend[1]),
        end,
    )


def curve_point(curve: Curve, t: float) -> Point:
    """The point of the curve at t (0: its start, 1: its end)."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve
    a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
    return a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3


def emotion_y(band: Rect, emotion: float) -> float:
    """The height of an emotion (−2…+2) in the emotion curve's band: +2 high, −2 low."""
    top, bottom = band.y + EMOTION_TOP_INSET, band.bottom - EMOTION_BOTTOM_INSET
    return bottom - (emotion + 2) / 4 * (bottom - top)


def tidy_grid(count: int, left: float, top: float) -> list[Point]:
    """Top-left corners of count notes in a near-square grid from (left, top), row by row."""
    columns = max(1, math.ceil(math.sqrt(count)))
    return [
        (left + col * (NOTE_WIDTH + NOTE_GAP), top + row * (NOTE_HEIGHT + NOTE_GAP))
        for row, col in (divmod(index, columns) for index in range(count))
    ]
