"""RoomServer on a real socket: its own thread and loop, one address only, start and stop,
the port rules, and stop ending every phone's access at once."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import socket
import threading

import aiohttp
import pytest

from cocreate.room.limits import Limits
from cocreate.room.security import COOKIE
from cocreate.room.server import DEFAULT_PORT, RoomServer, RoomStartError

pytestmark = pytest.mark.xdist_group("room_ports")  # they share ports 8765 and up


@pytest.fixture
def server(fake_host, page_dir):
    server = RoomServer(fake_host, page_dir)
    fake_host.publish = server.publish
    yield server
    server.stop()


def room_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "cocreate-room"]


async def join(session: aiohttp.ClientSession, server: RoomServer, participant_id: int = 1):
    origin = f"http://{server.address}:{server.port}"
    token = server.join_url.rsplit("/", 1)[1]
    response = await session.post(
        f"{origin}/api/join",
        json={"token": token, "participant_id": participant_id},
        headers={"X-Cocreate": "1", "Origin": origin},
    )
    assert response.status == 200, await response.text()
    return {"Cookie": f"{COOKIE}={response.cookies[COOKIE].value}"}


async def test_start_serves_the_page_on_the_address_only(server):
    before = set(_tcp_listeners())  # (what an earlier test of this worker may still hold)
    url = server.start("127.0.0.1")
    assert server.running
    assert url == f"http://127.0.0.1:{server.port}/j/{url.rsplit('/', 1)[1]}"
    assert server.join_url == url
    assert DEFAULT_PORT <= server.port < DEFAULT_PORT + 20
    async with aiohttp.ClientSession() as session, session.get(url) as page:
        assert page.status == 200
        assert "/static/app.js" in await page.text()
    listening = [c for c in _tcp_listeners() if c[1] == server.port and c not in before]
    assert listening == [("127.0.0.1", server.port)]


def _tcp_listeners() -> list[tuple[str, int]]:
    """The listening IPv4 sockets of this process (/proc/net/tcp, state 0A, by the inodes of
    the process's own sockets): other test workers may listen on the machine's own address,
    on the same port, at the same time (a room invited without --address)."""
    own = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            own.add(target[len("socket:[") : -1])
    found = []
    with open("/proc/net/tcp") as table:
        for line in list(table)[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in own:
                address, port = local.split(":")
                octets = [str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0)]
                found.append((".".join(octets), int(port, 16)))
    return found


async def test_stop_ends_everything_and_is_safe_twice(server):
    server.start("127.0.0.1")
    port = server.port
    assert len(room_threads()) == 1
    server.stop()
    server.stop()
    assert not server.running and server.join_url == ""
    assert room_threads() == []
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


async def test_each_start_has_a_new_token_and_forgets_the_phones(server):
    first = server.start("127.0.0.1")
    async with aiohttp.ClientSession() as session:
        cookie = await join(session, server)
        server.stop()
        second = server.start("127.0.0.1")
        assert second != first
        state = await session.get(f"http://127.0.0.1:{server.port}/api/state", headers=cookie)
        assert state.status == 401
        old = await session.get(first.replace(f":{_port(first)}", f":{server.port}"))
        assert old.status == 403


def _port(url: str) -> int:
    return int(url.split(":")[2].split("/")[0])


async def test_new_link_shuts_out_the_old_one(server):
    old = server.start("127.0.0.1")
    new = server.new_link()
    assert new != old and server.join_url == new
    async with aiohttp.ClientSession() as session:
        assert (await session.get(old)).status == 403
        assert (await session.get(new)).status == 200


async def test_no_port_takes_the_next_free_one(fake_host, page_dir, server):
    server.start("127.0.0.1")
    other = RoomServer(fake_host, page_dir)
    try:
        other.start("127.0.0.1")
        assert other.port != server.port
        assert DEFAULT_PORT <= other.port < DEFAULT_PORT + 20
    finally:
        other.stop()


def test_an_explicit_port_that_is_taken_is_an_error(server):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(RoomStartError) as error:
            server.start("127.0.0.1", port)
    assert error.value.reason == "port_taken"
    assert str(port) in str(error.value)
    assert not server.running and room_threads() == []


def test_an_explicit_free_port_is_used(server):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert server.start("127.0.0.1", port).startswith(f"http://127.0.0.1:{port}/j/")


@pytest.mark.parametrize("address", ["0.0.0.0", "localhost", "::1", "192.0.2.77"])
def test_only_a_local_ipv4_address_is_bound(server, address):
    with pytest.raises(RoomStartError) as error:
        server.start(address)
    assert error.value.reason == "address_not_local"
    assert not server.running


async def test_stop_ends_the_event_stream(server):
    server.start("127.0.0.1")
    async with aiohttp.ClientSession() as session:
        cookie = await join(session, server)
        url = f"http://127.0.0.1:{server.port}/api/events"
        async with session.get(url, headers=cookie) as events:
            while b"event: room" not in await events.content.readline():
                pass
            await asyncio.to_thread(server.stop)
            rest = await asyncio.wait_for(events.content.read(), 5)
    assert b"event: removed" in rest


async def test_the_desktops_calls_reach_the_phones(server, fake_host):
    server.start("127.0.0.1")
    base = f"http://127.0.0.1:{server.port}"
    async with aiohttp.ClientSession() as session:
        cookie = await join(session, server)
        fake_host.start_round(budget=5)  # the fake publishes through server.publish
        server.set_paused(True)
        state = await (await session.get(f"{base}/api/state", headers=cookie)).json()
        assert state["paused"] is True
        assert state["voting"]["budget"] == 5
        [device] = fake_host.devices
        server.remove(device.device_id)
        assert (await session.get(f"{base}/api/state", headers=cookie)).status == 401


async def test_a_newcomer_is_approved_from_the_desktop(server, fake_host):
    server.set_approve_newcomers(True)  # set before starting: it holds once started
    server.start("127.0.0.1")
    base = f"http://127.0.0.1:{server.port}"
    token = server.join_url.rsplit("/", 1)[1]
    headers = {"X-Cocreate": "1", "Origin": base}
    async with aiohttp.ClientSession() as session:
        joined = await session.post(
            f"{base}/api/join", json={"token": token, "name": "Chen"}, headers=headers
        )
        assert joined.status == 202
        cookie = {"Cookie": f"{COOKIE}={joined.cookies[COOKIE].value}"}
        [device] = fake_host.devices
        server.approve(device.device_id, {"id": 5, "name": "Chen", "color": "#fff"})
        state = await (await session.get(f"{base}/api/state", headers=cookie)).json()
        assert state["you"]["status"] == "active"


async def test_the_desktop_sees_a_phone_go_within_a_second_or_two(server, fake_host):
    server.start("127.0.0.1")
    async with aiohttp.ClientSession() as session:
        cookie = await join(session, server)
        url = f"http://127.0.0.1:{server.port}/api/events"
        async with session.get(url, headers=cookie) as events:
            await events.content.readline()
            await _until(lambda: fake_host.devices[0].connected)
    await _until(lambda: not fake_host.devices[0].connected)


async def _until(condition, seconds: float = 5) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("not in time")


@pytest.mark.slow
async def test_a_silent_connection_is_closed(fake_host, page_dir):
    limits = dataclasses.replace(Limits(), keepalive_timeout=0.5)
    server = RoomServer(fake_host, page_dir, limits=limits)
    server.start("127.0.0.1")
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"GET /j/x HTTP/1.1\r\nHost: 127.0.0.1")  # never finishes its headers
        await writer.drain()
        assert await asyncio.wait_for(reader.read(), 5) == b""
        writer.close()
    finally:
        server.stop()
