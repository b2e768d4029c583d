"""File > Export and File > Import JSON: dialogs around the exporters of the registry
(cocreate.canvas.exporters), which read the session file itself; the image renders the journey
on screen. A long export runs with a progress dialog and can be cancelled (export_runner)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction
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

from cocreate.canvas.exporters import EXPORTERS
from cocreate.canvas.image_export import render_scene
from cocreate.document import Document
from cocreate.export import warm
from cocreate.export.json_io import JsonImportError, import_json
from cocreate.export.registry import (
    PAPERS,
    TEXT_CONTEXT,
    ExportCancelled,
    Exporter,
    Progress,
    no_progress,
)
from cocreate.path_checks import shown
from cocreate.ui.actions import set_texts
from cocreate.ui.export_runner import (
    BackgroundExport,
    ExportProgressDialog,
    Outcome,
    on_gui_thread,
)
from cocreate.ui.file_errors import os_error_text
from cocreate.ui.journey_tabs import JourneyTabs

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
        self.paper.addItems(PAPERS)
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
    """Owns File > Export, one action per exporter of the registry, and File > Import JSON."""

    def __init__(self, window: QMainWindow, tabs: JourneyTabs, open_path) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = tabs
        self._open_path = open_path  # callable(Path): open a session file in the window
        self.document: Document | None = None
        self.running: BackgroundExport | None = None
        self.menu = QMenu(window)
        self.actions: dict[str, QAction] = {}
        for exporter in EXPORTERS:
            action = QAction(window)
            action.triggered.connect(lambda _c=False, f=exporter.format: self.export(f))
            self.actions[exporter.format] = action
            self.menu.addAction(action)
        if "pdf" in self.actions:
            self.actions["pdf"].setShortcut("Ctrl+P")
        self.import_action = QAction(window)
        self.import_action.triggered.connect(self.import_json)
        self.retranslate()
        window.installEventFilter(self)  # to warm the PDF exporter once the window has painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """After the window's first paint (a timer: once the whole window is painted), start
        making the PDF exporter ready on a thread of its own (cocreate.export.warm): the first
        PDF is then as quick as the next, and the first paint waits for nothing."""
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, warm.start)
        return False

    # The actions of the formats the window knows by name (tests and other panels use them).
    pdf_action = property(lambda self: self.actions["pdf"])
    image_action = property(lambda self: self.actions["image"])
    csv_action = property(lambda self: self.actions["csv"])
    json_action = property(lambda self: self.actions["json"])

    def _dialog_texts(self) -> dict[str, tuple[str, str]]:
        """Per format: the title of its file dialog and the dialog's filters."""
        return {
            "pdf": (self.tr("Export PDF Blueprint"), self.tr("PDF (*.pdf)")),
            "image": (
                self.tr("Export Image of the Journey"),
                self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
            ),
            "csv": (self.tr("Export CSV: Choose a Folder"), ""),
            "json": (self.tr("Export JSON"), self.tr("JSON (*.json)")),
        }

    def texts_of(self, exporter: Exporter) -> tuple[str, str, str, str]:
        """An exporter's menu text, status tip, file dialog title and filters, translated (a
        format the window has no dialog texts for gets its menu text and its suffixes)."""
        label = QCoreApplication.translate(TEXT_CONTEXT, exporter.label)
        tip = QCoreApplication.translate(TEXT_CONTEXT, exporter.tip)
        known = self._dialog_texts().get(exporter.format)
        if known is not None:
            return label, tip, *known
        title = label.replace("&", "").rstrip("…")
        filters = ";;".join(f"{suffix[1:].upper()} (*{suffix})" for suffix in exporter.suffixes)
        return label, tip, title, filters

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Export"))
        texts = {
            self.actions[exporter.format]: self.texts_of(exporter)[:2] for exporter in EXPORTERS
        }
        texts[self.import_action] = (
            self.tr("&Import JSON…"),
            self.tr("Make a new session file from a cocreate JSON export"),
        )
        set_texts(texts)

    def set_document(self, document: Document | None) -> None:
        if document is None and self.running is not None:
            self.running.cancel_and_wait()  # the export would read a file that is closing
            self.running = None
        self.document = document
        self._update_enabled()

    def _update_enabled(self) -> None:
        idle = self.running is None
        for action in self.actions.values():
            action.setEnabled(self.document is not None and idle)

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

    def _target(self, exporter: Exporter) -> Path | None:
        """Where to write: a folder, or a file with one of the exporter's suffixes."""
        _label, _tip, title, filters = self.texts_of(exporter)
        if exporter.to_folder:
            folder = QFileDialog.getExistingDirectory(self.window, title, str(self.start_folder()))
            if not folder:
                return None
            QSettings().setValue("export/folder", folder)
            return Path(folder)
        suffix = exporter.suffixes[0]
        start = self.start_folder() / self.suggested_name(suffix)
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(start), filters)
        if not path:
            return None
        target = Path(path)
        if not target.suffix:
            target = target.with_name(target.name + suffix)
        elif not exporter.accepts(target):
            target = target.with_suffix(suffix)
        QSettings().setValue("export/folder", str(target.parent))
        return target

    def _failed(self, title: str, target: Path, error: BaseException) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("%1\n\nThe export could not be written: %2")
            .replace("%1", shown(target))
            .replace("%2", os_error_text(error))
        )
        box.exec()

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    # -- exports ----------------------------------------------------------------------------------

    def export(self, format_: str) -> None:
        """Ask for the exporter's options and target, then write it."""
        exporter = EXPORTERS[format_]
        if self.document is None or self.running is not None:
            return
        # The image draws the journey on screen rather than the file's first journey.
        own_way = {"image": self._export_image}.get(format_)
        if own_way is not None:
            own_way(exporter)
            return
        ask = {"pdf": self._pdf_options}.get(format_)
        options = ask(exporter.defaults()) if ask is not None else exporter.defaults()
        if options is None:
            return
        target = self._target(exporter)
        if target is None:
            return
        session = self.document.path

        def write(progress: Progress) -> None:
            exporter.write(session, target, options, progress)

        if exporter.long:
            dialog = self._progress_dialog(target)
            self.running = BackgroundExport(
                write, dialog, lambda o, e: self._finished(exporter, target, o, e)
            )
            self._update_enabled()
            return
        try:
            write(no_progress)
        except Exception as error:  # noqa: BLE001 (told in the window, as a background export's)
            self._failed(self.texts_of(exporter)[2], target, error)
            return
        self._status(self.tr("Exported to %1").replace("%1", str(target)))

    def _pdf_options(self, options: dict) -> dict | None:
        """Paper, orientation and journeys, from the PDF dialog; None when it was cancelled."""
        journeys = self.document.rows("journey", order_by="position")
        dialog = PdfExportDialog(journeys, self.window)
        if not dialog.exec():
            return None
        chosen = dialog.chosen_journeys()
        options.update(
            paper=dialog.paper.currentText(),
            portrait=dialog.portrait.isChecked(),
            journey=chosen if len(chosen) < len(journeys) else None,
        )
        return options

    def _progress_dialog(self, target: Path) -> ExportProgressDialog:
        label = self.tr("Exporting %1…").replace("%1", target.name)
        return ExportProgressDialog(label, self.window)

    def _export_image(self, exporter: Exporter) -> None:
        """The journey on screen, drawn on the GUI thread in bands that go to the file one by
        one; between bands the dialog repaints and takes a Cancel (see export_runner)."""
        scene = self.tabs.current_scene()
        if scene is None:
            return
        target = self._target(exporter)
        if target is None:
            return
        journey = self.document.row("journey", scene.journey_id)
        title = journey["name"] if journey else ""
        dialog = self._progress_dialog(target)
        try:
            on_gui_thread(lambda progress: render_scene(scene, target, title, progress), dialog)
        except ExportCancelled:
            outcome, error = Outcome.CANCELLED, None
        except (OSError, ValueError) as failed:
            outcome, error = Outcome.FAILED, failed
        else:
            outcome, error = Outcome.DONE, None
        dialog.finish()
        self._finished(exporter, target, outcome, error)

    def _finished(
        self, exporter: Exporter, target: Path, outcome: Outcome, error: BaseException | None
    ) -> None:
        self.running = None
        self._update_enabled()
        if outcome is Outcome.DONE:
            self._status(self.tr("Exported to %1").replace("%1", str(target)))
        elif outcome is Outcome.CANCELLED:
            self._status(self.tr("Export cancelled: %1 was not written").replace("%1", str(target)))
        elif error is not None:
            self._failed(self.texts_of(exporter)[2], target, error)

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
        except Exception as error:  # noqa: BLE001 (a disk, a codec, the database: told in words)
            self._failed(self.tr("Import JSON"), Path(source), error)
            return
        self._open_path(out)
