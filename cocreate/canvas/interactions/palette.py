"""A card dragged in from the palette: the cell under the mouse lights up; a drop adds a card
of that kind and channel there."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsSceneDragDropEvent

from cocreate.canvas.interactions.base import CanvasScene, Interaction
from cocreate.canvas.mime import PALETTE_MIME, read_payload


def accepts(scene: CanvasScene, event: QGraphicsSceneDragDropEvent) -> bool:
    """Whether the canvas takes this drag at all: palette data on an editable canvas."""
    return event.mimeData().hasFormat(PALETTE_MIME) and not scene.read_only


class PaletteDrop(Interaction):
    """From the drag entering the canvas to its drop or its leaving."""

    def drag_move(self, event: QGraphicsSceneDragDropEvent) -> None:
        pos = event.scenePos()
        key = self.scene.layout.cell_at(pos.x(), pos.y())
        self.scene.grid.set_drop_cell(key)
        if key is not None and accepts(self.scene, event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.revert()
        self.end()
        payload = read_payload(event.mimeData(), PALETTE_MIME) or {}
        fields = {
            key: payload[key] for key in ("kind", "channel") if isinstance(payload.get(key), str)
        }
        if fields and self.scene.add_touchpoint_at(event.scenePos(), **fields) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def revert(self) -> None:
        self.scene.grid.set_drop_cell(None)
