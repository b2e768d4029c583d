"""Participants, the vote tally, the countdown and the voting dialog, driven with real input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QComboBox,
    QDialogButtonBox,
    QGraphicsScene,
    QGraphicsView,
    QLineEdit,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from cocreate.document import Document
from cocreate.model import Role
from cocreate.ui.participants import STICKY_COLORS, ParticipantsDock, next_sticky_color
from cocreate.ui.tally import VOTES_COLUMN, DotsDelegate, TallyDock
from cocreate.ui.timer import CountdownTimer, TimerOverlay, TimerPanel, TimerState
from cocreate.ui.voting_dialog import StartVotingDialog
from tests.gui_helpers import type_text, when_modal

JOURNEY = 1


@pytest.fixture
def document():
    doc = Document.new_untitled("en")
    yield doc
    doc.close(discard=True)


@pytest.fixture
def dock(qtbot, document):
    widget = ParticipantsDock()
    qtbot.addWidget(widget)
    widget.set_document(document)
    widget.resize(420, 560)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    yield widget
    widget.set_document(None)


def people(document: Document) -> list[dict]:
    return document.store.rows("participant", order_by="position")


def names_shown(tree: QTreeWidget, column: int = 0) -> list[str]:
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


def item_named(tree: QTreeWidget, name: str) -> QTreeWidgetItem:
    found = tree.findItems(name, Qt.MatchFlag.MatchExactly, 0)
    assert found, name
    return found[0]


def click_item(qtbot, tree: QTreeWidget, item: QTreeWidgetItem, column: int = 0) -> None:
    rect = tree.visualItemRect(item)
    x = tree.header().sectionViewportPosition(column) + 30
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y()))


def pick(qtbot, combo: QComboBox, value: str) -> None:
    """Open the combo's list, move to the value and press Enter, as a person would."""
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(combo.findData(value), 0))
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())


def add_by_typing(qtbot, dock: ParticipantsDock, name: str) -> None:
    qtbot.mouseClick(dock.name_edit, Qt.MouseButton.LeftButton)
    type_text(dock.name_edit, name)
    QTest.keyClick(dock.name_edit, Qt.Key.Key_Return)


def double_click(widget: QWidget, pos: QPoint) -> None:
    """What a real double-click delivers: press, release, double-click, release."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=pos)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)
    QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)


def the_editor(qtbot, tree: QTreeWidget) -> QLineEdit:
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert editor.parent() is tree.viewport()
    return editor


# -- participants: adding, renaming, recolouring, roles, removing ------------------------------


def test_an_empty_session_has_nobody_to_write(dock, document):
    assert dock.objectName() == "participantsDock"
    assert dock.windowTitle() == "Participants"
    assert dock.current_author() is None
    assert dock.author_label.text() == "Nobody yet"
    assert not dock.add_button.isEnabled()  # nothing typed yet
    assert not dock.rename_action.isEnabled()


def test_typing_names_and_enter_adds_people_one_command_each(qtbot, dock, document):
    stack = document.undo_stack
    for count, name in enumerate(["Alice", "王小明", "Li 雷"], start=1):
        add_by_typing(qtbot, dock, name)
        assert stack.count() == count
        assert dock.name_edit.text() == ""  # ready for the next person
    rows = people(document)
    assert [row["name"] for row in rows] == ["Alice", "王小明", "Li 雷"]
    assert [row["role"] for row in rows] == [Role.PARTICIPANT.value] * 3
    assert [row["color"] for row in rows] == list(STICKY_COLORS[:3])
    assert names_shown(dock.tree) == ["Alice", "王小明", "Li 雷"]
    assert names_shown(dock.tree, 1) == ["Participant"] * 3

    stack.undo()
    assert [row["name"] for row in people(document)] == ["Alice", "王小明"]
    assert names_shown(dock.tree) == ["Alice", "王小明"]


def test_a_new_person_gets_the_role_chosen_and_a_free_colour(qtbot, dock, document):
    document.add_participant("Ann", STICKY_COLORS[0], Role.PARTICIPANT.value)
    document.add_participant("Bo", STICKY_COLORS[2], Role.PARTICIPANT.value)
    qtbot.mouseClick(dock.name_edit, Qt.MouseButton.LeftButton)
    type_text(dock.name_edit, "Mr. Chen 陈先生")
    pick(qtbot, dock.new_role_combo, Role.CUSTOMER.value)
    qtbot.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)

    new = people(document)[-1]
    assert new["name"] == "Mr. Chen 陈先生"
    assert new["role"] == Role.CUSTOMER.value
    assert new["color"] == STICKY_COLORS[1]  # the first colour nobody has
    assert names_shown(dock.tree, 1)[-1] == "Customer"


def test_sticky_colours_are_twelve_distinct_ones_that_come_round_again():
    assert len(set(STICKY_COLORS)) == 12
    assert next_sticky_color([]) == STICKY_COLORS[0]
    assert next_sticky_color(STICKY_COLORS) == STICKY_COLORS[0]
    assert next_sticky_color([*STICKY_COLORS, STICKY_COLORS[0]]) == STICKY_COLORS[1]


@pytest.mark.parametrize("new_name", ["Alicia", "李雷", "Zoe 佐伊"])
def test_double_click_a_name_renames_in_place_as_one_command(qtbot, dock, document, new_name):
    pid = document.add_participant("Alice", STICKY_COLORS[0], Role.PARTICIPANT.value)
    stack = document.undo_stack
    before = stack.count()

    rect = dock.tree.visualItemRect(item_named(dock.tree, "Alice"))
    double_click(dock.tree.viewport(), rect.center())
    editor = the_editor(qtbot, dock.tree)
    assert editor.selectedText() == "Alice"
    type_text(editor, new_name)
    assert document.store.row("participant", pid)["name"] == "Alice"  # nothing while typing
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the view commits it on its next turn
    qtbot.waitUntil(lambda: dock.tree.state() != QTreeWidget.State.EditingState)

    assert document.store.row("participant", pid)["name"] == new_name
    assert stack.count() == before + 1
    assert names_shown(dock.tree) == [new_name]
    assert dock.author_label.text() == new_name
    stack.undo()
    assert names_shown(dock.tree) == ["Alice"]
    assert dock.author_label.text() == "Alice"


def test_f2_renames_and_escape_or_an_empty_name_change_nothing(qtbot, dock, document):
    pid = document.add_participant("Alice", STICKY_COLORS[0], Role.PARTICIPANT.value)
    before = document.undo_stack.count()
    dock.tree.setFocus()
    QTest.keyClick(dock.tree, Qt.Key.Key_F2)
    editor = the_editor(qtbot, dock.tree)
    type_text(editor, "Nobody")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dock.tree.state() != QTreeWidget.State.EditingState)
    QTest.keyClick(dock.tree, Qt.Key.Key_F2)
    editor = the_editor(qtbot, dock.tree)
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dock.tree.state() != QTreeWidget.State.EditingState)

    assert document.store.row("participant", pid)["name"] == "Alice"
    assert document.undo_stack.count() == before
    assert names_shown(dock.tree) == ["Alice"]


def test_recolour_through_the_colour_dialog(qtbot, dock, document):
    pid = document.add_participant("Alice", STICKY_COLORS[0], Role.PARTICIPANT.value)
    before = document.undo_stack.count()

    def choose(dialog):
        assert isinstance(dialog, QColorDialog)
        dialog.setCurrentColor(QColor("#80cbc4"))
        box = dialog.findChild(QDialogButtonBox)
        box.button(QDialogButtonBox.StandardButton.Ok).click()

    seen = when_modal(choose)
    qtbot.mouseClick(dock.recolour_button, Qt.MouseButton.LeftButton)

    assert "widget" in seen
    assert document.store.row("participant", pid)["color"] == "#80cbc4"
    assert document.undo_stack.count() == before + 1
    assert "#80cbc4" in dock.banner.styleSheet()
    document.undo_stack.undo()
    assert STICKY_COLORS[0] in dock.banner.styleSheet()


def test_role_of_the_chosen_person_changes_as_one_command(qtbot, dock, document):
    pid = document.add_participant("Ms. Wu", STICKY_COLORS[0], Role.PARTICIPANT.value)
    before = document.undo_stack.count()
    pick(qtbot, dock.role_combo, Role.FACILITATOR.value)
    assert document.store.row("participant", pid)["role"] == Role.FACILITATOR.value
    assert document.undo_stack.count() == before + 1
    assert names_shown(dock.tree, 1) == ["Facilitator"]
    document.undo_stack.undo()
    assert names_shown(dock.tree, 1) == ["Participant"]
    assert dock.role_combo.currentData() == Role.PARTICIPANT.value


def test_remove_asks_first_and_can_be_undone(qtbot, dock, document):
    document.add_participant("Alice", STICKY_COLORS[0], Role.PARTICIPANT.value)
    bob = document.add_participant("Bob <b>", STICKY_COLORS[1], Role.PARTICIPANT.value)
    dock.set_current_author(bob)
    before = document.undo_stack.count()

    seen = when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    qtbot.mouseClick(dock.remove_button, Qt.MouseButton.LeftButton)
    assert "Bob <b>" in seen["text"]  # the name as typed, never markup
    assert len(people(document)) == 2

    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    dock.activateWindow()  # as the window manager does when the message box closes
    qtbot.waitUntil(dock.isActiveWindow)
    dock.tree.setFocus()
    QTest.keyClick(dock.tree, Qt.Key.Key_Delete)
    assert [row["name"] for row in people(document)] == ["Alice"]
    assert document.undo_stack.count() == before + 1
    assert names_shown(dock.tree) == ["Alice"]

    document.undo_stack.undo()
    assert [row["name"] for row in people(document)] == ["Alice", "Bob <b>"]
    assert names_shown(dock.tree) == ["Alice", "Bob <b>"]


# -- participants: the current author -------------------------------------------------------------


def test_the_first_person_is_the_author_until_another_is_clicked(qtbot, dock, document):
    alice = document.add_participant("Alice", STICKY_COLORS[0], Role.FACILITATOR.value)
    assert dock.current_author() == alice
    bob = document.add_participant("王小明", STICKY_COLORS[1], Role.PARTICIPANT.value)
    assert dock.current_author() == alice  # adding someone does not change the author

    with qtbot.waitSignal(dock.current_author_changed) as signal:
        click_item(qtbot, dock.tree, item_named(dock.tree, "王小明"))
    assert signal.args == [bob]
    assert dock.current_author() == bob
    assert dock.author_label.text() == "王小明"
    assert dock.author_label.font().pointSize() >= 20
    assert dock.author_label.font().bold()
    assert dock.author_label.textFormat() == Qt.TextFormat.PlainText
    assert STICKY_COLORS[1] in dock.banner.styleSheet()

    assert dock.role_combo.currentData() == Role.PARTICIPANT.value
    QTest.keyClick(dock.tree, Qt.Key.Key_Up)  # the arrow keys choose too
    assert dock.current_author() == alice
    assert dock.role_combo.currentData() == Role.FACILITATOR.value


def test_choose_by_number(qtbot, dock, document):
    roles = [Role.FACILITATOR.value, Role.PARTICIPANT.value, Role.CUSTOMER.value]
    ids = [
        document.add_participant(name, color, role)
        for name, color, role in zip(["A", "B", "C"], STICKY_COLORS, roles, strict=False)
    ]
    with qtbot.waitSignal(dock.current_author_changed) as signal:
        assert dock.choose_by_number(3)
    assert signal.args == [ids[2]]
    assert dock.tree.currentItem().text(0) == "C"
    assert dock.author_label.text() == "C"
    assert dock.role_combo.currentData() == Role.CUSTOMER.value  # the edits act on C now
    assert not dock.choose_by_number(4)
    assert not dock.choose_by_number(0)
    assert dock.current_author() == ids[2]
    assert dock.set_current_author(ids[1])
    assert not dock.set_current_author(999)
    assert dock.current_author() == ids[1]


def test_the_author_falls_back_when_removed_and_after_undo(qtbot, dock, document):
    alice = document.add_participant("Alice", STICKY_COLORS[0], Role.PARTICIPANT.value)
    bob = document.add_participant("Bob", STICKY_COLORS[1], Role.PARTICIPANT.value)
    dock.set_current_author(bob)

    with qtbot.waitSignal(dock.current_author_changed) as signal:
        document.delete_participant(bob)
    assert signal.args == [alice]
    assert dock.author_label.text() == "Alice"
    document.undo_stack.undo()  # Bob is back, Alice stays the author
    assert dock.current_author() == alice

    dock.set_current_author(bob)
    document.undo_stack.undo()  # undoing Bob's arrival removes him
    assert dock.current_author() == alice
    with qtbot.waitSignal(dock.current_author_changed) as signal:
        document.undo_stack.undo()
    assert signal.args == [None]
    assert dock.current_author() is None
    assert dock.author_label.text() == "Nobody yet"


def test_votes_left_show_while_a_round_runs(qtbot, dock, document):
    alice = document.add_participant("Alice", STICKY_COLORS[0], Role.PARTICIPANT.value)
    document.add_participant("Bob", STICKY_COLORS[1], Role.PARTICIPANT.value)
    assert dock.tree.isColumnHidden(2)
    note = document.add_note(JOURNEY, "Long queue", alice, 0, 0)
    document.start_voting(3)
    assert not dock.tree.isColumnHidden(2)
    assert names_shown(dock.tree, 2) == ["3 of 3", "3 of 3"]

    document.add_vote(alice, note_id=note)
    document.add_vote(alice, note_id=note)
    assert names_shown(dock.tree, 2) == ["1 of 3", "3 of 3"]
    assert dock.author_detail.text() == "Votes left: 1 of 3"
    document.undo_stack.undo()
    assert names_shown(dock.tree, 2) == ["2 of 3", "3 of 3"]

    document.end_voting()
    assert dock.tree.isColumnHidden(2)
    assert dock.author_detail.text() == "Participant"


def test_a_read_only_session_lists_people_but_edits_nothing(qtbot, tmp_path):
    source = Document.new_untitled("en")
    source.add_participant("Alice", STICKY_COLORS[0], Role.PARTICIPANT.value)
    path = tmp_path / "salon.cocreate"
    source.save_as(path)
    source.close()
    document = Document.open(path, read_only=True)
    widget = ParticipantsDock()
    qtbot.addWidget(widget)
    widget.set_document(document)
    widget.show()
    qtbot.waitExposed(widget)
    try:
        assert names_shown(widget.tree) == ["Alice"]
        assert widget.current_author() is not None  # choosing an author writes nothing
        assert not widget.name_edit.isEnabled()
        assert not widget.add_button.isEnabled()
        assert not widget.rename_action.isEnabled()
        assert not widget.recolour_action.isEnabled()
        assert not widget.remove_action.isEnabled()
        assert not widget.role_combo.isEnabled()
        rect = widget.tree.visualItemRect(widget.tree.topLevelItem(0))
        double_click(widget.tree.viewport(), rect.center())
        assert widget.tree.state() != QTreeWidget.State.EditingState
    finally:
        widget.set_document(None)
        document.close()


# -- the tally ------------------------------------------------------------------------------------


@pytest.fixture
def tally(qtbot, document):
    widget = TallyDock()
    qtbot.addWidget(widget)
    widget.set_document(document)
    widget.set_journey(JOURNEY)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    yield widget
    widget.set_document(None)


def first_cell(document: Document) -> tuple[int, int]:
    stage = document.store.rows("stage", order_by="position", journey_id=JOURNEY)[0]
    lane = document.store.rows("lane", order_by="position", journey_id=JOURNEY)[1]
    return stage["id"], lane["id"]


def test_without_a_round_the_tally_says_so(tally, document):
    assert tally.objectName() == "tallyDock"
    assert tally.windowTitle() == "Votes"
    assert tally.round_label.text() == "No voting round is running"
    assert tally.stack.currentWidget() is tally.empty_label


def test_the_tally_ranks_by_dots_and_never_shows_a_private_note(qtbot, tally, document):
    ann = document.add_participant("Ann", STICKY_COLORS[0], Role.PARTICIPANT.value)
    bo = document.add_participant("Bo", STICKY_COLORS[1], Role.PARTICIPANT.value)
    cy = document.add_participant("Cy", STICKY_COLORS[2], Role.PARTICIPANT.value)
    stage_id, lane_id = first_cell(document)
    card = document.add_touchpoint(JOURNEY, stage_id, lane_id, title="Scan the QR code")
    open_note = document.add_note(JOURNEY, "Queue\nis  long", ann, 0, 0)
    document.set_private_mode(True)
    secret = document.add_note(JOURNEY, "Staff were rude 店员态度差", bo, 50, 0)
    document.add_note(JOURNEY, "Nobody voted for me", cy, 100, 0)
    document.start_voting(5)
    for person in (ann, bo, cy):
        document.add_vote(person, touchpoint_id=card)
    document.add_vote(cy, note_id=secret)
    document.add_vote(ann, note_id=secret)
    document.add_vote(bo, note_id=open_note)

    assert tally.round_label.text() == "Voting round 1 is running"
    assert tally.dots_label.text() == "Dots given: 6 of 15"
    assert tally.texts() == ["Scan the QR code", "(private note)", "Queue is long"]
    assert names_shown(tally.tree, 0) == ["1", "2", "3"]
    assert names_shown(tally.tree, 1) == ["3", "2", "1"]
    assert names_shown(tally.tree, 2) == ["Touchpoint", "Note", "Note"]
    dots = tally.tree.topLevelItem(1).data(VOTES_COLUMN, Qt.ItemDataRole.UserRole + 1)
    assert dots == [STICKY_COLORS[0], STICKY_COLORS[2]]  # in participant order
    assert isinstance(tally.tree.itemDelegateForColumn(VOTES_COLUMN), DotsDelegate)
    shown = [
        text
        for i in range(tally.tree.topLevelItemCount())
        for column in range(4)
        for text in (
            tally.tree.topLevelItem(i).text(column),
            tally.tree.topLevelItem(i).toolTip(column),
        )
    ]
    assert not any("rude" in text or "店员" in text for text in shown)

    document.add_vote(cy, note_id=open_note)  # a tie: both notes share rank 2
    document.add_vote(ann, note_id=open_note)  # …then the open note passes the secret one
    assert tally.texts() == ["Scan the QR code", "Queue is long", "(private note)"]
    document.undo_stack.undo()
    assert names_shown(tally.tree, 0) == ["1", "2", "2"]

    document.reveal_notes([secret])
    assert "Staff were rude 店员态度差" in tally.texts()

    tally.tree.setFocus()
    tally.tree.setCurrentItem(tally.tree.topLevelItem(0))
    with qtbot.waitSignal(tally.item_activated) as signal:
        QTest.keyClick(tally.tree, Qt.Key.Key_Return)
    assert signal.args == ["touchpoint", card]

    document.end_voting()
    assert tally.round_label.text() == "No voting round is running\nResults of round 1"
    assert tally.dots_label.text() == "Dots given: 7"
    assert tally.tree.topLevelItemCount() == 3


def test_the_tally_counts_only_the_shown_journey(tally, document):
    ann = document.add_participant("Ann", STICKY_COLORS[0], Role.PARTICIPANT.value)
    other = document.add_journey("Second", "loyalty", "en")
    note = document.add_note(other, "Elsewhere", ann, 0, 0)
    document.start_voting(2)
    document.add_vote(ann, note_id=note)
    assert tally.tree.topLevelItemCount() == 0
    assert tally.empty_label.text() == "No dots on this journey yet"
    tally.set_journey(other)
    assert tally.texts() == ["Elsewhere"]
    tally.set_journey(None)
    assert tally.tree.topLevelItemCount() == 0


# -- the countdown --------------------------------------------------------------------------------


def test_the_countdown_ticks_every_second_and_finishes(qtbot, monkeypatch):
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(1))
    timer = CountdownTimer(second_ms=20)
    ticks: list[int] = []
    timer.tick.connect(ticks.append)
    with qtbot.waitSignal(timer.finished, timeout=3000):
        timer.start(3)
        assert timer.running
        assert timer.remaining == 3
    assert ticks == [3, 2, 1, 0]
    assert timer.remaining == 0
    assert timer.is_finished and not timer.running
    assert beeps == [1]


def test_pause_keeps_the_time_left_and_resume_goes_on(qtbot):
    timer = CountdownTimer(second_ms=20, beep=False)
    timer.start(50)
    qtbot.waitUntil(lambda: timer.remaining <= 47, timeout=3000)
    timer.pause()
    assert timer.paused and not timer.running
    left = timer.remaining
    qtbot.wait(150)  # several "seconds" go by while paused
    assert timer.remaining == left
    timer.add(5)
    assert timer.remaining == left + 5
    timer.resume()
    assert timer.running
    with qtbot.waitSignal(timer.finished, timeout=5000):
        pass
    assert timer.remaining == 0


def test_reset_clears_and_add_after_the_end_starts_again(qtbot):
    timer = CountdownTimer(second_ms=10, beep=False)
    timer.start(60)
    timer.reset()
    assert timer.state == TimerState.IDLE
    assert timer.remaining == 0
    timer.add(60)
    assert timer.running and timer.remaining == 60
    timer.reset()


def test_the_panel_starts_pauses_and_resets(qtbot):
    timer = CountdownTimer(beep=False)
    panel = TimerPanel(timer)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.display.text() == "15:00"  # the custom length, before a start
    assert not panel.pause_button.isEnabled()

    qtbot.mouseClick(panel.preset_buttons[3], Qt.MouseButton.LeftButton)
    assert timer.running and timer.remaining == 180
    assert panel.display.text() == "03:00"
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert timer.paused
    assert panel.resume_button.isEnabled() and not panel.pause_button.isEnabled()
    qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    assert timer.running
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert timer.state == TimerState.IDLE

    panel.minutes_spin.setFocus()
    panel.minutes_spin.selectAll()
    QTest.keyClicks(panel.minutes_spin, "2")
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert timer.remaining == 120
    for button in (*panel.preset_buttons.values(), panel.start_button, panel.reset_button):
        assert button.toolTip()
    timer.reset()


def test_the_overlay_shows_the_time_then_times_up_until_clicked(qtbot):
    timer = CountdownTimer(second_ms=20, beep=False)
    viewport = QWidget()
    qtbot.addWidget(viewport)
    viewport.resize(1000, 600)
    viewport.show()
    qtbot.waitExposed(viewport)
    overlay = TimerOverlay(timer)
    overlay.attach(viewport)
    second = TimerOverlay(timer)  # the projector's view shows the same timer
    second.attach(viewport)
    assert not overlay.isVisible()

    timer.start(3)
    assert overlay.isVisible() and second.isVisible()
    assert overlay.text() == "00:03"
    assert overlay.text_font().pixelSize() >= 48
    assert overlay.geometry().right() == viewport.width() - overlay.MARGIN - 1
    viewport.resize(1200, 700)
    assert overlay.geometry().right() == 1200 - overlay.MARGIN - 1

    qtbot.waitSignal(timer.finished, timeout=3000).wait()
    qtbot.waitUntil(lambda: overlay.text() == "Time's up", timeout=3000)
    assert overlay.isVisible() and overlay.alarm() and overlay.pulsing()
    assert overlay.background().red() > 180 and overlay.background().green() < 100
    assert second.text() == "Time's up"
    qtbot.wait(100)
    assert overlay.isVisible()  # it stays until dismissed

    qtbot.mouseClick(overlay, Qt.MouseButton.LeftButton)
    assert timer.state == TimerState.IDLE
    assert not overlay.isVisible() and not second.isVisible()


class CountingView(QGraphicsView):
    """A view that counts the times something asks which items are under a rectangle."""

    looks = 0

    def items(self, *args):
        self.looks += 1
        return super().items(*args)


def test_the_overlay_looks_for_a_free_corner_only_when_shown_or_moved(qtbot):
    scene = QGraphicsScene(0, 0, 2000, 1000)
    for x in range(0, 2000, 100):
        scene.addRect(x, 0, 80, 80)
    view = CountingView(scene)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    timer = CountdownTimer(second_ms=20, beep=False)
    overlay = TimerOverlay(timer)
    overlay.attach(view.viewport())
    view.resize(900, 600)  # a board of 10 000 notes has hundreds under each corner
    assert view.looks == 0 and not overlay.isVisible()
    timer.start(60)
    assert overlay.isVisible() and view.looks > 0
    assert view.viewport().rect().contains(overlay.geometry())
    looks = view.looks
    qtbot.wait(120)  # ticks of the same size: it keeps its corner without looking again
    assert timer.remaining < 60 and view.looks == looks
    view.resize(1000, 650)
    assert view.looks > looks
    assert overlay.geometry().right() <= view.viewport().width() - overlay.MARGIN - 1
    timer.reset()


def test_the_overlay_stops_pulsing_and_stays_red(qtbot):
    timer = CountdownTimer(second_ms=10, beep=False)
    viewport = QWidget()
    qtbot.addWidget(viewport)
    viewport.resize(800, 500)
    viewport.show()
    overlay = TimerOverlay(timer, pulse_ms=5)
    overlay.attach(viewport)
    with qtbot.waitSignal(timer.finished, timeout=3000):
        timer.start(1)
    qtbot.waitUntil(lambda: not overlay.pulsing(), timeout=3000)
    assert overlay.isVisible()
    assert overlay.background() == overlay.ALARM
    timer.reset()
    assert not overlay.isVisible()


# -- the voting dialog ----------------------------------------------------------------------------


def test_start_voting_dialog_returns_and_remembers_the_budget(qtbot):
    dialog = StartVotingDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.budget() == 5
    assert dialog.budget_spin.minimum() == 1 and dialog.budget_spin.maximum() == 20
    assert "this many dots" in dialog.explanation.text()
    assert "Shift+click" in dialog.explanation.text()

    dialog.budget_spin.setFocus()
    dialog.budget_spin.selectAll()
    QTest.keyClicks(dialog.budget_spin, "8")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == StartVotingDialog.DialogCode.Accepted
    assert dialog.budget() == 8
    assert int(QSettings().value("votingBudget")) == 8

    again = StartVotingDialog()
    qtbot.addWidget(again)
    assert again.budget() == 8
    again.budget_spin.setValue(2)
    again.reject()
    assert StartVotingDialog().budget() == 8  # Cancel forgets
