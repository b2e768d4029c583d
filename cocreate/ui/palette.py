"""The palette: touchpoint kinds and channels to drag onto the canvas, or to add with Enter or
a double-click (to the selected card's cell, or the cell in view)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDrag, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocreate.canvas.icons import channel_icon, kind_icon
from cocreate.canvas.mime import PALETTE_MIME, palette_mime_data
from cocreate.canvas.view import JourneyView
from cocreate.labels import label, values
from cocreate.layout import Rect

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole
ICON_SIZE = 20


def entry_payload(item: QTreeWidgetItem | None) -> dict[str, str] | None:
    """What a palette entry adds: {"kind": value} or {"channel": value}; None for a heading."""
    if item is None:
        return None
    payload: Any = item.data(0, PAYLOAD_ROLE)
    return dict(payload) if isinstance(payload, dict) else None


def card_spot(view: JourneyView) -> QPointF | None:
    """Where an entry added with Enter or a double-click puts its card: the selected card's
    cell (at its end), else the cell in the middle of the view, else the cell that shows most
    in the view (at its end); None when no cell is in view."""
    scene = view.journey_scene()
    cells = scene.layout.cells
    for card_id in scene.selected_touchpoint_ids():
        row = scene.touchpoint_rows.get(card_id)
        key = (row["stage_id"], row["lane_id"]) if row is not None else None
        if key in cells:
            return _end_of(cells[key])
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    if scene.layout.cell_at(seen.center().x(), seen.center().y()) is not None:
        return seen.center()
    shown = {key: _area(_qrect(rect).intersected(seen)) for key, rect in cells.items()}
    best = max(shown, key=lambda key: shown[key], default=None)
    return _end_of(cells[best]) if best is not None and shown[best] > 0 else None


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


def _area(rect: QRectF) -> float:
    return rect.width() * rect.height() if rect.isValid() else 0.0


def _end_of(cell: Rect) -> QPointF:
    """A point in the cell's last corner: a card added there goes after the cell's cards."""
    return QPointF(cell.right - 1, cell.bottom - 1)


class RoomyDelegate(QStyledItemDelegate):
    """Rows a little taller than the icons, so that neighbouring icons do not touch."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), ICON_SIZE) + 6)


class PaletteTree(QTreeWidget):
    """Two groups of draggable entries. Drag-only: it never accepts a drop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paletteTree")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(8)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setUniformRowHeights(True)
        self.setItemDelegate(RoomyDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.kinds_group = self._group()
        self.channels_group = self._group()
        for value in values("kind"):
            self._entry(self.kinds_group, {"kind": value}).setIcon(0, kind_icon(value))
        for value in values("channel"):
            self._entry(self.channels_group, {"channel": value}).setIcon(0, channel_icon(value))
        self.expandAll()
        self.setItemsExpandable(False)
        self.setCurrentItem(self.kinds_group.child(0))
        self.retranslate()

    def _group(self) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        return group

    @staticmethod
    def _entry(group: QTreeWidgetItem, payload: dict[str, str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group)
        item.setData(0, PAYLOAD_ROLE, payload)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        return item

    def entries(self) -> list[QTreeWidgetItem]:
        return [
            group.child(i)
            for group in (self.kinds_group, self.channels_group)
            for i in range(group.childCount())
        ]

    # -- dragging --------------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [PALETTE_MIME]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData | None:  # noqa: N802
        payload = next((p for p in map(entry_payload, items) if p is not None), None)
        return palette_mime_data(payload) if payload is not None else None

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt's name)
        return Qt.DropAction.CopyAction

    def startDrag(self, supported_actions: Qt.DropAction) -> None:  # noqa: N802 (Qt's name)
        item = self.currentItem()
        data = self.mimeData([item]) if item is not None else None
        if data is None:
            return
        drag = QDrag(self)
        drag.setMimeData(data)
        pixmap = self._drag_pixmap(item)
        drag.setPixmap(pixmap)
        ratio = pixmap.devicePixelRatio()
        drag.setHotSpot(QPoint(int(pixmap.width() / ratio / 2), int(pixmap.height() / ratio / 2)))
        drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)

    def _drag_pixmap(self, item: QTreeWidgetItem) -> QPixmap:
        """A small card with the entry's icon and name, as the pointer carries it."""
        text = item.text(0)
        metrics = QFontMetrics(self.font())
        pad, gap = 8, 6
        width = pad + ICON_SIZE + gap + metrics.horizontalAdvance(text) + pad
        height = max(ICON_SIZE, metrics.height()) + 2 * pad
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(width * ratio), int(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(0.5, 0.5, width - 1, height - 1)
        base = self.palette().color(QPalette.ColorRole.Base)
        base.setAlpha(235)
        painter.setBrush(base)
        painter.setPen(QPen(QColor("#90a4ae"), 1))
        painter.drawRoundedRect(card, 6, 6)
        icon_top = (height - ICON_SIZE) / 2
        item.icon(0).paint(painter, pad, int(icon_top), ICON_SIZE, ICON_SIZE)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.setFont(self.font())
        text_rect = QRectF(pad + ICON_SIZE + gap, 0, width - pad - ICON_SIZE - gap, height)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine, text
        )
        painter.end()
        return pixmap

    # -- translated texts ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.kinds_group.setText(0, self.tr("Touchpoint kinds"))
        self.channels_group.setText(0, self.tr("Channels"))
        for item in self.entries():
            payload = entry_payload(item) or {}
            if "kind" in payload:
                name = label("kind", payload["kind"])
                tip = self.tr(
                    "Drag onto the canvas to add a touchpoint of the kind “%1”; "
                    "double-click or press Enter to add one"
                )
            else:
                name = label("channel", payload["channel"])
                tip = self.tr(
                    "Drag onto the canvas to add a touchpoint on the channel “%1”; "
                    "double-click or press Enter to add one"
                )
            item.setText(0, name)
            item.setToolTip(0, tip.replace("%1", name))


class PaletteDock(QDockWidget):
    """Kinds and channels to drag onto the canvas. `activated` carries an entry's payload when
    the person double-clicks it or presses Enter on it: {"kind": value} or {"channel": value}."""

    activated = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paletteDock")
        self.hint_label = QLabel()
        self.hint_label.setObjectName("paletteHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = PaletteTree()
        self.tree.itemActivated.connect(self._on_item_activated)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self.setFocusProxy(self.tree)
        self.retranslate()

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        payload = entry_payload(item)
        if payload is not None:
            self.activated.emit(payload)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Palette"))
        self.hint_label.setText(self.tr("Drag onto the canvas to add a touchpoint"))
        self.tree.setToolTip(
            self.tr("Touchpoint kinds and channels: drag one onto the canvas to add a card")
        )
