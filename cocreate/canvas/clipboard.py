"""What a paste may bring onto the canvas (no Qt).

Clipboard data is input: another program, or another copy of this one, may have put anything
there. Only cards, links and notes with fields of the right types and known values pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cocreate.model import Channel, NoteCategory, Status, TouchpointKind
from cocreate.records import Row
from cocreate.rules import keeps_rules

_CARD_FIELDS: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "description": str,
    "channel": str,
    "kind": str,
    "emotion": int,
    "score": (int, type(None)),
    "branded": bool,
    "breakpoint": bool,
    "status": str,
    "owner": str,
    "stage_id": int,
    "lane_id": int,
    "id": int,
}
_CATEGORIES = {"", *(value.value for value in NoteCategory)}
_CHOICES = {
    "channel": {value.value for value in Channel},
    "kind": {value.value for value in TouchpointKind},
    "status": {value.value for value in Status},
}


@dataclass
class Pasted:
    """The cards, links and notes of a clipboard payload that may be pasted."""

    touchpoints: list[Row]
    links: list[Row]
    notes: list[Row]


def copied(cards: list[Row], links: list[Row], notes: list[Row]) -> tuple[dict[str, Any], str]:
    """What a copy puts on the clipboard: the rows of the cards, of the links between two of
    them, and of the notes (the payload); and the plain text of their titles and texts."""
    ids = {row["id"] for row in cards}
    links = [row for row in links if row["source_id"] in ids and row["target_id"] in ids]
    payload = {"touchpoints": cards, "links": links, "notes": notes}
    text = "\n".join([row["title"] for row in cards] + [row["text"] for row in notes])
    return payload, text


def pasted(payload: dict[str, Any]) -> Pasted:
    """The parts of a payload ({"touchpoints", "links", "notes"}) a paste may use."""
    cards = [
        row
        for row in payload.get("touchpoints", [])
        if isinstance(row, dict) and isinstance(row.get("id"), int)
    ]
    links = [
        row
        for row in payload.get("links", [])
        if isinstance(row, dict)
        and isinstance(row.get("source_id"), int)
        and isinstance(row.get("target_id"), int)
    ]
    notes = [
        row
        for row in payload.get("notes", [])
        if isinstance(row, dict) and isinstance(row.get("text", ""), str)
    ]
    return Pasted(clean_touchpoints(cards), links, clean_notes(notes))


def clean_notes(rows: list[Row]) -> list[Row]:
    """Pasted notes: text, category, colour, author and position of the right types only."""
    clean = []
    for row in rows:
        fields = {
            key: row[key] for key in ("text", "category", "color") if isinstance(row.get(key), str)
        }
        if isinstance(row.get("author_id"), int):
            fields["author_id"] = row["author_id"]
        for key in ("x", "y"):
            if isinstance(row.get(key), int | float):
                fields[key] = float(row[key])
        if fields.get("category") not in _CATEGORIES:
            fields.pop("category", None)
        # A colour, a place and the rest as a session file may hold them (else the file
        # would be refused on its next open).
        clean.append(
            {key: value for key, value in fields.items() if keeps_rules("note", key, value)}
        )
    return clean


def clean_touchpoints(rows: list[Row]) -> list[Row]:
    """Only the fields a card may carry, with values of the right type."""
    clean = []
    for row in rows:
        fields = {
            key: row[key]
            for key, kind in _CARD_FIELDS.items()
            if key in row and isinstance(row[key], kind)
        }
        if "emotion" in fields:
            fields["emotion"] = max(-2, min(2, fields["emotion"]))
        if isinstance(fields.get("score"), int):
            fields["score"] = max(0, min(10, fields["score"]))
        for key, allowed in _CHOICES.items():  # enumerations: known values only
            if key in fields and fields[key] not in allowed:
                del fields[key]
        clean.append(fields)
    return clean
