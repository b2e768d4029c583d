"""What a double-click does, by what lies under it: edit a note's text or a card's title,
rename a stage, a lane or a cluster, write a new note on the board, or add a card to an
empty cell."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent

from cocreate.canvas.backdrop import EmotionCurveItem, GridItem
from cocreate.canvas.interactions.base import CanvasScene
from cocreate.canvas.items import CardItem, LaneLabelItem, StageHeaderItem
from cocreate.canvas.notes import BoardItem, ClusterItem, NoteItem


def double_click(scene: CanvasScene, event: QGraphicsSceneMouseEvent) -> bool:
    """Do what a double-click at the event's place means; False when it means nothing here.
    While a voting round runs, clicks vote: a double-click does nothing more."""
    if scene.voting:
        return True
    pos = event.scenePos()
    item = scene.itemAt(pos, QTransform())
    if _rename(scene, item, pos):
        return True
    if isinstance(item, NoteItem):
        scene.edit_note(item.note_id)
    elif isinstance(item, CardItem):
        scene.edit_requested.emit(item.touchpoint_id)
    elif isinstance(item, BoardItem):
        scene.start_new_note(pos)
    elif item is None or isinstance(item, GridItem | EmotionCurveItem):
        return scene.add_touchpoint_at(pos) is not None
    else:
        return False
    return True


def _rename(scene: CanvasScene, item: QGraphicsItem | None, pos: QPointF) -> bool:
    """A double-click on a stage header, a lane's name or a cluster's title renames it."""
    if isinstance(item, StageHeaderItem) and not item.on_edge(item.mapFromScene(pos).x()):
        scene.rename_stage_in_place(item.stage_id)
    elif isinstance(item, LaneLabelItem):
        scene.rename_lane_in_place(item.lane_id)
    elif isinstance(item, ClusterItem) and item.title_rect().contains(pos):
        scene.rename_cluster_in_place(item.cluster_id)
    else:
        return False
    return True
