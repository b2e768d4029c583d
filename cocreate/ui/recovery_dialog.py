"""At start: untitled sessions that were never saved (after a crash or a kill), to recover."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocreate.document import Recoverable

PATH_ROLE = Qt.ItemDataRole.UserRole


class RecoveryDialog(QDialog):
    """Lists recoverable sessions. After exec(), `chosen` is the path to open, or None."""

    def __init__(self, sessions: list[Recoverable], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Recover Unsaved Sessions"))
        self.setMinimumWidth(560)
        self.chosen: Path | None = None

        intro = QLabel(
            self.tr(
                "These sessions were never saved to a file of your choice, perhaps because"
                " cocreate was closed unexpectedly. Every change in them was kept."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for session in sessions:
            self._add(session)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._recover())

        buttons = QDialogButtonBox()
        self.recover_button = QPushButton(self.tr("&Recover"))
        self.recover_button.setDefault(True)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        later = QPushButton(self.tr("&Later"))
        later.setToolTip(self.tr("Keep these sessions and ask again next time"))
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.clicked.connect(self._recover)
        self.delete_button.clicked.connect(self._delete)
        later.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _add(self, session: Recoverable) -> None:
        summary = session.summary
        title = summary.title or self.tr("Untitled session")
        when = datetime.fromtimestamp(session.modified).strftime("%Y-%m-%d %H:%M")
        touchpoints = sum(journey.touchpoints for journey in summary.journeys)
        notes = sum(journey.notes for journey in summary.journeys)
        counts = self.tr("Journeys: %1 · Touchpoints: %2 · Notes: %3")
        counts = counts.replace("%1", str(len(summary.journeys)))
        counts = counts.replace("%2", str(touchpoints)).replace("%3", str(notes))
        changed = self.tr("Last changed %1").replace("%1", when)
        item = QListWidgetItem(f"{title}\n{changed} · {counts}")
        item.setData(PATH_ROLE, str(session.path))
        self.list.addItem(item)

    def _current_path(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def _recover(self) -> None:
        self.chosen = self._current_path()
        if self.chosen is not None:
            self.accept()

    def _delete(self) -> None:
        path = self._current_path()
        if path is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete Session"),
            self.tr("Delete this unsaved session for good? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        path.unlink(missing_ok=True)
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.reject()
