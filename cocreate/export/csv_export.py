"""Touchpoints and notes as two CSV tables for a spreadsheet, and the survey answers as a third
when the session has any: `cocreate export-csv`.

- UTF-8 with a byte order mark (utf-8-sig), so Excel shows Chinese text correctly; comma
  separated, CRLF line ends, fields quoted where needed (a newline inside a note survives).
- One row per touchpoint in `touchpoints.csv`, in journey, stage, lane and cell order; one row per
  note in `notes.csv`, in journey order, then in the order the notes were written; one row per
  survey answer in `feedback.csv`, in journey order, then in the order they were imported, with
  the file and row each came from.
- Rows name what they refer to (journey, stage, lane, touchpoint, cluster and author by name or
  title), not by id; enumerations are their stored values (`mini_program`, `pain_point`);
  flags are `yes` / `no`; a touchpoint without a score has an empty score; `votes` counts the
  dots of every voting round.
- Private notes are exported with their text and `hidden` = `yes`: the CSV is the team's working
  copy after the salon, and private mode only keeps notes face down on the shared screen while
  people write.
- Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
  return) gets a leading apostrophe, which Excel and LibreOffice take as "this is text".
- Both files are written to temporary files first and then renamed over the targets, so a failed
  export leaves no half-written file. No Qt.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path
from typing import Any

from cocreate.atomic import write_files
from cocreate.export.json_io import read_tables
from cocreate.model import TOUCHPOINT_FIELDS
from cocreate.records import Row
from cocreate.store import SessionFile

TOUCHPOINT_COLUMNS: tuple[str, ...] = (
    "journey",
    "stage",
    "lane",
    "position",
    *TOUCHPOINT_FIELDS,
    "votes",
)

NOTE_COLUMNS: tuple[str, ...] = (
    "journey",
    "stage",
    "touchpoint",
    "cluster",
    "author",
    "category",
    "text",
    "hidden",
    "votes",
)

FEEDBACK_COLUMNS: tuple[str, ...] = (
    "journey",
    "stage",
    "touchpoint",
    "score",
    "comment",
    "date",
    "channel",
    "tier",
    "customer_type",
    "respondent",
    "source",
    "source_row",
)

NOTES_FILE, TOUCHPOINTS_FILE = "notes.csv", "touchpoints.csv"
#: Written only when the session holds survey answers.
FEEDBACK_FILE = "feedback.csv"

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """People's text, kept from being run as a spreadsheet formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _flag(value: Any) -> str:
    return "yes" if value else "no"


def _csv_bytes(columns: tuple[str, ...], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _by_id(rows: list[Row]) -> dict[int, Row]:
    return {row["id"]: row for row in rows}


def _name(row: Row | None, key: str = "name") -> str:
    return text_cell(row[key]) if row is not None else ""


def _lane_name(lane: Row | None) -> str:
    return "" if lane is None else text_cell(lane["name"] or lane["kind"])


def csv_tables(store: SessionFile) -> dict[str, bytes]:
    """The two files' contents, from one consistent read: file name -> bytes."""
    tables = read_tables(store)
    journeys = _by_id(tables["journey"])
    journey_order = {journey_id: index for index, journey_id in enumerate(journeys)}
    stages = _by_id(tables["stage"])
    lanes = _by_id(tables["lane"])
    touchpoints = _by_id(tables["touchpoint"])
    clusters = _by_id(tables["cluster"])
    participants = _by_id(tables["participant"])
    votes = tables["vote"]
    note_votes = Counter(v["note_id"] for v in votes if v["note_id"] is not None)
    touchpoint_votes = Counter(v["touchpoint_id"] for v in votes if v["touchpoint_id"] is not None)
    last = len(journey_order)

    def position(row: Row | None) -> int:
        return row["position"] if row is not None else -1

    def cell_order(tp: Row) -> tuple[int, ...]:
        return (
            journey_order.get(tp["journey_id"], last),
            position(stages.get(tp["stage_id"])),
            position(lanes.get(tp["lane_id"])),
            tp["position"],
            tp["id"],
        )

    touchpoint_rows = [
        [
            _name(journeys.get(tp["journey_id"])),
            _name(stages.get(tp["stage_id"])),
            _lane_name(lanes.get(tp["lane_id"])),
            tp["position"],
            text_cell(tp["title"]),
            text_cell(tp["description"]),
            tp["channel"],
            tp["kind"],
            tp["emotion"],
            "" if tp["score"] is None else tp["score"],
            _flag(tp["branded"]),
            _flag(tp["breakpoint"]),
            tp["status"],
            text_cell(tp["owner"]),
            touchpoint_votes[tp["id"]],
        ]
        for tp in sorted(touchpoints.values(), key=cell_order)
    ]

    note_rows = []
    notes = sorted(
        tables["note"], key=lambda n: (journey_order.get(n["journey_id"], last), n["id"])
    )
    for note in notes:
        pinned = touchpoints.get(note["touchpoint_id"])
        stage_id = note["stage_id"]
        if stage_id is None and pinned is not None:
            stage_id = pinned["stage_id"]
        note_rows.append(
            [
                _name(journeys.get(note["journey_id"])),
                _name(stages.get(stage_id)),
                _name(pinned, "title"),
                _name(clusters.get(note["cluster_id"]), "title"),
                _name(participants.get(note["author_id"])),
                note["category"],
                text_cell(note["text"]),
                _flag(note["hidden"]),
                note_votes[note["id"]],
            ]
        )
    files = {
        NOTES_FILE: _csv_bytes(NOTE_COLUMNS, note_rows),
        TOUCHPOINTS_FILE: _csv_bytes(TOUCHPOINT_COLUMNS, touchpoint_rows),
    }
    if tables["feedback"]:
        answers = sorted(
            tables["feedback"], key=lambda a: (journey_order.get(a["journey_id"], last), a["id"])
        )
        rows = [_feedback_row(answer, journeys, stages, touchpoints) for answer in answers]
        files[FEEDBACK_FILE] = _csv_bytes(FEEDBACK_COLUMNS, rows)
    return files


def _feedback_row(
    answer: Row, journeys: dict[int, Row], stages: dict[int, Row], touchpoints: dict[int, Row]
) -> list[Any]:
    """An answer's row: what it is about by name (its card's stage when it names none)."""
    card = touchpoints.get(answer["touchpoint_id"])
    stage_id = answer["stage_id"]
    if stage_id is None and card is not None:
        stage_id = card["stage_id"]
    return [
        _name(journeys.get(answer["journey_id"])),
        _name(stages.get(stage_id)),
        _name(card, "title"),
        answer["score"],
        text_cell(answer["comment"]),
        answer["date"],
        text_cell(answer["channel"]),
        text_cell(answer["tier"]),
        answer["customer_type"],
        text_cell(answer["respondent"]),
        text_cell(answer["source"]),
        "" if answer["source_row"] is None else answer["source_row"],
    ]


def _make_folder(folder: Path) -> list[Path]:
    """Create folder and missing parents; the folders made, innermost first."""
    made = []
    missing = folder
    while not missing.exists():
        made.append(missing)
        missing = missing.parent
    folder.mkdir(parents=True, exist_ok=True)
    return made


def export_csv(session: Path, folder: Path) -> list[Path]:
    """Write notes.csv and touchpoints.csv into folder (created if missing), and feedback.csv
    when the session holds survey answers; their paths.

    SessionFileError if the session cannot be read; then nothing is written and no folder made.
    """
    store = SessionFile.open(Path(session), read_only=True, lock=False)
    try:
        tables = csv_tables(store)
    finally:
        store.close()
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"{folder}: not a folder")
    made = _make_folder(folder)
    paths = [
        folder / name for name in (NOTES_FILE, TOUCHPOINTS_FILE, FEEDBACK_FILE) if name in tables
    ]
    try:
        write_files({path: tables[path.name] for path in paths})
    except BaseException:
        for path in made:
            try:
                path.rmdir()
            except OSError:
                pass
        raise
    return paths
