"""An in-memory Host for the room's tests: a session with participants, one journey, notes,
a voting round with a budget, private mode and a reveal policy, with the desktop's rules in
miniature. Every request is answered at once (a done future), unless `hold` is set: then the
futures wait in `pending` until the test completes them with `release()`.

Usage:
    host = FakeHost()                  # Alice (1) and Bob (2); stages 10, 11; card 20 in 10
    host.publish = room.publish        # or server.publish: each change publishes a Snapshot
    host.start_round(budget=3); host.private_mode = True; host.publish_now()

`requests` lists every Request received; `devices` is the latest devices_changed list.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import Any

from cocreate.room.host import Device, Refusal, Request, Snapshot

COLORS = ("#ffe066", "#ffa8a8", "#a5d8ff", "#b2f2bb", "#d0bfff", "#ffc078")

Answer = concurrent.futures.Future[dict[str, Any]]


class FakeHost:
    def __init__(self) -> None:
        self.title = "Coffee salon"
        self.participants: list[dict[str, Any]] = [
            {"id": 1, "name": "Alice", "color": COLORS[0]},
            {"id": 2, "name": "Bob", "color": COLORS[1]},
        ]
        self.journey: dict[str, Any] = {
            "id": 1,
            "name": "Morning coffee",
            "stages": [{"id": 10, "name": "Cognition"}, {"id": 11, "name": "Attraction"}],
            "cards": [{"id": 20, "title": "Store visit", "stage_id": 10}],
        }
        self.notes: list[dict[str, Any]] = []
        self.private_mode = False
        self.reveal_policy = "facilitator"
        self.voting: dict[str, Any] | None = None
        self.votes: dict[int, list[dict[str, Any]]] = {}
        self.timer: dict[str, Any] = {"state": "idle", "remaining": 0}
        self.requests: list[Request] = []
        self.devices: list[Device] = []
        self.runs: list[int] = []  # the run of each devices_changed delivery
        self.publish: Callable[[Snapshot], None] | None = None
        self.hold = False
        self.pending: list[tuple[Request, Answer]] = []

    # -- Host --------------------------------------------------------------------------------

    def submit(self, request: Request) -> Answer:
        self.requests.append(request)
        answer: Answer = concurrent.futures.Future()
        if self.hold:
            self.pending.append((request, answer))
        else:
            self._answer(request, answer)
        return answer

    def devices_changed(self, devices: list[Device], run: int = 0) -> None:
        self.devices = list(devices)
        self.runs.append(run)

    # -- for tests ---------------------------------------------------------------------------

    def release(self) -> None:
        """Answer every held request now."""
        pending, self.pending = self.pending, []
        for request, answer in pending:
            self._answer(request, answer)

    def snapshot(self) -> Snapshot:
        return Snapshot(
            session={"title": self.title, "path": "/home/facilitator/secret.cocreate"},
            journey=self.journey,
            participants=[dict(p) for p in self.participants],
            notes=[dict(n) for n in self.notes],
            private_mode=self.private_mode,
            reveal_policy=self.reveal_policy,
            voting=None if self.voting is None else dict(self.voting),
            votes={pid: list(v) for pid, v in self.votes.items()},
            timer=dict(self.timer),
        )

    def publish_now(self) -> None:
        if self.publish is not None:
            self.publish(self.snapshot())

    def start_round(self, budget: int = 3) -> None:
        self.voting = {"round": (self.voting or {}).get("round", 0) + 1, "budget": budget}
        self.votes = {}
        self.publish_now()

    def add_note(self, author_id: int, text: str, *, hidden: bool = False) -> int:
        """A note as if typed on the desktop (or sent earlier)."""
        note_id = self._new_note(author_id, text, "idea", hidden=hidden)
        self.publish_now()
        return note_id

    def _new_note(self, author_id: int, text: str, category: str, **fields: Any) -> int:
        author = self._participant(author_id)
        note_id = 100 + max((n["id"] - 99 for n in self.notes), default=0)
        note = {
            "id": note_id,
            "text": text,
            "category": category,
            "color": author["color"],
            "author_id": author_id,
            "hidden": False,
            "clustered": False,
            "stage_id": None,
            "touchpoint_id": None,
        }
        note.update(fields)
        self.notes.append(note)
        return note_id

    # -- the desktop's rules, in miniature ---------------------------------------------------

    def _answer(self, request: Request, answer: Answer) -> None:
        try:
            result = getattr(self, f"_{request.kind}")(**request.payload)
        except Refusal as refusal:
            answer.set_exception(refusal)
            return
        answer.set_result(result)
        self.publish_now()

    def _participant(self, participant_id: int) -> dict[str, Any]:
        for person in self.participants:
            if person["id"] == participant_id:
                return person
        raise Refusal(404, "not_found")

    def _join_as(self, participant_id: int) -> dict[str, Any]:
        return {"participant": dict(self._participant(participant_id))}

    def _join_new(self, name: str) -> dict[str, Any]:
        if any(p["name"].casefold() == name.strip().casefold() for p in self.participants):
            raise Refusal(409, "name_taken")
        new_id = max((p["id"] for p in self.participants), default=0) + 1
        person = {"id": new_id, "name": name, "color": COLORS[len(self.participants) % 6]}
        self.participants.append(person)
        return {"participant": dict(person)}

    def _add_note(self, participant_id: int, text: str, category: str, **pinned: Any) -> dict:
        hidden = self.private_mode
        return {"id": self._new_note(participant_id, text, category, hidden=hidden, **pinned)}

    def _note(self, note_id: int) -> dict[str, Any]:
        for note in self.notes:
            if note["id"] == note_id:
                return note
        raise Refusal(404, "not_found")

    def _delete_note(self, participant_id: int, note_id: int) -> dict[str, Any]:
        note = self._note(note_id)
        if note["author_id"] != participant_id:
            raise Refusal(403, "not_yours")
        if note["clustered"]:
            raise Refusal(409, "in_cluster")
        self.notes.remove(note)
        return {}

    def _vote(self, participant_id: int, **target: Any) -> dict[str, Any]:
        if self.voting is None:
            raise Refusal(409, "no_round")
        mine = self.votes.setdefault(participant_id, [])
        if len(mine) >= self.voting["budget"]:
            raise Refusal(409, "no_votes_left")
        mine.append(dict(target))
        return {"left": self.voting["budget"] - len(mine)}

    def _unvote(self, participant_id: int, **target: Any) -> dict[str, Any]:
        if self.voting is None:
            raise Refusal(409, "no_round")
        mine = self.votes.setdefault(participant_id, [])
        if dict(target) not in mine:
            raise Refusal(404, "not_found")
        mine.remove(dict(target))
        return {"left": self.voting["budget"] - len(mine)}

    def _reveal_mine(self, participant_id: int) -> dict[str, Any]:
        if self.reveal_policy != "author":
            raise Refusal(403, "not_allowed")
        mine = [n for n in self.notes if n["author_id"] == participant_id and n["hidden"]]
        for note in mine:
            note["hidden"] = False
        return {"revealed": len(mine)}
