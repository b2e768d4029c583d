"""What the PDF blueprint shows, read from a session file in one go (no Qt, no reportlab), or
from rows in memory (the exporter's warm-up draws the demo's, cocreate.export.warm)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

from cocreate.analysis import JourneyHealth, compute_health
from cocreate.export.pdf.voice_plan import (
    ANSWER_COLUMNS,
    VoicePlan,
    plan_voice,
    printed_voice_texts,
)
from cocreate.layout import JourneyLayout, compute_layout
from cocreate.records import Row
from cocreate.store import SessionFile
from cocreate.store.ops import table


@dataclass
class JourneyData:
    row: Row
    persona: Row | None
    stages: list[Row]  # in stage order
    lanes: list[Row]  # every lane, in lane order (hidden ones too)
    touchpoints: list[Row]
    links: list[Row]
    clusters: list[Row]
    notes: list[Row]  # every note, private ones too: the pages decide what to show
    layout: JourneyLayout
    health: JourneyHealth
    stage_by_id: dict[int, Row] = field(default_factory=dict)
    lane_by_id: dict[int, Row] = field(default_factory=dict)
    card_by_id: dict[int, Row] = field(default_factory=dict)
    answers: list[Row] = field(default_factory=list)  # survey answers (ANSWER_COLUMNS only)
    voice: VoicePlan | None = None  # its "Voice of the customer" page; None: no answers

    @property
    def id(self) -> int:
        return self.row["id"]

    @property
    def visible_notes(self) -> list[Row]:
        return [note for note in self.notes if not note["hidden"]]

    @property
    def private_notes(self) -> int:
        return sum(1 for note in self.notes if note["hidden"])

    @property
    def empty(self) -> bool:
        """Nothing was put on the journey: no touchpoint, no note and no survey answer (its
        stages and lanes come from the template). The PDF gives it one line, not a blank
        blueprint."""
        return not self.touchpoints and not self.notes and not self.answers


@dataclass
class SessionData:
    session: Row
    participants: list[Row]  # in their order
    journeys: list[JourneyData]  # the journeys to print, in tab order
    all_journeys: list[Row]  # every journey of the session
    note_votes: Counter[int]
    card_votes: Counter[int]
    participant_by_id: dict[int, Row] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return self.session.get("language") or "en"


def journey_names(session: Path) -> list[str]:
    """The names of a session's journeys, in tab order."""
    store = SessionFile.open(Path(session), read_only=True, lock=False)
    try:
        return [row["name"] for row in store.rows("journey", order_by="position")]
    finally:
        store.close()


def _select(rows: list[Row], names: list[str | int] | None) -> list[Row]:
    """The journeys chosen by name (the CLI) or by id (the app, where two may share a name)."""
    if names is None:
        return rows
    if not names:
        raise ValueError("no journey chosen: name at least one, or leave the choice out for all")
    known = [row["name"] for row in rows]
    ids = {row["id"] for row in rows}
    unknown = [
        name for name in names if (name not in ids if isinstance(name, int) else name not in known)
    ]
    if unknown:
        listed = ", ".join(repr(name) for name in known) or "none"
        missing = ", ".join(repr(name) for name in unknown)
        raise ValueError(f"no journey named {missing} in this session (journeys: {listed})")
    wanted = set(names)
    return [row for row in rows if row["name"] in wanted or row["id"] in wanted]


class Rows(Protocol):
    """Where a session's rows are read from: a session file, or rows in memory."""

    def session_row(self) -> Row: ...

    def rows(self, table_name: str, order_by: str = "id", **where: Any) -> list[Row]: ...

    def answers(self, journey_ids: list[int]) -> dict[int, list[Row]]: ...


class _FileRows:
    """The rows of an open session file."""

    def __init__(self, store: SessionFile) -> None:
        self.store = store
        self.session_row = store.session_row
        self.rows = store.rows

    def answers(self, journey_ids: list[int]) -> dict[int, list[Row]]:
        """The survey answers of the journeys, by journey, in one statement of the columns
        the page reads (not a row object per answer: 10 000 answers are read in a few ms)."""
        t = table("feedback")
        query = (
            select(t.c.journey_id, *(t.c[name] for name in ANSWER_COLUMNS))
            .where(t.c.journey_id.in_(journey_ids))
            .order_by(t.c.id)
        )
        found: dict[int, list[Row]] = {}
        with self.store.reading() as conn:
            for journey_id, *values in conn.execute(query):
                answer = dict(zip(ANSWER_COLUMNS, values, strict=True))
                found.setdefault(journey_id, []).append(answer)
        return found


class MemoryRows:
    """Rows in memory, as a session file would give them: every column of each (its defaults
    filled in), by table name, the session's one row under "session"."""

    def __init__(self, tables: Mapping[str, Iterable[Row]]) -> None:
        self.tables = {name: list(rows) for name, rows in tables.items()}

    def session_row(self) -> Row:
        (row,) = self.tables["session"]
        return row

    def rows(self, table_name: str, order_by: str = "id", **where: Any) -> list[Row]:
        found = [
            row
            for row in self.tables.get(table_name, [])
            if all(row[key] == value for key, value in where.items())
        ]
        return sorted(found, key=lambda row: (row[order_by], row["id"]))

    def answers(self, journey_ids: list[int]) -> dict[int, list[Row]]:
        found: dict[int, list[Row]] = {}
        for row in self.rows("feedback"):
            if row["journey_id"] in journey_ids:
                answer = {name: row[name] for name in ANSWER_COLUMNS}
                found.setdefault(row["journey_id"], []).append(answer)
        return found


def load_session(session: Path, journeys: list[str | int] | None = None) -> SessionData:
    """Read everything the document shows. ValueError for a journey name the session lacks."""
    store = SessionFile.open(Path(session), read_only=True, lock=False)
    try:
        return session_data(_FileRows(store), journeys)
    finally:
        store.close()


def session_data(source: Rows, journeys: list[str | int] | None = None) -> SessionData:
    """Everything the document shows, from these rows. ValueError for a journey name the
    session lacks."""
    session_row = source.session_row()
    journey_rows = source.rows("journey", order_by="position")
    chosen = _select(journey_rows, journeys)
    personas = {row["id"]: row for row in source.rows("persona")}
    participants = source.rows("participant", order_by="position")
    votes = source.rows("vote")
    note_votes = Counter(v["note_id"] for v in votes if v.get("note_id") is not None)
    card_votes = Counter(v["touchpoint_id"] for v in votes if v.get("touchpoint_id") is not None)
    answers = source.answers([row["id"] for row in chosen])
    loaded = []
    for row in chosen:
        jid = row["id"]
        stages = source.rows("stage", order_by="position", journey_id=jid)
        lanes = source.rows("lane", order_by="position", journey_id=jid)
        cards = source.rows("touchpoint", journey_id=jid)
        notes = source.rows("note", journey_id=jid)
        note_ids = {note["id"] for note in notes}
        card_ids = {card["id"] for card in cards}
        mine = [
            v for v in votes if v.get("note_id") in note_ids or v.get("touchpoint_id") in card_ids
        ]
        loaded.append(
            JourneyData(
                row=row,
                persona=personas.get(row["persona_id"]),
                stages=stages,
                lanes=lanes,
                touchpoints=cards,
                links=source.rows("link", journey_id=jid),
                clusters=source.rows("cluster", journey_id=jid),
                notes=notes,
                layout=compute_layout(stages, lanes, cards),
                health=compute_health(stages, lanes, cards, notes, mine, journey_id=jid),
                stage_by_id={stage["id"]: stage for stage in stages},
                lane_by_id={lane["id"]: lane for lane in lanes},
                card_by_id={card["id"]: card for card in cards},
                answers=answers.get(jid, []),
                voice=plan_voice(stages, cards, answers.get(jid, [])),
            )
        )
    return SessionData(
        session=session_row,
        participants=participants,
        journeys=loaded,
        all_journeys=journey_rows,
        note_votes=note_votes,
        card_votes=card_votes,
        participant_by_id={p["id"]: p for p in participants},
    )


def printed_texts(data: SessionData) -> list[str]:
    """Every text of the session the document may print (to know which glyphs it needs)."""
    session = data.session
    texts = [
        str(session.get(key) or "")
        for key in ("title", "theme", "brand", "date", "facilitator", "goal")
    ]
    texts += [p["name"] for p in data.participants]
    for journey in data.journeys:
        texts.append(journey.row["name"])
        if journey.persona is not None:
            texts += [journey.persona["name"], journey.persona.get("description", "")]
        texts += [stage["name"] for stage in journey.stages]
        texts += [lane["name"] for lane in journey.lanes]
        texts += [card["title"] for card in journey.touchpoints]
        texts += [link.get("label", "") for link in journey.links]
        texts += [cluster["title"] for cluster in journey.clusters]
        texts += [note["text"] for note in journey.visible_notes]
        texts += printed_voice_texts(journey.voice)
    return texts
