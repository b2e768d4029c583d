"""What the benchmark measures, and its report: the tables, the machine line and the JSON."""

from __future__ import annotations

import json
import os
import platform
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.benchmark.scale_report import baseline_lines, growth_lines, salon_lines
from tests.benchmark.smoke import SMOKE_SCREEN

#: Open runs per size (--repeat's default).
DEFAULT_REPEAT = 5
# How many samples each figure is the median of, at the default repeat (see samples()).
PAINT_FRAMES = 20  # repaints per paint figure
DRAGS = 10  # card drags per canvas size
NEW_NOTES = 20  # N presses per board size and zoom
NOTE_DROPS = 10  # note drags per board size
VOTES = 10  # clicks in vote mode per board size
PAN_STEPS = 30  # frames of a pan across the board


def samples(count: int, repeat: int) -> int:
    """The samples a figure takes at `repeat`: `count` at the default repeat, in proportion
    for a quicker or a longer run (`--repeat 1`: a fifth), never fewer than two."""
    return max(2, round(count * repeat / DEFAULT_REPEAT))


def median(samples: Sequence[float]) -> float:
    return round(statistics.median(samples), 2)


def machine_info() -> dict[str, Any]:
    """The machine and the Qt the figures were measured with."""
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "qpa": app.platformName() if isinstance(app, QApplication) else "",
        "platform": platform.platform(),
    }


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor()
    for line in text.splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


COLUMNS = (
    ("size", "size"),
    ("touchpoints", "touchpoints"),
    ("links", "links"),
    ("open ms", "open_ms"),
    ("window open ms", "window_open_ms"),
    ("paint fit ms", "paint_fit_ms"),
    ("paint 1:1 ms", "paint_1to1_ms"),
    ("drop→commit ms", "drop_commit_ms"),
    ("SQL/drop", "drop_statements"),
    ("transactions/drop", "drop_transactions"),
    ("peak RSS MB", "peak_rss_mb"),
)


BOARD_COLUMNS = (
    ("size", "size"),
    ("notes", "notes"),
    ("open ms", "open_ms"),
    ("window open ms", "window_open_ms"),
    ("paint fit ms", "paint_fit_ms"),
    ("paint 1:1 ms", "paint_1to1_ms"),
    ("N→editable ms", "new_note_ms"),
    ("drop→commit ms", "drop_commit_ms"),
    ("SQL/drop", "drop_statements"),
    ("transactions/drop", "drop_transactions"),
    ("vote ms", "vote_ms"),
    ("peak RSS MB", "peak_rss_mb"),
)


EXPORT_COLUMNS = (
    ("session", "session"),
    ("cards", "cards"),
    ("format", "format"),
    ("time ms", "time_ms"),
    ("cold ms", "cold_ms"),
    ("size KB", "size_kb"),
    ("pages", "pages"),
    ("peak RSS MB", "peak_rss_mb"),
)

FIRST_PDF_COLUMNS = (
    ("session", "session"),
    ("cards", "cards"),
    ("windows", "windows"),
    ("first PDF ms", "first_ms"),
    ("later PDFs ms", "later_ms"),
    ("first − later ms", "first_minus_later_ms"),
    ("each window's first − later ms", "run_gaps_ms"),
    ("noise ms", "noise_ms"),
)


def _cell(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


ROOM_COLUMNS = (
    ("phones", "phones"),
    ("notes each", "notes_each"),
    ("committed", "committed"),
    ("refused", "refused"),
    ("in file", "in_file"),
    ("twice", "twice"),
    ("missing", "missing"),
    ("p50 phone→committed ms", "latency_p50_ms"),
    ("p95 ms", "latency_p95_ms"),
    ("max ms", "latency_max_ms"),
    ("notes/s", "notes_per_s"),
    ("GUI lag p95 ms", "lag_p95_ms"),
    ("GUI lag max ms", "lag_max_ms"),
)


FEEDBACK_IMPORT_COLUMNS = (
    ("file", "file"),
    ("run", "run"),
    ("answers", "answers"),
    ("size KB", "size_kb"),
    ("read ms", "read"),
    ("map ms", "map"),
    ("match ms", "match"),
    ("plan ms", "plan"),
    ("write ms", "write"),
    ("total ms", "total"),
    ("openpyxl import ms", "openpyxl_import_ms"),
    ("peak RSS MB", "peak_rss_mb"),
)


FEEDBACK_NPS_COLUMNS = (
    ("after one change", "step"),
    ("answers", "answers"),
    ("median ms", "median_ms"),
    ("max ms", "max_ms"),
)


FEEDBACK_PDF_COLUMNS = (
    ("session", "session"),
    ("cards", "cards"),
    ("answers", "answers"),
    ("time ms", "time_ms"),
    ("cold ms", "cold_ms"),
    ("size KB", "size_kb"),
    ("pages", "pages"),
    ("peak RSS MB", "peak_rss_mb"),
)


def machine_line(machine: dict[str, Any]) -> str:
    return (
        f"{machine['cpus']} CPUs ({machine['cpu_model']}), Python {machine['python']}, "
        f"PySide6 {machine['pyside6']} (Qt {machine['qt']}, {machine['qpa']}), "
        f"{machine['platform']}"
    )


def _markdown(columns: Sequence[tuple[str, str]], results: Sequence[dict[str, Any]]) -> list[str]:
    header = "| " + " | ".join(name for name, _key in columns) + " |"
    rule = "|" + "|".join("---:" for _column in columns) + "|"
    rows = [
        "| " + " | ".join(_cell(result.get(key)) for _name, key in columns) + " |"
        for result in results
    ]
    return [header, rule, *rows]


#: What the "window open" figure is, for the tables' notes.
WINDOW_OPEN = (
    "window open: File ▸ Open in cocreate's own window, already on screen and sized so that "
    "its canvas is 1920×1080 beside its panels, until the canvas has painted (every panel that "
    "follows the session built too), median of as many runs; paint and the edits: in that "
    "window"
)


#: The note of a run with --in-process, under the machine line.
IN_PROCESS = (
    "Every size and section measured in this one process (--in-process), not each in a fresh "
    "one as the notes below say: peak RSS and the first runs are not each measurement's own."
)


#: The note of a run with --smoke (tests.benchmark.smoke), under the machine line.
SMOKE = (
    f"A smoke run (--smoke): the canvas is {'×'.join(map(str, SMOKE_SCREEN))}, not 1920×1080 "
    "as the notes below say, and no measurement waited for its rendering in idle moments: the "
    "figures show only that each section runs."
)


def format_table(report: dict[str, Any]) -> str:
    """The machine, the canvas table (when it has rows) and the board table (when it has)."""
    lines = [machine_line(report["machine"])]
    if report.get("in_process"):
        lines.append(IN_PROCESS)
    if report.get("smoke"):
        lines.append(SMOKE)
    if report["results"]:
        notes = (
            f"open: median of {report['repeat']} run(s) (Document.open → the canvas alone painted, "
            f"1920×1080); {WINDOW_OPEN}; paint: median of "
            f"{samples(PAINT_FRAMES, report['repeat'])} synchronous viewport repaints; "
            f"drop→commit: median of {samples(DRAGS, report['repeat'])} drags; "
            f"SQL/drop and transactions/drop: the "
            f"statements SQLite runs for one drag, press to repaint (BEGIN and COMMIT "
            f"included), and the transactions (BEGIN) among them (median); peak RSS per size "
            f"(fresh process)."
        )
        lines += ["", *_markdown(COLUMNS, report["results"]), "", notes]
        first = (("touchpoints", "touchpoints"),)
        lines += baseline_lines(first, report["results"], report["repeat"])
    if report.get("board"):
        count = {name: samples(n, report["repeat"]) for name, n in (("paint", PAINT_FRAMES),
                 ("new", NEW_NOTES), ("drops", NOTE_DROPS), ("votes", VOTES))}  # fmt: skip
        notes = (
            f"Sticky-note board, one journey: open: median of {report['repeat']} run(s); "
            f"{WINDOW_OPEN}; paint: median of {count['paint']} repaints, the whole board fitted "
            f"to the 1920×1080 view, and at zoom 1.0 on the notes; "
            f"N→editable: median of {count['new']} new notes "
            f"with the board fitted to the view, until the editor has the focus and the note is "
            f"painted (at zoom 1.0 in the JSON); drop→commit: median of {count['drops']} note "
            f"drags at zoom 1.0, with SQL/drop and transactions/drop as above; vote: median of "
            f"{count['votes']} clicks on notes at zoom 1.0 while a voting round runs, until the "
            f"dot is committed and painted; peak RSS per size (fresh process), before the floors "
            f"are built."
        )
        lines += ["", *_markdown(BOARD_COLUMNS, report["board"]), "", notes]
        lines += baseline_lines((("notes", "notes"),), report["board"], report["repeat"])
        lines += growth_lines(report["board"])
    if report.get("salon"):
        salon = report["salon"]
        lines += salon_lines(salon["figures"], salon["aims"], report["repeat"])
    edits = report.get("edit_aim")
    if edits:
        verdict = "met" if edits["met"] else "NOT met"
        lines.append(f"Aim: {edits['aim']}: {verdict} ({edits['measured']}).")
    if report.get("export"):
        rows = [row if row["format"] == "pdf" else row | {"pages": "—"} for row in report["export"]]
        notes = (
            f"Exports, each (session, format) in a fresh process that imports only its exporter: "
            f"time: median of {report['export_repeat']} run(s) after the first; cold: the first "
            f"export in the process (the exporter's import time is in the JSON); PDF: A3 "
            f"landscape, every journey, pages counted with pypdf; PNG: the first journey, at "
            f"twice the canvas scale; JSON: written to a file and synced, as `cocreate "
            f"export-json` does; peak RSS: the whole process."
        )
        lines += ["", *_markdown(EXPORT_COLUMNS, rows), "", notes]
        aim = report.get("export_aim")
        if aim:
            verdict = "met" if aim["met"] else "NOT met"
            lines.append(
                f"Aim: {aim['aim']}: {verdict} ({aim['warm_ms']:.0f} ms warm, {aim['cold_ms']:.0f}"
                f" ms cold, {aim['cold_with_import_ms']:.0f} ms cold with the exporter's import)."
            )
    if report.get("first_pdf"):
        notes = (
            "The first PDF from a fresh window: the window started as `cocreate SESSION` starts "
            "it (offscreen), its PDF exporter warmed up on its thread, then File ▸ Export ▸ PDF's "
            f"exporter, once and {report['export_repeat']} more time(s), 0.3 s of the window's "
            "events between; in several fresh windows: the median of their first PDFs and of "
            "every later one; first − later (what the aim is judged on): the median, over the "
            "windows, of each one's first minus each of its later ones, one PDF against one "
            "(this machine's pace flips between two speeds, and one PDF is slow more often "
            "than the median of three); each window's first minus the median of its later ones; "
            "noise: how far a median over the windows may stray by the machine's pace alone, "
            "twice its standard error as the spread of the windows' own differences gives it "
            "(their interquartile range; none below four windows). A size past the aim by no "
            "more than its noise is "
            "within this machine's noise: neither met nor not."
        )
        lines += ["", *_markdown(FIRST_PDF_COLUMNS, report["first_pdf"]), "", notes]
        aim = report.get("first_pdf_aim")
        if aim:
            lines.append(f"Aim: {aim['aim']}: {aim['verdict']} ({aim['measured']}).")
    if report.get("room"):
        notes = (
            "The room: simulated phones on 127.0.0.1 join and send notes at random moments over "
            "the given time to the real window (the per-phone note limit raised for the run); "
            "phone→committed: from sending a note to its 201, given once the note is committed; "
            "lag: how late a 10 ms QTimer fires on the GUI thread; in file / twice / missing: "
            "the phones' notes as the file holds them afterwards."
        )
        lines += ["", *_markdown(ROOM_COLUMNS, report["room"]), "", notes]
    if report.get("feedback"):
        lines += _feedback_lines(report["feedback"])
    return "\n".join(lines)


def _feedback_lines(section: dict[str, Any]) -> list[str]:
    """The feedback section's three tables, their notes and the issue's aims."""
    rows = [
        row | {"openpyxl_import_ms": row["openpyxl_import_ms"] or "—"} for row in section["import"]
    ]
    imports = (
        f"Feedback: importing {section['answers']} answers into the demo's first journey, each "
        f"file in a fresh process: first: the first import in the process; then the median of "
        f"{section['repeat']} more, each into a fresh copy; read: the file to rows; map: "
        f"guess_mapping; match: the stage and touchpoint values to the journey's; plan: every "
        f"row checked; write: Document.import_feedback (one transaction, one undo step); "
        f"total: the five; openpyxl import: its one-off cost before the first workbook, not "
        f"in the total."
    )
    session = section["nps_session"]
    nps = (
        f"The NPS after one change, in the window (1920×1080, offscreen) on the demo plus "
        f"{section['answers']} answers ({session['cards']} cards on the journey shown): "
        f"{section['edits']} edits each adding one answer (Document.import_feedback): the "
        f"file writes it, the window's listeners recompute the scores and update the badges "
        f"and the curve's second line, then the commit; and, alone, Document.feedback_scores "
        f"with the NPS of each card, stage and the journey, the canvas's badge refresh "
        f"(FeedbackOverlay.refresh) and a full repaint of the view; peak RSS "
        f"{session['peak_rss_mb']} MB."
    )
    pdf = (
        "The PDF (A3 landscape, every journey, a Voice of the customer page per journey with "
        "answers) of the demo and of the demo with the answers, as the export section "
        "measures it: a fresh process each; time: median of the runs after the first; cold: "
        "the first."
    )
    lines = ["", *_markdown(FEEDBACK_IMPORT_COLUMNS, rows), "", imports]
    lines += ["", *_markdown(FEEDBACK_NPS_COLUMNS, section["nps"]), "", nps]
    lines += ["", *_markdown(FEEDBACK_PDF_COLUMNS, section["pdf"]), "", pdf]
    for aim in section.get("aims", []):
        verdict = "met" if aim["met"] else "NOT met"
        lines.append(f"Aim: {aim['aim']}: {verdict} ({aim['measured']}).")
    return lines


def write_json(report: dict[str, Any], target: str) -> None:
    text = json.dumps(report, indent=2, ensure_ascii=False)
    if target == "-":
        print(text)
    else:
        Path(target).write_text(text + "\n", encoding="utf-8")
