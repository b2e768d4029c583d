"""A read-only outline of the open session: its details, journeys, touchpoints, notes and people.

It mirrors the document: it reads the file and rebuilds when the document says it changed.
Every text from people is shown as plain text.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from cocreate.document import Document
from cocreate.labels import label, plain_tip
from cocreate.records import Row


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color) if QColor.isValidColorName(color) else QColor("#cccccc"))
    return QIcon(pixmap)


def _plain_label(object_name: str, point_delta: int = 0, bold: bool = False) -> QLabel:
    widget = QLabel()
    widget.setObjectName(object_name)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(True)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() + point_delta)
    font.setBold(bold)
    widget.setFont(font)
    return widget


class SessionOverview(QWidget):
    """The session as a heading and an outline tree, rebuilt from the file on every change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._stale = False
        self.collapsed = False
        self.title_label = _plain_label("sessionTitle", point_delta=8, bold=True)
        self.theme_label = _plain_label("sessionTheme", point_delta=2)
        self.meta_label = _plain_label("sessionMeta")
        self.goal_label = _plain_label("sessionGoal")
        self.tree = QTreeWidget()
        self.tree.setObjectName("sessionOutline")
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnWidth(0, 460)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        for widget in (self.title_label, self.theme_label, self.meta_label, self.goal_label):
            layout.addWidget(widget)
        layout.addSpacing(6)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def set_document(self, document: Document | None) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._changed)
        self._document = document
        if document is not None:
            document.changed.connect(self._changed)
        self.refresh()

    def _changed(self, _change: object = None) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # behind another panel: rebuilt when it is shown

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def set_collapsed(self, collapsed: bool) -> None:
        """Journeys only (True) or every row; kept across rebuilds."""
        self.collapsed = collapsed
        self._apply_expansion()

    def _apply_expansion(self) -> None:
        if self.collapsed:
            self.tree.collapseAll()
            for index in range(self.tree.topLevelItemCount()):
                self.tree.topLevelItem(index).setExpanded(True)
        else:
            self.tree.expandAll()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("Outline"), self.tr("Details")])
        self.refresh()

    # -- building -------------------------------------------------------------------------------

    def refresh(self, _change: object = None) -> None:
        self._stale = False
        self.tree.clear()
        if self._document is None:
            for widget in (self.title_label, self.theme_label, self.meta_label, self.goal_label):
                widget.clear()
            return
        document = self._document
        session = document.session()
        self.title_label.setText(session["title"] or self.tr("Untitled session"))
        self.theme_label.setText(session["theme"])
        self.theme_label.setVisible(bool(session["theme"]))
        people = document.rows("participant", order_by="position")
        meta = [session["brand"], session["date"]]
        if session["facilitator"]:
            meta.append(self.tr("Facilitator: %1").replace("%1", session["facilitator"]))
        meta.append(self.tr("Participants: %n", "", len(people)))
        self.meta_label.setText("  ·  ".join(part for part in meta if part))
        self.goal_label.setText(
            self.tr("Goal: %1").replace("%1", session["goal"]) if session["goal"] else ""
        )
        self.goal_label.setVisible(bool(session["goal"]))

        votes = self._vote_counts()
        authors = {row["id"]: row for row in people}
        personas = {row["id"]: row for row in document.rows("persona")}
        for journey in document.rows("journey", order_by="position"):
            self._add_journey(journey, personas, authors, votes)
        self._add_participants(people)
        self._apply_expansion()

    def _vote_counts(self) -> Counter:
        votes: Counter = Counter()
        for vote in self._document.rows("vote"):
            key = ("note", vote["note_id"]) if vote["note_id"] else ("tp", vote["touchpoint_id"])
            votes[key] += 1
        return votes

    def _section(self, parent: QTreeWidget | QTreeWidgetItem, text: str, detail: str = ""):
        item = QTreeWidgetItem(parent, [text, detail])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _add_journey(
        self, journey: Row, personas: dict[int, Row], authors: dict[int, Row], votes: Counter
    ) -> None:
        document = self._document
        persona = personas.get(journey["persona_id"])
        detail = ""
        if persona is not None:
            detail = self.tr("Persona: %1 (%2)").replace("%1", persona["name"])
            detail = detail.replace("%2", label("persona", persona["kind"]))
        root = self._section(self.tree, journey["name"] or self.tr("Untitled journey"), detail)
        font = root.font(0)
        font.setPointSizeF(font.pointSizeF() + 2)
        root.setFont(0, font)

        lanes = document.rows("lane", order_by="position", journey_id=journey["id"])
        touchpoints = document.rows("touchpoint", order_by="position", journey_id=journey["id"])
        by_cell: dict[tuple[int, int], list[Row]] = defaultdict(list)
        for touchpoint in touchpoints:
            by_cell[(touchpoint["stage_id"], touchpoint["lane_id"])].append(touchpoint)
        for stage in document.rows("stage", order_by="position", journey_id=journey["id"]):
            count = sum(len(by_cell[(stage["id"], lane["id"])]) for lane in lanes)
            stage_item = self._section(root, stage["name"], self.tr("Touchpoints: %n", "", count))
            stage_item.setIcon(0, _swatch(stage["color"]))
            for lane in lanes:
                cards = by_cell[(stage["id"], lane["id"])]
                if not cards:
                    continue
                lane_name = lane["name"] or label("lane", lane["kind"])
                lane_item = QTreeWidgetItem(stage_item, [lane_name, ""])
                for card in cards:
                    QTreeWidgetItem(lane_item, [card["title"], self._card_detail(card, votes)])
                lane_item.setExpanded(True)
            stage_item.setExpanded(True)

        self._add_notes(root, journey, authors, votes)

    def _card_detail(self, card: Row, votes: Counter) -> str:
        parts = [label("channel", card["channel"]), label("kind", card["kind"])]
        parts.append(self.tr("Emotion %1").replace("%1", f"{card['emotion']:+d}"))
        if card["score"] is not None:
            parts.append(self.tr("Score %1").replace("%1", str(card["score"])))
        if card["branded"]:
            parts.append(self.tr("Branded touchpoint"))
        if card["breakpoint"]:
            parts.append(self.tr("Breakpoint"))
        parts.append(label("status", card["status"]))
        if votes[("tp", card["id"])]:
            parts.append(self.tr("Votes: %n", "", votes[("tp", card["id"])]))
        return " · ".join(parts)

    def _add_notes(
        self, root: QTreeWidgetItem, journey: Row, authors: dict[int, Row], votes: Counter
    ) -> None:
        document = self._document
        notes = document.rows("note", journey_id=journey["id"])
        if not notes:
            return
        section = self._section(root, self.tr("Notes"), self.tr("Notes: %n", "", len(notes)))
        clusters = document.rows("cluster", journey_id=journey["id"])
        groups: dict[int | None, list[Row]] = defaultdict(list)
        for note in notes:
            groups[note["cluster_id"]].append(note)
        for cluster in clusters:
            members = groups.get(cluster["id"], [])
            item = QTreeWidgetItem(
                section,
                [
                    cluster["title"] or self.tr("Untitled cluster"),
                    self.tr("Notes: %n", "", len(members)),
                ],
            )
            self._add_note_items(item, members, authors, votes)
            item.setExpanded(True)
        loose = groups.get(None, [])
        if loose:
            item = QTreeWidgetItem(
                section, [self.tr("Not in a cluster"), self.tr("Notes: %n", "", len(loose))]
            )
            self._add_note_items(item, loose, authors, votes)
        section.setExpanded(True)

    def _add_note_items(
        self, parent: QTreeWidgetItem, notes: list[Row], authors: dict[int, Row], votes: Counter
    ) -> None:
        for note in sorted(notes, key=lambda row: -votes[("note", row["id"])]):
            author = authors.get(note["author_id"])
            parts = [author["name"] if author else self.tr("No author")]
            if note["category"]:
                parts.append(label("category", note["category"]))
            if votes[("note", note["id"])]:
                parts.append(self.tr("Votes: %n", "", votes[("note", note["id"])]))
            if note["hidden"]:
                parts.append(self.tr("Private until revealed"))
            if note["hidden"]:
                text = self.tr("(private note)")  # private mode: never show the text early
            else:
                text = " ".join(note["text"].split())  # one line in the outline
            item = QTreeWidgetItem(parent, [text, " · ".join(parts)])
            if not note["hidden"]:
                item.setToolTip(0, plain_tip(note["text"]))
            if author is not None:
                item.setIcon(0, _swatch(note["color"] or author["color"]))

    def _add_participants(self, people: list[Row]) -> None:
        if not people:
            return
        section = self._section(
            self.tree, self.tr("Participants"), self.tr("Participants: %n", "", len(people))
        )
        for person in people:
            detail = (
                label("role", person["role"])
                + " · "
                + self.tr("Vote budget: %n", "", person["vote_budget"])
            )
            item = QTreeWidgetItem(section, [person["name"], detail])
            item.setIcon(0, _swatch(person["color"]))
