"""File > Import Feedback…: the action, its file dialog, the mapping dialog and what the window
says after an import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QMainWindow

from cocreate.document import Document
from cocreate.ui.actions import make_action, set_texts
from cocreate.ui.export_actions import documents_folder
from cocreate.ui.feedback_dialog import FeedbackImportDialog, ask_for_file
from cocreate.ui.feedback_texts import fill
from cocreate.ui.feedback_work import preload_spreadsheet_reader
from cocreate.ui.journey_tabs import JourneyTabs

SHORTCUT = "Ctrl+Shift+F"
#: Where the last file of answers was chosen.
FOLDER_KEY = "feedback/folder"


class FeedbackImport(QObject):
    """Owns File > Import Feedback…, enabled while a session that takes edits is open."""

    def __init__(self, window: QMainWindow, tabs: JourneyTabs) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = tabs
        self.document: Document | None = None
        self.import_action = make_action(window, self.import_feedback, SHORTCUT)
        self.dialog: FeedbackImportDialog | None = None
        window.installEventFilter(self)
        self.retranslate()
        self.update_state()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        set_texts(
            {
                self.import_action: (
                    self.tr("Import &Feedback…"),
                    self.tr("Bring survey answers (CSV or XLSX) into a journey"),
                )
            }
        )

    def set_document(self, document: Document | None) -> None:
        if self.dialog is not None and self.dialog.document is not document:
            self.dialog.reject()  # its session is closing
        self.document = document
        if document is not None:
            document.file_changed.connect(self.update_state)
        self.update_state()

    def update_state(self, *_args: object) -> None:
        document = self.document
        self.import_action.setEnabled(document is not None and not document.read_only)

    def start_folder(self) -> Path:
        """The folder of the last file of answers, else beside the session, else Documents."""
        last = str(QSettings().value(FOLDER_KEY, ""))
        if last and Path(last).is_dir():
            return Path(last)
        if self.document is not None and not self.document.untitled:
            return self.document.path.parent
        return documents_folder()

    def import_feedback(self) -> None:
        document = self.document
        if document is None or document.read_only or self.dialog is not None:
            return
        preload_spreadsheet_reader()  # about a second, while the person chooses a file
        path = ask_for_file(self.window, self.start_folder())
        if path is None:
            return
        QSettings().setValue(FOLDER_KEY, str(path.parent))
        self.dialog = FeedbackImportDialog(
            document, path, self.tabs.current_journey_id(), self.window
        )
        self.dialog.finished.connect(self._dialog_finished)
        self.dialog.open()

    def _imported_text(self, count: int, journey: str) -> str:
        if count == 1:
            return fill(self.tr("Imported one feedback answer into %1"), journey)
        return fill(self.tr("Imported %1 feedback answers into %2"), f"{count:,}", journey)

    def _dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        count, journey = dialog.imported, dialog.journey_name()
        dialog.deleteLater()
        if result and count:
            self.window.statusBar().showMessage(
                self._imported_text(count, journey),
                8000,
            )
