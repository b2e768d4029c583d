"""Phones in the participants panel, while inviting: how many are connected, pause input,
approve newcomers (with the names waiting, to approve or refuse), and Remove Phone for the
chosen participant. The participants list marks who is connected from a phone
(participant_rows.phone_icon).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocreate.room.host import Device

if TYPE_CHECKING:
    from cocreate.ui.inviting import Inviting
    from cocreate.ui.participants import ParticipantsDock

DEVICE_ROLE = Qt.ItemDataRole.UserRole
#: Rows of waiting names shown before the list scrolls.
WAITING_ROWS = 4


class PhonesPanel(QFrame):
    """The room's phones, under the participants list; shown only while inviting."""

    def __init__(
        self, inviting: Inviting, participants: ParticipantsDock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phonesPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._inviting = inviting
        self._participants = participants
        self.count_label = QLabel()
        self.count_label.setObjectName("phonesCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.show_button = QPushButton()
        self.show_button.setObjectName("showInvitation")
        self.show_button.clicked.connect(inviting.show_dialog)
        self.pause_box = QCheckBox()
        self.pause_box.setObjectName("pausePhones")
        self.pause_box.toggled.connect(inviting.set_paused)
        self.approve_box = QCheckBox()
        self.approve_box.setObjectName("approveNewcomers")
        self.approve_box.toggled.connect(inviting.set_approve_newcomers)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removePhone")
        self.remove_button.clicked.connect(self.remove_phone)

        self.waiting_caption = QLabel()
        self.waiting_caption.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting_list = QListWidget()
        self.waiting_list.setObjectName("waitingPhones")
        self.waiting_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.waiting_list.currentItemChanged.connect(self._update_enabled)
        self.waiting_caption.setBuddy(self.waiting_list)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approvePhone")
        self.approve_button.clicked.connect(self.approve_chosen)
        self.refuse_button = QPushButton()
        self.refuse_button.setObjectName("refusePhone")
        self.refuse_button.clicked.connect(self.refuse_chosen)
        self.waiting = QWidget()
        waiting_buttons = QHBoxLayout()
        waiting_buttons.addWidget(self.approve_button)
        waiting_buttons.addWidget(self.refuse_button)
        waiting_layout = QVBoxLayout(self.waiting)
        waiting_layout.setContentsMargins(0, 0, 0, 0)
        waiting_layout.setSpacing(4)
        waiting_layout.addWidget(self.waiting_caption)
        waiting_layout.addWidget(self.waiting_list)
        waiting_layout.addLayout(waiting_buttons)

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.show_button)
        options = QHBoxLayout()
        options.addWidget(self.pause_box)
        options.addWidget(self.approve_box)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.waiting)

        inviting.state_changed.connect(self.refresh)
        participants.current_author_changed.connect(self._update_enabled)
        self.retranslate()
        self.refresh()

    # -- showing the room ------------------------------------------------------------------------

    def refresh(self) -> None:
        inviting = self._inviting
        self.setVisible(inviting.running)
        phones = inviting.bridge.connected_participants() if inviting.running else set()
        if phones != self._participants.phone_ids:
            self._participants.set_phone_ids(phones)
        for box, on in (
            (self.pause_box, inviting.paused),
            (self.approve_box, inviting.approve_newcomers),
        ):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self._show_count()
        self._fill_waiting([d for d in inviting.devices if d.waiting] if inviting.running else [])
        self._update_enabled()

    def _show_count(self) -> None:
        self.count_label.setText(
            self.tr("Phones connected: %1").replace("%1", str(self._inviting.phones_connected()))
        )

    def _fill_waiting(self, waiting: list[Device]) -> None:
        chosen = self.chosen_waiting()
        self.waiting_list.blockSignals(True)
        self.waiting_list.clear()
        for device in waiting:
            item = QListWidgetItem(device.name)  # people's text: plain
            item.setData(DEVICE_ROLE, device)
            self.waiting_list.addItem(item)
            if chosen is not None and device.device_id == chosen.device_id:
                self.waiting_list.setCurrentItem(item)
        if self.waiting_list.currentItem() is None and waiting:
            self.waiting_list.setCurrentRow(0)
        self.waiting_list.blockSignals(False)
        rows = max(1, min(len(waiting), WAITING_ROWS))
        height = self.waiting_list.sizeHintForRow(0) if waiting else 20
        self.waiting_list.setFixedHeight(
            rows * max(height, 18) + 2 * self.waiting_list.frameWidth()
        )
        self.waiting.setVisible(bool(waiting))

    def chosen_waiting(self) -> Device | None:
        item = self.waiting_list.currentItem()
        device = item.data(DEVICE_ROLE) if item is not None else None
        return device if isinstance(device, Device) else None

    def _chosen_has_phone(self) -> bool:
        row = self._participants.current_row()
        return row is not None and any(
            device.participant_id == row["id"] for device in self._inviting.devices
        )

    def _update_enabled(self, *_args: object) -> None:
        self.remove_button.setEnabled(self._inviting.running and self._chosen_has_phone())
        chosen = self.chosen_waiting() is not None
        self.approve_button.setEnabled(chosen)
        self.refuse_button.setEnabled(chosen)

    # -- the facilitator's choices ---------------------------------------------------------------

    def approve_chosen(self) -> bool:
        device = self.chosen_waiting()
        return device is not None and self._inviting.approve(device)

    def refuse_chosen(self) -> None:
        device = self.chosen_waiting()
        if device is not None:
            self._inviting.refuse(device)

    def remove_phone(self) -> int:
        """End the access of the chosen participant's phone (they stay in the session)."""
        row = self._participants.current_row()
        return self._inviting.remove_phones_of(row["id"]) if row is not None else 0

    # -- translated texts ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._show_count()
        self.show_button.setText(self.tr("QR Code…"))
        self.show_button.setToolTip(self.tr("Show the invitation to join from phones"))
        self.pause_box.setText(self.tr("Pause input"))
        self.pause_box.setToolTip(
            self.tr("Phones can look but not send notes or votes; they say the salon is paused")
        )
        self.approve_box.setText(self.tr("Approve newcomers"))
        self.approve_box.setToolTip(
            self.tr("A new name waits until you approve it here; known participants join at once")
        )
        self.remove_button.setText(self.tr("Remove Phone"))
        self.remove_button.setToolTip(
            self.tr("End the access of the chosen participant's phone; they stay in the session")
        )
        self.waiting_caption.setText(self.tr("&Waiting to join:"))
        self.approve_button.setText(self.tr("Approve"))
        self.refuse_button.setText(self.tr("Refuse"))
