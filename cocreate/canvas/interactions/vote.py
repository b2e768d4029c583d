"""Vote with a click: while a round runs, a click on a note or card gives it one of the current
author's dots; Shift+click takes one back."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from cocreate.canvas.interactions.base import CanvasScene, Interaction


def vote_target(scene: CanvasScene, pos: QPointF) -> dict[str, int] | None:
    """What a vote at pos goes to: the note under it, else the card; None over neither."""
    note = scene.note_at(pos)
    if note is not None:
        return {"note_id": note.note_id}
    card = scene.card_at(pos)
    return {"touchpoint_id": card.touchpoint_id} if card is not None else None


NO_VOTER = QT_TRANSLATE_NOOP("JourneyScene", "Choose who is voting in the Participants panel.")
NO_DOTS_LEFT = QT_TRANSLATE_NOOP("JourneyScene", "%1 has no votes left in this round.")


def _tr(text: str) -> str:
    return QCoreApplication.translate("JourneyScene", text)


class VoteClick(Interaction):
    """One click, one dot. A click that cannot vote says why (scene.vote_refused)."""

    def __init__(self, scene: CanvasScene, target: dict[str, int]) -> None:
        super().__init__(scene)
        self.target = target

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        self.end()
        scene, author = self.scene, self.scene.current_author_id
        if author is None or author not in scene.participants:
            scene.vote_refused.emit(_tr(NO_VOTER))
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            scene.document.remove_vote(author, **self.target)
        elif not scene.document.add_vote(author, **self.target):
            name = scene.participants[author]["name"]
            scene.vote_refused.emit(_tr(NO_DOTS_LEFT).replace("%1", name))
        return True
