"""Which session the window shows: New, Open, Open Recent, the demo, Save As, Close, and the
offer to recover untitled sessions at start.

The controller owns these actions and the dialogs around them; the window only hands each
session it opens to its views (SessionHost.set_document). Its texts keep the main window's
translation context, where they have always been.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from cocreate import templates
from cocreate.document import (
    Document,
    FileProblem,
    Repair,
    SessionFileError,
    recoverable_sessions,
    repair_copy,
)
from cocreate.path_checks import same_file, shown
from cocreate.ui.actions import make_action, set_texts
from cocreate.ui.file_errors import ask_to_repair, os_error_text, show_file_error
from cocreate.ui.journey_tabs import JourneyTabs
from cocreate.ui.memory import release_closed_session
from cocreate.ui.message import warn
from cocreate.ui.participants import ParticipantsDock
from cocreate.ui.recent import (
    SessionPlace,
    add_recent_file,
    clear_recent_files,
    recent_files,
    remember_session_place,
    remove_recent_file,
    session_place,
)
from cocreate.ui.recovery_dialog import RecoveryDialog
from cocreate.ui.view_state import ViewPlace

FILE_SUFFIX = ".cocreate"
Key = QKeySequence.StandardKey


class SessionHost(Protocol):
    """What the controller needs of the window."""

    document: Document | None
    tabs: JourneyTabs
    participants: ParticipantsDock

    def set_document(self, document: Document | None) -> None: ...


class SessionController(QObject):
    """New, Open, Open Recent, Open Demo, Save As and Close Session, for one window."""

    def __init__(self, window: QMainWindow, host: SessionHost, language: Callable[[], str]) -> None:
        super().__init__(window)
        self.window = window
        self.host = host
        self._language = language  # the UI's language code, for a new session's template
        # The language of the template texts of the open session, while New Session made it.
        self._template_language: str | None = None
        # The data folder, where new sessions start, had no room the last time one was made.
        self.no_room_for_new = False
        self.new_action = make_action(window, self.new_session, Key.New)
        self.open_action = make_action(window, self.choose_and_open, Key.Open)
        self.demo_action = make_action(window, self.open_demo)
        self.save_as_action = make_action(window, self.save_as, Key.SaveAs)
        self.close_action = make_action(window, self.close_session, Key.Close)
        self.clear_recent_action = make_action(window, clear_recent_files)
        self.recent_menu = QMenu(window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    @property
    def document(self) -> Document | None:
        return self.host.document

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.recent_menu.setTitle(translate("MainWindow", "Open &Recent"))
        texts = {
            self.new_action: (
                translate("MainWindow", "&New Session"),
                translate("MainWindow", "Start a new, untitled session"),
            ),
            self.open_action: (
                translate("MainWindow", "&Open…"),
                translate("MainWindow", "Open a .cocreate session file"),
            ),
            self.demo_action: (
                translate("MainWindow", "Open &Demo Session"),
                translate("MainWindow", "Open a fresh copy of the demo salon of a coffee chain"),
            ),
            self.save_as_action: (
                translate("MainWindow", "Save &As…"),
                translate(
                    "MainWindow",
                    "Copy the session to a file of your choice and go on working there",
                ),
            ),
            self.close_action: (
                translate("MainWindow", "&Close Session"),
                translate("MainWindow", "Close the open session"),
            ),
            self.clear_recent_action: (translate("MainWindow", "&Clear Recent Files"), ""),
        }
        set_texts(texts)

    def update_state(self) -> None:
        for action in (self.save_as_action, self.close_action):
            action.setEnabled(self.document is not None)

    # -- recent files -----------------------------------------------------------------------------

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_files()
        for index, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{index % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        if not paths:
            empty = self.recent_menu.addAction(
                QCoreApplication.translate("MainWindow", "No recent files")
            )
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(paths))

    def _open_recent(self, path: Path) -> None:
        if not self.open_file(path) and not path.exists():
            remove_recent_file(path)  # said so in the dialog: no use offering it again

    # -- the place a file was left at -------------------------------------------------------------

    def _restore_place(self, document: Document) -> None:
        """A file opened again shows the journey, the view and the current author it was
        left with (a journey or a person deleted since is skipped)."""
        place = session_place(document.path)
        if place is None:
            return
        tabs = self.host.tabs
        if place.journey_id is not None:
            tabs.show_journey(place.journey_id)
        shown = tabs.current_journey_id() == place.journey_id
        if shown and place.zoom is not None and place.center is not None:
            tabs.restore_view_place(ViewPlace(place.zoom, QPointF(*place.center)))
        if place.author_id is not None:
            self.host.participants.set_current_author(place.author_id)

    def _remember_place(self, document: Document) -> None:
        if document.untitled:
            return
        view = self.host.tabs.current_view_place()
        place = SessionPlace(
            journey_id=self.host.tabs.current_journey_id(),
            zoom=view.zoom if view is not None else None,
            center=(view.center.x(), view.center.y()) if view is not None else None,
            author_id=self.host.participants.current_author(),
        )
        remember_session_place(document.path, place)

    # -- opening and closing ----------------------------------------------------------------------

    def _show(self, document: Document | None) -> None:
        self._template_language = None
        self.host.set_document(document)
        if document is not None and not document.untitled:
            add_recent_file(document.path)
            self._restore_place(document)

    def _replace_document(self, make: Callable[[], Document], new: bool = False) -> bool:
        """Close the open session (asking if needed), then open what make() returns (new: a
        new untitled session, which starts in cocreate's data folder)."""
        if not self.close_session():
            return False
        translate = QCoreApplication.translate
        try:
            document = make()
        except SessionFileError as error:
            if new and error.problem in (FileProblem.DISK_FULL, FileProblem.IO_ERROR):
                return self._no_room_for_new(error)
            return self._refused(error)
        if new:
            self.no_room_for_new = False
        self._show(document)
        if document.read_only:
            QMessageBox.information(
                self.window,
                translate("MainWindow", "Opened Read-Only"),
                translate(
                    "MainWindow",
                    "This file is read-only, so it was opened for viewing only and changes"
                    " cannot be saved to it. Use File > Save As… to make an editable copy.",
                ),
            )
        return True

    def _no_room_for_new(self, error: SessionFileError) -> bool:
        """A new session cannot start: its data folder's disk is full or failing. The window
        goes on without one; saved sessions still open."""
        self.no_room_for_new = True
        translate = QCoreApplication.translate
        if error.problem is FileProblem.DISK_FULL:
            text = translate(
                "MainWindow",
                "A new session starts in cocreate's data folder until you save it:\n%1\n\n"
                "The disk of that folder is full, so no new session could be started. Free some"
                " space on it, then choose File > New Session. Sessions saved on other disks"
                " can still be opened (File > Open…).",
            )
        else:
            text = translate(
                "MainWindow",
                "A new session starts in cocreate's data folder until you save it:\n%1\n\n"
                "The disk of that folder reported an error (an input/output error), so no new"
                " session could be started. Check the disk, then choose File > New Session."
                " Sessions saved on other disks can still be opened (File > Open…).",
            )
        folder = error.path if error.path.suffix != FILE_SUFFIX else error.path.parent
        warn(
            self.window,
            translate("MainWindow", "Cannot Start a New Session"),
            text.replace("%1", shown(folder)),
        )
        return False

    def _refused(self, error: SessionFileError) -> bool:
        """A file that cannot be opened: say why; one whose rows break the rules can be
        repaired into a copy, which then opens."""
        title = QCoreApplication.translate("MainWindow", "Cannot Open Session")
        if error.problem is not FileProblem.BROKEN_ROW:
            show_file_error(self.window, title, error)
            return False
        return ask_to_repair(self.window, title, error) and self._repair(error.path)

    def _repair(self, source: Path) -> bool:
        """Save a repaired copy of source where the person chooses, open it, and list what the
        repair changed."""
        translate = QCoreApplication.translate
        start = source.with_name(source.stem + translate("MainWindow", " (repaired)") + FILE_SUFFIX)
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            translate("MainWindow", "Save Repaired Copy"),
            str(start),
            translate("MainWindow", "cocreate sessions (*.cocreate)"),
        )
        if not path:
            return False
        target = Path(path)
        if target.suffix != FILE_SUFFIX:
            target = target.with_name(target.name + FILE_SUFFIX)
        title = translate("MainWindow", "Cannot Repair Session")
        try:
            repairs = repair_copy(source, target)
        except SessionFileError as error:
            show_file_error(self.window, title, error)
            return False
        except ValueError:
            text = translate(
                "MainWindow", "%1\n\nThe repaired copy cannot replace the file it repairs."
            )
            warn(self.window, title, text.replace("%1", str(target)))
            return False
        except OSError as error:
            text = translate("MainWindow", "%1\n\nThe repaired copy could not be written there: %2")
            warn(
                self.window,
                title,
                text.replace("%1", shown(target)).replace("%2", os_error_text(error)),
            )
            return False
        if not self.open_file(target):
            return False
        self._tell_repairs(source, target, repairs)
        return True

    def _tell_repairs(self, source: Path, target: Path, repairs: list[Repair]) -> None:
        translate = QCoreApplication.translate
        dropped = sum(repair.rows for repair in repairs if repair.dropped)
        text = translate(
            "MainWindow",
            "%1\n\nThis is the repaired copy of %2, which was left as it was."
            " Values changed: %3. Rows dropped: %4.",
        )
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(translate("MainWindow", "Repaired Copy Opened"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            text.replace("%1", str(target))
            .replace("%2", str(source))
            .replace("%3", str(sum(not repair.dropped for repair in repairs)))
            .replace("%4", str(dropped))
        )
        box.setDetailedText("\n".join(str(repair) for repair in repairs))
        box.setObjectName("repairedBox")
        box.exec()

    def new_session(self) -> bool:
        """A new untitled session, its journey from the template in the language of the UI."""
        language = templates.language_code(self._language())
        if not self._replace_document(lambda: Document.new_untitled(language), new=True):
            return False
        self._template_language = language
        return True

    def language_changed(self) -> None:
        """A session New Session made and nobody touched follows a switch of language: it
        starts over with the template's stage and lane names in the new language."""
        language = templates.language_code(self._language())
        document = self.document
        if self._template_language in (None, language) or document is None:
            return
        if document.untitled and document.is_blank():
            self.new_session()

    def open_demo(self) -> bool:
        return self._replace_document(Document.open_demo, new=True)

    def open_file(self, path: Path | str) -> bool:
        path = Path(path)
        if self.document is not None and same_file(self.document.path, path):
            return True
        return self._replace_document(lambda: Document.open(path))

    def choose_and_open(self) -> bool:
        translate = QCoreApplication.translate
        start = str(recent_files()[0].parent) if recent_files() else ""
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("MainWindow", "Open Session"),
            start,
            translate("MainWindow", "cocreate sessions (*.cocreate);;All files (*)"),
        )
        return self.open_file(path) if path else False

    def offer_recovery(self) -> None:
        sessions = recoverable_sessions()
        if not sessions:
            return
        dialog = RecoveryDialog(sessions, self.window)
        if dialog.exec() and dialog.chosen is not None:
            self.open_file(dialog.chosen)

    def _save_target(self, document: Document) -> Path | None:
        translate = QCoreApplication.translate
        start = "" if document.untitled else str(document.path)
        if not start:
            title = document.session()["title"] or translate("MainWindow", "Untitled session")
            safe = "".join(c for c in title if c not in '\\/:*?"<>|').strip() or "session"
            start = str(Path.home() / (safe + FILE_SUFFIX))
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            translate("MainWindow", "Save Session As"),
            start,
            translate("MainWindow", "cocreate sessions (*.cocreate)"),
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix != FILE_SUFFIX:
            target = target.with_name(target.name + FILE_SUFFIX)
        return target

    def save_as(self) -> bool:
        document = self.document
        if document is None:
            return False
        target = self._save_target(document)
        if target is None:
            return False
        translate = QCoreApplication.translate
        title = translate("MainWindow", "Cannot Save Session")
        try:
            document.save_as(target)
        except SessionFileError as error:
            show_file_error(self.window, title, error)
            return False
        except OSError as error:
            text = translate("MainWindow", "%1\n\nThe session could not be written there: %2")
            warn(
                self.window,
                title,
                text.replace("%1", shown(target)).replace("%2", os_error_text(error)),
            )
            return False
        add_recent_file(target)
        saved = translate("MainWindow", "Saved as %1").replace("%1", str(target))
        self.window.statusBar().showMessage(saved, 5000)
        return True

    def close_session(self) -> bool:
        """Close the open session. False when the person chose to keep it open."""
        document = self.document
        if document is None:
            return True
        discard = False
        if document.untitled:
            if document.is_blank():
                discard = True
            else:
                answer = self._ask_to_save()
                if answer == QMessageBox.StandardButton.Cancel:
                    return False
                if answer == QMessageBox.StandardButton.Save and not self.save_as():
                    return False
                discard = answer == QMessageBox.StandardButton.Discard
        self._remember_place(document)
        self._show(None)
        document.close(discard=discard)
        release_closed_session()
        return True

    def _ask_to_save(self) -> QMessageBox.StandardButton:
        translate = QCoreApplication.translate
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(
            self.window,
            translate("MainWindow", "Save Session?"),
            translate(
                "MainWindow",
                "This session has not been saved under a name yet. Save it before"
                " closing? If you discard it, its contents are deleted.",
            ),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
