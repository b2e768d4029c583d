"""The edits participants make from their phones, as Document methods.

The room's bridge calls them on the GUI thread. Each is one edit of the file (one transaction)
and one named undo command, like the facilitator's own edits, and raises PhoneEditError with a
short reason when the file says no (see cocreate.phone_edits).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from cocreate import edits, phone_edits
from cocreate.document_base import DocumentBase, one_edit
from cocreate.phone_edits import PhoneEditError
from cocreate.store.ops import Op

__all__ = ["PhoneEditError", "PhoneEdits"]


class PhoneEdits(DocumentBase):
    """The Document's edits for phones."""

    def _carry_out(self, name: str, ops: list[Op], args: tuple[str, ...] = ()) -> None:
        if not self.execute(name, ops, args=args):
            raise PhoneEditError("not_written")  # the file refused it (the window says why)

    @one_edit
    def add_phone_participant(self, name: str) -> int:
        """A new participant who joined from a phone, with the next free sticky colour; their
        id. Refused: "empty", "too_long", "name_taken" (any case, spaces trimmed)."""
        ops = phone_edits.add_participant(self._store, name)
        self._carry_out(QT_TRANSLATE_NOOP("Document", "Add Participant"), ops)
        return ops[0].row["id"]

    @one_edit
    def add_phone_note(
        self,
        journey_id: int,
        participant_id: int,
        text: str,
        category: str,
        stage_id: int | None = None,
        touchpoint_id: int | None = None,
    ) -> int:
        """A note sent from a phone, as one action named for its author ("Note from Ann");
        its id. Face down in private mode; pinned near the card or in the stage's column it
        is about, else in the board's "from phones" area, never on another note. Refused:
        "empty", "too_long", "bad_category", "not_found" (journey, author, stage or card)."""
        ops = phone_edits.add_note(
            self._store, journey_id, participant_id, text, category, stage_id, touchpoint_id
        )
        author = phone_edits.author(self._store, participant_id)
        self._carry_out(QT_TRANSLATE_NOOP("Document", "Note from %1"), ops, (author["name"],))
        return ops[0].row["id"]

    @one_edit
    def delete_phone_note(self, participant_id: int, note_id: int) -> None:
        """The author takes a note back from their phone. Refused: "not_found", "not_yours",
        "in_cluster"."""
        ops = phone_edits.delete_note(self._store, participant_id, note_id)
        self._carry_out(QT_TRANSLATE_NOOP("Document", "Delete Note"), ops)

    @one_edit
    def phone_vote(
        self, participant_id: int, note_id: int | None = None, touchpoint_id: int | None = None
    ) -> int:
        """One dot from a phone on a note or a card; the dots the participant has left.
        Refused: "no_round", "no_votes_left", "not_found" (also for a face-down note)."""
        ops = phone_edits.add_vote(self._store, participant_id, note_id, touchpoint_id)
        self._carry_out(QT_TRANSLATE_NOOP("Document", "Vote"), ops)
        return edits.votes_left(self._store, participant_id)

    @one_edit
    def phone_unvote(
        self, participant_id: int, note_id: int | None = None, touchpoint_id: int | None = None
    ) -> int:
        """A phone takes a dot of the running round back (nothing happens when it has none
        there); the dots the participant has left. Refused: "no_round", "not_found"."""
        ops = phone_edits.remove_vote(self._store, participant_id, note_id, touchpoint_id)
        if ops:
            self._carry_out(QT_TRANSLATE_NOOP("Document", "Take Back Vote"), ops)
        return edits.votes_left(self._store, participant_id)

    @one_edit
    def reveal_own_notes(self, participant_id: int) -> int:
        """The participant turns over their own face-down notes; how many. Refused:
        "not_allowed" unless the reveal policy is "each author reveals", "not_found"."""
        ops = phone_edits.reveal_own_notes(self._store, participant_id)
        if not ops:
            return 0
        name = (
            QT_TRANSLATE_NOOP("Document", "Reveal Note")
            if len(ops) == 1
            else QT_TRANSLATE_NOOP("Document", "Reveal Notes")
        )
        self._carry_out(name, ops)
        return len(ops)
