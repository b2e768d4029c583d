"""The customer's voice of one card in the Inspector: the 0-10 distribution of its survey
answers as a small bar chart with its NPS and n, then their comments, searched, sorted and
promoted to sticky notes pinned to the card (File > Import Feedback… brings the answers in).

It follows the document by the ids a change names: answers imported, deleted or brought back
by undo, notes promoted or deleted, the card itself deleted. Only what changed is shown again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocreate.analysis import nps_of_distribution, score_distribution, signed
from cocreate.canvas.nps_badges import TIP_FEW
from cocreate.canvas.paint import translate
from cocreate.canvas.text_limits import limit_line
from cocreate.colors import MUTED
from cocreate.document import Document
from cocreate.records import Change, Row
from cocreate.ui.voice_chart import DistributionChart
from cocreate.ui.voice_comments import (
    ANSWER_ROLE,
    CommentDelegate,
    CommentModel,
    Order,
    shown_answers,
)


class VoicePanel(QWidget):
    """The voice of the card shown (show_card), or a quiet hint when it has no answers."""

    #: The number of answers of the card shown changed (the Inspector names its tab with it).
    count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorVoice")
        self._document: Document | None = None
        self._card_id: int | None = None
        self._answers: list[Row] = []
        self._promoted: dict[int, int] = {}  # answer id -> its note

        self.title = QLabel()
        self.title.setObjectName("voiceTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel()
        self.hint.setObjectName("voiceHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED};")
        self.chart = DistributionChart()
        self.caption = QLabel()
        self.caption.setObjectName("voiceCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.bands = QLabel()
        self.bands.setTextFormat(Qt.TextFormat.PlainText)
        self.bands.setWordWrap(True)
        self.bands.setStyleSheet(f"color: {MUTED};")

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        limit_line(self.search)
        self.order_combo = QComboBox()
        for order in Order:
            self.order_combo.addItem("", order.value)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setStyleSheet(f"color: {MUTED};")
        self.empty_check = QCheckBox()

        self.model = CommentModel(self)
        self.list = QListView()
        self.delegate = CommentDelegate(self.list)
        self.list.setObjectName("voiceComments")
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.setWordWrap(True)
        self.list.setMouseTracking(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        # Thousands of answers are laid out a hundred at a time: the first ones show at once.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        # A scroll bar that comes and goes would change the width: every answer measured again.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setMinimumHeight(120)
        self.promote_button = QPushButton()
        self.promote_button.setObjectName("promoteComment")

        self._lay_out()
        self.search.textChanged.connect(self._show_comments)
        self.order_combo.currentIndexChanged.connect(self._show_comments)
        self.empty_check.toggled.connect(self._show_comments)
        self.list.selectionModel().currentChanged.connect(self.update_promote)
        self.list.doubleClicked.connect(self._promote_index)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.promote_button.clicked.connect(self.promote_current)
        self.retranslate()
        self._show_all()

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.order_combo, 1)
        controls.addWidget(self.count_label)
        self.voice = QWidget()  # all but the title and the hint: hidden without answers
        voice = QVBoxLayout(self.voice)
        voice.setContentsMargins(0, 0, 0, 0)
        voice.setSpacing(6)
        voice.addWidget(self.chart)
        voice.addWidget(self.caption)
        voice.addWidget(self.bands)
        voice.addSpacing(4)
        voice.addWidget(self.search)
        voice.addLayout(controls)
        voice.addWidget(self.empty_check)
        voice.addWidget(self.list, 1)
        voice.addWidget(self.promote_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.voice, 1)
        layout.addStretch(0)

    # -- what is shown ---------------------------------------------------------------------------

    @property
    def card_id(self) -> int | None:
        return self._card_id

    def answers(self) -> list[Row]:
        """The card's answers, in the file's order."""
        return list(self._answers)

    def shown(self) -> list[Row]:
        """The answers listed now, in the list's order."""
        return self.model.answers()

    def is_promoted(self, answer_id: int) -> bool:
        return answer_id in self._promoted

    def set_document(self, document: Document | None) -> None:
        self._document = document
        self._card_id = None
        self._show_all()

    def show_card(self, card_id: int | None) -> None:
        """Show this card's voice (None: no card, or more than one)."""
        if card_id == self._card_id:
            return
        self._card_id = card_id if self._document is not None else None
        self._show_all()

    def _card(self) -> Row | None:
        if self._document is None or self._card_id is None:
            return None
        return self._document.row("touchpoint", self._card_id)

    def _show_all(self) -> None:
        card = self._card()
        self.title.setText(card["title"] if card else "")
        self._answers = self._read_answers() if card else []
        self._promoted = self._read_promoted()
        self._show_answers()

    def _read_answers(self) -> list[Row]:
        assert self._document is not None and self._card_id is not None
        return self._document.card_feedback(self._card_id)

    def _read_promoted(self) -> dict[int, int]:
        if self._document is None or not self._answers:
            return {}
        return self._document.promoted_notes(answer["id"] for answer in self._answers)

    def _show_answers(self) -> None:
        """The chart, its caption, the hint and the list, for the answers read."""
        has = bool(self._answers)
        self.voice.setVisible(has)
        self.hint.setVisible(not has and self._card_id is not None)
        distribution = score_distribution(answer["score"] for answer in self._answers)
        self.chart.set_counts(distribution)
        self._show_caption(distribution)
        self._show_comments()
        self.count_changed.emit(len(self._answers))

    def _show_caption(self, distribution: tuple[int, ...]) -> None:
        nps = nps_of_distribution(distribution)
        if nps.rounded is None:
            self.caption.clear()
            self.bands.clear()
            return
        text = self.tr("NPS %1 · n = %2").replace("%1", signed(nps.rounded))
        self.caption.setText(text.replace("%2", str(nps.n)))
        self.caption.setToolTip(translate(TIP_FEW) if nps.few else "")
        font = self.caption.font()
        font.setBold(not nps.few)
        self.caption.setFont(font)
        self.caption.setStyleSheet(f"color: {MUTED};" if nps.few else "")
        bands = self.tr("Promoters %1 · Passives %2 · Detractors %3")
        for place, count in (("%1", nps.promoters), ("%2", nps.passives), ("%3", nps.detractors)):
            bands = bands.replace(place, str(count))
        self.bands.setText(bands)

    def order(self) -> Order:
        return Order(self.order_combo.currentData())

    def _show_comments(self) -> None:
        current = self._current_answer()
        shown = shown_answers(
            self._answers, self.search.text(), self.order(), self.empty_check.isChecked()
        )
        self.model.set_answers(shown)
        self.model.set_promoted(self._promoted)
        with_comment = sum(1 for answer in self._answers if answer["comment"].strip())
        total = len(self._answers) if self.empty_check.isChecked() else with_comment
        if len(shown) == total:
            self.count_label.setText(self.tr("Comments: %1").replace("%1", str(total)))
        else:
            text = self.tr("Comments: %1 of %2").replace("%1", str(len(shown)))
            self.count_label.setText(text.replace("%2", str(total)))
        if current is not None:
            ids = [answer["id"] for answer in shown]
            if current["id"] in ids:
                self.list.setCurrentIndex(self.model.index(ids.index(current["id"])))
        self.update_promote()

    # -- following the document ------------------------------------------------------------------

    def on_changed(self, change: Change) -> None:
        """Show again what the change touched of the card shown: its answers (imported,
        deleted, brought back), its notes from comments (promoted, deleted), the card."""
        if self._card_id is None or self._document is None:
            return
        if change.touches("touchpoint") and self._card_touched(change):
            if self._card() is None:
                self.show_card(None)
                return
            self.title.setText(self._card()["title"])  # type: ignore[index]
        if change.touches("feedback"):
            answers = self._read_answers()
            if answers != self._answers:
                self._answers = answers
                self._promoted = self._read_promoted()
                self._show_answers()
                return
        if self._answers and _notes_come_or_go(change):
            promoted = self._read_promoted()
            if promoted != self._promoted:
                self._promoted = promoted
                self.model.set_promoted(promoted)
                self.update_promote()

    def _card_touched(self, change: Change) -> bool:
        return not change.names_rows("touchpoint") or self._card_id in change.ids("touchpoint")

    # -- promoting ------------------------------------------------------------------------------

    def _current_answer(self) -> Row | None:
        index = self.list.currentIndex()
        return index.data(ANSWER_ROLE) if index.isValid() else None

    def can_promote(self, answer: Row | None) -> bool:
        document = self._document
        return (
            answer is not None
            and document is not None
            and not document.read_only
            and bool(answer["comment"].strip())
            and answer["id"] not in self._promoted
        )

    def update_promote(self, *_args: object) -> None:
        """Promote is for a comment not on the board yet, in a file that takes edits."""
        answer = self._current_answer()
        self.promote_button.setEnabled(self.can_promote(answer))
        if answer is not None and answer["id"] in self._promoted:
            self.promote_button.setToolTip(self.tr("This comment is on the board already"))
        else:
            self.promote_button.setToolTip(
                self.tr("Put the selected comment on the board as a sticky note on this card")
            )

    def promote_current(self) -> int | None:
        """Promote the selected comment to a sticky note pinned to the card; its id."""
        answer = self._current_answer()
        if not self.can_promote(answer):
            return None
        assert self._document is not None and answer is not None
        return self._document.promote_comment(answer["id"])

    def _promote_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.promote_current()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid():
            return
        self.list.setCurrentIndex(index)
        answer: Row = index.data(ANSWER_ROLE)
        menu = QMenu(self)
        promote = menu.addAction(self.tr("Promote to Sticky Note"), self.promote_current)
        promote.setEnabled(self.can_promote(answer))
        copy = menu.addAction(
            self.tr("Copy Comment"),
            lambda: QGuiApplication.clipboard().setText(answer["comment"]),
        )
        copy.setEnabled(bool(answer["comment"].strip()))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    # -- translated texts ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "No survey answers for this touchpoint. File > Import Feedback… brings them in."
            )
        )
        self.search.setPlaceholderText(self.tr("Search comments"))
        self.search.setToolTip(self.tr("Shows the comments that contain these words"))
        orders = {
            Order.LOWEST: self.tr("Lowest score first"),
            Order.HIGHEST: self.tr("Highest score first"),
            Order.NEWEST: self.tr("Newest first"),
            Order.OLDEST: self.tr("Oldest first"),
        }
        for index in range(self.order_combo.count()):
            self.order_combo.setItemText(index, orders[Order(self.order_combo.itemData(index))])
        self.order_combo.setToolTip(self.tr("The order of the comments"))
        self.empty_check.setText(self.tr("Show answers without a comment"))
        self.promote_button.setText(self.tr("Promote to Sticky Note"))
        self.delegate.on_board_text = self.tr("On the board")
        self.delegate.no_comment_text = self.tr("No comment")
        self.list.setAccessibleName(self.tr("Comments of the survey answers"))
        self._show_caption(score_distribution(answer["score"] for answer in self._answers))
        self._show_comments()
        self.delegate.forget_sizes()  # the texts of the items changed size
        self.list.doItemsLayout()


def _notes_come_or_go(change: Change) -> bool:
    """Whether the change may have put a comment on the board or taken one off: notes added or
    deleted (no edit changes the answer of a note that stays; moving notes is no news here)."""
    if not change.touches("note"):
        return False
    return (
        not change.names_rows("note")
        or bool(change.inserted.get("note"))
        or bool(change.deleted.get("note"))
    )
