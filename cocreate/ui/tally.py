"""The votes: the notes and touchpoints of a journey ranked by their dots.

It shows the running voting round, or, when none runs, the results of the last one. Each row
has its rank, the number of dots with a dot in each voter's colour, what it is (note or
touchpoint) and its text on one line. A private note that is still face down shows as
"(private note)", never its text. Double-click or Enter on a row reports the item.

It follows the document's changes by what they name: a change of nothing it shows (a note
moved, a card's emotion, a link) reads nothing; new text or a note turned over re-reads only
those rows; dots, rounds and voters rank everything again.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocreate.analysis import TallyEntry
from cocreate.document import Document
from cocreate.records import Change
from cocreate.ui.panels import BuiltWhenShown, follow_dock

RANK_COLUMN, VOTES_COLUMN, KIND_COLUMN, TEXT_COLUMN = 0, 1, 2, 3
ITEM_ROLE = Qt.ItemDataRole.UserRole  # ("note" | "touchpoint", id)
DOTS_ROLE = Qt.ItemDataRole.UserRole + 1  # the voters' colours, one per dot

#: The fields of a voted row its line shows; a change of one re-reads only the changed rows.
SHOWN_FIELDS = {"note": frozenset({"text", "hidden"}), "touchpoint": frozenset({"title"})}
#: Fields that rank or count the dots again: the round, where a row belongs, the voters'
#: colours, order and budgets.
RANKING_FIELDS = {
    "session": frozenset({"voting_round"}),
    "note": frozenset({"journey_id"}),
    "touchpoint": frozenset({"journey_id"}),
    "participant": frozenset({"color", "position", "vote_budget"}),
}


def one_line(text: str) -> str:
    return " ".join(text.split())


class DotsDelegate(QStyledItemDelegate):
    """The number of dots, then one dot in each voter's colour."""

    DOT = 10
    GAP = 3

    def _count_width(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.horizontalAdvance("000") + 6

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        dots = len(index.data(DOTS_ROLE) or [])
        width = self._count_width(option) + dots * (self.DOT + self.GAP) + 8
        return QSize(max(size.width(), width), max(size.height(), self.DOT + 6))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        colors: list[str] = index.data(DOTS_ROLE) or []
        if not colors:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(0, 0, 0, 110))
        left = option.rect.left() + self._count_width(option)
        top = option.rect.center().y() - self.DOT // 2
        for number, color in enumerate(colors):
            x = left + number * (self.DOT + self.GAP)
            if x + self.DOT > option.rect.right():
                break
            painter.setBrush(QColor(color) if QColor.isValidColorName(color) else QColor("#999"))
            painter.drawEllipse(QRect(x, top, self.DOT, self.DOT))
        painter.restore()


class TallyDock(QDockWidget, BuiltWhenShown):
    """Ranks the notes and touchpoints of the shown journey by their dots.

    The window calls set_document() when a session opens or closes (before closing it) and
    set_journey() when another journey is shown. item_activated carries ("note" or
    "touchpoint", id) when a row is double-clicked or Enter is pressed on it. Built only while
    on screen: ranking every dot again took a quarter of each vote's time in the window.
    """

    item_activated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tallyDock")
        self._document: Document | None = None
        self._journey_id: int | None = None
        self._round = 0
        self._entries: list[TallyEntry] = []
        self._items: dict[tuple[str, int], QTreeWidgetItem] = {}

        self.round_label = QLabel()
        self.round_label.setObjectName("tallyRound")
        self.round_label.setTextFormat(Qt.TextFormat.PlainText)
        self.round_label.setWordWrap(True)
        font = self.round_label.font()
        font.setBold(True)
        self.round_label.setFont(font)
        self.dots_label = QLabel()
        self.dots_label.setObjectName("tallyDots")
        self.dots_label.setTextFormat(Qt.TextFormat.PlainText)
        self.dots_label.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("tallyList")
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegateForColumn(VOTES_COLUMN, DotsDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in (RANK_COLUMN, VOTES_COLUMN, KIND_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._on_item_activated)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("tallyEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(16)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.tree)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.round_label)
        layout.addWidget(self.dots_label)
        layout.addWidget(self.stack, 1)
        self.setWidget(body)
        self.setFocusProxy(self.tree)
        follow_dock(self, self, self.dock_shown)  # rebuilt when shown, if it changed meanwhile
        self.retranslate()

    # -- what is shown ---------------------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    def journey_id(self) -> int | None:
        return self._journey_id

    def entries(self) -> list[TallyEntry]:
        return list(self._entries)

    def set_document(self, document: Document | None) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._on_changed)
        self._document = document
        self._journey_id = None
        if document is not None:
            document.changed.connect(self._on_changed)
        self._refresh_when_shown()

    def set_journey(self, journey_id: int | None) -> None:
        self._journey_id = journey_id
        self._refresh_when_shown()

    def _clear(self) -> None:
        self._entries, self._items = [], {}
        self.tree.clear()

    def _on_changed(self, change: Change) -> None:
        if not self.on_screen():
            self._stale = True  # behind another panel: rebuilt when it is shown
        elif self._stale or self._ranks_again(change):
            self.refresh()
        else:
            self._show_new_texts(change)

    def _ranks_again(self, change: Change) -> bool:
        """Whether the change can alter the ranks, the dots or the round (rather than, at
        most, the text of a line)."""
        if change.touches("vote") or self._journey_id in change.deleted.get("journey", set()):
            return True
        if change.inserted.get("participant") or change.deleted.get("participant"):
            return True
        for name, fields in RANKING_FIELDS.items():
            if not change.names_rows(name):
                return True  # everything may have changed
            if change.updated.get(name) and change.fields.get(name, set()) & fields:
                return True
        return False

    def _show_new_texts(self, change: Change) -> None:
        """Re-read the shown rows whose text (or face-down state) the change altered.

        Notes and cards added or deleted without dots are not on the list: a voted one takes
        its dots with it, which ranks everything again."""
        if self._document is None:
            return
        for kind, fields in SHOWN_FIELDS.items():
            if not change.fields.get(kind, set()) & fields:
                continue
            ids = {i for i in change.updated.get(kind, set()) if (kind, i) in self._items}
            for item_id, row in self._document.rows_by_id(kind, ids).items():
                index = self.tree.indexOfTopLevelItem(self._items[(kind, item_id)])
                self._entries[index] = replace(self._entries[index], row=row)
                self._show_text(self._items[(kind, item_id)], self._entries[index])

    def refresh(self) -> None:
        self._stale = False
        document = self._document
        if document is not None and self._journey_id is not None:
            if document.row("journey", self._journey_id) is None:
                self._journey_id = None
        running = int(document.session()["voting_round"] or 0) if document else 0
        self._round = document.latest_round() if document else 0
        journey = self._journey_id
        if document is not None and journey is not None and self._round:
            self._entries = document.tally(journey, self._round)
        else:
            self._entries = []
        self._show_status(document, running)
        self._fill()

    def _show_status(self, document: Document | None, running: int) -> None:
        if running:
            self.round_label.setText(
                self.tr("Voting round %1 is running").replace("%1", str(running))
            )
        elif self._round:
            self.round_label.setText(
                self.tr("No voting round is running")
                + "\n"
                + self.tr("Results of round %1").replace("%1", str(self._round))
            )
        else:
            self.round_label.setText(self.tr("No voting round is running"))
        if document is None or not self._round:
            self.dots_label.setVisible(False)
            return
        given = document.count("vote", round=self._round)
        if running:
            budget = sum(row["vote_budget"] for row in document.rows("participant"))
            text = (
                self.tr("Dots given: %1 of %2").replace("%1", str(given)).replace("%2", str(budget))
            )
        else:
            text = self.tr("Dots given: %1").replace("%1", str(given))
        self.dots_label.setText(text)
        self.dots_label.setVisible(True)

    def _fill(self) -> None:
        self.tree.clear()
        self._items = {}
        for entry in self._entries:
            item = QTreeWidgetItem([str(entry.rank), str(entry.votes), self._kind_name(entry.kind)])
            item.setData(RANK_COLUMN, ITEM_ROLE, (entry.kind, entry.item_id))
            item.setData(VOTES_COLUMN, DOTS_ROLE, entry.colors)
            item.setTextAlignment(RANK_COLUMN, Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(VOTES_COLUMN, self.tr("One dot in each voter's colour"))
            item.setToolTip(TEXT_COLUMN, self.tr("Double-click or press Enter to show it"))
            self._show_text(item, entry)
            self.tree.addTopLevelItem(item)
            self._items[(entry.kind, entry.item_id)] = item
        self.stack.setCurrentWidget(self.tree if self._entries else self.empty_label)
        if self._document is None:
            self.empty_label.setText(self.tr("Open a session to see its votes"))
        elif not self._round:
            self.empty_label.setText(
                self.tr("Start a voting round: every participant gets dots to give")
            )
        else:
            self.empty_label.setText(self.tr("No dots on this journey yet"))

    def _show_text(self, item: QTreeWidgetItem, entry: TallyEntry) -> None:
        """The entry's text on its line, in italics while it is a face-down note."""
        item.setText(TEXT_COLUMN, self._text(entry))
        font = item.font(TEXT_COLUMN)
        font.setItalic(entry.kind == "note" and bool(entry.row["hidden"]))
        item.setFont(TEXT_COLUMN, font)

    def _kind_name(self, kind: str) -> str:
        return self.tr("Note") if kind == "note" else self.tr("Touchpoint")

    def _text(self, entry: TallyEntry) -> str:
        if entry.kind == "note":
            if entry.row["hidden"]:
                return self.tr("(private note)")  # face down: never its text
            return one_line(entry.row["text"]) or self.tr("(empty note)")
        return one_line(entry.row["title"]) or self.tr("(untitled touchpoint)")

    def texts(self) -> list[str]:
        """The text column as shown, top to bottom."""
        return [
            self.tree.topLevelItem(index).text(TEXT_COLUMN)
            for index in range(self.tree.topLevelItemCount())
        ]

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(RANK_COLUMN, ITEM_ROLE)
        if isinstance(data, (tuple, list)) and len(data) == 2:
            self.item_activated.emit(str(data[0]), int(data[1]))

    # -- translated texts ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Votes"))
        self.tree.setHeaderLabels([self.tr("#"), self.tr("Dots"), self.tr("Kind"), self.tr("Text")])
        self.tree.setToolTip(
            self.tr("Most dots first; double-click or press Enter to show the note or card")
        )
        self._refresh_when_shown()
