"""The room's tests run no Qt: the Qt parts of the shared set-up stand down. Each test gets a
FakeHost, a page folder, a clock it moves by hand, and the room's app served by pytest-aiohttp
on 127.0.0.1 (the Host check then expects 127.0.0.1:PORT)."""

from __future__ import annotations

import pytest
from aiohttp import DummyCookieJar

from cocreate.room.room import Room
from cocreate.room.routes import make_app
from tests.no_qt import empty_clipboard, isolated_settings, no_window_left_on_screen  # noqa: F401
from tests.room.fake_host import FakeHost
from tests.room.phones import FakeClock, Phone

PAGE = {
    "index.html": "<!doctype html><title>room</title><script src='/static/app.js'></script>",
    "app.js": "console.log('room');",
    "style.css": "body { margin: 0; }",
    "secret.txt": "not served",
}


@pytest.fixture
def page_dir(tmp_path):
    folder = tmp_path / "page"
    folder.mkdir()
    for name, text in PAGE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def fake_host():
    return FakeHost()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
async def room(fake_host, page_dir, clock):
    room = Room(fake_host, page_dir, clock=clock)
    fake_host.publish = room.publish
    fake_host.publish_now()
    return room


@pytest.fixture
async def client(aiohttp_client, room):
    client = await aiohttp_client(make_app(room), cookie_jar=DummyCookieJar())
    room.address, room.port = "127.0.0.1", client.server.port
    return client


@pytest.fixture
def phone(client, room):
    """A new phone each time it is called: phone() -> Phone."""
    return lambda: Phone(client, room)
