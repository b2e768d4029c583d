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
        await _follow(room, record, stream, response)
    except (ConnectionError, TimeoutError, asyncio.CancelledError):
        pass
    finally:
        room.close_stream(stream)
    return response


async def _follow(
    room: Room, record: DeviceRecord, stream: Stream, response: web.StreamResponse
) -> None:
    while True:
        try:
            await asyncio.wait_for(stream.wake.wait(), room.limits.ping_interval)
        except TimeoutError:
            await _send(room, response, b": ping\n\n")
            continue
        stream.wake.clear()
        if stream.ended:
            return
        if not room.is_live(record):
            await _send(room, response, sse("removed", {}))
            return
        await _send(room, response, _room(room, record))


def _room(room: Room, record: DeviceRecord) -> bytes:
    data = room_event(room.snapshot, status=record.status, paused=room.paused, version=room.version)
    return sse("room", data)


async def _send(room: Room, response: web.StreamResponse, data: bytes) -> None:
    """Write within the time limit: a phone that reads nothing does not hold the room."""
    await asyncio.wait_for(response.write(data), room.limits.write_timeout)
