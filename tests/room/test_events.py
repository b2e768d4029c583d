"""The phone's event stream: what the page hears at once, on every change, and when it is
removed; the devices the desktop sees connect and disconnect."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Any

from aiohttp import ClientResponse

from cocreate.room.room import Room


async def next_event(response: ClientResponse, timeout: float = 5) -> tuple[str, Any]:
    """The next event (name, data) or comment ("comment", text) on the stream; ("eof", None)
    when it ends."""
    name, data = "message", None
    while True:
        line = await asyncio.wait_for(response.content.readline(), timeout)
        if not line:
            return "eof", None
        text = line.decode().rstrip("\n")
        if text.startswith(":"):
            return "comment", text[1:].strip()
        if text.startswith("event: "):
            name = text[7:]
        elif text.startswith("data: "):
            data = json.loads(text[6:])
        elif text == "" and data is not None:
            return name, data


async def room_event(response: ClientResponse) -> dict[str, Any]:
    name, data = await next_event(response)
    assert name == "room", (name, data)
    return data


async def test_the_stream_says_where_the_room_is_at_once(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    async with alice.client.get("/api/events", headers=alice.headers()) as events:
        assert events.status == 200
        assert events.content_type == "text/event-stream"
        data = await room_event(events)
    assert data == {
        "version": data["version"],
        "paused": False,
        "private_mode": False,
        "reveal_policy": "facilitator",
        "voting": None,
        "timer": {"state": "idle", "remaining": 0},
        "status": "active",
    }


async def test_every_change_reaches_the_stream(phone, fake_host, room):
    alice = phone()
    await alice.join(participant_id=1)
    async with alice.client.get("/api/events", headers=alice.headers()) as events:
        first = await room_event(events)
        fake_host.start_round(budget=4)
        voting = await room_event(events)
        assert voting["voting"] == {"round": 1, "budget": 4}
        assert voting["version"] > first["version"]
        room.set_paused(True)
        assert (await room_event(events))["paused"] is True
        fake_host.private_mode = True
        fake_host.timer = {"state": "running", "remaining": 90}
        fake_host.publish_now()
        data = await room_event(events)
        assert data["private_mode"] is True
        assert data["timer"] == {"state": "running", "remaining": 90}


async def test_a_waiting_phone_hears_it_is_approved(phone, room, fake_host):
    room.set_approve_newcomers(True)
    chen = phone()
    await chen.join(name="Chen")
    async with chen.client.get("/api/events", headers=chen.headers()) as events:
        assert (await room_event(events))["status"] == "waiting"
        room.approve(fake_host.devices[0].device_id, {"id": 9, "name": "Chen", "color": "#fff"})
        assert (await room_event(events))["status"] == "active"


async def test_a_removed_phone_hears_removed_and_the_stream_ends(phone, room, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    async with alice.client.get("/api/events", headers=alice.headers()) as events:
        await room_event(events)
        room.remove(fake_host.devices[0].device_id)
        assert await next_event(events) == ("removed", {})
        assert await next_event(events) == ("eof", None)


async def test_stopping_ends_every_stream(phone, room):
    alice, bob = phone(), phone()
    await alice.join(participant_id=1)
    await bob.join(participant_id=2)
    async with (
        alice.client.get("/api/events", headers=alice.headers()) as a,
        bob.client.get("/api/events", headers=bob.headers()) as b,
    ):
        await room_event(a)
        await room_event(b)
        room.close()
        for events in (a, b):
            assert await next_event(events) == ("removed", {})
            assert await next_event(events) == ("eof", None)
    assert (await alice.get("/api/state")).status == 401


async def test_a_quiet_stream_gets_a_ping(phone, room):
    room.limits = dataclasses.replace(room.limits, ping_interval=0.05)
    alice = phone()
    await alice.join(participant_id=1)
    async with alice.client.get("/api/events", headers=alice.headers()) as events:
        await room_event(events)
        assert await next_event(events) == ("comment", "ping")


def test_the_ping_comes_every_15_seconds():
    from cocreate.room.limits import Limits

    assert Limits().ping_interval == 15


async def test_the_desktop_sees_phones_connect_and_go(phone, fake_host, room: Room):
    alice = phone()
    await alice.join(participant_id=1)
    assert [d.connected for d in fake_host.devices] == [False]
    async with alice.client.get("/api/events", headers=alice.headers()) as events:
        await room_event(events)
        assert [d.connected for d in fake_host.devices] == [True]
        room.set_paused(True)
        await room_event(events)
    # the phone has gone: the room sees it within a second, with nothing to send
    for _ in range(150):
        if not fake_host.devices[0].connected:
            break
        await asyncio.sleep(0.02)
    assert [d.connected for d in fake_host.devices] == [False]


async def test_a_third_stream_of_one_phone_ends_its_oldest(phone, room):
    alice = phone()
    await alice.join(participant_id=1)
    headers = alice.headers()
    async with (
        alice.client.get("/api/events", headers=headers) as first,
        alice.client.get("/api/events", headers=headers) as second,
    ):
        await room_event(first)
        await room_event(second)
        async with alice.client.get("/api/events", headers=headers) as third:
            await room_event(third)
            assert await next_event(first) == ("eof", None)
            assert len(room.streams) == 2


async def test_the_stream_needs_a_device(client):
    response = await client.get("/api/events")
    assert response.status == 401
