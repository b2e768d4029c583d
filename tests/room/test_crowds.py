"""A crowd of phones, or one script pretending to be many: the room-wide limits on new names
and on phones waiting for approval, waiting phones that went away, and the requests the
desktop has yet to answer."""

from __future__ import annotations

import asyncio
import dataclasses

from cocreate.room.limits import Limits


def test_the_room_wide_limits():
    limits = Limits()
    assert (limits.new_names_per_minute, limits.max_waiting, limits.waiting_timeout) == (
        20,
        30,
        120.0,
    )
    assert (limits.in_flight_per_device, limits.max_in_flight, limits.max_devices) == (2, 64, 200)


def widen_address_limit(room) -> None:
    """The test's phones all come from 127.0.0.1: lift the per-address limit out of the way."""
    room.joins.limit = 1000


async def test_at_most_20_new_names_a_minute_join_the_room(phone, room, clock, fake_host):
    widen_address_limit(room)
    for n in range(20):
        assert (await phone().join(name=f"Bot {n}")).status == 200
    response = await phone().join(name="Bot 20")
    assert (response.status, await response.json()) == (429, {"error": "too_many"})
    assert response.headers["Retry-After"] == "60"
    assert len(fake_host.participants) == 22  # Alice, Bob and 20 bots
    assert (await phone().join(participant_id=1)).status == 200  # a known name still joins
    clock.advance(60)
    assert (await phone().join(name="Bot 20")).status == 200


async def test_names_waiting_for_approval_count_as_new_names(phone, room, clock):
    widen_address_limit(room)
    room.set_approve_newcomers(True)
    for n in range(20):
        assert (await phone().join(name=f"Bot {n}")).status == 202
    assert (await phone().join(name="Bot 20")).status == 429


async def test_at_most_30_phones_wait_for_approval(phone, room, clock, fake_host):
    widen_address_limit(room)
    room.set_approve_newcomers(True)
    for n in range(30):
        if n == 20:
            clock.advance(60)
        assert (await phone().join(name=f"Bot {n}")).status == 202
    response = await phone().join(name="Bot 30")
    assert (response.status, await response.json()) == (503, {"error": "room_full"})
    assert len(fake_host.devices) == 30
    room.refuse(fake_host.devices[0].device_id)
    assert (await phone().join(name="Bot 30")).status == 202


async def test_a_waiting_phone_without_a_stream_for_two_minutes_is_dropped(
    phone, room, clock, fake_host, client
):
    room.set_approve_newcomers(True)
    gone, staying = phone(), phone()
    await gone.join(name="Gone")
    await staying.join(name="Staying")
    async with staying.client.get("/api/events", headers=staying.headers()) as events:
        await events.content.readuntil(b"\n\n")  # retry
        await events.content.readuntil(b"\n\n")  # the room
        clock.advance(119)
        await client.get("/api/lobby", headers={"X-Cocreate-Token": room.token})
        assert len(fake_host.devices) == 2
        clock.advance(1)
        await client.get("/api/lobby", headers={"X-Cocreate-Token": room.token})
        assert [d.name for d in fake_host.devices] == ["Staying"]
    assert (await gone.get("/api/state")).status == 401
    assert (await phone().join(name="Gone")).status == 202  # the name is free to ask again


async def test_the_room_drops_waiting_phones_by_itself(phone, room, clock, fake_host):
    room.set_approve_newcomers(True)
    await phone().join(name="Gone")
    clock.advance(120)
    room.drop_stale_waiting()  # what the room's sweep does every few seconds
    assert fake_host.devices == []


# -- requests the desktop has yet to answer ---------------------------------------------------


async def until(condition) -> None:
    while not condition():
        await asyncio.sleep(0.01)


async def test_a_phone_has_at_most_two_requests_waiting_for_the_desktop(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    fake_host.hold = True
    first = asyncio.ensure_future(alice.note(client_id="1"))
    second = asyncio.ensure_future(alice.note(client_id="2"))
    await until(lambda: len(fake_host.pending) == 2)
    third = await alice.note(client_id="3")
    assert (third.status, await third.json()) == (429, {"error": "too_many"})
    assert third.headers["Retry-After"] == "1"
    fake_host.release()
    assert [(await first).status, (await second).status] == [201, 201]
    fake_host.hold = False
    assert (await alice.note(client_id="3")).status == 201
    assert len(fake_host.notes) == 3


async def test_past_the_rooms_limit_requests_wait_their_turn_for_the_desktop(
    phone, fake_host, room
):
    room.limits = dataclasses.replace(room.limits, max_in_flight=2)
    alice, bob, carol = phone(), phone(), phone()
    await alice.join(participant_id=1)
    await bob.join(participant_id=2)
    await carol.join(name="Carol")
    fake_host.hold = True
    first = [asyncio.ensure_future(p.note(client_id="a")) for p in (alice, bob)]
    await until(lambda: len(fake_host.pending) == 2)
    carols = asyncio.ensure_future(carol.note(client_id="c"))
    await until(lambda: len(room.queue) == 1)
    assert len(fake_host.pending) == 2  # the desktop has no more than two at once
    fake_host.hold = False
    fake_host.release()
    assert [(await w).status for w in (*first, carols)] == [201, 201, 201]
    assert [n["text"] for n in fake_host.notes] == ["Queue too long"] * 3
    assert (room.in_flight, len(room.queue)) == (0, 0)


async def test_a_request_that_finds_no_place_in_time_is_busy(phone, fake_host, room):
    room.limits = dataclasses.replace(room.limits, max_in_flight=1, host_timeout=0.1)
    alice, bob = phone(), phone()
    await alice.join(participant_id=1)
    await bob.join(participant_id=2)
    fake_host.hold = True
    waiting = asyncio.ensure_future(alice.note(client_id="a"))
    await until(lambda: len(fake_host.pending) == 1)
    response = await bob.post("/api/votes", {"touchpoint_id": 20})
    assert (response.status, await response.json()) == (503, {"error": "busy"})
    assert [r.kind for r in fake_host.requests].count("vote") == 0  # it never went over
    assert len(room.queue) == 0
    fake_host.hold = False
    fake_host.release()
    assert (await waiting).status == 503  # alice's own wait ran out too; her retry is one note
    assert (await alice.note(client_id="a")).status == 201
    assert len(fake_host.notes) == 1
