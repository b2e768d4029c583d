"""What participants do from their phones reaches the file through the Document like any edit:
one named undo command each (a note is named for its author, in the language of the moment),
undone and redone exactly, shown on the canvas at once; what the desktop refuses leaves the
file and the history as they were."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, QTranslator

from cocreate.canvas.scene import JourneyScene
from cocreate.canvas.view import JourneyView
from cocreate.colors import next_sticky_color
from cocreate.document import Document, PhoneEditError
from cocreate.model import TABLES
from cocreate.phone_edits import CARD_NOTE_SPOT
from tests.benchmark.sessions import build_board_session

JOURNEY = 1
Dump = dict[str, list[dict[str, Any]]]


def dump(document: Document) -> Dump:
    return {model.__tablename__: document.rows(model.__tablename__) for model in TABLES}


@pytest.fixture
def document(qapp, tmp_path):
    """A salon with a journey of 12 cards, 20 participants and an empty board."""
    path = tmp_path / "phones.cocreate"
    build_board_session(path, notes=0)
    document = Document.open(path)
    yield document
    document.close()


@pytest.fixture
def ann(document) -> int:
    return document.add_phone_participant("王小明 Ann")


def test_a_phone_note_is_one_action_named_for_its_author_undone_and_redone_exactly(document, ann):
    before, commands = dump(document), document.undo_stack.count()
    note_id = document.add_phone_note(JOURNEY, ann, "排队太久 The queue is too long", "pain_point")
    after = dump(document)
    assert document.undo_stack.count() == commands + 1
    assert document.undo_stack.undoText() == "Note from 王小明 Ann"
    note = document.row("note", note_id)
    assert (note["text"], note["author_id"], note["category"]) == (
        "排队太久 The queue is too long",
        ann,
        "pain_point",
    )
    document.undo_stack.undo()
    assert dump(document) == before
    document.undo_stack.redo()
    assert dump(document) == after


def test_the_note_shows_on_the_canvas_at_once_and_goes_with_undo(document, ann, qtbot):
    scene = JourneyScene(document, JOURNEY)
    view = JourneyView(scene)
    qtbot.addWidget(view)
    card = document.rows("touchpoint", journey_id=JOURNEY)[0]
    note_id = document.add_phone_note(JOURNEY, ann, "Pay by phone?", "question", None, card["id"])
    item = scene.notes[note_id]
    card_item = scene.cards[card["id"]]
    assert item.pos() - card_item.pos() == QPointF(*CARD_NOTE_SPOT)  # pinned near the card
    document.undo_stack.undo()
    assert note_id not in scene.notes
    scene.detach()


def test_in_private_mode_a_phone_note_arrives_face_down(document, ann):
    document.set_private_mode(True)
    note_id = document.add_phone_note(JOURNEY, ann, "my secret", "idea")
    assert document.row("note", note_id)["hidden"]


def test_a_phone_participant_is_one_action_with_the_next_free_colour(document):
    before, commands = dump(document), document.undo_stack.count()
    used = [row["color"] for row in document.rows("participant")]
    new_id = document.add_phone_participant("  Wang Fang ")
    assert document.undo_stack.count() == commands + 1
    assert document.undo_stack.undoText() == "Add Participant"
    person = document.row("participant", new_id)
    assert person["name"] == "Wang Fang" and person["role"] == "participant"
    assert person["color"] == next_sticky_color(used)
    document.undo_stack.undo()
    assert dump(document) == before
    with pytest.raises(PhoneEditError) as refused:
        document.add_phone_participant(document.rows("participant")[0]["name"].upper())
    assert refused.value.reason == "name_taken"


def test_a_refused_edit_leaves_the_file_and_the_history_as_they_were(document, ann):
    bo = document.add_phone_participant("Bo")
    note_id = document.add_phone_note(JOURNEY, ann, "mine", "idea")
    before, commands = dump(document), document.undo_stack.count()
    refusals = [
        (lambda: document.delete_phone_note(bo, note_id), "not_yours"),
        (lambda: document.add_phone_note(JOURNEY, ann, "  ", "idea"), "empty"),
        (lambda: document.phone_vote(ann, note_id=note_id), "no_round"),
        (lambda: document.reveal_own_notes(ann), "not_allowed"),
    ]
    for edit, reason in refusals:
        with pytest.raises(PhoneEditError) as refused:
            edit()
        assert refused.value.reason == reason
    assert dump(document) == before
    assert document.undo_stack.count() == commands


def test_an_author_deletes_their_note_from_the_phone_and_undo_brings_it_back(document, ann):
    note_id = document.add_phone_note(JOURNEY, ann, "oops", "idea")
    before = dump(document)
    document.delete_phone_note(ann, note_id)
    assert document.row("note", note_id) is None
    assert document.undo_stack.undoText() == "Delete Note"
    document.undo_stack.undo()
    assert dump(document) == before


def test_phone_dots_follow_the_desktop_budget_and_undo(document, ann):
    card = document.rows("touchpoint", journey_id=JOURNEY)[0]["id"]
    document.start_voting(2)
    assert document.phone_vote(ann, touchpoint_id=card) == 1
    assert document.undo_stack.undoText() == "Vote"
    assert document.phone_vote(ann, touchpoint_id=card) == 0
    with pytest.raises(PhoneEditError, match="no_votes_left"):
        document.phone_vote(ann, touchpoint_id=card)
    assert document.phone_unvote(ann, touchpoint_id=card) == 1
    assert document.undo_stack.undoText() == "Take Back Vote"
    document.undo_stack.undo()
    assert document.votes_left(ann) == 0


def test_an_author_reveals_their_notes_from_the_phone_in_one_action(document, ann):
    document.set_private_mode(True)
    document.set_reveal_policy("author")
    ids = [document.add_phone_note(JOURNEY, ann, f"secret {n}", "idea") for n in range(3)]
    before = dump(document)
    assert document.reveal_own_notes(ann) == 3
    assert document.undo_stack.undoText() == "Reveal Notes"
    assert not any(document.row("note", note_id)["hidden"] for note_id in ids)
    document.undo_stack.undo()
    assert dump(document) == before
    assert document.reveal_own_notes(document.add_phone_participant("Cy")) == 0


# -- the author's name in the undo history, in Chinese ---------------------------------------

CHINESE = "来自 %1 的便利贴"


@pytest.fixture
def chinese_note_name(qapp, tmp_path):
    """A translator that knows the Chinese of "Note from %1" (compiled here, so the test does
    not wait for the shipped catalogue)."""
    ts = tmp_path / "phones_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="zh_CN"><context><name>Document</name>'
        f"<message><source>Note from %1</source><translation>{CHINESE}</translation>"
        "</message></context></TS>\n",
        encoding="utf-8",
    )
    qm = tmp_path / "phones_zh_CN.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_the_undo_history_names_the_author_in_chinese_after_a_switch(document, chinese_note_name):
    author = document.add_phone_participant("Ann %2")  # a name is never read as a place
    document.add_phone_note(JOURNEY, author, "太贵了", "pain_point")
    assert document.undo_stack.undoText() == "Note from Ann %2"
    QCoreApplication.installTranslator(chinese_note_name)
    document.retranslate_history()
    assert document.undo_stack.undoText() == "来自 Ann %2 的便利贴"
    QCoreApplication.removeTranslator(chinese_note_name)
    document.retranslate_history()
    assert document.undo_stack.undoText() == "Note from Ann %2"
