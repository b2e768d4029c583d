"""A far-away view's frames, painted from tiles of the scene kept between frames.

Seen from far away (the view's scale below LOD_TEXT, where notes show only their colour), a
large board is thousands of items too small to read. Qt paints them one by one on every frame,
and its path alone costs microseconds an item: tens of milliseconds a frame at 10 000 notes,
whatever each item draws. So a far view keeps what it painted in tiles of TILE pixels at its
scale, and paints a frame by copying tiles. It renders again only what it has not rendered at
this scale and the parts of tiles the scene reports changed (QGraphicsScene.changed: every
item's update, move, addition and removal), so a change shows in the next frame.

A frame renders for at most FRAME_BUDGET_MS. What a zoom or a pan uncovers beyond that is
drawn from an overview of the whole scene (the same tiles at a small scale, kept as true as the
others) and rendered exactly in the moments the window is idle. The items stay in the scene as
they are: the mouse, selection and every gesture reach them as before. A view in presentation
style (the audience display) renders its tiles as it paints its items: larger.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QRegion, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from cocreate.canvas.notes import tiles_for_presentation
from cocreate.canvas.paint import LOD_TEXT

TILE = 256
#: Tiles of the view's scale kept at most (256 × 256 × 4 bytes each: 24 MB); the least recently
#: painted go first.
MAX_TILES = 96
#: How long one frame may spend rendering tiles before it draws the rest from the overview.
FRAME_BUDGET_MS = 8.0
#: The overview's long side, in pixels at most (its scale is a power of two).
OVERVIEW_PIXELS = 1024
#: Rows of a tile rendered at a time in idle moments.
STRIP = 64
#: A change reporting more rectangles than this makes every tile stale instead.
MAX_RECTS = 2000

WHOLE = QRegion(0, 0, TILE, TILE)

Key = tuple[float, float, float]  # scale, and the sub-pixel shift of the tiles' grid
Spot = tuple[int, int]  # a tile's column and row


def remove_quietly(scene: QGraphicsScene, item: QGraphicsItem) -> None:
    """Take an item off the scene, repainting only where it was.

    Once anything listens to a scene's `changed` signal (a far view's tiles do), Qt repaints
    the whole scene for an item taken off it while shown, and nothing for one already hidden.
    So the item is hidden first, and Qt's pending updates (which report where it was) are
    carried out before it is taken off.
    """
    if item.scene() is scene and item.isVisible():
        item.hide()
        QCoreApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)
    QGraphicsScene.removeItem(scene, item)


class TileSet:
    """Tiles of a scene at one scale: tile pixel = scene point × scale + shift."""

    def __init__(self, key: Key, limit: int) -> None:
        self.key = key
        self.limit = limit
        self.tiles: OrderedDict[Spot, QImage] = OrderedDict()
        self.missing: dict[Spot, QRegion] = {}  # the parts of kept tiles not rendered as they are
        self.unrendered: dict[Spot, QRegion] = {}  # of those, the parts never rendered at all

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

    @staticmethod
    def spots(pixels: QRect) -> list[Spot]:
        """The tiles that cover a rectangle of tile pixels."""
        columns = range(math.floor(pixels.left() / TILE), math.floor(pixels.right() / TILE) + 1)
        rows = range(math.floor(pixels.top() / TILE), math.floor(pixels.bottom() / TILE) + 1)
        return [(column, row) for row in rows for column in columns]

    def complete(self, spot: Spot) -> bool:
        return spot in self.tiles and spot not in self.missing

    def tile(self, spot: Spot, dpi: tuple[int, int]) -> QImage:
        """The tile (kept, or new with nothing rendered yet)."""
        image = self.tiles.get(spot)
        if image is not None:
            self.tiles.move_to_end(spot)
            return image
        image = QImage(TILE, TILE, QImage.Format.Format_RGB32)  # opaque: copied, not blended
        image.setDotsPerMeterX(round(dpi[0] / 0.0254))
        image.setDotsPerMeterY(round(dpi[1] / 0.0254))
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
                part = pixels.translated(-spot[0] * TILE, -spot[1] * TILE) & QRect(0, 0, TILE, TILE)
                if not part.isEmpty():
                    self.missing[spot] = self.missing.get(spot, QRegion()) | QRegion(part)


class FarCache(QObject):
    """The tiles of one view at its scale, an overview of its whole scene, and what is left
    to render in the view's idle moments."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.exact: TileSet | None = None
        self.overview: TileSet | None = None
        #: Scene rectangles rendered since the view's tiles were made (what frames cost).
        self.rendered: list[QRectF] = []
        self._presenting = False  # whether the tiles are the view's in presentation style
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._refine)
        view.scene().changed.connect(self._changed)

    def applies(self) -> bool:
        """Whether the view paints from tiles: far away and unturned."""
        transform = self.view.viewportTransform()
        return (
            transform.type().value <= QTransform.TransformationType.TxScale.value
            and transform.m11() < LOD_TEXT
            and transform.m11() == transform.m22()
        )

    def clear(self) -> None:
        """Forget every tile (the looks of items changed in a way the scene does not report)."""
        self.exact = self.overview = None
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

    def paint(self, event: QPaintEvent) -> None:
        """Paint the exposed part of the viewport from tiles, rendering what is missing for at
        most FRAME_BUDGET_MS and drawing the rest from the overview."""
        scene = self.view.scene()
        for _round in range(2):  # Qt's pending item updates, then the changed() they queue
            QCoreApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)
        presenting = bool(self.view.property("presentation"))
        if presenting != self._presenting:  # items draw larger for a presentation
            self.clear()
            self._presenting = presenting
        exact, base = self._exact_tiles()
        overview = self._overview_tiles()
        painter = QPainter(self.view.viewport())
        exposed = event.rect().translated(-base[0], -base[1])
        waiting = QRegion()
        for spot in exact.spots(exposed):
            image = exact.tile(spot, self._dpi())
            stale = exact.missing.get(spot, QRegion()) - exact.unrendered.get(spot, QRegion())
            if not stale.isEmpty():  # changed since it was rendered: render it now
                self._render(exact, spot, stale.boundingRect())
            unrendered = exact.unrendered.get(spot)
            if unrendered is not None:
                area = exact.source(spot, unrendered.boundingRect())
                if self._overview_ready(overview, area):
                    waiting |= unrendered.translated(spot[0] * TILE, spot[1] * TILE)
                else:
                    self._render(exact, spot, unrendered.boundingRect())
            if exact.unrendered.get(spot) != WHOLE:
                painter.drawImage(
                    QPointF(spot[0] * TILE + base[0], spot[1] * TILE + base[1]), image
                )
        if not waiting.isEmpty():
            self._paint_overview(painter, overview, exact, waiting.translated(*base), base)
        painter.end()
        if (
            not waiting.isEmpty()
            or overview.missing
            or len(overview.tiles) < len(self._overview_spots())
        ):
            self._idle.start()

    def _paint_overview(
        self,
        painter: QPainter,
        overview: TileSet,
        exact: TileSet,
        clip: QRegion,
        base: tuple[int, int],
    ) -> None:
        """Draw the overview, scaled, over the clip (viewport pixels): the parts of the view
        not rendered at its scale yet."""
        ratio = exact.scale / overview.scale
        painter.save()
        painter.setClipRegion(clip)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # brief: fast
        painter.translate(
            base[0] + exact.key[1] - overview.key[1] * ratio,
            base[1] + exact.key[2] - overview.key[2] * ratio,
        )
        painter.scale(ratio, ratio)
        for spot in overview.tiles:
            painter.drawImage(QPointF(spot[0] * TILE, spot[1] * TILE), overview.tiles[spot])
        painter.restore()

    def _render(self, tiles: TileSet, spot: Spot, part: QRect) -> None:
        """Render the scene into part of a tile (tile pixels), as the view would paint it."""
        source = tiles.source(spot, part)
        painter = QPainter(tiles.tiles[spot])
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
        tiles.rendered(spot, part)
        if tiles is self.exact:
            self.rendered.append(source)

    # -- the tile sets ---------------------------------------------------------------------------

    def _dpi(self) -> tuple[int, int]:
        viewport = self.view.viewport()
        return viewport.logicalDpiX(), viewport.logicalDpiY()

    def _exact_tiles(self) -> tuple[TileSet, tuple[int, int]]:
        """The tiles of the view's scale and shift, and where tile pixel 0 is in the viewport."""
        transform = self.view.viewportTransform()
        left, top = math.floor(transform.dx()), math.floor(transform.dy())
        key = (transform.m11(), transform.dx() - left, transform.dy() - top)
        if self.exact is None or self.exact.key != key:
            self.exact = TileSet(key, MAX_TILES)
            self.rendered.clear()
        return self.exact, (left, top)

    def _overview_tiles(self) -> TileSet:
        rect = self.view.scene().sceneRect()
        longest = max(rect.width(), rect.height(), 1.0)
        scale = min(LOD_TEXT, 2.0 ** math.floor(math.log2(OVERVIEW_PIXELS / longest)))
        key = (scale, 0.0, 0.0)
        if self.overview is None or self.overview.key != key:
            self.overview = TileSet(key, 10**6)  # bounded by OVERVIEW_PIXELS: at most 25 tiles
        return self.overview

    def _overview_spots(self) -> list[Spot]:
        assert self.overview is not None
        return TileSet.spots(self.overview.pixels(self.view.scene().sceneRect()))

    def _overview_ready(self, overview: TileSet, area: QRectF) -> bool:
        """Whether the overview holds this scene area as it is (outside the scene: nothing)."""
        area = area & self.view.scene().sceneRect()
        if area.isEmpty():
            return True
        return all(overview.complete(spot) for spot in overview.spots(overview.pixels(area)))

    @staticmethod
    def _next_strip(tiles: TileSet, spot: Spot) -> QRect:
        """The next at most STRIP rows of a tile's missing part, so that an idle moment never
        holds the window for a whole tile."""
        missing = tiles.missing[spot].boundingRect()
        return QRect(missing.left(), missing.top(), missing.width(), min(STRIP, missing.height()))

    def _changed(self, rects: list[QRectF]) -> None:
        for tiles in (self.exact, self.overview):
            if tiles is not None and tiles.tiles and rects:
                tiles.changed(rects)

    # -- idle moments -----------------------------------------------------------------------------

    def _refine(self) -> None:
        """Render, for at most one frame's budget, the view's tiles in view that were drawn
        from the overview, then the overview's own; again later while any remain."""
        if not self.applies() or not self.view.isVisible():
            return
        exact, base = self._exact_tiles()
        overview = self._overview_tiles()
        deadline = time.perf_counter() + FRAME_BUDGET_MS / 1000
        in_view = self.view.viewport().rect().translated(-base[0], -base[1])
        todo = [(exact, spot) for spot in exact.spots(in_view) if not exact.complete(spot)]
        todo += [(overview, spot) for spot in self._overview_spots() if not overview.complete(spot)]
        for tiles, spot in todo:
            if time.perf_counter() >= deadline:
                break
            tiles.tile(spot, self._dpi())
            self._render(tiles, spot, self._next_strip(tiles, spot))
            if tiles is exact:
                self.view.viewport().update(
                    QRect(spot[0] * TILE + base[0], spot[1] * TILE + base[1], TILE, TILE)
                )
        if todo:
            self._idle.start()  # until a call finds nothing left to render
