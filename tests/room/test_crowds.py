"""A crowd of phones, or one script pretending to be many: the requests the desktop has yet
to answer."""

from __future__ import annotations

import asyncio
import dataclasses

from cocreate.room.limits import Limits


def test_the_limits_on_requests_the_desktop_has_yet_to_answer():
    limits = Limits()
    assert (limits.in_flight_per_device, limits.max_in_flight) == (2, 64)


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


async def test_past_the_rooms_limit_of_unanswered_requests_the_room_is_busy(phone, fake_host, room):
    room.limits = dataclasses.replace(room.limits, max_in_flight=2)
    alice, bob, carol = phone(), phone(), phone()
    await alice.join(participant_id=1)
    await bob.join(participant_id=2)
    await carol.join(name="Carol")
    fake_host.hold = True
    waiting = [asyncio.ensure_future(p.note(client_id="a")) for p in (alice, bob)]
    await until(lambda: len(fake_host.pending) == 2)
    response = await carol.post("/api/votes", {"touchpoint_id": 20})
    assert (response.status, await response.json()) == (503, {"error": "busy"})
    assert len(fake_host.pending) == 2
    fake_host.release()
    assert [(await w).status for w in waiting] == [201, 201]
    fake_host.hold = False
    assert (await carol.note(client_id="c")).status == 201
    assert room.in_flight == 0
