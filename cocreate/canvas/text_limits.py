"""The limits on people's text in the window's fields: a field takes no more than its column
holds (cocreate.rules: NAME_MAX for a line, TEXT_MAX for free text), typed or pasted, and says so
when it stops; pasted text loses its control and invisible format characters (clean_text) as it
comes in, so the field shows what the file will keep. The document applies the same rule to
every edit (Document.execute); these fields only make it visible while people type.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QMimeData, QModelIndex, QPoint
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from cocreate.rules import NAME_MAX, TEXT_MAX, clean_text, cut

#: How long the window's status bar shows the notice, in milliseconds.
NOTICE_MS = 6000


def full_text(limit: int, pasted: bool) -> str:
    """What a field says when it stops taking text, in the UI's language."""
    translate = QCoreApplication.translate
    if pasted:
        text = translate(
            "TextLimits", "This field holds up to %1 characters; the rest was not pasted."
        )
    else:
        text = translate("TextLimits", "This field holds up to %1 characters.")
    return text.replace("%1", QLocale().toString(limit))


def tell_full(widget: QWidget, limit: int, pasted: bool, where: QPoint | None = None) -> None:
    """Say, beside the field and in the window's status bar, that it holds no more."""
    text = full_text(limit, pasted)
    spot = where if where is not None else QPoint(0, widget.height())
    QToolTip.showText(widget.mapToGlobal(spot), text, widget)
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, NOTICE_MS)


# -- one line --------------------------------------------------------------------------------


def _clean_line(text: str) -> str:
    """A line's text as the file keeps it; a line break (pasted) becomes a space."""
    return clean_text(text).replace("\n", " ")


def limit_line(edit: QLineEdit, limit: int = NAME_MAX) -> QLineEdit:
    """Cap a one-line field at `limit` characters (NAME_MAX: a title, a name, a label), drop
    the control and invisible format characters pasted into it, and say so when typing or
    pasting reaches the cap. (Not a QValidator: a validator's fix-up makes Qt forget that the
    field was edited.)"""
    edit.setMaxLength(limit)

    def edited(text: str) -> None:
        cleaned = _clean_line(text)
        if cleaned != text:
            cursor = len(_clean_line(text[: edit.cursorPosition()]))
            edit.setText(cleaned)
            edit.setCursorPosition(cursor)
            edit.setModified(True)
        if len(text) >= limit:
            tell_full(edit, limit, pasted=False)

    edit.textEdited.connect(edited)
    return edit


class LimitedLineDelegate(QStyledItemDelegate):
    """Item views whose cells are edited in place: each editor is a capped line (limit_line)."""

    def createEditor(  # noqa: N802 (Qt's name)
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            limit_line(editor)
        return editor


def ask_line(
    parent: QWidget, title: str, label: str, text: str, object_name: str = ""
) -> tuple[str, bool]:
    """QInputDialog.getText with a capped line (limit_line): (the text, whether OK)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    if object_name:
        dialog.setObjectName(object_name)
    line = dialog.findChild(QLineEdit)
    if line is not None:
        limit_line(line)
        line.setText(text[:NAME_MAX])
    accepted = bool(dialog.exec())
    value = dialog.textValue()
    dialog.deleteLater()
    return value, accepted


# -- free text --------------------------------------------------------------------------------


class LimitedPlainText(QPlainTextEdit):
    """Plain text of at most `limit` characters (TEXT_MAX: a note, a description, the goal).

    Typing stops at the limit and a paste (or a drop) keeps what fits, each time with a word
    beside the field; pasted text is cleaned (clean_text) as it comes in."""

    def __init__(self, parent: QWidget | None = None, limit: int = TEXT_MAX) -> None:
        super().__init__(parent)
        self.limit = limit

    def room(self) -> int:
        """How many characters more the field takes in place of its selection."""
        held = self.document().characterCount() - 1  # the last block's separator
        return self.limit - held + len(self.textCursor().selectedText())

    def say_full(self, pasted: bool) -> None:
        tell_full(self, self.limit, pasted, self.cursorRect().bottomLeft())

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt's name)
        if not source.hasText():
            return
        text = clean_text(source.text())
        room = max(self.room(), 0)
        if len(text) > room:
            text = cut(text, room)
            self.say_full(pasted=True)
        cursor = self.textCursor()
        if text or cursor.hasSelection():
            cursor.insertText(text)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 (Qt's name)
        """Text from an input method (pinyin, a virtual keyboard) keeps what fits, cleaned."""
        given = event.commitString()
        text = clean_text(given)
        room = max(self.room() + event.replacementLength(), 0)
        if len(text) > room:
            text = cut(text, room)
            self.say_full(pasted=False)
        if text != given:
            event.setCommitString(text, event.replacementStart(), event.replacementLength())
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        typed = clean_text(event.text())  # "" for keys that type nothing (arrows, Ctrl+V)
        if typed and len(typed) > self.room():
            self.say_full(pasted=False)
            event.accept()
            return
        super().keyPressEvent(event)
