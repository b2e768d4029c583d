"""A full disk during a salon, in the window: the edit in flight is not saved and says so once
(cause and edit, in the app's words, no SQL), the undo history matches the file, and the next
edit after freeing space just works; Save As, exports and start-up on a full disk say one clear
thing and leave every file as it was.

Fault injection at the connection runs everywhere; the tests on a real 1 MB tmpfs are skipped
where the machine does not allow mounting one (tests/disk_faults.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import type_text
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from cocreate.demo import write_demo
from cocreate.ui.app import create_application, start_window
from cocreate.ui.main_window import MainWindow
from tests.disk_faults import IO_ERROR, DiskFault, failing_disk, fill, make_room, small_disk

NEVER_SHOWN = ("INSERT", "[SQL", "sqlalche.me", "COMMIT", "Errno", ".tmp", "sqlite3")


class Dialogs:
    """Answers every modal dialog while it lives, as a person would (OK), and keeps what they
    said; stops looking once the test is over."""

    def __init__(self) -> None:
        self.seen: list[dict[str, str]] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            self.seen.append(
                {
                    "title": widget.windowTitle(),
                    "text": widget.text(),
                    "details": widget.detailedText(),
                    "name": widget.objectName(),
                }
            )
            widget.accept()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def dialogs() -> Iterator[Dialogs]:
    answering = Dialogs()
    yield answering
    answering.stop()


def open_window(qtbot, path: Path | None) -> MainWindow:
    create_application()
    window = start_window(str(path) if path is not None else None)
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def close_window(window: MainWindow) -> None:
    document = window.document
    window._set_document(None)
    if document is not None:
        document.close()
    window.close()
    window.deleteLater()


def write_note(qtbot, window: MainWindow, text: str) -> None:
    """N over the board, type, Return: as the facilitator writes a note."""
    view, scene = window.tabs.current_view(), window.tabs.current_scene()
    spot = QPointF(60, scene.layout.board_top + 40)
    view.auto_fit = False
    view.centerOn(spot)
    QCursor.setPos(view.viewport().mapToGlobal(view.mapFromScene(spot)))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_N)
    editor = view.note_editor
    qtbot.waitUntil(editor.hasFocus)
    type_text(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def note_texts(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM note ORDER BY id")]
    finally:
        conn.close()


def intact(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def undo(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("error", ["full", "io"])
def test_a_note_the_disk_refuses_is_told_once_and_the_next_one_after_freeing_space_is_saved(
    qtbot, tmp_path, dialogs, error
):
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    fault = DiskFault(at=10**9, error=IO_ERROR if error == "io" else "database or disk is full")
    with failing_disk(fault):
        window = open_window(qtbot, path)
    try:
        document = window.document
        document.undo_stack.clear()
        write_note(qtbot, window, "Saved first 先存")
        assert note_texts(path)[-1] == "Saved first 先存"
        on_board = len(window.tabs.current_scene().notes)

        fault.at = fault.writes + 1  # the disk is full from the next write on
        write_note(qtbot, window, "Not saved 没存")
        qtbot.waitUntil(lambda: len(dialogs.seen) == 1)
        told = dialogs.seen[0]
        assert told["title"] == "Change Not Saved"
        cause = "The disk is full" if error == "full" else "input/output error"
        assert cause in told["text"] and "“Add Note”" in told["text"]
        assert str(path) in told["text"]
        assert told["details"] == ""
        for words in NEVER_SHOWN:
            assert words not in told["text"]
        assert note_texts(path)[-1] == "Saved first 先存"  # nothing of it in the file
        assert len(window.tabs.current_scene().notes) == on_board  # the board shows the file
        assert document.undo_stack.count() == 1  # the note saved before; not the refused one

        write_note(qtbot, window, "Also not saved")  # the disk is still full
        assert len(dialogs.seen) == 1  # no second dialog: the status bar says it
        assert "“Add Note”" in window.statusBar().currentMessage()

        moves: list[int] = []
        document.undo_stack.indexChanged.connect(moves.append)
        undo(qtbot, window)  # refused too: the history stays where the file is
        qtbot.waitUntil(lambda: moves == [0, 1])
        assert "“Undo Add Note”" in window.statusBar().currentMessage()
        assert document.undo_stack.count() == 1
        assert note_texts(path)[-1] == "Saved first 先存"
        assert len(dialogs.seen) == 1

        fault.free()
        write_note(qtbot, window, "Saved after 后存")  # no restart
        assert note_texts(path)[-1] == "Saved after 后存"
        assert window.statusBar().currentMessage() == "Changes are saved to the file again."
        assert document.undo_stack.count() == 2
        undo(qtbot, window)
        undo(qtbot, window)
        assert "Saved first 先存" not in note_texts(path)
        assert "Saved after 后存" not in note_texts(path)
    finally:
        close_window(window)
    assert intact(path)
    assert len(dialogs.seen) == 1


# -- a real full disk ---------------------------------------------------------------------------


@pytest.fixture
def disk() -> Iterator[Path]:
    with small_disk("1m") as folder:
        yield folder


def test_a_real_full_disk_during_the_salon(qtbot, disk, dialogs):
    path = disk / "salon.cocreate"
    write_demo(path)
    window = open_window(qtbot, path)
    try:
        before = note_texts(path)
        fill(disk)
        write_note(qtbot, window, "On a full disk 满了")
        qtbot.waitUntil(lambda: len(dialogs.seen) == 1)
        assert "The disk is full" in dialogs.seen[0]["text"]
        assert note_texts(path) == before
        assert window.document.undo_stack.count() == 0
        make_room(disk)
        write_note(qtbot, window, "Space again 有空间了")
        assert note_texts(path) == [*before, "Space again 有空间了"]
        assert window.document.undo_stack.count() == 1
    finally:
        close_window(window)
    assert intact(path)
    assert len(dialogs.seen) == 1


def test_save_as_onto_a_full_disk_says_so_and_keeps_working_on_the_session(
    qtbot, tmp_path, disk, dialogs, monkeypatch
):
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    target = disk / "copy.cocreate"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window = open_window(qtbot, path)
    try:
        fill(disk)
        assert not window.session.save_as()
        assert window.document.path == path
        make_room(disk)
        assert window.session.save_as()  # space again: it works
        assert window.document.path == target
    finally:
        close_window(window)
    told = dialogs.seen[0]
    assert told["title"] == "Cannot Save Session"
    assert str(target) in told["text"] and "disk is full" in told["text"]
    for words in NEVER_SHOWN:
        assert words not in told["text"] and words not in told["details"]
    assert sorted(p.name for p in disk.iterdir()) == ["copy.cocreate"]
    assert intact(target)


def test_the_window_starts_when_its_data_folder_is_full(qtbot, disk, dialogs, monkeypatch):
    monkeypatch.setenv("COCREATE_DATA_DIR", str(disk / "data"))
    fill(disk)
    window = open_window(qtbot, None)
    try:
        qtbot.waitUntil(lambda: len(dialogs.seen) == 1)
        told = dialogs.seen[0]
        assert told["title"] == "Cannot Start a New Session"
        assert str(disk / "data") in told["text"] and "full" in told["text"]
        assert window.document is None  # the welcome page: Open and the rest still work
        make_room(disk)
        assert window.new_session()
        assert window.document is not None
    finally:
        close_window(window)


@pytest.mark.parametrize("name", ["out.svg", "out.png"])
def test_an_image_export_on_a_full_disk_says_one_line_and_keeps_the_old_image(
    cli, disk, name, qapp
):
    session = disk / "salon.cocreate"
    write_demo(session)
    out = disk / name
    out.write_bytes(b"the old image")
    fill(disk)
    result = cli("export-image", session, "-o", out)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("libpng")]
    assert len(lines) == 1 and str(out) in lines[0] and "disk is full" in lines[0]
    assert out.read_bytes() == b"the old image"
    assert sorted(p.name for p in disk.iterdir()) == ["filler.bin", name, "salon.cocreate"]


# -- the trials behind the figures (tests/disk_trials.py; `python -m tests.disk_trials`) ------
# Every write fails once here, the four kinds of failure in turn; COCREATE_DISK_TRIALS=all fails
# each write with each kind, as the figures do.


@pytest.mark.slow
@pytest.mark.parametrize(
    "family", ["edits", "save_as", "migration", "recovery", "save_as_disk", "exports"]
)
def test_a_full_or_failing_disk_at_every_write_loses_nothing(qapp, tmp_path, family):
    from tests import disk_trials

    run = getattr(disk_trials, f"{family}_family")
    tally = run() if family in ("save_as_disk", "exports") else run(tmp_path)
    assert tally.lost == 0
    assert tally.survived == tally.tried
    assert tally.failed > 0  # the disk did fail


def test_save_as_on_a_failing_disk_says_so_everywhere(qtbot, tmp_path, dialogs, monkeypatch):
    """The same as on the tmpfs, by fault injection: it runs where no tmpfs can be mounted."""
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    target = tmp_path / "out" / "copy.cocreate"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    fault = DiskFault(at=10**9)
    with failing_disk(fault):
        window = open_window(qtbot, path)
    try:
        fault.at = fault.writes + 1
        assert not window.session.save_as()
        assert window.document.path == path
        fault.free()
        assert window.session.save_as()
    finally:
        close_window(window)
    told = dialogs.seen[0]
    assert told["title"] == "Cannot Save Session"
    assert str(target) in told["text"] and "The disk is full" in told["text"]
    assert told["details"] == ""
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.cocreate"]


def test_the_window_starts_without_a_session_when_none_can_be_made(qtbot, dialogs):
    fault = DiskFault(at=1)
    with failing_disk(fault):
        window = open_window(qtbot, None)
        try:
            qtbot.waitUntil(lambda: len(dialogs.seen) == 1)
            assert dialogs.seen[0]["title"] == "Cannot Start a New Session"
            assert window.document is None
            fault.free()
            assert window.new_session()
        finally:
            close_window(window)


def test_another_session_the_full_disk_refuses_gets_its_own_dialog(qtbot, tmp_path, dialogs):
    first, second = tmp_path / "first.cocreate", tmp_path / "second.cocreate"
    write_demo(first)
    write_demo(second)
    fault = DiskFault(at=1)  # full from the start
    with failing_disk(fault):
        window = open_window(qtbot, first)
        try:
            write_note(qtbot, window, "refused in the first")
            qtbot.waitUntil(lambda: len(dialogs.seen) == 1)
            assert window.open_file(second)
            write_note(qtbot, window, "refused in the second")
            qtbot.waitUntil(lambda: len(dialogs.seen) == 2)
            assert str(second) in dialogs.seen[1]["text"]
        finally:
            close_window(window)
