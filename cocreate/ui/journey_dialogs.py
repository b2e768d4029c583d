"""Dialogs for journeys: a new journey from a template, and the persona whose journey it is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocreate import templates
from cocreate.canvas.text_limits import LimitedPlainText, limit_line
from cocreate.document import Document
from cocreate.labels import label, plain_tip, values
from cocreate.model import PersonaKind
from cocreate.records import Row

NO_PERSONA = "none"
NEW_PERSONA = "new"
PersonaChoice = int | str  # a persona id, NO_PERSONA or NEW_PERSONA


def persona_display_name(row: Row) -> str:
    """A persona's name, or its kind's name when it has none."""
    return row["name"].strip() or label("persona", row["kind"])


class PersonaCombo(QComboBox):
    """No persona, the session's personas, and "New persona…"."""

    def __init__(self, personas: list[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem("", NO_PERSONA)
        for row in personas:
            self.addItem(persona_display_name(row), row["id"])
            if row["description"]:
                self.setItemData(
                    self.count() - 1, plain_tip(row["description"]), Qt.ItemDataRole.ToolTipRole
                )
        self.addItem("", NEW_PERSONA)
        self.retranslate()

    def choice(self) -> PersonaChoice:
        return self.currentData()

    def choose(self, choice: PersonaChoice | None) -> None:
        index = self.findData(NO_PERSONA if choice is None else choice)
        self.setCurrentIndex(max(0, index))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setItemText(self.findData(NO_PERSONA), self.tr("No persona"))
        self.setItemText(self.findData(NEW_PERSONA), self.tr("New persona…"))
        self.setToolTip(self.tr("The type of customer whose journey this is"))


class PersonaFields(QWidget):
    """Name, kind and description of one persona. `edited` fires on every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = limit_line(QLineEdit())
        self.kind_combo = QComboBox()
        for value in values("persona"):
            self.kind_combo.addItem(label("persona", value), value)
        self.description_edit = LimitedPlainText()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(80)
        self.name_edit.textChanged.connect(self.edited)
        self.kind_combo.currentIndexChanged.connect(self.edited)
        self.description_edit.textChanged.connect(self.edited)

        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind_combo)
        self.description_label = QLabel()
        self.description_label.setBuddy(self.description_edit)
        form = QFormLayout(self)
        form.setContentsMargins(16, 0, 0, 0)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.kind_label, self.kind_combo)
        form.addRow(self.description_label, self.description_edit)
        self.retranslate()

    def set_values(self, persona: dict[str, str]) -> None:
        self.name_edit.setText(persona.get("name", ""))
        index = self.kind_combo.findData(persona.get("kind", PersonaKind.CUSTOM.value))
        self.kind_combo.setCurrentIndex(max(0, index))
        self.description_edit.setPlainText(persona.get("description", ""))

    def values(self) -> dict[str, str]:
        return {
            "name": self.name_edit.text().strip(),
            "kind": self.kind_combo.currentData(),
            "description": self.description_edit.toPlainText().strip(),
        }

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("Persona &name:"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.description_label.setText(self.tr("&Description:"))
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, label("persona", self.kind_combo.itemData(index)))
        self.name_edit.setPlaceholderText(self.tr("e.g. Busy young parent"))
        self.name_edit.setToolTip(self.tr("What the group calls this customer"))
        self.kind_combo.setToolTip(self.tr("The type of customer the persona stands for"))
        self.description_edit.setPlaceholderText(
            self.tr("Who they are, what they need, what bothers them")
        )
        self.description_edit.setToolTip(self.tr("A few words on the persona"))


def _ok_cancel(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, buttons.button(QDialogButtonBox.StandardButton.Ok)


class NewJourneyDialog(QDialog):
    """Name, template and persona of a new journey; `result_values()` gives the choice.

    `language` is the language of the built-in template names ("en" or "zh").
    """

    def __init__(self, document: Document, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)
        self._language = templates.language_code(language)
        self._name_follows_template = True

        self.name_edit = limit_line(QLineEdit())
        self.template_combo = QComboBox()
        for template in templates.TEMPLATES.values():
            self.template_combo.addItem(template.name(self._language), template.id)
        self.template_preview = QLabel()
        self.template_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.template_preview.setWordWrap(True)
        self.persona_combo = PersonaCombo(document.rows("persona"))
        self.persona_fields = PersonaFields()
        self.persona_fields.setVisible(False)

        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.template_label = QLabel()
        self.template_label.setBuddy(self.template_combo)
        self.persona_label = QLabel()
        self.persona_label.setBuddy(self.persona_combo)
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.template_label, self.template_combo)
        form.addRow("", self.template_preview)
        form.addRow(self.persona_label, self.persona_combo)

        buttons, self.ok_button = _ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.persona_fields)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.name_edit.textEdited.connect(self._on_name_edited)
        self.name_edit.textChanged.connect(self._validate)
        self.template_combo.currentIndexChanged.connect(self._on_template_changed)
        self.persona_combo.currentIndexChanged.connect(self._on_persona_changed)
        self.persona_fields.edited.connect(self._validate)

        self.template_combo.setCurrentIndex(
            max(0, self.template_combo.findData(templates.DEFAULT_TEMPLATE))
        )
        self._on_template_changed()
        self.retranslate()
        self.name_edit.selectAll()
        self.name_edit.setFocus()

    def template_id(self) -> str:
        return self.template_combo.currentData()

    def result_values(self) -> dict[str, Any]:
        """name, template_id, persona_id (int or None) and new_persona (dict or None)."""
        choice = self.persona_combo.choice()
        return {
            "name": self.name_edit.text().strip(),
            "template_id": self.template_id(),
            "persona_id": choice if isinstance(choice, int) else None,
            "new_persona": self.persona_fields.values() if choice == NEW_PERSONA else None,
        }

    def _on_name_edited(self, text: str) -> None:
        self._name_follows_template = not text.strip()

    def _on_template_changed(self) -> None:
        template = templates.TEMPLATES[self.template_id()]
        if self._name_follows_template:
            self.name_edit.setText(template.name(self._language))
        self._show_preview()

    def _show_preview(self) -> None:
        template = templates.TEMPLATES[self.template_id()]
        stages = [stage.name(self._language) for stage in template.stages]
        self.template_preview.setText(
            " → ".join(stages) if stages else self.tr("No stages yet: you add them yourself")
        )

    def _on_persona_changed(self) -> None:
        self.persona_fields.setVisible(self.persona_combo.choice() == NEW_PERSONA)
        self._validate()
        self.adjustSize()

    def _validate(self) -> None:
        ok = bool(self.name_edit.text().strip())
        if self.persona_combo.choice() == NEW_PERSONA:
            ok = ok and bool(self.persona_fields.values()["name"])
        self.ok_button.setEnabled(ok)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New Journey"))
        self.name_label.setText(self.tr("&Name:"))
        self.template_label.setText(self.tr("&Template:"))
        self.persona_label.setText(self.tr("&Persona:"))
        self.name_edit.setToolTip(self.tr("The journey's name, shown on its tab"))
        self.template_combo.setToolTip(self.tr("The stages the new journey starts with"))
        self.template_preview.setToolTip(self.tr("The template's stages, in order"))
        self._show_preview()


class PersonaDialog(QDialog):
    """Choose the persona of a journey (or none, or a new one) and edit the chosen one.

    `result_values()` gives persona_id (int or None), new_persona (dict or None) and
    persona_changes (the edited fields of the chosen existing persona, maybe empty).
    """

    def __init__(self, document: Document, journey_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(460)
        journey = document.row("journey", journey_id) or {}
        self._journey_name = journey.get("name", "")
        personas = document.rows("persona")
        self._stored: dict[PersonaChoice, dict[str, str]] = {
            row["id"]: {key: row[key] for key in ("name", "kind", "description")}
            for row in personas
        }
        self._stored[NEW_PERSONA] = {"name": "", "kind": PersonaKind.CUSTOM.value}
        self._drafts: dict[PersonaChoice, dict[str, str]] = {}

        self.intro_label = QLabel()
        self.intro_label.setTextFormat(Qt.TextFormat.PlainText)
        self.intro_label.setWordWrap(True)
        self.persona_combo = PersonaCombo(personas)
        self.persona_label = QLabel()
        self.persona_label.setBuddy(self.persona_combo)
        self.persona_fields = PersonaFields()
        self.shared_note = QLabel()
        self.shared_note.setTextFormat(Qt.TextFormat.PlainText)
        self.shared_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.persona_label, self.persona_combo)

        buttons, self.ok_button = _ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.persona_fields)
        layout.addWidget(self.shared_note)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.persona_combo.choose(journey.get("persona_id"))
        self._shown: PersonaChoice = self.persona_combo.choice()
        self._show_choice()
        self.persona_combo.currentIndexChanged.connect(self._on_persona_changed)
        self.persona_fields.edited.connect(self._validate)
        self.retranslate()
        self.persona_combo.setFocus()

    def result_values(self) -> dict[str, Any]:
        choice = self.persona_combo.choice()
        fields = self.persona_fields.values()
        changes: dict[str, str] = {}
        if isinstance(choice, int):
            stored = self._stored[choice]
            changes = {key: value for key, value in fields.items() if stored[key] != value}
        return {
            "persona_id": choice if isinstance(choice, int) else None,
            "new_persona": fields if choice == NEW_PERSONA else None,
            "persona_changes": changes,
        }

    def _on_persona_changed(self) -> None:
        if self._shown != NO_PERSONA:
            self._drafts[self._shown] = self.persona_fields.values()
        self._shown = self.persona_combo.choice()
        self._show_choice()
        self.adjustSize()

    def _show_choice(self) -> None:
        choice = self.persona_combo.choice()
        if choice != NO_PERSONA:
            self.persona_fields.set_values(self._drafts.get(choice, self._stored[choice]))
        self.persona_fields.setVisible(choice != NO_PERSONA)
        self.shared_note.setVisible(isinstance(choice, int))
        self._validate()

    def _validate(self) -> None:
        choice = self.persona_combo.choice()
        self.ok_button.setEnabled(
            choice == NO_PERSONA or bool(self.persona_fields.values()["name"])
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Journey Persona"))
        self.intro_label.setText(
            self.tr("Whose journey is “%1”?").replace("%1", self._journey_name)
        )
        self.persona_label.setText(self.tr("&Persona:"))
        self.shared_note.setText(self.tr("Changes apply to every journey that uses this persona."))
