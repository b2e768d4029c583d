"""Survey answers through the open session: an import is one undo step named for its count, the
window's Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) take it back and bring it again, and deleting a
stage, a card or a journey keeps or takes its answers inside that one undoable action."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocreate.demo import write_demo
from cocreate.document import Document
from cocreate.document_feedback import AnswerError
from cocreate.ui.app import create_application, start_window
from tests.disk_faults import DiskFault, failing_disk


def answers_about(document: Document, journey_id: int, count: int, seed: int = 11) -> list[dict]:
    cards = document.rows("touchpoint", journey_id=journey_id)
    rng = random.Random(seed)
    answers = []
    for index in range(count):
        card = rng.choice(cards)
        answers.append(
            {
                "score": rng.randint(0, 10),
                "comment": rng.choice(["", "排队太久", "很方便 <b>good</b>"]),
                "date": "2026-03-05",
                "channel": "微信",
                "stage_id": card["stage_id"],
                "touchpoint_id": card["id"],
                "tier": "金卡",
                "customer_type": "loyal",
                "respondent": f"R{index}",
                "source_row": index + 2,
            }
        )
    return answers


@pytest.fixture
def document(tmp_path, qapp):
    path = tmp_path / "salon.cocreate"
    write_demo(path, answers=False)
    document = Document.open(path)
    yield document
    document.close()


def test_an_import_is_one_undo_step_and_the_change_names_every_answer(document):
    changes = []
    document.changed.connect(changes.append)
    count = document.import_feedback(1, answers_about(document, 1, 300), "/tmp/回访 survey.csv")
    assert count == 300
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Import 300 feedback answers"
    assert len(changes) == 1 and changes[0].tables == {"feedback"}
    answers = document.feedback(1)
    assert changes[0].inserted["feedback"] == {row["id"] for row in answers}
    assert {row["source"] for row in answers} == {"回访 survey.csv"}
    scores = document.feedback_scores(1)
    assert scores.count == 300 == sum(sum(c) for c in scores.by_touchpoint.values())
    assert document.feedback(2) == [] and document.feedback_scores(2).count == 0

    document.undo_stack.undo()
    assert document.feedback(1) == [] and changes[-1].deleted["feedback"] == set(
        changes[0].inserted["feedback"]
    )
    document.undo_stack.redo()
    assert document.feedback(1) == answers


def test_one_answer_is_one_step_named_for_its_count(document):
    assert document.import_feedback(2, [{"score": 9}], "x.csv") == 1
    assert document.undo_stack.undoText() == "Import One Feedback Answer"
    assert document.import_feedback(2, [{"score": 9}, {"score": 3}], "y.csv") == 2
    assert document.undo_stack.undoText() == "Import 2 feedback answers"
    assert document.feedback(2)[0]["stage_id"] is None


def test_an_answer_that_breaks_a_rule_imports_nothing_and_leaves_no_step(document):
    changes = []
    document.changed.connect(changes.append)
    answers = answers_about(document, 1, 20)
    answers[7]["score"] = 11
    with pytest.raises(AnswerError, match="answer 8, score: must be an integer from 0 to 10"):
        document.import_feedback(1, answers, "x.csv")
    answers[7]["score"] = 3
    answers[9]["touchpoint_id"] = document.rows("touchpoint", journey_id=2)[0]["id"]
    with pytest.raises(AnswerError, match="answer 10, touchpoint_id: no touchpoint"):
        document.import_feedback(1, answers, "x.csv")
    assert document.feedback(1) == [] and document.undo_stack.count() == 0 and changes == []
    assert document.import_feedback(1, [], "x.csv") == 0 and document.undo_stack.count() == 0


def test_deleting_a_stage_or_a_card_keeps_its_answers_and_undo_relinks_them(document):
    document.import_feedback(1, answers_about(document, 1, 200), "x.csv")
    before = document.feedback(1)
    stage = before[0]["stage_id"]
    card = next(row["touchpoint_id"] for row in before if row["stage_id"] != stage)

    assert document.delete_stage(stage)
    after = document.feedback(1)
    assert len(after) == 200
    assert all(
        row["stage_id"] is None and row["touchpoint_id"] is None
        for row, was in zip(after, before, strict=True)
        if was["stage_id"] == stage
    )
    assert document.undo_stack.undoText() == "Delete Stage"

    assert document.delete_items([card], [])
    assert [row["touchpoint_id"] for row in document.feedback(1)].count(card) == 0
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.feedback(1) == before
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert len(document.feedback(1)) == 200 and all(
        row["touchpoint_id"] != card and row["stage_id"] != stage for row in document.feedback(1)
    )


def test_deleting_a_journey_deletes_its_answers_and_undo_brings_them_back(document):
    document.import_feedback(1, answers_about(document, 1, 50), "x.csv")
    document.import_feedback(2, answers_about(document, 2, 5), "y.csv")
    before = document.feedback(1)
    assert document.delete_journey(1)
    assert document.feedback(1) == [] and len(document.feedback(2)) == 5
    document.undo_stack.undo()
    assert document.feedback(1) == before
    document.undo_stack.redo()
    assert document.count("feedback") == 5


def test_the_windows_undo_takes_an_import_back_and_redo_brings_it_again(qtbot, tmp_path):
    path = tmp_path / "salon.cocreate"
    write_demo(path, answers=False)
    create_application()
    window = start_window(str(path))
    try:
        window.activateWindow()
        qtbot.waitExposed(window)
        document = window.document
        document.import_feedback(1, answers_about(document, 1, 120), "x.csv")
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert document.feedback(1) == []
        qtbot.keyClick(
            window.windowHandle(),
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert len(document.feedback(1)) == 120
    finally:
        window._set_document(None)
        document.close()
        window.close()
        window.deleteLater()


@pytest.mark.parametrize("failing", [1, 2], ids=["the insert", "the commit"])
def test_an_import_the_full_disk_refuses_adds_nothing_and_is_told_once(qapp, tmp_path, failing):
    path = tmp_path / "salon.cocreate"
    write_demo(path, answers=False)
    fault = DiskFault(at=10**9)
    with failing_disk(fault):
        document = Document.open(path)
        try:
            told = []
            document.write_failed.connect(told.append)
            answers = answers_about(document, 1, 500)
            fault.at = fault.writes + failing
            assert document.import_feedback(1, answers, "x.csv") == 0
            assert len(told) == 1 and "Import 500 feedback answers" in told[0].edits
            assert document.undo_stack.count() == 0
            fault.free()
            assert document.feedback(1) == []
            assert document.import_feedback(1, answers, "x.csv") == 500  # space was freed
        finally:
            document.close()
