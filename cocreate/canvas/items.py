"""The items of the journey canvas. Each draws itself from its row and the layout; none writes.

What a person does to an item (drag a stage edge, double-click a header) is reported to the
scene, which asks the document for the edit.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cocreate import colors
from cocreate.analysis import Nps
from cocreate.canvas.icons import EMOTION_COLORS, KIND_COLORS, STATUS_COLORS, paint_channel_icon
from cocreate.canvas.nps_badges import badge_rect, fill_brushes, nps_words, paint_badge
from cocreate.canvas.paint import (
    BRANDED,
    BREAKPOINT,
    CARD_TITLE_POINTS,
    FOUND,
    INK,
    LANE_LABEL,
    LINK,
    LOD_DETAILS,
    MUTED,
    RULE,
    SELECTED,
    Z_CARD,
    Z_DRAG,
    Z_HEADER,
    Z_LINK,
    cached_color,
    card_text_shown,
    font,
    paint_face,
    pill,
    star,
    translate,
    wrapped_lines,
)
from cocreate.canvas.sprites import draw_mark
from cocreate.geometry import link_curve
from cocreate.labels import label, plain_tip
from cocreate.layout import (
    CARD_HEIGHT,
    CARD_WIDTH,
    CELL_PADDING,
    Rect,
)
from cocreate.records import Row

HANDLE_RADIUS = 7.0
CARD_BOUNDS = QRectF(-2, -2, CARD_WIDTH + 4 + HANDLE_RADIUS, CARD_HEIGHT + 4)
FAR_STRIP = QRectF(0, 0, 10, CARD_HEIGHT)
FAR_EMOTION = QRectF(CARD_WIDTH - 44, 12, 32, 32)
FACE_RADIUS = 10.0
FACE_RECT = QRectF(CARD_WIDTH - 29, 6, 22, 22)  # the face around (CARD_WIDTH - 18, 17), its pen
CHANNEL_RECT = QRectF(14, 8, 18, 18)  # the channel's icon, top left
PILL_POINTS = 7.5  # the kind and status pills' text, bold
CHANNEL_POINTS = 8  # the channel's name beside its icon


@lru_cache(maxsize=256)
def _channel_text(name: str, width: float, gives_way: bool) -> str:
    """The channel's name as a card shows it in `width`: cut short with an ellipsis, or left
    out when it gives way to the NPS badge and does not fit. (Kept: every card asked its font's
    metrics anew.)"""
    metrics = QFontMetricsF(font(CHANNEL_POINTS))
    if gives_way and metrics.horizontalAdvance(name) > width:
        return ""
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)


@lru_cache(maxsize=1)
def _title_metrics() -> tuple[float, float]:
    """The card title font's ascent and line spacing."""
    metrics = QFontMetricsF(font(CARD_TITLE_POINTS, True))
    return metrics.ascent(), metrics.lineSpacing()


# Texts the canvas draws, translated when painted.
UNTITLED_TOUCHPOINT = QT_TRANSLATE_NOOP("Canvas", "Untitled touchpoint")
UNTITLED_STAGE = QT_TRANSLATE_NOOP("Canvas", "Untitled stage")
TOUCHPOINT_COUNT = QT_TRANSLATE_NOOP("Canvas", "Touchpoints: %n")


class CardItem(QGraphicsItem):
    """A touchpoint card: title, channel, kind, emotion, score, branded and breakpoint marks,
    status; with survey answers, their NPS badge left of the marks (and, while cards are
    coloured by NPS, a fill by its band). Movable and selectable; the scene commits a move
    when the mouse is released."""

    def __init__(self, row: Row) -> None:
        super().__init__()
        self.row: Row = row
        self.found = False
        self.vote_colors: list[str] = []
        self.nps: Nps | None = None  # of the card's survey answers; None without any
        self.nps_tinted = False  # the body filled by the NPS band (View > Colour Cards by NPS)
        self._hover = False
        self._tip_on_badge = False  # the tooltip says the NPS in words over the badge
        self._title_cache: tuple[str, list[str]] | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        )
        self.setAcceptHoverEvents(True)
        self.setZValue(Z_CARD)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._update_tooltip()

    @property
    def touchpoint_id(self) -> int:
        return self.row["id"]

    def set_row(self, row: Row) -> None:
        if row != self.row:
            self.row = row
            self._title_cache = None
            self._update_tooltip()
            self.update()

    def set_votes(self, colors: list[str]) -> None:
        if colors != self.vote_colors:
            self.vote_colors = colors
            self.update()

    def set_nps(self, nps: Nps | None, tinted: bool) -> None:
        """The NPS of the card's answers (None: no answer), and whether it tints the card."""
        if (nps, tinted) != (self.nps, self.nps_tinted):
            self.nps, self.nps_tinted = nps, tinted
            self._update_tooltip()
            self.update()

    def badge_rect(self) -> QRectF | None:
        """Where the NPS badge is: on the top row, left of the branded and breakpoint marks
        and the emotion face; None without answers."""
        if self.nps is None:
            return None
        marks = int(bool(self.row["branded"])) + int(bool(self.row["breakpoint"]))
        return badge_rect(self.nps, CARD_WIDTH - 32 - 20 * marks)

    def set_found(self, found: bool) -> None:
        if found != self.found:
            self.found = found
            self.update()

    def _update_tooltip(self) -> None:
        if self._tip_on_badge and self.nps is not None:
            self.setToolTip(plain_tip(nps_words(self.nps)))
            return
        parts = [self.row["title"]]
        if self.row["description"]:
            parts.append(self.row["description"])
        self.setToolTip(plain_tip("\n".join(parts)))

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return CARD_BOUNDS

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT), 8, 8)
        path.addEllipse(self.handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)
        return path

    def handle_center(self) -> QPointF:
        return QPointF(CARD_WIDTH, CARD_HEIGHT / 2)

    def on_handle(self, pos: QPointF) -> bool:
        return QLineF(pos, self.handle_center()).length() <= HANDLE_RADIUS + 2

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        on_handle = self.on_handle(event.pos())
        self.setCursor(Qt.CursorShape.CrossCursor if on_handle else Qt.CursorShape.OpenHandCursor)
        badge = self.badge_rect()
        on_badge = badge is not None and badge.contains(event.pos())
        if on_badge != self._tip_on_badge:
            self._tip_on_badge = on_badge
            self._update_tooltip()
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = False
        if self._tip_on_badge:
            self._tip_on_badge = False
            self._update_tooltip()
        self.update()
        super().hoverLeaveEvent(event)

    def _paint_far(self, painter: QPainter, body: QRectF, selected: bool) -> None:
        """A card seen from far away (a large board fit to the screen): its shape, kind and
        emotion as plain shapes, without antialiasing; text that small cannot be read."""
        row = self.row
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if selected:
            painter.setPen(QPen(SELECTED, 6))
        elif row["breakpoint"]:
            painter.setPen(QPen(BREAKPOINT, 4))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(cached_color("#fff3c4") if self.found else cached_color("#ffffff"))
        painter.drawRect(body)
        painter.setPen(Qt.PenStyle.NoPen)
        for brush in fill_brushes(self.nps) if self.nps_tinted else []:
            painter.setBrush(brush)
            painter.drawRect(body)
        painter.setBrush(cached_color(KIND_COLORS.get(row["kind"], colors.FAINT)))
        painter.drawRect(FAR_STRIP)
        painter.setBrush(cached_color(EMOTION_COLORS.get(row["emotion"], EMOTION_COLORS[0])))
        painter.drawRect(FAR_EMOTION)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def title_lines(self, width: float, max_lines: int) -> list[str]:
        text = self.row["title"] or translate(UNTITLED_TOUCHPOINT)  # in today's language
        key = f"{width}:{max_lines}:{text}"
        if self._title_cache is None or self._title_cache[0] != key:
            title_font = font(CARD_TITLE_POINTS, True)
            self._title_cache = (key, wrapped_lines(text, title_font, width, max_lines))
        return self._title_cache[1]

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        row = self.row
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        body = QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT)
        selected = self.isSelected()
        if not card_text_shown(lod, painter.device().logicalDpiY()):
            self._paint_far(painter, body, selected)
            return
        if selected:
            pen = QPen(SELECTED, 3)
        elif row["breakpoint"]:
            pen = QPen(BREAKPOINT, 2, Qt.PenStyle.DashLine)
        else:
            pen = QPen(RULE, 1)
        tints = fill_brushes(self.nps) if self.nps_tinted else []
        painter.setPen(Qt.PenStyle.NoPen)
        for brush in tints or [QColor("#fff8e1") if self.found else QColor("#ffffff")]:
            painter.setBrush(brush)
            painter.drawRoundedRect(body, 8, 8)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(body, 8, 8)
        if self.found:
            painter.setPen(QPen(FOUND, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(body.adjusted(-4, -4, 4, 4), 10, 10)
        # Kind strip along the left edge.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_COLORS.get(row["kind"], colors.FAINT)))
        painter.drawRoundedRect(QRectF(0, 0, 7, CARD_HEIGHT), 4, 4)

        emotion = row["emotion"]
        draw_mark(
            painter, FACE_RECT, ("face", emotion),
            lambda face: paint_face(face, FACE_RECT.center(), FACE_RADIUS, emotion),
        )  # fmt: skip
        channel_name = row["channel"]
        draw_mark(
            painter, CHANNEL_RECT, ("channel", channel_name),
            lambda icon: paint_channel_icon(icon, channel_name, CHANNEL_RECT),
        )  # fmt: skip
        badge = self.badge_rect()
        channel_width = CARD_WIDTH - 90
        painter.setPen(MUTED)
        painter.setFont(font(CHANNEL_POINTS))
        if badge is not None:  # the channel's name gives way to the badge; its icon stays
            channel_width = badge.left() - 40
        channel = _channel_text(label("channel", row["channel"]), channel_width, badge is not None)
        painter.drawText(QRectF(36, 8, channel_width, 18), Qt.AlignmentFlag.AlignVCenter, channel)
        if badge is not None and self.nps is not None:
            paint_badge(painter, badge, self.nps)
        marks_x = CARD_WIDTH - 36
        if row["branded"]:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BRANDED)
            painter.drawPolygon(star(QPointF(marks_x - 4, 17), 8))
            marks_x -= 20
        if row["breakpoint"]:
            triangle = QPolygonF(
                [QPointF(marks_x - 4, 9), QPointF(marks_x + 4, 25), QPointF(marks_x - 12, 25)]
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BREAKPOINT)
            painter.drawPolygon(triangle)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(font(7, True))
            painter.drawText(QRectF(marks_x - 12, 12, 16, 13), Qt.AlignmentFlag.AlignCenter, "!")

        ascent, line_height = _title_metrics()
        painter.setPen(INK)
        painter.setFont(font(CARD_TITLE_POINTS, True))
        max_lines = 3 if lod >= LOD_DETAILS else 4
        for index, line in enumerate(self.title_lines(CARD_WIDTH - 26, max_lines)):
            painter.drawText(QPointF(14, 32 + ascent + index * line_height), line)

        if lod >= LOD_DETAILS:
            y = CARD_HEIGHT - 24
            x = 14.0
            x += (
                pill(
                    painter,
                    x,
                    y,
                    label("kind_short", row["kind"]),
                    KIND_COLORS.get(row["kind"], colors.FAINT),
                    PILL_POINTS,
                )
                + 5
            )
            x += (
                pill(
                    painter,
                    x,
                    y,
                    label("status", row["status"]),
                    STATUS_COLORS.get(row["status"], colors.FAINT),
                    PILL_POINTS,
                )
                + 5
            )
            if row["score"] is not None:
                painter.setPen(INK)
                painter.setFont(font(8, True))
                painter.drawText(
                    QRectF(x, y, CARD_WIDTH - x - 8, 18),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    f"{row['score']}/10",
                )

        for index, color in enumerate(self.vote_colors[:14]):
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(QColor(color))
            painter.drawEllipse(QPointF(14 + index * 13, -1), 6, 6)

        if self._hover or selected:
            painter.setPen(QPen(QColor("#ffffff"), 2))
            painter.setBrush(LINK)
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS - 1, HANDLE_RADIUS - 1)


def _rect(rect: QRectF) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


class LinkItem(QGraphicsPathItem):
    """An arrow from one card to another; it follows the cards."""

    def __init__(self, row: Row) -> None:
        super().__init__()
        self.row = row
        self.setZValue(Z_LINK)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self._head = QPolygonF()
        self._ends: tuple[QRectF, QRectF] | None = None

    @property
    def link_id(self) -> int:
        return self.row["id"]

    def route(self, source: QRectF, target: QRectF) -> None:
        if (source, target) == self._ends:
            return  # nothing moved: keep the path
        self._ends = (QRectF(source), QRectF(target))
        start, first, second, end = (
            QPointF(*point) for point in link_curve(_rect(source), _rect(target))
        )
        path = QPainterPath(start)
        path.cubicTo(first, second, end)
        self.prepareGeometryChange()
        self.setPath(path)
        angle = path.angleAtPercent(1.0)
        radians = math.radians(angle)
        back = QPointF(-math.cos(radians), math.sin(radians)) * 12
        side = QPointF(-math.sin(radians), -math.cos(radians)) * 5
        self._head = QPolygonF([end, end + back + side, end + back - side])

    def boundingRect(self) -> QRectF:  # noqa: N802
        return super().boundingRect().united(self._head.boundingRect()).adjusted(-6, -6, 6, 6)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(self.path())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        color = SELECTED if self.isSelected() else LINK
        painter.setPen(QPen(color, 3.5 if self.isSelected() else 2.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(self._head)


class StageHeaderItem(QGraphicsItem):
    """A stage's header: its name on its colour. The scene's gestures drag it to reorder the
    stages and drag its right edge to resize its stage; a double-click renames it."""

    EDGE = 8.0

    def __init__(self, row: Row, rect: Rect, count: int) -> None:
        super().__init__()
        self.row = row
        self.rect = QRectF(0, 0, rect.width, rect.height)
        self.count = count
        self.setZValue(Z_HEADER)
        self.setAcceptHoverEvents(True)
        self.resizing = False
        self.setPos(rect.x, rect.y)

    @property
    def stage_id(self) -> int:
        return self.row["id"]

    def set_state(self, row: Row, rect: Rect, count: int) -> None:
        if (row, rect.width, count) != (self.row, self.rect.width(), self.count):
            self.prepareGeometryChange()
            self.row, self.count = row, count
            self.rect = QRectF(0, 0, rect.width, rect.height)
            self.update()
        self.setPos(rect.x, rect.y)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        body = self.rect.adjusted(3, 6, -3, -6)
        painter.setPen(QPen(QColor(self.row["color"]).darker(125), 1))
        painter.setBrush(QColor(self.row["color"]))
        painter.drawRoundedRect(body, 8, 8)
        painter.setPen(INK)
        painter.setFont(font(14, True))
        metrics = QFontMetricsF(font(14, True))
        name = metrics.elidedText(
            self.row["name"] or translate(UNTITLED_STAGE),
            Qt.TextElideMode.ElideRight,
            body.width() - 20,
        )
        painter.drawText(body.adjusted(10, 2, -10, -16), Qt.AlignmentFlag.AlignCenter, name)
        painter.setPen(MUTED)
        painter.setFont(font(8))
        count = translate(TOUCHPOINT_COUNT).replace("%n", str(self.count))
        painter.drawText(
            body.adjusted(10, 0, -10, -4),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            count,
        )
        if self.resizing:
            painter.setPen(QPen(SELECTED, 2))
            painter.drawLine(self.rect.topRight(), self.rect.bottomRight())

    def on_edge(self, x: float) -> bool:
        """Whether x (in the header's coordinates) is on its right edge, the resize grip."""
        return x >= self.rect.width() - self.EDGE

    def set_resizing(self, on: bool) -> None:
        """Mark the right edge while a resize is under way."""
        if on != self.resizing:
            self.resizing = on
            self.update()

    def set_width(self, width: float) -> None:
        """Show the header this wide (live, during a resize)."""
        if width != self.rect.width():
            self.prepareGeometryChange()
            self.rect.setWidth(width)
            self.update()

    def set_lifted(self, on: bool) -> None:
        """Float the header above the others while it is dragged to a new place."""
        self.setZValue(Z_DRAG if on else Z_HEADER)
        self.setOpacity(0.85 if on else 1.0)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self.setCursor(
            Qt.CursorShape.SizeHorCursor
            if self.on_edge(event.pos().x())
            else Qt.CursorShape.OpenHandCursor
        )


class LaneLabelItem(QGraphicsItem):
    """A lane's name in the left column. Double-click to rename; the context menu does more."""

    def __init__(self, row: Row, rect: Rect, hint: str) -> None:
        super().__init__()
        self.row = row
        self.rect = QRectF(0, 0, rect.width, rect.height)
        self.hint = hint
        self.setZValue(Z_HEADER)
        self.setPos(rect.x, rect.y)
        self.setToolTip(hint)

    @property
    def lane_id(self) -> int:
        return self.row["id"]

    def set_state(self, row: Row, rect: Rect, hint: str) -> None:
        if (row, rect.height, hint) != (self.row, self.rect.height(), self.hint):
            self.prepareGeometryChange()
            self.row, self.hint = row, hint
            self.rect = QRectF(0, 0, rect.width, rect.height)
            self.setToolTip(hint)
            self.update()
        self.setPos(rect.x, rect.y)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LANE_LABEL)
        painter.drawRect(self.rect.adjusted(0, 0, -4, 0))
        name = self.row["name"] or label("lane", self.row["kind"])
        painter.setPen(INK)
        title_font = font(11, True)
        painter.setFont(title_font)
        inner = self.rect.adjusted(14, CELL_PADDING, -14, -CELL_PADDING)
        lines = wrapped_lines(name, title_font, inner.width(), 3)
        line_height = QFontMetricsF(title_font).lineSpacing()
        for index, line in enumerate(lines):
            painter.drawText(
                QPointF(
                    inner.left(),
                    inner.top() + QFontMetricsF(title_font).ascent() + index * line_height,
                ),
                line,
            )


class LinkDraftItem(QGraphicsPathItem):
    """The arrow that follows the mouse while a link is being drawn."""

    def __init__(self, start: QPointF) -> None:
        super().__init__()
        self.start = start
        self.setZValue(Z_DRAG)
        self.setPen(QPen(LINK, 2.5, Qt.PenStyle.DashLine))

    def follow(self, end: QPointF) -> None:
        path = QPainterPath(self.start)
        path.lineTo(end)
        self.setPath(path)
