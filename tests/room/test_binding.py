"""Who a phone is: a participant a phone joined as stays bound to that phone for the run,
facilitators are not on the join screen, a removed or refused participant or name waits for
approval when asked for again, and the desktop's late calls and reports find nothing stale."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from cocreate.room.host import Device, Request
from cocreate.room.room import Room
from cocreate.room.server import RoomServer
from tests.room.fake_host import FakeHost


async def lobby_people(client, room) -> list[dict[str, Any]]:
    response = await client.get("/api/lobby", headers={"X-Cocreate-Token": room.token})
    assert response.status == 200
    return (await response.json())["participants"]


# -- bound to one phone ----------------------------------------------------------------------


async def test_a_phone_cannot_become_someone_bound_to_another_phone(phone, fake_host, clock):
    alice, bob = phone(), phone()
    await alice.join(participant_id=1)
    await bob.join(participant_id=2)
    clock.advance(300)  # Bob's phone has been quiet for five minutes
    response = await alice.join(participant_id=2)
    assert (response.status, await response.json()) == (409, {"error": "name_taken"})
    assert (await alice.state())["you"]["participant"]["name"] == "Alice"
    assert (await bob.state())["you"]["participant"]["name"] == "Bob"
    assert sorted(d.participant_id for d in fake_host.devices) == [1, 2]


async def test_the_lobby_says_taken_for_as_long_as_the_phone_is_bound(
    phone, client, room, clock, fake_host
):
    await phone().join(participant_id=2)
    clock.advance(600)
    assert [(p["name"], p["taken"]) for p in await lobby_people(client, room)] == [
        ("Alice", False),
        ("Bob", True),
    ]
    room.remove(fake_host.devices[0].device_id)
    assert [p["taken"] for p in await lobby_people(client, room)] == [False, False]


async def test_a_facilitator_is_not_on_the_join_screen_and_no_phone_joins_as_them(
    phone, client, room, fake_host
):
    fake_host.participants.append(
        {"id": 3, "name": "Fran", "color": "#a5d8ff", "role": "facilitator"}
    )
    fake_host.participants[0]["role"] = "participant"  # Bob has no role: a participant
    fake_host.publish_now()
    assert [p["name"] for p in await lobby_people(client, room)] == ["Alice", "Bob"]
    response = await phone().join(participant_id=3)
    assert (response.status, await response.json()) == (403, {"error": "not_allowed"})
    assert [r.kind for r in fake_host.requests] == []
    response = await phone().join(name=" fran ")
    assert (response.status, await response.json()) == (409, {"error": "name_taken"})
    assert fake_host.devices == []


# -- held after Remove Phone or Refuse -------------------------------------------------------


async def test_a_removed_participant_asking_again_waits_for_approval(phone, room, fake_host):
    assert room.approve_newcomers is False
    alice = phone()
    await alice.join(participant_id=1)
    room.remove(fake_host.devices[0].device_id)
    again = phone()
    response = await again.join(participant_id=1)
    assert (response.status, await response.json()) == (202, {"status": "waiting"})
    [device] = fake_host.devices
    assert (device.waiting, device.name, device.asks_for) == (True, "Alice", 1)
    assert (await again.state())["you"] == {"status": "waiting", "participant": None}
    assert [r.kind for r in fake_host.requests] == ["join_as"]  # only the first one's
    room.approve(device.device_id, {"id": 1, "name": "Alice", "color": "#ffe066"})
    assert (await again.state())["you"]["participant"]["name"] == "Alice"
    assert fake_host.devices[0].asks_for is None
    # Once approved, the phone joining as her again (a reload) stays in.
    assert (await again.join(participant_id=1)).status == 200


async def test_a_refused_name_asking_again_waits_whatever_approval_says(phone, room, fake_host):
    room.set_approve_newcomers(True)
    await phone().join(name="Ghost")
    room.refuse(fake_host.devices[0].device_id)
    room.set_approve_newcomers(False)
    response = await phone().join(name=" GHOST ")
    assert response.status == 202
    assert [(d.name, d.waiting, d.asks_for) for d in fake_host.devices] == [("GHOST", True, None)]
    assert [r.kind for r in fake_host.requests] == []
    assert (await phone().join(name="Casper")).status == 200  # another name joins at once


async def test_only_one_phone_waits_for_a_held_participant(phone, room, fake_host):
    await phone().join(participant_id=2)
    room.remove(fake_host.devices[0].device_id)
    first = phone()
    assert (await first.join(participant_id=2)).status == 202
    assert (await first.join(participant_id=2)).status == 202  # asking again keeps its place
    response = await phone().join(participant_id=2)
    assert (response.status, await response.json()) == (409, {"error": "name_taken"})
    assert len(fake_host.devices) == 1


# -- the desktop's late calls ----------------------------------------------------------------


async def test_approving_a_phone_no_longer_waiting_does_nothing(phone, room, fake_host):
    room.set_approve_newcomers(True)
    chen, dana = phone(), phone()
    await chen.join(name="Chen")
    await dana.join(name="Dana")
    chen_id, dana_id = (d.device_id for d in fake_host.devices)
    room.refuse(chen_id)
    room.approve(chen_id, {"id": 7, "name": "Chen", "color": "#fff"})
    assert (await chen.get("/api/state")).status == 401
    room.approve(dana_id, {"id": 8, "name": "Dana", "color": "#fff"})
    room.approve(dana_id, {"id": 9, "name": "Someone else", "color": "#000"})
    room.refuse(dana_id)  # too late: she is in
    assert (await dana.state())["you"]["participant"] == {
        "id": 8,
        "name": "Dana",
        "color": "#fff",
    }
    assert [(d.participant_id, d.waiting) for d in fake_host.devices] == [(8, False)]


async def test_a_phone_is_not_approved_as_someone_bound_to_another(phone, room, fake_host):
    room.set_approve_newcomers(True)
    await phone().join(participant_id=1)
    newcomer = phone()
    await newcomer.join(name="Chen")
    waiting = next(d for d in fake_host.devices if d.waiting)
    room.approve(waiting.device_id, {"id": 1, "name": "Alice", "color": "#ffe066"})
    assert (await newcomer.state())["you"]["status"] == "waiting"


class OldHost(FakeHost):
    """A desktop that does not take the run yet."""

    def devices_changed(self, devices: list[Device]) -> None:  # type: ignore[override]
        self.devices = list(devices)


async def test_a_desktop_without_the_run_still_hears_of_the_phones(page_dir, aiohttp_client):
    from aiohttp import DummyCookieJar

    from cocreate.room.routes import make_app
    from tests.room.phones import Phone

    host = OldHost()
    room = Room(host, page_dir)
    host.publish = room.publish
    host.publish_now()
    client = await aiohttp_client(make_app(room), cookie_jar=DummyCookieJar())
    room.address, room.port = "127.0.0.1", client.server.port
    assert (await Phone(client, room).join(participant_id=1)).status == 200
    assert [d.participant_id for d in host.devices] == [1]


@pytest.mark.xdist_group("room_ports")  # with test_server's: they share ports 8765 and up
async def test_each_start_reports_its_phones_with_its_own_run(fake_host, page_dir):
    server = RoomServer(fake_host, page_dir)
    fake_host.publish = server.publish
    try:
        for run in (1, 2):
            server.start("127.0.0.1")
            assert server.run == run
            base = f"http://127.0.0.1:{server.port}"
            token = server.join_url.rsplit("/", 1)[1]
            async with aiohttp.ClientSession() as session:
                joined = await session.post(
                    f"{base}/api/join",
                    json={"token": token, "participant_id": run},
                    headers={"X-Cocreate": "1", "Origin": base},
                )
                assert joined.status == 200
            assert fake_host.runs[-1] == run
            server.stop()
    finally:
        server.stop()
    assert set(fake_host.runs) == {1, 2}
    assert fake_host.requests == [
        Request("join_as", {"participant_id": 1}),
        Request("join_as", {"participant_id": 2}),
    ]
