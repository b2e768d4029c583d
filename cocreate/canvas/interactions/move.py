"""Move the selected cards and notes: Qt moves them live; on release one edit places them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from cocreate.canvas.interactions.base import CanvasScene, Interaction, Row
from cocreate.canvas.interactions.place import note_place
from cocreate.canvas.items import CardItem
from cocreate.canvas.notes import NoteItem
from cocreate.layout import is_free, on_board

LEFT = Qt.MouseButton.LeftButton


class MoveItems(Interaction):
    """The selection being dragged. Cards let go into a cell take their place there; notes
    are pinned to the card or stage under the mouse, or land free on the board, and join or
    leave the cluster they are dropped in or out of. Escape puts everything back."""

    owns_mouse = False

    def __init__(self, scene: CanvasScene, items: list) -> None:
        super().__init__(scene)
        self.cards = {
            item.touchpoint_id: item.pos() for item in items if isinstance(item, CardItem)
        }
        self.notes = {item.note_id: item.pos() for item in items if isinstance(item, NoteItem)}
        self.frames: dict[int, QRectF] = {}
        if self.notes:
            self.frames = {
                cid: QRectF(cluster.frame)
                for cid, cluster in scene.clusters.items()
                if cluster.isVisible()
            }

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.cards and event.buttons() & LEFT:
            pos = event.scenePos()
            self.scene.grid.set_drop_cell(self.scene.layout.cell_at(pos.x(), pos.y()))
        self._cards_followed()

    def _cards_followed(self) -> None:
        """The moved cards' arrows and pinned notes follow them."""
        scene = self.scene
        for card_id in self.cards:
            if card_id in scene.cards:
                scene.card_moved(scene.cards[card_id])

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != LEFT:
            return  # another button let go: the drag goes on
        self.scene.grid.set_drop_cell(None)
        self.end()
        scene = self.scene
        if any(i in scene.notes and scene.notes[i].pos() != p for i, p in self.notes.items()):
            self.drop_notes(event.scenePos())
        if any(i in scene.cards and scene.cards[i].pos() != p for i, p in self.cards.items()):
            # Only cards still there: one may have been undone away during the drag.
            self.drop_cards(
                [card_id for card_id in self.cards if card_id in scene.cards], event.scenePos()
            )

    def revert(self) -> None:
        scene = self.scene
        grabber = scene.mouseGrabberItem()
        if grabber is not None:
            grabber.ungrabMouse()  # the rest of this drag moves nothing
        scene.grid.set_drop_cell(None)
        for card_id, pos in self.cards.items():
            if card_id in scene.cards:
                scene.cards[card_id].setPos(pos)
        for note_id, pos in self.notes.items():
            if note_id in scene.notes:
                scene.notes[note_id].setPos(pos)
        self._cards_followed()

    def drop_cards(self, ids: list[int], pos: QPointF) -> None:
        """Cards let go at pos: into the cell under it, or back where they were."""
        scene = self.scene
        key = scene.layout.cell_at(pos.x(), pos.y())
        if key is None or not scene.document.move_touchpoints(
            ids, key[0], key[1], scene.layout.index_at(key, pos.x(), pos.y(), set(ids))
        ):
            scene.sync()  # snap back: nothing changed in the file

    def drop_notes(self, target: QPointF) -> None:
        """Notes let go at target: pinned or unpinned there, and into or out of a cluster."""
        scene, frames = self.scene, self.frames
        joined = next((cid for cid, frame in frames.items() if frame.contains(target)), None)
        places: dict[int, Row] = {}
        for note_id in self.notes:
            note = scene.notes.get(note_id)
            if note is None:
                continue  # undone away during the drag
            place = note_place(scene, note.pos(), target)
            own = note.row["cluster_id"]
            if joined is not None:
                place["cluster_id"] = joined
            elif own is not None and own in frames and not frames[own].contains(target):
                place["cluster_id"] = None
            places[note_id] = place
        board_top = scene.layout.board_top
        keep_shape_on_board(
            places, {note_id: scene.notes[note_id].y() - board_top for note_id in places}
        )
        if not scene.document.place_notes(places):
            scene.sync()


def keep_shape_on_board(places: dict[int, Row], tops: dict[int, float]) -> None:
    """Free notes let go up on the blueprint land on the board as a group: all move down by
    the one amount their highest note needs (tops: each note's y measured from the board)."""
    free = [note_id for note_id, place in places.items() if is_free(place)]
    if free:
        lift = max(on_board(tops[note_id]) - tops[note_id] for note_id in free)
        for note_id in free:
            places[note_id]["y"] = round(tops[note_id] + lift, 1)
