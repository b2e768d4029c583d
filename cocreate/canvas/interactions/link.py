"""Draw a link: drag from a card (its handle, or anywhere on it in link mode) to another card."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from cocreate.canvas.interactions.base import CanvasScene, Interaction
from cocreate.canvas.items import CardItem, LinkDraftItem


class DrawLink(Interaction):
    """A dashed arrow follows the mouse from the source card; letting go on another card adds
    the link, anywhere else adds nothing."""

    def __init__(self, scene: CanvasScene, source: CardItem) -> None:
        super().__init__(scene)
        self.source = source
        self.draft: LinkDraftItem | None = None

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        self.draft = LinkDraftItem(self.source.mapToScene(self.source.handle_center()))
        self.scene.addItem(self.draft)
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.draft is not None:
            self.draft.follow(event.scenePos())

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.revert()
        self.end()
        target = self.scene.card_at(event.scenePos())
        if target is not None and target is not self.source:
            scene = self.scene
            scene.document.add_link(
                scene.journey_id, self.source.touchpoint_id, target.touchpoint_id
            )

    def revert(self) -> None:
        if self.draft is not None:
            self.scene.removeItem(self.draft)
            self.draft = None
