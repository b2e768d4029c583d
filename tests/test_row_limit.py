"""A session holds at most ROWS_MAX rows of one kind, the most the check on open lets a file
hold: an edit that would go past it is refused in the window, said in one dialog naming the
edit, and leaves the file (and the undo history) as it was, so cocreate never writes a file it
would then refuse to open. Also for the edits that add many rows at once (survey answers)."""

from __future__ import annotations

import pytest

from cocreate.demo import write_demo
from cocreate.document import Document
from cocreate.store import session_file
from tests.test_full_disk import close_window, dialogs, intact, note_texts, open_window, write_note

__all__ = ["dialogs"]  # the fixture, shared with the full-disk tests


@pytest.fixture
def salon(tmp_path):
    path = tmp_path / "salon.cocreate"
    write_demo(path, answers=False)
    return path


def test_a_note_past_the_row_limit_is_refused_and_said(qtbot, salon, dialogs, monkeypatch):
    before = note_texts(salon)
    monkeypatch.setattr(session_file, "ROWS_MAX", len(before))  # the board is as full as can be
    window = open_window(qtbot, salon)
    try:
        window.document.undo_stack.clear()
        on_board = len(window.tabs.current_scene().notes)
        write_note(qtbot, window, "One too many 多了一张")
        qtbot.waitUntil(lambda: len(dialogs.seen) == 1)
        told = dialogs.seen[0]
        assert told["title"] == "Change Not Saved"
        assert "100 000" in told["text"] and "“Add Note”" in told["text"]
        assert note_texts(salon) == before
        assert window.document.undo_stack.count() == 0
        assert len(window.tabs.current_scene().notes) == on_board
    finally:
        close_window(window)
    assert intact(salon)


def test_an_import_of_answers_past_the_row_limit_adds_none(qtbot, salon, monkeypatch):
    monkeypatch.setattr(session_file, "ROWS_MAX", 5)
    document = Document.open(salon)
    try:
        journey = document.rows("journey")[0]["id"]
        failures = []
        document.write_failed.connect(failures.append)
        answers = [{"score": score, "comment": f"answer {score}"} for score in range(6)]
        assert document.import_feedback(journey, answers, "survey.csv") == 0
        assert document.feedback(journey) == []
        assert len(failures) == 1
        assert document.undo_stack.count() == 0
        assert document.import_feedback(journey, answers[:5], "survey.csv") == 5
    finally:
        document.close()
