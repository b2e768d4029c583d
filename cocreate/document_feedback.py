"""Survey answers in the open session, as Document methods: the import of a file's answers
(File > Import Feedback…) and the reads the canvas, the Inspector and the docks need.

An import is one edit of the file (one transaction, one bulk insert) and one undo step,
"Import 300 feedback answers". Its Change names every answer it added (`inserted["feedback"]`),
so a view follows by the ids, or by `change.touches("feedback")` for its badges.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from cocreate.document_base import DocumentBase, one_edit
from cocreate.feedback.answers import (
    AnswerError,
    FeedbackScores,
    feedback_scores,
    import_ops,
    journey_answers,
)
from cocreate.records import Row

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
        name = QT_TRANSLATE_NOOP("Document", "Import %n feedback answers")
        return count if self.execute(name, list(ops), args=(str(count),)) else 0

    def feedback(self, journey_id: int) -> list[Row]:
        """The journey's answers, in the order they were imported."""
        return journey_answers(self._store, journey_id)

    def feedback_scores(self, journey_id: int) -> FeedbackScores:
        """The 0-10 distributions of the journey, its stages and its cards (for the NPS badges
        with n), counted by the file in one query."""
        return feedback_scores(self._store, journey_id)

    def feedback_count(self, journey_id: int) -> int:
        return self._store.count("feedback", journey_id=journey_id)
