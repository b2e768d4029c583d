"""Sticky notes and cluster frames on the journey canvas.

A note draws its author's colour (or its category's), its text, its author and its vote dots;
a private note shows only its back, and so does a note being typed while private mode is on.
A cluster frame surrounds its notes and moves them. Like every item, they report what a person
did to the scene and never write to the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cocreate.canvas.paint import INK, LOD_TEXT, SELECTED, cached_color, font, wrapped_lines
from cocreate.colors import NO_AUTHOR_COLOR, note_color
from cocreate.geometry import NOTE_GAP as NOTE_GAP  # the benchmark lays notes out with it
from cocreate.geometry import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.labels import label, plain_tip
from cocreate.records import Row

CLUSTER_PADDING = 18.0
CLUSTER_TITLE_HEIGHT = 34.0
Z_CLUSTER, Z_NOTE = 2.5, 5

UNTITLED_CLUSTER = QT_TRANSLATE_NOOP("Canvas", "Untitled cluster")
NO_AUTHOR = QT_TRANSLATE_NOOP("Canvas", "No author")


def translate(text: str) -> str:
    return QCoreApplication.translate("Canvas", text)


class _Tiles:
    """Whether the tiles being rendered (with no widget) are for a view in presentation style."""

    presenting = False


@contextmanager
def tiles_for_presentation(on: bool) -> Iterator[None]:
    """Render the scene, while in this block, as a view in presentation style paints it."""
    before, _Tiles.presenting = _Tiles.presenting, on
    try:
        yield
    finally:
        _Tiles.presenting = before


def presenting(widget: QWidget | None) -> bool:
    """True when the item is painted for a view in presentation style (larger, high contrast)."""
    if widget is None:
        return _Tiles.presenting  # an image (never) or a far view's tiles (as its view)
    view = widget.parentWidget()
    return bool(view is not None and view.property("presentation"))


MOVABLE = QGraphicsItem.GraphicsItemFlag.ItemIsMovable
_NOTE_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | MOVABLE


@lru_cache(maxsize=1)
def _hand() -> QCursor:
    return QCursor(Qt.CursorShape.OpenHandCursor)


@lru_cache(maxsize=256)
def _brush(name: str, face_down: bool) -> QBrush:
    """The brush a note of this colour fills with from far away (shared: never changed)."""
    color = QColor(name)
    return QBrush(color.darker(130) if face_down else color)


def far_brush(row: Row, author: Row | None, by_category: bool, face_down: bool) -> QBrush:
    """The brush a note with this row and author fills with from far away."""
    return _brush(note_color(row, author["color"] if author else None, by_category), face_down)


def _looks(author: Row | None) -> tuple[str, str] | None:
    """What a note shows of its author: the name in its footer, the colour of its face."""
    return (author["name"], author["color"]) if author is not None else None


class NoteItem(QGraphicsItem):
    """A sticky note. Movable and selectable; double-click edits its text.

    A board holds thousands of notes, so making one is kept cheap: flags, cursor, colours and
    brushes are shared."""

    def __init__(
        self,
        row: Row,
        author: Row | None = None,
        by_category: bool = False,
        vote_colors: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.row = row
        self.author = author
        self.by_category = by_category
        self.vote_colors: list[str] = vote_colors if vote_colors is not None else []
        self._lines_cache: tuple[str, list[str]] | None = None
        self._typed_in_private = False
        self._pick_color()
        self._far_brush = _brush(self._color_name, self.face_down())  # not shown yet: no update
        self.setFlags(_NOTE_FLAGS)
        self.setZValue(Z_NOTE)
        self.setCursor(_hand())

    @property
    def note_id(self) -> int:
        return self.row["id"]

    def set_state(
        self, row: Row, author: Row | None, by_category: bool, vote_colors: list[str]
    ) -> None:
        looks = (row, _looks(author), by_category, vote_colors)
        if looks != (self.row, _looks(self.author), self.by_category, self.vote_colors):
            self.row, self.by_category, self.vote_colors = row, by_category, vote_colors
            self.author = author
            self._pick_color()
            self._show_side()
        else:
            self.author = author  # the same name and colour: nothing to draw again

    def set_typed_in_private(self, on: bool) -> None:
        """Someone types this note's text while private mode is on: every view of the scene
        (the audience display too) shows its back until the typing ends."""
        if on != self._typed_in_private:
            self._typed_in_private = on
            self._show_side()

    def face_down(self) -> bool:
        """Whether the note shows only its back: private, or being typed in private mode."""
        return bool(self.row["hidden"]) or self._typed_in_private

    def _show_side(self) -> None:
        self._far_brush = _brush(self._color_name, self.face_down())
        self.update()

    def toolTip(self) -> str:  # noqa: N802
        """Its text as a tip, made when the view asks (JourneyView shows the tips of items); a
        note face down has none."""
        return "" if self.face_down() else plain_tip(self.row["text"])

    def color(self) -> QColor:
        return self._color

    def _pick_color(self) -> None:
        author_color = self.author["color"] if self.author else None
        self._color_name = note_color(self.row, author_color, self.by_category)
        self._color = cached_color(self._color_name)

    BOUNDS = QRectF(-3, -3, NOTE_WIDTH + 9, NOTE_HEIGHT + 9)
    BODY = QRectF(0, 0, NOTE_WIDTH, NOTE_HEIGHT)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.BOUNDS

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, NOTE_WIDTH, NOTE_HEIGHT))
        return path

    def text_lines(self, text_font, width: float, max_lines: int) -> list[str]:
        key = f"{text_font.pointSizeF()}:{text_font.bold()}:{width}:{max_lines}:{self.row['text']}"
        if self._lines_cache is None or self._lines_cache[0] != key:
            lines = []
            for paragraph in self.row["text"].split("\n"):
                lines += wrapped_lines(paragraph, text_font, width, max_lines) or [""]
            if len(lines) > max_lines:
                lines = lines[: max_lines - 1] + [lines[max_lines - 1].rstrip("…") + "…"]
            self._lines_cache = (key, lines)
        return self._lines_cache[1]

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        body = self.BODY
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LOD_TEXT:
            # Seen from far away (a large board fit to the screen): the colour only, in one
            # call; text that small cannot be read.
            painter.fillRect(body, self._far_brush)
            if self.isSelected():
                self._paint_selection(painter, body)
            return
        big = presenting(widget)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 40))
        painter.drawRect(body.translated(4, 5))
        if self.face_down():
            self._paint_back(painter, body)
        else:
            painter.setBrush(self.color())
            painter.setPen(QPen(self.color().darker(130), 1))
            painter.drawRect(body)
            self._paint_text(painter, body, big)
        if self.row["stage_id"] is not None or self.row["touchpoint_id"] is not None:
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(QColor("#c62828"))
            painter.drawEllipse(QPointF(NOTE_WIDTH / 2, 0), 6, 6)
        for index, color in enumerate(self.vote_colors[:12]):
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(QColor(color))
            painter.drawEllipse(QPointF(NOTE_WIDTH - 12 - index * 13, NOTE_HEIGHT - 12), 6, 6)
        if self.isSelected():
            painter.setPen(QPen(SELECTED, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(body.adjusted(-2, -2, 2, 2))

    def _paint_selection(self, painter: QPainter, body: QRectF) -> None:
        painter.setPen(QPen(SELECTED, 8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(body)

    def _paint_back(self, painter: QPainter, body: QRectF) -> None:
        color = QColor(self.author["color"] if self.author else NO_AUTHOR_COLOR)
        painter.setBrush(color.darker(115))
        painter.setPen(QPen(color.darker(150), 1))
        painter.drawRect(body)
        painter.setPen(QPen(color.darker(135), 6))
        for offset in range(-int(NOTE_HEIGHT), int(NOTE_WIDTH), 22):
            painter.drawLine(
                QPointF(max(0, offset), max(0, -offset)),
                QPointF(
                    min(NOTE_WIDTH, offset + NOTE_HEIGHT), min(NOTE_HEIGHT, NOTE_WIDTH - offset)
                ),
            )
        painter.setPen(QPen(color.darker(135), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(body)

    def _paint_text(self, painter: QPainter, body: QRectF, big: bool) -> None:
        text_font = font(17 if big else 11.5, big)
        footer_font = font(9 if big else 7.5, True)
        metrics = QFontMetricsF(text_font)
        footer = QFontMetricsF(footer_font).height() + 8
        inner = body.adjusted(10, 10, -10, -footer)
        max_lines = max(1, int(inner.height() // metrics.lineSpacing()))
        painter.setPen(QColor("#000000") if big else INK)
        painter.setFont(text_font)
        for index, line in enumerate(self.text_lines(text_font, inner.width(), max_lines)):
            painter.drawText(
                QPointF(
                    inner.left(), inner.top() + metrics.ascent() + index * metrics.lineSpacing()
                ),
                line,
            )
        painter.setFont(footer_font)
        painter.setPen(QColor(0, 0, 0, 200) if big else QColor(0, 0, 0, 150))
        author = self.author["name"] if self.author else translate(NO_AUTHOR)
        parts = [author]
        if self.row["category"]:
            parts.append(label("category", self.row["category"]))
        footer_rect = QRectF(
            10,
            NOTE_HEIGHT - footer,
            NOTE_WIDTH - 20 - 13 * min(len(self.vote_colors), 12),
            footer - 4,
        )
        text = QFontMetricsF(footer_font).elidedText(
            " · ".join(parts), Qt.TextElideMode.ElideRight, footer_rect.width()
        )
        painter.drawText(
            footer_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
        )


class ClusterItem(QGraphicsItem):
    """The frame of an affinity cluster around its notes; the scene's gestures drag the frame
    with its notes, and a double-click on its title renames it."""

    def __init__(self, row: Row) -> None:
        super().__init__()
        self.row = row
        self.frame = QRectF()
        self.setZValue(Z_CLUSTER)
        self.setCursor(Qt.CursorShape.SizeAllCursor)

    @property
    def cluster_id(self) -> int:
        return self.row["id"]

    def set_state(self, row: Row, notes_rect: QRectF) -> None:
        frame = notes_rect.adjusted(
            -CLUSTER_PADDING,
            -CLUSTER_PADDING - CLUSTER_TITLE_HEIGHT,
            CLUSTER_PADDING,
            CLUSTER_PADDING,
        )
        if (row, frame) != (self.row, self.frame):
            self.prepareGeometryChange()
            self.row, self.frame = row, frame
            self.update()

    def show_frame(self, frame: QRectF) -> None:
        """Draw the frame at `frame` (live, while it is dragged)."""
        if frame != self.frame:
            self.prepareGeometryChange()
            self.frame = frame
            self.update()

    def title_rect(self) -> QRectF:
        return QRectF(self.frame.left(), self.frame.top(), self.frame.width(), CLUSTER_TITLE_HEIGHT)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.frame.adjusted(-2, -2, 2, 2)

    def shape(self) -> QPainterPath:
        # Only the title bar and the border grab the mouse: clicks inside reach the notes.
        path = QPainterPath()
        path.addRect(self.title_rect())
        outer, inner = QPainterPath(), QPainterPath()
        outer.addRect(self.frame)
        inner.addRect(self.frame.adjusted(8, CLUSTER_TITLE_HEIGHT, -8, -8))
        return path.united(outer.subtracted(inner))

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        big = presenting(widget)
        painter.setPen(QPen(QColor("#546e7a"), 2, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(236, 239, 241, 150))
        painter.drawRoundedRect(self.frame, 12, 12)
        title_font = font(16 if big else 12, True)
        painter.setFont(title_font)
        painter.setPen(QColor("#000000") if big else INK)
        title = self.row["title"] or translate(UNTITLED_CLUSTER)
        rect = self.title_rect().adjusted(14, 4, -14, 0)
        text = QFontMetricsF(title_font).elidedText(
            title, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


BOARD_LABEL = QT_TRANSLATE_NOOP("Canvas", "Board: double-click or press N to add a note")
BOARD_FILL, BOARD_EDGE = QColor("#f7f9fa"), QColor("#cfd8dc")


@lru_cache(maxsize=8)
def _hint_size(text: str) -> QSizeF:
    """The size of the board's hint line (one a language)."""
    return QFontMetricsF(font(11, True)).boundingRect(text).size()


class BoardItem(QGraphicsItem):
    """The free area below the lanes where notes go by default; double-click adds a note.

    Its hint line (how to add a note) is help for the screen, not content: images of the
    canvas leave it out (set_screen_help). Free notes and cluster titles keep below it (the
    layout's FREE_NOTE_TOP).
    """

    MIN_HEIGHT = 560.0
    HINT_INSET = QPointF(20, 12)
    RADIUS = 16.0
    EDGE = RADIUS + 2  # how far in from the area the rounded corners and the dashes reach

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(0)
        self.area = QRectF()
        self.notes_rect = QRectF()  # the free notes the area was last made to hold
        self.screen_help = True

    def set_area(self, layout, notes_rect: QRectF) -> None:
        self.notes_rect = QRectF(notes_rect)
        top = layout.board_top
        area = QRectF(0, top, max(layout.width, 1200.0), self.MIN_HEIGHT)
        if not notes_rect.isEmpty():
            area = area.united(notes_rect.adjusted(-40, -40, 80, 120))
        area.setTop(top)
        if area != self.area:
            self.prepareGeometryChange()
            self.area = area
            self.update()

    def set_screen_help(self, on: bool) -> None:
        """Show the hint (on screen) or leave it out (for an image of the canvas)."""
        if on != self.screen_help:
            self.screen_help = on
            self.update()

    def hint_text(self) -> str:
        return translate(BOARD_LABEL)

    def hint_rect(self) -> QRectF:
        """Where the hint line is drawn, in scene coordinates."""
        return QRectF(self.area.topLeft() + self.HINT_INSET, _hint_size(self.hint_text()))

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.area

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # The view renders the board a tile at a time, each clipped to its tile: a tile inside
        # the board, away from its rounded, dashed edge and its hint, is only the fill (with
        # the whole edge's dashes and the hint laid out, a tile took 100-159 us; 22-32 us now).
        shown = painter.clipBoundingRect() if painter.hasClipping() else self.area
        inner = self.area.adjusted(self.EDGE, self.EDGE, -self.EDGE, -self.EDGE)
        if inner.contains(shown):
            painter.fillRect(shown, BOARD_FILL)
        else:
            painter.setPen(QPen(BOARD_EDGE, 2, Qt.PenStyle.DashLine))
            painter.setBrush(BOARD_FILL)
            painter.drawRoundedRect(self.area, self.RADIUS, self.RADIUS)
        hint = self.hint_rect()
        if not self.screen_help or not hint.intersects(shown):
            return
        painter.setPen(QColor("#78909c"))
        painter.setFont(font(11, True))
        painter.drawText(
            hint,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextDontClip,
            self.hint_text(),
        )
