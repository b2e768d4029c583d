"""File > Import Feedback… as a facilitator uses it: a file of survey answers chosen, its columns
guessed from the headers, the first rows previewed with their problems, unmatched touchpoints
linked by hand, bad rows skipped or not, and the answers imported into the chosen journey in one
undo step. Only the file dialog's choice is stubbed."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from gui_helpers import close_without_saving, when_modal
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog

from cocreate.demo import write_demo
from cocreate.feedback import Field, ReadProblem, ValueProblem
from cocreate.ui.app import create_application, start_window
from cocreate.ui.feedback_dialog import FeedbackImportDialog
from cocreate.ui.feedback_texts import READ_PROBLEMS, VALUE_PROBLEMS

LOYALTY, FIRST_VISIT = 1, 2  # the demo's journeys
BUY_STAGE, PEAK_HOUR_PICKUP = 3, 13  # a stage and a card of the loyalty journey
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, tmp_path):
    """The demo salon open in the window, closed without questions after the test."""
    path = tmp_path / "salon.cocreate"
    write_demo(path, answers=False)
    create_application()
    window = start_window(str(path))
    window.activateWindow()
    qtbot.waitExposed(window)
    yield window
    close_without_saving(window)


def write_csv(folder: Path, name: str, lines: list[str], encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press through the window system, so that shortcuts see it."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), key, modifier)


def open_dialog(qtbot, monkeypatch, window, path: Path) -> FeedbackImportDialog:
    """Ctrl+Shift+F, the file chosen in the file dialog, and the file read."""
    chosen: list[str] = []

    def get_open_file_name(parent, caption="", folder="", filters="", *args, **kwargs):
        chosen.append(filters)
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    press(qtbot, window, Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.feedback.dialog is not None)
    assert "*.csv" in chosen[0] and "*.xlsx" in chosen[0]
    dialog = window.feedback.dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and not dialog.worker_busy)
    return dialog


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Open a combo's list with a click, point at the line that reads text and press Enter."""
    click(qtbot, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    found = [i for i in range(combo.count()) if combo.itemText(i).strip() == text]
    assert found, f"{text!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    index = combo.model().index(found[-1], 0)
    view.scrollTo(index)
    QTest.mouseMove(view.viewport(), view.visualRect(index).center())
    qtbot.waitUntil(lambda: view.currentIndex() == index)
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentIndex() == found[-1]


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def wait_ready(qtbot, dialog: FeedbackImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.worker_busy)


def import_and_wait(qtbot, window, dialog: FeedbackImportDialog) -> None:
    assert dialog.import_button.isEnabled()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: window.feedback.dialog is None)


def test_a_gb18030_csv_with_chinese_headers_is_mapped_and_imported_into_the_chosen_journey(
    qtbot, monkeypatch, window, tmp_path
):
    lines = ["编号,推荐分,评价,阶段,渠道,日期"]
    lines += ["1,9,门头很醒目,预触点,门店,2026年3月5日", "2,10,咖啡师很耐心,核心触点,门店,2026/3/6"]
    lines += ["3,6,等太久,核心触点,小程序,2026-03-07"]
    path = write_csv(tmp_path, "新店回访.csv", lines, "gb18030")
    dialog = open_dialog(qtbot, monkeypatch, window, path)

    assert dialog.journey_id() == LOYALTY  # the journey on screen
    assert dialog.field_combos[Field.SCORE].currentText() == "B · 推荐分"
    assert dialog.field_combos[Field.COMMENT].currentText() == "C · 评价"
    assert dialog.field_combos[Field.STAGE].currentText() == "D · 阶段"
    assert dialog.field_combos[Field.RESPONDENT].currentText() == "A · 编号"
    assert dialog.preview.item(0, 3).text() == "门头很醒目"
    # The loyalty journey has no stage 预触点: the rows wait for a choice.
    assert not dialog.import_button.isEnabled()
    assert not dialog.stage_box.isHidden()

    choose(qtbot, dialog.journey_combo, "新店首访旅程 New store first visit")
    wait_ready(qtbot, dialog)
    assert dialog.stage_box.isHidden()
    assert dialog.summary_label.text() == "All 3 rows are ready."
    import_and_wait(qtbot, window, dialog)

    answers = window.document.feedback(FIRST_VISIT)
    assert sorted(answer["score"] for answer in answers) == [6, 9, 10]
    assert {answer["comment"] for answer in answers} == {"门头很醒目", "咖啡师很耐心", "等太久"}
    assert window.document.feedback(LOYALTY) == []
    message = window.statusBar().currentMessage()
    assert message == "Imported 3 feedback answers into 新店首访旅程 New store first visit"


def test_a_bad_score_blocks_the_import_until_bad_rows_are_skipped(
    qtbot, monkeypatch, window, tmp_path
):
    lines = ["NPS,Comment", "9,quick pickup", "12,points expired", "abc,", "7,fine", "3,queue"]
    dialog = open_dialog(qtbot, monkeypatch, window, write_csv(tmp_path, "nps.csv", lines))

    assert not dialog.import_button.isEnabled()
    summary = dialog.summary_label.text()
    assert summary.startswith("3 of 5 rows ready; 2 have problems (first: row 3, column A")
    assert "the score is outside 0 to 10" in summary
    assert dialog.skip_box.isVisible() and dialog.skip_box.text() == "&Skip the 2 bad rows"
    bad = dialog.preview.item(1, 1)  # row 3's score
    assert bad.toolTip() == "the score is outside 0 to 10 (“12”)"
    assert "the score is outside 0 to 10" in dialog.preview.item(1, 0).text()
    assert dialog.preview.item(0, 0).text() == ""

    box = dialog.skip_box  # a click on its box (its row is wider than what answers a click)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.import_button.isEnabled()
    import_and_wait(qtbot, window, dialog)

    answers = window.document.feedback(LOYALTY)
    assert sorted(answer["score"] for answer in answers) == [3, 7, 9]
    assert window.statusBar().currentMessage().startswith("Imported 3 feedback answers into")


def test_an_unmatched_touchpoint_is_linked_to_the_card_chosen_in_the_match_table(
    qtbot, monkeypatch, window, tmp_path
):
    lines = [
        "推荐分,触点,评价",
        "3,高峰到店取餐,排队太久",
        "4,高峰到店取餐,",
        "9,小程序预点单,方便",
    ]
    dialog = open_dialog(qtbot, monkeypatch, window, write_csv(tmp_path, "触点.csv", lines))

    assert not dialog.import_button.isEnabled()
    table = dialog.card_matches
    assert table.isVisible() and table.rowCount() == 2
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("高峰到店取餐", "2")
    assert dialog.preview.item(0, 2).toolTip().startswith("no touchpoint of the journey has")

    choose(qtbot, table.combo("高峰到店取餐"), "高峰到店取餐 Peak-hour pickup")
    wait_ready(qtbot, dialog)
    assert not dialog.import_button.isEnabled()  # 小程序预点单 still waits
    choose(qtbot, table.combo("小程序预点单"), "Link to none")
    wait_ready(qtbot, dialog)
    assert table.rowCount() == 2  # the choices made stay in view
    import_and_wait(qtbot, window, dialog)

    answers = {answer["score"]: answer for answer in window.document.feedback(LOYALTY)}
    assert answers[3]["touchpoint_id"] == answers[4]["touchpoint_id"] == PEAK_HOUR_PICKUP
    assert answers[3]["stage_id"] == BUY_STAGE  # the card's stage
    assert answers[9]["touchpoint_id"] is None


def test_without_a_score_column_nothing_can_be_imported(qtbot, monkeypatch, window, tmp_path):
    path = write_csv(tmp_path, "nps.csv", ["Respondent,Comment", "a1,good", "a2,bad"])
    dialog = open_dialog(qtbot, monkeypatch, window, path)
    assert dialog.field_combos[Field.SCORE].currentText() == "(none)"
    assert dialog.summary_label.text() == "Choose the column that holds the score (0–10)."
    assert not dialog.import_button.isEnabled()

    choose(qtbot, dialog.field_combos[Field.SCORE], "B · Comment")
    wait_ready(qtbot, dialog)
    assert dialog.summary_label.text().startswith("0 of 2 rows ready; 2 have problems")
    assert not dialog.import_button.isEnabled()


def test_a_card_deleted_while_the_dialog_is_open_is_asked_about_again(
    qtbot, monkeypatch, window, tmp_path
):
    lines = ["推荐分,触点", "3,高峰到店取餐 Peak-hour pickup", "9,高峰到店取餐 Peak-hour pickup"]
    dialog = open_dialog(qtbot, monkeypatch, window, write_csv(tmp_path, "触点.csv", lines))
    assert dialog.summary_label.text() == "All 2 rows are ready."
    window.document.delete_items([PEAK_HOUR_PICKUP], [])  # from elsewhere: the card goes
    undo_steps = window.document.undo_stack.count()

    click(qtbot, dialog.import_button)
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith("The journey changed meanwhile")
    assert window.document.feedback(LOYALTY) == []
    assert window.document.undo_stack.count() == undo_steps
    wait_ready(qtbot, dialog)
    assert dialog.card_matches.rowCount() == 1  # the value is unmatched now
    assert not dialog.import_button.isEnabled()


def test_a_file_that_is_not_a_workbook_says_so_and_imports_nothing(
    qtbot, monkeypatch, window, tmp_path
):
    fake = tmp_path / "answers.xlsx"
    fake.write_text("score,comment\n9,good\n", encoding="utf-8")
    dialog = open_dialog(qtbot, monkeypatch, window, fake)

    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "“answers.xlsx” is not an XLSX workbook, or it is damaged: save it again as .xlsx or"
        " as CSV UTF-8."
    )
    assert not dialog.import_button.isEnabled()
    assert not dialog.field_combos[Field.SCORE].isEnabled()
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
    qtbot.waitUntil(lambda: window.feedback.dialog is None)
    assert window.document.feedback(LOYALTY) == []
    assert not window.document.undo_stack.canUndo()


def test_cancel_changes_nothing(qtbot, monkeypatch, window, tmp_path):
    path = write_csv(tmp_path, "nps.csv", ["score,comment", "9,good", "2,bad"])
    session = window.document.path
    before = session.read_bytes()
    dialog = open_dialog(qtbot, monkeypatch, window, path)
    assert dialog.import_button.isEnabled()

    press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.feedback.dialog is None)
    assert window.document.feedback(LOYALTY) == []
    assert not window.document.undo_stack.canUndo()
    assert session.read_bytes() == before
    assert window.statusBar().currentMessage() == ""


def test_undo_takes_the_whole_import_back(qtbot, monkeypatch, window, tmp_path):
    lines = ["score,comment"] + [f"{n % 11},answer {n}" for n in range(30)]
    dialog = open_dialog(qtbot, monkeypatch, window, write_csv(tmp_path, "nps.csv", lines))
    import_and_wait(qtbot, window, dialog)
    assert len(window.document.feedback(LOYALTY)) == 30

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.feedback(LOYALTY) == []
    assert not window.document.undo_stack.canUndo()


def test_a_read_only_session_takes_no_feedback(qtbot, monkeypatch, tmp_path):
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    when_modal(lambda box: box.accept())  # "Opened Read-Only"
    create_application()
    window = start_window(str(path))
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args: asked.append("file") or ("", ""))
    )
    try:
        qtbot.waitExposed(window)
        assert window.document.read_only
        assert not window.feedback.import_action.isEnabled()
        press(qtbot, window, Qt.Key.Key_F, CTRL_SHIFT)
        assert asked == [] and window.feedback.dialog is None
    finally:
        document = window.document
        window._set_document(None)
        document.close()
        window.close()
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_import_feedback_needs_a_session_that_takes_edits(window):
    assert window.feedback.import_action.isEnabled()
    assert "Feedback" in window.feedback.import_action.text()
    assert window.feedback.import_action in window.file_menu.actions()
    document = window.document
    window._set_document(None)
    document.close()
    assert not window.feedback.import_action.isEnabled()


def test_every_problem_of_a_file_or_a_cell_has_the_windows_own_words():
    assert set(READ_PROBLEMS) == set(ReadProblem)
    assert set(VALUE_PROBLEMS) == set(ValueProblem)
