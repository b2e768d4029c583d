"""The room's HTTP API, route by route, as the phone's page uses it (pytest-aiohttp, with the
in-memory FakeHost standing in for the desktop)."""

from __future__ import annotations

import asyncio

from cocreate.room.security import COOKIE

# -- the page ---------------------------------------------------------------------------------


async def test_the_join_link_serves_the_page_and_its_two_files(client, room):
    page = await client.get(f"/j/{room.token}")
    assert page.status == 200
    assert page.content_type == "text/html"
    assert "/static/app.js" in await page.text()
    script = await client.get("/static/app.js")
    assert (script.status, script.content_type) == (200, "text/javascript")
    style = await client.get("/static/style.css")
    assert (style.status, style.content_type) == (200, "text/css")


async def test_only_the_pages_files_are_served(client):
    for path in ("/static/secret.txt", "/static/", "/static/..%2Fsecret.txt", "/static"):
        response = await client.get(path)
        assert response.status == 404, path
        assert await response.json() == {"error": "not_found"}


async def test_a_wrong_link_gets_a_small_plain_page(client, room):
    response = await client.get("/j/" + "x" * 24)
    assert response.status == 403
    assert response.content_type == "text/html"
    assert "<script" not in await response.text()


# -- the lobby and joining --------------------------------------------------------------------


async def test_the_lobby_lists_the_participants_and_who_is_taken(client, room, phone):
    await phone().join(participant_id=1)
    response = await client.get("/api/lobby", headers={"X-Cocreate-Token": room.token})
    assert response.status == 200
    assert await response.json() == {
        "session": {"title": "Coffee salon"},
        "participants": [
            {"id": 1, "name": "Alice", "color": "#ffe066", "taken": True},
            {"id": 2, "name": "Bob", "color": "#ffa8a8", "taken": False},
        ],
        "approve_newcomers": False,
    }


async def test_the_lobby_needs_the_token(client):
    response = await client.get("/api/lobby", headers={"X-Cocreate-Token": "guess"})
    assert response.status == 403
    assert await response.json() == {"error": "bad_token"}
    response = await client.get("/api/lobby")
    assert response.status == 403


async def test_joining_as_a_participant_sets_the_device_cookie(phone):
    alice = phone()
    response = await alice.join(participant_id=1)
    assert response.status == 200
    assert await response.json() == {
        "participant": {"id": 1, "name": "Alice", "color": "#ffe066"},
        "status": "active",
    }
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/"
    assert len(cookie.value) >= 32


async def test_a_new_name_becomes_a_new_participant(phone, fake_host):
    response = await phone().join(name="  Chen\u00a0 Wei ")
    assert response.status == 200
    body = await response.json()
    assert body["participant"]["name"] == "Chen Wei"
    assert fake_host.participants[-1]["name"] == "Chen Wei"


async def test_a_taken_participant_or_name_is_refused(phone):
    assert (await phone().join(participant_id=1)).status == 200
    second = await phone().join(participant_id=1)
    assert second.status == 409
    assert await second.json() == {"error": "name_taken"}
    same_name = await phone().join(name=" alice ")
    assert same_name.status == 409
    assert await same_name.json() == {"error": "name_taken"}


async def test_a_participant_stays_with_their_phone_however_quiet_it_goes(
    phone, clock, client, room
):
    alice = phone()
    assert (await alice.join(participant_id=1)).status == 200
    clock.advance(3600)  # no request, no event stream for an hour
    other = phone()
    response = await other.join(participant_id=1)
    assert (response.status, await response.json()) == (409, {"error": "name_taken"})
    assert other.cookie is None
    lobby = await client.get("/api/lobby", headers={"X-Cocreate-Token": room.token})
    assert [p["taken"] for p in (await lobby.json())["participants"]] == [True, False]
    assert (await alice.state())["you"]["participant"]["name"] == "Alice"


async def test_joining_needs_the_token(phone):
    response = await phone().join(participant_id=1, token="old-token")
    assert response.status == 403
    assert await response.json() == {"error": "bad_token"}


async def test_an_empty_or_long_name_is_refused(phone):
    assert (await phone().join(name=" \t\x00 ")).status == 422
    assert (await phone().join(name="n" * 41)).status == 422


async def test_a_phone_joining_again_stays_one_device(phone, fake_host, room):
    alice = phone()
    await alice.join(participant_id=1)
    [first] = fake_host.devices
    async with alice.client.get("/api/events", headers=alice.headers()) as events:
        await events.content.readuntil(b"\n\n")  # retry
        await events.content.readuntil(b"\n\n")  # the room
        assert (await alice.join(participant_id=2)).status == 200
        assert b"event: room" in await events.content.readuntil(b"\n\n")  # not "removed"
    assert [(d.device_id, d.participant_id, d.name) for d in fake_host.devices] == [
        (first.device_id, 2, "Bob")
    ]
    assert (await alice.state())["you"]["participant"]["name"] == "Bob"
    assert (await phone().join(participant_id=1)).status == 200  # Alice is free again


async def test_a_latecomer_joins_while_paused_and_sees_paused(phone, room):
    room.set_paused(True)
    latecomer = phone()
    assert (await latecomer.join(name="Late")).status == 200
    assert (await latecomer.state())["paused"] is True
    response = await latecomer.note()
    assert (response.status, await response.json()) == (503, {"error": "paused"})


# -- approving newcomers ----------------------------------------------------------------------


async def test_a_newcomer_waits_until_approved(phone, room, fake_host):
    room.set_approve_newcomers(True)
    chen = phone()
    response = await chen.join(name="Chen")
    assert response.status == 202
    assert await response.json() == {"status": "waiting"}
    [device] = fake_host.devices
    assert (device.waiting, device.name, device.participant_id) == (True, "Chen", None)
    waiting = await chen.state()
    assert waiting["you"] == {"status": "waiting", "participant": None}
    assert waiting["notes"] == [] and waiting["journey"] is None
    assert (await chen.note()).status == 403

    room.approve(device.device_id, {"id": 7, "name": "Chen", "color": "#d0bfff"})
    active = await chen.state()
    assert active["you"] == {
        "status": "active",
        "participant": {"id": 7, "name": "Chen", "color": "#d0bfff"},
    }
    assert active["version"] > waiting["version"]
    assert fake_host.devices[0].waiting is False


async def test_a_refused_newcomer_is_out(phone, room, fake_host):
    room.set_approve_newcomers(True)
    chen = phone()
    await chen.join(name="Chen")
    room.remove(fake_host.devices[0].device_id)
    response = await chen.get("/api/state")
    assert response.status == 401
    assert fake_host.devices == []


async def test_a_known_participant_needs_no_approval(phone, room):
    room.set_approve_newcomers(True)
    assert (await phone().join(participant_id=2)).status == 200


# -- the phone's state ------------------------------------------------------------------------


async def test_the_state_shows_the_journey_my_notes_and_revealed_ones(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    fake_host.add_note(2, "Bob's revealed note")
    fake_host.add_note(2, "Bob's private note", hidden=True)
    fake_host.add_note(1, "Alice's private note", hidden=True)
    state = await alice.state()
    assert state["journey"]["stages"] == [
        {"id": 10, "name": "Cognition"},
        {"id": 11, "name": "Attraction"},
    ]
    assert [(n["text"], n["mine"]) for n in state["notes"]] == [
        ("Bob's revealed note", False),
        ("Alice's private note", True),
    ]
    assert state["session"] == {"title": "Coffee salon"}
    assert "secret.cocreate" not in str(state)


async def test_the_state_needs_a_device(client):
    response = await client.get("/api/state")
    assert response.status == 401
    assert await response.json() == {"error": "no_device"}
    response = await client.get("/api/state", headers={"Cookie": f"{COOKIE}=forged"})
    assert response.status == 401


# -- notes ------------------------------------------------------------------------------------


async def test_a_note_is_handed_to_the_desktop(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    response = await alice.note("排队太久", stage_id=10, touchpoint_id=20)
    assert response.status == 201
    note_id = (await response.json())["id"]
    request = fake_host.requests[-1]
    assert request.kind == "add_note"
    assert request.payload == {
        "participant_id": 1,
        "text": "排队太久",
        "category": "pain_point",
        "stage_id": 10,
        "touchpoint_id": 20,
    }
    assert [n["id"] for n in (await alice.state())["notes"]] == [note_id]


async def test_the_same_client_id_adds_one_note(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    first = await (await alice.note(client_id="n-1")).json()
    again = await (await alice.note(client_id="n-1")).json()
    assert first == again
    assert len(fake_host.notes) == 1
    other = await (await alice.note(client_id="n-2")).json()
    assert other != first and len(fake_host.notes) == 2


async def test_a_retry_while_the_first_is_in_flight_waits_for_the_same_note(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    fake_host.hold = True
    first = asyncio.ensure_future(alice.note(client_id="n-1"))
    while not fake_host.pending:
        await asyncio.sleep(0.01)
    retry = asyncio.ensure_future(alice.note(client_id="n-1"))
    await asyncio.sleep(0.05)
    fake_host.release()
    answers = [await (await first).json(), await (await retry).json()]
    assert answers[0] == answers[1]
    assert [r.kind for r in fake_host.requests].count("add_note") == 1
    assert len(fake_host.notes) == 1


async def test_client_ids_are_per_phone(phone, fake_host):
    alice, bob = phone(), phone()
    await alice.join(participant_id=1)
    await bob.join(participant_id=2)
    await alice.note(client_id="same")
    await bob.note(client_id="same")
    assert len(fake_host.notes) == 2


async def test_a_note_needs_a_client_id(phone):
    alice = phone()
    await alice.join(participant_id=1)
    response = await alice.post("/api/notes", {"text": "hi", "category": "idea"})
    assert response.status == 422


async def test_deleting_my_note(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    note_id = (await (await alice.note()).json())["id"]
    response = await alice.delete(f"/api/notes/{note_id}")
    assert (response.status, await response.json()) == (200, {})
    assert fake_host.notes == []


async def test_refusals_of_the_desktop_pass_through(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    bobs = fake_host.add_note(2, "Bob's")
    response = await alice.delete(f"/api/notes/{bobs}")
    assert (response.status, await response.json()) == (403, {"error": "not_yours"})
    fake_host.notes[0]["author_id"] = 1
    fake_host.notes[0]["clustered"] = True
    response = await alice.delete(f"/api/notes/{bobs}")
    assert (response.status, await response.json()) == (409, {"error": "in_cluster"})
    response = await alice.delete("/api/notes/999")
    assert (response.status, await response.json()) == (404, {"error": "not_found"})


async def test_a_note_id_in_the_path_is_plain_digits_within_sqlites_integer(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    for path in (
        "/api/notes/" + "9" * 30,
        "/api/notes/9223372036854775808",  # 2**63
        "/api/notes/%EF%BC%91%EF%BC%92",  # full-width 12
        "/api/notes/%D9%A1",  # Arabic-Indic 1
        "/api/notes/+5",
        "/api/notes/%205",
        "/api/notes/1_0",
        "/api/notes/-1",
    ):
        response = await alice.delete(path)
        assert response.status in (404, 422), path
        assert "error" in await response.json()
    assert [r.kind for r in fake_host.requests if r.kind == "delete_note"] == []
    response = await alice.delete("/api/notes/9223372036854775807")  # the largest: the desktop
    assert (response.status, await response.json()) == (404, {"error": "not_found"})
    assert fake_host.requests[-1].payload["note_id"] == 2**63 - 1


async def test_a_desktop_that_does_not_answer_makes_the_phone_retry(phone, fake_host, room):
    room.limits = type(room.limits)(host_timeout=0.05)
    alice = phone()
    await alice.join(participant_id=1)
    fake_host.hold = True
    response = await alice.note(client_id="slow")
    assert (response.status, await response.json()) == (503, {"error": "busy"})
    fake_host.release()
    retry = await alice.note(client_id="slow")
    assert retry.status == 201
    assert len(fake_host.notes) == 1


# -- votes and revealing ----------------------------------------------------------------------


async def test_voting_and_taking_the_dot_back(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    note_id = fake_host.add_note(2, "Bob's idea")
    fake_host.start_round(budget=2)
    response = await alice.post("/api/votes", {"note_id": note_id})
    assert (response.status, await response.json()) == (200, {"left": 1})
    response = await alice.post("/api/votes", {"touchpoint_id": 20})
    assert await response.json() == {"left": 0}
    response = await alice.post("/api/votes", {"touchpoint_id": 20})
    assert (response.status, await response.json()) == (409, {"error": "no_votes_left"})
    voting = (await alice.state())["voting"]
    assert voting["budget"] == 2 and voting["left"] == 0
    assert voting["mine"] == [
        {"note_id": note_id, "touchpoint_id": None},
        {"note_id": None, "touchpoint_id": 20},
    ]
    response = await alice.delete("/api/votes", {"note_id": note_id})
    assert (response.status, await response.json()) == (200, {"left": 1})


async def test_no_vote_without_a_round(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    response = await alice.post("/api/votes", {"touchpoint_id": 20})
    assert (response.status, await response.json()) == (409, {"error": "no_round"})


async def test_no_vote_on_what_the_phone_cannot_see(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    hidden = fake_host.add_note(2, "Bob's private", hidden=True)
    fake_host.start_round()
    for body in ({"note_id": hidden}, {"touchpoint_id": 99}):
        response = await alice.post("/api/votes", body)
        assert response.status == 404, body
    for body in ({}, {"note_id": 1, "touchpoint_id": 20}, {"note_id": "1"}):
        response = await alice.post("/api/votes", body)
        assert response.status == 422, body
    assert [r.kind for r in fake_host.requests].count("vote") == 0


async def test_revealing_my_notes_under_the_author_policy(phone, fake_host):
    alice = phone()
    await alice.join(participant_id=1)
    fake_host.private_mode = True
    await alice.note(client_id="a")
    await alice.note(client_id="b")
    response = await alice.post("/api/reveal")
    assert (response.status, await response.json()) == (403, {"error": "not_allowed"})
    fake_host.reveal_policy = "author"
    response = await alice.post("/api/reveal")
    assert (response.status, await response.json()) == (200, {"revealed": 2})
