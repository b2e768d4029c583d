"""Clear, translated messages for files that cannot be opened or written."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from cocreate import atomic, path_checks
from cocreate.document import FileProblem, SessionFileError
from cocreate.error_words import Trouble, said_by_cocreate, trouble
from cocreate.path_checks import shown

_TEXTS = {
    FileProblem.NOT_FOUND: QT_TRANSLATE_NOOP("FileErrors", "The file does not exist."),
    FileProblem.LOOP: QT_TRANSLATE_NOOP(
        "FileErrors", "The path is a loop of symbolic links. Choose the file itself."
    ),
    FileProblem.NAME_TOO_LONG: QT_TRANSLATE_NOOP(
        "FileErrors",
        "The path is longer than the system allows. Move the file to a shorter path.",
    ),
    FileProblem.BAD_NAME: QT_TRANSLATE_NOOP(
        "FileErrors", "The name holds a character no file name may hold."
    ),
    FileProblem.NOT_A_FILE: QT_TRANSLATE_NOOP(
        "FileErrors", "This is a device or a pipe, not a file. Choose a .cocreate file."
    ),
    FileProblem.UNFINISHED: QT_TRANSLATE_NOOP(
        "FileErrors",
        "The file holds a change a crash left unfinished, and no copy could be made to read it"
        " without changing it. Open it where it can be written to finish undoing that change.",
    ),
    FileProblem.IS_DIRECTORY: QT_TRANSLATE_NOOP(
        "FileErrors", "This is a folder, not a session file. Choose a .cocreate file."
    ),
    FileProblem.EMPTY: QT_TRANSLATE_NOOP(
        "FileErrors", "The file is empty (0 bytes), so it holds no session."
    ),
    FileProblem.NOT_SQLITE: QT_TRANSLATE_NOOP("FileErrors", "This is not a cocreate session file."),
    FileProblem.DAMAGED: QT_TRANSLATE_NOOP(
        "FileErrors",
        "The file is damaged or incomplete, perhaps because a copy was interrupted."
        " Open a backup copy.",
    ),
    FileProblem.FOREIGN: QT_TRANSLATE_NOOP(
        "FileErrors", "This is a database of another application, not a cocreate session."
    ),
    FileProblem.TOO_NEW: QT_TRANSLATE_NOOP(
        "FileErrors",
        "The file was written by a newer version of cocreate. Update cocreate to open it.",
    ),
    FileProblem.LOCKED: QT_TRANSLATE_NOOP(
        "FileErrors",
        "The file is already open in another cocreate window. Switch to that window,"
        " or close the session there first.",
    ),
    FileProblem.READ_ONLY: QT_TRANSLATE_NOOP(
        "FileErrors", "The file is read-only, so changes cannot be saved to it."
    ),
    FileProblem.UNREADABLE: QT_TRANSLATE_NOOP(
        "FileErrors", "The file cannot be read: permission denied."
    ),
    FileProblem.WRITE_FAILED: QT_TRANSLATE_NOOP(
        "FileErrors",
        "The change could not be written to the file, so it was not made."
        " Check that the disk is not full and the file is still there.",
    ),
    FileProblem.MIGRATION_FAILED: QT_TRANSLATE_NOOP(
        "FileErrors",
        "The file is in an older format and could not be upgraded. It was left as it was.",
    ),
    FileProblem.BROKEN_ROW: QT_TRANSLATE_NOOP(
        "FileErrors",
        "A row of the file holds a value a session cannot have, perhaps because another"
        " program wrote it. The file was left as it was. Repair… saves a repaired copy.",
    ),
    FileProblem.DISK_FULL: QT_TRANSLATE_NOOP(
        "FileErrors",
        "The disk is full, so nothing was written; what was there before is kept."
        " Free some space on the disk, then try again.",
    ),
    FileProblem.IO_ERROR: QT_TRANSLATE_NOOP(
        "FileErrors",
        "The disk reported an error (an input/output error), so nothing was written; what was"
        " there before is kept. Check the disk or its connection, then try again.",
    ),
    FileProblem.TOO_MANY_ROWS: QT_TRANSLATE_NOOP(
        "FileErrors",
        "The change would take the session past 100 000 notes, cards, answers or other rows"
        " of one kind, more than a session may hold, so it was not made.",
    ),
}


#: The reasons an output path is refused (path_checks), as the window says them.
_OUTPUT_TEXTS = {
    path_checks.LOOP: QT_TRANSLATE_NOOP(
        "FileErrors", "the path is a loop of symbolic links; choose the file itself"
    ),
    path_checks.TOO_LONG: QT_TRANSLATE_NOOP(
        "FileErrors", "the path is longer than the system allows; choose a shorter name or folder"
    ),
    path_checks.BAD_NAME: QT_TRANSLATE_NOOP(
        "FileErrors", "the name holds a character no file name may hold; choose another name"
    ),
    path_checks.NOT_A_FILE: QT_TRANSLATE_NOOP(
        "FileErrors", "this is a device or a pipe, not a file; choose a file"
    ),
    path_checks.IS_FOLDER: QT_TRANSLATE_NOOP("FileErrors", "this is a folder; choose a file name"),
    path_checks.NO_FOLDER: QT_TRANSLATE_NOOP(
        "FileErrors", "the folder does not exist; choose an existing folder"
    ),
    path_checks.FOLDER_CLOSED: QT_TRANSLATE_NOOP(
        "FileErrors",
        "cocreate may not write in this folder (permission denied); choose another folder",
    ),
    path_checks.FOLDER_GONE: QT_TRANSLATE_NOOP(
        "FileErrors",
        "the folder was removed while the file was being written; nothing was written",
    ),
    atomic.DISK_FULL: QT_TRANSLATE_NOOP(
        "FileErrors", "the disk is full; nothing was written, free some space and try again"
    ),
    atomic.DISK_ERROR: QT_TRANSLATE_NOOP(
        "FileErrors",
        "the disk reported an error while writing (an input/output error); nothing was"
        " written, check the disk and try again",
    ),
    atomic.INCOMPLETE: QT_TRANSLATE_NOOP(
        "FileErrors", "the file came out incomplete, so it was not kept; try again"
    ),
    atomic.NOT_WRITTEN: QT_TRANSLATE_NOOP(
        "FileErrors", "the file could not be written; nothing was written"
    ),
}


#: What a database error means for the file (error_words.Trouble), as the window says it.
_TROUBLE_TEXTS = {
    Trouble.BUSY: QT_TRANSLATE_NOOP(
        "FileErrors", "the file is busy: another program is writing to it; try again in a moment"
    ),
    Trouble.DAMAGED: QT_TRANSLATE_NOOP(
        "FileErrors", "the file is damaged or incomplete; open a backup copy"
    ),
    Trouble.DISK_FULL: QT_TRANSLATE_NOOP(
        "FileErrors", "the disk is full; nothing was written, free some space and try again"
    ),
    Trouble.DISK_ERROR: QT_TRANSLATE_NOOP(
        "FileErrors",
        "the disk reported an error (an input/output error); check the disk, then try again",
    ),
    Trouble.DENIED: QT_TRANSLATE_NOOP(
        "FileErrors", "cocreate may not use the file (permission denied)"
    ),
}
_NOT_UTF8 = QT_TRANSLATE_NOOP("FileErrors", "the file is not UTF-8 text")
_UNEXPECTED = QT_TRANSLATE_NOOP(
    "FileErrors", "an unexpected problem stopped it; nothing was changed"
)


def os_error_text(error: BaseException) -> str:
    """Why a file could not be read or written, in one line: the window's words for a refused
    path, a session file's problem or a database's trouble; the system's words for another
    OSError; a message cocreate's code wrote; never a library's words (SQL, a codec's)."""
    translate = QCoreApplication.translate
    if isinstance(error, path_checks.OutputPathError) and error.strerror in _OUTPUT_TEXTS:
        return translate("FileErrors", _OUTPUT_TEXTS[error.strerror])
    if isinstance(error, SessionFileError):
        return problem_text(error.problem)
    if isinstance(error, UnicodeDecodeError):
        return translate("FileErrors", _NOT_UTF8)
    found = trouble(error)
    if found is not None:
        return translate("FileErrors", _TROUBLE_TEXTS[found])
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if said_by_cocreate(error):
        return " ".join(str(error).split())
    return translate("FileErrors", _UNEXPECTED)


def problem_text(problem: FileProblem) -> str:
    return QCoreApplication.translate("FileErrors", _TEXTS[problem])


def show_file_error(parent: QWidget | None, title: str, error: SessionFileError) -> None:
    """A warning that names the file, says what happened and what to do; the file is untouched."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
    box.setText(f"{shown(error.path)}\n\n{problem_text(error.problem)}")
    if error.shown_detail:  # never SQLite's or SQLAlchemy's words, a statement or a temp path
        box.setDetailedText(error.shown_detail)
    box.setObjectName("fileErrorBox")
    box.exec()


def ask_to_repair(parent: QWidget | None, title: str, error: SessionFileError) -> bool:
    """A file refused for a row that breaks the rules: says which row and column, and offers
    to save a repaired copy. True when the person chose Repair…."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
    where = translate("FileErrors", "The first one: %1.").replace("%1", error.detail)
    box.setText(f"{shown(error.path)}\n\n{problem_text(error.problem)}\n\n{where}")
    repair = box.addButton(translate("FileErrors", "Repair…"), QMessageBox.ButtonRole.AcceptRole)
    repair.setObjectName("repairButton")
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(repair)
    box.setObjectName("fileErrorBox")
    box.exec()
    return box.clickedButton() is repair
