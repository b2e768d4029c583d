"""What the room's server asks of the desktop, and what the desktop tells the server.

The server (aiohttp, on its own thread and asyncio loop) never touches the file or a widget.
Everything a phone changes is a `Request` handed to the `Host`; the desktop (the Qt bridge)
carries it out on the GUI thread through the Document and resolves the returned future with a
JSON-able dict, or with a `Refusal` that the server turns into an HTTP error.

The desktop publishes what phones may see as a `Snapshot` (plain dicts and lists), whole, each
time it changes; the server keeps the latest one and cuts a per-phone view out of it (another
author's face-down note never leaves the server).

This module holds no Qt and no store: both sides import it.
"""

from __future__ import annotations

import concurrent.futures
from dataclasses import dataclass, field
from typing import Any, Protocol

#: The request kinds, with the payload each carries (all ids are ints):
#:   "join_as"    {"participant_id"}                 -> {"participant": PARTICIPANT}
#:   "join_new"   {"name"}                           -> {"participant": PARTICIPANT}
#:   "add_note"   {"participant_id", "text", "category", "stage_id"|None,
#:                 "touchpoint_id"|None}             -> {"id": note_id}
#:   "delete_note" {"participant_id", "note_id"}     -> {}
#:   "vote"       {"participant_id", "note_id"|None, "touchpoint_id"|None} -> {"left": n}
#:   "unvote"     {"participant_id", "note_id"|None, "touchpoint_id"|None} -> {"left": n}
#:   "reveal_mine" {"participant_id"}                -> {"revealed": n}
#: PARTICIPANT is {"id", "name", "color"}.
REQUEST_KINDS = ("join_as", "join_new", "add_note", "delete_note", "vote", "unvote", "reveal_mine")

#: The note categories a phone may send (the values of cocreate.model.NoteCategory).
CATEGORIES = ("pain_point", "idea", "question", "praise", "need")

MAX_NOTE_CHARS = 500
MAX_NAME_CHARS = 40


@dataclass(frozen=True)
class Request:
    kind: str
    payload: dict[str, Any]


class Refusal(Exception):
    """The desktop will not do what a phone asked: `status` is the HTTP status the phone gets,
    `reason` a short code the page translates (e.g. "name_taken", "no_votes_left",
    "not_yours", "in_cluster", "no_round", "not_found", "not_allowed")."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Device:
    """One phone as the facilitator sees it in the participants panel."""

    device_id: str  # a short public id (never the cookie's secret)
    participant_id: int | None  # None while waiting for approval
    name: str  # the participant's name, or the name asked for while waiting
    connected: bool  # an event stream is open now
    waiting: bool  # held until the facilitator approves (approve newcomers is on)
    # A waiting phone that asks to join as a known participant (held because the facilitator
    # removed or refused a phone of theirs): approve it with that participant, never a new one.
    asks_for: int | None = None


class Host(Protocol):
    """The desktop side, as the server sees it. Both methods are called on the server's thread
    and must return at once (they only queue work for the GUI thread)."""

    def submit(self, request: Request) -> concurrent.futures.Future[dict[str, Any]]:
        """Carry out a phone's request on the GUI thread; the future holds the answer or a
        Refusal."""
        ...

    def devices_changed(self, devices: list[Device], run: int = 0) -> None:
        """The phones now known to the room (joined, waiting, connected or not). `run` counts
        the starts of the server (1, 2, ...): a delivery of an earlier run is stale. (The
        server passes `run` only to an implementation whose signature names it.)"""
        ...


@dataclass
class Snapshot:
    """What the shared screen shows, as the desktop publishes it to the room.

    session:      {"title"}
    journey:      {"id", "name", "stages": [{"id", "name"}],
                   "cards": [{"id", "title", "stage_id"}]}  (the journey on the screen now)
    participants: [{"id", "name", "color"}]  (+ "role": "facilitator" | "participant" | "customer")
    notes:        [{"id", "text", "category", "color", "author_id", "hidden", "clustered",
                    "stage_id", "touchpoint_id"}]  (every note of that journey, face-down ones
                    included: the server filters them per phone)
    private_mode, reveal_policy ("facilitator" | "author")
    voting:       {"round", "budget"} or None when no round runs; budget is the dots each
                   participant has in the round
                   (+ "budgets": {participant_id: dots}, each one's own: a phone sees its own)
    votes:        {participant_id: [{"note_id"|None, "touchpoint_id"|None}, ...]} (this round)
    timer:        {"state": "idle"|"running"|"paused"|"finished", "remaining": seconds}
    """

    session: dict[str, Any] = field(default_factory=lambda: {"title": ""})
    journey: dict[str, Any] | None = None
    participants: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    private_mode: bool = False
    reveal_policy: str = "facilitator"
    voting: dict[str, Any] | None = None
    votes: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    timer: dict[str, Any] = field(default_factory=lambda: {"state": "idle", "remaining": 0})
