"""Edit > Session Details…: the salon's title, theme, brand, date, facilitator and goal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cocreate.canvas.text_limits import LimitedPlainText, limit_line
from cocreate.document import SESSION_FIELDS

ISO_DATE = Qt.DateFormat.ISODate


class SessionDetailsDialog(QDialog):
    """Shows the session's details; `changed_fields()` gives what the person edited."""

    def __init__(self, session: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Session Details"))
        self.setMinimumWidth(520)
        self._original = {key: session[key] for key in SESSION_FIELDS}

        self.title_edit = limit_line(QLineEdit(session["title"]))
        self.title_edit.setPlaceholderText(self.tr("e.g. Member loyalty co-creation salon"))
        self.theme_edit = limit_line(QLineEdit(session["theme"]))
        self.theme_edit.setPlaceholderText(self.tr("The clear theme of the salon"))
        self.brand_edit = limit_line(QLineEdit(session["brand"]))
        self.facilitator_edit = limit_line(QLineEdit(session["facilitator"]))
        self.goal_edit = LimitedPlainText()
        self.goal_edit.setPlainText(session["goal"])
        self.goal_edit.setPlaceholderText(self.tr("What the group wants to leave the room with"))
        self.goal_edit.setTabChangesFocus(True)
        self.goal_edit.setFixedHeight(90)

        self.date_check = QCheckBox(self.tr("&Date:"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        parsed = QDate.fromString(session["date"], ISO_DATE)
        self.date_check.setChecked(parsed.isValid())
        self.date_edit.setDate(parsed if parsed.isValid() else QDate.currentDate())
        self.date_edit.setEnabled(parsed.isValid())
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        # A date that is not ISO (from an imported file) stays as it is unless it is edited.
        self._date_touched = False
        self.date_check.toggled.connect(self._touch_date)
        self.date_edit.dateChanged.connect(self._touch_date)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("T&heme:"), self.theme_edit)
        form.addRow(self.tr("&Brand:"), self.brand_edit)
        form.addRow(self.date_check, date_row)
        form.addRow(self.tr("&Facilitator:"), self.facilitator_edit)
        form.addRow(self.tr("&Goal:"), self.goal_edit)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _touch_date(self, *_args) -> None:
        self._date_touched = True

    def values(self) -> dict[str, str]:
        date = self.date_edit.date().toString(ISO_DATE) if self.date_check.isChecked() else ""
        if not self._date_touched:
            date = self._original["date"]
        return {
            "title": self.title_edit.text().strip(),
            "theme": self.theme_edit.text().strip(),
            "brand": self.brand_edit.text().strip(),
            "date": date,
            "facilitator": self.facilitator_edit.text().strip(),
            "goal": self.goal_edit.toPlainText().strip(),
        }

    def changed_fields(self) -> dict[str, str]:
        return {key: value for key, value in self.values().items() if self._original[key] != value}
