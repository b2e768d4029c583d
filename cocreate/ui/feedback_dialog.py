"""File > Import Feedback…: survey answers from a CSV or XLSX file into a journey.

The dialog reads the file off the window's thread, guesses which column holds each field, and
after every change (journey, a column, a match) matches, previews and plans again on its worker
(cocreate.ui.feedback_work). Import hands the planned answers to the document in one undo step;
Cancel changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocreate.document import Document
from cocreate.feedback import FeedbackFileError, Field, SourceTable, guess_mapping
from cocreate.feedback.answers import AnswerError
from cocreate.feedback.fields import column_letters
from cocreate.feedback.plan import PREVIEW_ROWS
from cocreate.path_checks import shown
from cocreate.ui.feedback_tables import MATCH_ROWS_MAX, MatchTable, PreviewTable
from cocreate.ui.feedback_texts import field_label, fill, read_failure, row_problem
from cocreate.ui.feedback_work import (
    Analysis,
    ColumnValues,
    JourneyChoices,
    Request,
    Stop,
    Worker,
    analyse,
    read_job,
)
from cocreate.ui.file_errors import os_error_text

#: The fields in the order the dialog lists them (three columns of three).
FIELD_ORDER = (
    Field.SCORE,
    Field.COMMENT,
    Field.DATE,
    Field.STAGE,
    Field.TOUCHPOINT,
    Field.CHANNEL,
    Field.CUSTOMER_TYPE,
    Field.TIER,
    Field.RESPONDENT,
)
FIELDS_PER_COLUMN = 3
#: The dialog's size where the screen has room for it.
PREFERRED_SIZE = QSize(1040, 760)
#: A combo's data for "no column".
NO_COLUMN = -1
#: The error line's colour.
ERROR_COLOR = "#b3261e"


def journey_choices(document: Document, journey_id: int) -> JourneyChoices:
    """A journey's stages and their cards, in the order the canvas shows them."""
    lanes = {lane["id"]: lane["position"] for lane in document.rows("lane", journey_id=journey_id)}
    cards = document.rows("touchpoint", journey_id=journey_id)
    cards.sort(key=lambda card: (lanes.get(card["lane_id"], 0), card["position"], card["id"]))
    stops = []
    for stage in document.rows("stage", order_by="position", journey_id=journey_id):
        own = tuple(
            (card["id"], card["title"]) for card in cards if card["stage_id"] == stage["id"]
        )
        stops.append(Stop(stage["id"], stage["name"], own))
    return JourneyChoices(journey_id, tuple(stops))


class FeedbackImportDialog(QDialog):
    """Maps a file's columns to the fields of an answer, previews and matches, and imports."""

    def __init__(
        self,
        document: Document,
        path: Path,
        journey_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackImportDialog")
        self.document = document
        self.path = path
        self.table: SourceTable | None = None
        self.analysis: Analysis | None = None
        self.imported = 0
        self._values: ColumnValues | None = None
        self._number = 0
        self._waiting = False  # for the worker's answer to the latest request
        self._choices: JourneyChoices | None = None
        self.worker = Worker(self)
        self.worker.finished.connect(self._finished)
        self._build(journey_id)
        self.retranslate()
        self._read(path)

    # -- layout ---------------------------------------------------------------------------------

    def _build(self, journey_id: int | None) -> None:
        self.file_label = QLabel()
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_another_file)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(160)
        self.error_label = QLabel()
        self.error_label.setObjectName("feedbackError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error_label.hide()
        self.journey_combo = QComboBox()
        for journey in self.document.rows("journey", order_by="position"):
            self.journey_combo.addItem(
                journey["name"] or self.tr("Untitled journey"), journey["id"]
            )
        if journey_id is not None:
            self.journey_combo.setCurrentIndex(max(0, self.journey_combo.findData(journey_id)))
        self.journey_combo.currentIndexChanged.connect(self._journey_changed)
        self.field_combos: dict[Field, QComboBox] = {}
        self.field_labels: dict[Field, QLabel] = {}
        self.columns_box = QGroupBox()
        columns = QHBoxLayout(self.columns_box)
        for start in range(0, len(FIELD_ORDER), FIELDS_PER_COLUMN):
            form = QFormLayout()
            for field in FIELD_ORDER[start : start + FIELDS_PER_COLUMN]:
                combo = QComboBox()
                combo.setObjectName(f"{field.value}Column")
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                combo.setMinimumContentsLength(14)
                combo.currentIndexChanged.connect(lambda _i, f=field: self._column_changed(f))
                label = QLabel()
                label.setBuddy(combo)
                form.addRow(label, combo)
                self.field_combos[field] = combo
                self.field_labels[field] = label
            columns.addLayout(form, 1)
        self.preview_label = QLabel()
        self.preview = PreviewTable()
        self.stage_matches = MatchTable(cards=False)
        self.card_matches = MatchTable(cards=True)
        self.stage_matches.chosen.connect(self._matches_changed)
        self.card_matches.chosen.connect(self._matches_changed)
        self.stage_box = self._boxed(self.stage_matches)
        self.card_box = self._boxed(self.card_matches)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("feedbackSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.skip_box = QCheckBox()
        self.skip_box.toggled.connect(self._update_import)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.import_answers)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _boxed(self, table: MatchTable) -> QGroupBox:
        box = QGroupBox()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(table)
        box.hide()
        return box

    def _lay_out(self) -> None:
        top = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.busy_bar)
        file_row.addWidget(self.choose_button)
        self.file_title = QLabel()
        self.journey_title = QLabel()
        self.journey_title.setBuddy(self.journey_combo)
        top.addRow(self.file_title, file_row)
        top.addRow(self.journey_title, self.journey_combo)
        preview_page = QWidget()
        preview_layout = QVBoxLayout(preview_page)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_label)
        preview_layout.addWidget(self.preview, 1)
        matches_page = QWidget()
        matches = QHBoxLayout(matches_page)
        matches.setContentsMargins(0, 0, 0, 0)
        matches.addWidget(self.stage_box, 2)
        matches.addWidget(self.card_box, 3)
        self.matches_page = matches_page
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(preview_page)
        splitter.addWidget(matches_page)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.columns_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.buttons)
        room = self.screen().availableGeometry().size() - QSize(40, 80)
        self.resize(PREFERRED_SIZE.boundedTo(room).expandedTo(self.minimumSizeHint()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import Feedback"))
        self.file_title.setText(self.tr("File:"))
        self.choose_button.setText(self.tr("Choose &Another File…"))
        self.journey_title.setText(self.tr("&Journey:"))
        self.columns_box.setTitle(self.tr("Which column holds each answer's…"))
        for field, label in self.field_labels.items():
            label.setText(field_label(field))
        self.preview_label.setText(self.tr("The first 20 rows of the file:"))
        self._title_matches()
        self.stage_matches.retranslate()
        self.card_matches.retranslate()
        self.import_button.setText(self.tr("&Import"))
        self._show_file()
        self._show_state()

    # -- reading the file -----------------------------------------------------------------------

    def choose_another_file(self) -> None:
        path = ask_for_file(self, self.path.parent)
        if path is not None:
            self._read(path)

    def _read(self, path: Path) -> None:
        self.path = path
        self.table = self._values = self.analysis = None
        self.error_label.hide()
        self._number += 1
        self._waiting = True
        self.worker.start(self._number, read_job(path))
        self._show_file()
        self._show_state()

    def _show_file(self) -> None:
        if self.table is None and self._waiting:
            self.file_label.setText(fill(self.tr("Reading “%1”…"), shown(self.path.name)))
            return
        self.file_label.setText(shown(self.path))
        self.file_label.setToolTip(shown(self.path))

    @property
    def worker_busy(self) -> bool:
        """Whether the worker is still on the latest request."""
        return self._waiting

    def _finished(self, number: int, outcome: object) -> None:
        if number != self._number:
            return  # a later change asked again
        self._waiting = False
        if isinstance(outcome, Analysis):
            self._analysed(outcome)
        elif isinstance(outcome, SourceTable):
            self._loaded(outcome)
        elif isinstance(outcome, FeedbackFileError):
            self._failed(read_failure(outcome))
        elif isinstance(outcome, BaseException):
            self._failed(
                fill(
                    self.tr("“%1” could not be read: %2."),
                    shown(self.path.name),
                    os_error_text(outcome),
                )
            )

    def _failed(self, text: str) -> None:
        self.table = None
        self.error_label.setText(text)
        self.error_label.show()
        self._fill_column_combos(())
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self._forget_matches()
        self._show_file()
        self._show_state()

    def _loaded(self, table: SourceTable) -> None:
        self.table = table
        self._values = ColumnValues(table)
        self._fill_column_combos(table.headers, guess_mapping(table.headers))
        self._forget_matches()
        self._show_file()
        self._analyse()

    def _fill_column_combos(self, headers: tuple[str, ...], mapping: dict | None = None) -> None:
        mapping = mapping or {}
        for field, combo in self.field_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), NO_COLUMN)
            for column, header in enumerate(headers):
                name = " ".join(header.split())
                text = f"{column_letters(column)} · {name}" if name else column_letters(column)
                combo.addItem(text, column)
                combo.setItemData(column + 1, header, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(mapping.get(field, NO_COLUMN) + 1)
            combo.setEnabled(bool(headers))
            combo.blockSignals(False)

    # -- changes and analysis -------------------------------------------------------------------

    def mapping(self) -> dict[Field, int]:
        chosen = {field: combo.currentData() for field, combo in self.field_combos.items()}
        return {field: column for field, column in chosen.items() if column != NO_COLUMN}

    def journey_id(self) -> int | None:
        data = self.journey_combo.currentData()
        return data if isinstance(data, int) else None

    def _journey_changed(self, _index: int) -> None:
        self._choices = None
        self._forget_matches()  # the choices were the other journey's stages and cards
        self._analyse()

    def _column_changed(self, field: Field) -> None:
        if field is Field.STAGE:
            self.stage_matches.forget()
        elif field is Field.TOUCHPOINT:
            self.card_matches.forget()
        self._analyse()

    def _matches_changed(self) -> None:
        self._analyse()

    def _forget_matches(self) -> None:
        self.stage_matches.forget()
        self.card_matches.forget()

    def choices(self) -> JourneyChoices | None:
        journey_id = self.journey_id()
        if journey_id is None:
            return None
        if self._choices is None or self._choices.journey_id != journey_id:
            self._choices = journey_choices(self.document, journey_id)
        return self._choices

    def _analyse(self) -> None:
        """Ask the worker to match, preview and plan for the dialog's choices as they are."""
        self.error_label.hide()  # a change answers what it said
        choices = self.choices()
        if self.table is None or self._values is None or choices is None:
            self._show_state()
            return
        self._number += 1
        self._waiting = True
        request = Request(
            self._number,
            self.table,
            self.mapping(),
            choices,
            self.stage_matches.overrides(),
            self.card_matches.overrides(),
        )
        values = self._values
        self.worker.start(self._number, lambda: analyse(request, values))
        self._show_state()

    def _analysed(self, analysis: Analysis) -> None:
        self.analysis = analysis
        request = analysis.request
        assert self.table is not None
        rows = self.table.rows[:PREVIEW_ROWS]
        self.preview.show_rows(self.table, request.mapping, analysis.shown, rows)
        self.stage_matches.show_values(
            analysis.stages_to_match, request.choices, request.stage_overrides
        )
        self.card_matches.show_values(
            analysis.cards_to_match, request.choices, request.card_overrides
        )
        self.stage_box.setVisible(bool(analysis.stages_to_match))
        self.card_box.setVisible(bool(analysis.cards_to_match))
        self._title_matches()
        self._show_state()

    def _title_matches(self) -> None:
        """Each match table's title, with how many values it lists."""
        stages = self.analysis.stages_to_match if self.analysis is not None else ()
        cards = self.analysis.cards_to_match if self.analysis is not None else ()
        self.stage_box.setTitle(
            self._match_title(self.tr("Stages not found in the journey: %1"), len(stages))
        )
        self.card_box.setTitle(
            self._match_title(self.tr("Touchpoints not found in the journey: %1"), len(cards))
        )

    def _match_title(self, text: str, count: int) -> str:
        title = fill(text, f"{count:,}")
        if count <= MATCH_ROWS_MAX:
            return title
        listed = fill(self.tr("the %1 with the most answers are listed"), MATCH_ROWS_MAX)
        return fill(self.tr("%1 (%2)"), title, listed)

    # -- state ----------------------------------------------------------------------------------

    def _show_state(self) -> None:
        busy = self.worker_busy
        self.busy_bar.setVisible(busy)
        self.matches_page.setVisible(not (self.stage_box.isHidden() and self.card_box.isHidden()))
        self.summary_label.setText(self._summary(busy))
        plan = self.analysis.plan if self.analysis is not None and not busy else None
        bad = plan.bad_rows if plan is not None else 0
        if bad == 1:
            self.skip_box.setText(self.tr("&Skip the bad row"))
        else:
            self.skip_box.setText(fill(self.tr("&Skip the %1 bad rows"), f"{bad:,}"))
        self.skip_box.setVisible(bad > 0)
        self._update_import()

    def _summary(self, busy: bool) -> str:
        if self.table is None:
            return ""
        if busy:
            return self.tr("Checking the rows…")
        if Field.SCORE not in self.mapping():
            return self.tr("Choose the column that holds the score (0–10).")
        assert self.analysis is not None and self.analysis.plan is not None
        plan = self.analysis.plan
        ready = plan.rows - plan.bad_rows
        if not plan.bad_rows:
            return fill(self.tr("All %1 rows are ready."), f"{plan.rows:,}")
        assert plan.first_problem is not None
        return fill(
            self.tr("%1 of %2 rows ready; %3 have problems (first: %4)."),
            f"{ready:,}",
            f"{plan.rows:,}",
            f"{plan.bad_rows:,}",
            row_problem(plan.first_problem),
        )

    def can_import(self) -> bool:
        """A score column, a plan for the choices as they are, and no bad row (or skipped)."""
        if self.worker_busy or self.analysis is None or self.journey_id() is None:
            return False
        plan = self.analysis.plan
        if plan is None or not plan.answers or self.document.read_only:
            return False
        return not plan.bad_rows or self.skip_box.isChecked()

    def _update_import(self, *_args: object) -> None:
        self.import_button.setEnabled(self.can_import())

    # -- import ---------------------------------------------------------------------------------

    def import_answers(self) -> None:
        if not self.can_import():
            return
        assert self.analysis is not None and self.analysis.plan is not None
        journey_id = self.journey_id()
        assert journey_id is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # 10 000 answers: a second
        try:
            self.imported = self.document.import_feedback(
                journey_id, self.analysis.plan.answers, self.path.name
            )
        except AnswerError:  # a stage or card went while the dialog was open
            self._choices = None
            self._forget_matches()
            self._analyse()
            self.error_label.setText(
                self.tr("The journey changed meanwhile: check the columns and the matches again.")
            )
            self.error_label.show()
            return
        finally:
            QApplication.restoreOverrideCursor()
        if self.imported:
            self.accept()

    def journey_name(self) -> str:
        return self.journey_combo.currentText()

    def done(self, result: int) -> None:
        self.worker.wait()  # no job may report to a dialog that is gone
        super().done(result)


def ask_for_file(parent: QWidget, folder: Path) -> Path | None:
    """The person's choice of a CSV or XLSX file of survey answers, or None."""
    translate = QCoreApplication.translate
    filters = [
        translate("FeedbackImportDialog", "Survey answers (*.csv *.xlsx *.xlsm *.txt *.tsv)"),
        translate("FeedbackImportDialog", "CSV (*.csv *.txt *.tsv)"),
        translate("FeedbackImportDialog", "Excel workbook (*.xlsx *.xlsm)"),
        translate("FeedbackImportDialog", "All files (*)"),
    ]
    title = translate("FeedbackImportDialog", "Import Feedback")
    path, _ = QFileDialog.getOpenFileName(parent, title, str(folder), ";;".join(filters))
    return Path(path) if path else None
