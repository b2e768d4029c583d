"""A view's frames, painted from tiles of the scene kept between frames.

Qt paints a view item by item on every frame, and its path alone costs microseconds an item: a
large board seen from far away is thousands of items too small to read (tens of milliseconds a
frame at 10 000 notes, whatever each item draws), and close up each card's text and shapes
cost about a millisecond. So a view keeps what it painted in tiles of TILE pixels at its scale,
and paints a frame by copying tiles. It renders again only what it has not rendered at this
scale and the parts of tiles the scene reports changed (QGraphicsScene.changed: every item's
update, move, addition and removal), so a change shows in the next frame.

A frame renders what it uncovers for at most FRAME_BUDGET_MS. What a zoom or a pan uncovers
beyond that is drawn from stand-ins, the tiles of the scale before and an overview of the whole
scene (both kept as true as the others), and rendered exactly in the moments the window is
idle, once frames have stopped coming for IDLE_AFTER_FRAME_MS (a zoom or a pan in progress is
not held up by it). The items stay in the scene as they are: the mouse, selection and every
gesture reach them as before. A view in presentation style (the audience display) renders its
tiles as it paints its items: larger.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSizeF,
    Qt,
    QTimer,
)
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QRegion, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from cocreate.canvas.notes import tiles_for_presentation

TILE = 256
#: Tiles of the view's scale kept at most (256 × 256 × 4 bytes each: 24 MB); the least recently
#: painted go first.
MAX_TILES = 96
#: How long one frame may spend rendering what it uncovers before it draws the rest from
#: stand-ins, and one idle moment rendering them again.
FRAME_BUDGET_MS = 5.0
IDLE_BUDGET_MS = 3.0
#: How long after a frame the idle rendering waits: while frames keep coming (a zoom or a pan
#: in progress) they are not held up by it; then it runs moment after moment until done.
IDLE_AFTER_FRAME_MS = 40
#: The longest it waits so, for frames that do not stop (notes streaming in from phones).
IDLE_WAIT_MAX_MS = 500
#: The overview's long side, in pixels at most (its scale is a power of two).
OVERVIEW_PIXELS = 1024
#: Rows of a tile rendered at a time in frames and idle moments, at least.
STRIP = 32
#: How long a strip should take: while rows cost little (a small board), a strip has as many
#: rows as take this long, up to a whole tile. A strip's render has a cost of its own (a pass
#: over the scene's index and its backdrop): in strips of 32 rows, the demo's view took about
#: 300 renders to settle, most of their time that cost.
STRIP_TARGET_S = 0.001
#: Rows of tiles rendered in one pass over the scene when many new tiles are rendered at once.
#: The pass's image is cut into the tiles: at 1920×1080, the whole view in one pass held 14 MB
#: more while it was cut, two rows hold 5 MB.
PASS_ROWS = 2
#: A change reporting more rectangles than this makes every tile stale instead.
MAX_RECTS = 2000

TILE_RECT = QRect(0, 0, TILE, TILE)
WHOLE = QRegion(TILE_RECT)

Key = tuple[float, float, float]  # scale, and the sub-pixel shift of the tiles' grid
Spot = tuple[int, int]  # a tile's column and row
Device = tuple[int, int, float]  # logical dpi across and down, device pixels per pixel


def device_image(width: int, height: int, device: Device) -> QImage:
    """An opaque image (copied, not blended) of this many pixels for the device: its own
    pixels are the device's, its dpi the device's logical dpi (items size text by it)."""
    ratio = device[2]
    image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.setDotsPerMeterX(round(device[0] / 0.0254))
    image.setDotsPerMeterY(round(device[1] / 0.0254))
    return image


def report_changes(scene: QGraphicsScene) -> None:
    """Have the scene carry out its pending item updates now, and send the `changed` they
    queue."""
    for _round in range(2):
        QCoreApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)


def remove_quietly(scene: QGraphicsScene, item: QGraphicsItem) -> None:
    """Take an item off the scene, repainting only where it was.

    Once anything listens to a scene's `changed` signal (a view's tiles do), Qt repaints
    the whole scene for an item taken off it while shown, and nothing for one already hidden.
    So the item is hidden first, and Qt's pending updates (which report where it was) are
    carried out before it is taken off.
    """
    if item.scene() is scene and item.isVisible():
        item.hide()
        report_changes(scene)
    QGraphicsScene.removeItem(scene, item)


class TileSet:
    """Tiles of a scene at one scale: tile pixel = scene point × scale + shift."""

    def __init__(self, key: Key, limit: int) -> None:
        self.key = key
        self.limit = limit
        self.tiles: OrderedDict[Spot, QImage] = OrderedDict()
        self.missing: dict[Spot, QRegion] = {}  # the parts of kept tiles not rendered as they are
        self.unrendered: dict[Spot, QRegion] = {}  # of those, the parts never rendered at all
        self.painted_by_qt = False  # a frame at this scale was painted item by item, not tiled

    @property
    def scale(self) -> float:
        return self.key[0]

    def pixels(self, rect: QRectF) -> QRect:
        """The tile pixels a scene rectangle covers (with a margin for antialiasing)."""
        scale, shift_x, shift_y = self.key
        return (
            QRectF(
                rect.left() * scale + shift_x,
                rect.top() * scale + shift_y,
                rect.width() * scale,
                rect.height() * scale,
            )
            .toAlignedRect()
            .adjusted(-2, -2, 2, 2)
        )

    def source(self, spot: Spot, part: QRect) -> QRectF:
        """The scene rectangle that part of a tile shows."""
        scale, shift_x, shift_y = self.key
        return QRectF(
            (spot[0] * TILE + part.left() - shift_x) / scale,
            (spot[1] * TILE + part.top() - shift_y) / scale,
            part.width() / scale,
            part.height() / scale,
        )

    def area(self, spots: list[Spot]) -> QRectF:
        """The scene rectangle these whole tiles show (the bounds of them all)."""
        if not spots:
            return QRectF()
        columns, rows = [spot[0] for spot in spots], [spot[1] for spot in spots]
        left, top = min(columns), min(rows)
        pixels = QRect(0, 0, (max(columns) - left + 1) * TILE, (max(rows) - top + 1) * TILE)
        return self.source((left, top), pixels)

    @staticmethod
    def spots(pixels: QRect) -> list[Spot]:
        """The tiles that cover a rectangle of tile pixels."""
        columns = range(math.floor(pixels.left() / TILE), math.floor(pixels.right() / TILE) + 1)
        rows = range(math.floor(pixels.top() / TILE), math.floor(pixels.bottom() / TILE) + 1)
        return [(column, row) for row in rows for column in columns]

    def complete(self, spot: Spot) -> bool:
        return spot in self.tiles and spot not in self.missing

    def holds(self, area: QRectF) -> bool:
        """Whether every tile over this scene area is kept and rendered as the scene is now.
        A set that keeps fewer tiles than the area covers cannot: that is answered without
        listing them (a stand-in of a much finer scale covers the view with thousands)."""
        pixels = self.pixels(area)
        columns = math.floor(pixels.right() / TILE) - math.floor(pixels.left() / TILE) + 1
        rows = math.floor(pixels.bottom() / TILE) - math.floor(pixels.top() / TILE) + 1
        if columns * rows > len(self.tiles):
            return False
        return all(self.complete(spot) for spot in self.spots(pixels))

    def tile(self, spot: Spot, device: Device) -> QImage:
        """The tile (kept, or new with nothing rendered yet)."""
        image = self.tiles.get(spot)
        if image is not None:
            self.tiles.move_to_end(spot)
            return image
        image = device_image(TILE, TILE, device)
        self.tiles[spot] = image
        self.missing[spot] = self.unrendered[spot] = WHOLE
        while len(self.tiles) > self.limit:
            dropped, _image = self.tiles.popitem(last=False)
            self.missing.pop(dropped, None)
            self.unrendered.pop(dropped, None)
        return image

    def rendered(self, spot: Spot, part: QRect) -> None:
        """Part of a tile now shows the scene as it is."""
        for regions in (self.missing, self.unrendered):
            if spot in regions:
                rest = regions[spot] - QRegion(part)
                if rest.isEmpty():
                    del regions[spot]
                else:
                    regions[spot] = rest

    def changed(self, rects: list[QRectF]) -> None:
        """Mark the parts of kept tiles that these scene rectangles cover as not rendered."""
        if len(rects) > MAX_RECTS:
            for spot in self.tiles:
                self.missing[spot] = WHOLE
            return
        for rect in rects:
            pixels = self.pixels(rect)
            for spot in self.spots(pixels):
                if spot not in self.tiles:
                    continue
                part = pixels.translated(-spot[0] * TILE, -spot[1] * TILE) & TILE_RECT
                if not part.isEmpty():
                    self.missing[spot] = self.missing.get(spot, QRegion()) | QRegion(part)


def _strip(region: QRegion, rows: int) -> QRect:
    """The top rows of a region's bounds: the part of a tile rendered at a time, so that
    neither a frame nor an idle moment holds the window for a whole tile."""
    bounds = region.boundingRect()
    return QRect(bounds.left(), bounds.top(), bounds.width(), min(rows, bounds.height()))


def _inner(rect: QRectF) -> QRect:
    """The whole pixels inside a rectangle."""
    left, top = math.ceil(rect.left()), math.ceil(rect.top())
    return QRect(left, top, math.floor(rect.right()) - left, math.floor(rect.bottom()) - top)


def _done(tiles: TileSet | None) -> int:
    """How many tiles of a set show the scene as it is."""
    return 0 if tiles is None else sum(tiles.complete(spot) for spot in tiles.tiles)


class TileCache(QObject):
    """The tiles of one view at its scale, those of the scale before, an overview of the
    whole scene, and what is left to render in the view's idle moments."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.exact: TileSet | None = None
        self.previous: TileSet | None = None  # the tiles of the scale before, as stand-ins
        self.overview: TileSet | None = None
        #: Scene rectangles rendered since the view's tiles were made (what frames cost).
        self.rendered: list[QRectF] = []
        self._presenting = False  # whether the tiles are the view's in presentation style
        self._painted_on: Device | None = None  # the viewport's dpi and pixel ratio
        self._last_frame = 0.0  # when a frame the idle rendering did not ask for was painted
        self._waiting_since: float | None = None  # when the idle rendering began to wait
        self._strip_s = 0.0  # how long strips took of late (a running mean)
        self._row_s = 0.0  # how long a row of them took (a running mean)
        self._refreshing = QRegion()  # what the idle rendering asked the viewport to repaint
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._refine)
        view.scene().changed.connect(self._changed)

    def applies(self) -> bool:
        """Whether the view paints from tiles: it is not turned or stretched."""
        transform = self.view.viewportTransform()
        return (
            transform.type().value <= QTransform.TransformationType.TxScale.value
            and transform.m11() == transform.m22()
            and transform.m11() > 0
        )

    def clear(self) -> None:
        """Forget every tile (the looks of items changed in a way the scene does not report)."""
        self.exact = self.previous = self.overview = None
        self.rendered.clear()

    def idle_work(self) -> bool:
        """Whether rendering is planned for the window's next idle moment."""
        return self._idle.isActive()

    def settled(self) -> bool:
        """Whether the frame in view and the overview are rendered as the scene is now."""
        if self.exact is None or self.overview is None:
            return False
        exact, base = self._exact_tiles()
        in_view = self.view.viewport().rect().translated(-base[0], -base[1])
        return all(exact.complete(spot) for spot in exact.spots(in_view)) and all(
            self.overview.complete(spot) for spot in self._overview_spots()
        )

    # -- painting ------------------------------------------------------------------------------

    def paint(self, event: QPaintEvent) -> bool:
        """Paint the exposed part of the viewport from tiles: render what changed, render what
        is new for at most FRAME_BUDGET_MS, and draw the rest from stand-ins.

        A frame that is mostly new with nothing to stand in for it (the first one, or a jump
        before the overview is ready) renders its new tiles in one pass; the first such frame
        at a scale paints nothing and returns False: the view paints it item by item, which
        costs less than its tiles (they reach past the viewport; an open shows sooner), and
        they are rendered in the window's idle moments, or by the next frame if it comes
        first."""
        if not (event.region() - self._refreshing).isEmpty():
            self._last_frame = time.perf_counter()  # a frame of its own: the idle moments wait
        self._refreshing = QRegion()
        scene = self.view.scene()
        report_changes(scene)
        device = self._device()
        looks = (bool(self.view.property("presentation")), device)
        if looks != (self._presenting, self._painted_on):  # another style, or another screen
            self.clear()
            self._presenting, self._painted_on = looks
        rescaled = self.exact is None or self.exact.key != self._grid()[0]
        exact, base = self._exact_tiles()
        self._overview_tiles()
        # A zoom step draws what is new from stand-ins at once (the whole view is new); a pan
        # or a change renders what it uncovers for up to FRAME_BUDGET_MS first.
        deadline = time.perf_counter() + (0.0 if rescaled else FRAME_BUDGET_MS / 1000)
        exposed = event.region().translated(-base[0], -base[1])
        spots = exact.spots(exposed.boundingRect())
        new = [spot for spot in spots if spot not in exact.tiles]
        if len(new) > 1 and not self._stand_in_ready(exact.area(new)):
            if not exact.painted_by_qt:  # the first frame of this scale: Qt paints it
                exact.painted_by_qt = True
                self._idle.start(0)
                return False
            for spot in new:  # frames keep coming before the window is idle: render them
                exact.tile(spot, device)
            self._render_whole(exact, new, device)
        painter = QPainter(self.view.viewport())
        waiting = QRegion()
        stand_ins_hold_all = self._stand_in_ready(exact.area(spots))  # else asked tile by tile
        self._render_changed(exact, spots, device)
        for spot in spots:
            corner = QPoint(spot[0] * TILE, spot[1] * TILE)
            # (a tile not kept is made once something is rendered in it: a zoom step draws
            # its whole view from stand-ins)
            never = exact.unrendered.get(spot, QRegion()) if spot in exact.tiles else WHOLE
            seen = never & exposed.translated(-corner)
            while not seen.isEmpty():  # never rendered, and shown now: a strip at a time
                # A strip is begun only when it should end within the budget: a frame that
                # began one at its deadline's edge overran it by a strip (a pan's slowest).
                if time.perf_counter() + self._strip_s >= deadline and (
                    stand_ins_hold_all
                    or self._stand_in_ready(exact.source(spot, seen.boundingRect()))
                ):
                    waiting |= seen.translated(corner)
                    break
                exact.tile(spot, device)
                strip = self._render_strip(exact, spot, seen)
                seen -= QRegion(strip)
            if spot in exact.tiles and exact.unrendered.get(spot) != WHOLE:  # else stand-ins
                painter.drawImage(QPointF(corner + QPoint(*base)), exact.tile(spot, device))
        if not waiting.isEmpty():
            self._paint_stand_ins(painter, waiting.translated(*base), base)
        painter.end()
        if not waiting.isEmpty() or not self._overview_done():
            self._idle.start(0)
        return True

    def _paint_stand_ins(self, painter: QPainter, clip: QRegion, base: tuple[int, int]) -> None:
        """Draw, over the clip (viewport pixels), the tiles of the scale before that show the
        scene as it is, then the overview where they do not reach, scaled to the view's
        scale."""
        assert self.exact is not None and self.overview is not None
        for stand_in in (self.previous, self.overview):
            if stand_in is None or clip.isEmpty():
                continue
            ratio = self.exact.scale / stand_in.scale
            painter.save()
            painter.setClipRegion(clip)
            # Unsmoothed: a stand-in shows for a moment, and smoothing doubled a zoom's frame.
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.translate(
                base[0] + self.exact.key[1] - stand_in.key[1] * ratio,
                base[1] + self.exact.key[2] - stand_in.key[2] * ratio,
            )
            painter.scale(ratio, ratio)
            transform = painter.transform()
            covered = QRegion()
            for spot in stand_in.spots(transform.inverted()[0].mapRect(clip.boundingRect())):
                if stand_in.complete(spot):
                    at = QPointF(spot[0] * TILE, spot[1] * TILE)
                    painter.drawImage(at, stand_in.tiles[spot])
                    covered |= _inner(transform.mapRect(QRectF(at, QSizeF(TILE, TILE))))
            painter.restore()
            clip -= covered  # what the next stand-in still has to show
        if not clip.isEmpty():  # outside the scene: the viewport is not erased (JourneyView)
            painter.save()
            painter.setClipRegion(clip)
            painter.fillRect(clip.boundingRect(), self.view.backgroundBrush())
            painter.restore()

    def _render_changed(self, tiles: TileSet, spots: list[Spot], device: Device) -> None:
        """Render what changed in these tiles since they were rendered: in one pass over the
        scene when the changed parts lie together (a note across two tiles, whose every
        render paints it whole), else tile by tile."""
        parts: dict[Spot, QRect] = {}
        for spot in spots:
            stale = tiles.missing.get(spot, QRegion()) - tiles.unrendered.get(spot, QRegion())
            if not stale.isEmpty():
                parts[spot] = stale.boundingRect()
        together, area = QRect(), 0
        for spot, part in parts.items():
            together |= part.translated(spot[0] * TILE, spot[1] * TILE)
            area += part.width() * part.height()
        if len(parts) < 2 or together.width() * together.height() > 2 * area:
            for spot, part in parts.items():
                self._render(tiles, spot, part)
            return
        self._render_together(tiles, parts, together, device)

    def _render(self, tiles: TileSet, spot: Spot, part: QRect) -> None:
        """Render the scene into part of a tile (tile pixels), as the view would paint it."""
        source = tiles.source(spot, part)
        self._draw(tiles.tiles[spot], part, source)
        tiles.rendered(spot, part)
        if tiles is self.exact:
            self.rendered.append(source)

    def _render_strip(self, tiles: TileSet, spot: Spot, left: QRegion) -> QRect:
        """Render the top strip of what is left to render of a tile (tile pixels) and return
        it. Keep how long strips and their rows take: the next strip is begun only when it
        should end within the frame's or the idle moment's budget, and has as many rows as
        STRIP_TARGET_S allows."""
        rows = self._strip_rows()
        strip = _strip(left, rows)
        started = time.perf_counter()
        self._render(tiles, spot, strip)
        took = time.perf_counter() - started
        self._strip_s = (self._strip_s + took) / 2
        if strip.height() == rows:  # the end of a tile, cut short, is mostly the render's own
            self._row_s = (self._row_s + took / rows) / 2
        return strip

    def _strip_rows(self) -> int:
        """STRIP rows, or more while they cost little: as many as STRIP_TARGET_S allows, up to
        a whole tile."""
        if self._row_s <= 0:
            return STRIP
        return max(STRIP, min(TILE, int(STRIP_TARGET_S / self._row_s)))

    def _render_whole(self, tiles: TileSet, spots: list[Spot], device: Device) -> None:
        """Render whole new tiles (a frame with nothing to stand in for them: the first one,
        or a jump) in passes over the scene of PASS_ROWS rows of tiles, each cut into its
        tiles: an item across several tiles of a pass is drawn once, not once a tile."""
        top, bottom = min(spot[1] for spot in spots), max(spot[1] for spot in spots)
        for first in range(top, bottom + 1, PASS_ROWS):
            rows = [spot for spot in spots if first <= spot[1] < first + PASS_ROWS]
            if rows:
                self._render_pass(tiles, rows, device)

    def _render_pass(self, tiles: TileSet, spots: list[Spot], device: Device) -> None:
        """Render whole new tiles in one pass over the scene, then cut it into them."""
        left, top = min(spot[0] for spot in spots), min(spot[1] for spot in spots)
        columns = max(spot[0] for spot in spots) - left + 1
        rows = max(spot[1] for spot in spots) - top + 1
        together = QRect(left * TILE, top * TILE, columns * TILE, rows * TILE)
        self._render_together(tiles, dict.fromkeys(spots, TILE_RECT), together, device)

    def _render_together(
        self, tiles: TileSet, parts: dict[Spot, QRect], together: QRect, device: Device
    ) -> None:
        """Render `together` (tile pixels of the whole set) in one pass over the scene, then
        cut it into these parts of their tiles."""
        whole = device_image(together.width(), together.height(), device)
        source = tiles.source((0, 0), together)
        self._draw(whole, QRect(QPoint(0, 0), together.size()), source)
        ratio = device[2]  # the images' own pixels
        for spot, part in parts.items():
            corner = part.topLeft() + QPoint(spot[0] * TILE, spot[1] * TILE) - together.topLeft()
            cut = QRect(
                round(corner.x() * ratio), round(corner.y() * ratio),
                round(part.width() * ratio), round(part.height() * ratio),
            )  # fmt: skip
            painter = QPainter(tiles.tiles[spot])
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.drawImage(QPointF(part.topLeft()), whole, cut)
            painter.end()
            tiles.rendered(spot, part)
        if tiles is self.exact:
            self.rendered.append(source)

    def _draw(self, image: QImage, part: QRect, source: QRectF) -> None:
        """Draw the scene's source rectangle into part of an image, as the view would."""
        painter = QPainter(image)
        painter.setRenderHints(self.view.renderHints())
        painter.setClipRect(part)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.fillRect(part, self.view.backgroundBrush())
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        with tiles_for_presentation(self._presenting):
            self.view.scene().render(
                painter, QRectF(part), source, Qt.AspectRatioMode.IgnoreAspectRatio
            )
        painter.end()

    # -- the tile sets ---------------------------------------------------------------------------

    def _device(self) -> Device:
        """What the viewport paints on: its logical dpi, and device pixels per pixel (2 on a
        high-density screen, where tiles hold twice the pixels a side, as Qt would paint)."""
        viewport = self.view.viewport()
        return viewport.logicalDpiX(), viewport.logicalDpiY(), viewport.devicePixelRatioF()

    def _exact_tiles(self) -> tuple[TileSet, tuple[int, int]]:
        """The tiles of the view's scale and shift, and where tile pixel 0 is in the viewport.
        A new scale keeps the tiles of the one before as stand-ins."""
        key, base = self._grid()
        if self.exact is None or self.exact.key != key:
            if self.exact is not None and _done(self.exact) >= _done(self.previous):
                self.previous = self.exact  # (a quick zoom keeps the set it rendered most of)
            viewport = self.view.viewport()
            in_view = (viewport.width() // TILE + 2) * (viewport.height() // TILE + 2)
            self.exact = TileSet(key, max(MAX_TILES, 2 * in_view))
            self.rendered.clear()
        return self.exact, base

    def _grid(self) -> tuple[Key, tuple[int, int]]:
        """The view's scale and the sub-pixel shift of its tiles' grid, and where tile pixel 0
        is in the viewport."""
        transform = self.view.viewportTransform()
        left, top = math.floor(transform.dx()), math.floor(transform.dy())
        return (transform.m11(), transform.dx() - left, transform.dy() - top), (left, top)

    def _overview_tiles(self) -> TileSet:
        rect = self.view.scene().sceneRect()
        longest = max(rect.width(), rect.height(), 1.0)
        scale = 2.0 ** math.floor(math.log2(OVERVIEW_PIXELS / longest))
        key = (scale, 0.0, 0.0)
        if self.overview is None or self.overview.key != key:
            self.overview = TileSet(key, 10**6)  # bounded by OVERVIEW_PIXELS: at most 25 tiles
        return self.overview

    def _overview_spots(self) -> list[Spot]:
        assert self.overview is not None
        return TileSet.spots(self.overview.pixels(self.view.scene().sceneRect()))

    def _overview_done(self) -> bool:
        assert self.overview is not None
        return all(self.overview.complete(spot) for spot in self._overview_spots())

    def _stand_in_ready(self, area: QRectF) -> bool:
        """Whether the tiles of the scale before, or else the overview, hold this scene area
        as it is (outside the scene there is nothing to hold)."""
        area = area & self.view.scene().sceneRect()
        if area.isEmpty():
            return True
        return any(
            stand_in is not None and stand_in.holds(area)
            for stand_in in (self.previous, self.overview)
        )

    def _changed(self, rects: list[QRectF]) -> None:
        for tiles in (self.exact, self.previous, self.overview):
            if tiles is not None and tiles.tiles and rects:
                tiles.changed(rects)

    # -- idle moments -----------------------------------------------------------------------------

    def _refine(self) -> None:
        """Render, for at most IDLE_BUDGET_MS, the view's tiles in view that were drawn from
        stand-ins, then the overview's own; again later while any remain."""
        if not self.applies() or not self.view.isVisible():
            return
        now = time.perf_counter()
        wait_ms = IDLE_AFTER_FRAME_MS - (now - self._last_frame) * 1000
        if self._waiting_since is None:
            self._waiting_since = now
        if wait_ms > 0 and now - self._waiting_since < IDLE_WAIT_MAX_MS / 1000:
            self._idle.start(math.ceil(wait_ms))  # frames are still coming
            return
        self._waiting_since = None
        exact, base = self._exact_tiles()
        overview = self._overview_tiles()
        deadline = time.perf_counter() + IDLE_BUDGET_MS / 1000
        device = self._device()
        in_view = self.view.viewport().rect().translated(-base[0], -base[1])
        todo = [(exact, spot) for spot in exact.spots(in_view) if not exact.complete(spot)]
        todo += [(overview, spot) for spot in self._overview_spots() if not overview.complete(spot)]
        for index, (tiles, spot) in enumerate(todo):
            # As in a frame: past the first, a strip is begun only when it should end in time
            # (a zoom's frames wait for the idle moments that come in the same turn).
            if index and time.perf_counter() + self._strip_s >= deadline:
                break
            tiles.tile(spot, device)
            strip = self._render_strip(tiles, spot, tiles.missing[spot])
            if tiles is exact:  # the next frame shows it exactly
                shown = strip.translated(spot[0] * TILE + base[0], spot[1] * TILE + base[1])
                self._refreshing |= QRegion(shown)
                self.view.viewport().update(shown)
        if todo:
            self._idle.start(0)  # until a call finds nothing left to render
        elif self.previous is not None:
            self.previous = None  # every tile in view is exact: the stand-ins may go
