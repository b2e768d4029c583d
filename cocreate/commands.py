"""The undo commands of the document: one user action is one named list of row ops.

A command is pushed already applied; undo applies the inverse ops and redo the ops again, each
in one transaction, through the document's public `apply`.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from cocreate.store.ops import Op, Update, inverse_ops


class Replayer(Protocol):
    """What a command needs of the document: to write ops, and the history to clear."""

    @property
    def undo_stack(self) -> QUndoStack: ...

    def apply(self, ops: list[Op], step: str = "") -> bool: ...


class RowCommand(QUndoCommand):
    """One user action: a named list of row ops, already applied when pushed.

    `name` is the English source text (context "Document", marked with QT_TRANSLATE_NOOP);
    the command shows it in the language of the moment, and again after a switch. `args` fill
    its %1, %2, … after translation (a person's name in "Note from %1"). A name with %n
    ("Import %n feedback answers") takes its count as the first of the args, for the plural
    form of the language of the moment; the args after it fill %1, %2, ….
    """

    def __init__(
        self, document: Replayer, name: str, ops: list[Op], args: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self._name = name
        self._args = tuple(args)
        self.retranslate()
        self._document = document
        self._ops = ops
        self._applied = True  # Document.execute applied the ops before pushing
        self._unapplied = False  # the next undo finds the ops already taken back

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if not self._document.apply(
            self._ops, self._step_name(QT_TRANSLATE_NOOP("Document", "Redo %1"))
        ):
            self._step_back(redone=True)

    def undo(self) -> None:
        if self._unapplied:
            self._unapplied = False
            return
        if not self._document.apply(
            inverse_ops(self._ops), self._step_name(QT_TRANSLATE_NOOP("Document", "Undo %1"))
        ):
            self._step_back(redone=False)

    def retranslate(self) -> None:
        if "%n" in self._name and self._args:
            count = int(self._args[0])
            text = QCoreApplication.translate("Document", self._name, None, count)
            self.setText(fill_args(text, self._args[1:]))
            return
        self.setText(fill_args(QCoreApplication.translate("Document", self._name), self._args))

    @property
    def ops(self) -> list[Op]:
        """The ops this action applies."""
        return self._ops

    def _step_name(self, text: str) -> str:
        """What a message names when the file refuses this step ("Undo Add Note")."""
        return QCoreApplication.translate("Document", text).replace("%1", self.text())

    def _step_back(self, redone: bool) -> None:
        """The file refused the undo or redo (a full disk; the message is shown): it holds
        what it held, so the history steps back to where it was, writing nothing (the flag
        makes that step a no-op), and the history before and after stays."""
        stack = self._document.undo_stack
        if redone:
            self._unapplied = True
            QTimer.singleShot(0, stack.undo)
        else:
            self._applied = True
            QTimer.singleShot(0, stack.redo)


class TypingCommand(RowCommand):
    """Typing in a text field, written at every pause: one burst of typing is one undo step.

    `burst` names the field, its rows and the burst (from the first key until the edit ends).
    While this is the last action, QUndoStack merges the next command of the same burst into
    it, so it goes from the text before the burst to the latest text. Typed back to where it
    began, the burst leaves no step behind.
    """

    MERGE_ID = 1

    def __init__(
        self,
        document: Replayer,
        name: str,
        ops: list[Op],
        burst: Hashable,
        args: Sequence[str] = (),
    ) -> None:
        super().__init__(document, name, ops, args)
        self.burst = burst

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, TypingCommand) or other.burst != self.burst:
            return False
        merged = merged_updates(self._ops, other.ops)
        if merged is None:
            return False
        self._ops = merged
        self.setObsolete(not merged)
        return True


_ARG = re.compile(r"%(\d)")


def fill_args(text: str, args: Sequence[str]) -> str:
    """text with %1, %2, … replaced by args in one pass, as QString.arg does: a % in an
    argument is never read as a place of another; a place without an argument stays."""
    if not args:
        return text

    def arg(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    return _ARG.sub(arg, text)


def merged_updates(earlier: list[Op], later: list[Op]) -> list[Op] | None:
    """Updates from before `earlier` to after `later` in one step, without the fields that end
    where they began; None unless every op is an update."""
    rows: dict[tuple[str, int], Update] = {}
    for op in [*earlier, *later]:
        if not isinstance(op, Update):
            return None
        first = rows.get((op.table, op.id), op)
        rows[(op.table, op.id)] = Update(
            op.table, op.id, {**op.before, **first.before}, {**first.after, **op.after}
        )
    merged: list[Op] = []
    for op in rows.values():
        moved = [key for key, value in op.after.items() if op.before[key] != value]
        if moved:
            before = {key: op.before[key] for key in moved}
            merged.append(Update(op.table, op.id, before, {key: op.after[key] for key in moved}))
    return merged
