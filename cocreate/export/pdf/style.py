"""Colours and shapes of the PDF blueprint (no Qt).

The colours are the canvas's, from cocreate.colors; this module adds the few that only paper
has and draws the marks (faces, stars, warnings, arrow heads) with reportlab.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from cocreate import colors
from cocreate.analysis import Nps, nps_band, score_band
from cocreate.colors import (  # noqa: F401 (the exporter's palette, in one place)
    BRANDED,
    BREAKPOINT,
    CATEGORY_COLORS,
    CELL_TINT,
    CURVE,
    CURVE_BAND,
    EMOTION_COLORS,
    FAINT,
    INK,
    KIND_COLORS,
    LANE_LABEL,
    LINE_INK,
    LINK,
    MUTED,
    NO_CATEGORY_COLOR,
    RULE,
    STATUS_COLORS,
    WHITE,
    emotion_color,
    note_color,
    rgb,
)
from cocreate.geometry import face_shape, star_points
from cocreate.model import ScoreBand

# -- colours only paper has --------------------------------------------------------------------

ACCENT = "#3949ab"
HAIRLINE = "#e3e8eb"
PAPER_TINT = "#f5f7f8"
#: Pain points in the health figures and lists: the deep red of a −2 emotion.
PAIN_POINT = EMOTION_COLORS[-2]
#: The NPS bands of a 0-10 answer: detractors (0-6), passives (7-8), promoters (9-10).
DETRACTOR = colors.SCORE_BAND_COLORS[ScoreBand.DETRACTOR]
PASSIVE = colors.SCORE_BAND_COLORS[ScoreBand.PASSIVE]
PROMOTER = colors.SCORE_BAND_COLORS[ScoreBand.PROMOTER]


def band_color(score: int) -> str:
    """The colour of a 0-10 score's NPS band."""
    return colors.SCORE_BAND_COLORS[score_band(score)]


def band_text_color(score: int) -> str:
    """The colour of a score written on its band's colour."""
    return colors.SCORE_BAND_TEXT[score_band(score)]


def nps_color(found: Nps) -> str:
    """An NPS figure's colour, as on a card's badge: red below zero, amber up to +30, green
    above, grey with no answer or too few answers to read alone."""
    return colors.NPS_BAND_INKS[nps_band(found)]


def category_badge(category: str) -> tuple[str, str]:
    """(background, text colour) of a note category's badge: the note's colour in the
    canvas's category view, with dark text."""
    return CATEGORY_COLORS.get(category, NO_CATEGORY_COLOR), INK


def color(value: str) -> Color:
    return Color(*rgb(value))


def mix(value: str, other: str, amount: float) -> Color:
    """value blended towards other by amount (0: value, 1: other)."""
    return Color(*colors.mix(value, other, amount))


def tint(value: str, amount: float) -> Color:
    """value on white at the given strength (like a translucent fill on paper)."""
    return Color(*colors.tint(value, amount))


def darker(value: str, factor: float = 1.25) -> Color:
    """Like QColor.darker(125): the value (HSV) divided by factor."""
    r, g, b = rgb(value)
    return Color(r / factor, g / factor, b / factor)


# -- shapes ------------------------------------------------------------------------------------


def fill(canvas: Canvas, value: str | Color) -> None:
    canvas.setFillColor(value if isinstance(value, Color) else color(value))


def stroke(canvas: Canvas, value: str | Color, width: float | None = None) -> None:
    canvas.setStrokeColor(value if isinstance(value, Color) else color(value))
    if width is not None:
        canvas.setLineWidth(width)


def face(canvas: Canvas, cx: float, cy: float, radius: float, emotion: int) -> None:
    """An emotion mark: a face in the emotion's colour, smiling at +2, frowning at -2 (the
    canvas's shape, turned for PDF y going up)."""
    value = max(-2, min(2, int(emotion)))
    shape = face_shape(radius, value)
    canvas.saveState()
    fill(canvas, EMOTION_COLORS[value])
    stroke(canvas, WHITE, max(0.4, radius * 0.12))
    canvas.circle(cx, cy, radius, stroke=1, fill=1)
    fill(canvas, WHITE)
    for x, y in shape.eyes:
        canvas.circle(cx + x, cy - y, shape.eye_radius, stroke=0, fill=1)
    stroke(canvas, WHITE, max(0.35, radius * 0.14))
    canvas.setLineCap(1)
    (x0, y0), (x1, y1), (x2, y2) = ((cx + x, cy - y) for x, y in shape.mouth)
    path = canvas.beginPath()
    path.moveTo(x0, y0)
    # The quadratic curve as a cubic one.
    path.curveTo(
        x0 + (2 / 3) * (x1 - x0),
        y0 + (2 / 3) * (y1 - y0),
        x2 + (2 / 3) * (x1 - x2),
        y2 + (2 / 3) * (y1 - y2),
        x2,
        y2,
    )
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def star(canvas: Canvas, cx: float, cy: float, outer: float, value: str = BRANDED) -> None:
    path = canvas.beginPath()
    for index, (x, y) in enumerate(star_points(outer)):
        if index == 0:
            path.moveTo(cx + x, cy - y)
        else:
            path.lineTo(cx + x, cy - y)
    path.close()
    canvas.saveState()
    fill(canvas, value)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def warning(canvas: Canvas, cx: float, cy: float, size: float) -> None:
    """The breakpoint mark: a red triangle with a white "!" drawn as shapes."""
    half = size / 2
    path = canvas.beginPath()
    path.moveTo(cx, cy + half)
    path.lineTo(cx + half * 1.08, cy - half * 0.85)
    path.lineTo(cx - half * 1.08, cy - half * 0.85)
    path.close()
    canvas.saveState()
    fill(canvas, BREAKPOINT)
    stroke(canvas, BREAKPOINT, size * 0.08)
    canvas.setLineJoin(1)
    canvas.drawPath(path, stroke=1, fill=1)
    fill(canvas, WHITE)
    bar = size * 0.11
    canvas.roundRect(cx - bar / 2, cy - half * 0.2, bar, half * 0.62, bar / 2, stroke=0, fill=1)
    canvas.circle(cx, cy - half * 0.48, bar * 0.62, stroke=0, fill=1)
    canvas.restoreState()


def arrow_head(
    canvas: Canvas, x: float, y: float, angle: float, length: float, value: str | Color
) -> None:
    """A filled arrow head with its tip at (x, y), pointing along angle (radians)."""
    back_x, back_y = -math.cos(angle) * length, -math.sin(angle) * length
    side_x, side_y = -math.sin(angle) * length * 0.42, math.cos(angle) * length * 0.42
    path = canvas.beginPath()
    path.moveTo(x, y)
    path.lineTo(x + back_x + side_x, y + back_y + side_y)
    path.lineTo(x + back_x - side_x, y + back_y - side_y)
    path.close()
    canvas.saveState()
    fill(canvas, value)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def clip_rect(canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
    """Clip what follows to the rectangle (until restoreState)."""
    path = canvas.beginPath()
    path.rect(x, y, width, height)
    canvas.clipPath(path, stroke=0, fill=0)
