"""The phone's event stream (server-sent events): `event: room` at once and on every change,
a comment every so often so that nothing between closes a quiet stream, and `event: removed`
before the stream ends when the phone is removed or inviting stops."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web

from cocreate.room.devices import DeviceRecord
from cocreate.room.room import Room, Stream
from cocreate.room.view import room_event

RECONNECT_MS = 2000
GONE_CHECK = 1.0  # seconds between looks at whether the phone is still there


def sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


async def serve_events(
    room: Room, record: DeviceRecord, request: web.Request
) -> web.StreamResponse:
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"}
    )
    response.force_close()  # the connection ends with the stream
    await response.prepare(request)
    stream = room.open_stream(record)
    try:
        await _send(room, response, f"retry: {RECONNECT_MS}\n\n".encode())
        await _send(room, response, _room(room, record))
        await _follow(room, record, stream, request, response)
    except (ConnectionError, TimeoutError, asyncio.CancelledError):
        pass
    finally:
        room.close_stream(stream)
    return response


async def _follow(
    room: Room,
    record: DeviceRecord,
    stream: Stream,
    request: web.Request,
    response: web.StreamResponse,
) -> None:
    """Send what changes until the phone is removed, the room closes, a newer stream of the
    phone replaces this one, or the phone goes (seen within a second, so the desktop's count
    of connected phones stays true)."""
    loop = asyncio.get_running_loop()
    last_write = loop.time()
    while True:
        try:
            await asyncio.wait_for(stream.wake.wait(), min(GONE_CHECK, room.limits.ping_interval))
        except TimeoutError:
            if request.transport is None or request.transport.is_closing():
                return
            if loop.time() - last_write >= room.limits.ping_interval:
                await _send(room, response, b": ping\n\n")
                last_write = loop.time()
            continue
        stream.wake.clear()
        if stream.ended:
            return
        if not room.is_live(record):
            await _send(room, response, sse("removed", {}))
            return
        await _send(room, response, _room(room, record))
        last_write = loop.time()


def _room(room: Room, record: DeviceRecord) -> bytes:
    data = room_event(room.snapshot, status=record.status, paused=room.paused, version=room.version)
    return sse("room", data)


async def _send(room: Room, response: web.StreamResponse, data: bytes) -> None:
    """Write within the time limit: a phone that reads nothing does not hold the room."""
    await asyncio.wait_for(response.write(data), room.limits.write_timeout)
