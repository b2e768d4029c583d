"""The journey's backdrop on the canvas: the tinted cells and the blueprint's lines, the
lines' names, the emotion curve and the persona corner. They mirror the layout; none writes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cocreate.analysis import StageEmotion
from cocreate.canvas.paint import (
    BREAKPOINT,
    CURVE,
    CURVE_BAND,
    INK,
    LANE_LABEL,
    LINE_INK,
    RULE,
    SELECTED,
    Z_CURVE,
    Z_GRID,
    Z_HEADER,
    cached_color,
    font,
    paint_face,
    stage_tint,
    translate,
    wrapped_lines,
)
from cocreate.geometry import emotion_y
from cocreate.labels import label, plain_tip
from cocreate.layout import (
    HEADER_HEIGHT,
    LANE_LABEL_WIDTH,
    JourneyLayout,
)
from cocreate.records import Row

# Texts the backdrop draws, translated when painted.
EMOTION_CURVE = QT_TRANSLATE_NOOP("Canvas", "Emotion curve")
LOWEST_POINT = QT_TRANSLATE_NOOP("Canvas", "Lowest point")
PERSONA = QT_TRANSLATE_NOOP("Canvas", "Persona")


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
            painter.setBrush(stage_tint(self.colors.get(stage_id, "#eeeeee")))
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
        painter.setPen(cached_color("#607d8b"))
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
