"""The open session as a QObject: one path for every edit.

A view asks the document for an edit; the document turns it into row ops, applies them in one
transaction, pushes one named undo command and emits `changed`. Undo and redo apply the inverse
or the same ops, each again in one transaction. Nothing else writes to the file.

The document is the canvas's and the window's only door to the file: they read rows through it
(row, rows, rows_by_id, count, votes_on, tally, …), take `Change` and `Row` from
cocreate.records, and the file's errors and the recovery of untitled sessions from here.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from cocreate import edits
from cocreate.commands import RowCommand, TypingCommand
from cocreate.document_base import one_edit as _one_edit
from cocreate.document_feedback import FeedbackEdits
from cocreate.document_phones import PhoneEditError, PhoneEdits
from cocreate.records import Row
from cocreate.rules import VOTE_BUDGET_MAX, kept_texts
from cocreate.store import FileProblem, SessionFileError
from cocreate.store.ops import Insert, InsertMany, Op, Update
from cocreate.store.recovery import Recoverable, recoverable_sessions
from cocreate.store.repair import Repair, repair_copy

__all__ = [
    "SESSION_FIELDS",
    "Document",
    "FileProblem",
    "PhoneEditError",
    "Recoverable",
    "Repair",
    "SessionFileError",
    "recoverable_sessions",
    "repair_copy",
]

# The session fields a user edits in "Session Details".
SESSION_FIELDS = ("title", "theme", "brand", "date", "facilitator", "goal")


class Document(FeedbackEdits, PhoneEdits):
    """A session file opened for a window, with one method per kind of edit (those of the
    phones in PhoneEdits). Create with new_untitled(), open_demo() or open()."""

    def _unpinning(self, ops: list[Op]) -> list[Op]:
        return edits.keep_unpinned_notes_in_place(self._store, ops)

    def execute(
        self,
        name: str,
        ops: list[Op | None],
        burst: Hashable | None = None,
        args: Sequence[str] = (),
    ) -> bool:
        """The one door for people's text: every edit, the facilitator's and the phones',
        stores each text as its column keeps it (cocreate.rules.kept_text: no control or
        invisible format characters, cut to the column's limit). A text that is then the same
        as before is no change."""
        return super().execute(name, [_kept(op) for op in ops], burst, args)

    # -- the session ----------------------------------------------------------------------------

    @_one_edit
    def set_session_fields(self, **fields: Any) -> bool:
        """Edit the session's details (title, theme, brand, date, facilitator, goal)."""
        unknown = set(fields) - set(SESSION_FIELDS)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        op = self._store.update_op("session", 1, **fields)
        return self.execute(QT_TRANSLATE_NOOP("Document", "Edit Session Details"), [op])

    @_one_edit
    def rename_session(self, title: str) -> bool:
        op = self._store.update_op("session", 1, title=title)
        return self.execute(QT_TRANSLATE_NOOP("Document", "Rename Session"), [op])

    # -- journeys -------------------------------------------------------------------------------

    @_one_edit
    def add_journey(
        self,
        name: str,
        template_id: str,
        language: str,
        persona_id: int | None = None,
        new_persona: Row | None = None,
    ) -> int | None:
        """A new journey from a template (and a new persona for it); returns its id."""
        ops: list[Op] = []
        if new_persona is not None:
            ops = edits.add_persona(self._store, **new_persona)
            persona_id = ops[0].row["id"]
        journey_ops = edits.add_journey(self._store, name, template_id, language, persona_id)
        if not self.execute(QT_TRANSLATE_NOOP("Document", "Add Journey"), ops + journey_ops):
            return None
        return journey_ops[0].row["id"]

    @_one_edit
    def rename_journey(self, journey_id: int, name: str) -> bool:
        op = self._store.update_op("journey", journey_id, name=name)
        return self.execute(QT_TRANSLATE_NOOP("Document", "Rename Journey"), [op])

    @_one_edit
    def duplicate_journey(self, journey_id: int, name: str) -> int | None:
        ops = edits.duplicate_journey(self._store, journey_id, name)
        return (
            ops[0].row["id"]
            if self.execute(QT_TRANSLATE_NOOP("Document", "Duplicate Journey"), ops)
            else None
        )

    @_one_edit
    def delete_journey(self, journey_id: int) -> bool:
        ops = self._store.delete_ops("journey", [journey_id])
        return self.execute(QT_TRANSLATE_NOOP("Document", "Delete Journey"), ops)

    @_one_edit
    def move_journey(self, journey_id: int, index: int) -> bool:
        return self.execute(
            QT_TRANSLATE_NOOP("Document", "Move Journey"),
            edits.move_journey(self._store, journey_id, index),
        )

    @_one_edit
    def set_journey_persona(
        self, journey_id: int, persona_id: int | None, persona_changes: Row | None = None
    ) -> bool:
        """The journey's persona (and edits to that persona's fields), as one action."""
        ops = [self._store.update_op("journey", journey_id, persona_id=persona_id)]
        if persona_changes and persona_id is not None:
            ops.append(self._store.update_op("persona", persona_id, **persona_changes))
        return self.execute(QT_TRANSLATE_NOOP("Document", "Change Persona"), ops)

    @_one_edit
    def add_persona(
        self, name: str, kind: str, description: str, journey_id: int | None = None
    ) -> int | None:
        ops = edits.add_persona(self._store, name, kind, description, journey_id)
        return (
            ops[0].row["id"]
            if self.execute(QT_TRANSLATE_NOOP("Document", "Add Persona"), ops)
            else None
        )

    # -- stages and lanes -----------------------------------------------------------------------

    @_one_edit
    def add_stage(
        self, journey_id: int, name: str, index: int | None = None, color: str = ""
    ) -> int | None:
        ops = edits.add_stage(self._store, journey_id, name, index, color)
        return (
            ops[0].row["id"]
            if self.execute(QT_TRANSLATE_NOOP("Document", "Add Stage"), ops)
            else None
        )

    @_one_edit
    def update_stage(self, stage_id: int, **fields: Any) -> bool:
        names = {
            "name": QT_TRANSLATE_NOOP("Document", "Rename Stage"),
            "color": QT_TRANSLATE_NOOP("Document", "Recolour Stage"),
            "width": QT_TRANSLATE_NOOP("Document", "Resize Stage"),
        }
        name = (
            names[next(iter(fields))]
            if len(fields) == 1
            else QT_TRANSLATE_NOOP("Document", "Edit Stage")
        )
        return self.execute(name, [self._store.update_op("stage", stage_id, **fields)])

    @_one_edit
    def move_stage(self, stage_id: int, index: int) -> bool:
        return self.execute(
            QT_TRANSLATE_NOOP("Document", "Move Stage"),
            edits.move_stage(self._store, stage_id, index),
        )

    @_one_edit
    def delete_stage(self, stage_id: int) -> bool:
        ops = self._unpinning(self._store.delete_ops("stage", [stage_id]))
        return self.execute(QT_TRANSLATE_NOOP("Document", "Delete Stage"), ops)

    @_one_edit
    def add_lane(self, journey_id: int, name: str, index: int | None = None) -> int | None:
        ops = edits.add_lane(self._store, journey_id, name, index)
        return (
            ops[0].row["id"]
            if self.execute(QT_TRANSLATE_NOOP("Document", "Add Lane"), ops)
            else None
        )

    @_one_edit
    def update_lane(self, lane_id: int, **fields: Any) -> bool:
        if set(fields) == {"hidden"}:
            name = (
                QT_TRANSLATE_NOOP("Document", "Hide Lane")
                if fields["hidden"]
                else QT_TRANSLATE_NOOP("Document", "Show Lane")
            )
        else:
            name = QT_TRANSLATE_NOOP("Document", "Rename Lane")
        return self.execute(name, [self._store.update_op("lane", lane_id, **fields)])

    @_one_edit
    def move_lane(self, lane_id: int, index: int) -> bool:
        return self.execute(
            QT_TRANSLATE_NOOP("Document", "Move Lane"), edits.move_lane(self._store, lane_id, index)
        )

    @_one_edit
    def delete_lane(self, lane_id: int) -> bool:
        ops = self._unpinning(self._store.delete_ops("lane", [lane_id]))
        return self.execute(QT_TRANSLATE_NOOP("Document", "Delete Lane"), ops)

    # -- touchpoints and links ------------------------------------------------------------------

    @_one_edit
    def add_touchpoint(
        self, journey_id: int, stage_id: int, lane_id: int, index: int | None = None, **fields: Any
    ) -> int | None:
        ops = edits.add_touchpoint(self._store, journey_id, stage_id, lane_id, index, **fields)
        return (
            ops[0].row["id"]
            if self.execute(QT_TRANSLATE_NOOP("Document", "Add Touchpoint"), ops)
            else None
        )

    @_one_edit
    def update_touchpoint(self, touchpoint_id: int, **fields: Any) -> bool:
        ops = edits.update_touchpoint(self._store, touchpoint_id, **fields)
        return self.execute(QT_TRANSLATE_NOOP("Document", "Edit Touchpoint"), ops)

    @_one_edit
    def update_touchpoints(self, ids: list[int], **fields: Any) -> bool:
        """The same fields on several cards, as one action."""
        ops = [op for tid in ids for op in edits.update_touchpoint(self._store, tid, **fields)]
        return self.execute(QT_TRANSLATE_NOOP("Document", "Edit Touchpoints"), ops)

    @_one_edit
    def type_touchpoint_text(self, ids: list[int], field: str, text: str, burst: int) -> bool:
        """Text typed into a field of cards (title, description, owner), at a pause or when
        the edit ends: every write of one `burst` of typing in the field of these cards makes
        one undo step, which puts back the text from before the burst."""
        typed = {field: text}
        ops = [op for tid in ids for op in edits.update_touchpoint(self._store, tid, **typed)]
        name = (
            QT_TRANSLATE_NOOP("Document", "Edit Touchpoint")
            if len(ids) == 1
            else QT_TRANSLATE_NOOP("Document", "Edit Touchpoints")
        )
        return self.execute(name, ops, burst=(field, tuple(ids), burst))

    def take_back_typing(self, ids: list[int], field: str, burst: int) -> bool:
        """Undo the burst of typing in the field of these cards while it is the last action
        (Escape in the field); False when it is not."""
        index = self.undo_stack.index()
        last = self.undo_stack.command(index - 1) if index > 0 else None
        if not isinstance(last, TypingCommand) or last.burst != (field, tuple(ids), burst):
            return False
        self.undo_stack.undo()
        return True

    @_one_edit
    def move_touchpoints(
        self, ids: list[int], stage_id: int, lane_id: int, index: int | None = None
    ) -> bool:
        ops = edits.move_touchpoints(self._store, ids, stage_id, lane_id, index)
        name = (
            QT_TRANSLATE_NOOP("Document", "Move Touchpoint")
            if len(ids) == 1
            else QT_TRANSLATE_NOOP("Document", "Move Touchpoints")
        )
        return self.execute(name, ops)

    @_one_edit
    def move_touchpoints_to_cells(self, targets: dict[tuple[int, int], list[int]]) -> bool:
        """Several groups of cards, each to its own cell (keyboard moves), as one action."""
        moving = [card_id for ids in targets.values() for card_id in ids]
        ops = [
            op
            for (stage_id, lane_id), ids in targets.items()
            for op in edits.move_touchpoints(
                self._store, ids, stage_id, lane_id, also_moving=moving
            )
        ]
        count = sum(len(ids) for ids in targets.values())
        name = (
            QT_TRANSLATE_NOOP("Document", "Move Touchpoint")
            if count == 1
            else QT_TRANSLATE_NOOP("Document", "Move Touchpoints")
        )
        return self.execute(name, ops)

    @_one_edit
    def paste(
        self,
        journey_id: int,
        touchpoints: list[Row],
        links: list[Row],
        notes: list[Row],
        stage_id: int | None = None,
        lane_id: int | None = None,
        name: str = "",
    ) -> tuple[list[int], list[int]]:
        """Copies of cards (with the links between them) and notes, as one action.

        Cards land in the given cell, or in their own stage and lane when the journey has
        them; notes land 24 points right and below where they were.
        """
        card_ops = edits.paste_touchpoints(
            self._store, journey_id, touchpoints, links, stage_id, lane_id
        )
        note_ops = edits.paste_notes(self._store, journey_id, notes, 24, 24)
        if not self.execute(name or QT_TRANSLATE_NOOP("Document", "Paste"), card_ops + note_ops):
            return [], []
        cards = [op.row["id"] for op in card_ops if op.table == "touchpoint"]
        return cards, [op.row["id"] for op in note_ops]

    @_one_edit
    def add_link(self, journey_id: int, source_id: int, target_id: int) -> int | None:
        ops = edits.add_link(self._store, journey_id, source_id, target_id)
        return (
            ops[0].row["id"]
            if self.execute(QT_TRANSLATE_NOOP("Document", "Add Link"), ops)
            else None
        )

    @_one_edit
    def delete_links(self, ids: list[int]) -> bool:
        ops = self._store.delete_ops("link", list(ids))
        name = (
            QT_TRANSLATE_NOOP("Document", "Delete Link")
            if len(ids) == 1
            else QT_TRANSLATE_NOOP("Document", "Delete Links")
        )
        return self.execute(name, ops)

    @_one_edit
    def delete_items(
        self, touchpoint_ids: list[int], link_ids: list[int], note_ids: list[int] = ()
    ) -> bool:
        """Delete a selection of cards, links and notes as one action."""
        targets = {
            "touchpoint": list(touchpoint_ids),
            "link": list(link_ids),
            "note": list(note_ids),
        }
        ops = self._unpinning(self._store.delete_many_ops(targets))
        return self.execute(QT_TRANSLATE_NOOP("Document", "Delete"), ops)

    # -- participants ---------------------------------------------------------------------------

    @_one_edit
    def add_participant(self, name: str, color: str, role: str, vote_budget: int = 5) -> int | None:
        ops = edits.add_participant(self._store, name, color, role, vote_budget)
        return (
            ops[0].row["id"]
            if self.execute(QT_TRANSLATE_NOOP("Document", "Add Participant"), ops)
            else None
        )

    @_one_edit
    def update_participant(self, participant_id: int, **fields: Any) -> bool:
        names = {
            "name": QT_TRANSLATE_NOOP("Document", "Rename Participant"),
            "color": QT_TRANSLATE_NOOP("Document", "Recolour Participant"),
            "role": QT_TRANSLATE_NOOP("Document", "Change Role"),
        }
        name = names.get(next(iter(fields)), "") if len(fields) == 1 else ""
        op = self._store.update_op("participant", participant_id, **fields)
        return self.execute(name or QT_TRANSLATE_NOOP("Document", "Edit Participant"), [op])

    @_one_edit
    def delete_participant(self, participant_id: int) -> bool:
        ops = self._store.delete_ops("participant", [participant_id])
        return self.execute(QT_TRANSLATE_NOOP("Document", "Remove Participant"), ops)

    # -- notes and clusters ---------------------------------------------------------------------

    def recent_ops(self) -> Iterator[Op]:
        """The ops of the actions in effect (not undone), newest first."""
        stack = self.undo_stack
        for index in range(stack.index() - 1, -1, -1):
            command = stack.command(index)
            if isinstance(command, RowCommand):
                yield from reversed(command.ops)

    def new_note_category(self, author_id: int | None) -> str:
        """The category a new note of the author gets: the last one they chose, else Idea."""
        return edits.new_note_category(self._store, author_id, self.recent_ops())

    @_one_edit
    def add_note(
        self, journey_id: int, text: str, author_id: int | None, x: float, y: float, **fields: Any
    ) -> int | None:
        """A new note; without a category it takes the one its author chose last, else Idea."""
        ops = edits.add_note(
            self._store, journey_id, text, author_id, x, y, recent=self.recent_ops(), **fields
        )
        return (
            ops[0].row["id"]
            if self.execute(QT_TRANSLATE_NOOP("Document", "Add Note"), ops)
            else None
        )

    @_one_edit
    def update_notes(self, ids: list[int], **fields: Any) -> bool:
        names = {
            "text": QT_TRANSLATE_NOOP("Document", "Edit Note"),
            "author_id": QT_TRANSLATE_NOOP("Document", "Change Author"),
            "category": QT_TRANSLATE_NOOP("Document", "Change Category"),
            "color": QT_TRANSLATE_NOOP("Document", "Recolour Note"),
        }
        name = names.get(next(iter(fields)), "") if len(fields) == 1 else ""
        ops = edits.update_notes(self._store, ids, **fields)
        return self.execute(name or QT_TRANSLATE_NOOP("Document", "Edit Notes"), ops)

    @_one_edit
    def place_notes(self, places: dict[int, Row]) -> bool:
        name = (
            QT_TRANSLATE_NOOP("Document", "Move Note")
            if len(places) == 1
            else QT_TRANSLATE_NOOP("Document", "Move Notes")
        )
        return self.execute(name, edits.place_notes(self._store, places))

    @_one_edit
    def group_notes(self, journey_id: int, ids: list[int], title: str) -> int | None:
        ops = edits.group_notes(self._store, journey_id, ids, title)
        return (
            ops[0].row["id"]
            if self.execute(QT_TRANSLATE_NOOP("Document", "Group Notes"), ops)
            else None
        )

    @_one_edit
    def ungroup(self, cluster_ids: list[int]) -> bool:
        return self.execute(
            QT_TRANSLATE_NOOP("Document", "Ungroup"), self._store.delete_ops("cluster", cluster_ids)
        )

    @_one_edit
    def rename_cluster(self, cluster_id: int, title: str) -> bool:
        op = self._store.update_op("cluster", cluster_id, title=title)
        return self.execute(QT_TRANSLATE_NOOP("Document", "Rename Cluster"), [op])

    @_one_edit
    def tidy_cluster(self, places: dict[int, Row]) -> bool:
        return self.execute(
            QT_TRANSLATE_NOOP("Document", "Tidy Cluster"), edits.place_notes(self._store, places)
        )

    # -- facilitation ---------------------------------------------------------------------------

    @_one_edit
    def set_private_mode(self, on: bool) -> bool:
        op = self._store.update_op("session", 1, private_mode=on)
        name = (
            QT_TRANSLATE_NOOP("Document", "Private Mode On")
            if on
            else QT_TRANSLATE_NOOP("Document", "Private Mode Off")
        )
        return self.execute(name, [op])

    @_one_edit
    def set_reveal_policy(self, policy: str) -> bool:
        op = self._store.update_op("session", 1, reveal_policy=policy)
        return self.execute(QT_TRANSLATE_NOOP("Document", "Change Reveal Policy"), [op])

    @_one_edit
    def reveal_notes(self, ids: list[int]) -> bool:
        name = (
            QT_TRANSLATE_NOOP("Document", "Reveal Note")
            if len(ids) == 1
            else QT_TRANSLATE_NOOP("Document", "Reveal Notes")
        )
        return self.execute(name, edits.reveal_notes(self._store, ids))

    @_one_edit
    def start_voting(self, budget: int) -> bool:
        """A new round with `budget` dots each (0 to VOTE_BUDGET_MAX: a file holding more would
        not open again); ValueError for any other budget, before anything is written."""
        if not 0 <= budget <= VOTE_BUDGET_MAX:
            raise ValueError(f"a voting round gives 0 to {VOTE_BUDGET_MAX} dots, not {budget}")
        return self.execute(
            QT_TRANSLATE_NOOP("Document", "Start Voting"), edits.start_voting(self._store, budget)
        )

    @_one_edit
    def end_voting(self) -> bool:
        op = self._store.update_op("session", 1, voting_round=0)
        return self.execute(QT_TRANSLATE_NOOP("Document", "End Voting"), [op])

    def votes_left(self, participant_id: int) -> int:
        return edits.votes_left(self._store, participant_id)

    @_one_edit
    def add_vote(
        self, participant_id: int, note_id: int | None = None, touchpoint_id: int | None = None
    ) -> bool:
        ops = edits.add_vote(self._store, participant_id, note_id, touchpoint_id)
        return self.execute(QT_TRANSLATE_NOOP("Document", "Vote"), ops)

    @_one_edit
    def remove_vote(
        self, participant_id: int, note_id: int | None = None, touchpoint_id: int | None = None
    ) -> bool:
        ops = edits.remove_vote(self._store, participant_id, note_id, touchpoint_id)
        return self.execute(QT_TRANSLATE_NOOP("Document", "Take Back Vote"), ops)


def _kept(op: Op | None) -> Op | None:
    """The op with its texts as the columns keep them; None when that leaves nothing to do.
    The op is changed in place: callers read the id of an insert from the op they made."""
    if isinstance(op, Insert):
        op.row.update(kept_texts(op.table, op.row))
    elif isinstance(op, InsertMany):
        for row in op.rows:
            row.update(kept_texts(op.table, row))
    elif isinstance(op, Update):
        after = kept_texts(op.table, op.after)
        op.after = {key: value for key, value in after.items() if op.before[key] != value}
        op.before = {key: op.before[key] for key in op.after}
        return op if op.after else None
    return op
