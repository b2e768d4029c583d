"""A file whose rows lie about their types, opened in the window: a dialog names the file, the
table, the row and the column (no traceback, no exit, the file left as it was), and its
Repair… button saves a repaired copy where the person chooses and opens it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from gui_helpers import when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cocreate.demo import write_demo
from cocreate.ui.app import create_application, start_window

LIES = {
    "emotion sad": (
        "UPDATE touchpoint SET emotion = 'sad' WHERE id = 3",
        "touchpoint",
        3,
        "emotion",
    ),
    "note x abc": ("UPDATE note SET x = 'abc' WHERE id = 4", "note", 4, "x"),
    "stage width wide": ("UPDATE stage SET width = 'wide' WHERE id = 2", "stage", 2, "width"),
    "blob title": ("UPDATE touchpoint SET title = X'00ff' WHERE id = 2", "touchpoint", 2, "title"),
    "note text not utf-8": (
        "UPDATE note SET text = CAST(X'61ff62' AS TEXT) WHERE id = 5",
        "note",
        5,
        "text",
    ),
    "vote budget 2^31": (
        "UPDATE participant SET vote_budget = 2147483648 WHERE id = 2",
        "participant",
        2,
        "vote_budget",
    ),
    "card without its stage": (
        "UPDATE touchpoint SET stage_id = 999 WHERE id = 6",
        "touchpoint",
        6,
        "stage_id",
    ),
}


@pytest.fixture
def window_on(qtbot):
    windows = []

    def start(*args):
        create_application()
        window = start_window(*args)
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield start
    for window in windows:
        if window.document is not None:
            document = window.document
            window._set_document(None)
            document.close()
        window.close()
        window.deleteLater()


def lying_file(folder: Path, sql: str) -> Path:
    path = folder / "salon.cocreate"
    write_demo(path)
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("name", list(LIES))
def test_a_lying_file_gets_a_dialog_that_names_the_row_and_is_left_as_it_was(
    window_on, qtbot, tmp_path, name
):
    sql, table, row_id, column = LIES[name]
    path = lying_file(tmp_path, sql)
    before = path.read_bytes()
    window = window_on()
    seen = when_modal(lambda box: click(qtbot, box.button(QMessageBox.StandardButton.Close)))
    assert not window.open_file(path)
    assert seen["title"] == "Cannot Open Session"
    assert seen["text"].startswith(f"{path}\n\n")
    assert f"table {table}, row {row_id}, column {column}: " in seen["text"]
    assert seen["widget"].findChild(object, "repairButton").text() == "Repair…"
    assert path.read_bytes() == before
    assert window.document is None or window.document.path != path
    assert window.isVisible()


def test_a_lying_file_on_the_command_line_gets_the_dialog_not_a_traceback(
    window_on, qtbot, tmp_path
):
    path = lying_file(tmp_path, LIES["emotion sad"][0])
    seen = when_modal(lambda box: click(qtbot, box.button(QMessageBox.StandardButton.Close)))
    window = window_on(str(path))
    assert "table touchpoint, row 3, column emotion" in seen["text"]
    assert window.isVisible()
    assert window.document is None or window.document.path != path


def test_repair_saves_a_copy_where_asked_opens_it_and_lists_the_change(
    window_on, qtbot, tmp_path, monkeypatch
):
    path = lying_file(tmp_path, LIES["card without its stage"][0])
    before = path.read_bytes()
    target = tmp_path / "mended"
    asked = {}

    def save_name(parent, caption, start, filters):
        asked["start"] = start
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    window = window_on()
    told: dict = {}

    def repair(box):
        when_modal(lambda done: done.accept(), told)
        click(qtbot, box.findChild(object, "repairButton"))

    when_modal(repair)
    assert window.open_file(path)
    assert asked["start"] == str(tmp_path / "salon (repaired).cocreate")
    repaired = tmp_path / "mended.cocreate"
    assert window.document is not None and window.document.path == repaired
    assert told["title"] == "Repaired Copy Opened"
    assert "Values changed: 1. Rows dropped: 0." in told["text"]
    details = told["widget"].detailedText()
    assert details.startswith("table touchpoint, row 6, column stage_id: no stage with id 999")
    assert window.document.row("touchpoint", 6)["stage_id"] != 999
    assert path.read_bytes() == before
