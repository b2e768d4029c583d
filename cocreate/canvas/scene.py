"""One journey on the canvas: a scene that mirrors the document.

The scene reads the journey's rows, lays them out (cocreate.layout) and keeps one item per row.
What a person does on the canvas becomes a call to the document; the document's `changed`
signal brings the scene back in line with the file. The scene never writes.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QTransform
from PySide6.QtWidgets import (
    QColorDialog,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
)

from cocreate.analysis import emotion_by_stage, lowest_points
from cocreate.canvas.items import (
    CardItem,
    EmotionCurveItem,
    GridItem,
    LaneLabelItem,
    LineNamesItem,
    LinkDraftItem,
    LinkItem,
    StageHeaderItem,
)
from cocreate.canvas.mime import PALETTE_MIME, TOUCHPOINTS_MIME, read_payload
from cocreate.document import Document
from cocreate.layout import JourneyLayout, compute_layout
from cocreate.store.ops import Change
from cocreate.templates import BLUEPRINT_LANES

Row = dict[str, Any]

# Tables whose changes the canvas of a journey shows.
CANVAS_TABLES = ("journey", "stage", "lane", "touchpoint", "link", "session")
# Room around the blueprint, so that it never sits flush against the view's edge.
MARGIN = 60.0


class JourneyScene(QGraphicsScene):
    """The canvas of one journey."""

    # The ids of the selected touchpoint cards, after every change of selection.
    touchpoints_selected = Signal(list)
    # A card asks for its title to be edited (double-click, new card).
    edit_requested = Signal(int)
    # ("stage" or "lane", id, scene rect of the name): the view shows an editor there.
    rename_requested = Signal(str, int, QRectF)

    def __init__(self, document: Document, journey_id: int, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.journey_id = journey_id
        self.layout = JourneyLayout()
        self.cards: dict[int, CardItem] = {}
        self.links: dict[int, LinkItem] = {}
        self.headers: dict[int, StageHeaderItem] = {}
        self.lane_labels: dict[int, LaneLabelItem] = {}
        self.stages: list[Row] = []
        self.lanes: list[Row] = []
        self.link_mode = False
        self._press_positions: dict[int, QPointF] = {}
        self._link_source: CardItem | None = None
        self._link_draft: LinkDraftItem | None = None
        self.grid = GridItem()
        self.line_names = LineNamesItem()
        self.curve = EmotionCurveItem()
        for item in (self.grid, self.line_names, self.curve):
            self.addItem(item)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.selectionChanged.connect(self._selection_changed)
        document.changed.connect(self._document_changed)
        self.sync()

    def detach(self) -> None:
        """Stop following the document (the journey's tab is closing)."""
        self.document.changed.disconnect(self._document_changed)

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    # -- mirroring the document -------------------------------------------------------------

    def _document_changed(self, change: Change) -> None:
        if change.touches(*CANVAS_TABLES):
            self.sync()

    def sync(self) -> None:
        """Bring every item in line with the file (create, update, move, remove)."""
        store = self.document.store
        if store.row("journey", self.journey_id) is None:
            return  # the journey is gone; the tabs close this scene
        self.stages = store.rows("stage", order_by="position", journey_id=self.journey_id)
        self.lanes = store.rows("lane", order_by="position", journey_id=self.journey_id)
        touchpoints = store.rows("touchpoint", journey_id=self.journey_id)
        links = store.rows("link", journey_id=self.journey_id)
        self.layout = layout = compute_layout(self.stages, self.lanes, touchpoints)
        language = store.session_row()["language"]

        self.grid.set_layout(layout, {row["id"]: row["color"] for row in self.stages})
        self.line_names.set_lines(layout.lines)
        points = emotion_by_stage(self.stages, self.lanes, touchpoints)
        self.curve.set_points(layout, points, lowest_points(points))

        counts: dict[int, int] = {}
        shown = [row for row in touchpoints if row["id"] in layout.cards]
        for row in shown:
            counts[row["stage_id"]] = counts.get(row["stage_id"], 0) + 1
        self._sync_headers(counts)
        self._sync_lane_labels(language)
        self._sync_cards(shown)
        self._sync_links(
            [
                row
                for row in links
                if row["source_id"] in self.cards and row["target_id"] in self.cards
            ]
        )
        bottom = layout.curve.bottom
        self.setSceneRect(
            QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN, bottom + 2 * MARGIN)
        )

    def _sync_headers(self, counts: dict[int, int]) -> None:
        wanted = {row["id"]: row for row in self.stages}
        for stage_id in list(self.headers):
            if stage_id not in wanted:
                self.removeItem(self.headers.pop(stage_id))
        for stage_id, row in wanted.items():
            rect = self.layout.headers[stage_id]
            if stage_id in self.headers:
                self.headers[stage_id].set_state(row, rect, counts.get(stage_id, 0))
            else:
                self.headers[stage_id] = StageHeaderItem(row, rect, counts.get(stage_id, 0))
                self.addItem(self.headers[stage_id])

    def _sync_lane_labels(self, language: str) -> None:
        hints = {lane.kind.value: lane.hint(language) for lane in BLUEPRINT_LANES}
        wanted = {row["id"]: row for row in self.lanes if row["id"] in self.layout.lanes}
        for lane_id in list(self.lane_labels):
            if lane_id not in wanted:
                self.removeItem(self.lane_labels.pop(lane_id))
        for lane_id, row in wanted.items():
            rect = self.layout.lane_labels[lane_id]
            hint = hints.get(row["kind"], "")
            if lane_id in self.lane_labels:
                self.lane_labels[lane_id].set_state(row, rect, hint)
            else:
                self.lane_labels[lane_id] = LaneLabelItem(row, rect, hint)
                self.addItem(self.lane_labels[lane_id])

    def _sync_cards(self, rows: list[Row]) -> None:
        wanted = {row["id"]: row for row in rows}
        for card_id in list(self.cards):
            if card_id not in wanted:
                self.removeItem(self.cards.pop(card_id))
        movable = not self.read_only
        for card_id, row in wanted.items():
            card = self.cards.get(card_id)
            if card is None:
                card = self.cards[card_id] = CardItem(row)
                self.addItem(card)
            else:
                card.set_row(row)
            card.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
            rect = self.layout.cards[card_id]
            if card.pos() != QPointF(rect.x, rect.y):
                card.setPos(rect.x, rect.y)

    def _sync_links(self, rows: list[Row]) -> None:
        wanted = {row["id"]: row for row in rows}
        for link_id in list(self.links):
            if link_id not in wanted:
                self.removeItem(self.links.pop(link_id))
        for link_id, row in wanted.items():
            link = self.links.get(link_id)
            if link is None:
                link = self.links[link_id] = LinkItem(row)
                self.addItem(link)
            link.row = row
            self._route(link)

    def _route(self, link: LinkItem) -> None:
        source = self.cards[link.row["source_id"]]
        target = self.cards[link.row["target_id"]]
        link.route(source.sceneBoundingRect(), target.sceneBoundingRect())

    def card_moved(self, card: CardItem) -> None:
        """A card moved (live, during a drag): its arrows follow."""
        for link in self.links.values():
            if card.touchpoint_id in (link.row["source_id"], link.row["target_id"]):
                if link.row["source_id"] in self.cards and link.row["target_id"] in self.cards:
                    self._route(link)

    # -- selection ----------------------------------------------------------------------------

    def selected_touchpoint_ids(self) -> list[int]:
        return sorted(
            item.touchpoint_id for item in self.selectedItems() if isinstance(item, CardItem)
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
        for card in self.cards.values():
            card.setSelected(True)

    # -- moving cards ---------------------------------------------------------------------------

    def _card_at(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        card = self._card_at(event.scenePos())
        if (
            event.button() == Qt.MouseButton.LeftButton
            and card is not None
            and not self.read_only
            and (self.link_mode or card.on_handle(card.mapFromScene(event.scenePos())))
        ):
            self._start_link(card)
            event.accept()
            return
        super().mousePressEvent(event)
        self._press_positions = {
            item.touchpoint_id: item.pos()
            for item in self.selectedItems()
            if isinstance(item, CardItem)
        }

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._link_draft is not None:
            self._link_draft.follow(event.scenePos())
            return
        super().mouseMoveEvent(event)
        if self._press_positions and event.buttons() & Qt.MouseButton.LeftButton:
            self.grid.set_drop_cell(self.layout.cell_at(event.scenePos().x(), event.scenePos().y()))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._link_draft is not None:
            self._finish_link(event.scenePos())
            return
        super().mouseReleaseEvent(event)
        started, self._press_positions = self._press_positions, {}
        self.grid.set_drop_cell(None)
        moved = [
            card_id
            for card_id, pos in started.items()
            if card_id in self.cards and self.cards[card_id].pos() != pos
        ]
        if moved and event.button() == Qt.MouseButton.LeftButton:
            self.drop_cards(list(started), event.scenePos())

    def drop_cards(self, ids: list[int], pos: QPointF) -> None:
        """Cards let go at pos: into the cell under it, or back where they were."""
        key = self.layout.cell_at(pos.x(), pos.y())
        if key is None or not self.document.move_touchpoints(
            ids, key[0], key[1], self.layout.index_at(key, pos.x(), pos.y(), set(ids))
        ):
            self.sync()  # snap back: nothing changed in the file

    def nudge(self, stage_step: int, lane_step: int) -> bool:
        """Move the selected cards one cell over (arrow keys)."""
        ids = self.selected_touchpoint_ids()
        if not ids or self.read_only:
            return False
        first = self.cards[ids[0]].row
        stages, lanes = self.layout.stage_order, self.layout.lane_order
        if first["stage_id"] not in stages or first["lane_id"] not in lanes:
            return False
        stage = stages.index(first["stage_id"]) + stage_step
        lane = lanes.index(first["lane_id"]) + lane_step
        if not (0 <= stage < len(stages) and 0 <= lane < len(lanes)):
            return False
        moved = self.document.move_touchpoints(ids, stages[stage], lanes[lane])
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
        item = self.itemAt(event.scenePos(), QTransform())
        if isinstance(item, CardItem):
            self.edit_requested.emit(item.touchpoint_id)
            return
        if item is None or isinstance(item, GridItem | EmotionCurveItem):
            if self.add_touchpoint_at(event.scenePos()) is not None:
                return
        super().mouseDoubleClickEvent(event)

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(PALETTE_MIME) and not self.read_only:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        key = self.layout.cell_at(event.scenePos().x(), event.scenePos().y())
        if event.mimeData().hasFormat(PALETTE_MIME) and key is not None and not self.read_only:
            self.grid.set_drop_cell(key)
            event.acceptProposedAction()
        else:
            self.grid.set_drop_cell(None)
            event.ignore()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self.grid.set_drop_cell(None)
        event.accept()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self.grid.set_drop_cell(None)
        payload = read_payload(event.mimeData(), PALETTE_MIME) or {}
        fields = {
            key: payload[key] for key in ("kind", "channel") if isinstance(payload.get(key), str)
        }
        if fields and self.add_touchpoint_at(event.scenePos(), **fields) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- links ----------------------------------------------------------------------------------

    def _start_link(self, card: CardItem) -> None:
        self._link_source = card
        start = card.mapToScene(card.handle_center())
        self._link_draft = LinkDraftItem(start)
        self.addItem(self._link_draft)

    def _finish_link(self, pos: QPointF) -> None:
        source, self._link_source = self._link_source, None
        self.removeItem(self._link_draft)
        self._link_draft = None
        target = self._card_at(pos)
        if source is not None and target is not None and target is not source:
            self.document.add_link(self.journey_id, source.touchpoint_id, target.touchpoint_id)

    # -- stages and lanes ---------------------------------------------------------------------

    def show_stage_drop(self, x: float) -> None:
        self.grid.set_stage_drop(self._stage_boundary(x)[1])

    def _stage_boundary(self, x: float) -> tuple[int, float]:
        """The index a stage dropped at x takes, and the x of that gap."""
        order = self.layout.stage_order
        for index, stage_id in enumerate(order):
            column = self.layout.columns[stage_id]
            if x < column.x + column.width / 2:
                return index, column.x
        last = self.layout.columns[order[-1]] if order else None
        return len(order), last.right if last else 0.0

    def stage_dropped(self, stage_id: int, x: float) -> None:
        self.grid.set_stage_drop(None)
        index, _ = self._stage_boundary(x)
        current = self.layout.stage_order.index(stage_id)
        if index > current:
            index -= 1
        if not self.document.move_stage(stage_id, index):
            self.sync()

    def stage_resized(self, stage_id: int, width: float) -> None:
        if not self.document.update_stage(stage_id, width=round(width)):
            self.sync()

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
        if not name:
            return
        if kind == "stage":
            self.document.update_stage(row_id, name=name)
        else:
            self.document.update_lane(row_id, name=name)

    def current_name(self, kind: str, row_id: int) -> str:
        rows = self.stages if kind == "stage" else self.lanes
        return next((row["name"] for row in rows if row["id"] == row_id), "")

    def recolor_stage(self, stage_id: int) -> None:
        row = next(row for row in self.stages if row["id"] == stage_id)
        color = QColorDialog.getColor(QColor(row["color"]), None, self.tr("Stage Colour"))
        if color.isValid():
            self.document.update_stage(stage_id, color=color.name())

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
        if self.read_only or not (cards or links):
            return False
        return self.document.delete_items(cards, links)

    def selection_mime(self) -> QMimeData | None:
        ids = set(self.selected_touchpoint_ids())
        if not ids:
            return None
        rows = [self.cards[card_id].row for card_id in sorted(ids)]
        links = [
            link.row
            for link in self.links.values()
            if link.row["source_id"] in ids and link.row["target_id"] in ids
        ]
        data = QMimeData()
        data.setData(
            TOUCHPOINTS_MIME,
            json.dumps({"touchpoints": rows, "links": links}, ensure_ascii=False).encode("utf-8"),
        )
        data.setText("\n".join(row["title"] for row in rows))
        return data

    def paste(self, data: QMimeData, pos: QPointF | None = None, name: str = "") -> list[int]:
        payload = read_payload(data, TOUCHPOINTS_MIME)
        if not payload or self.read_only:
            return []
        rows = [
            row
            for row in payload.get("touchpoints", [])
            if isinstance(row, dict) and isinstance(row.get("id"), int)
        ]
        links = [
            row
            for row in payload.get("links", [])
            if isinstance(row, dict)
            and isinstance(row.get("source_id"), int)
            and isinstance(row.get("target_id"), int)
        ]
        key = self.layout.cell_at(pos.x(), pos.y()) if pos is not None else None
        stage_id, lane_id = key if key is not None else (None, None)
        ids = self.document.paste_touchpoints(
            self.journey_id, _clean(rows), links, stage_id, lane_id, name
        )
        self.select_touchpoints(ids)
        return ids

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
        if self.read_only:
            return
        pos = event.scenePos()
        item = self.itemAt(pos, QTransform())
        menu = QMenu()
        if isinstance(item, CardItem):
            if not item.isSelected():
                self.select_touchpoints([item.touchpoint_id])
            menu.addAction(
                self.tr("Edit Title"), lambda: self.edit_requested.emit(item.touchpoint_id)
            )
            menu.addAction(self.tr("Duplicate"), self.duplicate_selection)
            menu.addSeparator()
            menu.addAction(self.tr("Delete"), self.delete_selection)
        elif isinstance(item, LinkItem):
            menu.addAction(
                self.tr("Delete Link"), lambda: self.document.delete_links([item.link_id])
            )
        elif isinstance(item, StageHeaderItem):
            stage_id = item.stage_id
            index = self.layout.stage_order.index(stage_id)
            menu.addAction(self.tr("Rename Stage"), lambda: self.rename_stage_in_place(stage_id))
            menu.addAction(self.tr("Stage Colour…"), lambda: self.recolor_stage(stage_id))
            menu.addSeparator()
            menu.addAction(self.tr("Insert Stage Before"), lambda: self.insert_stage(index))
            menu.addAction(self.tr("Insert Stage After"), lambda: self.insert_stage(index + 1))
            menu.addSeparator()
            menu.addAction(self.tr("Delete Stage"), lambda: self.document.delete_stage(stage_id))
        elif isinstance(item, LaneLabelItem):
            lane_id = item.lane_id
            order = [row["id"] for row in self.lanes]
            index = order.index(lane_id)
            menu.addAction(self.tr("Rename Lane"), lambda: self.rename_lane_in_place(lane_id))
            up = menu.addAction(self.tr("Move Lane Up"), lambda: self.move_lane_by(lane_id, -1))
            up.setEnabled(index > 0)
            down = menu.addAction(self.tr("Move Lane Down"), lambda: self.move_lane_by(lane_id, 1))
            down.setEnabled(index < len(order) - 1)
            menu.addAction(
                self.tr("Hide Lane"), lambda: self.document.update_lane(lane_id, hidden=True)
            )
            menu.addSeparator()
            menu.addAction(self.tr("Add Lane Below"), lambda: self.add_lane(index + 1))
            menu.addAction(self.tr("Delete Lane"), lambda: self.document.delete_lane(lane_id))
        elif self.layout.cell_at(pos.x(), pos.y()) is not None:
            menu.addAction(self.tr("Add Touchpoint Here"), lambda: self.add_touchpoint_at(pos))
        else:
            return
        menu.exec(event.screenPos())

    def duplicate_selection(self) -> list[int]:
        data = self.selection_mime()
        return self.paste(data, None, self.tr("Duplicate")) if data is not None else []


def _clean(rows: list[Row]) -> list[Row]:
    """Only the fields a card may carry, with values of the right type (pasted data is input)."""
    kinds = {
        "title": str,
        "description": str,
        "channel": str,
        "kind": str,
        "emotion": int,
        "score": (int, type(None)),
        "branded": bool,
        "breakpoint": bool,
        "status": str,
        "owner": str,
        "stage_id": int,
        "lane_id": int,
        "id": int,
    }
    clean = []
    for row in rows:
        fields = {
            key: row[key]
            for key, kind in kinds.items()
            if key in row and isinstance(row[key], kind)
        }
        if "emotion" in fields:
            fields["emotion"] = max(-2, min(2, fields["emotion"]))
        if isinstance(fields.get("score"), int):
            fields["score"] = max(0, min(10, fields["score"]))
        clean.append(fields)
    return clean
