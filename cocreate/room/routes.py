"""The room's HTTP API (see the README, "Running a salon with phones"): the page, the lobby,
joining, the phone's state and event stream, notes, votes and revealing.

`make_app(room)` builds the aiohttp application; RoomServer runs it on its own thread, and the
tests run it with pytest-aiohttp."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web

from cocreate.room.devices import DeviceRecord
from cocreate.room.host import CATEGORIES, MAX_NAME_CHARS, MAX_NOTE_CHARS
from cocreate.room.limits import retry_after_header
from cocreate.room.room import Room
from cocreate.room.security import (
    COOKIE,
    RoomError,
    add_security_headers,
    clean_name,
    clean_text,
    guard_middleware,
    token_matches,
)
from cocreate.room.stream import serve_events
from cocreate.room.view import (
    card_ids,
    find_participant,
    is_facilitator,
    lobby_view,
    stage_ids,
    visible_note_ids,
)

ROOM = web.AppKey("room", Room)
COOKIE_MAX_AGE = 24 * 3600
MAX_CLIENT_ID = 64
MAX_ID = 2**63  # what SQLite's integer holds
SWEEP_SECONDS = 10.0
PATH_ID = re.compile(r"[0-9]{1,19}")
#: The page a wrong or old link opens (no script, no style: the CSP allows neither inline).
WRONG_LINK_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>cocreate</title></head><body>
<h1>This link no longer works</h1><p>Scan the QR code on the shared screen again.</p>
<h1 lang="zh">此链接已失效</h1><p lang="zh">请重新扫描共享屏幕上的二维码。</p>
</body></html>
"""
STATIC_FILES = {"app.js": "text/javascript", "style.css": "text/css"}


def make_app(room: Room) -> web.Application:
    app = web.Application(
        client_max_size=room.limits.max_body_bytes,
        middlewares=[guard_middleware(lambda: room.host_header, room.limits.max_body_bytes)],
    )
    app[ROOM] = room
    app.on_response_prepare.append(add_security_headers)
    app.on_shutdown.append(end_streams)
    app.cleanup_ctx.append(sweeping)
    app.router.add_get("/j/{token}", page)
    app.router.add_get("/static/{name}", static_file)
    app.router.add_get("/api/lobby", lobby)
    app.router.add_post("/api/join", join)
    app.router.add_get("/api/state", state)
    app.router.add_get("/api/events", events)
    app.router.add_post("/api/notes", add_note)
    app.router.add_delete("/api/notes/{id}", delete_note)
    app.router.add_post("/api/votes", vote)
    app.router.add_delete("/api/votes", unvote)
    app.router.add_post("/api/reveal", reveal)
    return app


async def end_streams(app: web.Application) -> None:
    """The server shuts down: every event stream says `removed` and ends."""
    app[ROOM].close()


async def sweeping(app: web.Application) -> AsyncIterator[None]:
    """While the room runs, the waiting phones that went away are dropped now and then (a join
    and the lobby drop them too)."""
    room = app[ROOM]

    async def sweep() -> None:
        while True:
            await asyncio.sleep(SWEEP_SECONDS)
            room.drop_stale_waiting()

    task = asyncio.create_task(sweep())
    yield
    task.cancel()


# -- reading a request ----------------------------------------------------------------------


async def read_json(request: web.Request) -> dict[str, Any]:
    """The body as a JSON object (an empty body is {}), read within the room's time limit."""
    room = request.app[ROOM]
    try:
        raw = await asyncio.wait_for(request.read(), room.limits.body_timeout)
    except TimeoutError:
        raise RoomError(408, "timeout") from None
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise RoomError(400, "bad_json") from None
    if not isinstance(body, dict):
        raise RoomError(400, "bad_json")
    return body


def an_id(value: Any) -> int | None:
    """An id a phone sent: an int (not a bool), or None when absent."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_ID:
        raise RoomError(422, "bad_id")
    return value


def path_id(request: web.Request, key: str) -> int:
    """An id in the path: ASCII digits only (no sign, space or other script's digits), 404
    otherwise; past what SQLite's integer holds, 422 as any other id."""
    text = request.match_info[key]
    if not PATH_ID.fullmatch(text):
        raise RoomError(404, "not_found")
    number = an_id(int(text))
    assert number is not None
    return number


def note_text(body: dict[str, Any]) -> str:
    text = body.get("text")
    if not isinstance(text, str):
        raise RoomError(422, "empty")
    text = clean_text(text)
    if not text:
        raise RoomError(422, "empty")
    if len(text) > MAX_NOTE_CHARS:
        raise RoomError(422, "too_long")
    return text


def new_name(body: dict[str, Any]) -> str:
    name = body.get("name")
    name = clean_name(name) if isinstance(name, str) else ""
    if not name:
        raise RoomError(422, "empty")
    if len(name) > MAX_NAME_CHARS:
        raise RoomError(422, "too_long")
    return name


def vote_target(room: Room, record: DeviceRecord, body: dict[str, Any]) -> dict[str, Any]:
    """{"note_id"} or {"touchpoint_id"}: exactly one, and one this phone can see."""
    note_id, card_id = an_id(body.get("note_id")), an_id(body.get("touchpoint_id"))
    if (note_id is None) == (card_id is None):
        raise RoomError(422, "bad_target")
    pid = record.participant_id
    assert pid is not None
    if note_id is not None and note_id not in visible_note_ids(room.snapshot, pid):
        raise RoomError(404, "not_found")
    if card_id is not None and card_id not in card_ids(room.snapshot):
        raise RoomError(404, "not_found")
    return {"participant_id": pid, "note_id": note_id, "touchpoint_id": card_id}


# -- the page --------------------------------------------------------------------------------


async def page(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM]
    room.limit_address(request)
    if not token_matches(request.match_info["token"], room.token):
        return web.Response(status=403, text=WRONG_LINK_PAGE, content_type="text/html")
    return file_response(room, "index.html", "text/html")


async def static_file(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM]
    name = request.match_info["name"]
    if name not in STATIC_FILES:
        raise RoomError(404, "not_found")
    return file_response(room, name, STATIC_FILES[name])


def file_response(room: Room, name: str, content_type: str) -> web.StreamResponse:
    path = room.page_dir / name
    if not path.is_file():
        raise RoomError(404, "not_found")
    return web.FileResponse(path, headers={"Content-Type": f"{content_type}; charset=utf-8"})


# -- joining ---------------------------------------------------------------------------------


async def lobby(request: web.Request) -> web.Response:
    room = request.app[ROOM]
    room.limit_address(request)
    if not token_matches(request.headers.get("X-Cocreate-Token"), room.token):
        raise RoomError(403, "bad_token")
    room.drop_stale_waiting()
    taken = room.devices.taken()
    return web.json_response(lobby_view(room.snapshot, taken, room.approve_newcomers))


#: Who a phone joins as: the participant (None while it waits), the name, and the known
#: participant a held phone waits to join as.
Joining = tuple[dict[str, Any] | None, str, int | None]


async def join(request: web.Request) -> web.Response:
    """Join as a participant of the session, or as a new one (who may wait for approval)."""
    room = request.app[ROOM]
    room.limit_address(request)
    body = await read_json(request)
    if not token_matches(body.get("token"), room.token):
        raise RoomError(403, "bad_token")
    room.drop_stale_waiting()
    old = room.devices.by_secret(request.cookies.get(COOKIE))  # the same phone joins again
    check_room(room, old)
    participant_id = an_id(body.get("participant_id"))
    if participant_id is not None:
        participant, name, asks_for = await join_known(room, participant_id, old)
    else:
        participant, name, asks_for = await join_new(room, new_name(body), old)
    check_room(room, old)
    record = bind(room, old, participant, name, asks_for)
    if participant is None:
        response = web.json_response({"status": "waiting"}, status=202)
    else:
        response = web.json_response({"participant": participant, "status": "active"})
    response.set_cookie(
        COOKIE, record.secret, path="/", httponly=True, samesite="Strict", max_age=COOKIE_MAX_AGE
    )
    return response


async def join_known(room: Room, participant_id: int, old: DeviceRecord | None) -> Joining:
    """As a participant of the session: not a facilitator, not one bound to another phone;
    one whose phone the facilitator removed waits for approval."""
    person = find_participant(room.snapshot, participant_id)
    if person is not None and is_facilitator(person):
        raise RoomError(403, "not_allowed")
    check_free(room, participant_id, old)
    if room.devices.is_held(participant_id) and room.devices.holder(participant_id) is None:
        if person is None:
            raise RoomError(404, "not_found")
        name = str(person.get("name", ""))
        check_may_wait(room, name, old, participant_id)
        return None, name, participant_id
    answer = await room.answer(room.submit("join_as", {"participant_id": participant_id}))
    participant: dict[str, Any] = answer["participant"]
    check_free(room, participant_id, old)
    return participant, str(participant.get("name", "")), None


async def join_new(room: Room, name: str, old: DeviceRecord | None) -> Joining:
    """As a new participant, at once or (approve newcomers on, or a name the facilitator
    refused or removed) once approved; new names are limited room-wide."""
    check_new_name(room, name, old)
    if room.approve_newcomers or room.devices.is_name_held(name):
        check_may_wait(room, name, old, None)
        return None, name, None
    count_new_name(room)
    answer = await room.answer(room.submit("join_new", {"name": name}))
    return answer["participant"], name, None


def bind(
    room: Room,
    old: DeviceRecord | None,
    participant: dict[str, Any] | None,
    name: str,
    asks_for: int | None,
) -> DeviceRecord:
    """The phone as who it joined as (bound to them from now on); a phone that joins again
    stays the same device (its id, cookie, streams and rate windows)."""
    now = room.clock()
    if old is not None and room.devices.by_id(old.device_id) is old:
        record = old
        record.participant, record.name = participant, name
        if not record.streams:
            record.quiet_since = now
        room.changed()
    else:
        record = room.devices.add(name, participant, now)
    record.asks_for = asks_for
    room.devices_changed()
    return record


def check_room(room: Room, old: DeviceRecord | None) -> None:
    if room.closing:
        raise RoomError(503, "closed")
    if old is not None and room.devices.by_id(old.device_id) is not old:
        raise RoomError(401, "removed")  # removed while its join waited for the desktop
    if old is None and len(room.devices) >= room.limits.max_devices:
        raise RoomError(503, "room_full")


def check_free(room: Room, participant_id: int, old: DeviceRecord | None) -> None:
    """Nobody but the phone bound to a participant joins as them."""
    holder = room.devices.holder(participant_id)
    if holder is not None and holder is not old:
        raise RoomError(409, "name_taken")


def check_new_name(room: Room, name: str, old: DeviceRecord | None) -> None:
    folded = name.casefold()
    named = (str(p.get("name", "")).strip().casefold() for p in room.snapshot.participants)
    waiting = room.devices.waiting_for(name)
    if folded in named or (waiting is not None and waiting is not old):
        raise RoomError(409, "name_taken")


def check_may_wait(
    room: Room, name: str, old: DeviceRecord | None, participant_id: int | None
) -> None:
    """One waiting phone per name; at most so many waiting, and so many new names a minute
    (a phone already waiting that asks again keeps its place)."""
    waiting = room.devices.waiting_for(name, participant_id)
    if waiting is not None and waiting is old:
        return
    if waiting is not None:
        raise RoomError(409, "name_taken")
    if not (old is not None and old.waiting):
        if len(room.devices.waiting()) >= room.limits.max_waiting:
            raise RoomError(503, "room_full")
    if participant_id is None:
        count_new_name(room)


def count_new_name(room: Room) -> None:
    wait = room.new_names.hit("room")
    if wait is not None:
        raise RoomError(429, "too_many", {"Retry-After": retry_after_header(wait)})


# -- what the phone sees ---------------------------------------------------------------------


async def state(request: web.Request) -> web.Response:
    room = request.app[ROOM]
    record = room.device(request, active=False)
    return web.Response(text=room.state_json(record), content_type="application/json")


async def events(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM]
    return await serve_events(room, room.device(request, active=False), request)


# -- what the phone does ---------------------------------------------------------------------


async def add_note(request: web.Request) -> web.Response:
    """A note; the same client id again answers with the same note (even while the first
    request still waits for the desktop), never a second one."""
    room = request.app[ROOM]
    record = room.device(request)
    body = await read_json(request)
    client_id = body.get("client_id")
    if not isinstance(client_id, str) or not 0 < len(client_id) <= MAX_CLIENT_ID:
        raise RoomError(422, "bad_client_id")
    answer = record.answers.get(client_id)
    if answer is None:
        room.check_paused()
        payload = note_payload(room, record, body)
        room.count_note(record)
        answer = room.submit("add_note", payload, record)
        record.remember(client_id, answer)
    try:
        result = await room.answer(answer)
    except RoomError:
        if answer.done() and record.answers.get(client_id) is answer:
            del record.answers[client_id]  # refused: a retry is a new try
        raise
    return web.json_response({"id": result["id"]}, status=201)


def note_payload(room: Room, record: DeviceRecord, body: dict[str, Any]) -> dict[str, Any]:
    text = note_text(body)
    category = body.get("category")
    if category not in CATEGORIES:
        raise RoomError(422, "bad_category")
    stage_id, card_id = an_id(body.get("stage_id")), an_id(body.get("touchpoint_id"))
    if stage_id is not None and stage_id not in stage_ids(room.snapshot):
        raise RoomError(422, "unknown_stage")
    if card_id is not None and card_id not in card_ids(room.snapshot):
        raise RoomError(422, "unknown_card")
    return {
        "participant_id": record.participant_id,
        "text": text,
        "category": category,
        "stage_id": stage_id,
        "touchpoint_id": card_id,
    }


async def delete_note(request: web.Request) -> web.Response:
    room = request.app[ROOM]
    record = room.device(request)
    room.check_paused()
    payload = {"participant_id": record.participant_id, "note_id": path_id(request, "id")}
    await room.answer(room.submit("delete_note", payload, record))
    return web.json_response({})


async def vote(request: web.Request) -> web.Response:
    return await _vote(request, "vote")


async def unvote(request: web.Request) -> web.Response:
    return await _vote(request, "unvote")


async def _vote(request: web.Request, kind: str) -> web.Response:
    room = request.app[ROOM]
    record = room.device(request)
    room.check_paused()
    payload = vote_target(room, record, await read_json(request))
    result = await room.answer(room.submit(kind, payload, record))
    return web.json_response({"left": result["left"]})


async def reveal(request: web.Request) -> web.Response:
    room = request.app[ROOM]
    record = room.device(request)
    room.check_paused()
    result = await room.answer(
        room.submit("reveal_mine", {"participant_id": record.participant_id}, record)
    )
    return web.json_response({"revealed": result["revealed"]})
