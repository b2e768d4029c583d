"""The floor of drawing item by item, measured beside the canvas in the same process: a plain
QGraphicsView (Qt's defaults) of as many plain items as the canvas has notes and cards, at
their places and sizes, seen exactly as the canvas's view sees them (its transform and
centre, in a 1920×1080 window). One floor's items only fillRect; the other's fillRect and
then drawText once (the note's or card's text, its first line)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cocreate.canvas.view import JourneyView
from cocreate.geometry import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.layout import CARD_HEIGHT, CARD_WIDTH


class FillItem(QGraphicsItem):
    """A rectangle of one colour: one fillRect."""

    def __init__(self, rect: QRectF, color: QColor, text: str) -> None:
        super().__init__()
        self.rect, self.color, self.text = QRectF(0, 0, rect.width(), rect.height()), color, text
        self.setPos(rect.topLeft())

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self.rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self.rect, self.color)


class TextItem(FillItem):
    """fillRect, then one drawText."""

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self.rect, self.color)
        painter.drawText(QPointF(6, 18), self.text)


def canvas_items(view: JourneyView) -> list[tuple[QRectF, QColor, str]]:
    """Every note and card of the canvas: its rectangle in the scene, a colour, its text."""
    scene = view.journey_scene()
    found = []
    for note in scene.notes.values():
        rect = QRectF(note.pos(), QPointF(note.x() + NOTE_WIDTH, note.y() + NOTE_HEIGHT))
        found.append((rect, note.color(), note.row["text"].split("\n", 1)[0]))
    for card in scene.cards.values():
        rect = QRectF(card.pos(), QPointF(card.x() + CARD_WIDTH, card.y() + CARD_HEIGHT))
        found.append((rect, QColor("#ffffff"), card.row["title"]))
    return found


class Floor:
    """A plain view of plain items in a window the size of the canvas's."""

    def __init__(self, view: JourneyView, kind: type[FillItem]) -> None:
        self.scene = QGraphicsScene()
        self.scene.setSceneRect(view.sceneRect())
        for rect, color, text in canvas_items(view):
            self.scene.addItem(kind(rect, color, text))
        self.view = QGraphicsView(self.scene)
        self.view.resize(view.size())
        self.view.show()
        QApplication.processEvents()

    def look_as(self, view: JourneyView) -> None:
        """The canvas view's transform and centre."""
        self.view.setTransform(view.transform())
        center = view.mapToScene(view.viewport().rect().center())
        self.view.centerOn(center)
        QApplication.processEvents()

    def close(self) -> None:
        self.view.close()
        self.view.deleteLater()
        self.scene.deleteLater()


Repaints = Callable[[QGraphicsView], float]


def measure_floors(view: JourneyView, repaints: Repaints) -> dict[str, Any]:
    """The floors' repaint ms (`repaints`: the median of the canvas's own way of timing) as the
    canvas's view stands now, named floor_fill_ms and floor_text_ms, with the item count."""
    result: dict[str, Any] = {}
    for name, kind in (("fill", FillItem), ("text", TextItem)):
        floor = Floor(view, kind)
        try:
            floor.look_as(view)
            result[f"floor_{name}_ms"] = repaints(floor.view)
            result["floor_items"] = len(floor.scene.items())
        finally:
            floor.close()
    return result
