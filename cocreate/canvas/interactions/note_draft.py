"""A new note being written: a draft note on the canvas until its text is committed."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from cocreate.canvas.interactions.base import CanvasScene, Interaction, Row
from cocreate.canvas.interactions.place import note_place
from cocreate.canvas.items import Z_DRAG
from cocreate.canvas.notes import NOTE_HEIGHT, NOTE_WIDTH, NoteItem


class NewNoteDraft(Interaction):
    """The draft of the current author's new note, centred on a point. It reaches the file
    only when its text is committed; cancelling (Escape in the editor, another new note)
    takes it away. It lives beside the mouse gestures: the person may scroll or zoom while
    typing, and a click elsewhere commits the note through the editor."""

    def __init__(self, scene: CanvasScene, center: QPointF) -> None:
        super().__init__(scene)
        author = scene.current_author_id
        row: Row = {
            "id": 0,
            "text": "",
            "author_id": author,
            "color": "",
            "category": scene.document.new_note_category(author),
            "stage_id": None,
            "touchpoint_id": None,
            "cluster_id": None,
            "hidden": False,
            "x": 0.0,
            "y": 0.0,
        }
        self.item: NoteItem | None = NoteItem(row)
        self.item.set_state(row, scene.participants.get(author), scene.color_by_category, [])
        self.item.setPos(center - QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2))
        self.item.setZValue(Z_DRAG)  # above every other item
        scene.addItem(self.item)

    def commit(self, text: str) -> int | None:
        """The editor closed with `text`: the note is added where the draft stands (pinned to
        the card or stage under its centre, else free on the board); its id, or None for
        blank text."""
        item = self.item
        self.revert()
        self.end()
        if item is None or not text.strip():
            return None
        scene, pos = self.scene, item.pos()
        place = note_place(scene, pos, pos + QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2))
        return scene.document.add_note(
            scene.journey_id,
            text,
            scene.current_author_id,
            place.pop("x"),
            place.pop("y"),
            category=item.row["category"],  # chosen when the draft began, shown while typing
            **place,
        )

    def revert(self) -> None:
        if self.item is not None:
            self.scene.removeItem(self.item)
            self.item = None
