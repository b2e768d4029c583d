"""Workshop > Invite Participants…: the room for phones starts, the invitation shows its QR
code and link, phones join and send notes over real HTTP, and the facilitator stops it."""

from __future__ import annotations

import pytest
from gui_helpers import when_modal
from invite_helpers import LOOPBACK, invite, joined_phone, open_window, press
from phone_client import Phone, call
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cocreate.room import network
from cocreate.ui.invite_dialog import InviteView, qr_modules

pytestmark = pytest.mark.xdist_group("room_ports")  # with tests/room: they bind ports 8765 and up


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    yield from open_window(qtbot, tmp_path, monkeypatch)


def test_invite_starts_the_room_and_shows_its_code_and_link(qtbot, window):
    press(
        qtbot,
        window,
        Qt.Key.Key_J,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.inviting.dialog
    assert dialog is not None and dialog.isVisible()
    link = window.inviting.join_url
    assert link.startswith(f"http://{LOOPBACK}:")
    assert "/j/" in link
    assert dialog.view.link_label.text() == link
    assert dialog.view.qr.text() == link
    assert dialog.view.qr.module_size() >= 3  # large enough to read from a distance
    assert dialog.address_combo.currentData() == LOOPBACK
    assert dialog.view.count_label.text().endswith("0")
    page = call(qtbot, Phone(link).page, link)
    assert page.status == 200
    assert "<html" in page.body.lower()


def test_the_qr_code_is_the_link_with_a_quiet_zone(qtbot, window):
    dialog = invite(qtbot, window)
    image = dialog.view.qr.image(module_px=4)
    modules = qr_modules(window.inviting.join_url)
    side = (len(modules) + 8) * 4
    assert image.width() == image.height() == side
    assert image.pixelColor(2, 2).name() == "#ffffff"  # the quiet zone is light
    assert image.pixelColor(16 + 1, 16 + 1).name() == "#000000"  # the finder pattern's corner


def test_a_note_in_chinese_from_a_phone_is_in_the_file_and_on_the_board(qtbot, window):
    invite(qtbot, window)
    phone = joined_phone(qtbot, window)
    answer = call(qtbot, phone.note, "排队等太久了，想要提前点单")
    assert answer.status == 201, answer.body
    note_id = answer.body["id"]
    document = window.document
    row = document.row("note", note_id)
    assert row is not None
    assert row["text"] == "排队等太久了，想要提前点单"
    assert row["author_id"] == 2  # joined_phone joins as 陈磊 Leo Chen
    scene = window.tabs.current_scene()
    assert row["journey_id"] == scene.journey_id
    assert note_id in scene.notes
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.row("note", note_id) is None
    assert note_id not in scene.notes


def test_new_link_shuts_out_the_old_one(qtbot, window):
    dialog = invite(qtbot, window)
    old = window.inviting.join_url
    qtbot.mouseClick(dialog.new_link_button, Qt.MouseButton.LeftButton)
    new = window.inviting.join_url
    assert new != old
    assert dialog.view.qr.text() == new
    assert dialog.view.link_label.text() == new
    assert call(qtbot, Phone(old).join, None, 2).status == 403
    assert call(qtbot, Phone(new).join, None, 2).status == 200


def test_stop_inviting_ends_every_phones_access(qtbot, window):
    dialog = invite(qtbot, window)
    phone = joined_phone(qtbot, window)
    assert call(qtbot, phone.state).status == 200
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert not window.inviting.running
    assert not dialog.isVisible()
    assert call(qtbot, phone.state).status == 0  # nothing listens any more
    assert not window.phones_panel.isVisible()


def test_closing_the_session_stops_inviting(qtbot, window):
    invite(qtbot, window)
    phone = joined_phone(qtbot, window)
    assert window.close_session()
    assert not window.inviting.running
    assert call(qtbot, phone.state).status == 0


def test_a_room_that_cannot_start_says_why(qtbot, window, monkeypatch):
    monkeypatch.setattr(network, "default_address", lambda: "198.51.100.77")  # not this computer
    seen = when_modal(lambda box: box.accept())
    window.inviting.invite_action.trigger()
    assert "not one of this computer" in seen["text"]
    assert isinstance(seen["widget"], QMessageBox)
    assert not window.inviting.running
    assert window.inviting.dialog is None or not window.inviting.dialog.isVisible()


def test_the_invitation_shows_full_size_on_the_audience_display(qtbot, window):
    dialog = invite(qtbot, window)
    when_modal(lambda box: box.accept())  # "no second screen": it opens in a window
    qtbot.mouseClick(dialog.audience_button, Qt.MouseButton.LeftButton)
    audience = window.facilitation.audience
    assert audience is not None and audience.isVisible()
    cover = audience.cover
    assert isinstance(cover, InviteView) and cover.isVisible()
    assert cover.link() == window.inviting.join_url
    assert cover.geometry() == audience.rect()
    qtbot.mouseClick(dialog.new_link_button, Qt.MouseButton.LeftButton)
    assert cover.link() == window.inviting.join_url  # the room sees the new link
    qtbot.mouseClick(dialog.audience_button, Qt.MouseButton.LeftButton)
    assert audience.cover is None


def test_choosing_another_address_invites_there(qtbot, window, monkeypatch):
    monkeypatch.setattr(network, "local_ipv4_addresses", lambda: [LOOPBACK, "127.0.0.2"])
    dialog = invite(qtbot, window)
    old = window.inviting.join_url
    combo = dialog.address_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [LOOPBACK, "127.0.0.2"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    link = window.inviting.join_url
    assert link.startswith("http://127.0.0.2:")
    assert dialog.view.qr.text() == link
    assert combo.currentData() == "127.0.0.2"
    assert call(qtbot, Phone(old).page, old).status == 0  # nothing listens there now
    assert call(qtbot, Phone(link).page, link).status == 200
