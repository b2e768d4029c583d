"""A phone for the desktop's tests: real HTTP to the room's server (urllib), run off the GUI
thread so that the window goes on serving its requests while the phone waits for the answer.

`call(qtbot, fn, ...)` runs fn in a thread and waits with qtbot.waitUntil (the Qt event loop
turns meanwhile); a Phone keeps its device cookie and sends what the page sends.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

COOKIE = "cocreate_device"


@dataclass
class Answer:
    status: int  # 0: no answer at all (nothing listens)
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


def call(qtbot, fn, *args, timeout: int = 10000):
    """fn(*args) on a thread of its own; its result once it is done (the GUI keeps running)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = fn(*args)
        except BaseException as error:  # noqa: BLE001 (handed to the test)
            box["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=timeout)
    if "error" in box:
        raise box["error"]
    return box["result"]


class Phone:
    """One phone: its cookie, the room's origin, JSON in and out."""

    def __init__(self, join_url: str) -> None:
        parts = urlsplit(join_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.token = parts.path.rsplit("/", 1)[-1]
        self.cookie: str | None = None

    def request(self, method: str, path: str, body: Any = None) -> Answer:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.origin + path, data=data, method=method)
        request.add_header("X-Cocreate", "1")
        request.add_header("Origin", self.origin)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.cookie:
            request.add_header("Cookie", f"{COOKIE}={self.cookie}")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return self._answer(response.status, response.read(), response.headers)
        except urllib.error.HTTPError as error:
            return self._answer(error.code, error.read(), error.headers)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return Answer(0)

    def _answer(self, status: int, raw: bytes, headers) -> Answer:
        for value in headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            if name.strip() == COOKIE:
                self.cookie = rest.split(";", 1)[0]
        text = raw.decode("utf-8", "replace")
        try:
            body: Any = json.loads(text) if text else None
        except ValueError:
            body = text
        return Answer(status, body, dict(headers.items()))

    def page(self, url: str) -> Answer:
        """GET a page as the phone's browser opens the link."""
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return Answer(response.status, response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            return Answer(error.code)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return Answer(0)

    def join(self, name: str | None = None, participant_id: int | None = None) -> Answer:
        body: dict[str, Any] = {"token": self.token}
        if name is not None:
            body["name"] = name
        if participant_id is not None:
            body["participant_id"] = participant_id
        return self.request("POST", "/api/join", body)

    def note(self, text: str, category: str = "pain_point", client_id: str = "n1") -> Answer:
        body = {"text": text, "category": category, "client_id": client_id}
        return self.request("POST", "/api/notes", body)

    def state(self) -> Answer:
        return self.request("GET", "/api/state")


class EventStream:
    """The phone's open event stream (what makes it "connected"), read on a thread until the
    server closes it."""

    def __init__(self, phone: Phone) -> None:
        request = urllib.request.Request(phone.origin + "/api/events")
        request.add_header("Cookie", f"{COOKIE}={phone.cookie}")
        self.events: list[str] = []
        self.closed = threading.Event()
        self._request = request
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            with urllib.request.urlopen(self._request, timeout=30) as response:
                for raw in response:
                    line = raw.decode("utf-8").strip()
                    if line.startswith("event:"):
                        self.events.append(line.partition(":")[2].strip())
        except (OSError, ValueError):
            pass
        finally:
            self.closed.set()
