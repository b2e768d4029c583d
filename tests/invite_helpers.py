"""The window the invitation tests drive: a demo salon saved to a file, the room on this
computer only (127.0.0.1), and the steps a facilitator takes to invite phones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from phone_client import Phone, call
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocreate.demo import write_demo
from cocreate.room import network
from cocreate.ui.app import create_application, start_window
from cocreate.ui.invite_dialog import InviteDialog
from cocreate.ui.main_window import MainWindow

LOOPBACK = "127.0.0.1"


def open_window(qtbot, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """For a fixture: the window on a demo file; the room listens on 127.0.0.1 only."""
    monkeypatch.setattr(network, "default_address", lambda: LOOPBACK)
    path = folder / "salon.cocreate"
    write_demo(path)
    create_application()
    window = start_window(str(path))
    window.activateWindow()
    qtbot.waitExposed(window)
    yield window
    window.inviting.stop()
    if window.document is not None:
        document = window.document
        window._set_document(None)
        document.close()
    window.close()
    window.deleteLater()


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press through the window system, so that the menu shortcuts see it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), key, modifier)


def invite(qtbot, window: MainWindow) -> InviteDialog:
    """Workshop > Invite Participants… from its menu; the invitation dialog."""
    action = window.inviting.invite_action
    assert action in window.workshop_menu.actions()
    assert action.isEnabled()
    action.trigger()
    dialog = window.inviting.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def joined_phone(qtbot, window: MainWindow, participant_id: int = 2) -> Phone:
    """A phone that joined as a participant of the session (2: 陈磊 Leo Chen; 1 is the
    facilitator, who does not join from a phone)."""
    phone = Phone(window.inviting.join_url)
    answer = call(qtbot, phone.join, None, participant_id)
    assert answer.status == 200, answer.body
    return phone
