"""Translated names of the model's enumerations, for every place the app shows them."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cocreate.model import (
    Channel,
    LaneKind,
    NoteCategory,
    PersonaKind,
    Role,
    Status,
    TouchpointKind,
)

_CHANNELS = {
    Channel.STORE: QT_TRANSLATE_NOOP("Labels", "Store"),
    Channel.APP: QT_TRANSLATE_NOOP("Labels", "App"),
    Channel.MINI_PROGRAM: QT_TRANSLATE_NOOP("Labels", "Mini-program"),
    Channel.WEBSITE: QT_TRANSLATE_NOOP("Labels", "Website"),
    Channel.SOCIAL: QT_TRANSLATE_NOOP("Labels", "Social media"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Labels", "Phone"),
    Channel.AD: QT_TRANSLATE_NOOP("Labels", "Advertising"),
    Channel.WORD_OF_MOUTH: QT_TRANSLATE_NOOP("Labels", "Word of mouth"),
    Channel.DELIVERY: QT_TRANSLATE_NOOP("Labels", "Delivery"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Labels", "Email"),
    Channel.OTHER: QT_TRANSLATE_NOOP("Labels", "Other channel"),
}

_KINDS = {
    TouchpointKind.PRE: QT_TRANSLATE_NOOP("Labels", "Pre-touchpoint"),
    TouchpointKind.FIRST: QT_TRANSLATE_NOOP("Labels", "First touchpoint"),
    TouchpointKind.CORE: QT_TRANSLATE_NOOP("Labels", "Core touchpoint"),
    TouchpointKind.END: QT_TRANSLATE_NOOP("Labels", "End touchpoint"),
}

_KINDS_SHORT = {
    TouchpointKind.PRE: QT_TRANSLATE_NOOP("Labels", "Pre"),
    TouchpointKind.FIRST: QT_TRANSLATE_NOOP("Labels", "First"),
    TouchpointKind.CORE: QT_TRANSLATE_NOOP("Labels", "Core"),
    TouchpointKind.END: QT_TRANSLATE_NOOP("Labels", "End"),
}

_STATUSES = {
    Status.IDEA: QT_TRANSLATE_NOOP("StatusLabels", "Idea"),
    Status.PLANNED: QT_TRANSLATE_NOOP("StatusLabels", "Planned"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("StatusLabels", "In progress"),
    Status.DONE: QT_TRANSLATE_NOOP("StatusLabels", "Done"),
}

_ROLES = {
    Role.FACILITATOR: QT_TRANSLATE_NOOP("Labels", "Facilitator"),
    Role.PARTICIPANT: QT_TRANSLATE_NOOP("Labels", "Participant"),
    Role.CUSTOMER: QT_TRANSLATE_NOOP("Labels", "Customer"),
}

_CATEGORIES = {
    NoteCategory.PAIN_POINT: QT_TRANSLATE_NOOP("Labels", "Pain point"),
    NoteCategory.IDEA: QT_TRANSLATE_NOOP("Labels", "Idea"),
    NoteCategory.QUESTION: QT_TRANSLATE_NOOP("Labels", "Question"),
    NoteCategory.PRAISE: QT_TRANSLATE_NOOP("Labels", "Praise"),
    NoteCategory.NEED: QT_TRANSLATE_NOOP("Labels", "Need"),
}

_PERSONAS = {
    PersonaKind.LOYAL: QT_TRANSLATE_NOOP("Labels", "Loyal customer"),
    PersonaKind.PURPOSE_DRIVEN: QT_TRANSLATE_NOOP("Labels", "Purpose-driven customer"),
    PersonaKind.OCCASIONAL: QT_TRANSLATE_NOOP("Labels", "Occasional customer"),
    PersonaKind.INFORMATION_SEEKING: QT_TRANSLATE_NOOP("Labels", "Information-seeking customer"),
    PersonaKind.CUSTOM: QT_TRANSLATE_NOOP("Labels", "Custom persona"),
}

_LANES = {
    LaneKind.PHYSICAL_EVIDENCE: QT_TRANSLATE_NOOP("Labels", "Physical evidence"),
    LaneKind.CUSTOMER_ACTIONS: QT_TRANSLATE_NOOP("Labels", "Customer actions"),
    LaneKind.FRONTSTAGE: QT_TRANSLATE_NOOP("Labels", "Frontstage"),
    LaneKind.BACKSTAGE: QT_TRANSLATE_NOOP("Labels", "Backstage"),
    LaneKind.SUPPORT_PROCESSES: QT_TRANSLATE_NOOP("Labels", "Support processes"),
    LaneKind.CUSTOM: QT_TRANSLATE_NOOP("Labels", "Custom lane"),
}

# group -> (translation context, value -> source text). Statuses have a context of their own:
# "Idea" as a status and "Idea" as a note category read differently in Chinese.
_TABLES = {
    "channel": ("Labels", _CHANNELS),
    "kind": ("Labels", _KINDS),
    "kind_short": ("Labels", _KINDS_SHORT),
    "status": ("StatusLabels", _STATUSES),
    "role": ("Labels", _ROLES),
    "category": ("Labels", _CATEGORIES),
    "persona": ("Labels", _PERSONAS),
    "lane": ("Labels", _LANES),
}


def plain_tip(text: str) -> str:
    """A tooltip that shows people's text as it is: Qt reads a tooltip that looks like markup
    ("<b>x</b>") as rich text, so the text is escaped and its line breaks kept."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def label(group: str, value: str) -> str:
    """The translated name of an enumeration value; an unknown value is shown as it is."""
    context, sources = _TABLES[group]
    source = sources.get(value)  # type: ignore[call-overload]
    return QCoreApplication.translate(context, source) if source else value


def values(group: str) -> list[str]:
    """The values of a group, in the order the app lists them (combo boxes, palettes)."""
    return [str(value) for value in _TABLES[group][1]]
