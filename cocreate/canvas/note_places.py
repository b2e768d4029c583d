"""Where notes go when a person tidies a cluster or unpins notes: their stored places (x, y as
the file keeps them), worked out from where their items are now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from cocreate.geometry import tidy_grid
from cocreate.layout import is_free, on_board
from cocreate.records import Row

if TYPE_CHECKING:
    from cocreate.canvas.scene import JourneyScene


def tidied_places(scene: JourneyScene, cluster_ids: list[int]) -> dict[int, Row]:
    """Each cluster's notes in a grid from its top-left note: their new places by note id."""
    places: dict[int, Row] = {}
    for cluster_id in cluster_ids:
        members = sorted(scene.cluster_notes(cluster_id), key=lambda n: (n.y(), n.x()))
        if not members:
            continue
        left = min(note.x() for note in members)
        top = min(note.y() for note in members)
        spots = tidy_grid(len(members), left, top)
        for note, spot in zip(members, spots, strict=True):
            stored = QPointF(*spot) - scene.note_origin(note.row)
            y = on_board(stored.y()) if is_free(note.row) else stored.y()
            places[note.note_id] = {"x": round(stored.x(), 1), "y": round(y, 1)}
    return places


def unpinned_places(scene: JourneyScene, ids: list[int]) -> dict[int, Row]:
    """These notes free on the board, where they are now: their new places by note id."""
    places = {}
    for note_id in ids:
        note = scene.notes[note_id]
        places[note_id] = {
            "stage_id": None,
            "touchpoint_id": None,
            "x": round(note.x(), 1),
            "y": round(on_board(note.y() - scene.layout.board_top), 1),
        }
    return places
