"""Pictures and colours of touchpoint attributes, shared by the canvas and the docks.

Channel icons are hand-written SVG line icons in resources/icons/channels/, drawn as vectors so
they stay crisp at any zoom. Kinds, emotions and statuses have colours; kinds and emotions also
have small painted icons for lists and combo boxes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

from cocreate.colors import EMOTION_COLORS, KIND_COLORS, STATUS_COLORS
from cocreate.model import EMOTION_MAX, EMOTION_MIN, Channel
from cocreate.resources import resource_path

# The colour the channel icons are drawn in (the SVG files use it too).
ICON_INK = "#37474f"


_FALLBACK_COLOR = "#9e9e9e"
_ICON_SIZES = (16, 20, 24, 32, 48, 64)
_renderers: dict[str, QSvgRenderer] = {}
_channel_icons: dict[str, QIcon] = {}
_kind_icons: dict[str, QIcon] = {}
_emotion_icons: dict[int, QIcon] = {}


_CHANNELS = frozenset(c.value for c in Channel)


def _known_channel(channel: str) -> str:
    return channel if channel in _CHANNELS else Channel.OTHER.value


def channel_renderer(channel: str) -> QSvgRenderer:
    """The SVG renderer of a channel's icon (one per channel; an unknown one gets "other")."""
    value = _known_channel(channel)
    renderer = _renderers.get(value)
    if renderer is None:
        renderer = QSvgRenderer(str(resource_path("icons", "channels", f"{value}.svg")))
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        _renderers[value] = renderer
    return renderer


def _square(rect: QRectF) -> QRectF:
    side = min(rect.width(), rect.height())
    square = QRectF(0, 0, side, side)
    square.moveCenter(rect.center())
    return square


def paint_channel_icon(painter: QPainter, channel: str, rect: QRectF) -> None:
    """Draw the channel's icon as vectors, centred in rect and as large as fits."""
    channel_renderer(channel).render(painter, _square(rect))


def channel_icon(channel: str) -> QIcon:
    """The channel's icon for lists and combo boxes (an unknown channel gets "other")."""
    value = _known_channel(channel)
    icon = _channel_icons.get(value)
    if icon is None:
        icon = QIcon(str(resource_path("icons", "channels", f"{value}.svg")))
        if icon.isNull():  # no SVG icon engine: paint pixmaps from the renderer instead
            icon = _painted_icon(lambda p, r: paint_channel_icon(p, value, r))
        _channel_icons[value] = icon
    return icon


def kind_color(kind: str) -> QColor:
    return QColor(KIND_COLORS.get(kind, _FALLBACK_COLOR))


def emotion_color(emotion: int) -> QColor:
    clamped = max(EMOTION_MIN, min(EMOTION_MAX, int(emotion)))
    return QColor(EMOTION_COLORS[clamped])


def status_color(status: str) -> QColor:
    return QColor(STATUS_COLORS.get(status, _FALLBACK_COLOR))


def paint_kind_badge(painter: QPainter, kind: str, rect: QRectF) -> None:
    """A rounded badge in the kind's colour, filling rect."""
    color = kind_color(kind)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen_width = max(1.0, rect.height() / 16)
    inner = rect.adjusted(pen_width / 2, pen_width / 2, -pen_width / 2, -pen_width / 2)
    painter.setPen(QPen(color.darker(130), pen_width))
    painter.setBrush(color)
    radius = inner.height() * 0.3
    painter.drawRoundedRect(inner, radius, radius)
    painter.restore()


def kind_icon(kind: str) -> QIcon:
    """A rounded swatch in the kind's colour, for lists and combo boxes."""
    icon = _kind_icons.get(kind)
    if icon is None:

        def paint(painter: QPainter, rect: QRectF) -> None:
            paint_kind_badge(painter, kind, rect.adjusted(1, rect.height() * 0.15, -1, 0))

        icon = _painted_icon(paint)
        _kind_icons[kind] = icon
    return icon


def paint_emotion_face(painter: QPainter, emotion: int, rect: QRectF) -> None:
    """A face in the emotion's colour: the mouth curves from a frown (−2) to a smile (+2)."""
    value = max(EMOTION_MIN, min(EMOTION_MAX, int(emotion)))
    face = _square(rect)
    side = face.width()
    pen_width = max(1.0, side / 12)
    face = face.adjusted(pen_width / 2, pen_width / 2, -pen_width / 2, -pen_width / 2)
    color = emotion_color(value)
    ink = color.darker(170)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ink, pen_width))
    fill = QColor(color)
    fill.setAlphaF(0.35)
    painter.setBrush(fill)
    painter.drawEllipse(face)
    cx, cy, r = face.center().x(), face.center().y(), face.width() / 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    eye = max(0.8, r * 0.13)
    for dx in (-0.36, 0.36):
        painter.drawEllipse(QPointF(cx + dx * r, cy - 0.25 * r), eye, eye)
    pen = QPen(ink, pen_width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    mouth_y = cy + 0.35 * r
    half = 0.42 * r
    bend = value * 0.16 * r  # > 0: the corners are higher than the middle (a smile)
    path = QPainterPath(QPointF(cx - half, mouth_y - bend / 2))
    path.quadTo(QPointF(cx, mouth_y + bend * 1.5), QPointF(cx + half, mouth_y - bend / 2))
    painter.drawPath(path)
    painter.restore()


def emotion_icon(emotion: int) -> QIcon:
    """A face for the emotion value, for buttons and lists."""
    icon = _emotion_icons.get(emotion)
    if icon is None:
        icon = _painted_icon(lambda p, r: paint_emotion_face(p, emotion, r))
        _emotion_icons[emotion] = icon
    return icon


def _painted_icon(paint: Callable[[QPainter, QRectF], None]) -> QIcon:
    """An icon with pixmaps at the common sizes, at 1× and 2× device pixel ratio."""
    icon = QIcon()
    for size in _ICON_SIZES:
        for ratio in (1.0, 2.0):
            pixmap = QPixmap(int(size * ratio), int(size * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint(painter, QRectF(0, 0, size, size))
            painter.end()
            icon.addPixmap(pixmap)
    return icon
