"""The desktop side of the room: phones' requests carried out on the GUI thread, and what the
shared screen shows published back to the room's server.

The server calls `submit` and `devices_changed` on its own thread. Both only hand their work to
the GUI thread through a queued signal: every edit a phone asks for goes through the Document
there, like any other edit (one undoable command, one transaction), and the server's thread
never touches the file or a widget.

What phones may see is published as a `Snapshot`, built from the Document's reads, whenever the
file changes, another journey comes on screen or the timer starts, pauses, stops or gets more
time; at most once per PUBLISH_MS, so that a room full of phones sending notes never stalls
the window.
"""

from __future__ import annotations

import concurrent.futures
import time
from collections import Counter, deque
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from cocreate.document import Document, PhoneEditError
from cocreate.records import Row
from cocreate.room.host import Device, Refusal, Request, Snapshot
from cocreate.ui.journey_tabs import JourneyTabs
from cocreate.ui.timer import CountdownTimer

#: The shortest time between two snapshots sent to the room, in milliseconds.
PUBLISH_MS = 250
# The time phones' requests may take of the window's event loop in one go: past it, the window
# paints and takes keys before the next requests are carried out.
SLICE_S = 0.025
#: The colour of a note whose author has none (the participants panel's neutral grey).
NEUTRAL_COLOR = "#eceff1"

#: The HTTP status a phone gets for each reason the Document gives for refusing an edit.
REFUSAL_STATUS: dict[str, int] = {
    "not_found": 404,
    "not_yours": 403,
    "in_cluster": 409,
    "name_taken": 409,
    "no_round": 409,
    "no_votes_left": 409,
    "not_allowed": 403,
    "empty": 422,
    "too_long": 422,
    "bad_category": 422,
    "invalid": 422,
    "invalid_note": 422,
    "not_written": 503,  # the file refused the change (the window says why)
}

Publisher = Callable[[Snapshot], None]
Answer = dict[str, Any]


def participant_view(row: Row) -> Answer:
    """A participant as a phone sees them."""
    return {"id": row["id"], "name": row["name"], "color": row["color"]}


def snapshot_participant(row: Row) -> Answer:
    """A participant as the room keeps them: what a phone sees, and their role (the room leaves
    facilitators out of the join screen)."""
    return {**participant_view(row), "role": row["role"]}


def _refusal(error: PhoneEditError) -> Refusal:
    """The Document's refusal as the phone's: the HTTP status of its reason."""
    return Refusal(REFUSAL_STATUS.get(error.reason, 409), error.reason)


def build_snapshot(
    document: Document, journey_id: int | None, timer: CountdownTimer | None
) -> Snapshot:
    """What the shared screen shows now: the session, the journey on screen, its notes, the
    people, private mode, the voting round and the timer (see room.host.Snapshot)."""
    session = document.session()
    people = document.rows("participant", order_by="position")
    colors = {row["id"]: row["color"] for row in people}
    journey_row = document.row("journey", journey_id) if journey_id is not None else None
    journey: Answer | None = None
    notes: list[Answer] = []
    if journey_row is not None:
        journey = _journey_view(document, journey_row)
        for note in document.rows("note", journey_id=journey_row["id"]):
            notes.append(
                {
                    "id": note["id"],
                    "text": note["text"],
                    "category": note["category"],
                    "color": note["color"] or colors.get(note["author_id"]) or NEUTRAL_COLOR,
                    "author_id": note["author_id"],
                    "hidden": bool(note["hidden"]),
                    "clustered": note["cluster_id"] is not None,
                    "stage_id": note["stage_id"],
                    "touchpoint_id": note["touchpoint_id"],
                }
            )
    voting_round = int(session["voting_round"] or 0)
    voting, votes = _voting_view(document, voting_round, people)
    return Snapshot(
        session={"title": session["title"]},
        journey=journey,
        participants=[snapshot_participant(row) for row in people],
        notes=notes,
        private_mode=bool(session["private_mode"]),
        reveal_policy=session["reveal_policy"],
        voting=voting,
        votes=votes,
        timer=_timer_view(timer),
    )


def _journey_view(document: Document, journey: Row) -> Answer:
    """The journey's stages in order and its cards, stage by stage and lane by lane."""
    stages = document.rows("stage", order_by="position", journey_id=journey["id"])
    lanes = document.rows("lane", order_by="position", journey_id=journey["id"])
    stage_order = {row["id"]: index for index, row in enumerate(stages)}
    lane_order = {row["id"]: index for index, row in enumerate(lanes)}
    cards = sorted(
        document.rows("touchpoint", journey_id=journey["id"]),
        key=lambda row: (
            stage_order.get(row["stage_id"], len(stages)),
            lane_order.get(row["lane_id"], len(lanes)),
            row["position"],
            row["id"],
        ),
    )
    return {
        "id": journey["id"],
        "name": journey["name"],
        "stages": [{"id": row["id"], "name": row["name"]} for row in stages],
        "cards": [
            {"id": row["id"], "title": row["title"], "stage_id": row["stage_id"]} for row in cards
        ],
    }


def _voting_view(
    document: Document, voting_round: int, people: list[Row]
) -> tuple[Answer | None, dict[int, list[Answer]]]:
    """The round running ({"round", "budget", "budgets"}, or None) and each person's dots in
    it. "budget" is the dots most people have; "budgets" each participant's own, by id (the
    desktop may give one person more dots than the others)."""
    if not voting_round:
        return None, {}
    own = {row["id"]: int(row["vote_budget"]) for row in people}
    budgets = Counter(own.values())
    budget = budgets.most_common(1)[0][0] if budgets else 0
    votes: dict[int, list[Answer]] = {}
    for vote in document.rows("vote", round=voting_round):
        votes.setdefault(vote["participant_id"], []).append(
            {"note_id": vote["note_id"], "touchpoint_id": vote["touchpoint_id"]}
        )
    return {"round": voting_round, "budget": budget, "budgets": own}, votes


def _timer_view(timer: CountdownTimer | None) -> Answer:
    if timer is None:
        return {"state": "idle", "remaining": 0}
    return {"state": timer.state.value, "remaining": timer.remaining}


class RoomBridge(QObject):
    """The Host the room's server talks to (room.host.Host), living on the GUI thread.

    set_document() follows the open session; begin_run() is called before the server starts,
    set_publisher() is given the server's publish, and None before the server stops.
    `devices_updated` carries the room's phones (a list of room.host.Device) each time the
    server reports a change, on the GUI thread; a report of an earlier run, or one made while
    the room stops, is dropped (the server reports phones disconnecting as it stops).
    """

    devices_updated = Signal(list)
    # Across threads: the server's thread emits these, the GUI thread receives them (queued).
    _request_arrived = Signal(object, object, int)
    _devices_arrived = Signal(object, int)

    def __init__(
        self, tabs: JourneyTabs, timer: CountdownTimer | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._tabs = tabs
        self._timer = timer
        self._document: Document | None = None
        self._publish: Publisher | None = None
        # Counts the sessions and the ends of inviting: a request queued before either is
        # refused, never carried out on another session or after Stop Inviting.
        self._generation = 0
        # Counts the room's runs: a start and a stop each begin a new one. The server's reports
        # of phones carry the run they were made in; only those of the live run are shown.
        self._run = 0
        self._live_run: int | None = None
        self.devices: list[Device] = []
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(PUBLISH_MS)
        self._throttle.timeout.connect(self.publish_now)
        queued = Qt.ConnectionType.QueuedConnection
        self._request_arrived.connect(self._enqueue, queued)
        # Phones' requests wait here and are carried out a slice of time at a time, so that a
        # crowd sending at once never holds the window's event loop (paint, keys, the timer)
        # for longer than one slice.
        self._waiting: deque[tuple[Request, concurrent.futures.Future[Answer], int]] = deque()
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)
        self._devices_arrived.connect(self._take_devices, queued)
        tabs.currentChanged.connect(self.schedule_publish)
        self._last_tick: int | None = None
        if timer is not None:
            timer.state_changed.connect(self.schedule_publish)
            timer.tick.connect(self._timer_ticked)

    # -- what the bridge follows -----------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    def set_document(self, document: Document | None) -> None:
        if document is not self._document:
            self._generation += 1
        if self._document is not None:
            self._document.changed.disconnect(self.schedule_publish)
        self._document = document
        if document is not None:
            document.changed.connect(self.schedule_publish)
        self.schedule_publish()

    def set_publisher(self, publish: Publisher | None) -> None:
        """Where snapshots go (the server's publish); the first one goes at once."""
        self._publish = publish
        if publish is None:
            self._generation += 1
            self._run += 1
            self._live_run = None
            self._throttle.stop()
            self._show_devices([])
        else:
            self.publish_now()

    def begin_run(self) -> None:
        """The room is about to start: it has no phones yet, and reports of earlier runs are
        dropped from now on."""
        self._run += 1
        self._live_run = self._run
        self._show_devices([])

    def schedule_publish(self, *_args: object) -> None:
        """Publish soon: changes that come while a snapshot waits go out with it."""
        if self._publish is not None and not self._throttle.isActive():
            self._throttle.start()

    def _timer_ticked(self, remaining: int) -> None:
        """Time added or taken off: phones hear it (a tick a second down they count alone)."""
        if self._last_tick is not None and remaining not in (self._last_tick, self._last_tick - 1):
            self.schedule_publish()
        self._last_tick = remaining

    def snapshot(self) -> Snapshot:
        if self._document is None:
            return Snapshot()
        return build_snapshot(self._document, self._tabs.current_journey_id(), self._timer)

    def publish_now(self) -> None:
        self._throttle.stop()
        if self._publish is not None:
            self._publish(self.snapshot())

    # -- room.host.Host (called on the server's thread) ------------------------------------------

    def submit(self, request: Request) -> concurrent.futures.Future[Answer]:
        future: concurrent.futures.Future[Answer] = concurrent.futures.Future()
        self._request_arrived.emit(request, future, self._generation)
        return future

    def devices_changed(self, devices: list[Device]) -> None:
        self._devices_arrived.emit(list(devices), self._run)

    # -- on the GUI thread -----------------------------------------------------------------------

    def _take_devices(self, devices: list[Device], run: int) -> None:
        if run == self._live_run:
            self._show_devices(devices)

    def _show_devices(self, devices: list[Device]) -> None:
        self.devices = list(devices)
        self.devices_updated.emit(self.devices)

    def connected_participants(self) -> set[int]:
        """The participants with a phone connected now."""
        return {
            device.participant_id
            for device in self.devices
            if device.connected and device.participant_id is not None
        }

    def _enqueue(
        self, request: Request, future: concurrent.futures.Future[Answer], generation: int
    ) -> None:
        self._waiting.append((request, future, generation))
        if not self._drain_timer.isActive():
            self._drain_timer.start()

    def _drain(self) -> None:
        """Carry out waiting requests for one slice of time, in one transaction of the file
        (one sync to the disk for all of them, each still its own undo command); the rest after
        the window's other events have had their turn. Phones hear back only once the file has
        taken their edits."""
        end = time.perf_counter() + SLICE_S
        outcomes: list[tuple[concurrent.futures.Future[Answer], Answer | BaseException]] = []
        document = self._document
        with document.batch() if document is not None else nullcontext(None) as batch:
            while self._waiting:
                request, future, generation = self._waiting.popleft()
                if future.set_running_or_notify_cancel():  # else the phone gave up waiting
                    outcomes.append((future, self._outcome(request, generation)))
                if time.perf_counter() >= end:
                    break
        written = batch is None or batch.committed
        for future, outcome in outcomes:
            if isinstance(outcome, BaseException):
                future.set_exception(outcome)
            elif written:
                future.set_result(outcome)
            else:
                future.set_exception(Refusal(503, "not_written"))
        if self._waiting:
            self._drain_timer.start()

    def _outcome(self, request: Request, generation: int) -> Answer | BaseException:
        """The answer to a request, or what refuses it."""
        try:
            if generation != self._generation:
                raise Refusal(503, "stopped")  # inviting stopped, or the session changed
            return self.carry_out(request)
        except Refusal as refusal:
            return refusal
        except PhoneEditError as error:
            return _refusal(error)
        except Exception as error:  # noqa: BLE001 (the phone gets a 500, the window goes on)
            return error

    def carry_out(self, request: Request) -> Answer:
        """Do what the phone asked, through the Document; a Refusal when it cannot be done."""
        document = self._document
        if document is None:
            raise Refusal(503, "no_session")
        if document.read_only:
            raise Refusal(403, "not_allowed")
        handler = self._handlers().get(request.kind)
        if handler is None:
            raise Refusal(400, "unknown_request")
        return handler(document, request.payload)

    def _handlers(self) -> dict[str, Callable[[Document, Answer], Answer]]:
        return {
            "join_as": self._join_as,
            "join_new": self._join_new,
            "add_note": self._add_note,
            "delete_note": self._delete_note,
            "vote": self._vote,
            "unvote": self._unvote,
            "reveal_mine": self._reveal_mine,
        }

    @staticmethod
    def _join_as(document: Document, payload: Answer) -> Answer:
        row = document.row("participant", int(payload["participant_id"]))
        if row is None:
            raise Refusal(404, "not_found")
        return {"participant": participant_view(row)}

    @staticmethod
    def _join_new(document: Document, payload: Answer) -> Answer:
        participant_id = document.add_phone_participant(str(payload["name"]))
        row = document.row("participant", participant_id)
        if row is None:
            raise Refusal(409, "not_allowed")
        return {"participant": participant_view(row)}

    def _add_note(self, document: Document, payload: Answer) -> Answer:
        stage_id = payload.get("stage_id")
        touchpoint_id = payload.get("touchpoint_id")
        journey_id = self._journey_of(document, stage_id, touchpoint_id)
        note_id = document.add_phone_note(
            journey_id,
            int(payload["participant_id"]),
            str(payload["text"]),
            str(payload["category"]),
            stage_id=stage_id,
            touchpoint_id=touchpoint_id,
        )
        return {"id": note_id}

    def _journey_of(
        self, document: Document, stage_id: int | None, touchpoint_id: int | None
    ) -> int:
        """The journey a note belongs to: that of its card or stage, else the one on screen
        (the phone chose its place from the journey shown when it asked)."""
        for table, row_id in (("touchpoint", touchpoint_id), ("stage", stage_id)):
            if row_id is not None:
                row = document.row(table, int(row_id))
                if row is None:
                    raise Refusal(422, "invalid_note")
                return int(row["journey_id"])
        journey_id = self._tabs.current_journey_id()
        if journey_id is None:
            raise Refusal(409, "not_allowed")
        return journey_id

    @staticmethod
    def _delete_note(document: Document, payload: Answer) -> Answer:
        document.delete_phone_note(int(payload["participant_id"]), int(payload["note_id"]))
        return {}

    @staticmethod
    def _vote(document: Document, payload: Answer) -> Answer:
        left = document.phone_vote(
            int(payload["participant_id"]),
            note_id=payload.get("note_id"),
            touchpoint_id=payload.get("touchpoint_id"),
        )
        return {"left": left}

    @staticmethod
    def _unvote(document: Document, payload: Answer) -> Answer:
        left = document.phone_unvote(
            int(payload["participant_id"]),
            note_id=payload.get("note_id"),
            touchpoint_id=payload.get("touchpoint_id"),
        )
        return {"left": left}

    @staticmethod
    def _reveal_mine(document: Document, payload: Answer) -> Answer:
        return {"revealed": document.reveal_own_notes(int(payload["participant_id"]))}
