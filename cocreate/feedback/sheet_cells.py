"""The rows of a worksheet read straight from its XML with expat: the values openpyxl's
read-only worksheet gives, several times faster. openpyxl builds a dict and a cell object for
every cell; at 10 000 answers of nine columns that alone took more than the 2 s an import may
take (the benchmark's feedback section, tests/benchmark/feedback.py).

openpyxl still opens the workbook in read-only mode: the zip, which part is the first sheet,
the shared strings, and which cell styles are dates. This module reads only the sheet's rows,
and `source_of` returns None when openpyxl no longer exposes those parts (a new version), so
the reader falls back to openpyxl's own rows. No Qt.
"""

from __future__ import annotations

import datetime
import xml.parsers.expat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from openpyxl.utils.datetime import from_excel, from_ISO8601

#: A worksheet row: its number, its cells' values (a formula as its text, "=..."), and the
#: indices of the cells that hold a formula.
SheetRow = tuple[int, list[Any], set[int]]

_CHUNK = 256 * 1024


@dataclass(frozen=True)
class SheetSource:
    """What reading a sheet's XML needs from the workbook openpyxl opened."""

    open: Callable[[], IO[bytes]]
    shared_strings: Any  # indexable: shared string number -> text
    date_styles: frozenset[int]
    timedelta_styles: frozenset[int]
    epoch: datetime.datetime


def source_of(sheet: Any) -> SheetSource | None:
    """The parts of an openpyxl read-only worksheet this reader needs, or None."""
    try:
        book = sheet.parent
        return SheetSource(
            open=sheet._get_source,
            shared_strings=sheet._shared_strings,
            date_styles=frozenset(book._date_formats),
            timedelta_styles=frozenset(book._timedelta_formats),
            epoch=book.epoch,
        )
    except AttributeError:
        return None


def column_index(reference: str) -> int:
    """The 0-based column of a cell reference ("C12" -> 2)."""
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            index = index * 26 + ord(char) - 96
        else:
            break
    return index - 1


class _SheetParser:
    """Collects the rows of a sheet's XML as expat reports its elements (kept lean: it runs
    for every element of the sheet)."""

    def __init__(self, source: SheetSource) -> None:
        self.source = source
        self.tags: dict[str, str] = {}  # element name -> its name without a prefix
        self.done: list[SheetRow] = []
        self.row_number = 0
        self.cells: list[Any] = []
        self.formulas: set[int] = set()
        self.in_cell = False
        self.column = 0
        self.kind = "n"
        self.style = 0
        self.value: str | None = None
        self.formula: str | None = None
        self.inline: list[str] = []
        self.buffer: list[str] | None = None  # where character data goes now
        self.phonetic = 0  # inside <rPh>: a reading aid, not the cell's text

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self.tags.get(name) or self._learn(name)
        if tag == "v" or tag == "f" or (tag == "t" and not self.phonetic):
            self.buffer = []
        elif tag == "c":
            reference = attrs.get("r")
            self.column = column_index(reference) if reference else len(self.cells)
            self.kind = attrs.get("t", "n")
            style = attrs.get("s")
            self.style = int(style) if style else 0
            self.in_cell = True
            self.value = self.formula = None
            self.inline = []
        elif tag == "row" and not self.in_cell:
            number = attrs.get("r")
            self.row_number = int(number) if number else self.row_number + 1
            self.cells, self.formulas = [], set()
        elif tag == "rPh":
            self.phonetic += 1

    def _learn(self, name: str) -> str:
        tag = self.tags[name] = name.rpartition(":")[2]
        return tag

    def end(self, name: str) -> None:
        tag = self.tags[name]
        buffer, self.buffer = self.buffer, None
        if tag == "v":
            self.value = "".join(buffer or ())
        elif tag == "c":
            self._place()
            self.in_cell = False
        elif tag == "row" and not self.in_cell:
            self.done.append((self.row_number, self.cells, self.formulas))
        elif tag == "f":
            self.formula = "".join(buffer or ())
        elif tag == "t" and buffer is not None:
            self.inline.extend(buffer)
        elif tag == "rPh":
            self.phonetic -= 1

    def characters(self, data: str) -> None:
        if self.buffer is not None:
            self.buffer.append(data)

    def _place(self) -> None:
        column, cells = self.column, self.cells
        if column < len(cells):
            return  # a cell given twice: the first one counts, as in openpyxl
        if column > len(cells):
            cells.extend([None] * (column - len(cells)))
        if self.formula is not None:
            self.formulas.add(column)
            cells.append("=" + self.formula)
        else:
            cells.append(self._value())

    def _value(self) -> Any:
        kind, text = self.kind, self.value
        if kind == "inlineStr":
            return "".join(self.inline)
        if not text:
            return None
        if kind == "s":
            return str(self.source.shared_strings[int(text)])
        if kind == "n":
            return self._number(text)
        if kind == "b":
            return text.strip() not in ("0", "")
        if kind == "d":
            return from_ISO8601(text)
        return text  # "str" (a formula's text result) and "e" (an error such as #N/A)

    def _number(self, text: str) -> Any:
        number: float | int = float(text) if any(c in text for c in ".Ee") else int(text)
        if self.style not in self.source.date_styles:
            return number
        try:
            as_delta = self.style in self.source.timedelta_styles
            return from_excel(number, self.source.epoch, timedelta=as_delta)
        except (OverflowError, ValueError):
            return "#VALUE!"  # a date style on a number no date has, as openpyxl says it


def _refuse_doctype(*_: object) -> None:
    raise ValueError("a worksheet declares a document type")


def sheet_rows(source: SheetSource) -> Iterator[SheetRow]:
    """The rows of the sheet that hold an element, in order, as the XML gives them."""
    collector = _SheetParser(source)
    parser = xml.parsers.expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.characters
    parser.StartDoctypeDeclHandler = _refuse_doctype  # no entities to expand, ever
    with source.open() as file:
        while True:
            chunk = file.read(_CHUNK)
            parser.Parse(chunk, not chunk)
            yield from collector.done
            collector.done.clear()
            if not chunk:
                return
