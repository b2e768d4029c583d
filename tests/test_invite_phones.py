"""Phones in the participants panel while inviting: the count and the phone mark, pause input,
Remove Phone, and approving newcomers — each through the panel's own controls, checked with
a real phone over HTTP."""

from __future__ import annotations

import pytest
from gui_helpers import when_modal
from invite_helpers import invite, joined_phone, open_window
from phone_client import EventStream, Phone, call
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocreate.room import network
from cocreate.ui import inviting
from cocreate.ui.participants import NAME_COLUMN

pytestmark = pytest.mark.xdist_group("room_ports")  # with tests/room: they bind ports 8765 and up


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    yield from open_window(qtbot, tmp_path, monkeypatch)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose_participant(qtbot, window, participant_id: int) -> None:
    """Click the person in the participants list."""
    tree = window.participants.tree
    item = window.participants._item(participant_id)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.participants.current_author() == participant_id


def test_the_panel_counts_connected_phones_and_marks_their_people(qtbot, window):
    assert not window.phones_panel.isVisible()
    invite(qtbot, window)
    panel = window.phones_panel
    assert panel.isVisible()
    phone = joined_phone(qtbot, window, participant_id=2)
    stream = EventStream(phone)
    qtbot.waitUntil(lambda: window.inviting.phones_connected() == 1)
    assert panel.count_label.text().endswith("1")
    assert window.inviting.dialog.view.count_label.text().endswith("1")
    item = window.participants._item(2)
    assert item.toolTip(NAME_COLUMN) == "Connected from a phone"
    assert window.participants._item(1).toolTip(NAME_COLUMN) == ""
    window.inviting.stop()
    QApplication.processEvents()  # what the room reported as it stopped arrives
    qtbot.waitUntil(stream.closed.is_set)
    assert window.inviting.devices == []  # the stopped room's phones are gone from the panel
    assert window.participants._item(2).toolTip(NAME_COLUMN) == ""
    assert window.inviting.phones_connected() == 0


def test_pause_input_holds_every_phone(qtbot, window):
    invite(qtbot, window)
    phone = joined_phone(qtbot, window)
    click(qtbot, window.phones_panel.pause_box)
    assert window.phones_panel.pause_box.isChecked()
    answer = call(qtbot, phone.note, "Too slow")
    assert answer.status == 503
    assert window.document.count("note", text="Too slow") == 0
    click(qtbot, window.phones_panel.pause_box)
    assert call(qtbot, phone.note, "Too slow", "pain_point", "n2").status == 201


def test_remove_phone_ends_that_phones_access(qtbot, window):
    invite(qtbot, window)
    removed = joined_phone(qtbot, window, participant_id=3)
    other = joined_phone(qtbot, window, participant_id=4)
    panel = window.phones_panel
    qtbot.waitUntil(lambda: any(d.participant_id == 3 for d in window.inviting.devices))
    choose_participant(qtbot, window, 1)
    assert not panel.remove_button.isEnabled()  # no phone of theirs
    choose_participant(qtbot, window, 3)
    assert panel.remove_button.isEnabled()
    click(qtbot, panel.remove_button)
    assert call(qtbot, removed.note, "still here?").status == 401
    assert call(qtbot, other.note, "and me", "idea", "n9").status == 201
    assert window.document.row("participant", 3) is not None  # they stay in the session


def test_approve_newcomers_lets_a_new_name_wait_for_the_facilitator(qtbot, window):
    invite(qtbot, window)
    panel = window.phones_panel
    click(qtbot, panel.approve_box)
    assert panel.approve_box.isChecked()
    people = window.document.count("participant")

    newcomer = Phone(window.inviting.join_url)
    answer = call(qtbot, newcomer.join, "小林")
    assert answer.status == 202
    assert answer.body["status"] == "waiting"
    qtbot.waitUntil(lambda: panel.waiting_list.count() == 1)
    assert panel.waiting.isVisible()
    assert panel.waiting_list.item(0).text() == "小林"
    assert call(qtbot, newcomer.note, "hello").status in (401, 403)  # not in yet

    stranger = Phone(window.inviting.join_url)
    assert call(qtbot, stranger.join, "Spam Bot").status == 202
    qtbot.waitUntil(lambda: panel.waiting_list.count() == 2)

    panel.waiting_list.setCurrentRow(0)
    click(qtbot, panel.approve_button)
    assert window.document.count("participant") == people + 1
    (row,) = window.document.rows("participant", name="小林")
    state = call(qtbot, newcomer.state)
    assert state.body["you"]["status"] == "active"
    assert state.body["you"]["participant"]["id"] == row["id"]
    assert call(qtbot, newcomer.note, "你好").status == 201

    qtbot.waitUntil(lambda: panel.waiting_list.count() == 1)
    assert panel.waiting_list.item(0).text() == "Spam Bot"
    panel.waiting_list.setCurrentRow(0)
    click(qtbot, panel.refuse_button)
    assert call(qtbot, stranger.state).status == 401
    qtbot.waitUntil(lambda: panel.waiting_list.count() == 0)
    assert not panel.waiting.isVisible()
    assert window.document.count("participant") == people + 1


def test_approving_a_name_someone_took_meanwhile_says_so(qtbot, window):
    invite(qtbot, window)
    panel = window.phones_panel
    click(qtbot, panel.approve_box)
    newcomer = Phone(window.inviting.join_url)
    assert call(qtbot, newcomer.join, "Ada").status == 202
    qtbot.waitUntil(lambda: panel.waiting_list.count() == 1)
    window.document.add_participant("ada", "#ffffff", "participant")  # typed in meanwhile
    people = window.document.count("participant")
    seen = when_modal(lambda box: box.accept())
    click(qtbot, panel.approve_button)
    assert seen["text"] == "Someone in the session is already called “Ada”."
    assert window.document.count("participant") == people
    assert panel.waiting_list.count() == 1  # still waiting: approve a new name, or refuse
    assert call(qtbot, newcomer.state).body["you"]["status"] == "waiting"


def wait_in_line(qtbot, window, name: str) -> Phone:
    """A new name joins while approve newcomers is on: it waits in the panel."""
    newcomer = Phone(window.inviting.join_url)
    assert call(qtbot, newcomer.join, name).status == 202
    qtbot.waitUntil(lambda: window.phones_panel.waiting_list.count() == 1)
    return newcomer


def test_stop_inviting_forgets_the_names_waiting(qtbot, window):
    invite(qtbot, window)
    panel = window.phones_panel
    click(qtbot, panel.approve_box)
    wait_in_line(qtbot, window, "小林")
    (stale,) = [device for device in window.inviting.devices if device.waiting]
    people = window.document.count("participant")
    window.inviting.stop()
    QApplication.processEvents()  # what the room reported as it stopped arrives
    assert window.inviting.devices == []
    assert panel.waiting_list.count() == 0

    invite(qtbot, window)  # a new room: the old waiting phone is not in it
    QApplication.processEvents()
    assert panel.waiting_list.count() == 0
    assert not window.inviting.approve(stale)
    assert window.document.count("participant") == people  # nobody written for a gone phone


def test_another_address_starts_with_no_phones(qtbot, window, monkeypatch):
    monkeypatch.setattr(network, "local_ipv4_addresses", lambda: ["127.0.0.1", "127.0.0.2"])
    dialog = invite(qtbot, window)
    panel = window.phones_panel
    click(qtbot, panel.approve_box)
    phone = joined_phone(qtbot, window, participant_id=2)
    stream = EventStream(phone)
    qtbot.waitUntil(lambda: window.inviting.phones_connected() == 1)
    wait_in_line(qtbot, window, "小林")
    dialog.address_combo.setFocus()
    qtbot.keyClick(dialog.address_combo, Qt.Key.Key_Down)  # 127.0.0.2: the room moves there
    assert window.inviting.join_url.startswith("http://127.0.0.2:")
    QApplication.processEvents()
    qtbot.waitUntil(stream.closed.is_set)
    assert window.inviting.devices == []
    assert panel.waiting_list.count() == 0
    assert window.participants._item(2).toolTip(NAME_COLUMN) == ""


def test_approving_a_removed_phones_return_lets_them_in_as_themselves(qtbot, window, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(inviting, "warn", lambda _parent, _title, text: warnings.append(text))
    invite(qtbot, window)
    panel = window.phones_panel
    phone = joined_phone(qtbot, window, participant_id=3)
    qtbot.waitUntil(lambda: any(d.participant_id == 3 for d in window.inviting.devices))
    choose_participant(qtbot, window, 3)
    click(qtbot, panel.remove_button)
    assert call(qtbot, phone.state).status == 401
    people = window.document.count("participant")

    again = Phone(window.inviting.join_url)
    assert call(qtbot, again.join, None, 3).status == 202  # held: the facilitator decides
    qtbot.waitUntil(lambda: panel.waiting_list.count() == 1)
    name = window.document.row("participant", 3)["name"]
    assert panel.waiting_list.item(0).text() == name
    panel.waiting_list.setCurrentRow(0)
    click(qtbot, panel.approve_button)
    assert warnings == []
    assert window.document.count("participant") == people  # nobody new: the same person
    state = call(qtbot, again.state)
    assert state.body["you"]["status"] == "active"
    assert state.body["you"]["participant"]["id"] == 3
