"""A simulated phone for the API tests: it keeps its own device cookie and sends what the
page sends (the X-Cocreate header and the room's Origin on every change)."""

from __future__ import annotations

from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient

from cocreate.room.room import Room
from cocreate.room.security import COOKIE


class FakeClock:
    """A clock the test moves on (the rate windows read it)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Phone:
    def __init__(self, client: TestClient, room: Room) -> None:
        self.client = client
        self.room = room
        self.cookie: str | None = None

    def headers(self, **extra: str) -> dict[str, str]:
        headers = {"X-Cocreate": "1", "Origin": f"http://{self.room.host_header}"}
        if self.cookie:
            headers["Cookie"] = f"{COOKIE}={self.cookie}"
        headers.update(extra)
        return headers

    async def join(
        self, name: str | None = None, participant_id: int | None = None, token: str | None = None
    ) -> ClientResponse:
        body: dict[str, Any] = {"token": self.room.token if token is None else token}
        if name is not None:
            body["name"] = name
        if participant_id is not None:
            body["participant_id"] = participant_id
        response = await self.client.post("/api/join", json=body, headers=self.headers())
        if COOKIE in response.cookies:
            self.cookie = response.cookies[COOKIE].value
        return response

    async def get(self, path: str, **kwargs: Any) -> ClientResponse:
        return await self.client.get(path, headers=self.headers(), **kwargs)

    async def post(self, path: str, body: Any = None, **kwargs: Any) -> ClientResponse:
        return await self.client.post(path, json=body, headers=self.headers(), **kwargs)

    async def delete(self, path: str, body: Any = None) -> ClientResponse:
        return await self.client.delete(path, json=body, headers=self.headers())

    async def note(
        self, text: str = "Queue too long", client_id: str = "c1", **fields: Any
    ) -> ClientResponse:
        body = {"text": text, "category": "pain_point", "client_id": client_id, **fields}
        return await self.post("/api/notes", body)

    async def state(self) -> dict[str, Any]:
        response = await self.get("/api/state")
        assert response.status == 200, await response.text()
        return await response.json()
