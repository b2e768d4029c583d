"""Start a dot-voting round: how many dots every participant gets."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

SETTINGS_KEY = "votingBudget"
DEFAULT_BUDGET = 5
MIN_BUDGET, MAX_BUDGET = 1, 20


def remembered_budget() -> int:
    """The budget chosen last time (QSettings "votingBudget"), or the default."""
    value = QSettings().value(SETTINGS_KEY, DEFAULT_BUDGET)
    try:
        budget = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_BUDGET
    return min(MAX_BUDGET, max(MIN_BUDGET, budget))


class StartVotingDialog(QDialog):
    """Asks for the dots per participant; OK remembers the number for next time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startVotingDialog")
        self.budget_spin = QSpinBox()
        self.budget_spin.setObjectName("votingBudget")
        self.budget_spin.setRange(MIN_BUDGET, MAX_BUDGET)
        self.budget_spin.setValue(remembered_budget())
        self.budget_label = QLabel()
        self.budget_label.setBuddy(self.budget_spin)
        self.explanation = QLabel()
        self.explanation.setObjectName("votingExplanation")
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.budget_label, self.budget_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.buttons)
        self.budget_spin.setFocus()
        self.budget_spin.selectAll()
        self.retranslate()

    def budget(self) -> int:
        return self.budget_spin.value()

    def accept(self) -> None:
        self.budget_spin.interpretText()
        QSettings().setValue(SETTINGS_KEY, self.budget())
        super().accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Start Voting"))
        self.budget_label.setText(self.tr("&Dots per participant:"))
        self.budget_spin.setToolTip(
            self.tr("How many dots each participant can give in this round (1 to 20)")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start Voting"))
        self.explanation.setText(
            self.tr(
                "Every participant gets this many dots for this round. Click a note or card to "
                "vote; Shift+click takes a vote back."
            )
        )
