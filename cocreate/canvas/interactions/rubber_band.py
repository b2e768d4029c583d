"""Rubber-band selection: drag across empty canvas to select the cards, notes and links the
band touches (Ctrl adds them to the selection)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QPainterPath, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QRubberBand,
    QWidget,
)

from cocreate.canvas.interactions.base import CanvasScene, Interaction


class RubberBand(Interaction):
    """The band is drawn on the view the drag happens in (never on the scene, so the audience
    display does not show it); the selection follows it. Escape puts the selection back."""

    def __init__(
        self,
        scene: CanvasScene,
        event: QGraphicsSceneMouseEvent,
        before: list[QGraphicsItem],
    ) -> None:
        super().__init__(scene)
        self.start = event.scenePos()
        self.adding = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        self.before = before  # the selection before the press
        viewport = event.widget()
        view = viewport.parentWidget() if viewport is not None else None
        self.view = view if isinstance(view, QGraphicsView) else None
        self.band: QRubberBand | None = None

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        return True  # the drag is the band's

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        rect = QRectF(self.start, event.scenePos()).normalized()
        self._show(rect)
        path = QPainterPath()
        path.addRect(rect)
        operation = (
            Qt.ItemSelectionOperation.AddToSelection
            if self.adding
            else Qt.ItemSelectionOperation.ReplaceSelection
        )
        self.scene.setSelectionArea(
            path, operation, Qt.ItemSelectionMode.IntersectsItemShape, QTransform()
        )

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        self._hide()
        self.end()

    def revert(self) -> None:
        self._hide()
        self.scene.clearSelection()
        for item in self.before:
            if item.scene() is self.scene:
                item.setSelected(True)

    def _show(self, rect: QRectF) -> None:
        if self.view is None:
            return
        if self.band is None:
            parent: QWidget = self.view.viewport()
            self.band = QRubberBand(QRubberBand.Shape.Rectangle, parent)
        top_left = self.view.mapFromScene(rect.topLeft())
        bottom_right = self.view.mapFromScene(rect.bottomRight())
        self.band.setGeometry(QRect(top_left, bottom_right).normalized())
        self.band.show()

    def _hide(self) -> None:
        if self.band is not None:
            self.band.hide()
            self.band.deleteLater()
            self.band = None
