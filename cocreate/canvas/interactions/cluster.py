"""Drag a cluster: its frame's title bar or border carries its notes along."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from cocreate.canvas.interactions.base import CanvasScene, Interaction
from cocreate.canvas.notes import ClusterItem
from cocreate.layout import is_free, on_board


class DragCluster(Interaction):
    """The frame and its notes follow the mouse; on release the notes move as one edit, never
    up off the board. Escape puts them back."""

    def __init__(self, scene: CanvasScene, cluster: ClusterItem) -> None:
        super().__init__(scene)
        self.cluster = cluster
        self.start = QPointF()
        self.frame = QRectF(cluster.frame)
        self.notes = {note.note_id: note.pos() for note in scene.cluster_notes(cluster.cluster_id)}

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        self.start = event.scenePos()
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        self._show(event.scenePos() - self.start)

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        self.end()
        delta = event.scenePos() - self.start
        if delta.manhattanLength() > 1:
            self.commit(delta)
        else:
            self.scene.sync()

    def revert(self) -> None:
        self._show(QPointF())

    def _show(self, delta: QPointF) -> None:
        notes = self.scene.notes
        for note_id, start in self.notes.items():
            if note_id in notes:
                notes[note_id].setPos(start + delta)
        self.cluster.show_frame(self.frame.translated(delta))

    def commit(self, delta: QPointF) -> None:
        """The notes move by delta, but never up off the board."""
        scene = self.scene
        here = {note_id: start for note_id, start in self.notes.items() if note_id in scene.notes}
        free_tops = [
            start.y() - scene.layout.board_top
            for note_id, start in here.items()
            if is_free(scene.notes[note_id].row)
        ]
        if free_tops:
            lowest_allowed = on_board(min(free_tops) + delta.y()) - min(free_tops)
            delta = QPointF(delta.x(), lowest_allowed)
        places = {}
        for note_id, start in here.items():
            stored = start + delta - scene.note_origin(scene.notes[note_id].row)
            places[note_id] = {"x": round(stored.x(), 1), "y": round(stored.y(), 1)}
        if not scene.document.place_notes(places):
            scene.sync()
