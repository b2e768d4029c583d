"""Every edit goes through the Document as one named undo command; undo and redo are exact.

One user action is one undo command and one transaction; everything the user can
change can be undone, with a named command; a new, untitled session lives in the user data folder
until "Save As" copies it to the chosen path.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from cocreate.document import SESSION_FIELDS, Document
from cocreate.model import TABLES
from cocreate.store import Insert, SessionFile
from cocreate.store.paths import untitled_dir

Dump = dict[str, list[dict[str, Any]]]


def dump(store: SessionFile) -> Dump:
    return {model.__tablename__: store.rows(model.__tablename__) for model in TABLES}


def untitled_files() -> list[str]:
    return sorted(p.name for p in untitled_dir().iterdir())


# -- random edit sequences ---------------------------------------------------------------------

SAMPLES = ["客户旅程", "认知 → 吸引 → 购买 → 忠诚", "😀☕🎉", "<b>x</b>", "&amp;", "a\nb\r\nc", ""]
texts = st.one_of(
    st.sampled_from(SAMPLES),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),  # any text a person types
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=12),
)
picks = st.integers(min_value=0, max_value=1_000)

edits = st.one_of(
    st.tuples(st.just("rename"), texts),
    st.tuples(
        st.just("fields"),
        st.dictionaries(st.sampled_from(SESSION_FIELDS), texts, min_size=1, max_size=3),
    ),
    st.tuples(st.just("journey"), texts),
    st.tuples(st.just("participant"), texts),
    st.tuples(st.just("stage"), picks, texts),
    st.tuples(st.just("note"), picks, st.none() | picks, st.none() | picks, texts),
    st.tuples(st.just("vote"), picks, picks),
)
deletes = st.tuples(
    st.just("delete"), st.sampled_from(["journey", "participant", "note", "stage"]), picks
)
#: A sequence that deletes rows other rows point at (SET NULL and cascades) and brings them back.
CASCADES = [
    ("participant", "韩梅梅 😀"),
    ("stage", 0, "新阶段"),
    ("note", 0, 0, 0, "<b>pinned</b> note"),
    ("note", 0, 0, 3, "另一张便签"),
    ("vote", 0, 0),
    ("vote", 0, 1),
    ("delete", "stage", 0),
    ("delete", "participant", 0),
    ("fields", {"title": "沙龙", "goal": "a\nb"}),
    ("delete", "journey", 0),
    ("rename", ""),
]


def pick(document: Document, table_name: str, index: int | None) -> dict[str, Any] | None:
    if index is None:
        return None
    rows = document.store.rows(table_name)
    return rows[index % len(rows)] if rows else None


def apply_edit(document: Document, edit: tuple) -> bool:
    """Make the edit through the document; True when it pushed an undo command."""
    kind, *args = edit
    if kind == "rename":
        return document.rename_session(args[0])
    if kind == "fields":
        return document.set_session_fields(**args[0])
    if kind == "journey":
        return document.execute("Add Journey", [Insert("journey", {"name": args[0]})])
    if kind == "participant":
        return document.execute("Add Participant", [Insert("participant", {"name": args[0]})])
    if kind == "stage":
        journey = pick(document, "journey", args[0])
        if journey is None:
            return False
        row = {"journey_id": journey["id"], "name": args[1]}
        return document.execute("Add Stage", [Insert("stage", row)])
    if kind == "note":
        journey = pick(document, "journey", args[0])
        if journey is None:
            return False
        author = pick(document, "participant", args[1])
        stage = pick(document, "stage", args[2])
        row = {
            "journey_id": journey["id"],
            "text": args[3],
            "author_id": author["id"] if author else None,
            "stage_id": stage["id"] if stage else None,
        }
        return document.execute("Add Note", [Insert("note", row)])
    if kind == "vote":
        participant = pick(document, "participant", args[0])
        note = pick(document, "note", args[1])
        if participant is None or note is None:
            return False
        row = {"participant_id": participant["id"], "note_id": note["id"]}
        return document.execute("Vote", [Insert("vote", row)])
    if kind == "delete":
        row = pick(document, args[0], args[1])
        if row is None:
            return False
        ops = document.store.delete_ops(args[0], [row["id"]])
        return document.execute(f"Delete {args[0]}", ops)
    raise AssertionError(kind)


#: Random sequences a run tries (each of up to 30 edits of every kind; CASCADES always runs
#: too). COCREATE_UNDO_EXAMPLES=200 measures the family again.
UNDO_EXAMPLES = int(os.environ.get("COCREATE_UNDO_EXAMPLES", "12"))


@settings(
    max_examples=UNDO_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=st.lists(st.one_of(edits, deletes), min_size=3, max_size=30))
@example(sequence=CASCADES)
@pytest.mark.slow
def test_undo_all_returns_to_the_first_state_and_redo_all_to_the_last(qapp, sequence) -> None:
    for kind in check_undo_and_redo(sequence):
        event(f"pushed {kind}")


def check_undo_and_redo(sequence: list[tuple], *, all_push: bool = False) -> list[str]:
    """Make the edits, then undo and redo them step by step; the kinds of edit that pushed."""
    pushed_kinds = []
    document = Document.new_untitled()
    try:
        stack = document.undo_stack
        states = [dump(document.store)]
        for edit in sequence:
            pushed = apply_edit(document, edit)
            now = dump(document.store)
            if pushed:
                pushed_kinds.append(f"{edit[0]} {edit[1] if edit[0] == 'delete' else ''}".strip())
                states.append(now)
            else:
                assert not all_push, f"{edit} pushed no command"
                assert now == states[-1], f"{edit} wrote without an undo command"
            assert stack.count() == len(states) - 1
            assert stack.index() == stack.count()

        # Undo one step at a time: each step brings back the state before that edit.
        for index in range(len(states) - 1, 0, -1):
            assert stack.canUndo()
            stack.undo()
            assert dump(document.store) == states[index - 1], f"undo to state {index - 1}"
        assert not stack.canUndo()
        assert dump(document.store) == states[0]

        for index in range(1, len(states)):
            assert stack.canRedo()
            stack.redo()
            assert dump(document.store) == states[index], f"redo to state {index}"
        assert not stack.canRedo()
        assert dump(document.store) == states[-1]
    finally:
        document.close(discard=True)
    return pushed_kinds


def test_deleting_rows_that_others_point_at_is_undone_exactly(qapp) -> None:
    check_undo_and_redo(CASCADES, all_push=True)


@given(sequence=st.lists(edits, min_size=1, max_size=15))
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_undone_and_redone_state_is_what_the_file_holds_after_reopening(qapp, sequence) -> None:
    """Undo writes to the file at once: a reopened file shows the undone state."""
    document = Document.new_untitled()
    path = document.path
    first = dump(document.store)
    for edit in sequence:
        apply_edit(document, edit)
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    document.close()
    reopened = SessionFile.open(path, read_only=True)
    try:
        assert dump(reopened) == first
    finally:
        reopened.close()
        path.unlink()


# -- plain tests ---------------------------------------------------------------------------------


@pytest.fixture
def document(qapp):
    document = Document.new_untitled()
    yield document
    document.close(discard=True)


def test_undo_and_redo_texts_name_the_action(document: Document) -> None:
    stack = document.undo_stack
    assert document.rename_session("共创沙龙 ☕")
    assert stack.undoText() == "Rename Session"
    assert document.set_session_fields(theme="会员", goal="more loyalty 😀")
    assert stack.undoText() == "Edit Session Details"
    assert document.execute("Add Participant", [Insert("participant", {"name": "韩梅梅"})])
    assert stack.undoText() == "Add Participant"

    stack.undo()
    assert stack.redoText() == "Add Participant"
    assert stack.undoText() == "Edit Session Details"
    stack.undo()
    stack.undo()
    assert stack.redoText() == "Rename Session"
    assert document.session()["title"] == ""


def test_one_edit_is_one_command_and_one_signal(document: Document, qtbot) -> None:
    changes = []
    document.changed.connect(changes.append)
    assert document.set_session_fields(title="t", theme="th", brand="b", facilitator="f")
    assert document.undo_stack.count() == 1
    assert len(changes) == 1
    assert changes[0].touches("session")
    document.undo_stack.undo()
    assert len(changes) == 2
    assert {document.session()[name] for name in ("title", "theme", "brand", "facilitator")} == {""}


def test_an_edit_that_changes_nothing_pushes_no_command(document: Document) -> None:
    changes = []
    document.changed.connect(changes.append)
    before = dump(document.store)
    assert document.rename_session("") is False  # the title is already empty
    assert document.set_session_fields(title="", goal="") is False
    assert document.execute("Nothing", []) is False
    assert document.execute("Nothing", [None]) is False
    assert document.undo_stack.count() == 0
    assert changes == []
    assert dump(document.store) == before

    assert document.rename_session("沙龙")
    assert document.rename_session("沙龙") is False
    assert document.set_session_fields(title="沙龙") is False
    assert document.undo_stack.count() == 1


def test_a_new_session_is_blank_until_it_is_edited(document: Document) -> None:
    assert document.untitled
    assert document.is_blank() is True
    assert document.rename_session("我的沙龙")
    assert document.is_blank() is False


def test_adding_content_makes_a_session_not_blank(document: Document) -> None:
    assert document.execute("Add Participant", [Insert("participant", {"name": "李雷"})])
    assert document.is_blank() is False


def test_save_as_writes_a_file_with_the_same_content_and_removes_the_untitled_one(
    document: Document, tmp_path: Path, qtbot
) -> None:
    untitled_path = document.path
    assert untitled_path.parent == untitled_dir()
    document.rename_session("共创沙龙 😀")
    document.execute("Add Participant", [Insert("participant", {"name": "<b>x</b> &amp;"})])
    content = dump(document.store)

    target_folder = tmp_path / "我的文件"
    target_folder.mkdir()
    target = target_folder / "salon.cocreate"
    with qtbot.waitSignal(document.file_changed, timeout=1000):
        document.save_as(target)

    assert document.path == target
    assert document.untitled is False
    assert not untitled_path.exists()
    assert untitled_files() == []
    assert sorted(p.name for p in target_folder.iterdir()) == ["salon.cocreate"]
    assert dump(document.store) == content

    # The app goes on working on the saved file, undo included.
    document.rename_session("renamed after save")
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.session()["title"] == "共创沙龙 😀"
    document.undo_stack.redo()
    document.undo_stack.redo()
    after_edits = dump(document.store)
    document.close()

    reopened = SessionFile.open(target)
    try:
        assert dump(reopened) == after_edits
        assert reopened.session_row()["title"] == "renamed after save"
    finally:
        reopened.close()


def test_save_as_over_an_existing_file_replaces_it(document: Document, tmp_path: Path) -> None:
    target = tmp_path / "old.cocreate"
    target.write_text("an old file that is being replaced")
    document.rename_session("new content")
    document.save_as(target)
    document.close()
    reopened = SessionFile.open(target)
    try:
        assert reopened.session_row()["title"] == "new content"
    finally:
        reopened.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cocreate-data") == [
        "old.cocreate"
    ]


def test_a_saved_file_gets_the_usual_permissions(document: Document, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        target = tmp_path / "shared.cocreate"
        document.save_as(target)
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(umask)


def test_discarding_an_untitled_session_deletes_its_file(qapp) -> None:
    document = Document.new_untitled()
    path = document.path
    assert path.exists()
    document.rename_session("never saved")
    document.close(discard=True)
    assert not path.exists()
    assert untitled_files() == []


def test_closing_an_untitled_session_without_discard_keeps_it_for_recovery(qapp) -> None:
    document = Document.new_untitled()
    path = document.path
    document.rename_session("recover me")
    document.close()
    assert path.exists()
    recovered = Document.open(path)
    try:
        assert recovered.untitled
        assert recovered.session()["title"] == "recover me"
    finally:
        recovered.close(discard=True)
    assert not path.exists()


def test_discard_never_deletes_a_saved_file(qapp, tmp_path: Path) -> None:
    document = Document.new_untitled()
    target = tmp_path / "salon.cocreate"
    document.rename_session("saved")
    document.save_as(target)
    document.close(discard=True)
    assert target.exists()

    opened = Document.open(target)
    assert opened.untitled is False
    opened.rename_session("edited")
    opened.close(discard=True)
    assert target.exists()
    store = SessionFile.open(target)
    try:
        assert store.session_row()["title"] == "edited"
    finally:
        store.close()


def test_an_edit_that_cannot_be_written_writes_nothing(document: Document, qtbot) -> None:
    """All the ops of one action are committed together, or none of them."""
    failures = []
    document.write_failed.connect(failures.append)
    before = dump(document.store)
    ops = [
        Insert("participant", {"name": "written first"}),
        Insert("note", {"journey_id": 999_999, "text": "no such journey"}),  # refused by SQLite
    ]
    assert document.execute("Add Note", ops) is False
    assert dump(document.store) == before
    assert document.undo_stack.count() == 0
    assert [error.problem for error in failures] == ["write_failed"]
    assert str(document.path) in str(failures[0])
