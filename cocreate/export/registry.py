"""Exporters by format: the one list behind both `cocreate export-FORMAT` and File > Export (no Qt).

An exporter is data: its format name, the suffixes of what it writes, the options it takes and
one function that writes a session file's export to a path. The command line turns each into a
sub-command with its options as arguments; the window turns each into an Export menu entry. A
new format is one new `Exporter` registered here (or, when it needs Qt, at the canvas level:
see cocreate.canvas.exporters, which holds the full registry).

Writers report progress as (done, total) through the callable they are given; that callable may
raise ExportCancelled to stop them. Every writer writes beside the target and renames when it is
complete (cocreate.atomic), so an error or a cancel leaves the target as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from cocreate.atomic import write_files
from cocreate.export import warm

#: (done, total): how far a long export is; it may raise ExportCancelled to stop the export.
Progress = Callable[[int, int], None]
#: session file, target path, options by name, progress.
Writer = Callable[[Path, Path, Mapping[str, Any], Progress], None]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name, for lupdate)
    """Marks a text for translation without Qt: the window translates it in this context."""
    return text


#: The translation context of the exporters' menu texts (the window's File > Export).
TEXT_CONTEXT = "ExportActions"


class ExportCancelled(Exception):
    """The person cancelled the export; nothing was written."""


def no_progress(_done: int, _total: int) -> None:
    """The progress of an export nobody watches (the command line)."""


class OptionKind(Enum):
    VALUE = "value"  # --paper A4
    SWITCH = "switch"  # --portrait
    REPEATED = "repeated"  # --journey A --journey B: a list, None when not given


@dataclass(frozen=True)
class Option:
    """One setting of an export: a command-line argument, a field of the export's dialog."""

    name: str
    help: str
    kind: OptionKind = OptionKind.VALUE
    default: Any = None
    choices: tuple[str, ...] = ()
    metavar: str | None = None

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


@dataclass(frozen=True)
class Exporter:
    """One export format.

    suffixes: what the output file may end in; the first is the default, and where there are
    several the suffix picks the kind (.png or .svg). No suffixes: the output is a folder.
    label and tip: the menu entry's text and status tip, in English, marked for translation in
    the TEXT_CONTEXT context (the window translates them). long: takes seconds on a large
    session, so the window runs it off the GUI thread with a progress dialog and a Cancel
    button. to_bytes: the export as bytes, for `-o -` (standard output), where the format
    allows it.
    """

    format: str
    suffixes: tuple[str, ...]
    summary: str
    out_help: str
    noun: str
    label: str
    tip: str
    write: Writer
    options: tuple[Option, ...] = ()
    long: bool = False
    to_bytes: Callable[[Path], bytes] | None = None

    @property
    def command(self) -> str:
        return f"export-{self.format}"

    @property
    def to_folder(self) -> bool:
        return not self.suffixes

    @property
    def metavar(self) -> str:
        if self.to_folder:
            return "FOLDER"
        return "|".join(f"OUT{suffix}" for suffix in self.suffixes)

    def defaults(self) -> dict[str, Any]:
        return {option.name: option.default for option in self.options}

    def accepts(self, out: Path) -> bool:
        """Whether out's suffix is one this exporter can write (any, when only one is known,
        since then the suffix picks nothing)."""
        return len(self.suffixes) < 2 or out.suffix.lower() in self.suffixes


class ExporterRegistry:
    """Exporters by format, in the order menus and help list them."""

    def __init__(self, exporters: Iterable[Exporter] = ()) -> None:
        self._by_format: dict[str, Exporter] = {}
        for exporter in exporters:
            self.register(exporter)

    def register(self, exporter: Exporter) -> Exporter:
        if exporter.format in self._by_format:
            raise ValueError(f"an exporter for {exporter.format!r} is registered already")
        self._by_format[exporter.format] = exporter
        return exporter

    def unregister(self, format_: str) -> None:
        del self._by_format[format_]

    def __getitem__(self, format_: str) -> Exporter:
        return self._by_format[format_]

    def __contains__(self, format_: object) -> bool:
        return format_ in self._by_format

    def __iter__(self) -> Iterator[Exporter]:
        return iter(list(self._by_format.values()))


# -- the exporters without Qt -------------------------------------------------------------------


def _write_pdf(session: Path, out: Path, options: Mapping[str, Any], progress: Progress) -> None:
    warm.wait()  # a warm-up under way is loading the fonts: not twice at once
    from cocreate.export.pdf import export_pdf  # reportlab loads only when a PDF is made

    export_pdf(
        session,
        out,
        paper=options.get("paper") or "A3",
        landscape=not options.get("portrait"),
        journeys=options.get("journey") or None,
        progress=progress,
    )


def _write_csv(session: Path, out: Path, _options: Mapping[str, Any], _p: Progress) -> None:
    from cocreate.export.csv_export import export_csv

    export_csv(session, out)


def _json_bytes(session: Path) -> bytes:
    from cocreate.export.json_io import export_json

    return export_json(session).encode("utf-8")


def _write_json(session: Path, out: Path, _options: Mapping[str, Any], _p: Progress) -> None:
    write_files({out: _json_bytes(session)})


#: Paper names the PDF offers, in the order a chooser lists them (here, not in
#: cocreate.export.pdf, so that listing them loads no reportlab).
PAPERS: tuple[str, ...] = ("A4", "A3", "A2", "A1", "A0", "Letter", "Tabloid")

PDF = Exporter(
    format="pdf",
    suffixes=(".pdf",),
    summary="write the service blueprint as a PDF",
    out_help="the PDF to write",
    noun="PDF",
    label=QT_TRANSLATE_NOOP("ExportActions", "&PDF Blueprint…"),
    tip=QT_TRANSLATE_NOOP("ExportActions", "The service blueprint as a PDF to share"),
    write=_write_pdf,
    long=True,
    options=(
        Option("paper", "paper size, such as A3 or A4 (default A3)", default="A3"),
        Option(
            "journey",
            "put only this journey in the PDF (repeat for more; default: every journey)",
            OptionKind.REPEATED,
            metavar="NAME",
        ),
        Option("portrait", "portrait pages (default: landscape)", OptionKind.SWITCH, False),
    ),
)

CSV = Exporter(
    format="csv",
    suffixes=(),
    summary="write the touchpoints, notes and survey answers as CSV tables (Excel-ready UTF-8)",
    out_help="the folder for notes.csv and touchpoints.csv, and feedback.csv when the session"
    " has survey answers (made if missing)",
    noun="CSV tables",
    label=QT_TRANSLATE_NOOP("ExportActions", "&CSV for a Spreadsheet…"),
    tip=QT_TRANSLATE_NOOP("ExportActions", "Notes and touchpoints as CSV files"),
    write=_write_csv,
)

JSON = Exporter(
    format="json",
    suffixes=(".json",),
    summary="write the whole session as one JSON document",
    out_help="the JSON file to write, or - for standard output",
    noun="JSON",
    label=QT_TRANSLATE_NOOP("ExportActions", "&JSON…"),
    tip=QT_TRANSLATE_NOOP("ExportActions", "The whole session as JSON"),
    write=_write_json,
    to_bytes=_json_bytes,
)

#: The exporters that need no Qt, in menu order; cocreate.canvas.exporters adds the image.
PLAIN_EXPORTERS: tuple[Exporter, ...] = (PDF, CSV, JSON)
