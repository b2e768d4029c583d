"""A read-only outline of the open session: its details, journeys, touchpoints, notes and people.

It mirrors the document by what each change names: a change of nothing it shows (a note moved
or pinned, a stage's width, a card's description, links) reads nothing; new text, details or
dots of notes and cards re-read only those rows; a note added or deleted puts its line in, or
takes it out of, its group in place; other rows added, deleted or moved to another place in the
outline rebuild it. Behind another panel it only marks itself stale and rebuilds when shown.
Every text from people is shown as plain text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from cocreate.document import Document
from cocreate.labels import label, plain_tip
from cocreate.records import Change, Row
from cocreate.ui.panels import BuiltWhenShown

NOTE_FIELDS = frozenset({"text", "author_id", "color", "category", "hidden"})
CARD_FIELDS = frozenset(
    {"title", "channel", "kind", "emotion", "score", "branded", "breakpoint", "status"}
)
HEADING_FIELDS = frozenset({"title", "theme", "brand", "date", "facilitator", "goal"})
#: What the outline shows of each table, besides which rows there are (links: nothing).
SHOWN_FIELDS: dict[str, frozenset[str]] = {
    "session": HEADING_FIELDS,
    "persona": frozenset({"name", "kind"}),
    "journey": frozenset({"name", "position", "persona_id"}),
    "stage": frozenset({"name", "color", "position"}),
    "lane": frozenset({"name", "kind", "position"}),
    "touchpoint": CARD_FIELDS | {"journey_id", "stage_id", "lane_id", "position"},
    "participant": frozenset({"name", "color", "role", "vote_budget", "position"}),
    "cluster": frozenset({"journey_id", "title"}),
    "note": NOTE_FIELDS | {"journey_id", "cluster_id"},
    "vote": frozenset({"note_id", "touchpoint_id"}),
}
#: The fields shown on a row's own line, which a change updates in place (votes: the counts).
IN_PLACE_FIELDS: dict[str, frozenset[str]] = {
    "session": HEADING_FIELDS,
    "touchpoint": CARD_FIELDS,
    "cluster": frozenset({"title"}),
    "note": NOTE_FIELDS,
    "vote": frozenset(),
    "participant": frozenset(),
}
#: The tables whose new rows come in place: a note's line, a vote's dots, a person's line.
IN_PLACE_INSERTS = frozenset({"note", "vote", "participant"})
#: The tables whose rows go in place (a person's notes would lose their author).
IN_PLACE_DELETES = frozenset({"note", "vote"})
VOTES_ROLE = Qt.ItemDataRole.UserRole  # a note's or card's dots, kept to order the notes by
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a note's id, the order among notes with equal dots
POSITION_ROLE = Qt.ItemDataRole.UserRole + 2  # a person's place in the list


def shown_tables(change: Change) -> set[str]:
    """The tables of which the change alters something the outline shows."""
    found = set()
    for name in change.tables.intersection(SHOWN_FIELDS):
        whole = not change.names_rows(name) or change.inserted.get(name) or change.deleted.get(name)
        if whole or change.fields.get(name, set()) & SHOWN_FIELDS[name]:
            found.add(name)
    return found


def shows_in_place(change: Change, tables: set[str]) -> bool:
    """Whether the change alters only lines in place (no row but notes, votes and people added,
    notes and votes deleted, none moved to another place in the outline); a note's line comes
    and goes in its group, a new person's line in the list of people, votes in place (a note's
    dots, its place among its group)."""
    for name in tables:
        if name not in IN_PLACE_FIELDS or not change.names_rows(name):
            return False
        if change.inserted.get(name) and name not in IN_PLACE_INSERTS:
            return False
        if change.deleted.get(name) and name not in IN_PLACE_DELETES:
            return False
        if change.fields.get(name, set()) & (SHOWN_FIELDS[name] - IN_PLACE_FIELDS[name]):
            return False
    return True


def vote_counts(votes: Iterable[Row]) -> Counter:
    """("note", id) or ("tp", id) -> its dots."""
    counts: Counter = Counter()
    for vote in votes:
        key = ("note", vote["note_id"]) if vote["note_id"] else ("tp", vote["touchpoint_id"])
        counts[key] += 1
    return counts


def _note_key(item: QTreeWidgetItem) -> tuple[int, int]:
    """Most dots first, then oldest first: the order of the notes in their group."""
    return -item.data(0, VOTES_ROLE), item.data(0, ID_ROLE)


def _person_key(item: QTreeWidgetItem) -> tuple[int, int]:
    """By position, then by id: the order of the people."""
    return item.data(0, POSITION_ROLE), item.data(0, ID_ROLE)


def _insert_in_order(group: QTreeWidgetItem, item: QTreeWidgetItem, key) -> None:
    """In its place among the group's lines, which are in that order (a binary search)."""
    value, low, high = key(item), 0, group.childCount()
    while low < high:
        middle = (low + high) // 2
        if key(group.child(middle)) < value:
            low = middle + 1
        else:
            high = middle
    group.insertChild(low, item)


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


class SessionOverview(QWidget, BuiltWhenShown):
    """The session as a heading and an outline tree, following the document's changes. Built
    only while on screen: a salon of 10 000 notes is 10 000 lines, which took longer to build
    than the canvas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self.collapsed = False
        self._note_items: dict[int, QTreeWidgetItem] = {}
        self._card_items: dict[int, QTreeWidgetItem] = {}
        self._cluster_items: dict[int, QTreeWidgetItem] = {}
        self._note_sections: dict[int, QTreeWidgetItem] = {}  # journey id -> its "Notes"
        self._loose_items: dict[int, QTreeWidgetItem] = {}  # journey id -> "Not in a cluster"
        # The people as the last rebuild read them: a change of a name or colour rebuilds.
        self._authors: dict[int, Row] = {}
        self._people_section: QTreeWidgetItem | None = None
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
        self._refresh_when_shown()

    def _changed(self, change: Change) -> None:
        tables = shown_tables(change)
        if not tables:
            return  # nothing the outline shows
        if not self.on_screen():
            self._stale = True  # behind another panel: rebuilt when it is shown
        elif self._stale or not shows_in_place(change, tables):
            self.refresh()
        elif not self._update_in_place(change, tables):
            self.refresh()  # a note in a place the outline does not show yet

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
        self._refresh_when_shown()

    # -- building -------------------------------------------------------------------------------

    def _clear(self) -> None:
        self.tree.clear()
        self._note_items, self._card_items, self._cluster_items = {}, {}, {}
        self._note_sections, self._loose_items, self._authors = {}, {}, {}
        self._people_section = None
        for widget in (self.title_label, self.theme_label, self.meta_label, self.goal_label):
            widget.clear()

    def refresh(self) -> None:
        self._stale = False
        self._clear()
        if self._document is None:
            return
        document = self._document
        people = document.rows("participant", order_by="position")
        self._show_heading(len(people))
        votes = vote_counts(document.rows("vote"))
        self._authors = authors = {row["id"]: row for row in people}
        personas = {row["id"]: row for row in document.rows("persona")}
        for journey in document.rows("journey", order_by="position"):
            self._add_journey(journey, personas, authors, votes)
        self._add_participants(people)
        self._apply_expansion()

    def _show_heading(self, people: int) -> None:
        session = self._document.session()
        self.title_label.setText(session["title"] or self.tr("Untitled session"))
        self.theme_label.setText(session["theme"])
        self.theme_label.setVisible(bool(session["theme"]))
        meta = [session["brand"], session["date"]]
        if session["facilitator"]:
            meta.append(self.tr("Facilitator: %1").replace("%1", session["facilitator"]))
        meta.append(self.tr("Participants: %n", "", people))
        self.meta_label.setText("  ·  ".join(part for part in meta if part))
        self.goal_label.setText(
            self.tr("Goal: %1").replace("%1", session["goal"]) if session["goal"] else ""
        )
        self.goal_label.setVisible(bool(session["goal"]))

    # -- in place -------------------------------------------------------------------------------

    def _update_in_place(self, change: Change, tables: set[str]) -> bool:
        """Show the new heading, lines and dots the change names, reading only their rows; put
        in or take out the lines of notes added or deleted. False when a note belongs where the
        outline shows nothing yet, or a journey is left without notes: then it is rebuilt."""
        document = self._document
        if "participant" in tables and not self._add_people(
            change.inserted.get("participant", set())
        ):
            return False
        if tables & {"session", "participant"}:
            self._show_heading(len(self._authors))
        for cluster_id, row in document.rows_by_id(
            "cluster", change.updated.get("cluster", set()) & self._cluster_items.keys()
        ).items():
            self._cluster_items[cluster_id].setText(0, row["title"] or self.tr("Untitled cluster"))
        if not self._remove_notes(change.deleted.get("note", set()) & self._note_items.keys()):
            return False
        added = document.rows_by_id("note", change.inserted.get("note", set()))
        groups = {note_id: self._group_of(note) for note_id, note in added.items()}
        if None in groups.values():
            return False
        self._show_lines(change, added, groups)
        return True

    def _show_lines(
        self, change: Change, added: dict[int, Row], groups: dict[int, QTreeWidgetItem]
    ) -> None:
        """The lines of the notes added, each in its group, and the new texts and dots of the
        notes and cards the change names."""
        document = self._document
        voted = list(document.rows_by_id("vote", change.inserted.get("vote", set())).values())
        voted += change.removed.get("vote", {}).values()
        notes = {v["note_id"] for v in voted} | change.updated.get("note", set())
        cards = {v["touchpoint_id"] for v in voted} | change.updated.get("touchpoint", set())
        notes &= self._note_items.keys()
        cards &= self._card_items.keys()
        # A new note has dots only when the change brings its votes too (undoing a delete).
        voted_new = added.keys() if change.inserted.get("vote") else set()
        votes = vote_counts(document.votes_on(notes | voted_new, cards))
        for card_id, card in document.rows_by_id("touchpoint", cards).items():
            self._show_card(self._card_items[card_id], card, votes)
        note_rows = document.rows_by_id("note", notes) | added
        authors = self._authors
        for note_id, note in added.items():
            self._note_items[note_id] = item = QTreeWidgetItem()
            item.setData(0, ID_ROLE, note_id)
            self._show_note(item, note, authors.get(note["author_id"]), votes)
            _insert_in_order(groups[note_id], item, _note_key)
        for note_id in notes:
            note = note_rows[note_id]
            self._show_note(self._note_items[note_id], note, authors.get(note["author_id"]), votes)
        for group in {self._note_items[note_id].parent() for note_id in notes}:
            self._order_notes(group)
        self._show_counts(set(groups.values()))

    def _add_people(self, ids: set[int]) -> bool:
        """The lines of people who joined, in their places; False when nobody was listed."""
        if self._people_section is None:
            return False
        people = self._document.rows_by_id("participant", ids)
        self._authors.update(people)
        for person in people.values():
            _insert_in_order(self._people_section, self._person_item(person), _person_key)
        self._people_section.setText(
            1, self.tr("Participants: %n", "", self._people_section.childCount())
        )
        return True

    def _remove_notes(self, note_ids: set[int]) -> bool:
        """Take the notes' lines out (a group "Not in a cluster" left empty too); False when a
        journey would be left without notes (its "Notes" then goes, with its clusters)."""
        groups = {self._note_items[note_id].parent() for note_id in note_ids}
        sections = {group.parent() for group in groups}
        left = Counter({section: self._notes_in(section) for section in sections})
        left.subtract(self._note_items[note_id].parent().parent() for note_id in note_ids)
        if not all(left.values()):
            return False
        for note_id in note_ids:
            item = self._note_items.pop(note_id)
            item.parent().removeChild(item)
        for journey_id, loose in list(self._loose_items.items()):
            if loose in groups and not loose.childCount():
                loose.parent().removeChild(loose)
                del self._loose_items[journey_id]
                groups.discard(loose)
        self._show_counts(groups, sections)
        return True

    def _group_of(self, note: Row) -> QTreeWidgetItem | None:
        """The line a new note goes under: its cluster's, or its journey's "Not in a cluster"
        (made when the journey shows notes already); None where the outline shows neither."""
        if note["cluster_id"] is not None:
            return self._cluster_items.get(note["cluster_id"])
        journey_id = note["journey_id"]
        if journey_id in self._loose_items:
            return self._loose_items[journey_id]
        section = self._note_sections.get(journey_id)
        if section is None:
            return None
        loose = QTreeWidgetItem(section, [self.tr("Not in a cluster"), ""])
        loose.setExpanded(not self.collapsed)
        self._loose_items[journey_id] = loose
        return loose

    @staticmethod
    def _notes_in(section: QTreeWidgetItem) -> int:
        return sum(section.child(index).childCount() for index in range(section.childCount()))

    def _show_counts(
        self, groups: set[QTreeWidgetItem], sections: Iterable[QTreeWidgetItem] = ()
    ) -> None:
        """The counts of notes beside these groups and the journeys' "Notes" they are in (and
        these sections)."""
        for group in groups:
            group.setText(1, self.tr("Notes: %n", "", group.childCount()))
        for section in {*sections, *(group.parent() for group in groups)}:
            section.setText(1, self.tr("Notes: %n", "", self._notes_in(section)))

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
                    self._card_items[card["id"]] = item = QTreeWidgetItem(lane_item)
                    self._show_card(item, card, votes)
                lane_item.setExpanded(True)
            stage_item.setExpanded(True)

        self._add_notes(root, journey, authors, votes)

    def _show_card(self, item: QTreeWidgetItem, card: Row, votes: Counter) -> None:
        item.setText(0, card["title"])
        item.setText(1, self._card_detail(card, votes))

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
        self._note_sections[journey["id"]] = section
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
            self._cluster_items[cluster["id"]] = item
            self._add_note_items(item, members, authors, votes)
            item.setExpanded(True)
        loose = groups.get(None, [])
        if loose:
            item = QTreeWidgetItem(
                section, [self.tr("Not in a cluster"), self.tr("Notes: %n", "", len(loose))]
            )
            self._loose_items[journey["id"]] = item
            self._add_note_items(item, loose, authors, votes)
        section.setExpanded(True)

    def _add_note_items(
        self, parent: QTreeWidgetItem, notes: list[Row], authors: dict[int, Row], votes: Counter
    ) -> None:
        for note in sorted(notes, key=lambda row: (-votes[("note", row["id"])], row["id"])):
            self._note_items[note["id"]] = item = QTreeWidgetItem(parent)
            item.setData(0, ID_ROLE, note["id"])
            self._show_note(item, note, authors.get(note["author_id"]), votes)

    def _show_note(
        self, item: QTreeWidgetItem, note: Row, author: Row | None, votes: Counter
    ) -> None:
        """The note's text (never while it is private), author, category and dots."""
        dots = votes[("note", note["id"])]
        item.setData(0, VOTES_ROLE, dots)
        parts = [author["name"] if author else self.tr("No author")]
        if note["category"]:
            parts.append(label("category", note["category"]))
        if dots:
            parts.append(self.tr("Votes: %n", "", dots))
        if note["hidden"]:
            parts.append(self.tr("Private until revealed"))
            text = self.tr("(private note)")  # private mode: never show the text early
        else:
            text = " ".join(note["text"].split())  # one line in the outline
        item.setText(0, text)
        item.setText(1, " · ".join(parts))
        item.setToolTip(0, "" if note["hidden"] else plain_tip(note["text"]))
        item.setIcon(0, _swatch(note["color"] or author["color"]) if author else QIcon())

    def _order_notes(self, group: QTreeWidgetItem) -> None:
        """Most dots first, then oldest first, as a rebuild orders them."""
        children = [group.child(index) for index in range(group.childCount())]
        ordered = sorted(children, key=_note_key)
        if ordered != children:
            group.takeChildren()
            group.addChildren(ordered)

    def _add_participants(self, people: list[Row]) -> None:
        if not people:
            return
        section = self._section(
            self.tree, self.tr("Participants"), self.tr("Participants: %n", "", len(people))
        )
        section.addChildren([self._person_item(person) for person in people])
        self._people_section = section

    def _person_item(self, person: Row) -> QTreeWidgetItem:
        detail = (
            label("role", person["role"])
            + " · "
            + self.tr("Vote budget: %n", "", person["vote_budget"])
        )
        item = QTreeWidgetItem([person["name"], detail])
        item.setIcon(0, _swatch(person["color"]))
        item.setData(0, ID_ROLE, person["id"])
        item.setData(0, POSITION_ROLE, person["position"])
        return item
