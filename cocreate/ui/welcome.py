"""What the window shows when no session is open: the ways to start one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Big buttons for the File menu's New, Open and demo actions."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self._heading = QLabel()
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() + 10)
        font.setBold(True)
        self._heading.setFont(font)
        self._heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint = QLabel()
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self._heading)
        layout.addWidget(self._hint)
        layout.addSpacing(24)
        for action in actions:
            button = QPushButton()
            button.setMinimumSize(280, 44)
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: self._follow(b, a))
            self._follow(button, action)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.retranslate()

    @staticmethod
    def _follow(button: QPushButton, action: QAction) -> None:
        """The button shows its action's current (translated) text and state."""
        button.setText(action.text().replace("…", "").replace("&", ""))
        button.setToolTip(action.toolTip())
        button.setEnabled(action.isEnabled())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._heading.setText(self.tr("cocreate"))
        self._hint.setText(
            self.tr("Map the customer journey with your group, on one shared screen.")
        )
