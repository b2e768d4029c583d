"""Cases a careful facilitator (or a stray clipboard) runs into: saving over a file another
window has open, a projector view that must not edit, one paste being one undo step, and
pasted data from elsewhere."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtWidgets import QApplication

from cocreate.canvas.mime import TOUCHPOINTS_MIME
from cocreate.canvas.scene import JourneyScene
from cocreate.canvas.view import JourneyView
from cocreate.document import Document
from cocreate.store import FileProblem, SessionFile, SessionFileError
from cocreate.ui.audience import AudienceWindow
from cocreate.ui.timer import CountdownTimer


@pytest.fixture
def document(qapp):
    doc = Document.new_untitled("en")
    yield doc
    doc.close(discard=True)


def first_cell(scene: JourneyScene) -> QPointF:
    cell = next(iter(scene.layout.cells.values()))
    return QPointF(cell.x + 5, cell.y + 5)


def test_save_as_onto_a_file_open_in_another_window_leaves_it_alone(document, tmp_path):
    other_path = tmp_path / "theirs.cocreate"
    other = SessionFile.create(other_path, title="Their salon")
    try:
        before = other_path.read_bytes()
        document.rename_session("Mine")
        with pytest.raises(SessionFileError) as caught:
            document.save_as(other_path)
        assert caught.value.problem is FileProblem.LOCKED
        assert other_path.read_bytes() == before
        assert other.session_row()["title"] == "Their salon"
        assert document.untitled and document.path.exists()  # still working on its own file
    finally:
        other.close()


def test_the_audience_display_never_opens_an_editor(document, qtbot):
    scene = JourneyScene(document, 1)
    view = JourneyView(scene)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    audience = AudienceWindow(CountdownTimer())
    qtbot.addWidget(audience)
    audience.follow(view)
    assert scene.start_new_note(QPointF(300, scene.layout.board_top + 100))
    assert view.note_editor.isVisible()
    assert not audience.view.note_editor.isVisible()
    scene.rename_stage_in_place(scene.layout.stage_order[0])
    assert not audience.view.editor.isVisible()
    view.note_editor.cancel()
    audience.follow(None)
    scene.detach()


def _clipboard(payload: dict) -> QMimeData:
    data = QMimeData()
    data.setData(TOUCHPOINTS_MIME, json.dumps(payload).encode("utf-8"))
    return data


def test_pasting_cards_and_notes_together_is_one_undo_step(document):
    scene = JourneyScene(document, 1)
    payload = {
        "touchpoints": [{"id": 99, "title": "卡片 Card", "kind": "core"}],
        "links": [],
        "notes": [{"text": "便签 note", "x": 10.0, "y": 2000.0}],
    }
    ids = scene.paste(_clipboard(payload), first_cell(scene))
    assert len(ids) == 2
    assert document.undo_stack.count() == 1
    assert document.store.count("touchpoint") == 1 and document.store.count("note") == 1
    document.undo_stack.undo()
    assert document.store.count("touchpoint") == 0 and document.store.count("note") == 0
    scene.detach()


def test_pasted_values_from_elsewhere_are_checked(document):
    scene = JourneyScene(document, 1)
    payload = {
        "touchpoints": [
            {
                "id": 1,
                "title": "T",
                "kind": "weird",
                "channel": "telepathy",
                "status": 3,
                "emotion": 9,
                "score": 44,
            }
        ],
        "links": [],
        "notes": [{"text": "n", "category": "nonsense"}],
    }
    scene.paste(_clipboard(payload), first_cell(scene))
    (card,) = document.store.rows("touchpoint")
    assert (card["kind"], card["channel"], card["status"]) == ("core", "other", "idea")
    assert card["emotion"] == 2 and card["score"] == 10
    (note,) = document.store.rows("note")
    assert note["category"] == ""
    scene.detach()


def test_a_note_undone_while_being_edited_is_not_written(document, qtbot):
    scene = JourneyScene(document, 1)
    note_id = document.add_note(1, "first", None, 100.0, 2000.0)
    document.undo_stack.undo()  # the note is gone while its editor would still be open
    assert scene.commit_note(note_id, "typed later") == note_id
    assert document.store.row("note", note_id) is None
    assert document.undo_stack.index() == 0
    scene.detach()
    QApplication.processEvents()


def test_an_undo_or_redo_the_file_refuses_leaves_the_history_where_the_file_is(
    document, qtbot, monkeypatch
):
    document.rename_session("One")
    document.rename_session("Two")
    stack = document.undo_stack
    monkeypatch.setattr(document, "apply", lambda ops, step="": False)  # as when the disk is full
    stack.undo()
    qtbot.waitUntil(lambda: stack.index() == 2)  # back where the file is, the history kept
    assert document.session()["title"] == "Two"  # the file kept what it had
    assert stack.count() == 2
    monkeypatch.undo()  # space again
    stack.undo()
    assert document.session()["title"] == "One"
    monkeypatch.setattr(document, "apply", lambda ops, step="": False)
    stack.redo()
    qtbot.waitUntil(lambda: stack.index() == 1)
    assert document.session()["title"] == "One"
    monkeypatch.undo()
    stack.redo()
    assert document.session()["title"] == "Two"
