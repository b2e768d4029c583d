"""How the window tells the facilitator that the file refused an edit (a full disk, a failing
one, a read-only file): one dialog naming the cause and the edit not saved, in the app's words
and never SQLite's; while the file goes on refusing, each further edit is told in the status
bar rather than in a new dialog; once the file takes an edit again, the status bar says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from cocreate.document import FileProblem, SessionFileError
from cocreate.path_checks import shown
from cocreate.ui.file_errors import problem_text

CONTEXT = "WriteFailures"
#: How long "saved again" stays in the status bar (ms); "not saved" stays until then.
RESUMED_MESSAGE_MS = 8000


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def edit_names(edits: Sequence[str]) -> str:
    """The undo names of the edits, quoted, in one line: “Move Note”, “Vote”."""
    return _tr(", ").join(_tr("“%1”").replace("%1", name) for name in edits)


def cause_text(problem: FileProblem, edits: Sequence[str]) -> str:
    """What happened, naming the edits not saved."""
    if problem is FileProblem.DISK_FULL:
        text = _tr("The disk is full, so this change was not saved: %1.")
    elif problem is FileProblem.IO_ERROR:
        text = _tr(
            "The disk reported an error (an input/output error), so this change was not saved: %1."
        )
    else:
        text = problem_text(problem) + "\n\n" + _tr("Not saved: %1.")
    return text.replace("%1", edit_names(edits) if edits else _tr("the last change"))


def advice_text(problem: FileProblem) -> str:
    """What the facilitator can do, and what is safe."""
    if problem is FileProblem.DISK_FULL:
        return _tr(
            "The file is intact and holds everything before this change. Free some space on"
            " the disk (delete or move files you do not need); the next change is saved as"
            " usual, without restarting. Until then, changes are not saved: the status bar"
            " says so."
        )
    if problem is FileProblem.IO_ERROR:
        return _tr(
            "The file holds everything before this change. Check the disk or its connection;"
            " if errors go on, use File > Save As… to save a copy on another disk."
        )
    return ""


def status_text(problem: FileProblem, edits: Sequence[str]) -> str:
    """One line for the status bar while the file goes on refusing edits."""
    if problem is FileProblem.DISK_FULL:
        text = _tr("Not saved, the disk is full: %1")
    elif problem is FileProblem.IO_ERROR:
        text = _tr("Not saved, the disk reported an error: %1")
    else:
        text = _tr("Not saved: %1")
    return text.replace("%1", edit_names(edits) if edits else _tr("the last change"))


class WriteFailures(QObject):
    """The first refused edit of a run gets a dialog; the next ones, the status bar (until the
    file takes an edit again, or another file refuses one)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._told: Path | None = None  # the file whose run of refusals a dialog told
        self._dialog_open = False

    def failed(self, error: SessionFileError) -> None:
        edits: Sequence[str] = getattr(error, "edits", ())
        self._window.statusBar().showMessage(status_text(error.problem, edits))
        if self._told == error.path or self._dialog_open:
            return
        self._told = error.path
        self._dialog(error, edits)

    def resumed(self) -> None:
        """The file took an edit again: the next refusal gets a dialog of its own."""
        self._told = None
        self._window.statusBar().showMessage(
            _tr("Changes are saved to the file again."), RESUMED_MESSAGE_MS
        )

    def _dialog(self, error: SessionFileError, edits: Sequence[str]) -> None:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "Change Not Saved"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name, a person's name: never markup
        parts = [shown(error.path), cause_text(error.problem, edits), advice_text(error.problem)]
        box.setText("\n\n".join(part for part in parts if part))
        box.setObjectName("changeNotSavedBox")
        self._dialog_open = True
        try:
            box.exec()
        finally:
            self._dialog_open = False
