"""The participant's page in a real phone browser: Debian's headless chromium in a 390×844
viewport, against the room's server (RoomServer on 127.0.0.1) with the in-memory FakeHost.

Set COCREATE_PHONE_SHOTS to a folder to keep screenshots of the screens the tests pass through
(phone_join.png, phone_note.png, phone_vote.png, phone_zh_*.png…)."""

from __future__ import annotations

import http.client
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from cocreate.resources import resource_path
from cocreate.room.limits import Limits
from cocreate.room.network import default_address
from cocreate.room.security import COOKIE
from cocreate.room.server import RoomServer
from tests.phone_browser import (
    BROWSER_TESTS,
    WAIT,
    another_phone,
    by_id,
    enabled,
    hidden,
    shared_browser,
    shown,
    tap,
    tap_selected,
    text_is,
    text_is_not,
    text_of,
    text_without,
    texts,
    wait,
)
from tests.room.fake_host import FakeHost

CHINESE_NOTE = "排队太久了，午饭时间要等二十分钟"

pytestmark = BROWSER_TESTS


# -- the room and the phone ------------------------------------------------------------------


def open_room(
    host: FakeHost, limits: Limits | None = None, address: str = "127.0.0.1"
) -> RoomServer:
    server = RoomServer(host, resource_path("room"), limits=limits)
    host.publish = server.publish
    host.publish_now()
    server.start(address)
    return server


@pytest.fixture
def host() -> FakeHost:
    return FakeHost()


@pytest.fixture
def server(host: FakeHost) -> Iterator[RoomServer]:
    server = open_room(host)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser(request: pytest.FixtureRequest) -> WebDriver:
    """The run's one browser (starting chromium takes seconds); each test clears its tab."""
    return shared_browser(request)


@pytest.fixture
def phone(browser: WebDriver) -> Iterator[WebDriver]:
    """A phone that has never joined: no cookie, a blank page, an empty console log."""
    browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
    leave_page(browser)
    browser.get_log("browser")
    yield browser
    browser.execute_script("try { localStorage.clear(); } catch (e) {}")  # a chosen language
    leave_page(browser)  # closes the page's event stream before the room stops


def leave_page(driver: WebDriver) -> None:
    """A blank page, unless the browser is on one already (a page load takes 0.1 s and more)."""
    if driver.current_url not in ("about:blank", "data:,"):  # data:, is a new browser's
        driver.get("about:blank")


def shot(driver: WebDriver, name: str, scroll_to: str = "") -> None:
    """A screenshot for a person to look at, when COCREATE_PHONE_SHOTS names a folder: the top
    of the page, or the element of that id near the top."""
    folder = os.environ.get("COCREATE_PHONE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        if scroll_to:
            driver.execute_script("arguments[0].scrollIntoView()", by_id(driver, scroll_to))
            driver.execute_script("window.scrollBy(0, -160)")
        else:
            driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(Path(folder) / f"phone_{name}.png"))


def join_as(driver: WebDriver, server: RoomServer, name: str) -> None:
    driver.get(server.join_url)
    wait(driver, shown("screen-join"))
    choices = driver.find_elements(By.CSS_SELECTOR, ".name-choice")
    tap(driver, choices[texts(driver, ".name-choice").index(name)])
    wait(driver, shown("screen-room"))
    wait(driver, text_of("you-name", name))


def write_note(driver: WebDriver, text: str) -> None:
    box = by_id(driver, "note-text")
    box.clear()
    box.send_keys(text)
    tap(driver, "#send")


def device_id(host: FakeHost, name: str) -> str:
    return next(device.device_id for device in host.devices if device.name == name)


def policy_violations(driver: WebDriver) -> list[str]:
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if "Content Security Policy" in entry["message"] or "Uncaught" in entry["message"]
    ]


# -- the tests -------------------------------------------------------------------------------


def test_join_send_a_chinese_note_and_vote(host: FakeHost, server: RoomServer, phone: WebDriver):
    phone.get(server.join_url)
    wait(phone, shown("screen-join"))
    assert texts(phone, ".name-choice") == ["Alice", "Bob"]
    shot(phone, "join")

    join_as(phone, server, "Alice")
    box = by_id(phone, "note-text")
    box.send_keys(CHINESE_NOTE)
    assert by_id(phone, "counter").text == f"{len(CHINESE_NOTE)} / 500"
    tap(phone, ".chip[data-category='pain_point']")
    Select(by_id(phone, "about")).select_by_value("s:10")
    shot(phone, "note")
    tap(phone, "#send")

    wait(phone, lambda _: any(n["text"] == CHINESE_NOTE for n in host.notes))
    note = next(n for n in host.notes if n["text"] == CHINESE_NOTE)
    assert (note["author_id"], note["category"], note["stage_id"]) == (1, "pain_point", 10)
    wait(phone, text_of("my-notes", CHINESE_NOTE))
    assert by_id(phone, "note-text").get_attribute("value") == ""
    wait(phone, text_is("send", "Sent", "Send"))
    shot(phone, "sent", scroll_to="send")

    host.start_round(budget=3)
    wait(phone, shown("pane-vote"), seconds=1.0)
    wait(phone, text_of("dots-left", "3 of 3 dots left"), seconds=1.0)
    tap_selected(phone, f".vote-item[data-target='n:{note['id']}']")
    wait(phone, text_of("dots-left", "2 of 3 dots left"))
    assert host.votes[1] == [{"note_id": note["id"], "touchpoint_id": None}]
    tap_selected(phone, ".vote-item[data-target='t:20']")
    wait(phone, text_of("dots-left", "1 of 3 dots left"))
    shot(phone, "vote")

    tap_selected(phone, ".vote-item[data-target='t:20']")
    wait(phone, text_of("dots-left", "2 of 3 dots left"))
    assert host.votes[1] == [{"note_id": note["id"], "touchpoint_id": None}]

    host.voting = None  # the facilitator ends the round: the ballot closes, writing is back
    host.publish_now()
    wait(phone, hidden("tabs"), seconds=1.0)
    assert by_id(phone, "pane-write").is_displayed()
    assert policy_violations(phone) == []


def test_a_chinese_phone_reads_chinese_and_can_switch(
    host: FakeHost, server: RoomServer, browser: WebDriver
):
    with another_phone(browser, "zh-CN") as driver:  # a phone of its own, set to Chinese
        driver.get(server.join_url)
        wait(driver, shown("screen-join"))
        assert driver.find_element(By.TAG_NAME, "h1").text == "加入工作坊"
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
        shot(driver, "zh_join")
        join_as(driver, server, "Bob")
        host.private_mode = True
        host.add_note(2, "想要更快的取餐")
        wait(driver, text_of("banner-private", "私密模式"))
        write_note(driver, "店员很热情")
        wait(driver, text_of("my-notes", "背面朝上"))
        host.start_round(budget=2)
        wait(driver, text_of("dots-left", "剩余 2 / 2 票"), seconds=1.0)
        shot(driver, "zh_vote")
        tap(driver, "#tab-write")
        shot(driver, "zh_note")

        tap(driver, "#lang")
        wait(driver, text_of("tab-write", "Write"))
        wait(driver, text_of("send", "Send"))


def test_paused_then_removed(host: FakeHost, server: RoomServer, phone: WebDriver):
    join_as(phone, server, "Alice")
    host.timer = {"state": "running", "remaining": 90}
    host.publish_now()
    wait(phone, text_of("timer", "1:"), seconds=1.0)
    first = by_id(phone, "timer").text
    wait(phone, text_is_not("timer", "", first))  # it counts down itself
    server.set_paused(True)
    wait(phone, shown("banner-paused"), seconds=1.0)
    assert not by_id(phone, "send").is_enabled()
    assert by_id(phone, "send").text == "Paused"
    server.set_paused(False)
    wait(phone, enabled("send"))

    server.remove(device_id(host, "Alice"))
    wait(phone, shown("screen-gone"))
    assert by_id(phone, "gone-title").text == "You are no longer in the salon"
    shot(phone, "removed")


def test_stopping_the_invitation_ends_the_phone(server: RoomServer, phone: WebDriver):
    join_as(phone, server, "Bob")
    server.stop()
    wait(phone, shown("screen-gone"))
    assert "stopped inviting" in by_id(phone, "gone-text").text


def test_a_newcomer_waits_until_approved(host: FakeHost, server: RoomServer, phone: WebDriver):
    server.set_approve_newcomers(True)
    phone.get(server.join_url)
    wait(phone, shown("approve-hint"))
    by_id(phone, "new-name").send_keys("Carol")
    tap(phone, "#join-button")
    wait(phone, shown("screen-waiting"))
    assert "Waiting for the facilitator" in by_id(phone, "screen-waiting").text
    shot(phone, "waiting")

    carol = {"id": 3, "name": "Carol", "color": "#a5d8ff"}
    host.participants.append(carol)
    host.publish_now()
    server.approve(device_id(host, "Carol"), carol)
    wait(phone, shown("screen-room"))
    wait(phone, text_of("you-name", "Carol"))


def test_a_taken_name_and_an_old_link_are_explained(
    host: FakeHost, server: RoomServer, phone: WebDriver
):
    first = phone
    join_as(first, server, "Alice")
    with another_phone(first) as second:  # the first phone stays on its page, in the room
        second.get(server.join_url)
        wait(second, shown("screen-join"))
        assert texts(second, ".name-choice") == ["Bob"]
        by_id(second, "new-name").send_keys("alice")
        tap(second, "#join-button")
        wait(second, text_of("join-error", "That name is taken"))

        server.new_link()  # the screen shows a new QR code: the old link stops working
        tap(second, ".name-choice")
        wait(second, shown("screen-gone"))
        assert by_id(second, "gone-title").text == "This link no longer works"
        assert "new QR code" in by_id(second, "gone-text").text
        shot(second, "old_link")


def test_too_many_notes_say_when_to_try_again(host: FakeHost, phone: WebDriver):
    server = open_room(host, Limits(notes_per_minute=1))
    driver = phone
    try:
        join_as(driver, server, "Alice")
        write_note(driver, "First")
        wait(driver, text_of("my-notes", "First"))
        write_note(driver, "Second")
        wait(driver, shown("toast"))
        wait(driver, text_of("toast", "Slow down a little: try again in"))
        assert by_id(driver, "toast").get_attribute("role") == "alert"
        assert [n["text"] for n in host.notes] == ["First"]
        assert by_id(driver, "note-text").get_attribute("value") == "Second"
    finally:
        driver.get("about:blank")
        server.stop()


def test_private_notes_are_revealed_and_deleted_from_the_phone(
    host: FakeHost, server: RoomServer, phone: WebDriver
):
    host.private_mode, host.reveal_policy = True, "author"
    host.publish_now()
    join_as(phone, server, "Alice")
    wait(phone, text_of("banner-private", "you reveal them yourself"))
    write_note(phone, "Only I know this")
    wait(phone, text_of("my-notes", "Face down"))
    assert host.notes[0]["hidden"] is True
    shot(phone, "private", scroll_to="my-notes")

    tap(phone, "#reveal")
    wait(phone, lambda _: host.notes[0]["hidden"] is False)
    wait(phone, text_without("my-notes", "Face down"))

    tap_selected(phone, "#my-notes .note button")
    wait(phone, text_of("my-notes", "Tap again to delete"))
    assert len(host.notes) == 1
    tap_selected(phone, "#my-notes .note button")
    wait(phone, lambda _: host.notes == [])
    wait(phone, shown("my-notes-empty"))


def test_a_dropped_stream_says_reconnecting_and_catches_up(host: FakeHost, phone: WebDriver):
    server = open_room(host, Limits(streams_per_device=1))
    try:
        join_as(phone, server, "Alice")
        wait(phone, lambda _: any(d.connected for d in host.devices))
        # The same phone's stream opened elsewhere closes the page's one (the room keeps one).
        cookie = next(c for c in phone.get_cookies() if c["name"] == COOKIE)
        other = http.client.HTTPConnection(server.address, server.port, timeout=WAIT)
        other.request("GET", "/api/events", headers={"Cookie": f"{COOKIE}={cookie['value']}"})
        assert other.getresponse().status == 200
        wait(phone, shown("banner-offline"))
        assert "Reconnecting" in by_id(phone, "banner-offline").text
        host.start_round(budget=2)  # while the phone is away
        other.close()

        wait(phone, hidden("banner-offline"))
        wait(phone, text_of("dots-left", "2 of 2 dots left"))
    finally:
        phone.get("about:blank")
        server.stop()


def test_a_phone_on_the_room_network_sends_a_note(host: FakeHost, phone: WebDriver):
    """Over the LAN the page is no secure context (plain http to a private address): no
    crypto.randomUUID there, and the note still goes with a client id."""
    address = default_address()
    if address == "127.0.0.1":
        pytest.skip("this machine has no network address but 127.0.0.1")
    server = open_room(host, address=address)
    try:
        join_as(phone, server, "Bob")
        assert phone.execute_script("return window.isSecureContext") is False
        write_note(phone, "Sent over the room's network")
        # The room takes no note without a client id: this one came with the fallback's.
        wait(phone, lambda _: [n["text"] for n in host.notes] == ["Sent over the room's network"])
        assert host.notes[0]["author_id"] == 2
    finally:
        phone.get("about:blank")
        server.stop()


def test_my_notes_from_the_laptop_are_listed_even_without_a_kind(
    host: FakeHost, server: RoomServer, phone: WebDriver
):
    host.add_note(1, "Written on the laptop")
    host.notes[0]["category"] = None  # the desktop lets a note go without a category
    host.publish_now()
    join_as(phone, server, "Alice")
    wait(phone, text_of("my-notes", "Written on the laptop"))
    tags = [tag.text for tag in phone.find_elements(By.CSS_SELECTOR, "#my-notes .tag")]
    assert tags == []


#: The room's refusals of a note, and what the phone says (English, Chinese).
REFUSALS = [
    (413, "too_large", 0, "too long to send", "内容太长"),
    (422, "too_long", 0, "longer than 500 characters", "超过了 500 个字符"),
    (422, "bad_category", 0, "cannot be added", "无法添加"),
    (429, "too_many", 7, "try again in 7 s", "请 7 秒后再试"),
    (503, "paused", 0, "paused by the facilitator", "主持人已暂停输入"),
    (503, "busy", 0, "The board is busy", "看板正忙"),
    (500, "error", 0, "Something went wrong (error 500)", "出错了（错误 500）"),
]


def refuse_notes(driver: WebDriver, status: int, code: str, retry_after: int) -> None:
    """The next notes the page sends get this answer (the page's own fetch, stubbed)."""
    driver.execute_script(
        """
        const [status, code, retry] = arguments;
        window.realFetch = window.realFetch || window.fetch;
        window.fetch = (path, options) => path !== '/api/notes' ? window.realFetch(path, options)
          : Promise.resolve(new Response(JSON.stringify({error: code}), {status: status,
              headers: Object.assign({'Content-Type': 'application/json'},
                                     retry ? {'Retry-After': String(retry)} : {})}));
        """,
        status,
        code,
        retry_after,
    )


def test_every_refusal_of_a_note_is_explained_in_both_languages(
    host: FakeHost, server: RoomServer, phone: WebDriver
):
    join_as(phone, server, "Alice")
    by_id(phone, "note-text").send_keys("A note the room refuses")
    for language, column in (("en", 3), ("zh", 4)):
        if language == "zh":
            tap(phone, "#lang")
        for refusal in REFUSALS:
            refuse_notes(phone, *refusal[:3])
            phone.execute_script("document.getElementById('toast').hidden = true")
            tap(phone, "#send")
            wait(phone, text_of("toast", str(refusal[column])))
    assert host.notes == []
    assert by_id(phone, "note-text").get_attribute("value") == "A note the room refuses"

    refuse_notes(phone, 401, "removed", 0)
    tap(phone, "#send")
    wait(phone, shown("screen-gone"))
    assert by_id(phone, "gone-title").text == "你已不在工作坊中"
