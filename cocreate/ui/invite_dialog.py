"""The invitation to join from phones: a large QR code of the join link, the link as text and
the count of phones connected; on the laptop in a dialog with its controls, and full size on
the audience display.

The QR code is drawn from segno's module matrix at a whole number of pixels per module, with
the quiet zone around it, so it stays crisp at any size and a phone's camera reads it from the
back of the room.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QImage,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

#: Modules of light margin around the code, as the QR standard asks.
QUIET_ZONE = 4
#: The words beside the code on a wide display take at least this share of its width (and
#: the width of the link); the code takes the rest, up to the display's height.
WIDE_WORDS_SHARE = 0.4
MIN_QR_SIDE = 240
#: The link's type on a wide display, in points, when it fits.
LINK_POINTS = 28
DARK = QColor("#000000")
LIGHT = QColor("#ffffff")


def qr_modules(text: str) -> list[list[bool]]:
    """The code's dark (True) and light modules, row by row, without the quiet zone."""
    code = segno.make(text, error="m", micro=False)
    return [[bool(value) for value in row] for row in code.matrix]


class QrCodeWidget(QWidget):
    """A QR code as large as the widget allows, at whole pixels per module, on white."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("joinQrCode")
        self._text = ""
        self._modules: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(240, 240))

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self._modules = qr_modules(text) if text else []
        self.setAccessibleDescription(text)
        self.update()

    def module_size(self) -> int:
        """Pixels per module at the widget's size now (0 when there is no code)."""
        if not self._modules:
            return 0
        side = min(self.width(), self.height())
        return max(1, side // (len(self._modules) + 2 * QUIET_ZONE))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(420, 420)

    def image(self, module_px: int = 8) -> QImage:
        """The code with its quiet zone as an image, module_px pixels per module."""
        count = len(self._modules) + 2 * QUIET_ZONE
        image = QImage(count * module_px, count * module_px, QImage.Format.Format_RGB32)
        image.fill(LIGHT)
        painter = QPainter(image)
        self._draw(painter, 0, 0, module_px)
        painter.end()
        return image

    def _draw(self, painter: QPainter, left: int, top: int, module_px: int) -> None:
        count = len(self._modules) + 2 * QUIET_ZONE
        painter.fillRect(left, top, count * module_px, count * module_px, LIGHT)
        for y, row in enumerate(self._modules):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        left + (x + QUIET_ZONE) * module_px,
                        top + (y + QUIET_ZONE) * module_px,
                        module_px,
                        module_px,
                        DARK,
                    )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        module_px = self.module_size()
        if not module_px:
            return
        side = (len(self._modules) + 2 * QUIET_ZONE) * module_px
        painter = QPainter(self)
        self._draw(painter, (self.width() - side) // 2, (self.height() - side) // 2, module_px)
        painter.end()


class InviteView(QWidget):
    """What a person in the room reads: the code, the link, how to join, phones connected.

    large: the audience display's version, with larger type on a white page.
    """

    def __init__(self, large: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inviteView")
        self._large = large
        self._count = 0
        align = Qt.AlignmentFlag.AlignLeft if large else Qt.AlignmentFlag.AlignHCenter
        self.heading = self._label("inviteHeading", 36 if large else 18, align, bold=True)
        self.qr = QrCodeWidget()
        self.link_label = self._label("joinLink", LINK_POINTS if large else 15, align, bold=True)
        # Typed from the screen by some: a fixed-pitch face tells l, I and 1, O and 0 apart.
        link_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        link_font.setPointSize(self.link_label.font().pointSize())
        link_font.setBold(True)
        self.link_label.setFont(link_font)
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link_label.setCursor(Qt.CursorShape.IBeamCursor)
        self.hint = self._label("joinHint", 20 if large else 0, align)
        self.hint.setWordWrap(True)
        self.count_label = self._label("phoneCount", 26 if large else 0, align, bold=True)
        if large:
            self.heading.setWordWrap(True)
            self._lay_out_wide()
        else:
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(12)
            for widget, stretch in self._parts():
                layout.addWidget(widget, stretch)
        self.retranslate()

    def _parts(self) -> list[tuple[QWidget, int]]:
        return [
            (self.heading, 0),
            (self.qr, 1),
            (self.link_label, 0),
            (self.hint, 0),
            (self.count_label, 0),
        ]

    def _lay_out_wide(self) -> None:
        """For a projector: the code as tall as the screen on the left, the words beside it,
        dark on a white page."""
        texts = QVBoxLayout()
        texts.setSpacing(24)
        texts.addStretch(1)
        for widget, _stretch in self._parts():
            if widget is not self.qr:
                texts.addWidget(widget)
        texts.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(48, 40, 64, 40)
        layout.setSpacing(48)
        layout.addWidget(self.qr)
        layout.addLayout(texts, 1)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), LIGHT)
        palette.setColor(self.foregroundRole(), QColor("#212121"))
        self.setPalette(palette)

    @staticmethod
    def _label(name: str, point_size: int, align: Qt.AlignmentFlag, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(align)
        font = QFont(label.font())
        if point_size:
            font.setPointSize(point_size)
        font.setBold(bold)
        label.setFont(font)
        return label

    def link(self) -> str:
        return self.qr.text()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self._large:
            self._fit_wide()

    def _fit_wide(self) -> None:
        """The code as tall as the display (leaving the words their share of its width), and
        the link in the largest type up to LINK_POINTS that fits beside it."""
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = self.width() - margins.left() - margins.right() - layout.spacing()
        tall = self.height() - margins.top() - margins.bottom()
        side = max(MIN_QR_SIDE, min(tall, int(inner * (1 - WIDE_WORDS_SHARE))))
        self.qr.setFixedWidth(side)
        room = max(1, inner - side)
        font = QFont(self.link_label.font())
        lines = self.link_label.text().split("\n")
        for points in range(LINK_POINTS, 9, -1):
            font.setPointSize(points)
            metrics = QFontMetrics(font)
            if max(metrics.horizontalAdvance(line) for line in lines) <= room:
                break
        self.link_label.setFont(font)

    def set_link(self, link: str) -> None:
        self.qr.set_text(link)
        if self._large:  # the address, then the token: two lines that fit beside the code
            origin, slash, path = link.partition("/j/")
            self.link_label.setText(f"{origin}\n{slash}{path}" if slash else link)
            self._fit_wide()
        else:
            self.link_label.setText(link)

    def set_count(self, count: int) -> None:
        self._count = count
        self.count_label.setText(self.tr("Phones connected: %1").replace("%1", str(count)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Join from your phone"))
        self.hint.setText(
            self.tr(
                "Scan the code with your phone's camera, or type the address in its browser."
                " Your phone must be on the same Wi-Fi as this laptop."
            )
        )
        self.set_count(self._count)


class InviteDialog(QDialog):
    """The facilitator's invitation: the InviteView and its controls. It stays open beside the
    window (not modal); closing it goes on inviting, Stop Inviting ends it."""

    address_chosen = Signal(str)
    new_link_requested = Signal()
    stop_requested = Signal()
    audience_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inviteDialog")
        self.view = InviteView()
        self.address_caption = QLabel()
        self.address_combo = QComboBox()
        self.address_combo.setObjectName("inviteAddress")
        self.address_caption.setBuddy(self.address_combo)
        self.address_combo.activated.connect(
            lambda index: self.address_chosen.emit(self.address_combo.itemData(index))
        )
        self.new_link_button = QPushButton()
        self.new_link_button.setObjectName("newLink")
        self.new_link_button.clicked.connect(self.new_link_requested)
        self.audience_button = QPushButton()
        self.audience_button.setObjectName("inviteOnAudience")
        self.audience_button.setCheckable(True)
        self.audience_button.toggled.connect(self.audience_toggled)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stopInviting")
        self.stop_button.clicked.connect(self.stop_requested)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeInvite")
        self.close_button.clicked.connect(self.close)
        self.close_button.setDefault(True)

        address_row = QHBoxLayout()
        address_row.addWidget(self.address_caption)
        address_row.addWidget(self.address_combo, 1)
        address_row.addWidget(self.new_link_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.audience_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.view, 1)
        layout.addLayout(address_row)
        layout.addLayout(buttons)
        self.resize(560, 720)
        self.retranslate()

    def set_addresses(self, addresses: list[str], current: str) -> None:
        self.address_combo.blockSignals(True)
        self.address_combo.clear()
        for address in addresses:
            self.address_combo.addItem(self._address_text(address), address)
        self.address_combo.setCurrentIndex(max(0, self.address_combo.findData(current)))
        self.address_combo.blockSignals(False)

    def _address_text(self, address: str) -> str:
        if address.startswith("127."):
            return self.tr("%1 (this computer only)").replace("%1", address)
        return address

    def show_audience(self, on: bool) -> None:
        self.audience_button.blockSignals(True)
        self.audience_button.setChecked(on)
        self.audience_button.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Invite Participants"))
        self.address_caption.setText(self.tr("&Network address:"))
        self.address_combo.setToolTip(
            self.tr("The address phones reach this laptop at: the one of the room's Wi-Fi")
        )
        for index in range(self.address_combo.count()):
            self.address_combo.setItemText(
                index, self._address_text(self.address_combo.itemData(index))
            )
        self.new_link_button.setText(self.tr("New &Link"))
        self.new_link_button.setToolTip(
            self.tr("Make a new join link; the old one stops working (phones already in stay)")
        )
        self.audience_button.setText(self.tr("Show on &Audience Display"))
        self.stop_button.setText(self.tr("&Stop Inviting"))
        self.stop_button.setToolTip(self.tr("End every phone's access at once"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Hide this window; phones can still join"))
