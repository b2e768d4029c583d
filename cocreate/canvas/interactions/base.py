"""The base of every gesture on the canvas, the modes, and what a gesture may ask of the scene.

A gesture (drag a card, draw a link, resize a stage) is one object from the press that starts
it to the release that ends it. While it is active the scene offers it each mouse and key
event first; Escape cancels it and puts back what it changed on the screen. A gesture writes
nothing until it ends: then it asks the document for one edit.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Protocol

from PySide6.QtCore import QObject, QPointF, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent

from cocreate.document import Document
from cocreate.layout import JourneyLayout
from cocreate.records import Row


class Mode(Enum):
    """What a left press on a card or note does when no gesture is under way."""

    SELECT = "select"  # select and move; drag a card's handle to link
    LINK = "link"  # drag from anywhere on a card to another card to link them
    VOTE = "vote"  # a click on a note or card gives it a dot (a voting round runs)


class CanvasScene(Protocol):
    """What gestures use of the journey scene (cocreate.canvas.scene.JourneyScene)."""

    document: Document
    journey_id: int
    layout: JourneyLayout
    cards: dict[int, Any]
    notes: dict[int, Any]
    clusters: dict[int, Any]
    participants: dict[int, Row]
    grid: Any
    draft: Any
    vote_refused: SignalInstance
    edit_requested: SignalInstance

    @property
    def read_only(self) -> bool: ...

    @property
    def voting(self) -> bool: ...

    @property
    def current_author_id(self) -> int | None: ...

    @property
    def color_by_category(self) -> bool: ...

    def add_touchpoint_at(self, pos: QPointF, **fields: Any) -> int | None: ...

    def card_at(self, pos: QPointF) -> Any: ...

    def note_at(self, pos: QPointF) -> Any: ...

    def cluster_notes(self, cluster_id: int) -> list[Any]: ...

    def note_origin(self, row: Row) -> QPointF: ...

    def card_moved(self, card: Any) -> None: ...

    def sync(self) -> None: ...

    def edit_note(self, note_id: int) -> None: ...

    def start_new_note(self, center: QPointF | None = None) -> bool: ...

    def rename_stage_in_place(self, stage_id: int) -> None: ...

    def rename_lane_in_place(self, lane_id: int) -> None: ...

    def rename_cluster_in_place(self, cluster_id: int) -> None: ...

    def itemAt(self, *args: Any) -> QGraphicsItem | None: ...  # noqa: N802

    def items(self, *args: Any) -> list[QGraphicsItem]: ...

    def selectedItems(self) -> list[QGraphicsItem]: ...  # noqa: N802 (Qt's name)

    def clearSelection(self) -> None: ...  # noqa: N802

    def setSelectionArea(self, *args: Any) -> None: ...  # noqa: N802

    def addItem(self, item: QGraphicsItem) -> None: ...  # noqa: N802 (Qt's name)

    def removeItem(self, item: QGraphicsItem) -> None: ...  # noqa: N802

    def mouseGrabberItem(self) -> QGraphicsItem | None: ...  # noqa: N802


class Interaction(QObject):
    """One gesture, from its press to its release.

    `press` returns True when the gesture takes the press (Qt then does not see it). A gesture
    that owns the mouse gets the moves and its left release alone; one that does not follows
    Qt's own handling of them. `key` returns True when it used the key. `finished` is emitted
    once, when the gesture ends, done or cancelled.
    """

    finished = Signal()
    #: True when the gesture handles the mouse itself; False when Qt's default handling (Qt
    #: moving the selected items) runs first and the gesture only follows it.
    owns_mouse = True

    def __init__(self, scene: CanvasScene) -> None:
        super().__init__()
        self.scene = scene
        self.done = False

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        """The mouse moved with the gesture under way."""

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        """A button was let go; a gesture ends on its left release."""

    def key(self, event: QKeyEvent) -> bool:
        """Escape cancels the gesture."""
        if event.key() == Qt.Key.Key_Escape and not self.done:
            self.cancel()
            return True
        return False

    def cancel(self) -> None:
        """Stop without writing, and put back what the gesture changed on the screen."""
        if not self.done:
            self.revert()
            self.end()

    def revert(self) -> None:
        """Undo the gesture's live changes to the items (it has written nothing yet)."""

    def end(self) -> None:
        if not self.done:
            self.done = True
            self.finished.emit()
