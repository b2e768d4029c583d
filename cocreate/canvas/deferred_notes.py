"""A large board's notes before their items are made.

Making a note's item costs about 20 µs of Python and of Qt's own work (the item, its flags, its
cursor and stacking order, its place in the scene's index): at 10 000 notes, more than the rest
of an open. So a scene that opens with DEFER_FROM notes or more keeps their rows, draws them
from one item as their items would draw them, and makes their items in the window's idle
moments, PLACE_BUDGET_S at a time, in the order a full sync makes them. Whatever needs the
items has the rest made at once first: every reader of JourneyScene.notes, and the view before
it passes on a press, a key, a drag, a tip or the pointer over a waiting note.

A made item draws what the one item drew in its place, so the views' tiles are not rendered
again for it (the scene's `changed` is not sent while items are made).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cocreate.canvas.notes import MOVABLE, Z_NOTE, NoteItem, far_brush
from cocreate.canvas.paint import LOD_TEXT
from cocreate.canvas.tiles import remove_quietly, report_changes
from cocreate.records import Row

if TYPE_CHECKING:
    from cocreate.canvas.scene import JourneyScene

#: A scene's first sync defers its notes' items from this many notes on.
DEFER_FROM = 1000
#: How long one idle moment may spend making items.
PLACE_BUDGET_S = 0.008
#: The side of the squares (scene points) the waiting notes are filed by, to find those a
#: paint exposes.
CELL = 1024.0

Cell = tuple[int, int]

#: From the rectangle the notes' corners span to the one their items cover, and from a rectangle
#: back to the one the corners of the notes that draw in it span.
_LEFT, _TOP, _RIGHT, _BOTTOM = NoteItem.BOUNDS.getCoords()
_REACH = (_LEFT, _TOP, _RIGHT, _BOTTOM)
_REACH_BACK = (-_RIGHT, -_BOTTOM, -_LEFT, -_TOP)


class Waiting(NamedTuple):
    """A note whose item is not made yet: its row, its dots and its item's place."""

    row: Row
    dots: list[str]
    x: float
    y: float


def make_note(
    scene: JourneyScene, row: Row, dots: list[str], x: float, y: float, *, movable: bool
) -> NoteItem:
    """A new note's item at x, y, kept in the scene's note_items and added to the scene once,
    in place (the scene indexes it once)."""
    author = scene.participants.get(row["author_id"])
    note = scene.note_items[row["id"]] = NoteItem(row, author, scene.color_by_category, dots)
    if not movable:  # a new note is movable
        note.setFlag(MOVABLE, False)
    note.setPos(x, y)
    scene.addItem(note)
    return note


class WaitingNotesItem(QGraphicsItem):
    """Draws the notes whose items are not made yet, as their items would: each one's colour
    from far away, its whole face close up, later notes over earlier ones. It stacks just over
    the made notes (made in the same order, they are all earlier ones), and the mouse never
    finds it. Items are made in order: notes[first_waiting:] wait."""

    def __init__(self, notes: list[Waiting]) -> None:
        super().__init__()
        self.notes = notes
        self.first_waiting = 0
        self._faces: dict[int, NoteItem] = {}  # items made only to draw a note close up
        self._cells: dict[Cell, list[int]] = {}  # the notes' indexes by their corner's cell
        for index, note in enumerate(notes):
            self._cells.setdefault((int(note.x // CELL), int(note.y // CELL)), []).append(index)
        if notes:
            xs, ys = [note.x for note in notes], [note.y for note in notes]
            corners = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
            self._bounds = corners.adjusted(*_REACH)
        else:
            self._bounds = QRectF()
        self.setZValue(Z_NOTE + 0.001)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    @property
    def waiting(self) -> int:
        return len(self.notes) - self.first_waiting

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the pointer: the view has the items made first

    def placed(self) -> None:
        """The first waiting note's own item now draws it."""
        self._faces.pop(self.first_waiting, None)
        self.first_waiting += 1

    def note_at(self, point: QPointF) -> bool:
        """Whether a waiting note lies under this scene point."""
        return bool(self._exposed(QRectF(point, point)))

    def _exposed(self, rect: QRectF) -> list[int]:
        """The indexes of the waiting notes whose items would draw in this scene rectangle, in
        their order."""
        left, top, right, bottom = rect.adjusted(*_REACH_BACK).getCoords()
        first_column, last_column = int(left // CELL), int(right // CELL)
        first_row, last_row = int(top // CELL), int(bottom // CELL)
        squares = (last_column - first_column + 1) * (last_row - first_row + 1)
        if squares <= len(self._cells):
            cells = (
                self._cells.get((column, row), ())
                for column in range(first_column, last_column + 1)
                for row in range(first_row, last_row + 1)
            )
        else:  # (a note placed far away makes the whole scene vast, and its squares countless)
            cells = (
                indexes
                for (column, row), indexes in self._cells.items()
                if first_column <= column <= last_column and first_row <= row <= last_row
            )
        found = []
        for indexes in cells:
            for index in indexes:
                note = self.notes[index]
                if (
                    index >= self.first_waiting
                    and left <= note.x <= right
                    and top <= note.y <= bottom
                ):
                    found.append(index)
        found.sort()
        return found

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        area = option.exposedRect
        if painter.hasClipping():  # a view's tile renders a strip of the whole scene at a time
            area = area & painter.clipBoundingRect()
        indexes = self._exposed(area)
        if not indexes:
            return
        scene: JourneyScene = self.scene()  # type: ignore[assignment]
        people, by_category = scene.participants, scene.color_by_category
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LOD_TEXT:
            for index in indexes:  # as NoteItem.paint draws it from far away (none is selected)
                row, _dots, x, y = self.notes[index]
                brush = far_brush(row, people.get(row["author_id"]), by_category, row["hidden"])
                painter.fillRect(NoteItem.BODY.translated(x, y), brush)
            return
        for index in indexes:
            row, dots, x, y = self.notes[index]
            face = self._faces.get(index)
            if face is None:
                face = NoteItem(row, people.get(row["author_id"]), by_category, dots)
                self._faces[index] = face
            painter.save()
            painter.translate(x, y)
            face.paint(painter, option, widget)
            painter.restore()


class NoteDeferral(QObject):
    """A scene's notes whose items are not made yet: shown by a WaitingNotesItem, made in the
    window's idle moments, or all at once when something needs them."""

    #: The last waiting note has its item: the board is whole.
    made = Signal()

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__(scene)
        self.scene = scene
        self.item: WaitingNotesItem | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(lambda: self._place(PLACE_BUDGET_S))

    @property
    def waiting(self) -> int:
        """How many notes' items are still to be made."""
        return self.item.waiting if self.item is not None else 0

    def defer(self, notes: list[Waiting]) -> None:
        """Show these notes (none of which has an item) from one item; make theirs later."""
        self.item = WaitingNotesItem(notes)
        self.scene.addItem(self.item)
        self._timer.start()

    def place_all(self) -> None:
        """Make every waiting note's item now."""
        if self.item is not None:
            self._place(None)

    def note_at(self, point: QPointF) -> bool:
        """Whether a note whose item is not made yet lies under this scene point."""
        return self.item is not None and self.item.note_at(point)

    def stop(self) -> None:
        """The scene is going: make no more items."""
        self._timer.stop()

    def _place(self, budget_s: float | None) -> None:
        """Make waiting notes' items, for budget_s at most (None: all of them)."""
        scene = self.scene
        report_changes(scene)  # what changed before is reported as usual
        item = self.item
        if item is None:  # (all made meanwhile, by what that report led to)
            return
        self.item = None  # (reading scene.notes meanwhile finds no note waiting)
        deadline = time.perf_counter() + budget_s if budget_s is not None else None
        scene.blockSignals(True)  # the made items draw what the one item drew: no change
        try:
            movable = not scene.read_only
            while item.waiting:
                make_note(scene, *item.notes[item.first_waiting], movable=movable)
                item.placed()
                if deadline is not None and time.perf_counter() >= deadline:
                    break
            if item.waiting:
                self.item = item
                self._timer.start()
            else:
                remove_quietly(scene, item)
            report_changes(scene)
        finally:
            scene.blockSignals(False)
        if self.item is None:
            self.made.emit()
