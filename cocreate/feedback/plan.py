"""From the rows of a file to the answers to add: each row checked against the mapping and the
matches, then all rows or none, or the good rows only when the person chose to skip bad ones.

An answer is a plain dict: score (int 0-10), comment, date (ISO 8601 or ""), channel, stage_id
and touchpoint_id (an id or None), tier, customer_type (a PersonaKind value or ""), respondent,
and source_row (the row of the file it came from, as a spreadsheet numbers it).
No Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cocreate.feedback.fields import (
    Field,
    FieldMapping,
    RowProblem,
    ValueProblem,
    column_name,
    comment_text,
    one_line,
    parse_customer_type,
    parse_date,
    parse_score,
)
from cocreate.feedback.matching import Matching
from cocreate.feedback.reading import SourceRow, SourceTable

#: An answer to add, as the plan gives it.
Answer = dict[str, Any]

#: How many rows the mapping dialog previews.
PREVIEW_ROWS = 20


@dataclass(frozen=True)
class Targets:
    """What stage and touchpoint values become: the matches of each mapped column, and the
    stage of each card (so an answer about a card counts for its stage too)."""

    stages: Matching | None = None
    touchpoints: Matching | None = None
    card_stages: Mapping[int, int] = field(default_factory=dict)


def column_values(table: SourceTable, column: int) -> Counter[str]:
    """The distinct values of a column as they are matched (one line, trimmed), with how many
    rows give each; empty cells left out."""
    counts: Counter[str] = Counter()
    for row in table.rows:
        value = one_line(row.cell(column))
        if value:
            counts[value] += 1
    return counts


#: The answer a row gives before its cells are read.
_EMPTY_ANSWER: Answer = {
    "score": None,
    "comment": "",
    "date": "",
    "channel": "",
    "stage_id": None,
    "touchpoint_id": None,
    "tier": "",
    "customer_type": "",
    "respondent": "",
    "source_row": None,
}

#: The fields whose values repeat (a few stages, tiers, scores): each distinct text is read
#: once per import. Comments and respondent ids are nearly all different.
_REPEATING = frozenset(Field) - {Field.COMMENT, Field.RESPONDENT}


class RowChecker:
    """Reads rows into answers under one mapping and one set of matches.

    With a width (a CSV's header width), a row with text beyond it is bad: in a CSV that is
    a delimiter in an unquoted field, which shifts every cell after it. A workbook's cells
    cannot shift, so its side notes beyond the header are left alone."""

    def __init__(
        self,
        headers: Sequence[str],
        mapping: FieldMapping,
        targets: Targets,
        width: int | None = None,
    ) -> None:
        self.headers = headers
        self.targets = targets
        self.width = width
        self.stage_column = mapping.get(Field.STAGE)
        self.card_column = mapping.get(Field.TOUCHPOINT)
        self.columns = [
            (field_, column, _KEYS[field_], self._reader(field_), {})
            for field_, column in sorted(mapping.items(), key=lambda item: item[1])
        ]

    def _reader(self, field_: Field) -> Callable[[str], Any]:
        if field_ is Field.STAGE:
            return lambda text: _target(
                one_line(text), self.targets.stages, ValueProblem.UNKNOWN_STAGE
            )
        if field_ is Field.TOUCHPOINT:
            return lambda text: _target(
                one_line(text), self.targets.touchpoints, ValueProblem.UNKNOWN_TOUCHPOINT
            )
        return _READERS[field_]

    def check(self, row: SourceRow) -> tuple[Answer | None, list[RowProblem]]:
        """The answer a row gives, or None with the problems of its cells (left to right)."""
        answer = dict(_EMPTY_ANSWER)
        answer["source_row"] = row.number
        problems: list[RowProblem] = []
        cells, formulas = row.cells, row.formulas
        for field_, column, key, read, seen in self.columns:
            text = cells[column] if column < len(cells) else ""
            if formulas and column in formulas:
                problems.append(self._problem(row, column, field_, ValueProblem.FORMULA))
                continue
            value = seen.get(text, _UNSEEN) if field_ in _REPEATING else _UNSEEN
            if value is _UNSEEN:
                value = read(text)
                if field_ in _REPEATING:
                    seen[text] = value
            if isinstance(value, ValueProblem):
                problems.append(self._problem(row, column, field_, value))
            else:
                answer[key] = value
        self._check_card_stage(row, answer, problems)
        if self.width is not None and len(cells) > self.width:
            self._check_extra_cells(row, problems)
        if problems:
            return None, problems
        return answer, []

    def _problem(
        self, row: SourceRow, column: int, field_: Field | None, kind: ValueProblem
    ) -> RowProblem:
        name = column_name(self.headers, column)
        return RowProblem(row.number, name, field_, kind, row.cell(column))

    def _check_card_stage(self, row: SourceRow, answer: Answer, problems: list[RowProblem]) -> None:
        """An answer about a card counts for the card's stage; a row naming another stage is
        wrong."""
        card = answer["touchpoint_id"]
        if card is None or card not in self.targets.card_stages:
            return
        stage = self.targets.card_stages[card]
        if answer["stage_id"] is None:
            column = self.stage_column
            if column is None or not one_line(row.cell(column)):  # a dropped stage stays so
                answer["stage_id"] = stage
        elif answer["stage_id"] != stage:
            assert self.card_column is not None
            problems.append(
                self._problem(row, self.card_column, Field.TOUCHPOINT, ValueProblem.OTHER_STAGE)
            )

    def _check_extra_cells(self, row: SourceRow, problems: list[RowProblem]) -> None:
        assert self.width is not None
        for column in range(self.width, len(row.cells)):
            if row.cells[column].strip():
                problems.append(self._problem(row, column, None, ValueProblem.EXTRA_CELLS))
                return


_UNSEEN = object()

#: The answer's key for each field.
_KEYS: dict[Field, str] = {
    Field.SCORE: "score",
    Field.COMMENT: "comment",
    Field.DATE: "date",
    Field.CHANNEL: "channel",
    Field.STAGE: "stage_id",
    Field.TOUCHPOINT: "touchpoint_id",
    Field.TIER: "tier",
    Field.CUSTOMER_TYPE: "customer_type",
    Field.RESPONDENT: "respondent",
}

#: How a cell's text is read for each field but the stage and the touchpoint.
_READERS: dict[Field, Callable[[str], Any]] = {
    Field.SCORE: parse_score,
    Field.COMMENT: comment_text,
    Field.DATE: parse_date,
    Field.CHANNEL: one_line,
    Field.TIER: one_line,
    Field.CUSTOMER_TYPE: parse_customer_type,
    Field.RESPONDENT: one_line,
}


def _target(value: str, matching: Matching | None, unknown: ValueProblem) -> Any:
    if not value:
        return None
    if matching is None or value not in matching:
        return unknown
    return matching.target(value)


def check_row(
    row: SourceRow,
    headers: Sequence[str],
    mapping: FieldMapping,
    targets: Targets,
    width: int | None = None,
) -> tuple[Answer | None, list[RowProblem]]:
    """The answer one row gives, or None with its problems (see RowChecker)."""
    return RowChecker(headers, mapping, targets, width).check(row)


@dataclass(frozen=True)
class ImportPlan:
    """What an import adds: every answer, or (when bad rows are skipped) the good ones."""

    answers: list[Answer]  # empty when a row is bad and bad rows are not skipped
    rows: int  # the rows with answers in the file
    bad_rows: int  # the rows with at least one problem
    first_problem: RowProblem | None  # the first problem of the first bad row
    skip_bad: bool

    @property
    def ok(self) -> bool:
        """Whether the import can go ahead: every row is good, or bad rows are skipped and at
        least one row is good."""
        return bool(self.answers)

    @property
    def skipped(self) -> int:
        return self.bad_rows if self.skip_bad else 0


def plan_import(
    table: SourceTable, mapping: FieldMapping, targets: Targets, skip_bad: bool = False
) -> ImportPlan:
    """The answers to add from every row of the file: all or none, unless skip_bad.

    Raises ValueError when the mapping has no score or names a column the file lacks."""
    _check_mapping(table, mapping)
    checker = RowChecker(table.headers, mapping, targets, _strict_width(table))
    answers: list[Answer] = []
    bad = 0
    first: RowProblem | None = None
    for row in table.rows:
        answer, problems = checker.check(row)
        if answer is None:
            bad += 1
            first = first or problems[0]
        elif skip_bad or not bad:
            answers.append(answer)
    if bad and not skip_bad:
        answers = []
    return ImportPlan(answers, len(table.rows), bad, first, skip_bad)


def preview(
    table: SourceTable, mapping: FieldMapping, targets: Targets, limit: int = PREVIEW_ROWS
) -> list[tuple[SourceRow, Answer | None, list[RowProblem]]]:
    """The first rows of the file, each with its answer or its problems, for the dialog."""
    _check_mapping(table, mapping)
    shown = []
    checker = RowChecker(table.headers, mapping, targets, _strict_width(table))
    for row in table.rows[:limit]:
        answer, problems = checker.check(row)
        shown.append((row, answer, problems))
    return shown


def _strict_width(table: SourceTable) -> int | None:
    return len(table.headers) if table.kind == "csv" else None


def _check_mapping(table: SourceTable, mapping: FieldMapping) -> None:
    if Field.SCORE not in mapping:
        raise ValueError("the mapping has no column for the score")
    width = max((len(row.cells) for row in table.rows), default=0)
    for field_, column in mapping.items():
        if not 0 <= column < max(width, len(table.headers)):
            raise ValueError(f"the file has no column {column} for {field_.value}")
