"""Small marks a card draws over and over (its emotion's face, its channel's icon, its kind and
status pills), each painted once for a scale and then copied.

A card costs about 0.8 ms to paint, and its face and pills are about a third of that: a
board of cards seen at one zoom draws the same few marks hundreds of times (every card in a
frame, and again in each tile it reaches). On a raster device (the screen, a tile, a PNG) a
mark is painted once into a small image at the painter's scale, and that image is copied for
every card that shows it, at the nearest whole device pixel (a mark moves by less than half a
pixel). Vector devices (SVG) get the mark drawn as before, and so do a turned or stretched
painter and a mark too large to keep.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QWidget

#: The most bytes of images kept; the least recently copied go first.
MAX_BYTES = 8 * 1024 * 1024
#: A mark larger than this many device pixels a side is drawn directly.
MAX_SIDE = 160

Paint = Callable[[QPainter], None]

_RASTER_DEVICES = (QImage, QPixmap, QWidget)  # (not QPicture, QSvgGenerator, QPdfWriter)
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_IDENTITY = QTransform()
_sprites: OrderedDict[Hashable, QImage] = OrderedDict()
_kept_bytes = 0


def draw_mark(painter: QPainter, rect: QRectF, key: Hashable, paint: Paint) -> None:
    """Draw a mark that `paint` draws inside `rect` (in the painter's coordinates), copied from
    its image for this key and scale when the painter allows it. `key` names everything the
    mark's looks and its rectangle's size depend on."""
    transform = painter.deviceTransform()
    scale_x, scale_y = transform.m11(), transform.m22()
    if (
        transform.m12() != 0
        or transform.m21() != 0
        or transform.m13() != 0
        or transform.m23() != 0
        or scale_x <= 0
        or scale_y <= 0
        or max(rect.width() * scale_x, rect.height() * scale_y) > MAX_SIDE
        or not isinstance(painter.device(), _RASTER_DEVICES)
    ):
        paint(painter)  # turned, too large, or a vector device
        return
    scale = (round(scale_x, 4), round(scale_y, 4))
    smooth = painter.testRenderHint(_ANTIALIASING)
    image = _sprite((key, scale, smooth), rect, scale, paint)
    ratio = painter.device().devicePixelRatioF()
    if image.devicePixelRatio() != ratio:
        image.setDevicePixelRatio(ratio)  # one image pixel a device pixel
    corner = transform.map(rect.topLeft())
    world = painter.worldTransform()
    painter.setWorldTransform(_IDENTITY)
    painter.drawImage(QPointF(round(corner.x()) / ratio, round(corner.y()) / ratio), image)
    painter.setWorldTransform(world)


def _sprite(full_key: Hashable, rect: QRectF, scale: tuple[float, float], paint: Paint) -> QImage:
    global _kept_bytes
    image = _sprites.get(full_key)
    if image is not None:
        _sprites.move_to_end(full_key)
        return image
    width = math.ceil(rect.width() * scale[0]) + 1
    height = math.ceil(rect.height() * scale[1]) + 1
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    sprite_painter = QPainter(image)
    if full_key[-1]:  # type: ignore[index]
        sprite_painter.setRenderHints(_ANTIALIASING | QPainter.RenderHint.TextAntialiasing)
    sprite_painter.scale(*scale)
    sprite_painter.translate(-rect.left(), -rect.top())
    paint(sprite_painter)
    sprite_painter.end()
    _sprites[full_key] = image
    _kept_bytes += image.sizeInBytes()
    while _kept_bytes > MAX_BYTES and len(_sprites) > 1:
        _key, old = _sprites.popitem(last=False)
        _kept_bytes -= old.sizeInBytes()
    return image
