"""Shapes the canvas and the PDF draw alike, in canvas units with y downwards (no Qt).

The canvas draws them as they are; the PDF maps them onto paper through its one transform
(cocreate.export.pdf.blueprint_plan.TileTransform). Where the journey's cells and cards go is
cocreate.layout's; this module holds what is drawn between and over them: the links' curves,
the emotion curve's heights, the tidy grid of a cluster's notes, and the emotion face and the
branded star, whose shapes are given around their centre.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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


@dataclass(frozen=True)
class FaceShape:
    """An emotion face of a radius, around its centre (y downwards): two eyes and a mouth, a
    quadratic curve that smiles at +2 and frowns at −2."""

    eyes: tuple[Point, Point]
    eye_radius: float
    mouth: tuple[Point, Point, Point]  # start, control point, end


def face_shape(radius: float, emotion: int) -> FaceShape:
    emotion = max(-2, min(2, int(emotion)))
    eye_y = -radius * 0.25
    mouth_y = radius * 0.35
    half = radius * 0.45
    return FaceShape(
        eyes=((-radius * 0.35, eye_y), (radius * 0.35, eye_y)),
        eye_radius=radius * 0.16,
        mouth=((-half, mouth_y), (0.0, mouth_y + emotion * radius * 0.22), (half, mouth_y)),
    )


def star_points(outer: float) -> list[Point]:
    """The branded mark: a five-pointed star around its centre (y downwards), a point up."""
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else outer * 0.45
        angle = -math.pi / 2 + index * math.pi / 5
        points.append((radius * math.cos(angle), radius * math.sin(angle)))
    return points
