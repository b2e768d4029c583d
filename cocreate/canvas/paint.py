"""How the journey canvas paints: its ink (the shared palette of cocreate.colors as QColors),
fonts, levels of detail, stacking order, and the small shapes several items draw (Qt)."""

from __future__ import annotations

import os
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)

from cocreate import colors
from cocreate.canvas.icons import EMOTION_COLORS
from cocreate.canvas.sprites import draw_mark
from cocreate.geometry import face_shape, star_points

#: Set (to anything), Qt's raster engine draws on the painting thread only. Qt reads it once,
#: the first time it asks for its GUI thread pool (a large fill, an image scaled or converted).
NO_GUI_THREAD_POOL = "QT_NO_GUI_THREADPOOL"


def paint_on_this_thread() -> None:
    """Keep Qt's raster engine from handing fills to its GUI thread pool: before any Qt
    painting. It splits every fill and image it blends over 96 rows or more into tasks for
    the pool, and waits for them all; a frame of the board draws dozens of tiles of 256
    rows, and on two cores the hand-offs cost more than they share: zooming out over the
    10 000-note salon, from 1:1 to the whole board, frames took a median 11.9 and 14.2 ms
    with the pool, 8.4 and 10.5 ms without it. (Qt has no switch that turns the pool back
    on: it reads only whether the variable is set.)"""
    os.environ.setdefault(NO_GUI_THREAD_POOL, "1")


INK = QColor(colors.INK)
MUTED = QColor(colors.MUTED)
RULE = QColor(colors.RULE)
SELECTED = QColor("#1e63d6")
FOUND = QColor("#ffb300")
BREAKPOINT = QColor(colors.BREAKPOINT)
BRANDED = QColor(colors.BRANDED)
LINK = QColor(colors.LINK)
LANE_LABEL = QColor(colors.LANE_LABEL)
LINE_INK = QColor(colors.LINE_INK)
CURVE = QColor(colors.CURVE)
CURVE_BAND = QColor(colors.CURVE_BAND)

# Below these levels of detail (scale of the view) cards draw less: text too small to read
# costs paint time and adds noise when a large board is fit to the screen.
LOD_TEXT = 0.35
LOD_DETAILS = 0.55
#: A card shows its text when its title is at least this many pixels high on the screen.
MIN_TITLE_PIXELS = 6.0
CARD_TITLE_POINTS = 10.5

# Z order, back to front.
Z_GRID, Z_CURVE, Z_LINK, Z_CARD, Z_HEADER, Z_DRAG = 0, 1, 2, 3, 4, 10


def translate(text: str) -> str:
    return QCoreApplication.translate("Canvas", text)


@lru_cache(maxsize=64)
def cached_color(name: str) -> QColor:
    return QColor(name)


@lru_cache(maxsize=16)
def font(point_size: float, bold: bool = False) -> QFont:
    result = QFont()
    result.setPointSizeF(point_size)
    result.setBold(bold)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # crisp when zoomed
    return result


def text_pixels(points: float, scale: float, dpi: float) -> float:
    """How many pixels high a font of this point size is on a device of this dpi, drawn at
    this scale."""
    return points * dpi / 72.0 * scale


def card_text_shown(scale: float, dpi: float) -> bool:
    """Whether cards draw their text at this scale: when the title can be read on screen."""
    return text_pixels(CARD_TITLE_POINTS, scale, dpi) >= MIN_TITLE_PIXELS


def wrapped_lines(text: str, text_font: QFont, width: float, max_lines: int) -> list[str]:
    """Text broken into at most max_lines lines of the width (Chinese and English alike),
    the last one ending in "…" when the text does not fit."""
    layout = QTextLayout(text.replace("\n", " "), text_font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    plain = layout.text()
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(plain[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    if len(lines) > max_lines:
        metrics = QFontMetricsF(text_font)
        rest = "".join(lines[max_lines - 1 :]).strip()
        last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        lines = lines[: max_lines - 1] + [last]
    return [line.rstrip() for line in lines]


def paint_face(painter: QPainter, center: QPointF, radius: float, emotion: int) -> None:
    """An emotion mark: a coloured face, smiling at +2, frowning at −2."""
    shape = face_shape(radius, emotion)
    painter.setPen(QPen(QColor("#ffffff"), 1.2))
    painter.setBrush(QColor(EMOTION_COLORS.get(emotion, EMOTION_COLORS[0])))
    painter.drawEllipse(center, radius, radius)
    painter.setBrush(QColor("#ffffff"))
    painter.setPen(Qt.PenStyle.NoPen)
    for eye in shape.eyes:
        painter.drawEllipse(center + QPointF(*eye), shape.eye_radius, shape.eye_radius)
    start, control, end = (center + QPointF(*point) for point in shape.mouth)
    mouth = QPainterPath()
    mouth.moveTo(start)
    mouth.quadTo(control, end)
    painter.setPen(
        QPen(
            QColor("#ffffff"),
            max(1.0, radius * 0.14),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
        )
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(mouth)


def star(center: QPointF, outer: float) -> QPolygonF:
    return QPolygonF([center + QPointF(*point) for point in star_points(outer)])


@lru_cache(maxsize=256)
def _pill_width(text: str, points: float, bold: bool) -> float:
    return QFontMetricsF(font(points, bold)).horizontalAdvance(text) + 12


def pill(
    painter: QPainter, x: float, y: float, text: str, color: str, points: float, bold: bool = True
) -> float:
    """A rounded badge with text in font(points, bold); returns its width. (Its width and its
    picture are kept by text, colour and font: measuring and naming a QFont took a card's
    pills about a tenth of the card's paint.)"""
    width = _pill_width(text, points, bold)
    rect = QRectF(x, y, width, 18)

    def paint(badge: QPainter) -> None:
        badge.setPen(Qt.PenStyle.NoPen)
        badge.setBrush(QColor(color))
        badge.drawRoundedRect(rect, 9, 9)
        badge.setPen(QColor("#ffffff"))
        badge.setFont(font(points, bold))
        badge.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    draw_mark(painter, rect, ("pill", text, color, points, bold), paint)
    return width


@lru_cache(maxsize=64)
def stage_tint(name: str) -> QColor:
    """A stage colour blended 30 % onto white, as a solid colour (cheaper than alpha)."""
    return QColor(*(round(channel * 255) for channel in colors.tint(name, colors.CELL_TINT)))
