"""The customers' voice on the journey canvas, as a facilitator sees it in the window: each card
with survey answers shows its NPS and n (greyed under 10 answers, its tooltip in words), an
import or its undo changes only the badges, View > Colour Cards by NPS tints the cards, and the
emotion curve's second line draws each stage's mean score at its height on the 0-10 scale."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

from cocreate.analysis import mean_score_by_stage
from cocreate.canvas.backdrop import SCORE_LINE
from cocreate.canvas.nps_badges import FEW, HIGH, LOW, badge_texts
from cocreate.canvas.scene import JourneyScene
from cocreate.colors import NPS_BAND_FILLS as FILLS
from cocreate.colors import NPS_BAND_INKS as INKS
from cocreate.ui.app import create_application, start_window

JOURNEY = 1
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
#: 12 answers: 7 promoters, 3 passives, 2 detractors: NPS (7 - 2) / 12 = +41.7, shown +42.
TWELVE = [9, 10, 9, 10, 9, 10, 9, 7, 8, 8, 3, 6]
#: 5 answers: 1 promoter, 1 passive, 3 detractors: NPS -40, too few to read alone.
FIVE = [10, 7, 2, 5, 6]


class Salon:
    """The window on a new session with three cards: one about to get 12 answers, one 5, one
    none (in the first stage, the third stage and the second stage)."""

    def __init__(self, qtbot) -> None:
        create_application()
        self.window = start_window()
        qtbot.waitExposed(self.window)
        self.document = self.window.document
        stages = self.document.rows("stage", order_by="position", journey_id=JOURNEY)
        lanes = self.document.rows("lane", order_by="position", journey_id=JOURNEY)
        self.stages = [row["id"] for row in stages]
        lane = lanes[1]["id"]
        self.busy = self.document.add_touchpoint(JOURNEY, self.stages[0], lane, title="Pickup")
        self.quiet = self.document.add_touchpoint(JOURNEY, self.stages[2], lane, title="Menu")
        self.silent = self.document.add_touchpoint(JOURNEY, self.stages[1], lane, title="Ad")
        view = self.view
        view.auto_fit = False
        view.set_zoom(1.0)
        view.centerOn(self.scene.cards[self.busy])

    @property
    def scene(self) -> JourneyScene:
        return self.window.tabs.current_scene()

    @property
    def view(self):
        return self.window.tabs.current_view()

    def answers(self) -> list[dict]:
        def about(card: int, stage: int, scores: list[int]) -> list[dict]:
            return [
                {"score": score, "stage_id": stage, "touchpoint_id": card, "comment": "ok"}
                for score in scores
            ]

        return about(self.busy, self.stages[0], TWELVE) + about(self.quiet, self.stages[2], FIVE)

    def import_answers(self) -> None:
        assert self.document.import_feedback(JOURNEY, self.answers(), "回访 survey.csv") == 17

    def keys(self, key: Qt.Key) -> None:
        """A shortcut of the window, typed on the canvas."""
        self.view.setFocus()
        QTest.keyClick(self.view.viewport(), key, CTRL_SHIFT)

    def pixels(self, rect: QRectF, scale: float = 3.0) -> QImage:
        """The scene within rect as the view paints it, enlarged."""
        image = QImage(
            int(rect.width() * scale), int(rect.height() * scale), QImage.Format.Format_RGB32
        )
        image.fill(QColor("#000000"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.scene.render(painter, QRectF(image.rect()), rect)
        painter.end()
        return image

    def card_color(self, card_id: int) -> QColor:
        """The colour of the card's body in an empty spot (below its short title)."""
        card = self.scene.cards[card_id]
        spot = card.mapToScene(QPointF(150, 62))
        return self.pixels(QRectF(spot, spot + QPointF(1, 1)), 1).pixelColor(0, 0)

    def close(self) -> None:
        self.window._set_document(None)
        self.document.close()
        self.window.close()
        self.window.deleteLater()


@pytest.fixture
def salon(qtbot):
    made = Salon(qtbot)
    yield made
    made.close()


def near(color: QColor, ink: str, tolerance: int = 40) -> bool:
    other = QColor(ink)
    return (
        abs(color.red() - other.red())
        + abs(color.green() - other.green())
        + abs(color.blue() - other.blue())
        <= tolerance
    )


def count_near(image: QImage, ink: str) -> int:
    return sum(
        near(image.pixelColor(x, y), ink)
        for x in range(image.width())
        for y in range(image.height())
    )


def badge_image(salon: Salon, card_id: int) -> QImage:
    card = salon.scene.cards[card_id]
    return salon.pixels(card.mapRectToScene(card.badge_rect()))


def test_a_card_shows_the_nps_of_its_answers_with_n_greyed_under_ten_and_says_it_in_words(
    salon, qtbot
):
    salon.import_answers()
    cards = salon.scene.cards
    busy, quiet, silent = cards[salon.busy], cards[salon.quiet], cards[salon.silent]

    assert badge_texts(busy.nps) == ("NPS", "+42", "n=12")
    assert badge_texts(quiet.nps) == ("NPS", "\u221240", "n=5")
    assert silent.nps is None and silent.badge_rect() is None  # no answer: nothing new

    # Drawn: the busy card's score in the promoters' green, the quiet card's all greyed
    # (none of the detractors' red that a readable -40 would get).
    busy_badge, quiet_badge = badge_image(salon, salon.busy), badge_image(salon, salon.quiet)
    assert count_near(busy_badge, INKS[HIGH]) > 20
    assert count_near(quiet_badge, INKS[LOW]) == 0
    assert count_near(quiet_badge, INKS[FEW]) > 20

    # Hovering the badge tells the NPS in words; the rest of the card keeps its title.
    view = salon.view
    badge = busy.mapRectToScene(busy.badge_rect())
    QTest.mouseMove(view.viewport(), view.mapFromScene(badge.center()))
    assert busy.toolTip().endswith("NPS +42 from 12 answers: 58% promoters, 17% detractors</p>")
    QTest.mouseMove(view.viewport(), view.mapFromScene(busy.mapToScene(QPointF(60, 80))))
    assert "Pickup" in busy.toolTip() and "NPS" not in busy.toolTip()
    badge = quiet.mapRectToScene(quiet.badge_rect())
    view.centerOn(badge.center())
    QTest.mouseMove(view.viewport(), view.mapFromScene(badge.center()))
    assert "NPS \u221240 from 5 answers: 20% promoters, 60% detractors" in quiet.toolTip()
    assert "Fewer than 10 answers: read this NPS with care" in quiet.toolTip()


@pytest.fixture
def full_syncs(monkeypatch):
    counts: Counter[str] = Counter()
    original = JourneyScene.sync

    def sync(self):
        counts["full sync"] += 1
        return original(self)

    monkeypatch.setattr(JourneyScene, "sync", sync)
    return counts


def test_an_import_and_its_undo_change_the_badges_without_rebuilding_the_canvas(
    salon, qtbot, full_syncs
):
    items = dict(salon.scene.cards)
    assert all(card.nps is None for card in items.values())

    salon.import_answers()
    assert salon.scene.cards == items  # the same card items, none made again
    assert items[salon.busy].nps.n == 12 and items[salon.quiet].nps.n == 5

    salon.window.setFocus()
    QTest.keyClick(salon.window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Undo
    assert salon.document.feedback(JOURNEY) == []
    assert all(card.nps is None for card in items.values())
    assert all(card.badge_rect() is None for card in items.values())

    QTest.keyClick(salon.window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # Redo
    assert items[salon.busy].nps.rounded == 42
    assert salon.scene.cards == items
    assert full_syncs["full sync"] == 0  # only the badges were touched


def test_colour_cards_by_nps_tints_each_card_by_its_band_and_goes_back(salon, qtbot):
    salon.import_answers()
    action = salon.window.canvas.nps_colors_action
    assert not action.isChecked()  # off by default
    white = QColor("#ffffff")
    assert salon.card_color(salon.busy) == white

    salon.keys(Qt.Key.Key_C)  # Ctrl+Shift+C: View > Colour Cards by NPS
    assert action.isChecked()
    assert near(salon.card_color(salon.busy), FILLS[HIGH], 12)  # +42: green
    few = salon.card_color(salon.quiet)
    assert few != white and not near(few, FILLS[LOW], 30)  # 5 answers: grey, never red
    assert salon.card_color(salon.silent) == white  # no answers: unchanged
    assert salon.scene.feedback.legend.isVisible()

    # An undo of the answers takes the tint away too.
    salon.document.undo_stack.undo()
    assert salon.card_color(salon.busy) == white
    salon.document.undo_stack.redo()
    assert near(salon.card_color(salon.busy), FILLS[HIGH], 12)

    action.trigger()  # the menu's entry, again: off
    assert salon.card_color(salon.busy) == white
    assert not salon.scene.feedback.legend.isVisible()


def test_the_curve_draws_each_stages_mean_score_as_a_second_line_at_its_height(salon, qtbot):
    salon.import_answers()
    curve = salon.scene.curve
    assert curve.score_spots() == []  # off by default

    salon.keys(Qt.Key.Key_E)  # Ctrl+Shift+E: View > Customer Scores on the Emotion Curve
    assert salon.window.canvas.score_line_action.isChecked()
    means = {
        score.stage_id: score.mean
        for score in mean_score_by_stage(salon.scene.stages, salon.document.feedback(JOURNEY))
    }
    spots = {score.stage_id: spot for score, spot in curve.score_spots()}
    # Stages 1 and 3 have answers; stage 2 has none and leaves a gap.
    assert set(spots) == {salon.stages[0], salon.stages[2]}
    band = salon.scene.layout.curve
    top, bottom = curve.y_for(2), curve.y_for(-2)  # 10 on the +2 line, 0 on the -2 line
    for stage_id, spot in spots.items():
        assert spot.y() == pytest.approx(bottom - means[stage_id] / 10 * (bottom - top))
        assert spot.x() == salon.scene.layout.columns[stage_id].center[0]
        assert band.y < spot.y() < band.bottom
    # The mean of twelve answers (8.2) sits above the mean of five (6.0).
    assert spots[salon.stages[0]].y() < spots[salon.stages[2]].y()

    # Painted: the line's square mark at each point, in the second line's colour.
    for spot in spots.values():
        mark = salon.pixels(QRectF(spot - QPointF(2, 2), spot + QPointF(2, 2)))
        assert count_near(mark, SCORE_LINE.name()) > 20

    salon.window.canvas.score_line_action.trigger()
    assert curve.score_spots() == []


def test_a_badge_with_many_answers_beside_both_marks_stays_clear_of_the_channel_icon(salon, qtbot):
    salon.document.update_touchpoint(salon.busy, branded=True, breakpoint=True)
    many = [{"score": index % 7, "touchpoint_id": salon.busy} for index in range(1234)]
    assert salon.document.import_feedback(JOURNEY, many, "big.csv") == 1234
    card = salon.scene.cards[salon.busy]
    rect = card.badge_rect()
    assert rect.left() >= 36  # the icon ends at 32
    assert rect.right() <= 132  # left of the breakpoint mark, the star and the face
    image = badge_image(salon, salon.busy)
    assert count_near(image, INKS[LOW]) > 20  # −100, still drawn in the detractors' red


def ink_between_icon_and_badge(salon: Salon, card_id: int) -> int:
    """Pixels of text ink where the channel's name goes: from the icon's right to the badge."""
    card = salon.scene.cards[card_id]
    badge = card.badge_rect()
    strip = QRectF(34, 8, (badge.left() if badge is not None else 132) - 36, 18)
    image = salon.pixels(card.mapRectToScene(strip))
    return sum(
        image.pixelColor(x, y).lightness() < 200
        for x in range(image.width())
        for y in range(image.height())
    )


def test_the_channels_name_gives_way_to_a_badge_it_does_not_fit_beside(salon, qtbot):
    salon.document.update_touchpoint(salon.busy, channel="word_of_mouth")
    assert ink_between_icon_and_badge(salon, salon.busy) > 20  # no answers: "Word of mouth"
    twelve = [{"score": score, "touchpoint_id": salon.busy} for score in TWELVE]
    assert salon.document.import_feedback(JOURNEY, twelve, "twelve.csv") == 12
    assert ink_between_icon_and_badge(salon, salon.busy) == 0  # not cut short to "Wor…" either
    salon.document.update_touchpoint(salon.busy, channel="app")
    assert ink_between_icon_and_badge(salon, salon.busy) > 10  # "App" fits beside the badge
