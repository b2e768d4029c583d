"""The comments of a card's survey answers, as the Inspector lists them: which are shown (a
search in the comment text, case- and width-insensitive; answers without a comment left out
unless asked for), in which order (by score or by date), and how each is drawn: its score in
its NPS band's colour, the comment as plain text, then date, channel, member tier and customer
type in small print, and a pin with "On the board" once it has been promoted to a note.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from cocreate.colors import FAINT, INK, LINK, MUTED, RULE
from cocreate.feedback.matching import folded
from cocreate.labels import label, plain_tip
from cocreate.records import Row
from cocreate.ui.voice_chart import band_color, band_text_color

#: The row of the answer an item shows (a dict), and whether its comment is on the board.
ANSWER_ROLE = Qt.ItemDataRole.UserRole + 1
PROMOTED_ROLE = Qt.ItemDataRole.UserRole + 2

#: A long comment shows this many lines; hovering it shows the whole.
MAX_LINES = 8


class Order(StrEnum):
    LOWEST = "lowest"
    HIGHEST = "highest"
    NEWEST = "newest"
    OLDEST = "oldest"


def _by_date(answer: Row) -> tuple[bool, str]:
    return (answer["date"] != "", answer["date"])


def shown_answers(
    answers: Iterable[Row], search: str = "", order: Order = Order.LOWEST, empty: bool = False
) -> list[Row]:
    """The answers the list shows: those whose comment holds the search (folded: full-width
    and half-width alike, any case, spaces ignored), without the ones with no comment unless
    `empty`, in the order asked for. Ties keep the newest first, then the file's order;
    answers without a date come last when ordered by date."""
    wanted = folded(search)
    found = [
        answer
        for answer in answers
        if (empty or answer["comment"].strip()) and wanted in folded(answer["comment"])
    ]
    found.sort(key=lambda answer: answer["id"])
    if order in (Order.NEWEST, Order.OLDEST):
        dated = [answer for answer in found if answer["date"]]
        undated = [answer for answer in found if not answer["date"]]
        dated.sort(key=_by_date, reverse=order is Order.NEWEST)
        return dated + undated
    found.sort(key=_by_date, reverse=True)
    found.sort(key=lambda answer: answer["score"], reverse=order is Order.HIGHEST)
    return found


def details(answer: Row) -> str:
    """The answer's date, channel, member tier and customer type, those it has, in one line."""
    parts = [
        answer["date"][:10],
        answer["channel"],
        answer["tier"],
        label("persona", answer["customer_type"]) if answer["customer_type"] else "",
    ]
    return " · ".join(part for part in parts if part)


class CommentModel(QAbstractListModel):
    """The shown answers, each with whether its comment is on the board."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._answers: list[Row] = []
        self._promoted: set[int] = set()

    def answers(self) -> list[Row]:
        return list(self._answers)

    def set_answers(self, answers: list[Row]) -> None:
        if [answer["id"] for answer in answers] == [answer["id"] for answer in self._answers]:
            if answers != self._answers:  # the same answers, edited (undo of a change)
                self._answers = list(answers)
                self._changed_all()
            return
        self.beginResetModel()
        self._answers = list(answers)
        self.endResetModel()

    def set_promoted(self, answer_ids: Iterable[int]) -> None:
        """Mark the answers on the board; only the rows whose mark changed are drawn again."""
        promoted = set(answer_ids)
        changed = promoted ^ self._promoted
        self._promoted = promoted
        for row, answer in enumerate(self._answers):
            if answer["id"] in changed:
                self.dataChanged.emit(self.index(row), self.index(row), [PROMOTED_ROLE])

    def is_promoted(self, answer_id: int) -> bool:
        return answer_id in self._promoted

    def answer_at(self, row: int) -> tuple[Row, bool]:
        """The answer of a row and whether it is on the board, without going through Qt's
        variants (the delegate asks for thousands)."""
        answer = self._answers[row]
        return answer, answer["id"] in self._promoted

    def _changed_all(self) -> None:
        if self._answers:
            self.dataChanged.emit(self.index(0), self.index(len(self._answers) - 1))

    def rowCount(  # noqa: N802 (Qt's name)
        self,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() else len(self._answers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._answers):
            return None
        answer = self._answers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return answer["comment"]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{answer['score']} · {answer['comment']} · {details(answer)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(
                "\n".join(part for part in (answer["comment"], details(answer)) if part)
            )
        if role == ANSWER_ROLE:
            return answer
        if role == PROMOTED_ROLE:
            return answer["id"] in self._promoted
        return None


# -- drawing ----------------------------------------------------------------------------------

CHIP = 24.0  # the score's square
PAD = 6.0
GAP = 8.0
LINE_GAP = 2.0
#: How the texts of an answer wrap (measured and drawn alike).
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
#: How many sizes of answers the delegate remembers.
SIZES_KEPT = 50_000
#: The details wrap to two lines at most (a long channel name should not hide the tier).
DETAIL_LINES = 2


def paint_pin(painter: QPainter, rect: QRectF, color: QColor) -> None:
    """A push pin: a round head over a short needle, leaning right, inside rect."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = min(rect.width(), rect.height())
    head = QRectF(0, 0, side * 0.55, side * 0.55)
    head.moveTopRight(QPointF(rect.center().x() + side / 2, rect.center().y() - side / 2))
    pen = QPen(color, max(1.2, side / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    tip = QPointF(rect.center().x() - side / 2.2, rect.center().y() + side / 2.2)
    painter.drawLine(head.center(), tip)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(head)
    painter.restore()


class CommentDelegate(QStyledItemDelegate):
    """Draws an answer: its score chip; its comment (at most MAX_LINES lines); its details
    (at most DETAIL_LINES); a pin and "On the board" once it is on the board."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self.on_board_text = ""  # "On the board", translated by the list
        self.no_comment_text = ""  # "No comment"
        # (answer id, on the board, width) -> its size: a list of thousands of answers is laid
        # out again on every search, order and resize, and an answer's text never changes.
        self._sizes: dict[tuple[int, bool, int], QSize] = {}

    def forget_sizes(self) -> None:
        """The texts or the font changed: measure again."""
        self._sizes.clear()

    def _answer(self, index: QModelIndex | QPersistentModelIndex) -> tuple[Row, bool]:
        model = index.model()
        assert isinstance(model, CommentModel)
        return model.answer_at(index.row())

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        small = QFont(option.font)  # type: ignore[attr-defined]
        small.setPointSizeF(max(6.5, small.pointSizeF() - 1.5))
        return QFont(option.font), small  # type: ignore[attr-defined]

    def _width(self) -> float:
        """An item's width: the list's (without its scroll bar)."""
        return float(self._view.viewport().width())

    def _text_width(self) -> float:
        return max(40.0, self._width() - CHIP - GAP - 2 * PAD)

    def _height(self, text: str, font: QFont, max_lines: int) -> float:
        """The height of the text wrapped in the text column, at most max_lines lines (one
        call into Qt: thousands of answers are measured when a list is laid out)."""
        metrics = QFontMetricsF(font)
        room = QRectF(0, 0, self._text_width(), 1e6)
        height = metrics.boundingRect(room, WRAP, text).height()
        return min(height, max_lines * metrics.lineSpacing())

    def _parts(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> tuple[Row, list[tuple[str, QFont, float, str]], bool]:
        """The answer, its texts from top to bottom (text, font, height, colour), and whether
        it is on the board (then the last text says so, after a pin)."""
        answer, promoted = self._answer(index)
        font, small = self._fonts(option)
        comment = answer["comment"].strip()
        if not comment:
            font.setItalic(True)
        texts = [(comment or self.no_comment_text, font, MAX_LINES, INK if comment else FAINT)]
        if details(answer):
            texts.append((details(answer), small, DETAIL_LINES, MUTED))
        if promoted:
            texts.append((self.on_board_text, small, 1, LINK))
        parts = [
            (text, font, self._height(text, font, lines), color)
            for text, font, lines, color in texts
        ]
        return answer, parts, promoted

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = int(self._width())
        answer, promoted = self._answer(index)
        key = (answer["id"], promoted, width)
        size = self._sizes.get(key)
        if size is None:
            _answer, parts, _promoted = self._parts(option, index)
            height = sum(part[2] for part in parts) + LINE_GAP * (len(parts) - 1)
            size = QSize(width, int(max(CHIP, height) + 2 * PAD + 0.5))
            if len(self._sizes) > SIZES_KEPT:
                self._sizes.clear()
            self._sizes[key] = size
        return size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        answer, parts, promoted = self._parts(option, index)
        rect = QRectF(option.rect)  # type: ignore[attr-defined]
        painter.save()
        self._paint_background(painter, option, rect)
        chip = QRectF(rect.x() + PAD, rect.y() + PAD, CHIP, CHIP)
        self._paint_chip(painter, chip, answer["score"], option.font)  # type: ignore[attr-defined]
        left, top = chip.right() + GAP, rect.y() + PAD
        width = self._text_width()
        for number, (text, font, height, color) in enumerate(parts):
            painter.setPen(QColor(color))
            painter.setFont(font)
            place = QRectF(left, top, width, height)
            if promoted and number == len(parts) - 1:
                paint_pin(painter, QRectF(left, top, height, height), QColor(LINK))
                place.adjust(height + 3, 0, 0, 0)
            painter.drawText(place, WRAP, text)  # cut at the height: MAX_LINES lines at most
            top += height + LINE_GAP
        painter.setPen(QColor(RULE))
        bottom = rect.bottom() - 0.5
        painter.drawLine(QPointF(rect.x() + PAD, bottom), QPointF(rect.right() - PAD, bottom))
        painter.restore()

    def _paint_background(
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRectF
    ) -> None:
        state = option.state  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        if state & QStyle.StateFlag.State_Selected:
            highlight = QColor(palette.highlight().color())
            highlight.setAlpha(48)
            painter.fillRect(rect, highlight)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor(0, 0, 0, 10))

    def _paint_chip(self, painter: QPainter, chip: QRectF, score: int, base: QFont) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(chip, 4, 4)
        painter.fillPath(path, band_color(score))
        bold = QFont(base)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(band_text_color(score))  # dark on amber, where white does not read
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, str(score))
