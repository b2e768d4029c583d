"""The inspector: every field of the selected touchpoint cards, edited in place.

Each change the person makes is one undoable command through the document; the inspector then
mirrors the file again (also after undo and redo) without overwriting a field that is being typed
in. Typing reaches the file after a short pause, so a crash loses at most that pause; one burst
of typing in a field is one undo step. With several cards selected it edits the fields they
share, showing a value only where all cards agree.
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
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cocreate.canvas.icons import channel_icon, emotion_icon, kind_icon
from cocreate.document import Document
from cocreate.labels import label, values
from cocreate.model import EMOTION_MIN, SCORE_MAX, SCORE_MIN, TOUCHPOINT_FIELDS
from cocreate.records import Change, Row

# The fields one card shows; several cards share all but title and description.
SINGLE_FIELDS = TOUCHPOINT_FIELDS
SHARED_FIELDS = SINGLE_FIELDS[2:]


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


class DescriptionEdit(LiveText, QPlainTextEdit):
    """Plain text over several lines, sent as it is typed (see LiveText)."""

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


class TouchpointForm(QWidget):
    """The fields of the shown cards; each edit goes to the document as one command."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._ids: list[int] = []

        self.heading = QLabel()
        self.heading.setObjectName("inspectorHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.heading.setFont(font)
        self.location = QLabel()
        self.location.setObjectName("inspectorLocation")
        self.location.setTextFormat(Qt.TextFormat.PlainText)
        self.location.setWordWrap(True)

        self.title_edit = FieldLineEdit()
        self.description_edit = DescriptionEdit()
        self.channel_combo = ChoiceCombo("channel", channel_icon)
        self.kind_combo = ChoiceCombo("kind", kind_icon)
        self.emotion_picker = EmotionPicker()
        self.score_spin = ScoreSpinBox()
        self.branded_check = FlagCheckBox()
        self.breakpoint_check = FlagCheckBox()
        self.status_combo = ChoiceCombo("status")
        self.owner_edit = FieldLineEdit()

        self.editors: dict[str, Any] = {
            "title": self.title_edit,
            "description": self.description_edit,
            "channel": self.channel_combo,
            "kind": self.kind_combo,
            "emotion": self.emotion_picker,
            "score": self.score_spin,
            "branded": self.branded_check,
            "breakpoint": self.breakpoint_check,
            "status": self.status_combo,
            "owner": self.owner_edit,
        }
        self.text_editors: dict[str, LiveText] = {
            field: editor for field, editor in self.editors.items() if isinstance(editor, LiveText)
        }
        for field, editor in self.editors.items():
            if isinstance(editor, LiveText):
                editor.committed.connect(lambda text, burst, f=field: self._type(f, text, burst))
                editor.taken_back.connect(lambda burst, f=field: self._take_back(f, burst))
            else:
                editor.chosen.connect(lambda value, f=field: self._commit(f, value))

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.field_labels: dict[str, QLabel] = {}
        for field, editor in self.editors.items():
            if field in ("branded", "breakpoint"):
                self.form.addRow(editor)
                continue
            field_label = QLabel()
            field_label.setBuddy(editor)
            self.field_labels[field] = field_label
            self.form.addRow(field_label, editor)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.location)
        layout.addSpacing(4)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.retranslate()

    # -- what is shown ---------------------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def set_document(self, document: Document | None) -> None:
        self._document = document
        self._ids = []

    def set_ids(self, ids: list[int]) -> None:
        self._ids = list(dict.fromkeys(ids))
        self.refresh(force=True)

    def rows(self) -> list[Row]:
        if self._document is None:
            return []
        found = (self._document.row("touchpoint", tid) for tid in self._ids)
        return [row for row in found if row is not None]

    def refresh(self, force: bool = False) -> list[int]:
        """Show the file's values; returns the ids still there (deleted cards drop out).

        A text field that holds typing keeps it, unless force (other cards are shown now).
        """
        rows = self.rows()
        self._ids = [row["id"] for row in rows]
        if not rows:
            return []
        if force:
            for editor in self.text_editors.values():
                editor.reset()
        single = len(rows) == 1
        self.form.setRowVisible(self.title_edit, single)
        self.form.setRowVisible(self.description_edit, single)
        for field in SINGLE_FIELDS if single else SHARED_FIELDS:
            self.editors[field].show_value(shared_value(rows, field))
        self.owner_edit.setPlaceholderText(
            self.tr("Mixed") if shared_value(rows, "owner") is MIXED else self.tr("Nobody yet")
        )
        self._show_heading(rows)
        return self._ids

    def _show_heading(self, rows: list[Row]) -> None:
        if len(rows) != 1:
            self.heading.setText(self.tr("%n touchpoints selected", "", len(rows)))
            self.location.setVisible(False)
            return
        self.heading.setText(self.tr("Touchpoint"))
        assert self._document is not None
        stage = self._document.row("stage", rows[0]["stage_id"]) or {}
        lane = self._document.row("lane", rows[0]["lane_id"]) or {}
        self.location.setText(f"{stage.get('name', '')} · {lane.get('name', '')}")
        self.location.setVisible(True)

    # -- edits ---------------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Send typing that has not ended yet (the selection is about to change)."""
        for editor in self.text_editors.values():
            editor.finish()

    def _editable(self) -> tuple[Document | None, list[int]]:
        """The document and the shown cards, when edits can be written."""
        document = self._document
        if document is None or document.read_only:
            return None, []
        return document, [row["id"] for row in self.rows()]

    def _commit(self, field: str, value: Any) -> None:
        document, ids = self._editable()
        if document is None or not ids:
            return
        if len(ids) == 1:
            written = document.update_touchpoint(ids[0], **{field: value})
        else:
            written = document.update_touchpoints(ids, **{field: value})
        if not written:  # nothing changed, or the file refused: show what the file holds
            self.refresh()

    def _type(self, field: str, text: str, burst: int) -> None:
        document, ids = self._editable()
        if document is not None and ids:
            if not document.type_touchpoint_text(ids, field, text, burst):
                self.refresh()  # as in _commit; a field that shows the file's text stays put

    def _take_back(self, field: str, burst: int) -> None:
        document, ids = self._editable()
        if document is not None and ids:
            document.take_back_typing(ids, field, burst)

    # -- translated texts ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = {
            "title": self.tr("Title:"),
            "description": self.tr("Description:"),
            "channel": self.tr("Channel:"),
            "kind": self.tr("Kind:"),
            "emotion": self.tr("Emotion:"),
            "score": self.tr("Score:"),
            "status": self.tr("Status:"),
            "owner": self.tr("Owner:"),
        }
        for field, text in texts.items():
            self.field_labels[field].setText(text)
        self.branded_check.setText(self.tr("Branded touchpoint"))
        self.breakpoint_check.setText(self.tr("Breakpoint"))
        self.title_edit.setPlaceholderText(self.tr("What happens at this touchpoint"))
        self.description_edit.setPlaceholderText(self.tr("Details, quotes, observations"))
        tips = {
            "title": self.tr("The card's title, saved as you type; Escape takes the typing back"),
            "description": self.tr(
                "Longer notes on the card, saved as you type; Escape takes the typing back"
            ),
            "channel": self.tr("Where the customer meets the service"),
            "kind": self.tr(
                "Where the touchpoint sits in the customer's relationship with the brand"
            ),
            "emotion": self.tr("How the customer feels here, from very negative to very positive"),
            "score": self.tr("Satisfaction or NPS score from 0 to 10, or no score"),
            "branded": self.tr("The touchpoint carries the brand"),
            "breakpoint": self.tr("The journey breaks here: customers drop out or get stuck"),
            "status": self.tr("How far the work on this touchpoint has come"),
            "owner": self.tr("Who takes care of this touchpoint"),
        }
        for field, tip in tips.items():
            self.editors[field].setToolTip(tip)
        if self._ids:
            self.refresh()


class InspectorDock(QDockWidget):
    """Edits the touchpoint cards selected on the canvas.

    The window calls set_document() when a session opens or closes (before closing it), and
    show_touchpoints() whenever the canvas selection changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorDock")
        self._document: Document | None = None

        self.empty_label = QLabel()
        self.empty_label.setObjectName("inspectorEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(16)
        self.form = TouchpointForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(scroll)
        self.setWidget(self.stack)
        self.retranslate()

    @property
    def document(self) -> Document | None:
        return self._document

    def touchpoint_ids(self) -> list[int]:
        """The cards shown now (deleted ones drop out)."""
        return self.form.ids

    def set_document(self, document: Document | None) -> None:
        if self._document is not None:
            self.form.commit_pending()
            self._document.changed.disconnect(self._on_changed)
            self._document.file_changed.disconnect(self._update_enabled)
        self._document = document
        self.form.set_document(document)
        if document is not None:
            document.changed.connect(self._on_changed)
            document.file_changed.connect(self._update_enabled)
        self._update_enabled()
        self._show_page()

    def show_touchpoints(self, ids: list[int]) -> None:
        """Show these cards: one card with all its fields, several with the shared ones."""
        if list(dict.fromkeys(ids)) == self.form.ids:
            return
        self.form.commit_pending()
        self.form.set_ids(ids if self._document is not None else [])
        self._show_page()

    def focus_title(self) -> None:
        """Put the cursor in the title of the one shown card, its text selected."""
        if len(self.form.ids) != 1:
            return
        if not self.isVisible():
            self.show()
        self.raise_()
        self.form.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.form.title_edit.selectAll()

    def _on_changed(self, change: Change) -> None:
        if change.touches("touchpoint", "stage", "lane") and self.form.ids:
            self.form.refresh()
            self._show_page()

    def _update_enabled(self) -> None:
        self.form.setEnabled(self._document is not None and not self._document.read_only)

    def _show_page(self) -> None:
        self.stack.setCurrentIndex(1 if self.form.ids else 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Inspector"))
        self.empty_label.setText(self.tr("Select a touchpoint card to edit it"))
