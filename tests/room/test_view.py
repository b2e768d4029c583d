"""The per-phone view, straight from a Snapshot: never another author's face-down note, never
a field the server was not told to pass on (a file path, say)."""

from __future__ import annotations

import json

from cocreate.room.host import Snapshot
from cocreate.room.view import StateCache, lobby_view, phone_view, room_event, visible_note_ids

ALICE = {"id": 1, "name": "Alice", "color": "#ffe066"}


def note(note_id: int, author: int, hidden: bool, **extra) -> dict:
    return {
        "id": note_id,
        "text": f"note {note_id}",
        "category": "idea",
        "color": "#fff",
        "author_id": author,
        "hidden": hidden,
        "clustered": False,
        "stage_id": None,
        "touchpoint_id": None,
        **extra,
    }


def snapshot() -> Snapshot:
    return Snapshot(
        session={"title": "Salon", "path": "/home/f/secret.cocreate"},
        journey={
            "id": 1,
            "name": "J",
            "path": "/tmp/x",
            "stages": [{"id": 10, "name": "S", "notes": "internal"}],
            "cards": [{"id": 20, "title": "C", "stage_id": 10, "owner": "ops"}],
        },
        participants=[
            {**ALICE, "email": "a@example.com"},
            {"id": 2, "name": "Bob", "color": "#f00"},
        ],
        notes=[
            note(1, 1, True),
            note(2, 2, True, file="/etc/passwd"),
            note(3, 2, False),
            note(4, 1, False),
            note(5, None, True),
        ],
        private_mode=True,
        reveal_policy="author",
        voting={"round": 2, "budget": 3},
        votes={1: [{"note_id": 3, "touchpoint_id": None}], 2: [{"note_id": 4}]},
        timer={"state": "running", "remaining": 42},
    )


def view_for(participant: dict | None, taken=frozenset({1})) -> dict:
    return phone_view(snapshot(), participant, taken=taken, paused=False, version=7)


def test_a_phone_sees_its_own_notes_and_revealed_ones_only():
    notes = view_for(ALICE)["notes"]
    assert [(n["id"], n["mine"]) for n in notes] == [(1, True), (3, False), (4, True)]
    bob = view_for({"id": 2, "name": "Bob", "color": "#f00"})["notes"]
    assert [(n["id"], n["mine"]) for n in bob] == [(2, True), (3, True), (4, False)]


def test_only_named_fields_leave_the_server():
    view = view_for(ALICE)
    text = str(view)
    for secret in ("secret.cocreate", "/tmp/x", "internal", "ops", "a@example.com", "/etc/passwd"):
        assert secret not in text, secret
    assert view["session"] == {"title": "Salon"}
    assert view["journey"] == {
        "id": 1,
        "name": "J",
        "stages": [{"id": 10, "name": "S"}],
        "cards": [{"id": 20, "title": "C", "stage_id": 10}],
    }
    assert view["participants"] == [
        {**ALICE, "taken": True},
        {"id": 2, "name": "Bob", "color": "#f00", "taken": False},
    ]


def test_the_view_has_the_briefs_shape():
    view = view_for(ALICE)
    assert set(view) == {
        "you",
        "session",
        "journey",
        "participants",
        "notes",
        "private_mode",
        "reveal_policy",
        "voting",
        "timer",
        "paused",
        "version",
    }
    assert view["you"] == {"status": "active", "participant": ALICE}
    assert view["voting"] == {
        "round": 2,
        "budget": 3,
        "left": 2,
        "mine": [{"note_id": 3, "touchpoint_id": None}],
    }
    assert (view["private_mode"], view["reveal_policy"]) == (True, "author")
    assert view["timer"] == {"state": "running", "remaining": 42}
    assert (view["paused"], view["version"]) == (False, 7)


def test_a_waiting_phone_sees_nothing_of_the_board():
    view = view_for(None)
    assert view["you"] == {"status": "waiting", "participant": None}
    assert (view["notes"], view["participants"], view["journey"]) == ([], [], None)
    assert view["voting"] is None


def test_no_round_no_voting():
    snap = snapshot()
    snap.voting = None
    view = phone_view(snap, ALICE, taken=(), paused=True, version=1)
    assert view["voting"] is None and view["paused"] is True


def test_the_lobby_and_the_room_event():
    lobby = lobby_view(snapshot(), {2}, True)
    assert lobby == {
        "session": {"title": "Salon"},
        "participants": [
            {**ALICE, "taken": False},
            {"id": 2, "name": "Bob", "color": "#f00", "taken": True},
        ],
        "approve_newcomers": True,
    }
    event = room_event(snapshot(), status="active", paused=True, version=3)
    assert event == {
        "version": 3,
        "paused": True,
        "private_mode": True,
        "reveal_policy": "author",
        "voting": {"round": 2, "budget": 3},
        "timer": {"state": "running", "remaining": 42},
        "status": "active",
    }


def test_the_encoded_state_is_the_view():
    cache = StateCache(snapshot())
    for participant in (ALICE, {"id": 2, "name": "Bob", "color": "#f00"}, None):
        for paused in (False, True):
            encoded = cache.state_json(participant, taken={1}, paused=paused, version=4)
            view = phone_view(snapshot(), participant, taken={1}, paused=paused, version=4)
            assert json.loads(encoded) == view


def test_people_text_is_encoded_as_json_strings():
    snap = snapshot()
    snap.notes = [note(1, 1, False, text='"},"hidden":false,{"x\\u2028</script>排队')]
    encoded = StateCache(snap).state_json(ALICE, taken=(), paused=False, version=1)
    assert json.loads(encoded)["notes"][0]["text"] == snap.notes[0]["text"]


def test_a_phone_can_vote_on_what_it_sees_only():
    assert visible_note_ids(snapshot(), 1) == {1, 3, 4}
    assert visible_note_ids(snapshot(), 2) == {2, 3, 4}
