"""The people in the salon: add, rename, recolour, change role, remove, and the current author.

The current author is whoever's notes go on the board now. One click on a person chooses them
(so do the arrow keys in the list, and the number keys the window binds to choose_by_number);
the dock shows them large on their own colour, legible from across the room.

Every edit is one undoable command through the document; the dock follows each change by
what it names (participant_rows), so undo and redo show at once and a room full of phones
voting costs a line each. Names are people's text: plain everywhere.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocreate.canvas.text_limits import LimitedLineDelegate, limit_line
from cocreate.colors import STICKY_COLORS, next_sticky_color
from cocreate.document import Document
from cocreate.labels import label
from cocreate.model import Role
from cocreate.records import Change, Row
from cocreate.ui.participant_rows import (
    ID_ROLE,
    NAME_COLUMN,
    NEUTRAL_COLOR,
    ROLE_COLUMN,
    VOTES_COLUMN,
    RoleCombo,
    dots_given,
    dots_left_text,
    dots_moved,
    fill_line,
    people_shown_again,
    rebuilds,
    swatch_icon,
    text_color_on,
    valid_color,
)
from cocreate.ui.quiet_label import QuietLabelBox

__all__ = ["NAME_COLUMN", "STICKY_COLORS", "VOTES_COLUMN", "ParticipantsDock", "next_sticky_color"]


class ParticipantsDock(QDockWidget):
    """The session's participants and the current author.

    The window calls set_document() when a session opens or closes (before closing it). It
    listens to current_author_changed (an int, or None when the session has nobody) and binds
    the number keys 1–9 to choose_by_number().
    """

    current_author_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participantsDock")
        self._document: Document | None = None
        self._rows: list[Row] = []
        self._items: dict[int, QTreeWidgetItem] = {}
        self._round = 0  # the voting round running (0: none)
        self._used: Counter[int] = Counter()  # the dots each person has given in it
        self._current: int | None = None
        self._announced: int | None = None  # the current author last signalled
        self._refresh_pending = False
        self.phone_ids: set[int] = set()  # connected from a phone now (the phones panel says)

        # The current author, large.
        self.banner = QFrame()
        self.banner.setObjectName("currentAuthorBanner")
        self.banner_caption = QLabel()
        self.banner_caption.setObjectName("currentAuthorCaption")
        self.banner_caption.setTextFormat(Qt.TextFormat.PlainText)
        self.author_label = QLabel()
        self.author_label.setObjectName("currentAuthorName")
        self.author_label.setTextFormat(Qt.TextFormat.PlainText)
        self.author_label.setWordWrap(True)
        font = self.author_label.font()
        font.setPointSize(20)
        font.setBold(True)
        self.author_label.setFont(font)
        self.author_detail = QLabel()
        self.author_detail.setObjectName("currentAuthorDetail")
        self.author_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.author_detail.setWordWrap(True)
        detail_font = self.author_detail.font()
        detail_font.setPointSizeF(detail_font.pointSizeF() + 2)
        detail_font.setBold(True)
        self.author_detail.setFont(detail_font)
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 8, 12, 10)
        banner_layout.setSpacing(2)
        banner_layout.addWidget(self.banner_caption)
        banner_layout.addWidget(self.author_label)
        self.author_detail_box = QuietLabelBox(self.author_detail)  # it changes at every dot
        banner_layout.addWidget(self.author_detail_box)

        # The list.
        self.tree = QTreeWidget()
        self.tree.setObjectName("participantList")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        # Sized to its texts when the list is built and when a person's budget may change, not
        # at every dot: a dot only shortens its line's "N of M" (or, taken back, brings back a
        # text the column held), and sizing it to its contents then cost most of the dock's
        # part of a vote (0.6-0.8 ms of a dot's text, 0.2 ms without).
        header.setSectionResizeMode(VOTES_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.tree.currentItemChanged.connect(self._on_current_item_changed)
        self.tree.itemDoubleClicked.connect(self._on_item_double_clicked)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.setItemDelegate(LimitedLineDelegate(self.tree))  # names of at most NAME_MAX
        self.tree.itemDelegate().closeEditor.connect(self._after_edit)

        # Edits of the chosen person.
        self.rename_action = QAction(self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.triggered.connect(self.rename_current)
        self.recolour_action = QAction(self)
        self.recolour_action.triggered.connect(self.recolour_current)
        self.remove_action = QAction(self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.triggered.connect(self.remove_current)
        for action in (self.rename_action, self.recolour_action, self.remove_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tree.addAction(action)
        # F2 and Delete are also the window's Rename Session and canvas Delete: in the list
        # they act on the chosen person (the list claims them before the window's shortcuts).
        self._list_keys = {Qt.Key.Key_F2: self.rename_action, Qt.Key.Key_Delete: self.remove_action}
        self.tree.installEventFilter(self)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.rename_button = QToolButton()
        self.rename_button.setObjectName("renameParticipant")
        self.rename_button.setDefaultAction(self.rename_action)
        self.recolour_button = QToolButton()
        self.recolour_button.setObjectName("recolourParticipant")
        self.recolour_button.setDefaultAction(self.recolour_action)
        self.role_combo = RoleCombo()
        self.role_combo.setObjectName("participantRole")
        self.role_combo.activated.connect(self._on_role_chosen)
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("removeParticipant")
        self.remove_button.setDefaultAction(self.remove_action)
        for button in (self.rename_button, self.recolour_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The colour button shows the chosen person's colour rather than a word, which keeps
        # the row narrow enough for the dock beside a canvas on a 1280-pixel screen.
        self.recolour_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        edit_row = QHBoxLayout()
        edit_row.setSpacing(4)
        edit_row.addWidget(self.rename_button)
        edit_row.addWidget(self.recolour_button)
        edit_row.addWidget(self.role_combo, 1)
        edit_row.addWidget(self.remove_button)

        # A new person.
        self.add_heading = QLabel()
        self.add_heading.setTextFormat(Qt.TextFormat.PlainText)
        heading_font = self.add_heading.font()
        heading_font.setBold(True)
        self.add_heading.setFont(heading_font)
        self.name_edit = limit_line(QLineEdit())
        self.name_edit.setObjectName("newParticipantName")
        self.name_edit.setClearButtonEnabled(True)
        self.name_edit.textChanged.connect(self._update_enabled)
        self.name_edit.returnPressed.connect(self.add_from_fields)
        self.new_role_combo = RoleCombo()
        self.new_role_combo.setObjectName("newParticipantRole")
        self.new_role_combo.show_role(Role.PARTICIPANT.value)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addParticipant")
        self.add_button.clicked.connect(self.add_from_fields)
        self.add_heading.setBuddy(self.name_edit)
        add_row = QHBoxLayout()
        add_row.setSpacing(4)
        add_row.addWidget(self.name_edit, 1)
        add_row.addWidget(self.new_role_combo)
        add_row.addWidget(self.add_button)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.tree, 1)
        layout.addLayout(edit_row)
        layout.addSpacing(4)
        layout.addWidget(self.add_heading)
        layout.addLayout(add_row)
        self.setWidget(body)
        self.setFocusProxy(self.tree)
        self.retranslate()
        self.refresh()

    # -- the document ----------------------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    def set_document(self, document: Document | None) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._on_changed)
            self._document.file_changed.disconnect(self._update_enabled)
        self._document = document
        self._current = None
        if document is not None:
            document.changed.connect(self._on_changed)
            document.file_changed.connect(self._update_enabled)
        self.refresh()

    def editable(self) -> bool:
        return self._document is not None and not self._document.read_only

    def participants(self) -> list[Row]:
        """The participants shown, in order."""
        return list(self._rows)

    def _on_changed(self, change: Change) -> None:
        if not change.touches("participant", "vote", "session") or self._document is None:
            return
        if rebuilds(change) or self.tree.state() == QAbstractItemView.State.EditingState:
            self.refresh()  # while a name is edited: once the edit ends
            return
        moved = dots_moved(change, self._document, self._round)
        self._used.update(moved)
        people = people_shown_again(change)
        if people:
            rows = self._document.rows_by_id("participant", people)
            self._rows = [rows.get(row["id"], row) for row in self._rows]
        self._show_lines(people)
        self._show_dots(set(moved) - people)

    def set_phone_ids(self, ids: set[int]) -> None:
        """Mark the people connected from a phone now (the phones panel says who)."""
        changed = ids ^ self.phone_ids
        self.phone_ids = set(ids)
        self._show_lines(changed)

    def _show_lines(self, people: set[int]) -> None:
        """Show these people's lines (and the banner and edit row, when one is chosen) again."""
        self.tree.blockSignals(True)
        for row in self._rows:
            if row["id"] in people:
                self._fill(self._items[row["id"]], row)
        self.tree.blockSignals(False)
        if people:
            self._fit_votes_column()
        if self._current in people:
            self._show_banner()
            self._show_chosen()

    def _show_dots(self, people: set[int]) -> None:
        """Show these people's dots left again (in the banner too, for the chosen one)."""
        for row in self._rows:
            if row["id"] in people:
                used = self._used[row["id"]]
                text = dots_left_text(used, row["vote_budget"])
                self._items[row["id"]].setText(VOTES_COLUMN, text)
                if row["id"] == self._current:
                    self.author_detail_box.set_text(self._votes_left(row))

    def _fit_votes_column(self) -> None:
        if self._round:
            self.tree.resizeColumnToContents(VOTES_COLUMN)

    def _votes_left(self, row: Row) -> str:
        dots = dots_left_text(self._used[row["id"]], row["vote_budget"])
        return self.tr("Votes left: %1").replace("%1", dots)

    def _fill(self, item: QTreeWidgetItem, row: Row) -> None:
        phone = row["id"] in self.phone_ids
        used = self._used[row["id"]]
        fill_line(item, row, phone=phone, voting_round=self._round, used=used)

    # -- the current author ----------------------------------------------------------------------

    def current_author(self) -> int | None:
        return self._current

    def set_current_author(self, participant_id: int) -> bool:
        """Make the participant the current author; False when there is no such participant."""
        if participant_id not in {row["id"] for row in self._rows}:
            return False
        changed = participant_id != self._current
        self._current = participant_id
        self._select(participant_id)
        if changed:
            self._show_banner()
            self._announce()
        return True

    def choose_by_number(self, n: int) -> bool:
        """The n-th participant in the list (1 is the first) becomes the current author."""
        if not 1 <= n <= len(self._rows):
            return False
        return self.set_current_author(self._rows[n - 1]["id"])

    def _announce(self) -> None:
        if self._current != self._announced:
            self._announced = self._current
            self.current_author_changed.emit(self._current)

    def _on_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if current is not None:
            self.set_current_author(current.data(NAME_COLUMN, ID_ROLE))
        self._update_enabled()

    def _select(self, participant_id: int | None) -> None:
        self.tree.blockSignals(True)
        item = self._item(participant_id)
        self.tree.setCurrentItem(item)
        if item is None:
            self.tree.clearSelection()
        self.tree.blockSignals(False)
        self._show_chosen()

    def _item(self, participant_id: int | None) -> QTreeWidgetItem | None:
        return self._items.get(participant_id) if participant_id is not None else None

    def current_row(self) -> Row | None:
        return next((row for row in self._rows if row["id"] == self._current), None)

    # -- showing the file ------------------------------------------------------------------------

    def voting_round(self) -> int:
        """The voting round running (0: none), as the list last read it."""
        return self._round

    def refresh(self) -> None:
        """Rebuild from the file (after the inline rename ends, when one is under way)."""
        if self.tree.state() == QAbstractItemView.State.EditingState:
            self._refresh_pending = True
            return
        self._refresh_pending = False
        document = self._document
        self._rows = document.rows("participant", order_by="position") if document else []
        self._round = int(document.session()["voting_round"] or 0) if document else 0
        self._used = dots_given(document, self._round) if document else Counter()
        voting_round = self._round
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable():
            flags |= Qt.ItemFlag.ItemIsEditable
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items = {}
        for row in self._rows:
            item = QTreeWidgetItem()
            self._fill(item, row)
            item.setFlags(flags)
            self.tree.addTopLevelItem(item)
            self._items[row["id"]] = item
        self.tree.setColumnHidden(VOTES_COLUMN, not voting_round)
        self.tree.blockSignals(False)
        self._fit_votes_column()

        ids = [row["id"] for row in self._rows]
        if self._current not in ids:
            self._current = ids[0] if ids else None
        self._select(self._current)
        self._show_banner()
        self._update_enabled()
        self._announce()

    def _show_banner(self) -> None:
        row = self.current_row()
        if row is None:
            background = QColor(NEUTRAL_COLOR)
            self.author_label.setText(self.tr("Nobody yet"))
            self.author_detail_box.set_text(self.tr("Add the people in the room below"))
        else:
            background = valid_color(row["color"])
            self.author_label.setText(row["name"] or self.tr("(no name)"))
            if self._round:
                self.author_detail_box.set_text(self._votes_left(row))
            else:
                self.author_detail_box.set_text(label("role", row["role"]))
        foreground = text_color_on(background)
        # Colours only, as #rrggbb from QColor: nothing from the file reaches the style sheet.
        self.banner.setStyleSheet(
            f"QFrame#currentAuthorBanner {{ background-color: {background.name()};"
            f" border-radius: 8px; }}"
            f" QFrame#currentAuthorBanner QLabel {{ color: {foreground.name()}; }}"
        )

    def _show_chosen(self) -> None:
        row = self.current_row()
        self.role_combo.show_role(row["role"] if row is not None else None)
        self.recolour_action.setIcon(swatch_icon(row["color"] if row is not None else ""))

    def _update_enabled(self) -> None:
        editable = self.editable()
        chosen = editable and self.current_row() is not None
        for action in (self.rename_action, self.recolour_action, self.remove_action):
            action.setEnabled(chosen)
        self.role_combo.setEnabled(chosen)
        self.name_edit.setEnabled(editable)
        self.new_role_combo.setEnabled(editable)
        self.add_button.setEnabled(editable and bool(self.name_edit.text().strip()))

    # -- edits -----------------------------------------------------------------------------------

    def add_from_fields(self) -> int | None:
        """Add the person typed in the name field, with the next free sticky colour."""
        name = self.name_edit.text().strip()
        document = self._document
        if not name or document is None or not self.editable():
            return None
        color = next_sticky_color(row["color"] for row in self._rows)
        role = self.new_role_combo.role() or Role.PARTICIPANT.value
        if self._rows:  # a latecomer gets the dots the others have
            new_id = document.add_participant(name, color, role, self._rows[-1]["vote_budget"])
        else:
            new_id = document.add_participant(name, color, role)
        if new_id is not None:
            self.name_edit.clear()
        return new_id

    def rename_current(self) -> None:
        """Edit the chosen person's name in the list (Enter applies, Escape cancels)."""
        item = self._item(self._current)
        if item is None or not self.editable():
            return
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.tree.scrollToItem(item)
        self.tree.editItem(item, NAME_COLUMN)

    def _on_item_double_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if not self.editable():
            return
        if column == ROLE_COLUMN:
            self.role_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            self.role_combo.showPopup()
        else:
            self.tree.editItem(item, NAME_COLUMN)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != NAME_COLUMN or self._document is None:
            return
        participant_id = item.data(NAME_COLUMN, ID_ROLE)
        row = next((r for r in self._rows if r["id"] == participant_id), None)
        name = " ".join(item.text(NAME_COLUMN).split())
        if row is None or not name or name == row["name"] or not self.editable():
            self._refresh_pending = True  # show the file's name again
            return
        if not self._document.update_participant(participant_id, name=name):
            self._refresh_pending = True

    def _after_edit(self) -> None:
        if self._refresh_pending:
            self.refresh()

    def recolour_current(self) -> None:
        row = self.current_row()
        if row is None or self._document is None or not self.editable():
            return
        for index, color in enumerate(STICKY_COLORS):
            QColorDialog.setCustomColor(index, QColor(color))
        chosen = QColorDialog.getColor(
            valid_color(row["color"]), self, self.tr("Colour of %1").replace("%1", row["name"])
        )
        if chosen.isValid() and chosen.name() != valid_color(row["color"]).name():
            self._document.update_participant(row["id"], color=chosen.name())

    def _on_role_chosen(self, index: int) -> None:
        row = self.current_row()
        role = self.role_combo.itemData(index)
        if row is None or self._document is None or not self.editable():
            return
        if isinstance(role, str) and role != row["role"]:
            self._document.update_participant(row["id"], role=role)

    def remove_current(self) -> None:
        """Remove the chosen person, after asking; undo brings them back with their dots."""
        row = self.current_row()
        if row is None or self._document is None or not self.editable():
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove Participant"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Remove “%1” from the session?").replace("%1", row["name"]))
        box.setInformativeText(
            self.tr(
                "Their notes stay on the board without an author, and their votes are taken "
                "back. Undo brings everything back."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self._document.delete_participant(row["id"])

    # -- translated texts ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.tree and event.type() in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            action = self._list_keys.get(event.key())
            if action is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if event.type() == QEvent.Type.KeyPress and action.isEnabled():
                    action.trigger()
                event.accept()
                return event.type() == QEvent.Type.KeyPress
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Participants"))
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Votes left")])
        self.tree.setToolTip(
            self.tr(
                "Click a person to make them the current author of new notes; "
                "double-click a name to rename"
            )
        )
        self.banner.setToolTip(self.tr("New notes are written by this person"))
        self.banner_caption.setText(self.tr("Current author"))
        self.rename_action.setText(self.tr("Rename"))
        self.rename_action.setToolTip(self.tr("Rename the chosen person (F2)"))
        self.recolour_action.setText(self.tr("Colour…"))
        self.recolour_action.setToolTip(self.tr("Choose the colour of the chosen person's notes"))
        self.remove_action.setText(self.tr("Remove…"))
        self.remove_action.setToolTip(
            self.tr("Remove the chosen person from the session (Delete); it can be undone")
        )
        self.role_combo.setToolTip(self.tr("Role of the chosen person"))
        self.add_heading.setText(self.tr("&Add a person"))
        self.name_edit.setPlaceholderText(self.tr("Name"))
        self.name_edit.setToolTip(
            self.tr("Type a name and press Enter: the person gets a colour of their own")
        )
        self.new_role_combo.setToolTip(self.tr("Role of the new person"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add the person to the session"))
        if self._document is not None:
            self.refresh()
        else:
            self._show_banner()
