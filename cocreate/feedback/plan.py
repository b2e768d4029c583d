"""From the rows of a file to the answers to add: each row checked against the mapping and the
matches, then all rows or none, or the good rows only when the person chose to skip bad ones.

An answer is a plain dict: score (int 0-10), comment, date (ISO 8601 or ""), channel, stage_id
and touchpoint_id (an id or None), tier, customer_type (a PersonaKind value or ""), respondent.
No Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
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

#: The one-line text fields and the answer's key for each.
_TEXTS = {
    Field.CHANNEL: "channel",
    Field.TIER: "tier",
    Field.RESPONDENT: "respondent",
}


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


@dataclass
class _RowCheck:
    row: SourceRow
    headers: Sequence[str]
    problems: list[RowProblem] = field(default_factory=list)

    def cell(self, column: int, field_: Field | None) -> str | None:
        """The cell's text, or None (with a problem) when it holds a formula."""
        text = self.row.cell(column)
        if column in self.row.formulas:
            self.problem(column, field_, ValueProblem.FORMULA, text)
            return None
        return text

    def problem(self, column: int, field_: Field | None, kind: ValueProblem, text: str) -> None:
        name = column_name(self.headers, column)
        self.problems.append(RowProblem(self.row.number, name, field_, kind, text))


def check_row(
    row: SourceRow,
    headers: Sequence[str],
    mapping: FieldMapping,
    targets: Targets,
    width: int | None = None,
) -> tuple[Answer | None, list[RowProblem]]:
    """The answer a row gives, or None with the problems of its cells (left to right).

    With a width (a CSV's header width), a row with text beyond it is bad: in a CSV that is
    a delimiter in an unquoted field, which shifts every cell after it. A workbook's cells
    cannot shift, so its side notes beyond the header are left alone."""
    check = _RowCheck(row, headers)
    answer: Answer = {
        "score": None,
        "comment": "",
        "date": "",
        "channel": "",
        "stage_id": None,
        "touchpoint_id": None,
        "tier": "",
        "customer_type": "",
        "respondent": "",
    }
    for field_, column in sorted(mapping.items(), key=lambda item: item[1]):
        text = check.cell(column, field_)
        if text is not None:
            _read_field(check, answer, field_, column, text, targets)
    _check_card_stage(check, answer, mapping, targets)
    if width is not None:
        _check_extra_cells(check, width)
    if check.problems:
        return None, check.problems
    return answer, []


def _read_field(
    check: _RowCheck, answer: Answer, field_: Field, column: int, text: str, targets: Targets
) -> None:
    value: Any
    if field_ is Field.SCORE:
        value = parse_score(text)
        key = "score"
    elif field_ is Field.DATE:
        value = parse_date(text)
        key = "date"
    elif field_ is Field.CUSTOMER_TYPE:
        value = parse_customer_type(text)
        key = "customer_type"
    elif field_ is Field.COMMENT:
        value, key = comment_text(text), "comment"
    elif field_ in (Field.STAGE, Field.TOUCHPOINT):
        value, key = _target(field_, one_line(text), targets)
    else:
        value, key = one_line(text), _TEXTS[field_]
    if isinstance(value, ValueProblem):
        check.problem(column, field_, value, text)
    else:
        answer[key] = value


def _target(field_: Field, value: str, targets: Targets) -> tuple[Any, str]:
    if field_ is Field.STAGE:
        matching, key, unknown = targets.stages, "stage_id", ValueProblem.UNKNOWN_STAGE
    else:
        matching, key, unknown = (
            targets.touchpoints,
            "touchpoint_id",
            ValueProblem.UNKNOWN_TOUCHPOINT,
        )
    if not value:
        return None, key
    if matching is None or value not in matching:
        return unknown, key
    return matching.target(value), key


def _check_card_stage(
    check: _RowCheck, answer: Answer, mapping: FieldMapping, targets: Targets
) -> None:
    """An answer about a card counts for the card's stage; a row naming another stage is wrong."""
    card = answer["touchpoint_id"]
    if card is None or card not in targets.card_stages:
        return
    stage = targets.card_stages[card]
    if answer["stage_id"] is None:
        stage_column = mapping.get(Field.STAGE)
        named = stage_column is not None and one_line(check.row.cell(stage_column))
        if not named:  # a stage the person chose to drop stays dropped
            answer["stage_id"] = stage
    elif answer["stage_id"] != stage:
        column = mapping[Field.TOUCHPOINT]
        check.problem(column, Field.TOUCHPOINT, ValueProblem.OTHER_STAGE, check.row.cell(column))


def _check_extra_cells(check: _RowCheck, width: int) -> None:
    for column in range(width, len(check.row.cells)):
        if check.row.cells[column].strip():
            check.problem(column, None, ValueProblem.EXTRA_CELLS, check.row.cells[column])
            return


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
    width = _strict_width(table)
    answers: list[Answer] = []
    bad = 0
    first: RowProblem | None = None
    for row in table.rows:
        answer, problems = check_row(row, table.headers, mapping, targets, width)
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
    width = _strict_width(table)
    for row in table.rows[:limit]:
        answer, problems = check_row(row, table.headers, mapping, targets, width)
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
