"""The label of the board's "from phones" area: where the notes a phone sends without a stage
or card gather (cocreate.phone_edits.board_spot). A quiet "From phones" with a small phone mark
just above the grid's first row, placed from the same point phone_edits fills the grid from
(phone_edits.phone_area_origin), so the label and the notes can never disagree.

It shows while at least one free note of the journey lies in the area, on screen only: like the
board's hint it helps the facilitator find the notes and is left out of images of the canvas
(the PDF lists these notes with the other loose notes, not by where they lie).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cocreate.canvas.notes import BoardItem, presenting
from cocreate.canvas.paint import font, translate
from cocreate.geometry import Point
from cocreate.layout import is_free
from cocreate.phone_edits import in_phone_area, phone_area_left, phone_area_origin
from cocreate.records import Change, Row

if TYPE_CHECKING:
    from cocreate.canvas.scene import JourneyScene

FROM_PHONES = QT_TRANSLATE_NOOP("Canvas", "From phones")
#: Note fields whose change may move a note into or out of the area, or move the area.
PLACE_FIELDS = frozenset({"x", "stage_id", "touchpoint_id", "journey_id"})
#: Above the board (0) and its hint, below cluster frames (2.5) and notes (5).
Z_PHONE_AREA = 0.5
INK = QColor("#78909c")  # the board hint's grey: quiet beside the notes, legible from afar


class PhoneAreaItem(QGraphicsItem):
    """The words "From phones" after a phone mark, their left edge on the grid's first column
    and their foot GAP above its first row. Its position is the grid's first slot (scene)."""

    WIDTH = 220.0  # room for the label in any language, at the audience display's size too
    HEIGHT = 22.0
    GAP = 8.0
    MARK = QRectF(1, 3, 10, 16)  # the phone, from the label's top-left corner
    MARK_GAP = 7.0  # between the phone and the words
    POINTS, PRESENT_POINTS = 10.5, 12.0  # the words' size on the canvas and when presenting

    def __init__(self, board: BoardItem) -> None:
        super().__init__()
        self.board = board  # images of the canvas turn its screen help off, and this label
        self.origin: Point = (0.0, 0.0)  # the grid's first slot, measured from the board
        self.in_use = False  # a free note lies in the area
        self.setZValue(Z_PHONE_AREA)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def set_state(self, corner: QPointF, origin: Point, in_use: bool) -> None:
        """Put the label above the grid whose first slot is at `corner` on the scene."""
        if in_use != self.in_use:
            self.prepareGeometryChange()  # unused, it takes no room (images fit the items)
        self.origin, self.in_use = origin, in_use
        if self.pos() != corner:
            self.setPos(corner)
        self.refresh()

    def refresh(self) -> None:
        """Shown while a note lies in the area, unless a cluster's frame covers the words (a
        cluster made of the grid's first notes puts its title there)."""
        self.setVisible(self.in_use and not self._covered())

    def _covered(self) -> bool:
        scene = self.scene()
        if scene is None or not self.in_use:
            return False
        words = self.mapRectToScene(self.words_rect())
        clusters = getattr(scene, "clusters", {})  # the journey's frames, by id
        return any(
            cluster.isVisible() and cluster.frame.intersects(words)
            for cluster in clusters.values()
        )

    def words_rect(self) -> QRectF:
        """The phone mark and the words as the canvas draws them, in item coordinates."""
        rect = self.label_rect()
        words = QFontMetricsF(font(self.POINTS, True)).horizontalAdvance(translate(FROM_PHONES))
        width = min(self.WIDTH, self.MARK.right() + self.MARK_GAP + words)
        return QRectF(rect.left(), rect.top(), width, rect.height())

    def label_rect(self) -> QRectF:
        """Where the label is, in item coordinates (above the grid's first row)."""
        return QRectF(0, -self.GAP - self.HEIGHT, self.WIDTH, self.HEIGHT)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.label_rect() if self.in_use else QRectF()

    def shape(self) -> QPainterPath:
        return QPainterPath()  # only a label: double-clicks reach the board underneath

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self.board.screen_help:
            return  # an image of the canvas: left out, like the board's hint
        rect = self.label_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        mark = self.MARK.translated(rect.topLeft())
        painter.setPen(QPen(INK, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(mark, 2.5, 2.5)
        painter.setPen(QPen(INK, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        bottom = mark.bottom() - 3
        painter.drawLine(
            QPointF(mark.center().x() - 1.5, bottom), QPointF(mark.center().x() + 1.5, bottom)
        )
        text_font = font(self.PRESENT_POINTS if presenting(widget) else self.POINTS, True)
        painter.setFont(text_font)
        text_rect = rect.adjusted(mark.right() - rect.left() + self.MARK_GAP, 0, 0, 0)
        text = QFontMetricsF(text_font).elidedText(
            translate(FROM_PHONES), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
        )


def show_phone_area(scene: JourneyScene, free_xs: list[float] | None = None) -> None:
    """Place the label from every free note the scene shows (a full sync, or a note that
    left or moved): the stored x of each, read from the items when not given."""
    xs = free_xs
    if xs is None:
        xs = [note.row["x"] for note in scene.notes.values() if is_free(note.row)]
    origin = phone_area_origin(scene.layout.width, xs)
    _show(scene, origin, any(in_phone_area(origin, x) for x in xs))


def follow_notes(scene: JourneyScene, change: Change, before: dict[int, Row]) -> None:
    """The label after a targeted change of notes and clusters (`before`: the rows of the
    updated notes as the scene showed them). A note that was in the area, or pushed it, and is
    gone or moved reads the board's free notes again. Otherwise the notes the change shows now
    only add to the area: a note sent from a phone reads only itself."""
    gone = list(change.removed.get("note", {}).values())
    if change.fields.get("note", set()) & PLACE_FIELDS:
        gone += before.values()
    if any(_bears_on_area(scene, row) for row in gone):
        show_phone_area(scene)
        return
    rows = (scene.notes[n].row for n in change.ids("note") if n in scene.notes)
    xs = [row["x"] for row in rows if is_free(row)]
    area = scene.phone_area
    if phone_area_origin(scene.layout.width, xs)[0] > area.origin[0]:
        show_phone_area(scene)  # the area moves right, past one of these notes
    elif any(in_phone_area(area.origin, x) for x in xs) or (
        area.in_use and (change.ids("note") or change.ids("cluster"))
    ):
        _show(scene, area.origin, True)  # and a cluster's frame may have come or gone


def _bears_on_area(scene: JourneyScene, row: Row) -> bool:
    """Whether a note there lies in the area or pushes it right (phone_area_origin)."""
    if row["journey_id"] != scene.journey_id or not is_free(row):
        return False
    width = scene.layout.width
    pushes = phone_area_origin(width, [row["x"]])[0] > phone_area_left(width)
    return pushes or in_phone_area(scene.phone_area.origin, row["x"])


def _show(scene: JourneyScene, origin: Point, shown: bool) -> None:
    corner = QPointF(origin[0], scene.layout.board_top + origin[1])
    scene.phone_area.set_state(corner, origin, shown)
