"""What a session file holds, in numbers: for `cocreate info` and the recovery dialog."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select, union_all

from cocreate.store.ops import table
from cocreate.store.schema import SCHEMA_VERSION
from cocreate.store.session_file import SessionFile


@dataclass
class JourneySummary:
    name: str
    persona: str
    stages: int
    lanes: int
    touchpoints: int
    links: int
    notes: int
    clusters: int
    votes: int
    answers: int = 0  # survey answers (the feedback table)


@dataclass
class SessionSummary:
    path: str
    title: str
    theme: str
    brand: str
    date: str
    facilitator: str
    goal: str
    schema_version: int
    participants: int
    journeys: list[JourneySummary] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _count_by_journey(conn: Any, table_name: str) -> dict[int, int]:
    t = table(table_name)
    query = select(t.c.journey_id, func.count()).group_by(t.c.journey_id)
    return dict(conn.execute(query).all())


def _votes_by_journey(conn: Any) -> dict[int, int]:
    vote, note, touchpoint = table("vote"), table("note"), table("touchpoint")
    on_notes = select(note.c.journey_id.label("journey_id")).join(vote, vote.c.note_id == note.c.id)
    on_touchpoints = select(touchpoint.c.journey_id.label("journey_id")).join(
        vote, vote.c.touchpoint_id == touchpoint.c.id
    )
    both = union_all(on_notes, on_touchpoints).subquery()
    query = select(both.c.journey_id, func.count()).group_by(both.c.journey_id)
    return dict(conn.execute(query).all())


def summarize(store: SessionFile) -> SessionSummary:
    session = store.session_row()
    personas = {row["id"]: row["name"] for row in store.rows("persona")}
    with store.reading() as conn:
        counts = {
            name: _count_by_journey(conn, name)
            for name in ("stage", "lane", "touchpoint", "link", "note", "cluster", "feedback")
        }
        votes = _votes_by_journey(conn)
    journeys = [
        JourneySummary(
            name=row["name"],
            persona=personas.get(row["persona_id"], ""),
            stages=counts["stage"].get(row["id"], 0),
            lanes=counts["lane"].get(row["id"], 0),
            touchpoints=counts["touchpoint"].get(row["id"], 0),
            links=counts["link"].get(row["id"], 0),
            notes=counts["note"].get(row["id"], 0),
            clusters=counts["cluster"].get(row["id"], 0),
            votes=votes.get(row["id"], 0),
            answers=counts["feedback"].get(row["id"], 0),
        )
        for row in store.rows("journey", order_by="position")
    ]
    return SessionSummary(
        path=str(store.path),
        title=session["title"],
        theme=session["theme"],
        brand=session["brand"],
        date=session["date"],
        facilitator=session["facilitator"],
        goal=session["goal"],
        schema_version=SCHEMA_VERSION,
        participants=store.count("participant"),
        journeys=journeys,
    )
