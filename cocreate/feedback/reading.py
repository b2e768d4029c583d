"""Survey answers as a file holds them: the header names and the rows as strings, each row with
its number in the file (1-based, the header's row included, as a spreadsheet numbers them).

Two kinds of file:

- CSV: UTF-8 with or without a byte-order mark, else GB18030 (what Excel and WPS save on a
  Chinese Windows); comma, tab or semicolon between fields, found from the header line; quoted
  fields may hold delimiters, quotes and line breaks. A row's number is its record's number,
  which is the row a spreadsheet shows it on.
- XLSX: the first worksheet, read in openpyxl's read-only mode. Values are read, never formulas:
  a cell holding a formula is kept as its formula text and marked, so the row gets a problem
  (cocreate.feedback.fields); nothing is ever evaluated.

Nothing is interpreted here: that is cocreate.feedback.fields. A file that cannot be read raises
FeedbackFileError, whose problem the window translates and whose message says it in English.
No Qt.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import stat
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from cocreate import path_checks
from cocreate.rules import ROWS_MAX, clean_text

#: The largest file read (bytes on the disk).
FILE_MAX = 50 * 1024 * 1024
#: The most an XLSX may unpack to: a small zip that unpacks to gigabytes is refused unread.
UNPACKED_MAX = 10 * FILE_MAX
#: The delimiters a CSV may use, in the order a tie between them is decided.
DELIMITERS = ("\t", ";", ",")
#: File name endings read as a workbook.
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
#: Old binary workbooks (Excel 97-2003) and password-protected workbooks are OLE files.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


class ReadProblem(StrEnum):
    NOT_FOUND = "not_found"
    IS_FOLDER = "is_folder"
    NOT_A_FILE = "not_a_file"
    BAD_PATH = "bad_path"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    EMPTY = "empty"
    HEADER_ONLY = "header_only"
    TOO_MANY_ROWS = "too_many_rows"
    NOT_TEXT = "not_text"
    ENCODING = "encoding"
    BAD_CSV = "bad_csv"
    NOT_XLSX = "not_xlsx"
    OLD_WORKBOOK = "old_workbook"


#: What each problem means and what to do, in English; the window shows its own translation.
MESSAGES: dict[ReadProblem, str] = {
    ReadProblem.NOT_FOUND: "the file does not exist; check the path",
    ReadProblem.IS_FOLDER: "this is a folder; choose a CSV or XLSX file",
    ReadProblem.NOT_A_FILE: path_checks.NOT_A_FILE,
    ReadProblem.BAD_PATH: "the path cannot be opened",
    ReadProblem.UNREADABLE: "the file cannot be read (permission denied)",
    ReadProblem.TOO_LARGE: f"the file is larger than {FILE_MAX // (1024 * 1024)} MB; split the"
    " answers into smaller files",
    ReadProblem.EMPTY: "the file holds no rows; choose the file with the answers",
    ReadProblem.HEADER_ONLY: "the file holds a header row but no answers below it",
    ReadProblem.TOO_MANY_ROWS: f"the file holds more than {ROWS_MAX:,} answers; split it",
    ReadProblem.NOT_TEXT: "this is not a text CSV (it holds NUL bytes: a UTF-16 or binary file);"
    " save it as CSV UTF-8",
    ReadProblem.ENCODING: "the text is neither UTF-8 nor GB18030; save it as CSV UTF-8",
    ReadProblem.BAD_CSV: "the CSV is malformed (a quote that does not close, or text after a"
    " closing quote); fix that row or save the file again from the spreadsheet",
    ReadProblem.NOT_XLSX: "this is not an XLSX workbook (not a zip of a workbook), or it is"
    " damaged; save it again as .xlsx or as CSV UTF-8",
    ReadProblem.OLD_WORKBOOK: "this is an Excel 97-2003 .xls workbook or a password-protected"
    " one; save it as .xlsx (without a password) or as CSV UTF-8",
}


class FeedbackFileError(Exception):
    """A file whose answers cannot be read. Nothing was imported."""

    def __init__(self, path: str | Path, problem: ReadProblem, detail: str = "") -> None:
        self.path = Path(path)
        self.problem = problem
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{path_checks.shown(self.path)}: {MESSAGES[self.problem]}"
        return f"{text} ({self.detail})" if self.detail else text


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of answers as the file holds it."""

    number: int  # 1-based, the header's row counted, as a spreadsheet shows it
    cells: tuple[str, ...]  # may be shorter or longer than the header
    formulas: frozenset[int] = frozenset()  # indices of the cells that hold a formula

    def cell(self, index: int) -> str:
        return self.cells[index] if index < len(self.cells) else ""


@dataclass(frozen=True)
class SourceTable:
    """The answers a file holds, read but not interpreted."""

    path: Path
    kind: str  # "csv" or "xlsx"
    headers: tuple[str, ...]  # cleaned (cocreate.rules.clean_text) and trimmed
    rows: list[SourceRow]  # blank rows left out
    header_row: int = 1
    encoding: str = ""  # csv: "utf-8" (with or without a BOM) or "gb18030"
    delimiter: str = ""  # csv: "," "\t" or ";"
    sheet: str = ""  # xlsx: the name of the sheet read


def read_answers(path: str | Path) -> SourceTable:
    """The header and the rows of a CSV or XLSX file of survey answers.

    What a file is comes from its first bytes, then its name: an OLE file is an old or a
    password-protected workbook (refused), a zip or an .xlsx/.xlsm name is a workbook, and
    anything else is read as CSV text (survey systems often save tab-separated text as .xls).

    Raises FeedbackFileError when the file is missing, larger than FILE_MAX, empty, has a
    header but no rows, more than ROWS_MAX rows, or is neither readable text nor a workbook.
    """
    path = Path(path)
    size = _file_size(path)
    if size > FILE_MAX:
        raise FeedbackFileError(path, ReadProblem.TOO_LARGE, f"{size / (1024 * 1024):.1f} MB")
    head = _read_bytes(path, len(_OLE_MAGIC))
    if head.startswith(_OLE_MAGIC):  # also what a password makes of an .xlsx
        raise FeedbackFileError(path, ReadProblem.OLD_WORKBOOK)
    if path.suffix.casefold() in XLSX_SUFFIXES or head.startswith(_ZIP_MAGIC):
        return _read_xlsx(path)
    return _read_csv(path, _read_bytes(path, FILE_MAX + 1))


def _file_size(path: Path) -> int:
    try:
        found = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise FeedbackFileError(path, ReadProblem.NOT_FOUND) from None
    except (OSError, ValueError) as error:
        reason = path_checks.path_reason(error)
        raise FeedbackFileError(path, ReadProblem.BAD_PATH, reason or str(error)) from None
    if stat.S_ISDIR(found.st_mode):
        raise FeedbackFileError(path, ReadProblem.IS_FOLDER)
    if not stat.S_ISREG(found.st_mode):
        raise FeedbackFileError(path, ReadProblem.NOT_A_FILE)
    return found.st_size


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(limit)
    except PermissionError:
        raise FeedbackFileError(path, ReadProblem.UNREADABLE) from None
    except OSError as error:
        raise FeedbackFileError(path, ReadProblem.BAD_PATH, error.strerror or "") from None


# -- CSV ------------------------------------------------------------------------------------


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding: UTF-8 (a BOM dropped), else GB18030."""
    if len(data) > FILE_MAX:
        raise FeedbackFileError(path, ReadProblem.TOO_LARGE)
    if b"\x00" in data:
        raise FeedbackFileError(path, ReadProblem.NOT_TEXT)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FeedbackFileError(path, ReadProblem.ENCODING, f"line {line}") from None


def sniff_delimiter(text: str) -> str:
    """The delimiter the header line uses the most outside quotes (a comma when it has none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text[: 64 * 1024]:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char in "\r\n":
            if any(counts.values()):
                break
        elif char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(path: Path, data: bytes) -> SourceTable:
    text, encoding = decode(path, data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    numbered = _numbered_records(path, reader)
    headers, header_row, rows = _split_header(path, numbered)
    return SourceTable(
        path, "csv", headers, rows, header_row=header_row, encoding=encoding, delimiter=delimiter
    )


def _numbered_records(path: Path, reader: Iterator[list[str]]) -> Iterator[SourceRow]:
    number = 0
    while True:
        number += 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FeedbackFileError(path, ReadProblem.BAD_CSV, f"row {number}: {error}") from None
        yield SourceRow(number, tuple(record))


def _split_header(
    path: Path, numbered: Iterable[SourceRow]
) -> tuple[tuple[str, ...], int, list[SourceRow]]:
    """The first row with text is the header; blank rows are left out; the rows are counted."""
    header: SourceRow | None = None
    rows: list[SourceRow] = []
    for row in numbered:
        if not any(cell.strip() for cell in row.cells):
            continue
        if header is None:
            header = row
            continue
        if len(rows) == ROWS_MAX:
            raise FeedbackFileError(path, ReadProblem.TOO_MANY_ROWS)
        rows.append(row)
    if header is None:
        raise FeedbackFileError(path, ReadProblem.EMPTY)
    if not rows:
        raise FeedbackFileError(path, ReadProblem.HEADER_ONLY)
    cells = list(header.cells)
    while cells and not cells[-1].strip():
        cells.pop()
    names = tuple(" ".join(clean_text(cell).split()) for cell in cells)
    return names, header.number, rows


# -- XLSX -----------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> SourceTable:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise FeedbackFileError(path, ReadProblem.NOT_XLSX) from None
    if unpacked > UNPACKED_MAX:
        raise FeedbackFileError(
            path, ReadProblem.TOO_LARGE, f"it unpacks to {unpacked / (1024 * 1024):.0f} MB"
        )
    import openpyxl  # a second or so to import: only when a workbook is read

    try:
        with warnings.catch_warnings(), open(path, "rb") as file:
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            # A file object: openpyxl would refuse a workbook by its name's ending alone.
            workbook = openpyxl.load_workbook(file, read_only=True, data_only=False)
            try:
                if not workbook.worksheets:
                    raise FeedbackFileError(path, ReadProblem.EMPTY, "no worksheet")
                sheet = workbook.worksheets[0]
                headers, header_row, rows = _split_header(path, _sheet_rows(sheet))
                title = str(sheet.title)
            finally:
                workbook.close()
    except FeedbackFileError:
        raise
    except PermissionError:
        raise FeedbackFileError(path, ReadProblem.UNREADABLE) from None
    except Exception as error:  # any damage the XML of a workbook may hold
        raise FeedbackFileError(path, ReadProblem.NOT_XLSX, type(error).__name__) from None
    return SourceTable(path, "xlsx", headers, rows, header_row=header_row, sheet=title)


def _sheet_rows(sheet: Any) -> Iterator[SourceRow]:
    """The rows of an openpyxl read-only worksheet, read from its XML by sheet_cells (several
    times faster), else by openpyxl itself."""
    from cocreate.feedback import sheet_cells

    source = sheet_cells.source_of(sheet)
    if source is None:
        yield from openpyxl_rows(sheet)
        return
    for number, values, formulas in sheet_cells.sheet_rows(source):
        yield _source_row(number, values, formulas)


def openpyxl_rows(sheet: Any) -> Iterator[SourceRow]:
    """The rows of an openpyxl read-only worksheet as openpyxl reads them."""
    sheet.reset_dimensions()  # read every row, whatever the file says its size is
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        values: list[Any] = []
        formulas: set[int] = set()
        for index, cell in enumerate(cells):
            if cell.data_type == "f":
                formulas.add(index)
                values.append(getattr(cell.value, "text", cell.value))  # array formulas
            else:
                values.append(cell.value)
        yield _source_row(number, values, formulas)


def _source_row(number: int, values: list[Any], formulas: set[int]) -> SourceRow:
    texts = [cell_text(value) for value in values]
    while texts and not texts[-1] and len(texts) - 1 not in formulas:
        texts.pop()
    return SourceRow(number, tuple(texts), frozenset(formulas))


def cell_text(value: object) -> str:
    """A workbook cell's value as the text a CSV of it would hold: whole numbers without ".0",
    dates as ISO 8601 (with the time when it is not midnight), TRUE and FALSE."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)
