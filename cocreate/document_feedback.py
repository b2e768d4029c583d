"""Survey answers in the open session, as Document methods: the import of a file's answers
(File > Import Feedback…), a comment promoted to a sticky note on its card (the Inspector's
customer voice), and the reads the canvas, the Inspector and the docks need.

An import is one edit of the file (one transaction, one bulk insert) and one undo step,
"Import 300 feedback answers". Its Change names every answer it added (`inserted["feedback"]`),
so a view follows by the ids, or by `change.touches("feedback")` for its badges.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import select

from cocreate import edits, phone_edits
from cocreate.analysis import score_band
from cocreate.document_base import DocumentBase, one_edit
from cocreate.feedback.answers import (
    AnswerError,
    FeedbackScores,
    feedback_scores,
    import_ops,
    journey_answers,
)
from cocreate.model import NoteCategory, ScoreBand
from cocreate.records import Row
from cocreate.store.ops import table

__all__ = ["AnswerError", "FeedbackEdits", "FeedbackScores"]


class FeedbackEdits(DocumentBase):
    """The Document's survey answers."""

    def import_feedback(
        self, journey_id: int, answers: Sequence[Mapping[str, Any]], source: str
    ) -> int:
        """Add the answers (cocreate.feedback.plan's answer dicts) to the journey, all in one
        transaction and one undo step; how many were added (0 when the file refused them, a
        full disk say, or there were none). `source` is the file they came from (its name is
        kept with each). Raises AnswerError, adding nothing, when an answer breaks the file's
        rules (a score outside 0-10, a stage or card of another journey)."""
        return self._import_feedback(journey_id, answers, source) or 0

    @one_edit
    def _import_feedback(
        self, journey_id: int, answers: Sequence[Mapping[str, Any]], source: str
    ) -> int:
        ops = import_ops(self._store, journey_id, answers, source)
        if not ops:
            return 0
        count = len(ops[0].rows)
        args: tuple[str, ...]
        if count == 1:  # its own text: English has no plural catalogue to say "1 answer"
            name, args = QT_TRANSLATE_NOOP("Document", "Import One Feedback Answer"), ()
        else:
            name = QT_TRANSLATE_NOOP("Document", "Import %n feedback answers")
            args = (str(count),)
        return count if self.execute(name, list(ops), args=args) else 0

    def feedback(self, journey_id: int) -> list[Row]:
        """The journey's answers, in the order they were imported."""
        return journey_answers(self._store, journey_id)

    def feedback_scores(self, journey_id: int) -> FeedbackScores:
        """The 0-10 distributions of the journey, its stages and its cards (for the NPS badges
        with n), counted by the file in one query."""
        return feedback_scores(self._store, journey_id)

    def feedback_count(self, journey_id: int) -> int:
        return self._store.count("feedback", journey_id=journey_id)

    def card_feedback(self, touchpoint_id: int) -> list[Row]:
        """The answers about one card, in the order they were imported."""
        return self._store.rows("feedback", touchpoint_id=touchpoint_id)

    def promoted_notes(self, answer_ids: Iterable[int]) -> dict[int, int]:
        """The answers among these whose comment is on the board: answer id -> its note."""
        wanted = sorted(set(answer_ids))
        if not wanted:
            return {}
        note = table("note")
        query = (
            select(note.c.feedback_id, note.c.id)
            .where(note.c.feedback_id.in_(wanted))
            .order_by(note.c.id)
        )
        with self._store.reading() as conn:
            return {answer_id: note_id for answer_id, note_id in conn.execute(query)}

    @one_edit
    def promote_comment(self, answer_id: int) -> int | None:
        """A sticky note with the answer's comment, pinned to the answer's card where the app
        pins a new note on a card, linked to the answer (note.feedback_id), as one undo step
        "Promote Comment"; the new note's id. A detractor's comment is a pain point, a
        promoter's praise, a passive's a need. The customer is no participant: the note has
        no author, and it is face up in private mode (it is no one's idea to keep back).
        None when the answer is gone, has no card or no comment, or is on the board already
        (an answer has one note at most)."""
        answer = self.row("feedback", answer_id)
        if answer is None or answer["touchpoint_id"] is None or not answer["comment"].strip():
            return None
        if self.promoted_notes([answer_id]):
            return None
        pin = {"touchpoint_id": answer["touchpoint_id"], "stage_id": None}
        x, y = phone_edits.pinned_spot(self._store, answer["journey_id"], pin)
        ops = edits.add_note(
            self._store,
            answer["journey_id"],
            answer["comment"].strip(),
            None,
            x,
            y,
            category=_comment_category(answer["score"]),
            hidden=False,
            feedback_id=answer_id,
            **pin,
        )
        name = QT_TRANSLATE_NOOP("Document", "Promote Comment")
        return ops[0].row["id"] if self.execute(name, list(ops)) else None


#: The note category of a promoted comment, by its score's NPS band.
_BAND_CATEGORIES = {
    ScoreBand.DETRACTOR: NoteCategory.PAIN_POINT,
    ScoreBand.PASSIVE: NoteCategory.NEED,
    ScoreBand.PROMOTER: NoteCategory.PRAISE,
}


def _comment_category(score: int) -> str:
    """The note category of a comment, by its score's NPS band."""
    return _BAND_CATEGORIES[score_band(score)].value
