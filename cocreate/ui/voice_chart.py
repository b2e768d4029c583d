"""A card's 0-10 score distribution as a small bar chart: one bar per score, coloured by its NPS
band (detractors 0-6, passives 7-8, promoters 9-10), its count over it and the score under it.
Hovering a bar tells its count in words. Drawn with QPainter; it knows nothing of the file.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from cocreate.analysis import SCORES, score_band
from cocreate.colors import FAINT, INK, MUTED, RULE, SCORE_BAND_COLORS, SCORE_BAND_TEXT
from cocreate.commands import fill_args

#: Room above the bars for their counts, and below them for the scores.
COUNT_ROOM = 16.0
SCORE_ROOM = 18.0
BAR_GAP = 4.0
SIDE = 2.0


def band_color(score: int) -> QColor:
    """The colour of a score's NPS band (as the PDF's distribution has it)."""
    return QColor(SCORE_BAND_COLORS[score_band(score)])


def band_text_color(score: int) -> QColor:
    """The colour of a score written on its band's colour."""
    return QColor(SCORE_BAND_TEXT[score_band(score)])


class DistributionChart(QWidget):
    """Eleven bars, for the scores 0 to 10, as high as their counts (the highest fills the
    height); an empty score keeps a hairline so the scale reads as a whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: tuple[int, ...] = (0,) * len(SCORES)
        self.setObjectName("voiceChart")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(180)
        self.setFixedHeight(112)
        self._describe()

    def counts(self) -> tuple[int, ...]:
        return self._counts

    def set_counts(self, counts: Sequence[int]) -> None:
        counts = tuple(counts)
        if len(counts) != len(SCORES):
            raise ValueError("a distribution has 11 counts, for the scores 0 to 10")
        if counts == self._counts:
            return
        self._counts = counts
        self._describe()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(260, 112)

    # -- geometry -------------------------------------------------------------------------------

    def _slot_width(self) -> float:
        return (self.width() - 2 * SIDE) / len(SCORES)

    def slot_rect(self, score: int) -> QRectF:
        """The whole column of a score: its count, its bar and its label (where hovering
        tells its count)."""
        width = self._slot_width()
        return QRectF(SIDE + score * width, 0, width, self.height())

    def bar_rect(self, score: int) -> QRectF:
        """The bar of a score, as high as its count against the highest count."""
        slot = self.slot_rect(score)
        bottom = self.height() - SCORE_ROOM
        room = bottom - COUNT_ROOM
        highest = max(self._counts) or 1
        height = max(1.0, room * self._counts[score] / highest)
        return QRectF(slot.x() + BAR_GAP / 2, bottom - height, slot.width() - BAR_GAP, height)

    def score_at(self, point: QPointF) -> int | None:
        for score in SCORES:
            if self.slot_rect(score).contains(point):
                return score
        return None

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() - 1.5))
        painter.setFont(small)
        bottom = self.height() - SCORE_ROOM
        painter.setPen(QColor(RULE))
        painter.drawLine(QPointF(SIDE, bottom + 0.5), QPointF(self.width() - SIDE, bottom + 0.5))
        for score in SCORES:
            self._paint_score(painter, score, bottom)
        painter.end()

    def _paint_score(self, painter: QPainter, score: int, bottom: float) -> None:
        count = self._counts[score]
        bar = self.bar_rect(score)
        color = band_color(score) if count else QColor(FAINT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        if count:
            painter.drawRoundedRect(bar, 1.5, 1.5)
        else:
            painter.drawRect(bar)  # a hairline: no answer gave this score
        slot = self.slot_rect(score)
        painter.setPen(QColor(INK if count else FAINT))
        if count:
            above = QRectF(slot.x(), bar.y() - COUNT_ROOM, slot.width(), COUNT_ROOM)
            painter.drawText(above, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.setPen(QColor(MUTED))
        below = QRectF(slot.x(), bottom + 2, slot.width(), SCORE_ROOM - 2)
        painter.drawText(below, Qt.AlignmentFlag.AlignCenter, str(score))

    # -- words ----------------------------------------------------------------------------------

    def bar_tip(self, score: int) -> str:
        """What hovering a bar says."""
        text = self.tr("Score %1: %2 of %3 answers")
        return fill_args(text, (str(score), str(self._counts[score]), str(sum(self._counts))))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            score = self.score_at(QPointF(event.pos()))
            if score is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.bar_tip(score), self)
            return True
        if event.type() == QEvent.Type.LanguageChange:
            self._describe()
        return super().event(event)

    def _describe(self) -> None:
        """The chart in words, for screen readers."""
        self.setAccessibleName(self.tr("Score distribution"))
        parts = [f"{score}: {count}" for score, count in zip(SCORES, self._counts, strict=True)]
        self.setAccessibleDescription(", ".join(parts))
