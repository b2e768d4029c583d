"""File > Export (PDF blueprint, image, CSV, JSON) and File > Import JSON: dialogs around the
headless exporters, which read the session file itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cocreate.atomic import write_files
from cocreate.canvas.image_export import render_scene
from cocreate.document import Document
from cocreate.export.csv_export import export_csv
from cocreate.export.json_io import JsonImportError, export_json, import_json
from cocreate.ui.actions import set_texts
from cocreate.ui.journey_tabs import JourneyTabs

PAPER_SIZES = ("A4", "A3", "A2", "A1", "A0", "Letter", "Tabloid")
# Characters no file name may hold on Windows, macOS or Linux.
NOT_IN_FILE_NAMES = set('\\/:*?"<>|')


def file_stem(title: str) -> str:
    """A file name (without suffix) made from a session title: one line, no characters a
    file system refuses, no dots or spaces at the ends (Windows drops them); "" if none left."""
    kept = "".join(
        " " if char.isspace() else char
        for char in title
        if char not in NOT_IN_FILE_NAMES and (char.isprintable() or char.isspace())
    )
    return " ".join(kept.split()).strip(" .")


def documents_folder() -> Path:
    """The person's Documents folder (their home folder where there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class PdfExportDialog(QDialog):
    """Paper size, orientation and the journeys to include."""

    def __init__(self, journeys: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdfExportDialog")
        self.setWindowTitle(self.tr("Export PDF Blueprint"))
        settings = QSettings()
        self.paper = QComboBox()
        self.paper.addItems(PAPER_SIZES)
        self.paper.setCurrentText(str(settings.value("pdf/paper", "A3")))
        self.paper.setToolTip(self.tr("A1 and A0 make wall posters"))
        self.landscape = QRadioButton(self.tr("&Landscape"))
        self.portrait = QRadioButton(self.tr("&Portrait"))
        group = QButtonGroup(self)
        group.addButton(self.landscape)
        group.addButton(self.portrait)
        (
            self.portrait if settings.value("pdf/portrait", False, bool) else self.landscape
        ).setChecked(True)
        orientation = QHBoxLayout()
        orientation.addWidget(self.landscape)
        orientation.addWidget(self.portrait)
        orientation.addStretch(1)
        self.journeys = QListWidget()
        for row in journeys:
            item = QListWidgetItem(row["name"] or self.tr("Untitled journey"))
            item.setData(Qt.ItemDataRole.UserRole, row["id"])  # names may repeat
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.journeys.addItem(item)
        self.journeys.itemChanged.connect(self._update_ok)
        form = QFormLayout()
        form.addRow(self.tr("Paper &size:"), self.paper)
        form.addRow(self.tr("Orientation:"), orientation)
        form.addRow(QLabel(self.tr("Journeys:")))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.journeys)
        layout.addWidget(self.buttons)
        self._update_ok()

    def chosen_journeys(self) -> list[int]:
        items = [self.journeys.item(i) for i in range(self.journeys.count())]
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _update_ok(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.chosen_journeys())
        )

    def accept(self) -> None:
        settings = QSettings()
        settings.setValue("pdf/paper", self.paper.currentText())
        settings.setValue("pdf/portrait", self.portrait.isChecked())
        super().accept()


class ExportActions(QObject):
    """Owns the export and import actions of the File menu."""

    def __init__(self, window: QMainWindow, tabs: JourneyTabs, open_path) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = tabs
        self._open_path = open_path  # callable(Path): open a session file in the window
        self.document: Document | None = None
        self.pdf_action = QAction(window)
        self.pdf_action.triggered.connect(self.export_pdf)
        self.pdf_action.setShortcut("Ctrl+P")
        self.image_action = QAction(window)
        self.image_action.triggered.connect(self.export_image)
        self.csv_action = QAction(window)
        self.csv_action.triggered.connect(self.export_csv)
        self.json_action = QAction(window)
        self.json_action.triggered.connect(self.export_json)
        self.import_action = QAction(window)
        self.import_action.triggered.connect(self.import_json)
        self.menu = QMenu(window)
        for action in (self.pdf_action, self.image_action, self.csv_action, self.json_action):
            self.menu.addAction(action)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Export"))
        texts = {
            self.pdf_action: (
                self.tr("&PDF Blueprint…"),
                self.tr("The service blueprint as a PDF to share"),
            ),
            self.image_action: (
                self.tr("&Image of the Journey…"),
                self.tr("The current journey canvas as PNG or SVG"),
            ),
            self.csv_action: (
                self.tr("&CSV for a Spreadsheet…"),
                self.tr("Notes and touchpoints as CSV files"),
            ),
            self.json_action: (self.tr("&JSON…"), self.tr("The whole session as JSON")),
            self.import_action: (
                self.tr("&Import JSON…"),
                self.tr("Make a new session file from a cocreate JSON export"),
            ),
        }
        set_texts(texts)

    def set_document(self, document: Document | None) -> None:
        self.document = document
        for action in (self.pdf_action, self.image_action, self.csv_action, self.json_action):
            action.setEnabled(document is not None)

    # -- helpers ----------------------------------------------------------------------------------

    def start_folder(self) -> Path:
        """Where export dialogs open: beside the session file; for an untitled session (which
        lives in cocreate's data folder) the folder of the last export, else Documents."""
        if self.document is not None and not self.document.untitled:
            return self.document.path.parent
        last = QSettings().value("export/folder", "")
        if last and Path(str(last)).is_dir():
            return Path(str(last))
        return documents_folder()

    def suggested_name(self, suffix: str) -> str:
        """The session's title as a file name, with the export's suffix."""
        title = self.document.session()["title"] if self.document is not None else ""
        stem = file_stem(title) or file_stem(self.tr("Untitled session")) or "session"
        return stem + suffix

    def _target(self, title: str, suffix: str, filters: str) -> Path | None:
        start = self.start_folder() / self.suggested_name(suffix)
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(start), filters)
        if not path:
            return None
        target = Path(path)
        if not target.suffix:
            target = target.with_name(target.name + suffix)
        QSettings().setValue("export/folder", str(target.parent))
        return target

    def _failed(self, title: str, target: Path, error: Exception) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        box.setText(
            self.tr("%1\n\nThe export could not be written: %2")
            .replace("%1", str(target))
            .replace("%2", detail)
        )
        box.exec()

    def _done(self, target: Path) -> None:
        self.window.statusBar().showMessage(
            self.tr("Exported to %1").replace("%1", str(target)), 8000
        )

    # -- exports ----------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        if self.document is None:
            return
        journeys = self.document.rows("journey", order_by="position")
        dialog = PdfExportDialog(journeys, self.window)
        if not dialog.exec():
            return
        target = self._target(self.tr("Export PDF Blueprint"), ".pdf", self.tr("PDF (*.pdf)"))
        if target is None:
            return
        from cocreate.export.pdf import export_pdf  # reportlab loads only when needed

        names = dialog.chosen_journeys()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # export_pdf writes beside the target and renames: a failure leaves no file
            export_pdf(
                self.document.path,
                target,
                paper=dialog.paper.currentText(),
                landscape=dialog.landscape.isChecked(),
                journeys=names if len(names) < len(journeys) else None,
            )
        except (OSError, ValueError, RuntimeError) as error:
            QGuiApplication.restoreOverrideCursor()
            self._failed(self.tr("Export PDF Blueprint"), target, error)
            return
        finally:
            if QGuiApplication.overrideCursor() is not None:
                QGuiApplication.restoreOverrideCursor()
        self._done(target)

    def export_image(self) -> None:
        scene = self.tabs.current_scene()
        if self.document is None or scene is None:
            return
        target = self._target(
            self.tr("Export Image of the Journey"),
            ".png",
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if target is None:
            return
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_suffix(".png")
        journey = self.document.row("journey", scene.journey_id)
        try:
            render_scene(scene, target, journey["name"] if journey else "")
        except (OSError, ValueError) as error:
            self._failed(self.tr("Export Image of the Journey"), target, error)
            return
        self._done(target)

    def export_csv(self) -> None:
        if self.document is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Export CSV: Choose a Folder"), str(self.start_folder())
        )
        if not folder:
            return
        try:
            export_csv(self.document.path, Path(folder))
        except OSError as error:
            self._failed(self.tr("Export CSV"), Path(folder), error)
            return
        QSettings().setValue("export/folder", folder)
        self._done(Path(folder))

    def export_json(self) -> None:
        if self.document is None:
            return
        target = self._target(self.tr("Export JSON"), ".json", self.tr("JSON (*.json)"))
        if target is None:
            return
        try:
            write_files({target: export_json(self.document.path).encode("utf-8")})
        except OSError as error:
            self._failed(self.tr("Export JSON"), target, error)
            return
        self._done(target)

    def import_json(self) -> None:
        source, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import JSON"), str(Path.home()), self.tr("JSON (*.json)")
        )
        if not source:
            return
        target, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save the Imported Session As"),
            str(Path(source).with_suffix(".cocreate")),
            self.tr("cocreate sessions (*.cocreate)"),
        )
        if not target:
            return
        out = Path(target)
        if out.suffix != ".cocreate":
            out = out.with_name(out.name + ".cocreate")
        if out.exists():
            self._failed(
                self.tr("Import JSON"),
                out,
                OSError(0, self.tr("the file already exists; choose a new file name")),
            )
            return
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
            import_json(text, out)
        except JsonImportError as error:
            self._failed(self.tr("Import JSON"), Path(source), ValueError(error.message))
            return
        except (OSError, UnicodeDecodeError) as error:
            self._failed(self.tr("Import JSON"), Path(source), error)
            return
        self._open_path(out)
