"""Message boxes whose text may hold people's words (names, paths): always plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def plain_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> Button:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # "<b>" in a name stays "<b>"
    box.setText(text)
    box.setStandardButtons(buttons)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return Button(box.exec())


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; True for Yes."""
    answer = plain_box(
        parent, QMessageBox.Icon.Question, title, text, Button.Yes | Button.No, Button.No
    )
    return answer == Button.Yes


def warn(parent: QWidget | None, title: str, text: str) -> None:
    plain_box(parent, QMessageBox.Icon.Warning, title, text)
