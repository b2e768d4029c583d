"""Gestures on the journey canvas as objects: the scene hands each mouse and key event to the
active gesture, which asks the document for one edit when it ends (cf. orange-canvas-core's
document/interactions.py)."""

from cocreate.canvas.interactions.base import CanvasScene, Interaction, Mode
from cocreate.canvas.interactions.cluster import DragCluster
from cocreate.canvas.interactions.link import DrawLink
from cocreate.canvas.interactions.move import MoveItems
from cocreate.canvas.interactions.note_draft import NewNoteDraft
from cocreate.canvas.interactions.palette import PaletteDrop
from cocreate.canvas.interactions.pick import gesture_after_press, gesture_for_press
from cocreate.canvas.interactions.rubber_band import RubberBand
from cocreate.canvas.interactions.stage import ReorderStage, ResizeStage
from cocreate.canvas.interactions.vote import VoteClick

__all__ = [
    "CanvasScene",
    "DragCluster",
    "DrawLink",
    "Interaction",
    "Mode",
    "MoveItems",
    "NewNoteDraft",
    "PaletteDrop",
    "ReorderStage",
    "ResizeStage",
    "RubberBand",
    "VoteClick",
    "gesture_after_press",
    "gesture_for_press",
]
