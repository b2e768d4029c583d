"""Making actions and giving them their (translated) texts, the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Shortcut = QKeySequence.StandardKey | str | None


def make_action(
    window: QWidget, slot: Callable, shortcut: Shortcut = None, checkable: bool = False
) -> QAction:
    """An action of the window: a standard key's platform bindings, or a key sequence.

    The action is added to the window too, so its shortcut works while the menu bar is hidden
    (presentation mode).
    """
    action = QAction(window)
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(QKeySequence.keyBindings(shortcut))
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    window.addAction(action)
    return action


def set_texts(texts: dict[QAction, tuple[str, str]]) -> None:
    """Menu text and status tip per action; the tooltip is the tip, or the text without
    its mnemonic."""
    for action, (text, tip) in texts.items():
        action.setText(text)
        action.setStatusTip(tip)
        action.setToolTip(tip or text.replace("&", "").replace("…", ""))
