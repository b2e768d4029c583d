"""The context menus of the journey canvas, and the stage colour dialog they open.

The scene asks for a menu (its `context_menu_requested` signal); the tabs pass the request
here. Each entry calls the scene or the document, as a keyboard action would.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QPointF
from PySide6.QtGui import QColor, QTransform
from PySide6.QtWidgets import QColorDialog, QGraphicsItem, QMenu, QWidget

from cocreate.canvas.items import CardItem, LaneLabelItem, LinkItem, StageHeaderItem
from cocreate.canvas.notes import BoardItem, ClusterItem, NoteItem
from cocreate.canvas.scene import JourneyScene
from cocreate.labels import label, values


class CanvasMenus(QObject):
    """Builds and shows the menu for what lies under the mouse: a note, a cluster, the board,
    a card, a link, a stage header, a lane name, or an empty cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dialog_parent = parent

    def show(self, scene: JourneyScene, pos: QPointF, screen_pos: QPoint) -> None:
        """Show the menu for scene point pos at screen_pos, until it closes."""
        if scene.read_only:
            return
        menu = QMenu(self._dialog_parent)
        if self.fill(menu, scene, scene.itemAt(pos, QTransform()), pos):
            menu.exec(screen_pos)
        menu.deleteLater()

    def fill(
        self, menu: QMenu, scene: JourneyScene, item: QGraphicsItem | None, pos: QPointF
    ) -> bool:
        """Put the entries for item (at pos) into menu; False when there are none."""
        if isinstance(item, NoteItem) and item is not scene.draft:
            self._note_menu(menu, scene, item)
        elif isinstance(item, ClusterItem):
            self._cluster_menu(menu, scene, item.cluster_id)
        elif isinstance(item, BoardItem):
            menu.addAction(self.tr("Add Note Here"), lambda: scene.start_new_note(pos))
        elif isinstance(item, CardItem):
            self._card_menu(menu, scene, item)
        elif isinstance(item, LinkItem):
            link_id = item.link_id
            menu.addAction(self.tr("Delete Link"), lambda: scene.document.delete_links([link_id]))
        elif isinstance(item, StageHeaderItem):
            self._stage_menu(menu, scene, item.stage_id)
        elif isinstance(item, LaneLabelItem):
            self._lane_menu(menu, scene, item.lane_id)
        elif scene.layout.cell_at(pos.x(), pos.y()) is not None:
            menu.addAction(self.tr("Add Touchpoint Here"), lambda: scene.add_touchpoint_at(pos))
        else:
            return False
        return True

    def _cluster_menu(self, menu: QMenu, scene: JourneyScene, cluster_id: int) -> None:
        menu.addAction(self.tr("Rename Cluster"), lambda: scene.rename_cluster_in_place(cluster_id))
        menu.addAction(self.tr("Tidy Cluster"), lambda: scene.tidy_cluster(cluster_id))
        menu.addAction(self.tr("Ungroup"), lambda: scene.document.ungroup([cluster_id]))

    def _card_menu(self, menu: QMenu, scene: JourneyScene, card: CardItem) -> None:
        card_id = card.touchpoint_id
        if not card.isSelected():
            scene.select_touchpoints([card_id])
        menu.addAction(self.tr("Edit Title"), lambda: scene.edit_requested.emit(card_id))
        menu.addAction(self.tr("Duplicate"), scene.duplicate_selection)
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), scene.delete_selection)

    def _stage_menu(self, menu: QMenu, scene: JourneyScene, stage_id: int) -> None:
        index = scene.layout.stage_order.index(stage_id)
        menu.addAction(self.tr("Rename Stage"), lambda: scene.rename_stage_in_place(stage_id))
        menu.addAction(self.tr("Stage Colour…"), lambda: self.recolor_stage(scene, stage_id))
        menu.addSeparator()
        menu.addAction(self.tr("Insert Stage Before"), lambda: scene.insert_stage(index))
        menu.addAction(self.tr("Insert Stage After"), lambda: scene.insert_stage(index + 1))
        menu.addSeparator()
        menu.addAction(self.tr("Delete Stage"), lambda: scene.document.delete_stage(stage_id))

    def _lane_menu(self, menu: QMenu, scene: JourneyScene, lane_id: int) -> None:
        order = [row["id"] for row in scene.lanes]
        index = order.index(lane_id)
        document = scene.document
        menu.addAction(self.tr("Rename Lane"), lambda: scene.rename_lane_in_place(lane_id))
        up = menu.addAction(self.tr("Move Lane Up"), lambda: scene.move_lane_by(lane_id, -1))
        up.setEnabled(index > 0)
        down = menu.addAction(self.tr("Move Lane Down"), lambda: scene.move_lane_by(lane_id, 1))
        down.setEnabled(index < len(order) - 1)
        menu.addAction(self.tr("Hide Lane"), lambda: document.update_lane(lane_id, hidden=True))
        menu.addSeparator()
        menu.addAction(self.tr("Add Lane Below"), lambda: scene.add_lane(index + 1))
        menu.addAction(self.tr("Delete Lane"), lambda: document.delete_lane(lane_id))

    def _note_menu(self, menu: QMenu, scene: JourneyScene, item: NoteItem) -> None:
        if not item.isSelected():
            scene.select_notes([item.note_id])
        ids = scene.selected_note_ids()
        row, document = item.row, scene.document
        edit = menu.addAction(self.tr("Edit Text"), lambda: scene.edit_note(item.note_id))
        edit.setEnabled(not row["hidden"])
        if row["hidden"]:
            allowed = [note_id for note_id in ids if scene.reveal_allowed(note_id)]
            reveal = menu.addAction(self.tr("Reveal"), lambda: document.reveal_notes(allowed))
            reveal.setEnabled(bool(allowed))
        self._authors_menu(menu.addMenu(self.tr("Author")), scene, ids)
        self._categories_menu(menu.addMenu(self.tr("Category")), scene, ids)
        menu.addSeparator()
        menu.addAction(self.tr("Group Notes"), scene.group_selection)
        if row["cluster_id"] is not None:
            cluster_id = row["cluster_id"]
            menu.addAction(self.tr("Tidy Cluster"), lambda: scene.tidy_cluster(cluster_id))
        if row["stage_id"] is not None or row["touchpoint_id"] is not None:
            menu.addAction(self.tr("Unpin"), lambda: scene.unpin_notes(ids))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), scene.delete_selection)

    def _authors_menu(self, menu: QMenu, scene: JourneyScene, ids: list[int]) -> None:
        people = sorted(scene.participants.values(), key=lambda row: row["position"])
        for person in people:
            action = menu.addAction(person["name"].replace("&", "&&"))
            action.triggered.connect(
                lambda _c=False, pid=person["id"]: scene.document.update_notes(ids, author_id=pid)
            )
        menu.setEnabled(bool(people))

    def _categories_menu(self, menu: QMenu, scene: JourneyScene, ids: list[int]) -> None:
        document = scene.document
        menu.addAction(self.tr("No category"), lambda: document.update_notes(ids, category=""))
        for value in values("category"):
            menu.addAction(label("category", value)).triggered.connect(
                lambda _c=False, v=value: document.update_notes(ids, category=v)
            )

    def recolor_stage(self, scene: JourneyScene, stage_id: int) -> None:
        """Ask for the stage's colour in the colour dialog; one edit when one is chosen."""
        row = next(row for row in scene.stages if row["id"] == stage_id)
        color = QColorDialog.getColor(
            QColor(row["color"]), self._dialog_parent, self.tr("Stage Colour")
        )
        if color.isValid():
            scene.document.update_stage(stage_id, color=color.name())
