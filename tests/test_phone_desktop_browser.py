"""A phone and the real window, end to end: Debian's headless chromium in a 390×844 viewport
opens the join link the window's invitation shows (the room on 127.0.0.1), picks a name and
sends a note in Chinese, which lands in the file and on the board; the facilitator starts a
voting round on the desktop and the phone shows it within a second; the phone's dot counts
down on the phone and in the desktop's participants list and Votes panel.

The browser is driven on a thread of its own (phone_client.call) while the Qt event loop turns:
the window carries out the phones' requests and publishes what they see on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from gui_helpers import show_votes
from invite_helpers import invite, open_window
from phone_client import call
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from cocreate.ui.participants import VOTES_COLUMN
from tests.phone_browser import (
    BROWSER_TESTS,
    another_phone,
    by_id,
    shared_browser,
    shown,
    tap,
    tap_selected,
    text_of,
    texts,
    wait,
)

CHINESE_NOTE = "排队太久了，午饭时间要等二十分钟"
LEO = 2  # 陈磊 Leo Chen, a participant of the demo
LEO_NAME = "陈磊 Leo Chen"
BROWSER_MS = 30000  # the longest a step on the phone may take (starting chromium included)

pytestmark = [*BROWSER_TESTS, pytest.mark.xdist_group("room_ports")]  # ports 8765 and up


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    yield from open_window(qtbot, tmp_path, monkeypatch)


@pytest.fixture
def phone(qtbot, window, request) -> Iterator[WebDriver]:
    """A new phone in the run's browser (set up off the GUI thread, like every step on it)."""
    browser = call(qtbot, shared_browser, request, timeout=BROWSER_MS)
    opened = another_phone(browser)  # its block opens and closes on a thread too
    driver = call(qtbot, opened.__enter__, timeout=BROWSER_MS)
    yield driver
    call(qtbot, driver.get, "about:blank", timeout=BROWSER_MS)  # its event stream closes
    call(qtbot, opened.__exit__, None, None, None, timeout=BROWSER_MS)


def on_phone(qtbot, step: Callable[[], Any]) -> Any:
    """A step on the phone, on a thread, while the window goes on serving the room."""
    return call(qtbot, step, timeout=BROWSER_MS)


def join_as(driver: WebDriver, link: str, name: str) -> list[str]:
    """Open the join link, pick the name; the names the join screen offered."""
    driver.get(link)
    wait(driver, shown("screen-join"))
    choices = driver.find_elements(By.CSS_SELECTOR, ".name-choice")
    names = texts(driver, ".name-choice")
    tap(driver, choices[names.index(name)])
    wait(driver, shown("screen-room"))
    wait(driver, text_of("you-name", name))
    return names


def send_note(driver: WebDriver, text: str) -> None:
    by_id(driver, "note-text").send_keys(text)
    tap(driver, ".chip[data-category='pain_point']")
    tap(driver, "#send")


def test_a_phone_writes_on_the_board_and_votes_in_the_desktops_round(qtbot, window, phone):
    invite(qtbot, window)  # Workshop > Invite Participants…: the room on 127.0.0.1
    link = window.inviting.join_url
    assert link.startswith("http://127.0.0.1:")
    document, scene = window.document, window.tabs.current_scene()

    names = on_phone(qtbot, lambda: join_as(phone, link, LEO_NAME))
    assert LEO_NAME in names
    qtbot.waitUntil(lambda: window.inviting.phones_connected() == 1)
    assert window.participants._item(LEO).toolTip(0) == "Connected from a phone"

    on_phone(qtbot, lambda: send_note(phone, CHINESE_NOTE))
    qtbot.waitUntil(lambda: document.count("note", text=CHINESE_NOTE) == 1)
    (note,) = document.rows("note", text=CHINESE_NOTE)
    assert (note["author_id"], note["category"]) == (LEO, "pain_point")
    assert note["journey_id"] == window.tabs.current_journey_id()
    assert note["id"] in scene.notes  # on the board
    assert scene.notes[note["id"]].row["text"] == CHINESE_NOTE
    assert document.undo_stack.undoText().endswith(LEO_NAME)  # "Note from 陈磊 Leo Chen"
    on_phone(qtbot, lambda: wait(phone, text_of("my-notes", CHINESE_NOTE)))

    assert document.start_voting(3)  # the facilitator starts a round on the desktop
    on_phone(qtbot, lambda: wait(phone, text_of("dots-left", "3 of 3 dots left"), seconds=1.0))
    assert on_phone(qtbot, lambda: by_id(phone, "pane-vote").is_displayed())

    target = f".vote-item[data-target='n:{note['id']}']"
    on_phone(qtbot, lambda: tap_selected(phone, target))
    on_phone(qtbot, lambda: wait(phone, text_of("dots-left", "2 of 3 dots left")))
    qtbot.waitUntil(lambda: document.count("vote", participant_id=LEO, note_id=note["id"]) == 1)
    assert window.participants._item(LEO).text(VOTES_COLUMN) == "2 of 3"
    ranked = show_votes(window).entries()
    assert [(entry.kind, entry.item_id, entry.votes) for entry in ranked] == [
        ("note", note["id"], 1)
    ]
