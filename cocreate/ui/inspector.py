"""The inspector: every field of the selected touchpoint cards, edited in place.

Each change the person makes is one undoable command through the document; the inspector then
mirrors the file again (also after undo and redo) without overwriting a field that is being typed
in. Typing reaches the file after a short pause, so a crash loses at most that pause; one burst
of typing in a field is one undo step. With several cards selected it edits the fields they
share, showing a value only where all cards agree. One card also shows its customer voice
(its survey answers' scores and comments) in a tab of its own (cocreate.ui.inspector_voice).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFormLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cocreate.canvas.icons import channel_icon, kind_icon
from cocreate.document import Document
from cocreate.model import TOUCHPOINT_FIELDS
from cocreate.records import Change, Row
from cocreate.ui.inspector_fields import (
    MIXED,
    ChoiceCombo,
    DescriptionEdit,
    EmotionPicker,
    FieldLineEdit,
    FlagCheckBox,
    LiveText,
    ScoreSpinBox,
    shared_value,
)
from cocreate.ui.inspector_voice import VoicePanel

# The fields one card shows; several cards share all but title and description.
SINGLE_FIELDS = TOUCHPOINT_FIELDS
SHARED_FIELDS = SINGLE_FIELDS[2:]


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
        self.voice = VoicePanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("inspectorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scroll, "")
        self.tabs.addTab(self.voice, "")
        self._voice_wanted = False  # the person chose the voice tab (kept from card to card)
        self.tabs.currentChanged.connect(self._tab_chosen)
        self.voice.count_changed.connect(self._name_voice_tab)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.tabs)
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
        self.voice.set_document(document)
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
        self.tabs.setCurrentIndex(0)
        self.form.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.form.title_edit.selectAll()

    def _on_changed(self, change: Change) -> None:
        if change.touches("touchpoint", "stage", "lane") and self.form.ids:
            self.form.refresh()
            self._show_page()
        self.voice.on_changed(change)

    def _update_enabled(self) -> None:
        self.form.setEnabled(self._document is not None and not self._document.read_only)
        self.voice.update_promote()

    def _show_page(self) -> None:
        ids = self.form.ids
        self.stack.setCurrentIndex(1 if ids else 0)
        single = len(ids) == 1
        self.voice.show_card(ids[0] if single else None)
        self.tabs.setTabVisible(1, single)
        self.tabs.tabBar().setVisible(single)
        if single and self._voice_wanted:
            self.tabs.setCurrentIndex(1)

    def _tab_chosen(self, index: int) -> None:
        """Remember the tab the person chose (by click, keys or Edit Title), not the one the
        Inspector falls back to while several cards hide the voice."""
        if self.tabs.isTabVisible(1):
            self._voice_wanted = index == 1

    def _name_voice_tab(self, count: int) -> None:
        name = self.tr("Voice (%1)").replace("%1", str(count)) if count else self.tr("Voice")
        self.tabs.setTabText(1, name)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Inspector"))
        self.tabs.setTabText(0, self.tr("Details"))
        self.tabs.setTabToolTip(0, self.tr("The touchpoint's fields"))
        self.tabs.setTabToolTip(
            1, self.tr("What customers said about this touchpoint in the surveys: scores, comments")
        )
        self._name_voice_tab(len(self.voice.answers()))
        self.empty_label.setText(self.tr("Select a touchpoint card to edit it"))
