"""The tables of a .cocreate file, one per word of the domain: session, persona, journey, stage,
lane, touchpoint, link, participant, cluster, feedback (survey answers), note and vote (the
README's "The session file").

Plain SQLModel: no Qt here. Enumerations are stored as their string values so that a file stays
readable with any SQLite tool.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class PersonaKind(StrEnum):
    LOYAL = "loyal"
    PURPOSE_DRIVEN = "purpose_driven"
    OCCASIONAL = "occasional"
    INFORMATION_SEEKING = "information_seeking"
    CUSTOM = "custom"


class LaneKind(StrEnum):
    """Service-blueprint rows, in blueprint order (Bitner, Ostrom and Morgan)."""

    PHYSICAL_EVIDENCE = "physical_evidence"
    CUSTOMER_ACTIONS = "customer_actions"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT_PROCESSES = "support_processes"
    CUSTOM = "custom"


class Channel(StrEnum):
    STORE = "store"
    APP = "app"
    MINI_PROGRAM = "mini_program"
    WEBSITE = "website"
    SOCIAL = "social"
    PHONE = "phone"
    AD = "ad"
    WORD_OF_MOUTH = "word_of_mouth"
    DELIVERY = "delivery"
    EMAIL = "email"
    OTHER = "other"


class TouchpointKind(StrEnum):
    """Where a touchpoint sits in the customer's contact: 预触点 (pre), 首触点 (first),
    核心触点 (core), 末触点 (end)."""

    PRE = "pre"
    FIRST = "first"
    CORE = "core"
    END = "end"


class Status(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Role(StrEnum):
    FACILITATOR = "facilitator"
    PARTICIPANT = "participant"
    CUSTOMER = "customer"


class RevealPolicy(StrEnum):
    FACILITATOR = "facilitator"  # the facilitator reveals all private notes at once
    AUTHOR = "author"  # each author reveals their own notes


class NoteCategory(StrEnum):
    PAIN_POINT = "pain_point"
    IDEA = "idea"
    QUESTION = "question"
    PRAISE = "praise"
    NEED = "need"


class ScoreBand(StrEnum):
    """The NPS band of one 0-10 answer (never stored: cocreate.analysis.score_band)."""

    DETRACTOR = "detractor"
    PASSIVE = "passive"
    PROMOTER = "promoter"


class NpsBand(StrEnum):
    """The band of an NPS a card is tinted by (never stored: cocreate.analysis.nps_band)."""

    HIGH = "high"
    MIDDLE = "middle"
    LOW = "low"
    FEW = "few"


EMOTION_MIN, EMOTION_MAX = -2, 2

# The fields of a touchpoint card a person edits (the inspector shows them in this order).
TOUCHPOINT_FIELDS = (
    "title",
    "description",
    "channel",
    "kind",
    "emotion",
    "score",
    "branded",
    "breakpoint",
    "status",
    "owner",
)
SCORE_MIN, SCORE_MAX = 0, 10


class Session(SQLModel, table=True):
    """The salon itself. A file holds exactly one row, with id 1."""

    __tablename__ = "session"

    id: int | None = Field(default=None, primary_key=True)
    title: str = ""
    theme: str = ""
    brand: str = ""
    date: str = ""  # ISO 8601 date, "" when not set
    facilitator: str = ""
    goal: str = ""
    language: str = "en"  # language of the built-in texts (template names), "en" or "zh"
    created_at: str = ""
    app_version: str = ""
    private_mode: bool = False  # new notes are hidden (face down) until revealed
    reveal_policy: str = "facilitator"  # a RevealPolicy value: who turns private notes over
    voting_round: int = 0  # the dot-voting round running now, 0 when none is


class Persona(SQLModel, table=True):
    __tablename__ = "persona"

    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    kind: str = PersonaKind.CUSTOM.value
    description: str = ""


class Journey(SQLModel, table=True):
    __tablename__ = "journey"

    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    position: int = 0
    persona_id: int | None = Field(default=None, foreign_key="persona.id")
    template: str = ""


class Stage(SQLModel, table=True):
    __tablename__ = "stage"

    id: int | None = Field(default=None, primary_key=True)
    journey_id: int = Field(foreign_key="journey.id", index=True)
    name: str = ""
    position: int = 0
    color: str = "#e8eef7"
    width: float = 260.0


class Lane(SQLModel, table=True):
    __tablename__ = "lane"

    id: int | None = Field(default=None, primary_key=True)
    journey_id: int = Field(foreign_key="journey.id", index=True)
    kind: str = LaneKind.CUSTOM.value
    name: str = ""
    position: int = 0
    hidden: bool = False


class Touchpoint(SQLModel, table=True):
    __tablename__ = "touchpoint"

    id: int | None = Field(default=None, primary_key=True)
    journey_id: int = Field(foreign_key="journey.id", index=True)
    stage_id: int = Field(foreign_key="stage.id", index=True)
    lane_id: int = Field(foreign_key="lane.id", index=True)
    position: int = 0  # order inside its stage × lane cell
    title: str = ""
    description: str = ""
    channel: str = Channel.OTHER.value
    kind: str = TouchpointKind.CORE.value
    emotion: int = 0  # −2 … +2
    score: int | None = None  # satisfaction or NPS, 0 … 10
    branded: bool = False
    breakpoint: bool = False
    status: str = Status.IDEA.value
    owner: str = ""


class Link(SQLModel, table=True):
    __tablename__ = "link"

    id: int | None = Field(default=None, primary_key=True)
    journey_id: int = Field(foreign_key="journey.id", index=True)
    source_id: int = Field(foreign_key="touchpoint.id", index=True)
    target_id: int = Field(foreign_key="touchpoint.id", index=True)
    label: str = ""


class Participant(SQLModel, table=True):
    __tablename__ = "participant"

    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    color: str = "#ffd54f"
    role: str = Role.PARTICIPANT.value
    vote_budget: int = 5
    position: int = 0


class Cluster(SQLModel, table=True):
    __tablename__ = "cluster"

    id: int | None = Field(default=None, primary_key=True)
    journey_id: int = Field(foreign_key="journey.id", index=True)
    title: str = ""


class Note(SQLModel, table=True):
    __tablename__ = "note"

    id: int | None = Field(default=None, primary_key=True)
    journey_id: int = Field(foreign_key="journey.id", index=True)
    text: str = ""
    author_id: int | None = Field(default=None, foreign_key="participant.id", index=True)
    color: str = ""  # "" means: the author's colour
    category: str = ""  # a NoteCategory value, or "" when not set
    # Where the note sits: on the canvas when it is not pinned; relative to the top-left corner
    # of its touchpoint card, or else of its stage's column, when it is pinned (so it moves
    # with what it is pinned to).
    x: float = 0.0
    y: float = 0.0
    stage_id: int | None = Field(default=None, foreign_key="stage.id", index=True)
    touchpoint_id: int | None = Field(default=None, foreign_key="touchpoint.id", index=True)
    cluster_id: int | None = Field(default=None, foreign_key="cluster.id", index=True)
    hidden: bool = False  # private mode: shown face down until revealed
    created_at: str = ""
    # The survey answer whose comment the note was promoted from (it stays linked to it).
    feedback_id: int | None = Field(default=None, foreign_key="feedback.id", index=True)


class Feedback(SQLModel, table=True):
    """One customer's answer to a survey, imported from a file (cocreate.feedback): a 0-10
    score of how likely they are to recommend the service, about a journey and perhaps one of
    its stages or touchpoint cards. Answers are not sticky notes: they stay off the board."""

    __tablename__ = "feedback"
    # Indexed by journey first, covering what the scores read: a journey's 0-10 distributions
    # per stage and card are counted from the index alone (2.5 ms at 10 000 answers, 12 ms
    # through an index of the journey alone).
    __table_args__ = (
        Index("ix_feedback_scores", "journey_id", "stage_id", "touchpoint_id", "score"),
    )

    id: int | None = Field(default=None, primary_key=True)
    journey_id: int = Field(foreign_key="journey.id")
    stage_id: int | None = Field(default=None, foreign_key="stage.id", index=True)
    touchpoint_id: int | None = Field(default=None, foreign_key="touchpoint.id", index=True)
    score: int  # SCORE_MIN … SCORE_MAX, required: an answer is its score
    comment: str = ""
    date: str = ""  # ISO 8601 date (2026-03-05) or date and time (2026-03-05T10:30), or ""
    channel: str = ""  # as the survey names it (WeChat, SMS, in store, …)
    tier: str = ""  # member tier, as the survey names it
    customer_type: str = ""  # a PersonaKind value of the four types of seed 002, or ""
    respondent: str = ""  # the survey's id of the person who answered
    source: str = ""  # the name of the file the answer was imported from
    source_row: int | None = None  # its row in that file, as a spreadsheet numbers them


class Vote(SQLModel, table=True):
    """One dot of one participant on a note or a touchpoint (exactly one of the two is set)."""

    __tablename__ = "vote"

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    note_id: int | None = Field(default=None, foreign_key="note.id", index=True)
    touchpoint_id: int | None = Field(default=None, foreign_key="touchpoint.id", index=True)
    round: int = 1  # the voting round the dot was given in


#: Every table of the file, parents before children (the order to insert in).
TABLES: tuple[type[SQLModel], ...] = (
    Session,
    Persona,
    Journey,
    Stage,
    Lane,
    Touchpoint,
    Link,
    Participant,
    Cluster,
    Feedback,
    Note,
    Vote,
)

TABLE_BY_NAME: dict[str, type[SQLModel]] = {t.__tablename__: t for t in TABLES}
