"""A label whose text changes often, kept from laying out the whole window at each change.

QLabel.setText asks its parent's layout for a new geometry, and each layout that redoes itself
asks its own parent in turn, up to the main window: a voter's "Votes left" in the Participants
dock laid out the dock, and in a 1920×1080 window the main window, again at every dot (15
layouts of the main window over 14 votes at 10 000 notes; 5 held in this box). Held in a box
with no layout of its own, a new text stops at the box, which asks for a new geometry only
when the text needs another size.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class QuietLabelBox(QWidget):
    """Holds `label` (word-wrapped plain text) at its own size; set its text with set_text()."""

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_text(self, text: str) -> None:
        """Show the text; the window lays itself out again only when its size must change."""
        label = self.label
        if text == label.text():
            return
        before = (label.minimumSizeHint(), label.heightForWidth(self.width()))
        label.setText(text)
        if (label.minimumSizeHint(), label.heightForWidth(self.width())) != before:
            self.updateGeometry()  # (its width follows the dock's, not its text's)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's names)
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self.label.heightForWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)
