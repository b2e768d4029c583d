"""Stage headers: drag one to reorder the stages, drag its right edge to resize the stage."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from cocreate.canvas.interactions.base import CanvasScene, Interaction
from cocreate.canvas.items import StageHeaderItem
from cocreate.layout import JourneyLayout, clamp_width

#: How far (scene units) a header must travel before a press becomes a reorder.
DRAG_DISTANCE = 6.0


def stage_boundary(layout: JourneyLayout, x: float) -> tuple[int, float]:
    """The index a stage dropped at x takes, and the x of that gap."""
    order = layout.stage_order
    for index, stage_id in enumerate(order):
        column = layout.columns[stage_id]
        if x < column.x + column.width / 2:
            return index, column.x
    last = layout.columns[order[-1]] if order else None
    return len(order), last.right if last else 0.0


class ReorderStage(Interaction):
    """The header follows the mouse across and a bar shows the gap it would take; letting go
    moves the stage there. A press that does not travel is only a click."""

    def __init__(self, scene: CanvasScene, header: StageHeaderItem) -> None:
        super().__init__(scene)
        self.header = header
        self.start_x = 0.0
        self.dragging = False

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        self.start_x = event.scenePos().x()
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        x = event.scenePos().x()
        delta = x - self.start_x
        if not self.dragging and abs(delta) <= DRAG_DISTANCE:
            return
        self.dragging = True
        self.header.set_lifted(True)
        layout = self.scene.layout
        self.header.setPos(layout.headers[self.header.stage_id].x + delta, self.header.y())
        self.scene.grid.set_stage_drop(stage_boundary(layout, x)[1])

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        dragging = self.dragging
        self.revert()
        self.end()
        if dragging:
            self.drop(event.scenePos().x())

    def revert(self) -> None:
        self.header.set_lifted(False)
        self.scene.grid.set_stage_drop(None)
        rect = self.scene.layout.headers.get(self.header.stage_id)
        if rect is not None:
            self.header.setPos(rect.x, rect.y)

    def drop(self, x: float) -> None:
        scene, stage_id = self.scene, self.header.stage_id
        if stage_id not in scene.layout.stage_order:
            return  # the stage went away (undo) during the drag
        index, _ = stage_boundary(scene.layout, x)
        if index > scene.layout.stage_order.index(stage_id):
            index -= 1
        if not scene.document.move_stage(stage_id, index):
            scene.sync()


class ResizeStage(Interaction):
    """The header's right edge follows the mouse (within the allowed widths); letting go
    gives the stage that width."""

    def __init__(self, scene: CanvasScene, header: StageHeaderItem) -> None:
        super().__init__(scene)
        self.header = header
        self.start_x = 0.0
        self.start_width = header.rect.width()

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        self.start_x = event.scenePos().x()
        self.header.set_resizing(True)
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        self.header.set_width(clamp_width(self.start_width + event.scenePos().x() - self.start_x))

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        width = self.header.rect.width()
        self.header.set_resizing(False)
        self.end()
        scene, stage_id = self.scene, self.header.stage_id
        if stage_id in scene.layout.headers and not scene.document.update_stage(
            stage_id, width=round(width)
        ):
            scene.sync()

    def revert(self) -> None:
        self.header.set_resizing(False)
        self.header.set_width(self.start_width)
