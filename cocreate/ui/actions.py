"""Making actions and giving them their (translated) texts, the same way everywhere."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

Shortcut = QKeySequence.StandardKey | str | None

# "撤销(&U)": Chinese (and Japanese) texts carry their mnemonic in brackets at the end.
_BRACKETED_MNEMONIC = re.compile(r"\s*\(&[^)]\)")

# Redo is Ctrl+Y on every platform, beside the platform's own keys (Ctrl+Shift+Z on Linux).
EXTRA_REDO_KEY = "Ctrl+Y"


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


def plain_text(text: str) -> str:
    """A menu text as a button or tooltip shows it: no mnemonic, no ellipsis."""
    return (
        _BRACKETED_MNEMONIC.sub("", text)
        .replace("&&", "\0")
        .replace("&", "")
        .replace("\0", "&")
        .replace("…", "")
        .strip()
    )


def set_text(action: QAction, text: str, tip: str = "") -> None:
    """Menu text and status tip; the tooltip is the tip, or the plain text."""
    action.setText(text)
    action.setStatusTip(tip)
    action.setToolTip(tip or plain_text(text))


def set_texts(texts: dict[QAction, tuple[str, str]]) -> None:
    """set_text() per action, and a toolbar button that shows the plain text."""
    for action, (text, tip) in texts.items():
        set_text(action, text, tip)
        action.setIconText(plain_text(text))


def redo_shortcuts() -> list[QKeySequence]:
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    extra = QKeySequence(EXTRA_REDO_KEY)
    return keys if extra in keys else [*keys, extra]


class HistoryAction(QAction):
    """Undo or Redo of an undo stack, named after the action it takes back or does again.

    `texts` are the text with no action to name ("&Undo") and the one naming it, with %1 for
    the action's name ("&Undo %1"); both already translated.
    """

    def __init__(
        self,
        window: QWidget,
        stack: QUndoStack,
        redo: bool,
        texts: tuple[str, str],
        before: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self._plain, self._named = texts
        if before is not None:  # runs first: connected before the stack's own slot
            self.triggered.connect(lambda _checked=False: before())
        if redo:
            self.setShortcuts(redo_shortcuts())
            self.triggered.connect(stack.redo)
            stack.canRedoChanged.connect(self.setEnabled)
            stack.redoTextChanged.connect(self.name_command)
            self.setEnabled(stack.canRedo())
            self.name_command(stack.redoText())
        else:
            self.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
            self.triggered.connect(stack.undo)
            stack.canUndoChanged.connect(self.setEnabled)
            stack.undoTextChanged.connect(self.name_command)
            self.setEnabled(stack.canUndo())
            self.name_command(stack.undoText())

    @Slot(str)
    def name_command(self, name: str) -> None:
        # An "&" in the name is a letter, not a mnemonic.
        text = self._named.replace("%1", name.replace("&", "&&")) if name else self._plain
        set_text(self, text)
        # A toolbar button says just "Undo" (its tooltip names the action), so that its
        # width, and the place of every button after it, stays put. Set once, never to the
        # named text first: each change of it made the toolbar, and the whole window, lay
        # itself out and paint again after every edit.
        self.setIconText(plain_text(self._plain))
