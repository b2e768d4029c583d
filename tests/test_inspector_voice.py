"""The Inspector shows the selected card's customer voice: the 0-10 distribution of its survey
answers as a bar chart with its NPS and n, and their comments, which can be searched, sorted
and promoted to a sticky note pinned to the card (one undo step, once per answer). It follows
the file: imports, undo, deleting the card or the note.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QToolTip

from cocreate.document import Document
from cocreate.ui.app import create_application, start_window
from cocreate.ui.voice_chart import band_color
from cocreate.ui.voice_comments import PROMOTED_ROLE
from tests.gui_helpers import type_text

JOURNEY = 1
LEFT = Qt.MouseButton.LeftButton

#: The answers about the card: (score, comment, date).
ANSWERS = [
    (3, "Queue at the pick-up shelf was long", "2026-03-02"),
    (10, "Ｐｒｅ-order is great", "2026-03-09"),
    (6, "pickup SHELF chaos at 8:40", "2026-03-05"),
    (9, "", "2026-03-07"),
    (7, "OK, nothing special", ""),
    (0, "积分过期没有提醒", "2026-03-01"),
    (10, "Fast <b>and</b> friendly", "2026-03-08"),
    (8, "", "2026-03-03"),
]
#: How many answers gave each score from 0 to 10.
DISTRIBUTION = (1, 0, 0, 1, 0, 0, 1, 1, 1, 1, 2)
WITH_COMMENT = [answer for answer in ANSWERS if answer[1]]


def answer(card: Document | int, stage_id: int, score: int, comment: str, date: str) -> dict:
    return {
        "score": score,
        "comment": comment,
        "date": date,
        "channel": "WeChat",
        "stage_id": stage_id,
        "touchpoint_id": card,
        "tier": "Gold",
        "customer_type": "loyal",
    }


@pytest.fixture
def salon(tmp_path) -> tuple[Path, int, int]:
    """A saved session: a card with ANSWERS, a second card without answers."""
    path = tmp_path / "salon.cocreate"
    document = Document.new_untitled("en")
    stage = document.rows("stage", order_by="position", journey_id=JOURNEY)[0]
    lane = document.rows("lane", order_by="position", journey_id=JOURNEY)[1]
    card = document.add_touchpoint(JOURNEY, stage["id"], lane["id"], title="Pick-up")
    other = document.add_touchpoint(JOURNEY, stage["id"], lane["id"], title="Pre-order")
    answers = [answer(card, stage["id"], *row) for row in ANSWERS]
    assert document.import_feedback(JOURNEY, answers, "survey.csv") == len(ANSWERS)
    document.save_as(path)
    document.close()
    return path, card, other


@pytest.fixture
def window_on(qtbot):
    windows = []

    def start(path: Path):
        create_application()
        window = start_window(str(path))
        window.activateWindow()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        if window.document is not None:
            document = window.document
            window._set_document(None)
            document.close()
        window.close()
        window.deleteLater()


def click_card(qtbot, window, card_id: int) -> None:
    view, scene = window.tabs.current_view(), window.tabs.current_scene()
    item = scene.cards[card_id]
    view.centerOn(item)
    point = view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), LEFT, pos=point)
    qtbot.waitUntil(lambda: window.inspector.touchpoint_ids() == [card_id])


def open_voice(qtbot, window):
    """Click the Inspector's Voice tab; the voice panel."""
    inspector = window.inspector
    bar = inspector.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(1).center())
    qtbot.waitUntil(lambda: inspector.tabs.currentWidget() is inspector.voice)
    return inspector.voice


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Open the combo box with a click, go to the entry with the arrow keys, press Enter."""
    qtbot.mouseClick(combo, LEFT)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    QTest.keyClick(view, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if view.currentIndex().data() == text:
            break
        QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text


def click_comment(qtbot, voice, comment: str, double: bool = False) -> None:
    row = [shown["comment"] for shown in voice.shown()].index(comment)
    index = voice.model.index(row)
    voice.list.scrollTo(index)
    point = voice.list.visualRect(index).center()
    if double:
        QTest.mouseDClick(voice.list.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, point)
    else:
        qtbot.mouseClick(voice.list.viewport(), LEFT, pos=point)
    qtbot.waitUntil(lambda: voice.list.currentIndex().row() == row)


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press through the window system, so that the menus' shortcuts see it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), key, modifier)


def notes_of(document: Document) -> list[dict]:
    return document.rows("note", journey_id=JOURNEY)


def shown_comments(voice) -> list[str]:
    return [answer["comment"] for answer in voice.shown()]


# -- the chart ------------------------------------------------------------------------------------


def test_the_chart_shows_the_cards_distribution_in_band_colours_with_nps_and_n(
    qtbot, window_on, salon
):
    path, card, _other = salon
    window = window_on(path)
    click_card(qtbot, window, card)
    assert window.inspector.tabs.tabText(1) == f"Voice ({len(ANSWERS)})"
    voice = open_voice(qtbot, window)

    chart = voice.chart
    assert chart.counts() == DISTRIBUTION
    # 3 promoters, 2 passives, 3 detractors of 8: NPS 0.
    assert voice.caption.text() == "NPS 0 · n = 8"
    assert voice.caption.toolTip() == "Fewer than 10 answers: read this NPS with care"
    assert voice.bands.text() == "Promoters 3 · Passives 2 · Detractors 3"
    # Hovering a bar tells its count in words.
    point = chart.bar_rect(10).center().toPoint()
    hover = QHelpEvent(QEvent.Type.ToolTip, point, chart.mapToGlobal(point))
    QApplication.sendEvent(chart, hover)
    assert QToolTip.text() == "Score 10: 2 of 8 answers"
    image = chart.grab().toImage()
    ratio = image.devicePixelRatio()
    for score, count in enumerate(DISTRIBUTION):
        bar = chart.bar_rect(score)
        if count:
            center = bar.center()
            color = image.pixelColor(int(center.x() * ratio), int(center.y() * ratio))
            assert color == band_color(score), score
    assert chart.bar_rect(10).height() == pytest.approx(2 * chart.bar_rect(0).height())
    assert chart.bar_rect(1).height() <= 1  # no answer gave 1: a hairline


# -- the comments ---------------------------------------------------------------------------------


def test_typing_in_the_search_field_narrows_the_comments_any_case_and_width(
    qtbot, window_on, salon
):
    path, card, _other = salon
    window = window_on(path)
    click_card(qtbot, window, card)
    voice = open_voice(qtbot, window)
    assert len(voice.shown()) == len(WITH_COMMENT)  # answers without a comment are hidden

    qtbot.mouseClick(voice.search, LEFT)
    QTest.keyClicks(voice.search, "shelf")
    assert sorted(shown_comments(voice)) == [
        "Queue at the pick-up shelf was long",
        "pickup SHELF chaos at 8:40",
    ]
    assert voice.count_label.text() == f"Comments: 2 of {len(WITH_COMMENT)}"

    voice.search.selectAll()
    QTest.keyClicks(voice.search, "PRE-order")  # the comment has full-width letters
    assert shown_comments(voice) == ["Ｐｒｅ-order is great"]

    voice.search.selectAll()
    type_text(voice.search, "过期")
    assert shown_comments(voice) == ["积分过期没有提醒"]

    QTest.keyClick(voice.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(voice.search, Qt.Key.Key_Delete)
    assert len(voice.shown()) == len(WITH_COMMENT)


def test_the_order_control_sorts_by_score_and_by_date_and_empty_answers_can_be_shown(
    qtbot, window_on, salon
):
    path, card, _other = salon
    window = window_on(path)
    click_card(qtbot, window, card)
    voice = open_voice(qtbot, window)

    scores = [answer["score"] for answer in voice.shown()]
    assert scores == sorted(scores) and scores[0] == 0  # lowest first

    choose(qtbot, voice.order_combo, "Highest score first")
    scores = [answer["score"] for answer in voice.shown()]
    assert scores == sorted(scores, reverse=True) and scores[0] == 10

    choose(qtbot, voice.order_combo, "Newest first")
    assert [answer["date"] for answer in voice.shown()] == [
        "2026-03-09",
        "2026-03-08",
        "2026-03-05",
        "2026-03-02",
        "2026-03-01",
        "",  # no date: last
    ]
    choose(qtbot, voice.order_combo, "Oldest first")
    assert [answer["date"] for answer in voice.shown()][:2] == ["2026-03-01", "2026-03-02"]

    qtbot.mouseClick(voice.empty_check, LEFT, pos=QPoint(6, voice.empty_check.height() // 2))
    assert len(voice.shown()) == len(ANSWERS)
    assert "" in shown_comments(voice)


# -- promoting a comment ---------------------------------------------------------------------------


def test_promote_adds_one_note_pinned_to_the_card_once_and_undo_takes_it_back(
    qtbot, window_on, salon
):
    path, card, _other = salon
    window = window_on(path)
    document = window.document
    click_card(qtbot, window, card)
    voice = open_voice(qtbot, window)
    comment = "pickup SHELF chaos at 8:40"
    click_comment(qtbot, voice, comment)
    assert voice.promote_button.isEnabled()

    qtbot.mouseClick(voice.promote_button, LEFT)
    (note,) = notes_of(document)
    answer_id = next(a["id"] for a in document.card_feedback(card) if a["comment"] == comment)
    assert note["text"] == comment
    assert note["feedback_id"] == answer_id
    assert note["touchpoint_id"] == card and note["stage_id"] is None
    assert note["category"] == "pain_point"  # a detractor's comment
    assert document.undo_stack.undoText() == "Promote Comment"
    assert note["id"] in window.tabs.current_scene().notes  # on the canvas, on its card
    # It shows it is on the board and cannot be promoted twice: not by the button, not by a
    # double-click.
    assert not voice.promote_button.isEnabled()
    assert voice.list.currentIndex().data(PROMOTED_ROLE) is True
    click_comment(qtbot, voice, comment, double=True)
    assert len(notes_of(document)) == 1

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: notes_of(document) == [])
    assert voice.promote_button.isEnabled()
    assert voice.list.currentIndex().data(PROMOTED_ROLE) is False

    # A double-click promotes too.
    click_comment(qtbot, voice, comment, double=True)
    assert [row["feedback_id"] for row in notes_of(document)] == [answer_id]


def test_a_deleted_note_makes_its_comment_promotable_again(qtbot, window_on, salon):
    path, card, _other = salon
    window = window_on(path)
    document = window.document
    click_card(qtbot, window, card)
    voice = open_voice(qtbot, window)
    click_comment(qtbot, voice, "Fast <b>and</b> friendly")
    qtbot.mouseClick(voice.promote_button, LEFT)
    (note,) = notes_of(document)
    assert note["text"] == "Fast <b>and</b> friendly"  # plain text, as the customer wrote it
    assert note["category"] == "praise"

    view, scene = window.tabs.current_view(), window.tabs.current_scene()
    item = scene.notes[note["id"]]
    view.centerOn(item)
    qtbot.mouseClick(
        view.viewport(), LEFT, pos=view.mapFromScene(item.sceneBoundingRect().center())
    )
    qtbot.waitUntil(lambda: scene.selected_note_ids() == [note["id"]])
    press(qtbot, window, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: notes_of(document) == [])

    click_card(qtbot, window, card)
    assert window.inspector.tabs.currentWidget() is voice  # the voice tab stays chosen
    click_comment(qtbot, voice, "Fast <b>and</b> friendly")
    assert voice.promote_button.isEnabled()
    assert not voice.list.currentIndex().data(PROMOTED_ROLE)


def test_the_context_menu_promotes_a_comment_and_not_one_without_text(qtbot, window_on, salon):
    path, card, _other = salon
    window = window_on(path)
    document = window.document
    click_card(qtbot, window, card)
    voice = open_voice(qtbot, window)
    qtbot.mouseClick(voice.empty_check, LEFT, pos=QPoint(6, voice.empty_check.height() // 2))

    def right_click(comment: str, entry: str) -> dict[str, bool]:
        seen: dict[str, bool] = {}
        done = False

        def pick():
            menu = QApplication.activePopupWidget()
            if not isinstance(menu, QMenu):
                if not done:
                    QTimer.singleShot(10, pick)
                return
            actions = [action for action in menu.actions() if not action.isSeparator()]
            seen.update({action.text(): action.isEnabled() for action in actions})
            chosen = next(action for action in actions if action.text() == entry)
            if chosen.isEnabled():
                menu.setActiveAction(chosen)
                QTest.keyClick(menu, Qt.Key.Key_Return)
            else:
                menu.close()

        row = shown_comments(voice).index(comment)
        index = voice.model.index(row)
        voice.list.scrollTo(index)
        point = voice.list.visualRect(index).center()
        viewport = voice.list.viewport()
        QTimer.singleShot(0, pick)
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point)
        )
        QApplication.sendEvent(viewport, event)  # returns when the menu closes
        done = True
        return seen

    assert right_click("", "Promote to Sticky Note")["Promote to Sticky Note"] is False
    assert notes_of(document) == []
    seen = right_click("积分过期没有提醒", "Promote to Sticky Note")
    assert seen["Promote to Sticky Note"] is True
    assert [note["text"] for note in notes_of(document)] == ["积分过期没有提醒"]
    assert right_click("积分过期没有提醒", "Copy Comment")["Promote to Sticky Note"] is False
    assert QApplication.clipboard().text() == "积分过期没有提醒"


# -- following the file ---------------------------------------------------------------------------


def test_a_card_without_answers_says_so_and_shows_its_answers_once_imported(
    qtbot, window_on, salon
):
    path, card, other = salon
    window = window_on(path)
    document = window.document
    click_card(qtbot, window, card)
    voice = open_voice(qtbot, window)
    click_card(qtbot, window, other)
    assert window.inspector.tabs.tabText(1) == "Voice"
    assert voice.hint.isVisible() and "File > Import Feedback" in voice.hint.text()
    assert not voice.chart.isVisible()

    stage_id = document.row("touchpoint", other)["stage_id"]
    resets: list[bool] = []
    voice.model.modelReset.connect(lambda: resets.append(True))
    # Answers about the other card, and an edit of it: nothing to show again here.
    document.import_feedback(JOURNEY, [answer(card, stage_id, 5, "late", "")], "more.csv")
    document.update_touchpoint(card, title="Pick-up shelf")
    assert resets == [] and voice.hint.isVisible()

    document.import_feedback(
        JOURNEY,
        [answer(other, stage_id, 9, "love it", ""), answer(other, stage_id, 2, "", "")],
        "b",
    )
    assert not voice.hint.isVisible() and voice.chart.isVisible()
    assert voice.chart.counts()[9] == 1 and voice.chart.counts()[2] == 1
    assert voice.caption.text() == "NPS 0 · n = 2"
    assert shown_comments(voice) == ["love it"]
    assert window.inspector.tabs.tabText(1) == "Voice (2)"

    document.undo_stack.undo()  # the import
    assert voice.hint.isVisible() and voice.shown() == []
    assert window.inspector.tabs.tabText(1) == "Voice"


def test_deleting_the_card_clears_the_voice_and_undo_keeps_the_answers(qtbot, window_on, salon):
    path, card, _other = salon
    window = window_on(path)
    document = window.document
    click_card(qtbot, window, card)
    voice = open_voice(qtbot, window)
    assert voice.card_id == card

    press(qtbot, window, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: document.row("touchpoint", card) is None)
    assert window.inspector.touchpoint_ids() == []
    assert voice.card_id is None and voice.shown() == [] and voice.answers() == []
    assert window.inspector.stack.currentIndex() == 0  # "Select a touchpoint card…"

    document.undo_stack.undo()
    click_card(qtbot, window, card)
    assert voice.chart.counts() == DISTRIBUTION


def test_several_cards_show_no_voice_tab_and_one_card_brings_back_the_tab_chosen(
    qtbot, window_on, salon
):
    path, card, other = salon
    window = window_on(path)
    click_card(qtbot, window, card)
    open_voice(qtbot, window)
    scene = window.tabs.current_scene()
    scene.select_touchpoints([card, other])
    qtbot.waitUntil(lambda: len(window.inspector.touchpoint_ids()) == 2)
    tabs = window.inspector.tabs
    assert not tabs.isTabVisible(1) and tabs.currentIndex() == 0
    assert not tabs.tabBar().isVisible()

    click_card(qtbot, window, other)  # one card again: the voice tab chosen before is back
    assert tabs.isTabVisible(1) and tabs.currentWidget() is window.inspector.voice
    window.inspector.focus_title()  # Edit Title goes to the details, and they stay chosen
    assert tabs.currentIndex() == 0
    click_card(qtbot, window, card)
    assert tabs.currentIndex() == 0
