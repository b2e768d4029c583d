"""The window's messages about files: a dialog that names the person's file in cocreate's words,
never a library's (SQL, a codec's "can't decode byte", json's "not JSON compliant"), a
statement or a temporary file's path, in the main text or its details."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cocreate.demo import write_demo
from cocreate.export import json_io
from cocreate.store import FileProblem, SessionFileError
from cocreate.ui.app import create_application, start_window
from cocreate.ui.file_errors import show_file_error

LIBRARY_WORDS = ("codec", "JSON compliant", "SQL", "sqlite", "INSERT", "http", "Traceback")


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    """The window on the demo, whose message boxes record what they say and close at once."""
    told: list[dict[str, str]] = []

    def record(box: QMessageBox) -> int:
        told.append({"title": box.windowTitle(), "text": box.text(), "details": box.detailedText()})
        return int(QMessageBox.StandardButton.Close)

    monkeypatch.setattr(QMessageBox, "exec", record)
    demo = tmp_path / "salon.cocreate"
    write_demo(demo)
    create_application()
    shown_window = start_window(str(demo))
    qtbot.waitExposed(shown_window)
    shown_window.told = told
    yield shown_window
    document = shown_window.document
    shown_window._set_document(None)
    document.close()
    shown_window.close()
    shown_window.deleteLater()


def choose(monkeypatch, opened=None, saved=None) -> None:
    if opened is not None:
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(opened), ""))
        )
    if saved is not None:
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), ""))
        )


def assert_in_our_words(box: dict[str, str], path) -> None:
    assert box["text"].startswith(f"{path}\n\n"), box
    for word in LIBRARY_WORDS:
        assert word not in box["text"] and word not in box["details"], box


def test_importing_json_that_is_not_utf8_says_so_in_the_windows_words(
    window, monkeypatch, tmp_path
):
    source = tmp_path / "latin.json"
    source.write_bytes(b'{"title": "caf\xe9"}')
    choose(monkeypatch, opened=source, saved=tmp_path / "imported.cocreate")
    window.exports.import_action.trigger()
    [box] = window.told
    assert_in_our_words(box, source)
    assert box["text"].endswith("the file is not UTF-8 text")
    assert not (tmp_path / "imported.cocreate").exists()


def test_an_export_a_library_breaks_is_told_without_the_librarys_words(
    window, monkeypatch, tmp_path
):
    def out_of_range(document):
        return json.dumps(float("inf"), allow_nan=False)

    monkeypatch.setattr(json_io, "dumps", out_of_range)
    target = tmp_path / "salon.json"
    choose(monkeypatch, saved=target)
    window.exports.json_action.trigger()
    [box] = window.told
    assert_in_our_words(box, target)
    assert box["text"].endswith("an unexpected problem stopped it; nothing was changed")
    assert not target.exists()


def test_a_write_failure_shows_no_sql_in_its_details(window, tmp_path):
    """What SQLite and SQLAlchemy said stays on the error for a log; the dialog and its details
    say it in the window's words (the disk engineer's dialog of an edit not saved builds on it)."""
    path = tmp_path / "salon.cocreate"
    error = SessionFileError(
        path,
        FileProblem.WRITE_FAILED,
        "(sqlite3.OperationalError) attempt to write a readonly database\n"
        "[SQL: INSERT INTO note (journey_id, text) VALUES (?, ?)]\n"
        "(Background on this error at: https://sqlalche.me/e/20/e3q8)",
    )
    show_file_error(window, "Change Not Saved", error)
    [box] = window.told
    assert_in_our_words(box, path)
    assert box["details"] == ""
