"""What a session file holds, in numbers: for `cocreate info` and the recovery dialog."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from cocreate.store import reads
from cocreate.store.ops import driver
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


#: Votes by the journey of what they are on: a note or a card.
VOTES_BY_JOURNEY = """
    SELECT journey_id, count(*) FROM (
        SELECT note.journey_id FROM note JOIN vote ON vote.note_id = note.id
        UNION ALL
        SELECT touchpoint.journey_id FROM touchpoint JOIN vote ON vote.touchpoint_id = touchpoint.id
    ) GROUP BY journey_id
"""


def summarize(store: SessionFile) -> SessionSummary:
    session = store.session_row()
    personas = {row["id"]: row["name"] for row in store.rows("persona")}
    with store.reading() as conn:
        raw = driver(conn)
        counts = {
            name: dict(reads.count_by(raw, name, ("journey_id",)))
            for name in ("stage", "lane", "touchpoint", "link", "note", "cluster", "feedback")
        }
        votes = dict(raw.execute(VOTES_BY_JOURNEY).fetchall())
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
