"""The room's state on the server's asyncio loop: the token, the latest Snapshot, pause and
approval, the phones, the rate windows and the open event streams.

Everything here runs on the loop's thread; RoomServer hands the GUI thread's calls over."""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

from cocreate.room.devices import DeviceRecord, Devices
from cocreate.room.host import Host, Refusal, Request, Snapshot
from cocreate.room.limits import Clock, Limits, SlidingWindow, retry_after_header
from cocreate.room.security import COOKIE, RoomError, new_token
from cocreate.room.view import StateCache

log = logging.getLogger(__name__)


#: A request waiting for a place with the desktop: the request, its answer, its give-up timer.
Waiting = tuple[Request, "asyncio.Future[dict[str, Any]]", asyncio.TimerHandle]


@dataclass(eq=False)
class Stream:
    """One open event stream of a phone."""

    wake: asyncio.Event = field(default_factory=asyncio.Event)
    ended: bool = False  # closed by a newer stream of the same phone


class Room:
    def __init__(
        self,
        host: Host,
        page_dir: Path,
        *,
        address: str = "127.0.0.1",
        port: int = 0,
        limits: Limits | None = None,
        clock: Clock = time.monotonic,
        run: int = 1,
    ) -> None:
        self.host = host
        self.page_dir = Path(page_dir)
        self.address = address
        self.port = port
        self.limits = limits or Limits()
        self.clock = clock
        self.run = run  # which start of the server this room is (see Host.devices_changed)
        self.token = new_token()
        self.snapshot = Snapshot()
        self.version = 1
        self.paused = False
        self.approve_newcomers = False
        self.closing = False
        self.devices = Devices()
        self.requests = SlidingWindow(self.limits.requests_per_minute, clock=clock)
        self.notes = SlidingWindow(self.limits.notes_per_minute, clock=clock)
        self.joins = SlidingWindow(self.limits.joins_per_minute, clock=clock)
        self.new_names = SlidingWindow(self.limits.new_names_per_minute, clock=clock)
        self.in_flight = 0  # requests handed to the desktop and not answered yet
        self.queue: deque[Waiting] = deque()  # waiting for a place with the desktop
        self._tells_run = "run" in _parameters(host.devices_changed)
        self.streams: dict[Stream, DeviceRecord] = {}
        self._state_cache: StateCache | None = None

    # -- what the desktop says (RoomServer calls these on the loop) --------------------------

    @property
    def host_header(self) -> str:
        return f"{self.address}:{self.port}"

    @property
    def join_url(self) -> str:
        return f"http://{self.host_header}/j/{self.token}"

    def publish(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.changed()

    def set_paused(self, on: bool) -> None:
        if self.paused != on:
            self.paused = on
            self.changed()

    def set_approve_newcomers(self, on: bool) -> None:
        self.approve_newcomers = on

    def approve(self, device_id: str, participant: dict[str, Any]) -> None:
        """Let a waiting phone in as `participant`. A phone no longer waiting (refused,
        removed, dropped, already in) is left as it is, and so is one whose participant is
        bound to another phone meanwhile."""
        record = self.devices.by_id(device_id)
        if record is None or not record.waiting:
            return
        holder = self.devices.holder(participant["id"])
        if holder is not None and holder is not record:
            return
        record.participant = dict(participant)
        record.name = str(participant.get("name", record.name))
        record.asks_for = None
        self.changed()
        self.devices_changed()

    def refuse(self, device_id: str) -> None:
        """A waiting phone is out (as removed); a phone no longer waiting is left as it is."""
        record = self.devices.by_id(device_id)
        if record is not None and record.waiting:
            self.remove(device_id)

    def remove(self, device_id: str) -> None:
        """That phone's cookie opens nothing from now on; its streams say `removed`; its
        participant (or the name it asked for) waits for approval if asked for again."""
        record = self.devices.by_id(device_id)
        if record is None:
            return
        self.devices.drop(record)
        self.requests.forget(device_id)
        self.notes.forget(device_id)
        self.wake(record)
        self.devices_changed()

    def close(self) -> None:
        """Inviting stops: every stream says `removed` and ends."""
        self.closing = True
        for _request, answer, _timer in list(self.queue):
            self._give_up(answer, "closed")
        for stream in self.streams:
            stream.wake.set()

    # -- telling the phones and the desktop ---------------------------------------------------

    def changed(self) -> None:
        """Something phones see changed: a new version, and every stream sends it."""
        self.version += 1
        for stream in self.streams:
            stream.wake.set()

    def wake(self, record: DeviceRecord) -> None:
        for stream in record.streams:
            stream.wake.set()

    def devices_changed(self) -> None:
        try:
            if self._tells_run:
                self.host.devices_changed(self.devices.public(), run=self.run)
            else:
                self.host.devices_changed(self.devices.public())
        except Exception:  # the desktop's trouble must not break a phone's request
            log.exception("Host.devices_changed failed")

    def open_stream(self, record: DeviceRecord) -> Stream:
        """A new event stream of a phone; past the limit, its oldest stream ends."""
        was_connected = bool(record.streams)
        stream = Stream()
        self.streams[stream] = record
        record.streams.append(stream)
        mine = record.streams
        for old in mine[: max(len(mine) - self.limits.streams_per_device, 0)]:
            old.ended = True
            old.wake.set()
        if not was_connected:
            self.devices_changed()
        return stream

    def close_stream(self, stream: Stream) -> None:
        record = self.streams.pop(stream, None)
        if record is None:
            return
        if stream in record.streams:
            record.streams.remove(stream)
        if not record.streams and self.devices.by_id(record.device_id) is record:
            record.quiet_since = self.clock()
            self.devices_changed()

    def drop_stale_waiting(self) -> None:
        """Forget the waiting phones that have had no event stream for a while (a page that
        never came back): they hold no place among the waiting any more."""
        stale = self.devices.stale_waiting(self.clock(), self.limits.waiting_timeout)
        for record in stale:
            self.devices.drop(record, removed=False)
            self.requests.forget(record.device_id)
        if stale:
            self.devices_changed()

    def is_live(self, record: DeviceRecord) -> bool:
        return not self.closing and self.devices.by_id(record.device_id) is record

    def state_json(self, record: DeviceRecord) -> str:
        """GET /api/state for this phone (see view.phone_view)."""
        cache = self._state_cache
        if cache is None or cache.snapshot is not self.snapshot:
            cache = self._state_cache = StateCache(self.snapshot)
        taken = self.devices.taken()
        return cache.state_json(
            record.participant, taken=taken, paused=self.paused, version=self.version
        )

    # -- what a request needs ---------------------------------------------------------------

    def device(self, request: web.Request, *, active: bool = True) -> DeviceRecord:
        """The phone behind the request's cookie, counted against its request limit:
        401 without one (or a removed one), 403 while it waits and `active` is asked, 429
        past the limit."""
        secret = request.cookies.get(COOKIE)
        record = self.devices.by_secret(secret)
        if record is None or self.closing:
            code = "removed" if self.devices.was_removed(secret) else "no_device"
            raise RoomError(401, code)
        wait = self.requests.hit(record.device_id)
        if wait is not None:
            raise RoomError(429, "too_many", {"Retry-After": retry_after_header(wait)})
        if active and record.waiting:
            raise RoomError(403, "waiting")
        return record

    def limit_address(self, request: web.Request) -> None:
        """Requests without a phone yet (the page, the lobby, joins), per remote address."""
        wait = self.joins.hit(request.remote or "")
        if wait is not None:
            raise RoomError(429, "too_many", {"Retry-After": retry_after_header(wait)})
        if len(self.joins) > 4 * self.limits.max_devices:
            self.joins.prune()

    def count_note(self, record: DeviceRecord) -> None:
        wait = self.notes.hit(record.device_id)
        if wait is not None:
            raise RoomError(429, "too_many", {"Retry-After": retry_after_header(wait)})

    def check_paused(self) -> None:
        if self.paused:
            raise RoomError(503, "paused")

    def submit(
        self, kind: str, payload: dict[str, Any], record: DeviceRecord | None = None
    ) -> asyncio.Future[dict[str, Any]]:
        """Hand a request to the desktop; the answer arrives on this loop. The desktop's queue
        stays short: a phone with two requests unanswered gets 429, and at most
        `max_in_flight` requests are with the desktop at once; the others wait here, first
        come first served, and are 503 busy if no place comes up in `host_timeout`."""
        if record is not None and record.in_flight >= self.limits.in_flight_per_device:
            raise RoomError(429, "too_many", {"Retry-After": "1"})
        answer: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        if record is not None:
            record.in_flight += 1

        def answered(done: asyncio.Future[dict[str, Any]]) -> None:
            if record is not None:
                record.in_flight -= 1
            _read_quietly(done)  # an answer nobody awaits any more (a timed-out request)

        answer.add_done_callback(answered)
        request = Request(kind, payload)
        if self.in_flight < self.limits.max_in_flight and not self.queue:
            self._hand_over(request, answer)
        else:
            timer = asyncio.get_running_loop().call_later(
                self.limits.host_timeout, self._give_up, answer
            )
            self.queue.append((request, answer, timer))
        return answer

    def _hand_over(self, request: Request, answer: asyncio.Future[dict[str, Any]]) -> None:
        try:
            handed = asyncio.wrap_future(self.host.submit(request))
        except Exception:
            log.exception("Host.submit failed")
            answer.set_exception(RoomError(503, "busy"))
            return
        self.in_flight += 1

        def arrived(done: asyncio.Future[dict[str, Any]]) -> None:
            self.in_flight -= 1
            if answer.done():
                _read_quietly(done)
            elif done.cancelled():
                answer.set_exception(RoomError(503, "busy"))
            elif (error := done.exception()) is not None:
                answer.set_exception(error)
            else:
                answer.set_result(done.result())
            self._next()

        handed.add_done_callback(arrived)

    def _next(self) -> None:
        """The requests waiting here go to the desktop as places come up."""
        while self.queue and self.in_flight < self.limits.max_in_flight:
            request, answer, timer = self.queue.popleft()
            timer.cancel()
            if not answer.done():
                self._hand_over(request, answer)

    def _give_up(self, answer: asyncio.Future[dict[str, Any]], code: str = "busy") -> None:
        """A request that waited here too long (or when the room closes) never reaches the
        desktop."""
        for entry in [e for e in self.queue if e[1] is answer]:
            self.queue.remove(entry)
            entry[2].cancel()
        if not answer.done():
            answer.set_exception(RoomError(503, code))

    async def answer(self, answer: asyncio.Future[dict[str, Any]]) -> dict[str, Any]:
        """The desktop's answer: a Refusal passes its status and reason to the phone; no answer
        in time is 503 busy (the request may still be carried out: a retry with the same
        client id waits for that same answer)."""
        try:
            return await asyncio.wait_for(asyncio.shield(answer), self.limits.host_timeout)
        except TimeoutError:
            raise RoomError(503, "busy") from None
        except Refusal as refusal:
            raise RoomError(refusal.status, refusal.reason) from None


def _parameters(function: Any) -> Any:
    try:
        return inspect.signature(function).parameters
    except (TypeError, ValueError):
        return {}


def _read_quietly(done: asyncio.Future[Any]) -> None:
    """Mark a future's error as seen (asyncio logs one nobody read)."""
    if not done.cancelled():
        done.exception()
