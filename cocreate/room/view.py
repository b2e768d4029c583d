"""What one phone may see of the room: cut out of the desktop's Snapshot, field by field.

Only what the shared screen shows leaves the server: names and colours, the journey's stages
and cards, the phone's own notes (face-down ones included) and every revealed note of others.
Never another author's face-down note, never a file path: each dict is rebuilt from the fields
named here, so a field the desktop adds later stays on the server until it is named."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from cocreate.room.host import Snapshot

NOTE_FIELDS = (
    "id",
    "text",
    "category",
    "color",
    "author_id",
    "hidden",
    "clustered",
    "stage_id",
    "touchpoint_id",
)


def _pick(source: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: source.get(name) for name in fields}


def session_view(snapshot: Snapshot) -> dict[str, Any]:
    return {"title": str(snapshot.session.get("title", ""))}


def journey_view(snapshot: Snapshot) -> dict[str, Any] | None:
    journey = snapshot.journey
    if journey is None:
        return None
    return {
        "id": journey.get("id"),
        "name": journey.get("name", ""),
        "stages": [_pick(stage, ("id", "name")) for stage in journey.get("stages", [])],
        "cards": [_pick(card, ("id", "title", "stage_id")) for card in journey.get("cards", [])],
    }


def participants_view(snapshot: Snapshot, taken: Collection[int]) -> list[dict[str, Any]]:
    return [
        {**_pick(person, ("id", "name", "color")), "taken": person.get("id") in taken}
        for person in snapshot.participants
    ]


def notes_view(snapshot: Snapshot, participant_id: int) -> list[dict[str, Any]]:
    """The phone's own notes (face down or not) with "mine", and every revealed note."""
    notes = []
    for note in snapshot.notes:
        mine = note.get("author_id") == participant_id
        if mine or not note.get("hidden"):
            notes.append({**_pick(note, NOTE_FIELDS), "mine": mine})
    return notes


def my_votes(snapshot: Snapshot, participant_id: int) -> list[dict[str, Any]]:
    votes = snapshot.votes.get(participant_id, [])
    return [_pick(vote, ("note_id", "touchpoint_id")) for vote in votes]


def voting_view(snapshot: Snapshot, participant_id: int) -> dict[str, Any] | None:
    if snapshot.voting is None:
        return None
    budget = int(snapshot.voting.get("budget", 0))
    budget = int((snapshot.voting.get("budgets") or {}).get(participant_id, budget))  # their own
    mine = my_votes(snapshot, participant_id)
    return {
        "round": snapshot.voting.get("round"),
        "budget": budget,
        "left": max(budget - len(mine), 0),
        "mine": mine,
    }


def timer_view(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "state": snapshot.timer.get("state", "idle"),
        "remaining": snapshot.timer.get("remaining", 0),
    }


def is_facilitator(person: dict[str, Any]) -> bool:
    """A facilitator runs the salon from the laptop: no phone joins as them. (A participant
    without a role is a participant.)"""
    return person.get("role", "participant") == "facilitator"


def lobby_view(
    snapshot: Snapshot, taken: Collection[int], approve_newcomers: bool
) -> dict[str, Any]:
    """What the join screen shows before the phone has joined: the participants a phone may
    join as (facilitators left out), each saying whether a phone is bound to them."""
    return {
        "session": session_view(snapshot),
        "participants": [
            person
            for person, source in zip(
                participants_view(snapshot, taken), snapshot.participants, strict=True
            )
            if not is_facilitator(source)
        ],
        "approve_newcomers": approve_newcomers,
    }


def find_participant(snapshot: Snapshot, participant_id: int) -> dict[str, Any] | None:
    for person in snapshot.participants:
        if person.get("id") == participant_id:
            return person
    return None


def phone_view(
    snapshot: Snapshot,
    participant: dict[str, Any] | None,
    *,
    taken: Collection[int],
    paused: bool,
    version: int,
) -> dict[str, Any]:
    """GET /api/state for one phone. `participant` is None while the phone waits for approval:
    it then sees the session's title and that it waits, nothing of the board."""
    common = {"session": session_view(snapshot), "paused": paused, "version": version}
    if participant is None:
        return {
            "you": {"status": "waiting", "participant": None},
            **common,
            "journey": None,
            "participants": [],
            "notes": [],
            "private_mode": snapshot.private_mode,
            "reveal_policy": snapshot.reveal_policy,
            "voting": None,
            "timer": timer_view(snapshot),
        }
    pid = participant["id"]
    return {
        "you": {"status": "active", "participant": _pick(participant, ("id", "name", "color"))},
        **common,
        "journey": journey_view(snapshot),
        "participants": participants_view(snapshot, taken),
        "notes": notes_view(snapshot, pid),
        "private_mode": snapshot.private_mode,
        "reveal_policy": snapshot.reveal_policy,
        "voting": voting_view(snapshot, pid),
        "timer": timer_view(snapshot),
    }


def room_event(snapshot: Snapshot, *, status: str, paused: bool, version: int) -> dict[str, Any]:
    """The data of one `event: room` on the event stream."""
    voting = snapshot.voting
    return {
        "version": version,
        "paused": paused,
        "private_mode": snapshot.private_mode,
        "reveal_policy": snapshot.reveal_policy,
        "voting": None if voting is None else _pick(voting, ("round", "budget")),
        "timer": timer_view(snapshot),
        "status": status,
    }


def stage_ids(snapshot: Snapshot) -> set[int]:
    journey = snapshot.journey or {}
    return {stage.get("id") for stage in journey.get("stages", [])}


def card_ids(snapshot: Snapshot) -> set[int]:
    journey = snapshot.journey or {}
    return {card.get("id") for card in journey.get("cards", [])}


def visible_note_ids(snapshot: Snapshot, participant_id: int) -> set[int]:
    """The ids of the notes notes_view shows this participant."""
    return {
        note["id"]
        for note in snapshot.notes
        if note.get("author_id") == participant_id or not note.get("hidden")
    }


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class StateCache:
    """GET /api/state, cut and encoded once per Snapshot for every phone alike: each note is
    encoded once (with "mine" false and true), so a phone's state is a join of strings, not a
    walk through every field of every note (the board may hold thousands)."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.session = _dumps(session_view(snapshot))
        self.journey = _dumps(journey_view(snapshot))
        self.timer = _dumps(timer_view(snapshot))
        self.notes: list[tuple[Any, bool, str, str]] = []
        for note in snapshot.notes:
            head = _dumps(_pick(note, NOTE_FIELDS))[:-1]
            others, mine = head + ',"mine":false}', head + ',"mine":true}'
            self.notes.append((note.get("author_id"), bool(note.get("hidden")), others, mine))

    def state_json(
        self,
        participant: dict[str, Any] | None,
        *,
        taken: Collection[int],
        paused: bool,
        version: int,
    ) -> str:
        """The same as json.dumps(phone_view(...)), faster."""
        if participant is None:
            return _dumps(
                phone_view(self.snapshot, None, taken=taken, paused=paused, version=version)
            )
        pid = participant["id"]
        notes = ",".join(
            mine if author == pid else others
            for author, hidden, others, mine in self.notes
            if author == pid or not hidden
        )
        you = {"status": "active", "participant": _pick(participant, ("id", "name", "color"))}
        snap = self.snapshot
        return (
            f'{{"you":{_dumps(you)},"session":{self.session},"paused":{_dumps(paused)},'
            f'"version":{_dumps(version)},"journey":{self.journey},'
            f'"participants":{_dumps(participants_view(snap, taken))},"notes":[{notes}],'
            f'"private_mode":{_dumps(snap.private_mode)},'
            f'"reveal_policy":{_dumps(snap.reveal_policy)},'
            f'"voting":{_dumps(voting_view(snap, pid))},"timer":{self.timer}}}'
        )
