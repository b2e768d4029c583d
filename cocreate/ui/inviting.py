"""Inviting participants to join from their phones: Workshop > Invite Participants… starts the
room's server and shows the invitation; Stop Inviting, closing the session or quitting ends
every phone's access at once.

The server (cocreate.room.server) runs on its own thread; the RoomBridge carries its requests
out on the GUI thread. This controller owns both, the invitation on the laptop and on the
audience display, and what the phones panel asks of the room (pause, approve, remove).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMainWindow

from cocreate.document import Document, PhoneEditError
from cocreate.resources import resource_path
from cocreate.room import network
from cocreate.room.host import Device
from cocreate.ui.actions import make_action, set_texts
from cocreate.ui.facilitation import FacilitationActions
from cocreate.ui.invite_dialog import InviteDialog, InviteView
from cocreate.ui.journey_tabs import JourneyTabs
from cocreate.ui.memory import set_aside_what_exists
from cocreate.ui.message import warn
from cocreate.ui.room_bridge import RoomBridge, participant_view

if TYPE_CHECKING:
    from cocreate.room.server import RoomServer, RoomStartError

INVITE_SHORTCUT = "Ctrl+Shift+J"


class Inviting(QObject):
    """The room for phones of one window: started, stopped, its link and its phones.

    `state_changed` fires when inviting starts or stops, the link changes or the phones do.
    """

    state_changed = Signal()

    def __init__(
        self, window: QMainWindow, tabs: JourneyTabs, facilitation: FacilitationActions
    ) -> None:
        super().__init__(window)
        self.window = window
        self._facilitation = facilitation
        self.bridge = RoomBridge(tabs, facilitation.timer, self)
        self.bridge.devices_updated.connect(self._devices_changed)
        self.server: RoomServer | None = None
        self.dialog: InviteDialog | None = None
        self.audience_view: InviteView | None = None
        self.paused = False
        self.approve_newcomers = False
        self.invite_action = make_action(window, self.invite, INVITE_SHORTCUT)
        self.stop_action = make_action(window, self.stop)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self.retranslate()
        self.update_state()

    # -- state -----------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def join_url(self) -> str:
        return self.server.join_url if self.running and self.server is not None else ""

    @property
    def devices(self) -> list[Device]:
        return self.bridge.devices

    def phones_connected(self) -> int:
        return sum(1 for device in self.devices if device.connected and not device.waiting)

    def set_document(self, document: Document | None) -> None:
        """The window's session; another one (or none) ends the invitation of the last."""
        if document is not self.bridge.document:
            self.stop()
        self.bridge.set_document(document)
        self.update_state()

    def update_state(self) -> None:
        document = self.bridge.document
        self.invite_action.setEnabled(document is not None and not document.read_only)
        self.stop_action.setEnabled(self.running)

    def retranslate(self) -> None:
        set_texts(
            {
                self.invite_action: (
                    self.tr("&Invite Participants…"),
                    self.tr("Let participants join from their phones: show a QR code to scan"),
                ),
                self.stop_action: (
                    self.tr("Stop &Inviting"),
                    self.tr("End every phone's access at once"),
                ),
            }
        )

    # -- starting and stopping -------------------------------------------------------------------

    def _server(self) -> RoomServer:
        if self.server is None:
            # Imported here: aiohttp loads only once someone invites.
            from cocreate.room.server import RoomServer

            self.server = RoomServer(self.bridge, resource_path("room"))
        return self.server

    def start(self, address: str, port: int | None = None) -> str:
        """Start inviting on the address (and port, else the usual one or the next free one);
        the join link. Raises RoomStartError when the address or port cannot be used."""
        if self.running:
            self.stop()
        server = self._server()
        self.bridge.begin_run()
        try:
            link = server.start(address, port)
        except Exception:
            self.bridge.set_publisher(None)  # no run after all
            raise
        set_aside_what_exists("room", session_open=True)  # the room's modules, once
        server.set_paused(self.paused)
        server.set_approve_newcomers(self.approve_newcomers)
        self.bridge.set_publisher(server.publish)
        self._show_link()
        self.update_state()
        self.state_changed.emit()
        return link

    def invite(self) -> bool:
        """Workshop > Invite Participants…: inviting on the default address (unless it runs
        already), then the invitation on screen."""
        if not self.running and not self._start_or_warn(network.default_address()):
            return False
        self.show_dialog()
        return True

    def _start_or_warn(self, address: str, port: int | None = None) -> bool:
        from cocreate.room.server import RoomStartError

        try:
            self.start(address, port)
        except RoomStartError as error:
            self.stop()
            warn(self.window, self.tr("Cannot Invite Participants"), self.start_error(error))
            return False
        return True

    def start_error(self, error: RoomStartError) -> str:
        """What went wrong, in the window's language."""
        reason = getattr(error, "reason", "")
        if reason == "port_taken":
            return self.tr(
                "Another program on this computer uses the port. Close it, or choose another port."
            )
        if reason == "address_not_local":
            return self.tr("That address is not one of this computer's. Choose another one.")
        return self.tr("The room for phones could not start: %1").replace("%1", str(error))

    def stop(self) -> None:
        """Every phone's access ends at once; the invitation leaves the screens."""
        self.bridge.set_publisher(None)  # first: the phones the room drops as it stops stay out
        if self.server is not None and self.server.running:
            self.server.stop()
        if self.dialog is not None:
            self.dialog.close()
        self.show_on_audience(False)
        self.update_state()
        self.state_changed.emit()

    def new_link(self) -> str:
        """A new join link; the old one stops working."""
        if not self.running or self.server is None:
            return ""
        link = self.server.new_link()
        self._show_link()
        self.state_changed.emit()
        return link

    def use_address(self, address: str) -> None:
        """Invite on another of the computer's addresses (a new link on it)."""
        if self.server is not None and self.server.address == address and self.running:
            return
        self.bridge.set_publisher(None)  # the phones of the old address are gone
        if self.server is not None and self.server.running:
            self.server.stop()
        if self._start_or_warn(address):
            self.show_dialog()

    # -- the invitation on screen ----------------------------------------------------------------

    def _views(self) -> list[InviteView]:
        views = [self.audience_view] if self.audience_view is not None else []
        return views + ([self.dialog.view] if self.dialog is not None else [])

    def _show_link(self) -> None:
        for view in self._views():
            view.set_link(self.join_url)
            view.set_count(self.phones_connected())

    def show_dialog(self) -> InviteDialog:
        if self.dialog is None:
            dialog = InviteDialog(self.window)
            dialog.address_chosen.connect(self.use_address)
            dialog.new_link_requested.connect(self.new_link)
            dialog.stop_requested.connect(self.stop)
            dialog.audience_toggled.connect(self.show_on_audience)
            self.dialog = dialog
        addresses = network.local_ipv4_addresses()
        current = self.server.address if self.server is not None else ""
        if current and current not in addresses:
            addresses.append(current)
        self.dialog.set_addresses(addresses, current)
        self.dialog.show_audience(self.audience_view is not None)
        self._show_link()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def show_on_audience(self, on: bool) -> None:
        """The invitation full size on the audience display (opening it), or the board again."""
        facilitation = self._facilitation
        if on and self.running and self.audience_view is None:
            if facilitation.audience is None or not facilitation.audience.isVisible():
                facilitation.audience_action.setChecked(True)
                facilitation.set_audience(True)
            audience = facilitation.audience
            if audience is None:
                return
            self.audience_view = InviteView(large=True)
            audience.closed.connect(lambda: self.show_on_audience(False))
            audience.show_over(self.audience_view)
            self._show_link()
        elif not on and self.audience_view is not None:
            if facilitation.audience is not None:
                facilitation.audience.show_over(None)
            self.audience_view.deleteLater()
            self.audience_view = None
        if self.dialog is not None:
            self.dialog.show_audience(self.audience_view is not None)

    def _devices_changed(self, _devices: list[Device]) -> None:
        for view in self._views():
            view.set_count(self.phones_connected())
        self.state_changed.emit()

    # -- what the phones panel asks ----------------------------------------------------------------

    def set_paused(self, on: bool) -> None:
        self.paused = on
        if self.running and self.server is not None:
            self.server.set_paused(on)

    def set_approve_newcomers(self, on: bool) -> None:
        self.approve_newcomers = on
        if self.running and self.server is not None:
            self.server.set_approve_newcomers(on)

    def approve(self, device: Device) -> bool:
        """Let a waiting phone in: a newcomer becomes a participant (one undoable command); a
        phone asking for a known participant (after Remove Phone) joins as them."""
        document = self.bridge.document
        if not self.running or self.server is None or document is None:
            return False
        if not any(d.device_id == device.device_id and d.waiting for d in self.devices):
            return False  # that phone is gone (refused, left, or of an earlier run)
        if device.asks_for is not None:  # someone whose phone was removed: them again
            known = document.row("participant", device.asks_for)
            if known is None:
                return False
            self.server.approve(device.device_id, participant_view(known))
            return True
        try:
            participant_id = document.add_phone_participant(device.name)
        except PhoneEditError as error:
            if error.reason == "name_taken":  # someone of that name came in meanwhile
                text = self.tr("Someone in the session is already called “%1”.")
            else:
                text = self.tr("The name “%1” cannot be added to the session.")
            warn(self.window, self.tr("Cannot Approve"), text.replace("%1", device.name))
            return False
        row = document.row("participant", participant_id)
        if row is None:
            return False
        self.server.approve(device.device_id, participant_view(row))
        return True

    def refuse(self, device: Device) -> None:
        if self.running and self.server is not None:
            self.server.refuse(device.device_id)

    def remove_phones_of(self, participant_id: int) -> int:
        """End the access of the participant's phones; how many there were."""
        if not self.running or self.server is None:
            return 0
        devices = [d for d in self.devices if d.participant_id == participant_id]
        for device in devices:
            self.server.remove(device.device_id)
        return len(devices)
