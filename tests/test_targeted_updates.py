"""One edit touches only its own items: moving a note, typing its text, a vote, a person's
new colour, or a voting round started or ended neither re-reads nor lays out the journey, and
the number of items touched is the same on a board of 500 notes and one of 10 000."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from gui_helpers import close_without_saving
from PySide6.QtCore import QPointF

from cocreate.canvas.notes import NoteItem
from cocreate.canvas.phone_area import PhoneAreaItem
from cocreate.canvas.scene import JourneyScene
from cocreate.colors import NO_AUTHOR_COLOR
from cocreate.demo import write_demo
from cocreate.ui.app import create_application, start_window
from cocreate.ui.main_window import MainWindow
from tests.benchmark.sessions import build_demo_with_notes

LEO = 2  # 陈磊 Leo Chen, a participant of the demo with notes of his own


@pytest.fixture
def touches(monkeypatch):
    """Counts what the canvas does: full syncs, and calls on note items."""
    counts: Counter[str] = Counter()
    original_sync, original_state = JourneyScene.sync, NoteItem.set_state
    original_pos, original_refresh = NoteItem.setPos, PhoneAreaItem.refresh

    def sync(self):
        counts["full sync"] += 1
        return original_sync(self)

    def set_state(self, *args):
        counts["note set_state"] += 1
        return original_state(self, *args)

    def set_pos(self, *args):
        counts["note setPos"] += 1
        return original_pos(self, *args)

    def refresh(self):
        counts["phone label"] += 1  # it asks every cluster whether it covers the words
        return original_refresh(self)

    monkeypatch.setattr(PhoneAreaItem, "refresh", refresh)
    monkeypatch.setattr(JourneyScene, "sync", sync)
    monkeypatch.setattr(NoteItem, "set_state", set_state)
    monkeypatch.setattr(NoteItem, "setPos", set_pos)
    return counts


@contextmanager
def window_on(qtbot, path: Path) -> Iterator[MainWindow]:
    """The window on the file, closed after the block."""
    create_application()
    window = start_window(str(path))
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        close_without_saving(window)


def edit_touches(qtbot, path: Path, counts: Counter) -> dict[str, Counter]:
    with window_on(qtbot, path) as window:
        document, scene = window.document, window.tabs.current_scene()
        person = document.add_participant("Kim 金", "#90caf9", "participant")
        note_id = document.add_note(1, "Only mine", person, 300, 200)
        assert document.start_voting(3)
        results = {}
        edits = {
            "note move": lambda: document.place_notes({note_id: {"x": 340.0, "y": 260.0}}),
            "note text": lambda: document.update_notes([note_id], text="Still mine 还是我的"),
            "vote": lambda: document.add_vote(person, note_id=note_id),
            "colour": lambda: document.update_participant(person, color="#ef9a9a"),
            "new round": lambda: document.start_voting(3),
            "round ended": document.end_voting,
        }
        item = scene.notes[note_id]
        for name, edit in edits.items():
            counts.clear()
            assert edit()
            results[name] = Counter(counts)
        assert item.row["text"] == "Still mine 还是我的" and item.vote_colors == ["#ef9a9a"]
        assert item.pos() == scene.note_origin(item.row) + QPointF(340.0, 260.0)
        return results


@pytest.mark.slow
def test_a_note_edit_touches_the_same_few_items_on_a_board_of_any_size(qtbot, tmp_path, touches):
    sizes = {}
    for notes in (500, 10_000):
        path = build_demo_with_notes(tmp_path / f"{notes}.cocreate", notes, author_id=2)
        sizes[notes] = edit_touches(qtbot, path, touches)
    small, large = sizes[500], sizes[10_000]
    for name in ("note move", "note text", "vote", "colour", "new round", "round ended"):
        assert small[name]["full sync"] == 0, name  # nothing is laid out again
        assert large[name] == small[name], name
        assert sum(large[name].values()) <= 4, (name, large[name])
    assert large["note move"]["phone label"] == 1  # the area is in use on these boards
    assert large["vote"]["phone label"] == large["colour"]["phone label"] == 0


def test_a_person_removed_leaves_notes_without_author_and_undo_brings_them_back(qtbot, tmp_path):
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    with window_on(qtbot, path) as window:
        document, scene = window.document, window.tabs.current_scene()
        note = next(item for item in scene.notes.values() if item.row["author_id"] == LEO)
        colour = note.color().name()
        assert document.delete_participant(LEO)
        assert note.author is None and note.color().name() == NO_AUTHOR_COLOR
        document.undo_stack.undo()
        assert note.author["name"] == "陈磊 Leo Chen" and note.color().name() == colour


def test_a_clustered_note_moved_leaves_its_frame_where_a_full_sync_puts_it(
    qtbot, tmp_path, touches
):
    """The targeted update frames the cluster's notes (mirror.member_rects) as the full sync does
    (NoteSpread): the same rectangle after a move, without a full sync."""
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    with window_on(qtbot, path) as window:
        document, scene = window.document, window.tabs.current_scene()
        cluster_id, cluster = next(
            (cid, item) for cid, item in scene.clusters.items() if scene.cluster_notes(cid)
        )
        note = scene.cluster_notes(cluster_id)[0]
        row = document.row("note", note.note_id)
        touches.clear()
        assert document.place_notes({note.note_id: {"x": row["x"] + 400, "y": row["y"] + 90}})
        assert touches["full sync"] == 0
        moved = cluster.frame
        scene.sync()
        assert cluster.frame == moved
        assert moved.contains(note.sceneBoundingRect().center())
