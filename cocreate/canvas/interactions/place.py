"""Where a note let go on the canvas belongs: pinned to a card or a stage, or free on the board."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from cocreate.canvas.interactions.base import CanvasScene, Row
from cocreate.layout import on_board


def note_place(scene: CanvasScene, top_left: QPointF, target: QPointF) -> Row:
    """Where a note whose corner is at top_left belongs when let go at target: pinned to the
    card or stage column under target, or free on the board (measured from its corner, and
    never up on the blueprint or the curve)."""
    card = scene.card_at(target)
    if card is not None:
        offset = top_left - card.pos()
        return {
            "touchpoint_id": card.touchpoint_id,
            "stage_id": None,
            "x": round(offset.x(), 1),
            "y": round(offset.y(), 1),
        }
    layout = scene.layout
    stage_id = layout.stage_at(target.x()) if 0 <= target.y() < layout.curve.y else None
    if stage_id is not None:
        column = layout.columns[stage_id]
        offset = top_left - QPointF(column.x, column.y)
        return {
            "touchpoint_id": None,
            "stage_id": stage_id,
            "x": round(offset.x(), 1),
            "y": round(offset.y(), 1),
        }
    return {
        "touchpoint_id": None,
        "stage_id": None,
        "x": round(top_left.x(), 1),
        "y": round(on_board(top_left.y() - layout.board_top), 1),
    }
