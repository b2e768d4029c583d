"""One journey on the canvas: a scene that mirrors the document.

The scene reads the journey's rows, lays them out (cocreate.layout) and keeps one item per row.
What a person does on the canvas becomes a call to the document; the document's `changed`
signal brings the scene back in line with the file. The scene never writes.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, QPoint, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from cocreate.canvas.backdrop import EmotionCurveItem, GridItem, LineNamesItem, PersonaItem
from cocreate.canvas.clipboard import copied, pasted
from cocreate.canvas.deferred_notes import NoteDeferral
from cocreate.canvas.interactions import (
    Interaction,
    Mode,
    NewNoteDraft,
    PaletteDrop,
    gesture_after_press,
    gesture_for_press,
)
from cocreate.canvas.interactions.double_click import double_click
from cocreate.canvas.interactions.palette import accepts as palette_accepts
from cocreate.canvas.items import CardItem, LaneLabelItem, LinkItem, StageHeaderItem
from cocreate.canvas.mime import TOUCHPOINTS_MIME, read_payload
from cocreate.canvas.mirror import follow_card, sync_all
from cocreate.canvas.note_places import tidied_places, unpinned_places
from cocreate.canvas.notes import (
    NOTE_HEIGHT,
    NOTE_WIDTH,
    BoardItem,
    ClusterItem,
    NoteItem,
)
from cocreate.canvas.nps_badges import FeedbackOverlay
from cocreate.canvas.phone_area import PhoneAreaItem
from cocreate.canvas.tiles import remove_quietly
from cocreate.canvas.updates import apply_change, can_target
from cocreate.canvas.workshop_state import WorkshopState
from cocreate.document import Document
from cocreate.layout import JourneyLayout, note_origin
from cocreate.model import RevealPolicy
from cocreate.records import Change, Row

# Tables whose changes the canvas of a journey shows.
CANVAS_TABLES = ("journey", "persona", "stage", "lane", "touchpoint", "link", "session", "note",
                 "cluster", "participant", "vote", "feedback")


class JourneyScene(QGraphicsScene):
    """The canvas of one journey."""

    # The ids of the selected touchpoint cards, after every change of selection.
    touchpoints_selected = Signal(list)
    # A card asks for its title to be edited (double-click, new card).
    edit_requested = Signal(int)
    # ("stage", "lane" or "cluster", id, scene rect of the name): the view shows an editor.
    rename_requested = Signal(str, int, QRectF)
    # (note id or 0 for a new note, scene rect, text, colour): the view shows a note editor.
    note_edit_requested = Signal(int, QRectF, str, QColor)
    # A click that could not vote (no current author, no dots left): the reason to show.
    vote_refused = Signal(str)
    # (scene point, screen point) of a right-click: the window shows the context menu.
    context_menu_requested = Signal(QPointF, QPoint)

    def __init__(
        self,
        document: Document,
        journey_id: int,
        parent=None,
        state: WorkshopState | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        # The window's author, tool and colouring, shared by every journey's scene.
        self.state = state if state is not None else WorkshopState(self)
        self.state.color_by_category_changed.connect(self._color_by_category_changed)
        self.journey_id = journey_id
        self.layout = JourneyLayout()
        self.cards: dict[int, CardItem] = {}
        self.links: dict[int, LinkItem] = {}
        self.headers: dict[int, StageHeaderItem] = {}
        self.lane_labels: dict[int, LaneLabelItem] = {}
        self.stages: list[Row] = []
        self.lanes: list[Row] = []
        self.interaction: Interaction | None = None
        self.note_items: dict[int, NoteItem] = {}  # (read `notes`: it makes waiting ones)
        self.deferral = NoteDeferral(self)  # a large board's notes before their items are made
        self.clusters: dict[int, ClusterItem] = {}
        self.participants: dict[int, Row] = {}
        self.touchpoint_rows: dict[int, Row] = {}
        self.session: Row = {}
        self.note_draft: NewNoteDraft | None = None
        self._syncing = False
        self.active = True
        self._stale = False
        self.grid = GridItem()
        self.line_names = LineNamesItem()
        self.curve = EmotionCurveItem()
        self.board = BoardItem()
        self.persona_label = PersonaItem()
        self.phone_area = PhoneAreaItem(self.board)  # "From phones" over the board's grid
        for item in (self.grid, self.line_names, self.curve, self.board, self.persona_label):
            self.addItem(item)
        self.addItem(self.phone_area)
        self.feedback = FeedbackOverlay(self)  # NPS badges, colours and the curve's second line
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.selectionChanged.connect(self._selection_changed)
        document.changed.connect(self._document_changed)
        self.sync()

    removeItem = remove_quietly  # noqa: N815 (Qt's name): repaint only the item's place

    def detach(self) -> None:
        """Stop following the document (the journey's tab is closing)."""
        self.document.changed.disconnect(self._document_changed)
        self.state.color_by_category_changed.disconnect(self._color_by_category_changed)
        self.feedback.detach()
        self.deferral.stop()

    @property
    def notes(self) -> dict[int, NoteItem]:
        """Every note's item by id (those a large board's open left for later made first)."""
        self.deferral.place_all()
        return self.note_items

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    @property
    def voting(self) -> bool:
        return bool(self.session.get("voting_round"))

    @property
    def draft(self) -> NoteItem | None:
        """The new note being written, until its text is committed."""
        return self.note_draft.item if self.note_draft is not None else None

    @property
    def mode(self) -> Mode:
        """What a press does: vote while a round runs, else the tool chosen (select or link)."""
        return Mode.VOTE if self.voting else self.state.tool_mode

    @property
    def current_author_id(self) -> int | None:
        return self.state.current_author_id

    @property
    def color_by_category(self) -> bool:
        return self.state.color_by_category

    # -- mirroring the document -------------------------------------------------------------

    def _document_changed(self, change: Change) -> None:
        if not change.touches(*CANVAS_TABLES):
            return
        if not self.active:
            self._stale = True  # a journey in a tab behind: brought up to date when shown
        elif can_target(change, CANVAS_TABLES):
            apply_change(self, change)  # only the items the change names
        else:
            self.sync()

    def set_active(self, active: bool) -> None:
        """Whether a view shows this scene now; a scene in a hidden tab syncs when shown."""
        self.active = active
        if active and self._stale:
            self.sync()

    def sync(self) -> None:
        """Bring every item in line with the file (create, update, move, remove)."""
        self._syncing = True
        self._stale = False
        try:
            sync_all(self)
            self.feedback.refresh()
        finally:
            self._syncing = False

    def note_origin(self, row: Row) -> QPointF:
        """The point a note's stored (x, y) is measured from: its card, its stage, or 0, 0."""
        return QPointF(*note_origin(self.layout, self.touchpoint_rows, row))

    def cluster_notes(self, cluster_id: int) -> list[NoteItem]:
        return [note for note in self.notes.values() if note.row["cluster_id"] == cluster_id]

    def card_moved(self, card: CardItem) -> None:
        """A card moved (live, during a drag): its arrows and pinned notes follow."""
        if not self._syncing:  # sync() places links and notes itself, once
            follow_card(self, card)

    # -- selection ----------------------------------------------------------------------------

    def selected_touchpoint_ids(self) -> list[int]:
        return sorted(
            item.touchpoint_id for item in self.selectedItems() if isinstance(item, CardItem)
        )

    def selected_note_ids(self) -> list[int]:
        return sorted(
            item.note_id
            for item in self.selectedItems()
            if isinstance(item, NoteItem) and item is not self.draft
        )

    def selected_link_ids(self) -> list[int]:
        return sorted(item.link_id for item in self.selectedItems() if isinstance(item, LinkItem))

    def _selection_changed(self) -> None:
        self.touchpoints_selected.emit(self.selected_touchpoint_ids())

    def select_touchpoints(self, ids: list[int]) -> None:
        self.clearSelection()
        for card_id in ids:
            if card_id in self.cards:
                self.cards[card_id].setSelected(True)

    def select_all(self) -> None:
        for item in (*self.cards.values(), *self.notes.values()):
            item.setSelected(True)

    def select_notes(self, ids: list[int]) -> None:
        self.clearSelection()
        for note_id in ids:
            if note_id in self.notes:
                self.notes[note_id].setSelected(True)

    # -- gestures ------------------------------------------------------------------------------

    def card_at(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def note_at(self, pos: QPointF) -> NoteItem | None:
        self.deferral.place_all()
        for item in self.items(pos):
            if isinstance(item, NoteItem) and item is not self.draft:
                return item
        return None

    def set_interaction(self, interaction: Interaction | None) -> None:
        """Make `interaction` the gesture that gets the mouse and keys first; the one before
        it is cancelled."""
        previous, self.interaction = self.interaction, interaction
        if previous is not None and previous is not interaction:
            previous.cancel()
        if interaction is not None:
            interaction.finished.connect(lambda: self._interaction_finished(interaction))

    def _interaction_finished(self, interaction: Interaction) -> None:
        if self.interaction is interaction:
            self.interaction = None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        active, left = self.interaction, event.button() == Qt.MouseButton.LeftButton
        if active is not None and active.owns_mouse and not left:
            event.accept()  # another button during a drag: the drag keeps the mouse
            return
        if active is not None and left:
            self.set_interaction(None)  # a gesture whose release never came ends here
        gesture = gesture_for_press(self, event, self.mode)
        if gesture is not None:
            self.set_interaction(gesture)
            if gesture.press(event):
                event.accept()
                return
        selected = self.selectedItems()  # a rubber band's Escape brings them back
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            gesture = gesture_after_press(self, event, selected)
            if gesture is not None:
                self.set_interaction(gesture)
                if gesture.press(event):
                    event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        interaction = self.interaction
        if interaction is not None and interaction.owns_mouse:
            interaction.move(event)
            return
        super().mouseMoveEvent(event)
        if interaction is not None:
            interaction.move(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        interaction = self.interaction
        if interaction is not None and interaction.owns_mouse:
            if event.button() == Qt.MouseButton.LeftButton:  # each gesture starts on the left
                interaction.release(event)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if interaction is not None:
            interaction.release(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.interaction is not None and self.interaction.key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def nudge(self, stage_step: int, lane_step: int) -> bool:
        """Move each selected card one cell over (arrow keys), as one action."""
        ids = self.selected_touchpoint_ids()
        if not ids or self.read_only:
            return False
        stages, lanes = self.layout.stage_order, self.layout.lane_order
        targets: dict[tuple[int, int], list[int]] = {}
        for card_id in ids:
            row = self.cards[card_id].row
            stage = stages.index(row["stage_id"]) + stage_step
            lane = lanes.index(row["lane_id"]) + lane_step
            if not (0 <= stage < len(stages) and 0 <= lane < len(lanes)):
                return False  # one card would leave the blueprint: nothing moves
            targets.setdefault((stages[stage], lanes[lane]), []).append(card_id)
        moved = self.document.move_touchpoints_to_cells(targets)
        self.select_touchpoints(ids)
        return moved

    # -- adding cards -------------------------------------------------------------------------

    def add_touchpoint_at(self, pos: QPointF, **fields: Any) -> int | None:
        key = self.layout.cell_at(pos.x(), pos.y())
        if key is None or self.read_only:
            return None
        fields.setdefault("title", self.tr("New touchpoint"))
        index = self.layout.index_at(key, pos.x(), pos.y(), set())
        card_id = self.document.add_touchpoint(self.journey_id, key[0], key[1], index, **fields)
        if card_id is not None:
            self.select_touchpoints([card_id])
            self.edit_requested.emit(card_id)
        return card_id

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not double_click(self, event):
            super().mouseDoubleClickEvent(event)

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if palette_accepts(self, event):
            self.set_interaction(PaletteDrop(self))
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if isinstance(self.interaction, PaletteDrop):
            self.interaction.drag_move(event)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if isinstance(self.interaction, PaletteDrop):
            self.interaction.cancel()
        event.accept()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if isinstance(self.interaction, PaletteDrop):
            self.interaction.drop(event)
        else:
            event.ignore()

    # -- notes ----------------------------------------------------------------------------------

    def start_new_note(self, center: QPointF | None = None) -> bool:
        """A new note of the current author, centred on `center` (default: the board), in
        edit mode at once. It reaches the file when its text is committed."""
        if self.read_only:
            return False
        self.cancel_draft()
        if center is None:
            center = QPointF(self.layout.curve.x + NOTE_WIDTH, self.layout.board_top + NOTE_HEIGHT)
        draft = self.note_draft = NewNoteDraft(self, center)
        draft.finished.connect(lambda: self._note_draft_finished(draft))
        self.clearSelection()
        item = draft.item
        assert item is not None
        rect = QRectF(item.pos(), QSizeF(NOTE_WIDTH, NOTE_HEIGHT))
        self.note_edit_requested.emit(0, rect, "", item.color())
        return True

    def _note_draft_finished(self, draft: NewNoteDraft) -> None:
        if self.note_draft is draft:
            self.note_draft = None

    def cancel_draft(self) -> None:
        if self.note_draft is not None:
            self.note_draft.cancel()

    def edit_note(self, note_id: int) -> None:
        note = self.notes.get(note_id)
        if note is None or self.read_only:
            return
        if note.row["hidden"]:
            return  # a private note keeps its text to itself until it is revealed
        rect = QRectF(note.pos(), QSizeF(NOTE_WIDTH, NOTE_HEIGHT))
        self.note_edit_requested.emit(note_id, rect, note.row["text"], note.color())

    def commit_note(self, note_id: int, text: str) -> int | None:
        """The note editor closed with text: a new note (note_id 0) or an edit."""
        if note_id == 0:
            if self.note_draft is None:
                return None
            new_id = self.note_draft.commit(text)
            if new_id is not None:
                self.select_notes([new_id])
            return new_id
        if text.strip():
            if self.document.row("note", note_id) is not None:  # not undone meanwhile
                self.document.update_notes([note_id], text=text)
        return note_id

    def group_selection(self) -> int | None:
        ids = self.selected_note_ids()
        if not ids or self.read_only:
            return None
        cluster_id = self.document.group_notes(self.journey_id, ids, self.tr("New cluster"))
        if cluster_id is not None:
            self.rename_cluster_in_place(cluster_id)
        return cluster_id

    def selected_clusters(self) -> list[int]:
        return sorted(
            {self.notes[note_id].row["cluster_id"] for note_id in self.selected_note_ids()} - {None}
        )

    def tidy_cluster(self, cluster_id: int) -> bool:
        return self.tidy_clusters([cluster_id])

    def tidy_clusters(self, cluster_ids: list[int]) -> bool:
        """Lay each cluster's notes out in a grid from its top-left note, as one action."""
        places = tidied_places(self, cluster_ids)
        return bool(places) and self.document.tidy_cluster(places)

    def rename_cluster_in_place(self, cluster_id: int) -> None:
        cluster = self.clusters.get(cluster_id)
        if cluster is not None and not self.read_only:
            self.rename_requested.emit("cluster", cluster_id, cluster.title_rect())

    def reveal_allowed(self, note_id: int) -> bool:
        """Whether the current author may turn this private note over (reveal policy)."""
        note = self.notes.get(note_id)
        if note is None or not note.row["hidden"] or self.read_only:
            return False
        if self.session.get("reveal_policy") == RevealPolicy.AUTHOR.value:
            return note.row["author_id"] == self.current_author_id
        return True

    def _color_by_category_changed(self, _on: bool) -> None:
        self.sync()

    # -- stages and lanes ---------------------------------------------------------------------

    def rename_stage_in_place(self, stage_id: int) -> None:
        if not self.read_only:
            rect = self.layout.headers[stage_id]
            self.rename_requested.emit(
                "stage", stage_id, QRectF(rect.x, rect.y, rect.width, rect.height)
            )

    def rename_lane_in_place(self, lane_id: int) -> None:
        if not self.read_only:
            rect = self.layout.lane_labels[lane_id]
            self.rename_requested.emit("lane", lane_id, QRectF(rect.x, rect.y, rect.width, 48))

    def commit_rename(self, kind: str, row_id: int, name: str) -> None:
        name = name.strip()
        if not name or self.document.row(kind, row_id) is None:
            return  # empty, or the row went away (undo) while the editor was open
        if kind == "stage":
            self.document.update_stage(row_id, name=name)
        elif kind == "cluster":
            self.document.rename_cluster(row_id, name)
        else:
            self.document.update_lane(row_id, name=name)

    def current_name(self, kind: str, row_id: int) -> str:
        if kind == "cluster":
            cluster = self.clusters.get(row_id)
            return cluster.row["title"] if cluster else ""
        rows = self.stages if kind == "stage" else self.lanes
        return next((row["name"] for row in rows if row["id"] == row_id), "")

    def insert_stage(self, index: int) -> None:
        stage_id = self.document.add_stage(self.journey_id, self.tr("New stage"), index)
        if stage_id is not None:
            self.rename_stage_in_place(stage_id)

    def add_lane(self, index: int | None = None) -> None:
        lane_id = self.document.add_lane(self.journey_id, self.tr("New lane"), index)
        if lane_id is not None:
            self.rename_lane_in_place(lane_id)

    def move_lane_by(self, lane_id: int, step: int) -> None:
        order = [row["id"] for row in self.lanes]
        self.document.move_lane(lane_id, order.index(lane_id) + step)

    # -- clipboard and deletion -------------------------------------------------------------------

    def delete_selection(self) -> bool:
        cards, links = self.selected_touchpoint_ids(), self.selected_link_ids()
        notes = self.selected_note_ids()
        if self.read_only or not (cards or links or notes):
            return False
        return self.document.delete_items(cards, links, notes)

    def selection_mime(self) -> QMimeData | None:
        ids = set(self.selected_touchpoint_ids())
        notes = [self.notes[note_id] for note_id in self.selected_note_ids()]
        notes = [note for note in notes if not note.row["hidden"]]  # private stays private
        if not ids and not notes:
            return None
        # Pasted notes land free on the board: their place as measured from the board.
        top = self.layout.board_top
        payload, text = copied(
            [self.cards[card_id].row for card_id in sorted(ids)],
            [link.row for link in self.links.values()],
            [note.row | {"x": note.x(), "y": note.y() - top} for note in notes],
        )
        data = QMimeData()
        data.setData(TOUCHPOINTS_MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        data.setText(text)
        return data

    def paste(self, data: QMimeData, pos: QPointF | None = None, name: str = "") -> list[int]:
        """Paste as one action; `name` is its source text in the "Document" context."""
        payload = read_payload(data, TOUCHPOINTS_MIME)
        if not payload or self.read_only:
            return []
        rows = pasted(payload)
        key = self.layout.cell_at(pos.x(), pos.y()) if pos is not None else None
        stage_id, lane_id = key if key is not None else (None, None)
        ids, note_ids = self.document.paste(
            self.journey_id, rows.touchpoints, rows.links, rows.notes, stage_id, lane_id, name
        )
        self.clearSelection()
        for item_id in ids:
            self.cards[item_id].setSelected(True)
        for note_id in note_ids:
            self.notes[note_id].setSelected(True)
        return ids + note_ids

    # -- finding --------------------------------------------------------------------------------

    def find(self, text: str) -> list[int]:
        """Highlight the cards whose text holds `text` (any case); their ids in reading order."""
        needle = text.casefold().strip()
        found = []
        for card in self.cards.values():
            row = card.row
            hit = bool(needle) and any(
                needle in row[field].casefold() for field in ("title", "description", "owner")
            )
            card.set_found(hit)
            if hit:
                found.append(card)
        found.sort(key=lambda card: (card.y(), card.x()))
        return [card.touchpoint_id for card in found]

    # -- context menus --------------------------------------------------------------------------

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        """The window shows the menu (cocreate.ui.canvas_menus); the scene only asks."""
        self.set_interaction(None)  # a right-click in the middle of a drag ends the drag
        if not self.read_only:
            self.context_menu_requested.emit(event.scenePos(), event.screenPos())
            event.accept()

    def unpin_notes(self, ids: list[int]) -> bool:
        return self.document.place_notes(unpinned_places(self, ids))

    def duplicate_selection(self) -> list[int]:
        data = self.selection_mime()
        if data is None:
            return []
        return self.paste(data, None, QT_TRANSLATE_NOOP("Document", "Duplicate"))
