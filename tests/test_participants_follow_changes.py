"""The participants list follows each edit by what it names: a dot given (from the desktop or a
phone) re-counts only its voter's line and reads at most that dot's row, a note added or moved
reads nothing, a person renamed or recoloured re-reads only their row; and after votes, undo,
renames and new rounds the list shows exactly what a list built afresh from the file shows."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cocreate.demo import write_demo
from cocreate.records import Change
from cocreate.ui.app import create_application, start_window
from cocreate.ui.main_window import MainWindow
from cocreate.ui.participants import VOTES_COLUMN, ParticipantsDock

JOURNEY = 1
LEO = 2  # 陈磊 Leo Chen, a participant of the demo
FREE_NOTE = 25  # a note of journey 1 that is in no cluster
TOP_NOTE = 3
#: The document's reads, and votes_left (three queries of its own).
READS = ("session", "row", "rows", "rows_by_id", "count", "votes_on", "votes_left", "tally")
PEOPLE = ("cocreate.ui.participants", "cocreate.ui.participant_rows")


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    create_application()
    main = start_window(str(path))
    main.activateWindow()
    qtbot.waitExposed(main)
    main.document.undo_stack.clear()
    yield main
    document = main.document
    main._set_document(None)
    document.close()
    main.close()
    main.deleteLater()


@pytest.fixture
def reads(monkeypatch, window: MainWindow) -> Counter[str]:
    """read -> how often the participants list asked the document for it."""
    counts: Counter[str] = Counter()
    document = window.document
    for name in READS:
        original = getattr(document, name)

        def read(*args, _original=original, _name=name, **kwargs):
            if sys._getframe(1).f_globals.get("__name__", "") in PEOPLE:
                counts[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(document, name, read)
    return counts


def shown(dock: ParticipantsDock) -> tuple:
    """What the list and the banner show: each line's texts, tool tips and icon."""
    tree = dock.tree
    lines = []
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        columns = range(tree.columnCount())
        lines.append(
            (
                tuple(item.text(c) for c in columns),
                tuple(item.toolTip(c) for c in columns),
                item.icon(0).pixmap(16, 16).toImage(),
            )
        )
    banner = dock.author_label.text(), dock.author_detail.text(), dock.banner.styleSheet()
    return lines, tree.isColumnHidden(VOTES_COLUMN), banner, dock.role_combo.currentText()


def assert_as_built_afresh(window: MainWindow) -> None:
    dock = window.participants
    fresh = ParticipantsDock()
    try:
        fresh.set_document(window.document)
        current = dock.current_author()
        if current is not None:
            fresh.set_current_author(current)
        assert shown(dock) == shown(fresh)
    finally:
        fresh.set_document(None)
        fresh.deleteLater()


def dots_left(window: MainWindow, participant_id: int) -> str:
    return window.participants._item(participant_id).text(VOTES_COLUMN)


def undo(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_a_dot_re_counts_only_its_voters_line(qtbot, window, reads):
    document, dock = window.document, window.participants
    assert document.start_voting(3)
    assert dots_left(window, LEO) == "3 of 3"
    others = [line for line in shown(dock)[0] if line[0][0] != "陈磊 Leo Chen"]

    reads.clear()
    assert document.add_vote(LEO, note_id=FREE_NOTE)
    assert dots_left(window, LEO) == "2 of 3"
    assert reads <= Counter({"rows_by_id": 1})  # the new dot's row at most: no whole table
    assert [line for line in shown(dock)[0] if line[0][0] != "陈磊 Leo Chen"] == others
    assert_as_built_afresh(window)

    reads.clear()
    assert document.phone_vote(LEO, note_id=TOP_NOTE) == 1  # a dot from Leo's phone
    assert dots_left(window, LEO) == "1 of 3"
    assert reads <= Counter({"rows_by_id": 1})
    dock.set_current_author(LEO)
    assert dock.author_detail.text() == "Votes left: 1 of 3"

    reads.clear()
    assert document.phone_unvote(LEO, note_id=TOP_NOTE) == 2  # taken back: known from the change
    assert dots_left(window, LEO) == "2 of 3"
    assert dock.author_detail.text() == "Votes left: 2 of 3"
    assert reads == Counter()
    assert_as_built_afresh(window)


def test_notes_added_or_moved_read_nothing_for_the_list(window, reads):
    document = window.document
    document.start_voting(3)
    phone = document.add_phone_participant("Mei 小美")
    reads.clear()
    note = document.add_phone_note(JOURNEY, phone, "From my phone 手机", "idea")
    document.add_note(JOURNEY, "Typed 打字", LEO, 40.0, 900.0)
    x = document.row("note", note)["x"]
    document.place_notes({note: {"x": x + 30, "y": 950.0}})
    document.set_session_fields(title="Second salon 第二场")
    assert reads == Counter()
    assert_as_built_afresh(window)


def test_a_person_renamed_or_recoloured_re_reads_only_their_row(qtbot, window, reads):
    document, dock = window.document, window.participants
    document.start_voting(3)
    dock.set_current_author(LEO)
    reads.clear()
    assert document.update_participant(LEO, name="Leo 陈磊", color="#ef9a9a")
    assert dock._item(LEO).text(0) == "Leo 陈磊"
    assert dock.author_label.text() == "Leo 陈磊"
    assert "#ef9a9a" in dock.banner.styleSheet()
    assert reads <= Counter({"rows_by_id": 1})
    assert_as_built_afresh(window)

    reads.clear()
    assert document.update_participant(LEO, vote_budget=5, role="customer")
    assert dots_left(window, LEO) == "5 of 5"
    assert dock.role_combo.currentData() == "customer"
    assert reads <= Counter({"rows_by_id": 1})
    assert_as_built_afresh(window)


def test_votes_undo_renames_and_rounds_show_as_built_afresh(qtbot, window):
    document = window.document
    assert document.start_voting(2)
    assert document.add_vote(LEO, note_id=FREE_NOTE)
    assert document.add_vote(3, touchpoint_id=13)
    assert document.add_vote(LEO, note_id=TOP_NOTE)
    assert dots_left(window, LEO) == "0 of 2"
    assert_as_built_afresh(window)

    undo(qtbot, window)  # Leo's last dot comes back
    assert dots_left(window, LEO) == "1 of 2"
    assert_as_built_afresh(window)

    assert document.update_participant(LEO, name="Leo")
    undo(qtbot, window)
    assert window.participants._item(LEO).text(0) == "陈磊 Leo Chen"
    assert_as_built_afresh(window)

    document.delete_items([], [], [FREE_NOTE])  # its dot goes with it
    assert dots_left(window, LEO) == "2 of 2"
    assert_as_built_afresh(window)
    undo(qtbot, window)
    assert dots_left(window, LEO) == "1 of 2"
    assert_as_built_afresh(window)

    newcomer = document.add_phone_participant("Tom")  # a new line: rebuilt
    assert dots_left(window, newcomer) == "2 of 2"
    assert_as_built_afresh(window)

    assert document.end_voting()
    assert window.participants.tree.isColumnHidden(VOTES_COLUMN)
    assert_as_built_afresh(window)
    assert document.start_voting(4)  # a new round: everyone has their dots again
    assert dots_left(window, LEO) == "4 of 4"
    assert_as_built_afresh(window)

    document.changed.emit(Change.everything())  # a write that did not reach the file
    assert_as_built_afresh(window)


def test_the_dots_left_column_shows_its_whole_text_as_budgets_change(qtbot, window):
    """The column is sized to its texts when the round starts and when a budget changes (not
    at every dot): "12 of 12" after a budget of 3 is raised fits, and so does every line. (A
    short column title here: "Votes left" is wider than these texts in English.)"""
    document, tree = window.document, window.participants.tree
    tree.setHeaderLabels(["Name", "Role", "#"])
    assert document.start_voting(3)

    def all_fit() -> bool:
        metrics = tree.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(tree.topLevelItem(i).text(VOTES_COLUMN))
            for i in range(tree.topLevelItemCount())
        )
        return tree.columnWidth(VOTES_COLUMN) >= widest

    assert all_fit()
    narrow = tree.columnWidth(VOTES_COLUMN)
    assert document.update_participant(LEO, vote_budget=12)
    assert dots_left(window, LEO) == "12 of 12"
    assert tree.columnWidth(VOTES_COLUMN) > narrow
    assert all_fit()
    assert document.add_vote(LEO, note_id=FREE_NOTE)
    assert dots_left(window, LEO) == "11 of 12"
    assert all_fit()
