"""The room's server: the aiohttp app of routes.py on a worker thread with its own asyncio
loop, listening on one chosen address only, from the moment the facilitator invites until
inviting stops.

Every method is thread-safe: the GUI thread calls them, and they run on the loop (a call from
the loop's own thread, e.g. inside Host.devices_changed, runs at once)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import errno
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import web

from cocreate.room.host import Host, Snapshot
from cocreate.room.limits import Limits
from cocreate.room.network import is_listenable
from cocreate.room.room import Room
from cocreate.room.routes import make_app
from cocreate.room.security import new_token

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
PORTS_TRIED = 20  # with no port asked for: 8765 and the next 19
CALL_TIMEOUT = 5.0  # seconds a call from the GUI thread waits for the loop
STOP_GRACE = 1.0  # seconds streams get to say `removed` and requests to finish

T = TypeVar("T")


class RoomStartError(Exception):
    """The room could not start. str(error) is a plain English message; `reason` is
    "port_taken", "address_not_local" or "bind_failed"."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class RoomServer:
    def __init__(self, host: Host, page_dir: Path, *, limits: Limits | None = None) -> None:
        self._host = host
        self._page_dir = Path(page_dir)
        self._limits = limits or Limits()
        self._lock = threading.Lock()
        self._room: Room | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        # What the desktop set before (or between) runs carries over into the next run.
        self._snapshot = Snapshot()
        self._paused = False
        self._approve_newcomers = False
        self._runs = 0  # the starts so far: each run's reports of phones carry its number

    # -- state -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._room is not None

    @property
    def address(self) -> str:
        return self._room.address if self._room else ""

    @property
    def port(self) -> int:
        return self._room.port if self._room else 0

    @property
    def join_url(self) -> str:
        return self._room.join_url if self._room else ""

    @property
    def run(self) -> int:
        """Which start this is (0 before the first): Host.devices_changed's `run`."""
        return self._runs

    # -- start and stop ----------------------------------------------------------------------

    def start(self, address: str, port: int | None = None) -> str:
        """Listen on (address, port) only; returns the join URL with a new token. With no port,
        8765 or the next free one. Raises RoomStartError."""
        with self._lock:
            if self._room is not None:
                raise RoomStartError("bind_failed", "The room is already open.")
            if not is_listenable(address):
                raise RoomStartError(
                    "address_not_local", f"{address} is not an IPv4 address of this computer."
                )
            started: concurrent.futures.Future[None] = concurrent.futures.Future()
            loop = asyncio.new_event_loop()
            thread = threading.Thread(
                target=self._run, args=(loop, address, port, started), name="cocreate-room"
            )
            thread.daemon = True
            thread.start()
            try:
                started.result()
            except BaseException:
                thread.join()
                raise
            self._loop, self._thread = loop, thread
            assert self._room is not None
            return self._room.join_url

    def stop(self) -> None:
        """Every phone's access ends at once: streams say `removed`, connections close, the
        port is free and the thread has ended when this returns. Safe to call twice."""
        with self._lock:
            loop, thread, room = self._loop, self._thread, self._room
            if loop is None or thread is None or room is None:
                return
            if threading.current_thread() is thread:
                raise RuntimeError("RoomServer.stop() must not be called on the room's thread")
            future = asyncio.run_coroutine_threadsafe(self._shut(room), loop)
            try:
                future.result(timeout=STOP_GRACE + 10)
            except Exception:
                log.exception("The room did not stop cleanly")
            loop.call_soon_threadsafe(loop.stop)
            thread.join()
            self._room = self._loop = self._thread = self._runner = None

    def _run(
        self,
        loop: asyncio.AbstractEventLoop,
        address: str,
        port: int | None,
        started: concurrent.futures.Future[None],
    ) -> None:
        asyncio.set_event_loop(loop)
        try:
            try:
                loop.run_until_complete(self._open(address, port))
            except BaseException as exc:
                started.set_exception(exc)
                return
            started.set_result(None)
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _open(self, address: str, port: int | None) -> None:
        self._runs += 1
        room = Room(
            self._host, self._page_dir, address=address, limits=self._limits, run=self._runs
        )
        room.snapshot = self._snapshot
        room.paused = self._paused
        room.approve_newcomers = self._approve_newcomers
        runner = web.AppRunner(
            make_app(room),
            access_log=None,
            keepalive_timeout=self._limits.keepalive_timeout,
            shutdown_timeout=STOP_GRACE,
        )
        await runner.setup()
        ports = [port] if port is not None else range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED)
        for candidate in ports:
            try:
                await web.TCPSite(runner, address, candidate).start()
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE and port is None:
                    continue
                await runner.cleanup()
                raise _start_error(exc, address, candidate) from exc
            room.port = candidate
            self._room, self._runner = room, runner
            return
        await runner.cleanup()
        last = DEFAULT_PORT + PORTS_TRIED - 1
        raise RoomStartError(
            "port_taken", f"Ports {DEFAULT_PORT} to {last} on {address} are all in use."
        )

    async def _shut(self, room: Room) -> None:
        room.close()
        deadline = asyncio.get_running_loop().time() + STOP_GRACE
        while room.streams and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.01)
        if self._runner is not None:
            await self._runner.cleanup()

    # -- what the desktop says ---------------------------------------------------------------

    def new_link(self) -> str:
        """A new token: the old link stops working (phones that joined stay in)."""
        token = new_token()
        self._call(lambda room: setattr(room, "token", token))
        return self.join_url

    def publish(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._call(lambda room: room.publish(snapshot), wait=False)

    def set_paused(self, on: bool) -> None:
        self._paused = on
        self._call(lambda room: room.set_paused(on))

    def set_approve_newcomers(self, on: bool) -> None:
        self._approve_newcomers = on
        self._call(lambda room: room.set_approve_newcomers(on))

    def approve(self, device_id: str, participant: dict[str, Any]) -> None:
        self._call(lambda room: room.approve(device_id, dict(participant)))

    def refuse(self, device_id: str) -> None:
        self._call(lambda room: room.refuse(device_id))

    def remove(self, device_id: str) -> None:
        self._call(lambda room: room.remove(device_id))

    def _call(self, action: Callable[[Room], T], wait: bool = True) -> None:
        """Run `action` on the loop (at once when already there); wait for it unless told not
        to. Does nothing while the room is closed."""
        room, loop, thread = self._room, self._loop, self._thread
        if room is None or loop is None or thread is None:
            return
        if threading.current_thread() is thread:
            action(room)
            return
        future = asyncio.run_coroutine_threadsafe(_run_action(action, room), loop)
        if wait:
            try:
                future.result(timeout=CALL_TIMEOUT)
            except Exception:
                log.exception("A call into the room failed")


async def _run_action(action: Callable[[Room], Any], room: Room) -> None:
    action(room)


def _start_error(exc: OSError, address: str, port: int) -> RoomStartError:
    if exc.errno == errno.EADDRINUSE:
        return RoomStartError(
            "port_taken", f"Port {port} on {address} is in use by another program."
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return RoomStartError("address_not_local", f"{address} is not an address of this computer.")
    return RoomStartError("bind_failed", f"Cannot listen on {address}:{port}: {exc.strerror}.")
