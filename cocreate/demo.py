"""The demo session: a fictional coffee chain's member-journey salon, built from resource data.

resources/demo/coffee_salon.json refers to rows by local keys; here the keys become explicit ids
and the rows go into a new .cocreate file in one transaction. No Qt.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from cocreate.demo_feedback import feedback_rows
from cocreate.model import (
    EMOTION_MAX,
    EMOTION_MIN,
    TABLE_BY_NAME,
    TOUCHPOINT_FIELDS,
    Channel,
    NoteCategory,
    Status,
    TouchpointKind,
)
from cocreate.records import TABLE_ORDER, Row
from cocreate.resources import resource_path
from cocreate.store import SessionFile
from cocreate.store.ops import insert_rows, table
from cocreate.templates import TEMPLATES, journey_rows

DEMO_DATA: tuple[str, ...] = ("demo", "coffee_salon.json")


def load_demo() -> dict[str, Any]:
    """The demo data as written in the resource file."""
    return json.loads(resource_path(*DEMO_DATA).read_text(encoding="utf-8"))


def _defaults(table_name: str) -> Row:
    """The column defaults of a table, as a new row gets them."""
    return {
        column.name: column.default.arg if column.default is not None else None
        for column in table(table_name).columns
        if column.name != "id"
    }


def _lookup(ids: dict[str, int], what: str, key: str | None) -> int | None:
    if key is None:
        return None
    try:
        return ids[key]
    except KeyError:
        raise KeyError(f"demo data: unknown {what} {key!r}") from None


def _add(ids: dict[str, int], what: str, key: str, row_id: int) -> int:
    if key in ids:
        raise ValueError(f"demo data: {what} {key!r} appears twice")
    ids[key] = row_id
    return row_id


def _touchpoint_row(spec: dict[str, Any]) -> Row:
    fields = {name: spec[name] for name in TOUCHPOINT_FIELDS if name in spec}
    unknown = set(spec) - set(TOUCHPOINT_FIELDS) - {"key", "stage", "lane"}
    if unknown:
        raise ValueError(f"demo data: touchpoint {spec['key']!r} has no {sorted(unknown)}")
    row = _defaults("touchpoint") | fields
    Channel(row["channel"])  # ValueError when the data names no such value
    TouchpointKind(row["kind"])
    Status(row["status"])
    if not EMOTION_MIN <= row["emotion"] <= EMOTION_MAX:
        raise ValueError(f"demo data: touchpoint {spec['key']!r} emotion {row['emotion']}")
    return row


def demo_rows(data: dict[str, Any]) -> dict[str, list[Row]]:
    """Rows with explicit ids for every table but `session`, keyed by table name."""
    language = data["session"].get("language", "en")
    rows: dict[str, list[Row]] = {name: [] for name in TABLE_ORDER if name != "session"}

    def next_id(table_name: str) -> int:
        return len(rows[table_name]) + 1

    personas: dict[str, int] = {}
    for spec in data["personas"]:
        rows["persona"].append(
            {
                "id": _add(personas, "persona", spec["key"], next_id("persona")),
                "name": spec["name"],
                "kind": spec["kind"],
                "description": spec.get("description", ""),
            }
        )

    participants: dict[str, int] = {}
    for position, spec in enumerate(data["participants"]):
        rows["participant"].append(
            {
                "id": _add(participants, "participant", spec["key"], next_id("participant")),
                "name": spec["name"],
                "color": spec["color"],
                "role": spec["role"],
                "vote_budget": spec["vote_budget"],
                "position": position,
            }
        )

    journeys: dict[str, int] = {}
    stage_ids: dict[tuple[str, str], int] = {}  # (journey key, stage key) -> id
    touchpoints: dict[str, int] = {}
    notes: dict[str, int] = {}
    for position, spec in enumerate(data["journeys"]):
        journey_id = _add(journeys, "journey", spec["key"], next_id("journey"))
        rows["journey"].append(
            {
                "id": journey_id,
                "name": spec["name"],
                "position": position,
                "persona_id": _lookup(personas, "persona", spec.get("persona")),
                "template": spec["template"],
            }
        )

        template = TEMPLATES[spec["template"]]
        stage_rows, lane_rows = journey_rows(template.id, language, journey_id)
        stages: dict[str, int] = {}
        for stage, row in zip(template.stages, stage_rows, strict=True):
            row["id"] = _add(stages, "stage", stage.key, next_id("stage"))
            stage_ids[spec["key"], stage.key] = row["id"]
            rows["stage"].append(row)
        lanes: dict[str, int] = {}
        for lane, row in zip(template.lanes, lane_rows, strict=True):
            row["id"] = _add(lanes, "lane", lane.kind.value, next_id("lane"))
            rows["lane"].append(row)

        here: dict[str, int] = {}  # the touchpoints of this journey
        in_cell: Counter[tuple[int | None, int | None]] = Counter()
        for tp in spec["touchpoints"]:
            cell = _lookup(stages, "stage", tp["stage"]), _lookup(lanes, "lane", tp["lane"])
            tp_id = _add(touchpoints, "touchpoint", tp["key"], next_id("touchpoint"))
            here[tp["key"]] = tp_id
            rows["touchpoint"].append(
                _touchpoint_row(tp)
                | {
                    "id": tp_id,
                    "journey_id": journey_id,
                    "stage_id": cell[0],
                    "lane_id": cell[1],
                    "position": in_cell[cell],
                }
            )
            in_cell[cell] += 1

        for link in spec.get("links", []):
            rows["link"].append(
                {
                    "id": next_id("link"),
                    "journey_id": journey_id,
                    "source_id": _lookup(here, "touchpoint of this journey", link["from"]),
                    "target_id": _lookup(here, "touchpoint of this journey", link["to"]),
                    "label": link.get("label", ""),
                }
            )

        clusters: dict[str, int] = {}
        for cluster in spec.get("clusters", []):
            rows["cluster"].append(
                {
                    "id": _add(clusters, "cluster", cluster["key"], next_id("cluster")),
                    "journey_id": journey_id,
                    "title": cluster["title"],
                }
            )

        for note in spec.get("notes", []):
            category = note.get("category", "")
            if category:
                NoteCategory(category)
            rows["note"].append(
                {
                    "id": _add(notes, "note", note["key"], next_id("note")),
                    "journey_id": journey_id,
                    "text": note["text"],
                    "author_id": _lookup(participants, "participant", note.get("author")),
                    "color": note.get("color", ""),
                    "category": category,
                    "x": float(note["x"]),
                    "y": float(note["y"]),
                    "stage_id": _lookup(stages, "stage", note.get("stage")),
                    "touchpoint_id": _lookup(
                        here, "touchpoint of this journey", note.get("touchpoint")
                    ),
                    "cluster_id": _lookup(clusters, "cluster", note.get("cluster")),
                    "hidden": bool(note.get("hidden", False)),
                    "created_at": note.get("created_at", ""),
                }
            )

    for ballot in data.get("votes", []):
        participant_id = _lookup(participants, "participant", ballot["participant"])
        for key in ballot.get("notes", []):
            rows["vote"].append(
                {
                    "id": next_id("vote"),
                    "participant_id": participant_id,
                    "note_id": _lookup(notes, "note", key),
                    "touchpoint_id": None,
                }
            )
        for key in ballot.get("touchpoints", []):
            rows["vote"].append(
                {
                    "id": next_id("vote"),
                    "participant_id": participant_id,
                    "note_id": None,
                    "touchpoint_id": _lookup(touchpoints, "touchpoint", key),
                }
            )
    cards = {row["id"]: row for row in rows["touchpoint"]}
    rows["feedback"] = feedback_rows(
        journeys, stage_ids, {key: cards[tp_id] for key, tp_id in touchpoints.items()}
    )
    return rows


def demo_tables() -> dict[str, list[Row]]:
    """The demo's rows in memory, as its file would give them back (every column, defaults
    filled in; the session's one row under "session"), for work that needs no file."""
    data = load_demo()
    rows: dict[str, list[Row]] = dict(demo_rows(data))
    rows["session"] = [data["session"] | {"id": 1}]
    tables = {}
    for name in TABLE_ORDER:
        fields = TABLE_BY_NAME[name].model_fields  # (no ORM object made: no mapper set up)
        defaults = {
            key: field.get_default(call_default_factory=True) for key, field in fields.items()
        }
        tables[name] = [defaults | row for row in rows[name]]
    return tables


def write_demo(path: Path, *, answers: bool = True) -> None:
    """Write the demo session to a new file at path. FileExistsError if path exists.
    `answers=False` leaves out its survey answers (a salon before any import)."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    data = load_demo()
    rows = demo_rows(data)  # bad data fails here, before any file exists
    if not answers:
        rows["feedback"] = []

    def fill(conn: Connection) -> None:
        for name in TABLE_ORDER:
            insert_rows(conn, name, rows.get(name, []))

    # One transaction: the copy counts as never edited until someone changes it.
    SessionFile.create(path, lock=False, fill=fill, **data["session"]).close()
