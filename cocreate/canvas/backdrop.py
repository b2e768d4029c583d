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

from cocreate.analysis import StageEmotion, StageScore
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
TEAM_EMOTION = QT_TRANSLATE_NOOP("Canvas", "Team's emotion")
CUSTOMER_SCORE = QT_TRANSLATE_NOOP("Canvas", "Customers' mean score, 0–10")
#: The second line's ink: the customers' mean score per stage, apart from the team's emotion.
SCORE_LINE = QColor("#00897b")
#: The score scale's marks on the band's right edge, at the emotion grid's -2, 0 and +2 lines.
SCORE_MARKS = (0, 5, 10)
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
    """The emotion curve under the lanes: each stage's mean emotion, its lowest points marked.
    Its second line (View > Customer Scores on the Emotion Curve) is the customers' mean
    survey score per stage, 0-10 mapped onto the band's full height (0 on the -2 line, 5 on
    the 0 line, 10 on the +2 line), dashed in its own colour with its scale on the right edge
    and a key under the curve's name; a stage without answers leaves a gap."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_CURVE)
        self.layout = JourneyLayout()
        self.points: list[StageEmotion] = []
        self.lowest: set[int] = set()
        self.scores: list[StageScore] = []
        self.score_line = False

    def set_points(
        self, layout: JourneyLayout, points: list[StageEmotion], lowest: set[int]
    ) -> None:
        self.prepareGeometryChange()
        self.layout, self.points, self.lowest = layout, points, lowest
        self.update()

    def set_scores(self, scores: list[StageScore]) -> None:
        if scores != self.scores:
            self.scores = scores
            self.update()

    def set_score_line(self, on: bool) -> None:
        if on != self.score_line:
            self.score_line = on
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        band = self.layout.curve
        return QRectF(0, band.y, band.right + 2, band.height + 2)

    def y_for(self, emotion: float) -> float:
        return emotion_y(self.layout.curve, emotion)

    def y_for_score(self, score: float) -> float:
        """The height of a 0-10 score: the band's emotion range, 0 low and 10 high."""
        return self.y_for(score / 10 * 4 - 2)

    def score_spots(self) -> list[tuple[StageScore, QPointF]]:
        """The second line's points (stages with answers), while it is shown."""
        if not self.score_line:
            return []
        columns = self.layout.columns
        return [
            (score, QPointF(columns[score.stage_id].center[0], self.y_for_score(score.mean)))
            for score in self.scores
            if score.mean is not None and score.stage_id in columns
        ]

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
        spots = self.score_spots()
        self._paint_score_line(painter, spots)  # under the team's line and its values
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
            text = f"{point.mean:+.1f}"
            if spots:  # the second line may pass under the value: on the band's colour
                width = QFontMetricsF(font(8.5, True)).horizontalAdvance(text) + 4
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(CURVE_BAND)
                painter.drawRoundedRect(QRectF(spot.x() + 8, spot.y() - 18, width, 16), 3, 3)
            painter.setPen(INK)
            painter.setFont(font(8.5, True))
            painter.drawText(
                QRectF(spot.x() + 10, spot.y() - 18, 60, 16),
                Qt.AlignmentFlag.AlignLeft,
                text,
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
        self._paint_score_marks(painter, spots)

    def _paint_score_line(self, painter: QPainter, spots: list[tuple[StageScore, QPointF]]) -> None:
        """The second line, dashed; a stage without answers leaves a gap."""
        pen = QPen(SCORE_LINE, 2.5, Qt.PenStyle.DashLine)
        pen.setDashPattern([3, 2])
        path = QPainterPath()
        previous: int | None = None
        order = [score.stage_id for score in self.scores]
        for score, spot in spots:
            index = order.index(score.stage_id)
            if previous is not None and index == previous + 1:
                path.lineTo(spot)
            else:
                path.moveTo(spot)  # a stage without answers before it: a gap
            previous = index
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _paint_score_marks(
        self, painter: QPainter, spots: list[tuple[StageScore, QPointF]]
    ) -> None:
        """The second line's points and values, its scale on the right edge and the key;
        nothing without answers."""
        if not spots:
            return
        band = self.layout.curve
        painter.setFont(font(8.5, True))
        for score, spot in spots:
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(SCORE_LINE)
            painter.drawRect(QRectF(spot.x() - 4.5, spot.y() - 4.5, 9, 9))
            # Above-left of its point (the emotion's value is above-right), on the band's
            # colour so that neither line strikes it through.
            text = f"{score.mean:.1f}"
            width = QFontMetricsF(font(8.5, True)).horizontalAdvance(text) + 6
            rect = QRectF(spot.x() - 6 - width, spot.y() - 21, width, 15)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CURVE_BAND)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(SCORE_LINE)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(font(8, True))
        for mark in SCORE_MARKS:
            rect = QRectF(band.right - 26, self.y_for_score(mark) - 8, 22, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CURVE_BAND)
            painter.drawRect(rect)
            painter.setPen(SCORE_LINE)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(rect, right, str(mark))
        self._paint_key(painter)

    def _paint_key(self, painter: QPainter) -> None:
        """Which line is which, under the curve's name in the key column."""
        band = self.layout.curve
        small = font(8.5)
        metrics = QFontMetricsF(small)
        painter.setFont(small)
        top = band.y + 40
        rows = ((QPen(CURVE, 3), TEAM_EMOTION), (QPen(SCORE_LINE, 2.5), CUSTOMER_SCORE))
        for pen, text in rows:
            if pen.color() == SCORE_LINE:
                pen.setStyle(Qt.PenStyle.DashLine)
                pen.setDashPattern([3, 2])
            painter.setPen(pen)
            middle = top + metrics.lineSpacing() / 2
            painter.drawLine(QLineF(14, middle, 36, middle))
            painter.setPen(INK)
            lines = wrapped_lines(translate(text), small, band.x - 86, 2)
            for index, line in enumerate(lines):
                painter.drawText(
                    QPointF(42, top + metrics.ascent() + index * metrics.lineSpacing()), line
                )
            top += len(lines) * metrics.lineSpacing() + 4


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
