"""Targeted updates: a change that names only notes, clusters, votes, participants, the
contents of cards, survey answers or the session's modes (a voting round, private mode) touches
only the items it names, without reading or laying out the journey again (answers: one grouped
count of the journey's scores, for the badges). Anything that moves the blueprint (stages,
lanes, a card's cell or order, links, the language of the built-in texts) still goes through
the scene's full sync.

The change names the rows per table (records.Change); the rows it inserted or updated are
read back by id, in the edit's own transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from cocreate.analysis import emotion_by_stage, lowest_points
from cocreate.canvas.mirror import member_rects, show_cluster, show_note, vote_colors
from cocreate.canvas.notes import NoteItem
from cocreate.canvas.phone_area import follow_notes
from cocreate.layout import is_free
from cocreate.records import Change, Row

if TYPE_CHECKING:
    from cocreate.canvas.scene import JourneyScene

#: Tables a targeted update handles; a change touching any other canvas table is synced whole.
TARGETED_TABLES = frozenset(
    {"note", "cluster", "vote", "participant", "touchpoint", "feedback", "session"}
)
#: Card fields that decide where cards are: a change of one lays the journey out again.
LAYOUT_FIELDS = frozenset({"stage_id", "lane_id", "position", "journey_id"})
#: Session fields shown through a full sync: the language of the built-in texts (lane names).
SESSION_SYNCED_FIELDS = frozenset({"language"})
#: What notes and their dots show of a participant (a new vote budget shows on none).
PARTICIPANT_LOOKS = frozenset({"name", "color"})


def can_target(change: Change, canvas_tables: tuple[str, ...]) -> bool:
    """Whether the change can be shown by touching only the items it names."""
    touched = change.tables.intersection(canvas_tables)
    if not touched <= TARGETED_TABLES:
        return False
    if not all(change.names_rows(name) for name in touched):
        return False  # a change of everything (a write that did not reach the file)
    cards_moved = change.inserted.get("touchpoint") or change.deleted.get("touchpoint")
    session_made = change.inserted.get("session") or change.deleted.get("session")
    return not (
        cards_moved
        or session_made
        or change.fields.get("touchpoint", set()) & LAYOUT_FIELDS
        or change.fields.get("session", set()) & SESSION_SYNCED_FIELDS
    )


def apply_change(scene: JourneyScene, change: Change) -> None:
    """Bring the items the change names in line with the file."""
    document = scene.document
    if change.touches("session"):
        _session(scene)
    if change.ids("participant"):
        _participants(scene, change)
    cards = _cards(scene, change)
    notes_before = {
        note_id: scene.notes[note_id].row
        for note_id in change.ids("note")
        if note_id in scene.notes
    }
    notes = _notes(scene, change)
    targets_notes, targets_cards = _vote_targets(scene, change)
    # A new note's dots can only come with it (undoing a delete): _vote_targets has them.
    targets_notes |= notes - change.inserted.get("note", set())
    targets_cards |= set(cards)
    if targets_notes or targets_cards:
        _dots(
            scene,
            document.votes_on(targets_notes, targets_cards),
            targets_notes,
            targets_cards,
        )
    clusters = {row["cluster_id"] for row in notes_before.values()}
    clusters |= {scene.notes[n].row["cluster_id"] for n in notes if n in scene.notes}
    clusters |= change.ids("cluster")
    clusters.discard(None)
    if clusters:
        _clusters(scene, clusters)
    follow_notes(scene, change, notes_before)  # the "From phones" label (clusters may cover it)
    _grow_board(scene, [scene.notes[n] for n in notes if n in scene.notes])
    if change.touches("feedback"):
        scene.feedback.refresh()  # the badges and the curve's second line


def _session(scene: JourneyScene) -> None:
    """The session's own fields: whether a voting round runs (a press on a note or card then
    gives a dot, interactions.pick), private mode, the reveal policy; each is read when it is
    needed, and none changes how an item looks."""
    scene.session = scene.document.session()


def _participants(scene: JourneyScene, change: Change) -> None:
    """People renamed or recoloured: their notes (and their dots) show it."""
    ids = change.ids("participant")
    rows = scene.document.rows_by_id("participant", ids)
    for participant_id in ids:
        if participant_id in rows:
            scene.participants[participant_id] = rows[participant_id]
        else:
            scene.participants.pop(participant_id, None)
    if not change.fields.get("participant", set()) & PARTICIPANT_LOOKS:
        # (a new vote budget, say) nothing a note shows; a person removed or brought back
        # comes with their notes' author_id changed, shown by _notes
        return
    by_category = scene.color_by_category
    for note in scene.notes.values():
        if note.row["author_id"] in ids:
            note.set_state(
                note.row,
                scene.participants.get(note.row["author_id"]),
                by_category,
                note.vote_colors,
            )


def _cards(scene: JourneyScene, change: Change) -> set[int]:
    """Cards whose own fields changed (title, emotion, …, never their place)."""
    ids = {card_id for card_id in change.updated.get("touchpoint", set()) if card_id in scene.cards}
    if not ids:
        return set()
    rows = scene.document.rows_by_id("touchpoint", ids)
    for card_id, row in rows.items():
        scene.touchpoint_rows[card_id] = row
        scene.cards[card_id].set_row(row)
    if "emotion" in change.fields.get("touchpoint", set()):
        points = emotion_by_stage(scene.stages, scene.lanes, list(scene.touchpoint_rows.values()))
        scene.curve.set_points(scene.layout, points, lowest_points(points))
    return ids


def _notes(scene: JourneyScene, change: Change) -> set[int]:
    """Notes added, changed, moved or deleted; the ids of those the scene shows now."""
    for note_id in change.deleted.get("note", set()):
        item = scene.notes.pop(note_id, None)
        if item is not None:
            scene.removeItem(item)
    ids = change.inserted.get("note", set()) | change.updated.get("note", set())
    rows = scene.document.rows_by_id("note", ids)
    shown: set[int] = set()
    for note_id in ids:
        row = rows.get(note_id)
        if row is None or row["journey_id"] != scene.journey_id:
            item = scene.notes.pop(note_id, None)  # gone, or moved to another journey
            if item is not None:
                scene.removeItem(item)
            continue
        known = scene.notes.get(note_id)
        show_note(scene, row, known.vote_colors if known is not None else [])
        shown.add(note_id)
    return shown


def _vote_targets(scene: JourneyScene, change: Change) -> tuple[set[int], set[int]]:
    """The notes and cards whose dots a change of votes (or of voters' colours) alters."""
    document = scene.document
    rows = list(document.rows_by_id("vote", change.inserted.get("vote", set())).values())
    rows += list(change.removed.get("vote", {}).values())
    if "color" in change.fields.get("participant", set()):  # the dots of recoloured voters
        for participant_id in change.updated.get("participant", set()):
            rows += document.rows("vote", participant_id=participant_id)
    notes = {vote["note_id"] for vote in rows if vote["note_id"] is not None}
    cards = {vote["touchpoint_id"] for vote in rows if vote["touchpoint_id"] is not None}
    # (asked of the scene's dicts: a set of their keys costs a pass over every note)
    return {i for i in notes if i in scene.notes}, {i for i in cards if i in scene.cards}


def _dots(scene: JourneyScene, votes: list[Row], note_ids: set[int], card_ids: set[int]) -> None:
    """Give each note and card its voters' colours, one dot per vote."""
    colors = vote_colors(votes, scene.participants)
    for note_id in note_ids:
        note = scene.notes[note_id]
        note.set_state(note.row, note.author, note.by_category, colors.get(("note", note_id), []))
    for card_id in card_ids:
        scene.cards[card_id].set_votes(colors.get(("touchpoint", card_id), []))


def _clusters(scene: JourneyScene, cluster_ids: set[int]) -> None:
    """The frames (and titles) of these clusters around their notes as they are now."""
    rows = scene.document.rows_by_id("cluster", cluster_ids)
    members = member_rects(scene, cluster_ids)
    for cluster_id in cluster_ids:
        row = rows.get(cluster_id)
        if row is None or row["journey_id"] != scene.journey_id:
            item = scene.clusters.pop(cluster_id, None)
            if item is not None:
                scene.removeItem(item)
            continue
        show_cluster(scene, row, members.get(cluster_id))


def _grow_board(scene: JourneyScene, notes: list[NoteItem]) -> None:
    """The board and the scene grow to hold notes that moved out past them (they shrink back
    at the next full sync)."""
    free, everything = QRectF(), QRectF(scene.sceneRect())
    for note in notes:
        rect = note.sceneBoundingRect()
        if is_free(note.row):
            free = free.united(rect)
        everything = everything.united(rect)
    board = scene.board
    if not free.isEmpty() and not board.notes_rect.contains(free):
        board.set_area(scene.layout, board.notes_rect.united(free))
    everything = everything.united(board.area)
    if everything != scene.sceneRect():
        scene.setSceneRect(everything)
