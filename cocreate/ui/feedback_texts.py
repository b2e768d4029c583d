"""What the feedback import says, in the window's language: the fields' names, why a file cannot
be read (per ReadProblem) and what is wrong with a cell (per ValueProblem). cocreate.feedback
says these in English for the command line; the window says them through its translations."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cocreate.feedback import FeedbackFileError, Field, ReadProblem, RowProblem, ValueProblem
from cocreate.feedback.reading import FILE_MAX
from cocreate.path_checks import shown
from cocreate.rules import ROWS_MAX
from cocreate.ui.actions import plain_text

CONTEXT = "FeedbackTexts"

FIELD_LABELS: dict[Field, str] = {
    Field.SCORE: QT_TRANSLATE_NOOP("FeedbackTexts", "&Score (0–10):"),
    Field.COMMENT: QT_TRANSLATE_NOOP("FeedbackTexts", "&Comment:"),
    Field.DATE: QT_TRANSLATE_NOOP("FeedbackTexts", "&Date:"),
    Field.CHANNEL: QT_TRANSLATE_NOOP("FeedbackTexts", "C&hannel:"),
    Field.STAGE: QT_TRANSLATE_NOOP("FeedbackTexts", "S&tage:"),
    Field.TOUCHPOINT: QT_TRANSLATE_NOOP("FeedbackTexts", "T&ouchpoint:"),
    Field.TIER: QT_TRANSLATE_NOOP("FeedbackTexts", "&Member tier:"),
    Field.CUSTOMER_TYPE: QT_TRANSLATE_NOOP("FeedbackTexts", "C&ustomer type:"),
    Field.RESPONDENT: QT_TRANSLATE_NOOP("FeedbackTexts", "&Respondent ID:"),
}

#: Why a file cannot be read and what to do; %1 is the file (and, where given, its row).
READ_PROBLEMS: dict[ReadProblem, str] = {
    ReadProblem.NOT_FOUND: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "%1 does not exist: check the path or choose another file."
    ),
    ReadProblem.IS_FOLDER: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "%1 is a folder: choose a CSV or XLSX file."
    ),
    ReadProblem.NOT_A_FILE: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "%1 is a device or a pipe, not a file: choose a CSV or XLSX file."
    ),
    ReadProblem.BAD_PATH: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "%1 cannot be opened: choose another file."
    ),
    ReadProblem.UNREADABLE: QT_TRANSLATE_NOOP(
        "FeedbackTexts",
        "%1 cannot be read (permission denied): copy it into a folder of yours and choose"
        " the copy.",
    ),
    ReadProblem.TOO_LARGE: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "%1 is larger than %2 MB: split the answers into smaller files."
    ),
    ReadProblem.EMPTY: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "%1 holds no rows: choose the file with the answers."
    ),
    ReadProblem.HEADER_ONLY: QT_TRANSLATE_NOOP(
        "FeedbackTexts",
        "%1 holds a header row but no answers below it: choose the file with the answers.",
    ),
    ReadProblem.TOO_MANY_ROWS: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "%1 holds more than %2 answers: split it into smaller files."
    ),
    ReadProblem.NOT_TEXT: QT_TRANSLATE_NOOP(
        "FeedbackTexts",
        "%1 is not a text CSV (it is UTF-16 or binary): save it again as CSV UTF-8.",
    ),
    ReadProblem.ENCODING: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "%1 is neither UTF-8 nor GB18030 text: save it again as CSV UTF-8."
    ),
    ReadProblem.BAD_CSV: QT_TRANSLATE_NOOP(
        "FeedbackTexts",
        "%1 is not a well-formed CSV (a quote that does not close): fix that row, or save the"
        " file again from the spreadsheet.",
    ),
    ReadProblem.NOT_XLSX: QT_TRANSLATE_NOOP(
        "FeedbackTexts",
        "%1 is not an XLSX workbook, or it is damaged: save it again as .xlsx or as CSV UTF-8.",
    ),
    ReadProblem.OLD_WORKBOOK: QT_TRANSLATE_NOOP(
        "FeedbackTexts",
        "%1 is an Excel 97-2003 workbook or has a password: save it as .xlsx without a"
        " password, or as CSV UTF-8.",
    ),
}

#: What is wrong with a cell.
VALUE_PROBLEMS: dict[ValueProblem, str] = {
    ValueProblem.SCORE_EMPTY: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "the score is empty; every answer needs a score from 0 to 10"
    ),
    ValueProblem.SCORE_NOT_A_NUMBER: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "the score is not a number from 0 to 10"
    ),
    ValueProblem.SCORE_NOT_WHOLE: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "the score must be a whole number from 0 to 10"
    ),
    ValueProblem.SCORE_OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "the score is outside 0 to 10"
    ),
    ValueProblem.FORMULA: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "the cell holds a formula, which is not calculated: paste the values"
    ),
    ValueProblem.BAD_DATE: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "not a date; write it as 2026-03-05, 2026/3/5 or 2026年3月5日"
    ),
    ValueProblem.UNKNOWN_CUSTOMER_TYPE: QT_TRANSLATE_NOOP(
        "FeedbackTexts",
        "not one of the four customer types: loyal, purpose-driven, occasional,"
        " information-seeking",
    ),
    ValueProblem.UNKNOWN_STAGE: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "no stage of the journey has this name: choose one below"
    ),
    ValueProblem.UNKNOWN_TOUCHPOINT: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "no touchpoint of the journey has this name: choose one below"
    ),
    ValueProblem.OTHER_STAGE: QT_TRANSLATE_NOOP(
        "FeedbackTexts", "the touchpoint is in another stage than the one the row names"
    ),
    ValueProblem.EXTRA_CELLS: QT_TRANSLATE_NOOP(
        "FeedbackTexts",
        "the row has more cells than the header (a comma inside a comment without quotes?)",
    ),
}

#: Where the reader says the file went wrong ("row 7: …" or "line 7").
_DETAIL_PLACE = re.compile(r"^(?:row|line) (\d+)\b")
_PLACE = re.compile(r"%(\d)")
#: The longest cell text a message quotes.
QUOTED_MAX = 40


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def fill(template: str, *values: object) -> str:
    """A text with %1, %2, … replaced in one pass, so that a value holding "%2" stays as it is."""
    return _PLACE.sub(
        lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values) else m[0],
        template,
    )


def field_label(field: Field) -> str:
    return translate(FIELD_LABELS[field])


def field_name(field: Field) -> str:
    """A field's name without its mnemonic and colon ("Score (0–10)")."""
    return plain_text(field_label(field)).rstrip(":：")


def read_failure(error: FeedbackFileError) -> str:
    """One line naming the file (and its row, where the reader knows it) and what to do."""
    name = shown(error.path.name)
    where = fill(QCoreApplication.translate("FeedbackTexts", "“%1”"), name)
    place = _DETAIL_PLACE.match(error.detail)
    if place and error.problem in (ReadProblem.BAD_CSV, ReadProblem.ENCODING):
        where = fill(
            QCoreApplication.translate("FeedbackTexts", "“%1” (row %2)"), name, place.group(1)
        )
    figure = {
        ReadProblem.TOO_LARGE: str(FILE_MAX // (1024 * 1024)),
        ReadProblem.TOO_MANY_ROWS: f"{ROWS_MAX:,}",
    }.get(error.problem, "")
    return fill(translate(READ_PROBLEMS[error.problem]), where, figure)


def quoted_value(value: str) -> str:
    """A cell's text as a message quotes it: on one line, at most QUOTED_MAX characters."""
    line = " ".join(value.split())
    if len(line) > QUOTED_MAX:
        line = line[: QUOTED_MAX - 1] + "…"
    return (
        fill(QCoreApplication.translate("FeedbackTexts", "“%1”"), line)
        if line
        else QCoreApplication.translate("FeedbackTexts", "(empty)")
    )


def cell_problem(problem: RowProblem) -> str:
    """What is wrong with a cell, with its text: for the cell's tooltip."""
    return fill(
        QCoreApplication.translate("FeedbackTexts", "%1 (%2)"),
        translate(VALUE_PROBLEMS[problem.problem]),
        quoted_value(problem.value),
    )


def column_problem(problem: RowProblem) -> str:
    """A cell's problem naming its column: for the preview's problems column."""
    return fill(
        QCoreApplication.translate("FeedbackTexts", "column %1: %2"),
        problem.column,
        cell_problem(problem),
    )


def row_problem(problem: RowProblem) -> str:
    """A cell's problem naming its row and column: for the summary line."""
    return fill(
        QCoreApplication.translate("FeedbackTexts", "row %1, column %2: %3"),
        problem.row,
        problem.column,
        cell_problem(problem),
    )
