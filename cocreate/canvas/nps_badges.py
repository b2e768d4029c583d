"""The customers' voice on the journey canvas: each card's NPS badge (its score and n, greyed
when the answers are too few to read alone, a tooltip in words), the cards' fill by NPS band
while View > Colour Cards by NPS is on (with its legend), and the mean score per stage that the
emotion curve draws as its second line.

FeedbackOverlay follows the document: an import, a delete or an undo of answers costs one
grouped query of the journey's scores (Document.feedback_scores) and touches only the cards'
badges and the curve's second line, never the layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cocreate import colors
from cocreate.analysis import SCORES, Nps, StageScore, nps_band, signed
from cocreate.canvas.paint import INK, Z_HEADER, cached_color, font, translate
from cocreate.feedback.answers import Distribution, FeedbackScores
from cocreate.layout import JourneyLayout
from cocreate.model import NpsBand
from cocreate.records import Row

if TYPE_CHECKING:
    from cocreate.canvas.scene import JourneyScene

# -- bands ----------------------------------------------------------------------------------------

HIGH, MIDDLE, LOW, FEW = NpsBand.HIGH, NpsBand.MIDDLE, NpsBand.LOW, NpsBand.FEW

# -- texts (translated when painted or shown) -----------------------------------------------------

NPS_LABEL = QT_TRANSLATE_NOOP("Canvas", "NPS")
N_LABEL = QT_TRANSLATE_NOOP("Canvas", "n=%1")
TIP_ONE = QT_TRANSLATE_NOOP("Canvas", "NPS %1 from one answer: %2% promoters, %3% detractors")
TIP_MANY = QT_TRANSLATE_NOOP("Canvas", "NPS %1 from %2 answers: %3% promoters, %4% detractors")
TIP_FEW = QT_TRANSLATE_NOOP("Canvas", "Fewer than 10 answers: read this NPS with care")
LEGEND_TITLE = QT_TRANSLATE_NOOP("Canvas", "Card colour: NPS")
LEGEND_ROWS = (
    (HIGH, QT_TRANSLATE_NOOP("Canvas", "above +30")),
    (MIDDLE, QT_TRANSLATE_NOOP("Canvas", "0 to +30")),
    (LOW, QT_TRANSLATE_NOOP("Canvas", "below 0")),
    (FEW, QT_TRANSLATE_NOOP("Canvas", "under 10 answers")),
)


def nps_words(nps: Nps) -> str:
    """The badge's tooltip: "NPS +42 from 23 answers: 60% promoters, 18% detractors"."""
    score = signed(nps.rounded or 0)
    promoters = str(round(100 * nps.promoters / nps.n))
    detractors = str(round(100 * nps.detractors / nps.n))
    if nps.n == 1:
        text = translate(TIP_ONE).replace("%1", score).replace("%2", promoters)
        text = text.replace("%3", detractors)
    else:
        text = translate(TIP_MANY).replace("%1", score).replace("%2", str(nps.n))
        text = text.replace("%3", promoters).replace("%4", detractors)
    return f"{text}\n{translate(TIP_FEW)}" if nps.few else text


# -- the badge ------------------------------------------------------------------------------------

BADGE_TOP = 9.0
BADGE_HEIGHT = 16.0
#: A badge starts right of the channel's icon (which ends at x = 32).
BADGE_LEFT_MOST = 36.0
_PAD, _GAP = 6.0, 3.0


def _badge_fonts() -> tuple[QFont, QFont, QFont]:
    return font(6.5, True), font(8.5, True), font(7)


def badge_texts(nps: Nps) -> tuple[str, str, str]:
    """What a badge says: ("NPS", "+42", "n=23")."""
    return (
        translate(NPS_LABEL),
        signed(nps.rounded or 0),
        translate(N_LABEL).replace("%1", str(nps.n)),
    )


def _parts(nps: Nps, compact: bool) -> list[tuple[str, QFont]]:
    """The badge's texts with their fonts; a compact badge leaves out the word "NPS"."""
    parts = list(zip(badge_texts(nps), _badge_fonts(), strict=True))
    return parts[1:] if compact else parts


def badge_width(nps: Nps, compact: bool = False) -> float:
    parts = _parts(nps, compact)
    widths = [QFontMetricsF(text_font).horizontalAdvance(text) for text, text_font in parts]
    return 2 * _PAD + sum(widths) + (len(parts) - 1) * _GAP


def badge_rect(nps: Nps, right: float, left_most: float = BADGE_LEFT_MOST) -> QRectF:
    """Where a card draws its badge: its right edge at `right`, centred on the top row; a
    compact one (without "NPS") when the whole would reach over the channel's icon."""
    width = badge_width(nps)
    if right - width < left_most:
        width = badge_width(nps, compact=True)
    return QRectF(right - width, BADGE_TOP, width, BADGE_HEIGHT)


def paint_badge(painter: QPainter, rect: QRectF, nps: Nps) -> None:
    """A pill: "NPS" small, the score bold in its band's ink, then n; all grey and dashed
    when the answers are too few."""
    greyed = nps.few
    painter.setPen(
        QPen(cached_color(colors.NPS_BAND_INKS[FEW]), 1, Qt.PenStyle.DashLine)
        if greyed
        else QPen(cached_color(colors.FAINT), 1)
    )
    painter.setBrush(cached_color("#f5f7f8" if greyed else "#ffffff"))
    painter.drawRoundedRect(rect, BADGE_HEIGHT / 2, BADGE_HEIGHT / 2)
    ink = colors.NPS_BAND_INKS[nps_band(nps)]
    inks = [ink] * 3 if greyed else [colors.MUTED, ink, colors.MUTED]
    compact = rect.width() < badge_width(nps) - 0.5
    x = rect.left() + _PAD
    if compact:
        inks = inks[1:]
    for (text, text_font), ink in zip(_parts(nps, compact), inks, strict=True):
        metrics = QFontMetricsF(text_font)
        painter.setFont(text_font)
        painter.setPen(cached_color(ink))
        baseline = rect.center().y() + (metrics.ascent() - metrics.descent()) / 2
        painter.drawText(QPointF(x, baseline), text)
        x += metrics.horizontalAdvance(text) + _GAP


def fill_brushes(nps: Nps | None) -> list[QBrush]:
    """The brushes a card tinted by NPS fills its body with, in order (none: no answers). Too
    few answers give a plain light grey: a hatch made the title hard to read at a distance."""
    if nps is None:
        return []
    return [QBrush(cached_color(colors.NPS_BAND_FILLS[nps_band(nps)]))]


# -- the legend -----------------------------------------------------------------------------------

LEGEND_WIDTH = 140.0  # clear of the curve's faces
_ROW = 19.0
#: An NPS of each band, for the legend's swatches.
_SAMPLES = {
    HIGH: Nps(10, 10, 0, 0),
    MIDDLE: Nps(10, 0, 10, 0),
    LOW: Nps(10, 0, 0, 10),
    FEW: Nps(1, 0, 1, 0),
}


class NpsLegendItem(QGraphicsItem):
    """What the card colours mean, in the key column left of the emotion curve (under the
    lane names), so that it is in view wherever the journey is: shown while the cards are
    coloured by NPS."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_HEADER)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def height(self) -> float:
        return _ROW * (len(LEGEND_ROWS) + 1) + 4

    def place(self, layout: JourneyLayout) -> None:
        """At the bottom of the curve band's key column."""
        band_rect = layout.curve
        self.setPos(14, band_rect.bottom - self.height() - 10)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(0, 0, LEGEND_WIDTH, self.height())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # As large as the column allows, in ink: read from the back of the room too.
        title, small = font(10, True), font(9)
        painter.setFont(title)
        painter.setPen(INK)
        metrics = QFontMetricsF(title)
        painter.drawText(
            QPointF(0, metrics.ascent()),
            metrics.elidedText(translate(LEGEND_TITLE), Qt.TextElideMode.ElideRight, LEGEND_WIDTH),
        )
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        for index, (name, text) in enumerate(LEGEND_ROWS, start=1):
            top = index * _ROW + 2
            swatch = QRectF(0, top, 15, 13)
            painter.setPen(QPen(cached_color(colors.MUTED), 1))
            for brush in fill_brushes(_SAMPLES[name]):
                painter.setBrush(brush)
                painter.drawRoundedRect(swatch, 3, 3)
                painter.setPen(Qt.PenStyle.NoPen)
            painter.setPen(INK)
            painter.drawText(
                QPointF(21, top + 6.5 + (metrics.ascent() - metrics.descent()) / 2),
                metrics.elidedText(translate(text), Qt.TextElideMode.ElideRight, LEGEND_WIDTH - 21),
            )


# -- the curve's second line ----------------------------------------------------------------------


def mean_score(counts: Distribution) -> float | None:
    """The mean of a 0-10 distribution; None with no answer."""
    total = sum(counts)
    if not total:
        return None
    return sum(score * count for score, count in zip(SCORES, counts, strict=True)) / total


def stage_means(stages: list[Row], by_stage: dict[int, Distribution]) -> list[StageScore]:
    """The mean score of each stage (in the order given), from the distributions the file
    counted: the same figures as analysis.mean_score_by_stage, without reading every answer."""
    return [
        StageScore(
            stage["id"],
            mean_score(by_stage.get(stage["id"], ())),
            sum(by_stage.get(stage["id"], ())),
        )
        for stage in stages
    ]


# -- following the document -----------------------------------------------------------------------


class FeedbackOverlay:
    """The scene's survey answers: reads the journey's scores and gives each card its NPS and
    the curve its second line; follows the workshop state's two toggles."""

    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene
        self.scores = FeedbackScores()
        self.legend = NpsLegendItem()
        scene.addItem(self.legend)
        state = scene.state
        state.nps_colors_changed.connect(self._nps_colors_changed)
        state.score_line_changed.connect(self._score_line_changed)
        self.legend.setVisible(state.nps_colors)
        scene.curve.set_score_line(state.score_line)

    def detach(self) -> None:
        self.scene.state.nps_colors_changed.disconnect(self._nps_colors_changed)
        self.scene.state.score_line_changed.disconnect(self._score_line_changed)

    def refresh(self) -> None:
        """Read the journey's scores again (one grouped query) and show them."""
        scene = self.scene
        self.scores = scene.document.feedback_scores(scene.journey_id)
        by_card = self.scores.touchpoint_nps()
        tinted = scene.state.nps_colors
        for card_id, card in scene.cards.items():
            card.set_nps(by_card.get(card_id), tinted)
        scene.curve.set_scores(stage_means(scene.stages, self.scores.by_stage))
        self.legend.place(scene.layout)

    def _nps_colors_changed(self, on: bool) -> None:
        for card in self.scene.cards.values():
            card.set_nps(card.nps, on)
        self.legend.setVisible(on)

    def _score_line_changed(self, on: bool) -> None:
        self.scene.curve.set_score_line(on)
