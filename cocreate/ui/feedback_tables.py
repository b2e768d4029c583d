"""The tables of the feedback import dialog: the preview of the file's first rows, each bad cell
tinted with its problem as its tooltip, and the tables where a person links the stage and
touchpoint values that matched nothing to a stage or a card of the journey."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QPainter,
    QStandardItem,
    QStandardItemModel,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cocreate.feedback import Answer, Field, RowProblem, SourceRow, SourceTable
from cocreate.feedback.fields import column_letters
from cocreate.ui.feedback_texts import cell_problem, column_problem, field_name, fill
from cocreate.ui.feedback_work import JourneyChoices, Suggested

#: A bad cell's background and text: readable on the light and the dark palette alike.
BAD_BACKGROUND = QColor("#fbd9d3")
BAD_TEXT = QColor("#6b1208")
#: A stage's name over its cards in a choice of cards.
HEADING_TEXT = QColor("#3c4a5c")
#: The most characters a preview cell shows (its tooltip or the file hold the rest).
CELL_SHOWN_MAX = 120
#: What a match combo holds when nothing is chosen yet, and for "link to none".
NOT_CHOSEN = -2
NO_TARGET = -1

#: The data role that marks a card listed under its stage's name, and how far it is indented.
INDENT_ROLE = Qt.ItemDataRole.UserRole + 1
INDENT = 18
ROW_PADDING = 6
#: The most values a match table lists (those with the most answers).
MATCH_ROWS_MAX = 100

_LETTERS = re.compile(r"^([A-Z]+)")


def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= CELL_SHOWN_MAX else line[: CELL_SHOWN_MAX - 1] + "…"


class PreviewTable(QTableWidget):
    """The first rows of the file as it holds them: a problems column, then the file's
    columns, each headed by its letter, its header and the field it goes to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackPreview")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def show_rows(
        self,
        table: SourceTable,
        mapping: Mapping[Field, int],
        shown: Sequence[tuple[SourceRow, Answer | None, list[RowProblem]]],
        rows: Sequence[SourceRow],
    ) -> None:
        """The rows checked (shown), or, without a score column, the rows as they are."""
        checked = list(shown) or [(row, None, []) for row in rows]
        width = max([len(table.headers), *(len(row.cells) for row, _, _ in checked)])
        fields = {column: field for field, column in mapping.items()}
        self.clear()
        self.setColumnCount(width + 1)
        self.setRowCount(len(checked))
        self.setHorizontalHeaderItem(0, QTableWidgetItem(self.tr("Problems")))
        for column in range(width):
            self.setHorizontalHeaderItem(column + 1, self._header(table, column, fields))
        for index, (row, _answer, problems) in enumerate(checked):
            self.setVerticalHeaderItem(index, QTableWidgetItem(str(row.number)))
            self._fill_row(index, row, width, fields, self._bad_cells(mapping, problems))
            self.setItem(index, 0, self._problems_item(problems))
        self._size_columns(width)

    def _header(
        self, table: SourceTable, column: int, fields: Mapping[int, Field]
    ) -> QTableWidgetItem:
        header = table.headers[column] if column < len(table.headers) else ""
        text = f"{column_letters(column)}  {_one_line(header)}".rstrip()
        if column in fields:
            text += "\n" + fill(self.tr("→ %1"), field_name(fields[column]))
        item = QTableWidgetItem(text)
        item.setToolTip(header)
        return item

    def _fill_row(
        self,
        index: int,
        row: SourceRow,
        width: int,
        fields: Mapping[int, Field],
        bad: Mapping[int, list[RowProblem]],
    ) -> None:
        for column in range(width):
            text = row.cell(column)
            item = QTableWidgetItem(_one_line(text))
            if column in bad:
                item.setBackground(QBrush(BAD_BACKGROUND))
                item.setForeground(QBrush(BAD_TEXT))
                item.setToolTip("\n".join(cell_problem(problem) for problem in bad[column]))
            elif column not in fields:
                item.setForeground(self.palette().placeholderText())
                item.setToolTip(text if len(text) > CELL_SHOWN_MAX else "")
            elif len(text) > CELL_SHOWN_MAX:
                item.setToolTip(text)
            self.setItem(index, column + 1, item)

    @staticmethod
    def _bad_cells(
        mapping: Mapping[Field, int], problems: Sequence[RowProblem]
    ) -> dict[int, list[RowProblem]]:
        bad: dict[int, list[RowProblem]] = {}
        for problem in problems:
            if problem.field is not None and problem.field in mapping:
                column = mapping[problem.field]
            else:
                found = _LETTERS.match(problem.column)
                if found is None:
                    continue
                column = _column_index(found.group(1))
            bad.setdefault(column, []).append(problem)
        return bad

    def _problems_item(self, problems: Sequence[RowProblem]) -> QTableWidgetItem:
        texts = [column_problem(problem) for problem in problems]
        item = QTableWidgetItem(_one_line("; ".join(texts)))
        if problems:
            item.setForeground(QBrush(BAD_TEXT))
            item.setBackground(QBrush(BAD_BACKGROUND))
            item.setToolTip("\n".join(texts))
        return item

    def _size_columns(self, width: int) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.resizeColumnsToContents()
        limit = max(160, self.fontMetrics().horizontalAdvance("M") * 22)
        for column in range(width + 1):
            if self.columnWidth(column) > limit:
                self.setColumnWidth(column, limit)
        self.setColumnWidth(0, max(self.columnWidth(0), min(limit, 2 * limit)))


class MatchTable(QTableWidget):
    """The values of one column that matched no stage (or no card): each with its count of
    answers and a choice of the journey's stages (or cards, grouped by stage), the likely ones
    first, or "Link to none". `chosen` says a choice changed."""

    chosen = Signal()

    def __init__(self, cards: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = cards
        self.setObjectName("cardMatches" if cards else "stageMatches")
        self.setColumnCount(3)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._values: list[str] = []
        self._shown: tuple[tuple[str, int, tuple[int, ...]], ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("Value in the file"),
                self.tr("Answers"),
                self.tr("Touchpoint") if self.cards else self.tr("Stage"),
            ]
        )

    def show_values(
        self,
        values: Sequence[Suggested],
        choices: JourneyChoices,
        overrides: Mapping[str, int | None],
    ) -> None:
        """One row per value; rebuilt only when the values are not those already shown, so a
        choice being made keeps its place and focus."""
        listed = values[:MATCH_ROWS_MAX]
        shown = tuple((s.unmatched.value, s.unmatched.count, s.first) for s in listed)
        if shown == self._shown:
            return
        self._shown = shown
        self._values = [value for value, _, _ in shown]
        names = self._names(choices)
        self.setRowCount(len(shown))
        for row, (value, count, first) in enumerate(shown):
            item = QTableWidgetItem(_one_line(value))
            item.setToolTip(value)
            self.setItem(row, 0, item)
            number = QTableWidgetItem(str(count))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, 1, number)
            combo = self._combo(choices, names, first, overrides.get(value, NOT_CHOSEN))
            combo.setAccessibleName(value)
            self.setCellWidget(row, 2, combo)
        self.setColumnWidth(0, max(120, min(260, self.sizeHintForColumn(0) + 16)))
        self.resizeRowsToContents()

    def forget(self) -> None:
        """Show nothing (another column or journey)."""
        self._shown = ()
        self._values = []
        self.setRowCount(0)

    def combo(self, value: str) -> QComboBox:
        widget = self.cellWidget(self._values.index(value), 2)
        assert isinstance(widget, QComboBox)
        return widget

    def overrides(self) -> dict[str, int | None]:
        """The choices made: a value's stage or card id, or None to link it to none."""
        chosen: dict[str, int | None] = {}
        for row, value in enumerate(self._values):
            widget = self.cellWidget(row, 2)
            assert isinstance(widget, QComboBox)
            target = widget.currentData()
            if target == NO_TARGET:
                chosen[value] = None
            elif isinstance(target, int) and target != NOT_CHOSEN:
                chosen[value] = target
        return chosen

    def _combo(
        self,
        choices: JourneyChoices,
        names: Mapping[int, str],
        first: Sequence[int],
        current: object,
    ) -> TargetCombo:
        prompt = self.tr("Choose a touchpoint…") if self.cards else self.tr("Choose a stage…")
        no_target = self.tr("Link to none")

        def fill_list(model: QStandardItemModel) -> None:
            model.appendRow(_choice(prompt, NOT_CHOSEN))
            model.appendRow(_choice(no_target, NO_TARGET))
            if first:
                model.appendRow(_heading(self.tr("Likely")))
                for target in first:
                    model.appendRow(_choice(names.get(target, ""), target, indent=True))
            for stop in choices.stops:
                name = stop.name or self.tr("Untitled stage")
                if self.cards:
                    model.appendRow(_heading(name))
                    for card_id, title in stop.cards:
                        model.appendRow(_choice(title, card_id, indent=True))
                else:
                    model.appendRow(_choice(name, stop.stage_id))

        shown = [_choice(prompt, NOT_CHOSEN)]
        if current is None:
            shown.append(_choice(no_target, NO_TARGET))
        elif isinstance(current, int) and current in names:
            shown.append(_choice(names[current], current))
        combo = TargetCombo(shown, fill_list)
        combo.currentIndexChanged.connect(lambda _index: self.chosen.emit())
        return combo

    def _names(self, choices: JourneyChoices) -> dict[int, str]:
        if self.cards:
            return {
                card_id: fill(self.tr("%1 (%2)"), title, stop.name)
                for stop in choices.stops
                for card_id, title in stop.cards
            }
        return {stop.stage_id: stop.name for stop in choices.stops}


class TargetCombo(QComboBox):
    """A choice of a stage or a card. Its whole list is made when it is first opened or given
    the focus: a file may leave dozens of values unmatched in a journey of a hundred cards."""

    def __init__(
        self, shown: Sequence[QStandardItem], fill_list: Callable[[QStandardItemModel], None]
    ) -> None:
        super().__init__()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setItemDelegate(_IndentedItems(self))
        model = QStandardItemModel(self)
        for item in shown:
            model.appendRow(item)
        self.setModel(model)
        self.setCurrentIndex(model.rowCount() - 1)
        self._fill_list: Callable[[QStandardItemModel], None] | None = fill_list

    def complete(self) -> None:
        """The whole list, the current choice kept."""
        if self._fill_list is None:
            return
        fill_list, self._fill_list = self._fill_list, None
        target = self.currentData()
        model = QStandardItemModel(self)
        fill_list(model)
        self.blockSignals(True)
        self.setModel(model)  # deletes the short list, which the combo owns
        self.setCurrentIndex(max(0, self.findData(target)))
        self.blockSignals(False)

    def showPopup(self) -> None:  # noqa: N802 (Qt's name)
        self.complete()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        self.complete()
        super().focusInEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if self.hasFocus():  # a wheel turned to scroll the table changes no choice
            super().wheelEvent(event)
        else:
            event.ignore()


class _IndentedItems(QStyledItemDelegate):
    """A choice's list: the cards under their stage's name stand in from it."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.data(INDENT_ROLE):
            option = QStyleOptionViewItem(option)
            option.rect.adjust(INDENT, 0, 0, 0)
        super().paint(painter, option, index)

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + INDENT, size.height() + ROW_PADDING)


def _choice(text: str, target: int, indent: bool = False) -> QStandardItem:
    item = QStandardItem(_one_line(text))
    item.setData(target, Qt.ItemDataRole.UserRole)
    item.setData(indent, INDENT_ROLE)
    item.setToolTip(text)
    return item


def _heading(text: str) -> QStandardItem:
    """A line of the list that cannot be chosen: a stage's name over its cards."""
    item = QStandardItem(_one_line(text))
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    item.setForeground(QBrush(HEADING_TEXT))  # not the faint grey of a disabled line
    font = QFont()
    font.setBold(True)
    item.setFont(font)
    return item
