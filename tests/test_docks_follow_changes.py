"""The Votes panel and the session outline follow each edit by what it names: moving a note
reads nothing for them, new text re-reads only the rows it names, a note added or deleted
(with N, the Delete key, undo, or from a phone) puts in or takes out only its line, and after
votes, undo and renames both show exactly what a panel built afresh from the file shows."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import type_text
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem

from cocreate.canvas.notes import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.demo import write_demo
from cocreate.document import Document
from cocreate.ui.app import create_application, start_window
from cocreate.ui.main_window import MainWindow
from cocreate.ui.overview import SessionOverview
from cocreate.ui.tally import TallyDock

JOURNEY = 1
TOP_NOTE = 3  # the demo's most voted note: first in the Votes panel, in cluster 1
LEO = 2  # 陈磊 Leo Chen, a participant of the demo
VOTED_CARD = 13
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
SECOND_JOURNEY_NOTE = 32  # the only note of journey 2 that is not in a cluster
WHOLE_TABLES = {"rows", "count", "tally", "latest_round"}  # reads that grow with the board
READS = ("session", "row", "rows", "rows_by_id", "count", "votes_on", "latest_round", "tally")
TALLY, OUTLINE = "cocreate.ui.tally", "cocreate.ui.overview"
WORKSHOP = "cocreate.ui.facilitation"  # the Workshop menu's actions


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    """The demo salon in the real window, the outline raised over the Inspector and the votes
    floated beside it, both on screen (a panel behind another is rebuilt when it is shown,
    not followed in place)."""
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    create_application()
    main = start_window(str(path))
    main.activateWindow()
    qtbot.waitExposed(main)
    main.showNormal()
    main.resize(1800, 1000)
    main.outline_dock.raise_()
    main.tally.setFloating(True)
    qtbot.waitUntil(lambda: main.overview.on_screen() and main.tally.on_screen())
    main.document.undo_stack.clear()
    yield main
    document = main.document
    main._set_document(None)
    document.close()
    main.close()
    main.deleteLater()


@pytest.fixture
def reads(monkeypatch, window: MainWindow) -> Counter[tuple[str, str]]:
    """(module, read) -> how often that module asked the document for it (whole tables,
    rows by id, the tally, …); cleared before each step a test measures."""
    counts: Counter[tuple[str, str]] = Counter()
    document = window.document
    for name in READS:
        original = getattr(document, name)

        def read(*args, _original=original, _name=name, **kwargs):
            counts[(sys._getframe(1).f_globals.get("__name__", ""), _name)] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(document, name, read)
    return counts


def by(module: str, counts: Counter[tuple[str, str]]) -> Counter[str]:
    return Counter({name: n for (where, name), n in counts.items() if where == module})


def lines(tree: QTreeWidget) -> list[tuple]:
    """Every line of a tree, depth first: its texts, tool tips and font's italics."""

    def walk(item: QTreeWidgetItem, depth: int) -> Iterator[tuple]:
        columns = range(tree.columnCount())
        yield (
            depth,
            tuple(item.text(c) for c in columns),
            tuple(item.toolTip(c) for c in columns),
            tuple(item.font(c).italic() for c in columns),
            item.data(1, Qt.ItemDataRole.UserRole + 1),  # the tally's dots
        )
        for index in range(item.childCount()):
            yield from walk(item.child(index), depth + 1)

    return [
        line
        for index in range(tree.topLevelItemCount())
        for line in walk(tree.topLevelItem(index), 0)
    ]


def fresh_tally(document: Document) -> tuple:
    panel = TallyDock()
    try:
        panel.set_document(document)
        panel.set_journey(JOURNEY)
        panel.refresh()  # built afresh (a panel that was never shown waits to be shown)
        return panel.round_label.text(), panel.dots_label.text(), lines(panel.tree)
    finally:
        panel.set_document(None)
        panel.deleteLater()


def fresh_outline(document: Document) -> tuple:
    panel = SessionOverview()
    try:
        panel.set_document(document)
        panel.refresh()  # built afresh (a panel that was never shown waits to be shown)
        return panel.title_label.text(), panel.meta_label.text(), lines(panel.tree)
    finally:
        panel.set_document(None)
        panel.deleteLater()


def assert_as_built_afresh(window: MainWindow) -> None:
    """Both panels show what panels built from the file now show."""
    tally, outline = window.tally, window.overview
    shown = tally.round_label.text(), tally.dots_label.text(), lines(tally.tree)
    assert shown == fresh_tally(window.document)
    shown = outline.title_label.text(), outline.meta_label.text(), lines(outline.tree)
    assert shown == fresh_outline(window.document)


def drag_note(window: MainWindow, note_id: int, by_x: float, by_y: float) -> None:
    """Press on the note's middle, move in steps, release: a person moving a sticky note."""
    view, scene = window.tabs.current_view(), window.tabs.current_scene()
    note = scene.notes[note_id]
    view.auto_fit = False
    view.centerOn(note)
    middle = note.pos() + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
    start, end = view.mapFromScene(middle), view.mapFromScene(middle + QPointF(by_x, by_y))
    QTest.mousePress(view.viewport(), LEFT, NO_MODIFIER, start)
    for step in range(1, 9):
        QTest.mouseMove(view.viewport(), start + (end - start) * (step / 8))
    QTest.mouseRelease(view.viewport(), LEFT, NO_MODIFIER, end)


def press(qtbot, window: MainWindow, key: Qt.Key, modifier=NO_MODIFIER) -> None:
    """A key press through the window system, so that the window's shortcuts see it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), key, modifier)


def undo(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def outline_texts(window: MainWindow) -> list[str]:
    return [line[1][0] for line in lines(window.overview.tree)]


def group_of(window: MainWindow, text: str) -> tuple[str, list[str]]:
    """The group line a note's line is under, and the notes' texts of that group in order."""
    found = window.overview.tree.findItems(
        text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    )
    assert len(found) == 1, found
    group = found[0].parent()
    return group.text(0), [group.child(i).text(0) for i in range(group.childCount())]


def test_moving_a_note_reads_nothing_for_the_votes_panel_or_the_outline(window, reads):
    before = lines(window.tally.tree), lines(window.overview.tree)
    x = window.document.row("note", TOP_NOTE)["x"]
    reads.clear()
    drag_note(window, TOP_NOTE, 30, 20)
    assert window.tabs.current_scene().notes[TOP_NOTE].row["x"] != x  # it moved
    assert by(TALLY, reads) == Counter()
    assert by(OUTLINE, reads) == Counter()
    assert (lines(window.tally.tree), lines(window.overview.tree)) == before


def test_edits_of_what_the_panels_do_not_show_read_nothing(window, reads):
    document = window.document
    reads.clear()
    document.update_touchpoint(VOTED_CARD, emotion=-2, description="Nobody reads this 没人看")
    document.update_stage(document.rows("stage", journey_id=JOURNEY)[0]["id"], width=400.0)
    document.set_private_mode(True)
    assert by(TALLY, reads) == Counter()
    assert by(OUTLINE, reads) == Counter()
    assert_as_built_afresh(window)


def test_a_new_text_re_reads_only_the_rows_it_names(window, reads):
    document = window.document
    reads.clear()
    document.update_notes([TOP_NOTE], text="Queue\nat the till  收银台排队")
    assert window.tally.texts()[0] == "Queue at the till 收银台排队"
    assert by(TALLY, reads) == Counter({"rows_by_id": 1})  # the note, not the whole tally
    assert "tally" not in by(OUTLINE, reads) and "rows" not in by(OUTLINE, reads)
    assert_as_built_afresh(window)

    reads.clear()
    document.update_touchpoint(VOTED_CARD, title="Pay at the till 收银台付款")
    assert "Pay at the till 收银台付款" in window.tally.texts()
    assert by(TALLY, reads) == Counter({"rows_by_id": 1})
    assert "rows" not in by(OUTLINE, reads)
    assert_as_built_afresh(window)

    reads.clear()
    document.rename_cluster(1, "Waiting 等待")
    document.set_session_fields(title="Morning Bean, second salon 第二场")
    assert by(TALLY, reads) == Counter()
    assert "rows" not in by(OUTLINE, reads)
    assert window.overview.title_label.text() == "Morning Bean, second salon 第二场"
    assert_as_built_afresh(window)


def test_votes_undo_and_renames_show_the_right_figures(qtbot, window, reads):
    document, tally = window.document, window.tally
    assert document.start_voting(3)
    assert tally.round_label.text() == "Voting round 2 is running"
    assert tally.tree.topLevelItemCount() == 0
    free_note = 25  # not in a cluster, no dots in round 1
    assert document.add_vote(LEO, note_id=free_note)
    assert document.add_vote(LEO, note_id=TOP_NOTE)
    assert document.add_vote(LEO, note_id=free_note)
    assert [tally.tree.topLevelItem(0).text(c) for c in range(3)] == ["1", "2", "Note"]
    assert tally.texts()[0] == " ".join(document.row("note", free_note)["text"].split())
    assert tally.dots_label.text().startswith("Dots given: 3 of ")
    assert_as_built_afresh(window)

    reads.clear()
    document.update_notes([free_note], text="Most dots now 现在最多")
    assert tally.texts() == ["Most dots now 现在最多", tally.texts()[1]]
    assert by(TALLY, reads) == Counter({"rows_by_id": 1})
    assert_as_built_afresh(window)

    undo(qtbot, window)  # the new text
    undo(qtbot, window)  # the last dot: the two notes tie
    assert [tally.tree.topLevelItem(i).text(0) for i in range(2)] == ["1", "1"]
    assert tally.dots_label.text().startswith("Dots given: 2 of ")
    assert_as_built_afresh(window)

    assert document.update_participant(LEO, color="#ef9a9a")  # his dots take his new colour
    assert tally.tree.topLevelItem(0).data(1, Qt.ItemDataRole.UserRole + 1) == ["#ef9a9a"]
    assert_as_built_afresh(window)

    assert document.end_voting()
    assert tally.round_label.text() == "No voting round is running\nResults of round 2"
    assert_as_built_afresh(window)


def test_a_note_written_with_n_takes_its_line_without_rebuilding_the_outline(qtbot, window, reads):
    view, scene = window.tabs.current_view(), window.tabs.current_scene()
    spot = QPointF(60, scene.layout.board_top + 40)
    view.auto_fit = False
    view.centerOn(spot)
    QCursor.setPos(view.viewport().mapToGlobal(view.mapFromScene(spot)))
    reads.clear()
    press(qtbot, window, Qt.Key.Key_N)
    editor = view.note_editor
    qtbot.waitUntil(editor.hasFocus)
    type_text(editor, "Bring a cup 自带杯子")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.isVisible()
    group, texts = group_of(window, "Bring a cup 自带杯子")
    assert group == "Not in a cluster"
    assert texts[-1] == "Bring a cup 自带杯子"  # no dots yet, the newest: last
    assert not WHOLE_TABLES & by(OUTLINE, reads).keys()
    assert_as_built_afresh(window)

    count = len(scene.notes)
    reads.clear()
    undo(qtbot, window)  # the note goes again, from the board and from the outline
    assert len(scene.notes) == count - 1
    assert "Bring a cup 自带杯子" not in outline_texts(window)
    assert not WHOLE_TABLES & by(OUTLINE, reads).keys()
    assert_as_built_afresh(window)


def test_deleting_a_voted_note_and_undoing_it_keep_the_outline_in_place(qtbot, window, reads):
    document, view = window.document, window.tabs.current_view()
    text = " ".join(document.row("note", TOP_NOTE)["text"].split())
    group, texts = group_of(window, text)
    assert texts[0] == text  # most dots: first in its cluster
    note = window.tabs.current_scene().notes[TOP_NOTE]
    view.auto_fit = False
    view.centerOn(note)
    middle = note.pos() + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, view.mapFromScene(middle))
    assert window.tabs.current_scene().selected_note_ids() == [TOP_NOTE]
    reads.clear()
    press(qtbot, window, Qt.Key.Key_Delete)
    assert document.row("note", TOP_NOTE) is None
    assert text not in outline_texts(window)
    assert not WHOLE_TABLES & by(OUTLINE, reads).keys()
    assert_as_built_afresh(window)

    reads.clear()
    undo(qtbot, window)  # the note and its dots come back: first in its cluster again
    assert group_of(window, text) == (group, texts)
    assert not WHOLE_TABLES & by(OUTLINE, reads).keys()
    assert_as_built_afresh(window)


def test_notes_from_a_phone_come_and_go_in_place_in_their_journey(window, reads):
    document = window.document
    phone = document.add_phone_participant("Mei 小美")
    text = " ".join(document.row("note", SECOND_JOURNEY_NOTE)["text"].split())
    assert group_of(window, text)[0] == "Not in a cluster"
    reads.clear()
    document.delete_items([], [], [SECOND_JOURNEY_NOTE])  # journey 2 keeps its clustered notes
    assert text not in outline_texts(window)
    assert outline_texts(window).count("Not in a cluster") == 1  # journey 1's only
    assert not WHOLE_TABLES & by(OUTLINE, reads).keys()
    assert_as_built_afresh(window)

    reads.clear()
    for index in range(3):
        document.add_phone_note(2, phone, f"From my phone 手机 {index}", "idea")
    assert group_of(window, "From my phone 手机 0") == (
        "Not in a cluster",
        [f"From my phone 手机 {index}" for index in range(3)],
    )
    assert not WHOLE_TABLES & by(OUTLINE, reads).keys()
    assert_as_built_afresh(window)


def test_a_journey_left_without_notes_and_its_first_note_show_as_built_afresh(window):
    document = window.document
    phone = document.add_phone_participant("Mei 小美")
    second = [row["id"] for row in document.rows("note", journey_id=2)]
    document.delete_items([], [], second)
    assert outline_texts(window).count("Notes") == 1  # journey 1's only
    assert_as_built_afresh(window)
    document.add_phone_note(2, phone, "First again 又是第一条", "question")
    assert group_of(window, "First again 又是第一条")[0] == "Not in a cluster"
    assert_as_built_afresh(window)


def test_notes_from_phones_read_nothing_for_the_workshop_actions(window, reads):
    document, actions = window.document, window.facilitation
    phone = document.add_phone_participant("Mei 小美")
    assert actions.reveal_all_action.isEnabled()  # two notes of the demo are face down
    actions.reveal_all_action.trigger()
    assert not actions.reveal_all_action.isEnabled()
    reads.clear()
    for index in range(3):
        document.add_phone_note(JOURNEY, phone, f"Face up 正面 {index}", "idea")
    assert by(WORKSHOP, reads) == Counter({"rows_by_id": 3})  # is the new note face down?
    assert not actions.reveal_all_action.isEnabled()

    document.set_private_mode(True)
    assert actions.private_action.isChecked()
    reads.clear()
    hidden = [document.add_phone_note(JOURNEY, phone, f"Private 私密 {i}", "idea") for i in (1, 2)]
    assert actions.reveal_all_action.isEnabled()
    assert by(WORKSHOP, reads) == Counter({"rows_by_id": 1})  # the second changes nothing

    reads.clear()
    document.reveal_notes(hidden)
    assert not actions.reveal_all_action.isEnabled()
    assert by(WORKSHOP, reads) == Counter({"count": 1})  # notes turned over: any left?

    assert actions.start_voting_action.isEnabled()
    document.start_voting(3)
    assert (actions.start_voting_action.isEnabled(), actions.end_voting_action.isEnabled()) == (
        False,
        True,
    )
    reads.clear()
    assert document.add_vote(phone, note_id=hidden[0])
    document.update_notes([hidden[1]], text="New words 新的话")
    assert by(WORKSHOP, reads) == Counter()


def test_a_note_from_a_phone_reads_no_whole_table_on_its_way_to_the_screen(window, reads):
    """The board, the outline, the Votes panel, the people and the Workshop actions each read
    at most the new note: the cost of one note does not grow with the board."""
    document = window.document
    phone = document.add_phone_participant("Mei 小美")
    reads.clear()
    note = document.add_phone_note(JOURNEY, phone, "Just one 只有一条", "praise")
    assert note in window.tabs.current_scene().notes
    assert not WHOLE_TABLES & {name for _, name in reads}, reads
    assert "votes_on" not in by("cocreate.canvas.updates", reads)  # a new note has no dots
    assert_as_built_afresh(window)


def test_people_joining_from_phones_take_their_lines_in_place(qtbot, window, reads):
    document, outline = window.document, window.overview
    people = document.count("participant")
    reads.clear()
    for name in ("Mei 小美", "Tom"):
        document.add_phone_participant(name)
    assert outline.meta_label.text().endswith(f"Participants: {people + 2}")
    assert outline_texts(window)[-2:] == ["Mei 小美", "Tom"]
    assert not WHOLE_TABLES & by(OUTLINE, reads).keys()
    assert_as_built_afresh(window)

    undo(qtbot, window)  # Tom leaves the list again: it is rebuilt
    assert outline_texts(window)[-1] == "Mei 小美"
    assert_as_built_afresh(window)
