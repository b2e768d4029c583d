"""Which gesture a left press starts, by mode and by what lies under the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent

from cocreate.canvas.interactions.base import CanvasScene, Interaction, Mode
from cocreate.canvas.interactions.cluster import DragCluster
from cocreate.canvas.interactions.link import DrawLink
from cocreate.canvas.interactions.move import MoveItems
from cocreate.canvas.interactions.rubber_band import RubberBand
from cocreate.canvas.interactions.stage import ReorderStage, ResizeStage
from cocreate.canvas.interactions.vote import VoteClick, vote_target
from cocreate.canvas.items import CardItem, StageHeaderItem
from cocreate.canvas.notes import ClusterItem, NoteItem

LEFT = Qt.MouseButton.LeftButton


def top_item(scene: CanvasScene, pos: QPointF) -> QGraphicsItem | None:
    """The item a press at pos goes to: the topmost one there that takes the left button."""
    for item in scene.items(
        pos, Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.DescendingOrder, QTransform()
    ):
        if item.acceptedMouseButtons() & LEFT:
            return item
    return None


def gesture_for_press(
    scene: CanvasScene, event: QGraphicsSceneMouseEvent, mode: Mode
) -> Interaction | None:
    """The gesture a press starts before Qt sees it (votes, links, headers, cluster frames),
    or None to let Qt select and grab the item under the mouse."""
    if event.button() != LEFT or scene.read_only:
        return None
    pos = event.scenePos()
    if mode is Mode.VOTE and (target := vote_target(scene, pos)) is not None:
        return VoteClick(scene, target)
    card = scene.card_at(pos)
    if card is not None and (mode is Mode.LINK or card.on_handle(card.mapFromScene(pos))):
        return DrawLink(scene, card)
    item = top_item(scene, pos)
    if isinstance(item, StageHeaderItem):
        on_edge = item.on_edge(item.mapFromScene(pos).x())
        return ResizeStage(scene, item) if on_edge else ReorderStage(scene, item)
    if isinstance(item, ClusterItem) and mode is not Mode.VOTE:
        return DragCluster(scene, item)
    return None


def gesture_after_press(
    scene: CanvasScene, event: QGraphicsSceneMouseEvent, selected: list[QGraphicsItem]
) -> Interaction | None:
    """After Qt handled a left press: a rubber band when nothing took the press (`selected`:
    the selection before the press), a move of the selection when Qt grabbed a movable card
    or note (Qt moves the selected items; the gesture places them on release)."""
    grabber = scene.mouseGrabberItem()
    if grabber is None and not event.isAccepted():
        return RubberBand(scene, event, selected)
    if not isinstance(grabber, CardItem | NoteItem):
        return None
    if not grabber.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
        return None
    items = [
        item
        for item in scene.selectedItems()
        if isinstance(item, CardItem | NoteItem) and item is not scene.draft
    ]
    return MoveItems(scene, items) if items else None
