"""The lines of the participants list, and how a change of the file reaches them.

Each line shows a person: their colour (or the phone mark while a phone of theirs is
connected), name, role and, during a voting round, the dots they still have. The list follows
a change by what it names (like the Votes panel): a dot given or taken back re-counts only its
voter's line from the change itself, a person renamed, recoloured, given another role or other
dots re-reads only their row, and a note added or moved touches nothing. Only a change of who
is in the list, of its order or of the round (or Change.everything()) rebuilds it.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QTreeWidgetItem, QWidget

from cocreate.document import Document
from cocreate.labels import label, values
from cocreate.records import Change, Row

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_COLUMN, ROLE_COLUMN, VOTES_COLUMN = 0, 1, 2
NEUTRAL_COLOR = "#eceff1"

#: Updated fields that change the list itself: its order, or whether the dots column shows.
REBUILDING_FIELDS = {"participant": frozenset({"position"}), "session": frozenset({"voting_round"})}
#: Fields of a person their line (or the banner) shows.
SHOWN_FIELDS = frozenset({"name", "color", "role", "vote_budget"})


def valid_color(color: str, fallback: str = NEUTRAL_COLOR) -> QColor:
    return QColor(color) if QColor.isValidColorName(color) else QColor(fallback)


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the background (WCAG relative luminance)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * channel(background.redF())
        + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF())
    )
    return QColor("#212121") if luminance > 0.179 else QColor("#ffffff")


def swatch_icon(color: str, size: int = 16) -> QIcon:
    """A small rounded square of the colour, with a thin edge so light colours show."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.setBrush(valid_color(color))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


def phone_icon(color: str, size: int = 16) -> QIcon:
    """The participant's colour with a small phone drawn on it: connected from a phone."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.setBrush(valid_color(color))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3)
    body = QRectF(size * 0.3, size * 0.12, size * 0.4, size * 0.76)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#263238"))
    painter.drawRoundedRect(body, 1.5, 1.5)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(body.adjusted(size * 0.06, size * 0.1, -size * 0.06, -size * 0.18))
    painter.end()
    return QIcon(pixmap)


class RoleCombo(QComboBox):
    """The three roles, by their translated names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value in values("role"):
            self.addItem(label("role", value), value)

    def show_role(self, role: str | None) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(self.findData(role) if role is not None else -1)
        self.blockSignals(False)

    def role(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            for index in range(self.count()):
                self.setItemText(index, label("role", self.itemData(index)))
        super().changeEvent(event)


def dots_left_text(used: int, budget: int) -> str:
    """The dots a person still has of their budget, as "2 of 5" (in the dock's words)."""
    left = max(0, budget - used)
    text = QCoreApplication.translate("ParticipantsDock", "%1 of %2")
    return text.replace("%1", str(left)).replace("%2", str(budget))


def fill_line(
    item: QTreeWidgetItem, row: Row, *, phone: bool, voting_round: int, used: int
) -> None:
    """Show the person on their line: name, colour or phone mark, role, dots left."""
    item.setText(NAME_COLUMN, row["name"])
    item.setText(ROLE_COLUMN, label("role", row["role"]))
    item.setData(NAME_COLUMN, ID_ROLE, row["id"])
    item.setIcon(NAME_COLUMN, (phone_icon if phone else swatch_icon)(row["color"]))
    phone_tip = QCoreApplication.translate("ParticipantsDock", "Connected from a phone")
    item.setToolTip(NAME_COLUMN, phone_tip if phone else "")
    if voting_round:
        item.setText(VOTES_COLUMN, dots_left_text(used, row["vote_budget"]))
        tip = QCoreApplication.translate("ParticipantsDock", "Dots still to give in round %1")
        item.setToolTip(VOTES_COLUMN, tip.replace("%1", str(voting_round)))
        item.setTextAlignment(VOTES_COLUMN, Qt.AlignmentFlag.AlignCenter)


def dots_given(document: Document, voting_round: int) -> Counter[int]:
    """The dots each person has given in the round (one read of the round's votes)."""
    if not voting_round:
        return Counter()
    return Counter(vote["participant_id"] for vote in document.rows("vote", round=voting_round))


def rebuilds(change: Change) -> bool:
    """Whether the change alters who is in the list, its order or the round (or says
    everything may have changed): then the list is built again from the file."""
    for name in ("participant", "session", "vote"):
        if not change.names_rows(name):
            return True
    if change.inserted.get("participant") or change.deleted.get("participant"):
        return True
    if change.updated.get("vote"):
        return True  # a dot moved to another person or round: count again
    for name, fields in REBUILDING_FIELDS.items():
        if change.updated.get(name) and change.fields.get(name, set()) & fields:
            return True
    return False


def dots_moved(change: Change, document: Document, voting_round: int) -> Counter[int]:
    """Dots given (+1) and taken back (-1) in the round by the change, by voter: a dot taken
    back is known from the change itself, a new one reads only its own row."""
    moved: Counter[int] = Counter()
    if not voting_round:
        return moved
    for vote in change.removed.get("vote", {}).values():
        if vote["round"] == voting_round:
            moved[vote["participant_id"]] -= 1
    inserted = change.inserted.get("vote")
    if inserted:
        for vote in document.rows_by_id("vote", inserted).values():
            if vote["round"] == voting_round:
                moved[vote["participant_id"]] += 1
    return moved


def people_shown_again(change: Change) -> set[int]:
    """The people whose line shows a field the change updated."""
    if change.fields.get("participant", set()) & SHOWN_FIELDS:
        return set(change.updated.get("participant", set()))
    return set()
