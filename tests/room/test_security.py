"""Every guard of the room (issue 10, "Security"): each test fails if its rule is dropped."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest

from cocreate.room.limits import Limits
from cocreate.room.security import clean_text, new_token, token_matches

# -- the token ---------------------------------------------------------------------------------


def test_tokens_are_long_random_and_compared_whole():
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(t) >= 22 for t in tokens)  # 22 URL-safe characters carry 128 bits
    token = new_token()
    assert token_matches(token, token)
    assert not token_matches(token[:-1], token)
    assert not token_matches("", token)
    assert not token_matches(None, token)
    assert not token_matches(token, "")


async def test_a_new_room_has_a_new_token(room, fake_host, page_dir):
    from cocreate.room.room import Room

    assert Room(fake_host, page_dir).token != room.token


# -- the Host check (DNS rebinding) ------------------------------------------------------------


async def test_a_wrong_host_is_refused(client, room):
    for host in (
        "evil.example",
        f"evil.example:{room.port}",
        f"localhost:{room.port}",
        "127.0.0.1",
    ):
        response = await client.get(f"/j/{room.token}", headers={"Host": host})
        assert response.status == 421, host
        assert await response.json() == {"error": "wrong_host"}
    assert (await client.get(f"/j/{room.token}")).status == 200


async def test_a_wrong_host_cannot_join(phone):
    alice = phone()
    alice_headers = alice.headers
    alice.headers = lambda **extra: alice_headers(Host="rebound.example", **extra)
    response = await alice.join(participant_id=1)
    assert response.status == 421


# -- a request that changes something: the header and the Origin -------------------------------


async def test_a_change_without_the_custom_header_is_refused(client, room, fake_host):
    origin = f"http://{room.host_header}"
    body = {"token": room.token, "participant_id": 1}
    response = await client.post("/api/join", json=body, headers={"Origin": origin})
    assert response.status == 403
    assert await response.json() == {"error": "missing_header"}
    response = await client.post(
        "/api/join", json=body, headers={"Origin": origin, "X-Cocreate": "yes"}
    )
    assert response.status == 403
    assert fake_host.requests == []


async def test_a_foreign_or_missing_origin_is_refused(client, room, phone):
    alice = phone()
    await alice.join(participant_id=1)
    for origin in ("http://evil.example", f"https://{room.host_header}", "null", None):
        headers = alice.headers()
        if origin is None:
            del headers["Origin"]
        else:
            headers["Origin"] = origin
        body = {"text": "x", "category": "idea", "client_id": "c"}
        response = await client.post("/api/notes", json=body, headers=headers)
        assert response.status == 403, origin
        assert await response.json() == {"error": "bad_origin"}


async def test_every_changing_route_needs_the_guards(client, room, phone):
    alice = phone()
    await alice.join(participant_id=1)
    cookie = alice.headers()["Cookie"]
    for method, path in (
        ("POST", "/api/notes"),
        ("DELETE", "/api/notes/1"),
        ("POST", "/api/votes"),
        ("DELETE", "/api/votes"),
        ("POST", "/api/reveal"),
        ("POST", "/api/join"),
    ):
        response = await client.request(method, path, json={}, headers={"Cookie": cookie})
        assert response.status == 403, (method, path)


# -- sizes and text ----------------------------------------------------------------------------


async def test_a_body_over_4_kb_is_refused(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    response = await alice.note("x" * 4100)
    assert response.status == 413
    assert await response.json() == {"error": "too_large"}

    async def chunks():  # no Content-Length: the body is cut off while it is read
        for _ in range(10):
            yield b" " * 1000

    response = await alice.client.post("/api/notes", data=chunks(), headers=alice.headers())
    assert response.status == 413
    assert await response.json() == {"error": "too_large"}
    assert [r.kind for r in fake_host.requests] == ["join_as"]


async def test_a_body_just_under_4_kb_is_read(phone):
    alice = phone()
    await alice.join(participant_id=1)
    response = await alice.post(
        "/api/notes", {"text": "ok", "category": "idea", "client_id": "c", "pad": "x" * 3900}
    )
    assert response.status == 201


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"text": ""}, "empty"),
        ({"text": " \n\t\x07 "}, "empty"),
        ({"text": None}, "empty"),
        ({"text": "x" * 501}, "too_long"),
        ({"category": "rant"}, "bad_category"),
        ({"category": None}, "bad_category"),
        ({"stage_id": 99}, "unknown_stage"),
        ({"touchpoint_id": 99}, "unknown_card"),
        ({"stage_id": "10"}, "bad_id"),
        ({"touchpoint_id": True}, "bad_id"),
        ({"stage_id": 2**64}, "bad_id"),
    ],
)
async def test_an_invalid_note_is_refused(phone, fake_host, fields, code):
    alice = phone()
    await alice.join(participant_id=1)
    body = {"text": "Queue too long", "category": "idea", "client_id": "c", **fields}
    response = await alice.post("/api/notes", body)
    assert response.status == 422
    assert await response.json() == {"error": code}
    assert fake_host.notes == []


async def test_a_note_is_cleaned_and_counted_after_cleaning(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    decomposed = "Cafe\u0301 \x1b[31mred\x00\r\nline two\ud800"
    assert (await alice.note(decomposed, client_id="a")).status == 201
    assert fake_host.notes[-1]["text"] == "Café [31mred\nline two"
    # 500 characters once composed and cleaned, though more were sent
    long_but_fine = "e\u0301" * 500 + "\x01" * 10
    assert (await alice.note(long_but_fine, client_id="b")).status == 201
    assert fake_host.notes[-1]["text"] == "é" * 500


def test_clean_text_keeps_newlines_and_tabs_and_drops_other_controls():
    # the desktop's one rule (cocreate.rules.clean_text), which keeps tabs as typed
    assert clean_text("a\tb\nc\x7fd\u200be") == "a\tb\ncde"
    assert clean_text("ﬁ") == "ﬁ"  # NFC, not NFKC: the text stays the person's


async def test_a_note_on_a_stage_or_card_of_the_journey_is_accepted(phone):
    alice = phone()
    await alice.join(participant_id=1)
    assert (await alice.note(client_id="s", stage_id=11)).status == 201
    assert (await alice.note(client_id="t", touchpoint_id=20)).status == 201


# -- rates -------------------------------------------------------------------------------------


async def test_the_11th_note_in_a_minute_waits(phone, fake_host, clock):
    alice = phone()
    await alice.join(participant_id=1)
    for n in range(10):
        assert (await alice.note(client_id=f"n{n}")).status == 201
        clock.advance(1)
    response = await alice.note(client_id="n10")
    assert response.status == 429
    assert await response.json() == {"error": "too_many"}
    assert response.headers["Retry-After"] == "50"
    assert len(fake_host.notes) == 10
    clock.advance(50)
    assert (await alice.note(client_id="n10")).status == 201


async def test_a_retried_note_does_not_count_twice(phone, clock):
    alice = phone()
    await alice.join(participant_id=1)
    for _ in range(10):
        assert (await alice.note(client_id="same")).status == 201
    assert (await alice.note(client_id="other")).status == 201


async def test_the_121st_request_in_a_minute_waits(phone, clock):
    alice, bob = phone(), phone()
    await alice.join(participant_id=1)
    await bob.join(participant_id=2)
    for _ in range(120):
        assert (await alice.get("/api/state")).status == 200
    response = await alice.get("/api/state")
    assert response.status == 429
    assert response.headers["Retry-After"] == "60"
    assert (await bob.get("/api/state")).status == 200  # each phone has its own window
    clock.advance(60)
    assert (await alice.get("/api/state")).status == 200


async def test_joins_without_a_phone_are_limited_per_address(phone, room, clock, client):
    for n in range(room.limits.joins_per_minute):
        if n % 2:
            response = await client.get("/api/lobby", headers={"X-Cocreate-Token": "guess"})
            assert response.status == 403
        else:
            assert (await phone().join(name=f"P{n}")).status == 200
    response = await phone().join(name="One too many")
    assert response.status == 429
    assert "Retry-After" in response.headers
    response = await client.get("/api/lobby", headers={"X-Cocreate-Token": room.token})
    assert response.status == 429  # guessing tokens through the lobby is limited alike
    clock.advance(60)
    assert (await phone().join(name="One too many")).status == 200


@pytest.mark.slow
async def test_the_room_holds_200_phones(phone, room, clock):
    assert room.limits.max_devices == 200
    for n in range(200):
        if n % room.limits.new_names_per_minute == 0:
            clock.advance(60)
        assert (await phone().join(name=f"Guest {n}")).status == 200
    clock.advance(60)
    response = await phone().join(name="Guest 200")
    assert response.status == 503
    assert await response.json() == {"error": "room_full"}


# -- removed, paused, slow ---------------------------------------------------------------------


async def test_a_removed_phone_gets_401(phone, room, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    assert (await alice.get("/api/state")).status == 200
    room.remove(fake_host.devices[0].device_id)
    for response in (
        await alice.get("/api/state"),
        await alice.note(),
        await alice.get("/api/events"),
    ):
        assert response.status == 401
        assert await response.json() == {"error": "removed"}
    assert fake_host.devices == []


async def test_paused_refuses_every_change(phone, room, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    fake_host.start_round()
    room.set_paused(True)
    for response in (
        await alice.note(),
        await alice.delete("/api/notes/1"),
        await alice.post("/api/votes", {"touchpoint_id": 20}),
        await alice.delete("/api/votes", {"touchpoint_id": 20}),
        await alice.post("/api/reveal"),
    ):
        assert response.status == 503
        assert await response.json() == {"error": "paused"}
    assert (await alice.state())["paused"] is True
    assert [r.kind for r in fake_host.requests] == ["join_as"]
    room.set_paused(False)
    assert (await alice.note()).status == 201


async def test_a_slow_body_times_out(client, room, phone):
    room.limits = dataclasses.replace(room.limits, body_timeout=0.2)
    alice = phone()
    await alice.join(participant_id=1)
    reader, writer = await asyncio.open_connection("127.0.0.1", room.port)
    head = (
        f"POST /api/notes HTTP/1.1\r\nHost: {room.host_header}\r\n"
        f"Origin: http://{room.host_header}\r\nX-Cocreate: 1\r\n"
        f"{alice.headers()['Cookie'].join(['Cookie: ', ''])}\r\n"
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"text": '
    )
    writer.write(head.encode())
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), 5)
    writer.close()
    assert b" 408 " in status_line


# -- headers -----------------------------------------------------------------------------------


async def test_every_response_carries_the_security_headers(client, room, phone):
    alice = phone()
    joined = await alice.join(participant_id=1)
    responses = [
        joined,
        await client.get(f"/j/{room.token}"),
        await client.get("/j/wrong"),
        await client.get("/static/app.js"),
        await client.get("/static/nothing.js"),
        await client.get("/api/state"),
        await client.get("/api/state", headers={"Host": "evil.example"}),
        await alice.get("/api/state"),
        await alice.note(text=""),
    ]
    async with alice.client.get("/api/events", headers=alice.headers()) as events:
        responses.append(events)
    expected = {
        "Content-Security-Policy": "default-src 'self'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }
    for response in responses:
        for name, value in expected.items():
            assert response.headers.get(name) == value, (response.url, name)


async def test_errors_are_json(client):
    for response in (await client.get("/nothing"), await client.put("/api/state")):
        assert response.content_type == "application/json"
        assert "error" in await response.json()


async def test_a_failure_of_the_desktop_is_a_json_500(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    fake_host.submit = lambda request: 1 / 0
    response = await alice.note()
    assert (response.status, await response.json()) == (503, {"error": "busy"})
    fake_host.submit = lambda request: None
    response = await alice.note(client_id="other")
    assert response.status == 503


async def test_an_unexpected_failure_is_a_json_500(phone, room, monkeypatch):
    alice = phone()
    await alice.join(participant_id=1)
    monkeypatch.setattr(room, "snapshot", None)  # a bug, say
    response = await alice.get("/api/state")
    assert (response.status, await response.json()) == (500, {"error": "internal"})


async def test_a_body_that_is_not_a_json_object_is_a_400(phone):
    alice = phone()
    await alice.join(participant_id=1)
    for raw in (b"[" * 4000, b"\xff\xfe", b"not json", b'["a list"]', b"3"):
        response = await alice.client.post("/api/notes", data=raw, headers=alice.headers())
        assert (response.status, await response.json()) == (400, {"error": "bad_json"}), raw


def test_the_limits_are_the_issues():
    limits = Limits()
    assert (
        limits.max_body_bytes,
        limits.notes_per_minute,
        limits.requests_per_minute,
        limits.max_devices,
    ) == (4096, 10, 120, 200)


# -- what the shared screen shows -------------------------------------------------------------


async def test_invisible_format_characters_cannot_reorder_a_note_or_a_name(phone, fake_host):
    spoof = phone()
    response = await spoof.join(name="\u202eeciloB\u202c \u2066Mallory\u2069\u200b")
    assert (await response.json())["participant"]["name"] == "eciloB Mallory"
    text = "\u202dOK\u2067 \ufeffpaid\u061c \u2060end"
    assert (await spoof.note(text, client_id="a")).status == 201
    assert fake_host.notes[-1]["text"] == "OK paid end"
    assert (await spoof.note("\u202e\u200b\u2066", client_id="b")).status == 422  # empty


def test_the_joiners_stay():
    family, nasta = "\U0001f469\u200d\U0001f4bb", "\u0646\u200c\u0633"
    assert clean_text(f"{family} {nasta}") == f"{family} {nasta}"
