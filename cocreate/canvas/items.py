"""The items of the journey canvas. Each draws itself from its row and the layout; none writes.

What a person does to an item (drag a stage edge, double-click a header) is reported to the
scene, which asks the document for the edit.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cocreate import colors
from cocreate.analysis import StageEmotion
from cocreate.canvas.icons import EMOTION_COLORS, KIND_COLORS, STATUS_COLORS, paint_channel_icon
from cocreate.geometry import emotion_y, link_curve
from cocreate.labels import label, plain_tip
from cocreate.layout import (
    CARD_HEIGHT,
    CARD_WIDTH,
    CELL_PADDING,
    HEADER_HEIGHT,
    LANE_LABEL_WIDTH,
    JourneyLayout,
    Rect,
)

Row = dict[str, Any]

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

HANDLE_RADIUS = 7.0
CARD_BOUNDS = QRectF(-2, -2, CARD_WIDTH + 4 + HANDLE_RADIUS, CARD_HEIGHT + 4)
FAR_STRIP = QRectF(0, 0, 10, CARD_HEIGHT)
FAR_EMOTION = QRectF(CARD_WIDTH - 44, 12, 32, 32)

# Texts the canvas draws, translated when painted.
UNTITLED_TOUCHPOINT = QT_TRANSLATE_NOOP("Canvas", "Untitled touchpoint")
UNTITLED_STAGE = QT_TRANSLATE_NOOP("Canvas", "Untitled stage")
TOUCHPOINT_COUNT = QT_TRANSLATE_NOOP("Canvas", "Touchpoints: %n")
EMOTION_CURVE = QT_TRANSLATE_NOOP("Canvas", "Emotion curve")
LOWEST_POINT = QT_TRANSLATE_NOOP("Canvas", "Lowest point")
PERSONA = QT_TRANSLATE_NOOP("Canvas", "Persona")


def translate(text: str) -> str:
    return QCoreApplication.translate("Canvas", text)


@lru_cache(maxsize=64)
def _color(name: str) -> QColor:
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
    painter.setPen(QPen(QColor("#ffffff"), 1.2))
    painter.setBrush(QColor(EMOTION_COLORS.get(emotion, EMOTION_COLORS[0])))
    painter.drawEllipse(center, radius, radius)
    painter.setBrush(QColor("#ffffff"))
    painter.setPen(Qt.PenStyle.NoPen)
    eye = radius * 0.16
    painter.drawEllipse(center + QPointF(-radius * 0.35, -radius * 0.25), eye, eye)
    painter.drawEllipse(center + QPointF(radius * 0.35, -radius * 0.25), eye, eye)
    mouth = QPainterPath()
    y = center.y() + radius * 0.35
    mouth.moveTo(center.x() - radius * 0.45, y)
    mouth.quadTo(center.x(), y + emotion * radius * 0.22, center.x() + radius * 0.45, y)
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


def _star(center: QPointF, outer: float) -> QPolygonF:
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else outer * 0.45
        angle = -math.pi / 2 + index * math.pi / 5
        points.append(center + QPointF(radius * math.cos(angle), radius * math.sin(angle)))
    return QPolygonF(points)


def _pill(painter: QPainter, x: float, y: float, text: str, color: str, text_font: QFont) -> float:
    """A rounded badge with text; returns its width."""
    metrics = QFontMetricsF(text_font)
    width = metrics.horizontalAdvance(text) + 12
    rect = QRectF(x, y, width, 18)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(rect, 9, 9)
    painter.setPen(QColor("#ffffff"))
    painter.setFont(text_font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return width


class CardItem(QGraphicsItem):
    """A touchpoint card: title, channel, kind, emotion, score, branded and breakpoint marks,
    status. Movable and selectable; the scene commits a move when the mouse is released."""

    def __init__(self, row: Row) -> None:
        super().__init__()
        self.row: Row = row
        self.found = False
        self.vote_colors: list[str] = []
        self._hover = False
        self._title_cache: tuple[str, list[str]] | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
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

    def set_found(self, found: bool) -> None:
        if found != self.found:
            self.found = found
            self.update()

    def _update_tooltip(self) -> None:
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

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            scene = self.scene()
            if scene is not None:
                scene.card_moved(self)
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        on_handle = self.on_handle(event.pos())
        self.setCursor(Qt.CursorShape.CrossCursor if on_handle else Qt.CursorShape.OpenHandCursor)
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._hover = False
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
        painter.setBrush(_color("#fff3c4") if self.found else _color("#ffffff"))
        painter.drawRect(body)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_color(KIND_COLORS.get(row["kind"], colors.FAINT)))
        painter.drawRect(FAR_STRIP)
        painter.setBrush(_color(EMOTION_COLORS.get(row["emotion"], EMOTION_COLORS[0])))
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
        painter.setPen(pen)
        painter.setBrush(QColor("#fff8e1") if self.found else QColor("#ffffff"))
        painter.drawRoundedRect(body, 8, 8)
        if self.found:
            painter.setPen(QPen(FOUND, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(body.adjusted(-4, -4, 4, 4), 10, 10)
        # Kind strip along the left edge.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_COLORS.get(row["kind"], colors.FAINT)))
        painter.drawRoundedRect(QRectF(0, 0, 7, CARD_HEIGHT), 4, 4)

        paint_face(painter, QPointF(CARD_WIDTH - 18, 17), 10, row["emotion"])
        paint_channel_icon(painter, row["channel"], QRectF(14, 8, 18, 18))
        painter.setPen(MUTED)
        painter.setFont(font(8))
        metrics = QFontMetricsF(font(8))
        channel = metrics.elidedText(
            label("channel", row["channel"]), Qt.TextElideMode.ElideRight, CARD_WIDTH - 90
        )
        painter.drawText(QRectF(36, 8, CARD_WIDTH - 90, 18), Qt.AlignmentFlag.AlignVCenter, channel)
        marks_x = CARD_WIDTH - 36
        if row["branded"]:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BRANDED)
            painter.drawPolygon(_star(QPointF(marks_x - 4, 17), 8))
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

        title_font = font(CARD_TITLE_POINTS, True)
        line_height = QFontMetricsF(title_font).lineSpacing()
        painter.setPen(INK)
        painter.setFont(title_font)
        max_lines = 3 if lod >= LOD_DETAILS else 4
        for index, line in enumerate(self.title_lines(CARD_WIDTH - 26, max_lines)):
            painter.drawText(
                QPointF(14, 32 + QFontMetricsF(title_font).ascent() + index * line_height), line
            )

        if lod >= LOD_DETAILS:
            small = font(7.5, True)
            y = CARD_HEIGHT - 24
            x = 14.0
            x += (
                _pill(
                    painter,
                    x,
                    y,
                    label("kind_short", row["kind"]),
                    KIND_COLORS.get(row["kind"], colors.FAINT),
                    small,
                )
                + 5
            )
            x += (
                _pill(
                    painter,
                    x,
                    y,
                    label("status", row["status"]),
                    STATUS_COLORS.get(row["status"], colors.FAINT),
                    small,
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


@lru_cache(maxsize=64)
def _tint(name: str) -> QColor:
    """A stage colour blended 30 % onto white, as a solid colour (cheaper than alpha)."""
    return QColor(*(round(channel * 255) for channel in colors.tint(name, 0.3)))


class GridItem(QGraphicsItem):
    """Cells tinted with their stage's colour, lane rules, and the blueprint's three lines."""

    LINE_NAMES = {
        "interaction": QT_TRANSLATE_NOOP("Canvas", "Line of interaction"),
        "visibility": QT_TRANSLATE_NOOP("Canvas", "Line of visibility"),
        "internal_interaction": QT_TRANSLATE_NOOP("Canvas", "Line of internal interaction"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_GRID)
        self.layout = JourneyLayout()
        self.colors: dict[int, str] = {}
        self.drop_cell: tuple[int, int] | None = None
        self.stage_drop_x: float | None = None

    def set_layout(self, layout: JourneyLayout, colors: dict[int, str]) -> None:
        self.prepareGeometryChange()
        self.layout, self.colors = layout, colors
        self.update()

    def set_drop_cell(self, key: tuple[int, int] | None) -> None:
        if key != self.drop_cell:
            self.drop_cell = key
            self.update()

    def set_stage_drop(self, x: float | None) -> None:
        if x != self.stage_drop_x:
            self.stage_drop_x = x
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(0, 0, self.layout.width + 2, self.layout.curve.y + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        layout = self.layout
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for (stage_id, _lane_id), cell in layout.cells.items():
            painter.setBrush(_tint(self.colors.get(stage_id, "#eeeeee")))
            painter.drawRect(QRectF(cell.x, cell.y, cell.width, cell.height))
        painter.setPen(QPen(RULE, 1))
        for lane in layout.lanes.values():
            painter.drawLine(QLineF(0, lane.bottom, layout.width, lane.bottom))
        for column in layout.columns.values():
            painter.drawLine(QLineF(column.right, 0, column.right, column.bottom))
        for _kind, y in layout.lines:
            painter.setPen(QPen(LINE_INK, 1.6, Qt.PenStyle.DashLine))
            painter.drawLine(QLineF(0, y, layout.width, y))
        if self.drop_cell is not None and self.drop_cell in layout.cells:
            cell = layout.cells[self.drop_cell]
            painter.setPen(QPen(SELECTED, 3, Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(QColor(30, 99, 214, 30)))
            painter.drawRect(QRectF(cell.x + 2, cell.y + 2, cell.width - 4, cell.height - 4))
        if self.stage_drop_x is not None:
            painter.setPen(QPen(SELECTED, 4))
            bottom = max((c.bottom for c in layout.columns.values()), default=0)
            painter.drawLine(QLineF(self.stage_drop_x, 0, self.stage_drop_x, bottom))


class LineNamesItem(QGraphicsItem):
    """The names of the blueprint's lines, in the lane-label column just above each line."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_HEADER + 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.lines: list[tuple[str, float]] = []

    def shape(self) -> QPainterPath:
        return QPainterPath()  # only text: clicks go to the lane labels underneath

    def set_lines(self, lines: list[tuple[str, float]]) -> None:
        self.prepareGeometryChange()
        self.lines = lines
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        bottom = max((y for _kind, y in self.lines), default=0.0)
        return QRectF(0, 0, LANE_LABEL_WIDTH, bottom + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setFont(font(7.5, True))
        painter.setPen(LINE_INK)
        for kind, y in self.lines:
            painter.drawLine(QLineF(0, y, LANE_LABEL_WIDTH, y))
            painter.drawText(
                QRectF(10, y - 19, LANE_LABEL_WIDTH - 18, 17),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                translate(GridItem.LINE_NAMES[kind]),
            )


class EmotionCurveItem(QGraphicsItem):
    """The emotion curve under the lanes: each stage's mean emotion, its lowest points marked."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_CURVE)
        self.layout = JourneyLayout()
        self.points: list[StageEmotion] = []
        self.lowest: set[int] = set()

    def set_points(
        self, layout: JourneyLayout, points: list[StageEmotion], lowest: set[int]
    ) -> None:
        self.prepareGeometryChange()
        self.layout, self.points, self.lowest = layout, points, lowest
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        band = self.layout.curve
        return QRectF(0, band.y, band.right + 2, band.height + 2)

    def y_for(self, emotion: float) -> float:
        return emotion_y(self.layout.curve, emotion)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        band = self.layout.curve
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CURVE_BAND)
        painter.drawRect(QRectF(0, band.y, band.right, band.height))
        painter.setBrush(LANE_LABEL)
        painter.drawRect(QRectF(0, band.y, band.x - 4, band.height))
        painter.setPen(INK)
        painter.setFont(font(11, True))
        painter.drawText(
            QRectF(14, band.y + 10, band.x - 28, 24),
            Qt.AlignmentFlag.AlignLeft,
            translate(EMOTION_CURVE),
        )
        for emotion in range(-2, 3):
            y = self.y_for(emotion)
            painter.setPen(QPen(RULE, 1, Qt.PenStyle.DotLine if emotion else Qt.PenStyle.SolidLine))
            painter.drawLine(QLineF(band.x, y, band.right, y))
            paint_face(painter, QPointF(band.x - 22, y), 8, emotion)
        centers = {
            stage_id: self.layout.columns[stage_id].center[0] for stage_id in self.layout.columns
        }
        path = QPainterPath()
        drawing = False
        for point in self.points:
            if point.mean is None or point.stage_id not in centers:
                drawing = False
                continue
            spot = QPointF(centers[point.stage_id], self.y_for(point.mean))
            if drawing:
                path.lineTo(spot)
            else:
                path.moveTo(spot)
                drawing = True
        painter.setPen(QPen(CURVE, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        for point in self.points:
            if point.mean is None or point.stage_id not in centers:
                continue
            spot = QPointF(centers[point.stage_id], self.y_for(point.mean))
            low = point.stage_id in self.lowest
            painter.setPen(QPen(QColor("#ffffff"), 2))
            painter.setBrush(BREAKPOINT if low else CURVE)
            painter.drawEllipse(spot, 7 if low else 5, 7 if low else 5)
            painter.setPen(INK)
            painter.setFont(font(8.5, True))
            painter.drawText(
                QRectF(spot.x() + 10, spot.y() - 18, 60, 16),
                Qt.AlignmentFlag.AlignLeft,
                f"{point.mean:+.1f}",
            )
            if low:
                painter.setPen(QPen(BREAKPOINT, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(spot, 13, 13)
                painter.setPen(BREAKPOINT)
                painter.drawText(
                    QRectF(spot.x() - 60, spot.y() + 16, 120, 16),
                    Qt.AlignmentFlag.AlignHCenter,
                    translate(LOWEST_POINT),
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


class PersonaItem(QGraphicsItem):
    """Who the journey is told for: the persona's name and kind, in the corner above the lane
    names, beside the stage headers. Nothing when the journey has no persona."""

    RECT = QRectF(0, 0, LANE_LABEL_WIDTH - 4, HEADER_HEIGHT - 6)

    def __init__(self) -> None:
        super().__init__()
        self.persona: Row | None = None
        self.setZValue(Z_HEADER)
        self.setVisible(False)

    def set_persona(self, persona: Row | None) -> None:
        if persona != self.persona:
            self.persona = persona
            self.setVisible(persona is not None)
            self.setToolTip(plain_tip(persona["description"]) if persona else "")
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.RECT

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.persona is None:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LANE_LABEL)
        painter.drawRoundedRect(self.RECT, 8, 8)
        inner = self.RECT.adjusted(12, 6, -10, -4)
        small, big = font(7.5, True), font(11, True)
        kind = label("persona", self.persona["kind"])
        caption = f"{translate(PERSONA)} · {kind}"
        painter.setPen(_color("#607d8b"))
        painter.setFont(small)
        small_metrics = QFontMetricsF(small)
        painter.drawText(
            QPointF(inner.left(), inner.top() + small_metrics.ascent()),
            small_metrics.elidedText(caption, Qt.TextElideMode.ElideRight, inner.width()),
        )
        name = self.persona["name"] or kind
        top = inner.top() + small_metrics.lineSpacing() + 2
        painter.setPen(INK)
        painter.setFont(big)
        for index, line in enumerate(wrapped_lines(name, big, inner.width(), 2)):
            metrics = QFontMetricsF(big)
            painter.drawText(
                QPointF(inner.left(), top + metrics.ascent() + index * metrics.lineSpacing()),
                line,
            )
