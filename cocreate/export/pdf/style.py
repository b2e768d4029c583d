"""Colours and shapes of the PDF blueprint, the same as the canvas's (no Qt).

The hex values are copied from cocreate/canvas/icons.py and cocreate/canvas/items.py, which
are Qt modules the exporter must not import.
"""

from __future__ import annotations

import math
import re

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from cocreate.colors import EMOTION_COLORS, KIND_COLORS, STATUS_COLORS  # noqa: F401 (re-exported)

# -- the app's colours -------------------------------------------------------------------------

INK = "#263238"
MUTED = "#607d8b"
FAINT = "#90a4ae"
RULE = "#cfd8dc"
HAIRLINE = "#e3e8eb"
LANE_LABEL = "#eceff1"
CURVE_BAND = "#fafafa"
CURVE = "#3949ab"
ACCENT = "#3949ab"
BREAKPOINT = "#d32f2f"
BRANDED = "#f9a825"
LINK = "#5c6bc0"
LINE_INK = "#455a64"
WHITE = "#ffffff"
PAPER_TINT = "#f5f7f8"
FALLBACK = "#9e9e9e"


#: Note categories: a quiet colour each, for the chips on the notes pages.
CATEGORY_COLORS: dict[str, str] = {
    "pain_point": "#c62828",
    "idea": "#1e88e5",
    "question": "#8e24aa",
    "praise": "#2e7d32",
    "need": "#ef6c00",
}

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")
_SHORT_HEX = re.compile(r"^#?([0-9a-fA-F]{3})$")


def rgb(value: str, fallback: str = FALLBACK) -> tuple[float, float, float]:
    """A "#rrggbb" (or "#rgb") colour as 0…1 floats; anything else gives the fallback."""
    text = (value or "").strip()
    match = _HEX.match(text)
    if match is None:
        short = _SHORT_HEX.match(text)
        if short is None:
            return rgb(fallback) if fallback != value else (0.6, 0.6, 0.6)
        digits = "".join(c * 2 for c in short.group(1))
    else:
        digits = match.group(1)
    return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def color(value: str) -> Color:
    return Color(*rgb(value))


def mix(value: str, other: str, amount: float) -> Color:
    """value blended towards other by amount (0: value, 1: other)."""
    a, b = rgb(value), rgb(other)
    return Color(*(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def tint(value: str, amount: float) -> Color:
    """value on white at the given strength (like a translucent fill on paper)."""
    return mix(WHITE, value, amount)


def darker(value: str, factor: float = 1.25) -> Color:
    """Like QColor.darker(125): the value (HSV) divided by factor."""
    r, g, b = rgb(value)
    return Color(r / factor, g / factor, b / factor)


def luminance(value: str) -> float:
    r, g, b = rgb(value)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def emotion_color(emotion: float) -> str:
    value = max(-2, min(2, round(emotion)))
    return EMOTION_COLORS[value]


# -- shapes ------------------------------------------------------------------------------------


def fill(canvas: Canvas, value: str | Color) -> None:
    canvas.setFillColor(value if isinstance(value, Color) else color(value))


def stroke(canvas: Canvas, value: str | Color, width: float | None = None) -> None:
    canvas.setStrokeColor(value if isinstance(value, Color) else color(value))
    if width is not None:
        canvas.setLineWidth(width)


def face(canvas: Canvas, cx: float, cy: float, radius: float, emotion: int) -> None:
    """An emotion mark: a face in the emotion's colour, smiling at +2, frowning at -2 (PDF y
    goes up)."""
    value = max(-2, min(2, int(emotion)))
    canvas.saveState()
    fill(canvas, EMOTION_COLORS[value])
    stroke(canvas, WHITE, max(0.4, radius * 0.12))
    canvas.circle(cx, cy, radius, stroke=1, fill=1)
    fill(canvas, WHITE)
    eye = radius * 0.16
    canvas.circle(cx - radius * 0.35, cy + radius * 0.25, eye, stroke=0, fill=1)
    canvas.circle(cx + radius * 0.35, cy + radius * 0.25, eye, stroke=0, fill=1)
    stroke(canvas, WHITE, max(0.35, radius * 0.14))
    canvas.setLineCap(1)
    mouth_y = cy - radius * 0.35
    half = radius * 0.45
    dip = -value * radius * 0.11  # the middle of the mouth: lower for a smile
    path = canvas.beginPath()
    path.moveTo(cx - half, mouth_y)
    # A quadratic curve through a control point as a cubic one.
    control = mouth_y + 2 * dip
    path.curveTo(
        cx - half + (2 / 3) * half,
        mouth_y + (2 / 3) * (control - mouth_y),
        cx + half - (2 / 3) * half,
        mouth_y + (2 / 3) * (control - mouth_y),
        cx + half,
        mouth_y,
    )
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def star(canvas: Canvas, cx: float, cy: float, outer: float, value: str = BRANDED) -> None:
    path = canvas.beginPath()
    for index in range(10):
        radius = outer if index % 2 == 0 else outer * 0.45
        angle = math.pi / 2 + index * math.pi / 5
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        if index == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
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
