"""One edit, one transaction: what the edit reads to decide, what it writes, and what the
window reads to show it happen in one transaction of the file, and how many statements that
takes does not grow with the size of the session."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from gui_helpers import close_without_saving

from cocreate.store import SessionFile
from cocreate.ui.app import create_application, start_window
from tests.benchmark.sessions import build_demo_with_notes

EXTRA_NOTES = 3000


class Statements:
    """Every statement SQLite runs on the session file's connection (its own trace: the
    statements through SQLAlchemy and the plain ones alike), by its first word."""

    def __init__(self, store: SessionFile) -> None:
        self.words: Counter[str] = Counter()
        store._raw.set_trace_callback(self._count)

    def _count(self, statement: str) -> None:
        self.words[statement.split()[0].upper()] += 1

    def total(self) -> int:
        return sum(self.words.values())


def edit_costs(qtbot, path: Path) -> dict[str, Counter]:
    create_application()
    window = start_window(str(path))
    qtbot.waitExposed(window)
    try:
        document, scene = window.document, window.tabs.current_scene()
        counter = Statements(document.store)
        card = scene.cards[min(scene.cards)].row
        stages, lanes = scene.layout.stage_order, scene.layout.lane_order
        note = next(n.row for n in scene.notes.values() if n.row["touchpoint_id"] is None
                    and n.row["stage_id"] is None)
        costs = {}
        counter.words.clear()
        assert document.move_touchpoints([card["id"]], stages[-1], lanes[-1], 0)
        costs["card move"] = Counter(counter.words)
        counter.words.clear()
        assert document.place_notes({note["id"]: {"x": note["x"] + 30, "y": note["y"] + 30}})
        costs["note move"] = Counter(counter.words)
        counter.words.clear()
        document.undo_stack.undo()
        costs["undo"] = Counter(counter.words)
        return costs
    finally:
        close_without_saving(window)


@pytest.mark.slow
@pytest.mark.parametrize("edit", ["card move", "note move", "undo"])
def test_an_edit_is_one_transaction_whatever_the_size_of_the_session(qtbot, tmp_path, edit):
    small = edit_costs(qtbot, build_demo_with_notes(tmp_path / "small.cocreate", 0))[edit]
    large = edit_costs(qtbot, build_demo_with_notes(tmp_path / "large.cocreate", EXTRA_NOTES))[edit]
    for costs in (small, large):
        assert costs["BEGIN"] == 1  # one transaction: reads, writes and showing it
        assert costs["UPDATE"] >= 1
    assert sum(large.values()) == sum(small.values())  # the size of the file does not count


def test_a_commit_that_fails_leaves_the_file_as_it_was_and_the_window_shows_it(qtbot):
    from cocreate.document import Document
    from cocreate.store import Insert

    document = Document.new_untitled("en")
    try:
        failures, changes = [], []
        document.write_failed.connect(failures.append)
        document.changed.connect(changes.append)
        assert document.rename_session("kept 保留")
        store = document.store
        before = {name: store.rows(name) for name in ("session", "note", "journey")}
        with document._edit():
            # SQLite checks this kind of reference only at COMMIT: the commit fails.
            store._raw.execute("PRAGMA defer_foreign_keys = ON")
            orphan = Insert("note", {"journey_id": 999_999, "text": "no such journey"})
            assert document.execute("Add Note", [orphan])
        assert {name: store.rows(name) for name in before} == before
        assert document.undo_stack.count() == 1  # the rename stays; the refused note is not on it
        assert [error.problem for error in failures] == ["write_failed"]
        assert changes[-1].touches("note", "journey", "session", "vote")  # show the file again
        assert document.rename_session("next edit")  # editing goes on
    finally:
        document.close(discard=True)
