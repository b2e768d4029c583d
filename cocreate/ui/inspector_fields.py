"""The Inspector's field widgets: text that is written as it is typed (after a short pause, one
burst of typing one undo step), choices, the emotion picker, the score and the flags. Each shows
the file's value and reports what the person chose; the form (cocreate.ui.inspector) writes it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QFocusEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cocreate.canvas.icons import emotion_icon
from cocreate.canvas.text_limits import LimitedPlainText, limit_line
from cocreate.labels import label, values
from cocreate.model import EMOTION_MIN, SCORE_MAX, SCORE_MIN
from cocreate.records import Row


class _Mixed:
    """The cards disagree on a field (None is a real value: "no score")."""

    def __repr__(self) -> str:
        return "MIXED"


MIXED: Any = _Mixed()


def shared_value(rows: list[Row], field: str) -> Any:
    """The field's value when every row agrees, else MIXED."""
    found = {row[field] for row in rows}
    return found.pop() if len(found) == 1 else MIXED


# -- field widgets -----------------------------------------------------------------------------


AUTOSAVE_MS = 500  # typing reaches the file after this long without a key
_bursts = itertools.count(1)


class LiveText:
    """What the inspector's text fields share: typing reaches the file as it goes.

    A burst of typing runs from the first key until the edit ends (Enter in a line, focus
    leaves, other cards are shown). It is written after AUTOSAVE_MS without a key and when it
    ends, each time with the burst's number, and the document makes one undo step of it;
    Escape takes the burst back. A refresh from the file leaves the field alone while it holds
    typing not yet written, or already shows the file's text: the cursor stays where it is.

    The widget class declares `committed(str, int)` (text, burst) and `taken_back(int)`
    (burst), and gives _text, _show_text, _typed and _set_typed for its kind of text.
    """

    committed: SignalInstance
    taken_back: SignalInstance

    def _start_live_text(self) -> None:
        self._stored = ""
        self._burst = 0  # the number of the burst running, 0 between bursts
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(AUTOSAVE_MS)
        self._pause.timeout.connect(self.write_typing)

    def show_value(self, value: Any) -> None:
        """Show the file's text (MIXED, when the cards disagree, shows empty)."""
        self._stored = "" if value is MIXED else value
        if self._typed() or self._text().strip() == self._stored:
            return
        self._burst = 0  # changed elsewhere (undo, say): the next key starts a new burst
        self._show_text(self._stored)

    def is_editing(self) -> bool:
        """A burst of typing runs in the field."""
        return self._burst != 0

    def write_typing(self) -> None:
        """Send what was typed since it was last sent (at a pause, or as the edit ends)."""
        self._pause.stop()
        if self._typed():
            self._set_typed(False)
            self.committed.emit(self._text().strip(), self._burst)

    def finish(self) -> None:
        """The edit ends: send it, show the text as the file holds it, end the burst."""
        self.write_typing()
        if self._text() != self._stored and self._text().strip() == self._stored:
            self._show_text(self._stored)
        self._burst = 0

    def reset(self) -> None:
        """Show the file's text again, forgetting typing not yet sent, the burst and the
        field's own undo history (it belongs to the cards shown before)."""
        self._pause.stop()
        self._burst = 0
        self._show_text(self._stored)

    def _on_typed(self, *_args: object) -> None:
        if self._burst == 0:
            self._burst = next(_bursts)
        self._pause.start()

    def _take_back(self) -> bool:
        """Escape: the burst goes back to the text from before it. False outside a burst."""
        if not self.is_editing():
            return False
        self._pause.stop()
        self.taken_back.emit(self._burst)
        self.reset()
        return True

    # -- given by the widget class

    def _text(self) -> str:
        raise NotImplementedError

    def _show_text(self, text: str) -> None:
        raise NotImplementedError

    def _typed(self) -> bool:
        raise NotImplementedError

    def _set_typed(self, typed: bool) -> None:
        raise NotImplementedError


class FieldLineEdit(LiveText, QLineEdit):
    """A line of plain text, sent as it is typed (see LiveText) and when Enter is pressed."""

    committed = Signal(str, int)
    taken_back = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        limit_line(self)
        self._start_live_text()
        self.textEdited.connect(self._on_typed)
        self.editingFinished.connect(self.finish)

    def _text(self) -> str:
        return self.text()

    def _show_text(self, text: str) -> None:
        self.setText(text)

    def _typed(self) -> bool:
        return self.isModified()

    def _set_typed(self, typed: bool) -> None:
        self.setModified(typed)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # not for its context menu
            self.finish()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self._take_back():
            return
        super().keyPressEvent(event)


class DescriptionEdit(LiveText, LimitedPlainText):
    """Plain text over several lines, up to TEXT_MAX characters (LimitedPlainText), sent as it
    is typed (see LiveText)."""

    committed = Signal(str, int)
    taken_back = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_live_text()
        self._showing = False
        self.setTabChangesFocus(True)
        self.setFixedHeight(96)
        self.textChanged.connect(self._on_text_changed)

    def _on_text_changed(self) -> None:
        if not self._showing:
            self._on_typed()

    def _text(self) -> str:
        return self.toPlainText()

    def _show_text(self, text: str) -> None:
        self._showing = True
        try:
            self.setPlainText(text)
        finally:
            self._showing = False
        self.document().setModified(False)

    def _typed(self) -> bool:
        return self.document().isModified()

    def _set_typed(self, typed: bool) -> None:
        self.document().setModified(typed)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # not for its context menu
            self.finish()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self._take_back():
            return
        super().keyPressEvent(event)


class ChoiceCombo(QComboBox):
    """One value of a labels group (channel, kind, status), with icons; blank when mixed."""

    chosen = Signal(str)

    def __init__(
        self,
        group: str,
        icon: Callable[[str], QIcon] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._group = group
        for value in values(group):
            self.addItem(label(group, value), value)
            if icon is not None:
                self.setItemIcon(self.count() - 1, icon(value))
        self.setIconSize(QSize(18, 18))
        self.activated.connect(self._on_activated)
        self.retranslate()

    def show_value(self, value: Any) -> None:
        self.setCurrentIndex(-1 if value is MIXED else self.findData(value))

    def value(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    def _on_activated(self, index: int) -> None:
        data = self.itemData(index)
        if isinstance(data, str):
            self.chosen.emit(data)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for index in range(self.count()):
            self.setItemText(index, label(self._group, self.itemData(index)))
        self.setPlaceholderText(self.tr("Mixed"))


class EmotionPicker(QWidget):
    """Five faces from −2 to +2, one checked; none when the cards disagree."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        faces = QHBoxLayout()
        faces.setSpacing(2)
        for index in range(5):
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setIcon(emotion_icon(index + EMOTION_MIN))
            button.setIconSize(QSize(22, 22))
            self.group.addButton(button, index)
            faces.addWidget(button)
        faces.addStretch(1)
        self.value_label = QLabel()
        self.value_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(faces)
        layout.addWidget(self.value_label)
        self._value: int | None = None
        self.group.idClicked.connect(self._on_clicked)
        self.retranslate()

    def names(self) -> dict[int, str]:
        return {
            -2: self.tr("Very negative"),
            -1: self.tr("Negative"),
            0: self.tr("Neutral"),
            1: self.tr("Positive"),
            2: self.tr("Very positive"),
        }

    def button(self, emotion: int) -> QAbstractButton:
        return self.group.button(emotion - EMOTION_MIN)

    def value(self) -> int | None:
        return self._value

    def show_value(self, value: Any) -> None:
        self._value = None if value is MIXED else int(value)
        self.group.setExclusive(False)
        for index, button in enumerate(self.group.buttons()):
            button.setChecked(self._value == index + EMOTION_MIN)
        self.group.setExclusive(True)
        self._show_label()

    def _on_clicked(self, index: int) -> None:
        self._value = index + EMOTION_MIN
        self._show_label()
        self.chosen.emit(self._value)

    def _show_label(self) -> None:
        if self._value is None:
            self.value_label.setText(self.tr("Mixed"))
        else:
            self.value_label.setText(f"{self._value:+d} {self.names()[self._value]}")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for emotion, name in self.names().items():
            self.button(emotion).setToolTip(f"{name} ({emotion:+d})")
            self.button(emotion).setAccessibleName(name)
        self._show_label()


class ScoreSpinBox(QSpinBox):
    """A score from 0 to 10, or "no score" (None) one step below 0.

    Typing counts when Enter is pressed or focus leaves; arrows and the wheel count at once.
    """

    chosen = Signal(object)  # int or None
    NO_SCORE = SCORE_MIN - 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.NO_SCORE, SCORE_MAX)
        self.setKeyboardTracking(False)
        self._mixed = False
        self.valueChanged.connect(self._on_value_changed)
        self.retranslate()

    def score(self) -> int | None:
        return None if self.value() == self.NO_SCORE else self.value()

    def show_value(self, score: Any) -> None:
        self._mixed = score is MIXED
        self.blockSignals(True)
        self.setValue(self.NO_SCORE if score is MIXED or score is None else int(score))
        self.blockSignals(False)
        self.retranslate()

    def _on_value_changed(self, _value: int) -> None:
        if self._mixed:
            self._mixed = False
            self.retranslate()
        self.chosen.emit(self.score())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setSpecialValueText(self.tr("Mixed") if self._mixed else self.tr("No score"))


class FlagCheckBox(QCheckBox):
    """A yes/no field; partly checked while the cards disagree, and a click makes it yes."""

    chosen = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked.connect(lambda: self.chosen.emit(self.checkState() == Qt.CheckState.Checked))

    def show_value(self, value: Any) -> None:
        self.setTristate(value is MIXED)
        if value is MIXED:
            self.setCheckState(Qt.CheckState.PartiallyChecked)
        else:
            self.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)

    def nextCheckState(self) -> None:  # noqa: N802 (Qt's name)
        checked = self.checkState() != Qt.CheckState.Checked
        self.setTristate(False)
        self.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


# -- the form ---------------------------------------------------------------------------------
