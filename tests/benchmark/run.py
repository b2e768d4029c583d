"""Benchmarks of the journey canvas, of its sticky-note board and of the exports, per size.

Measurements, not tests: nothing here passes or fails on a figure. Run, from the repository,

    uv run python -m tests.benchmark [--sizes 50,500,2000] [--board-sizes 1000,5000,10000,20000]
        [--no-board] [--salon-notes 10000] [--salon-cards 500] [--no-salon]
        [--export-sizes demo,500,2000] [--export-formats pdf,png,json]
        [--no-export] [--room-phones 100] [--room-notes 20] [--room-seconds 60] [--no-room]
        [--feedback-answers 10000] [--no-feedback] [--json OUT.json] [--repeat N]
        [--in-process] [--smoke]

The canvas section (--sizes: touchpoints per journey; "" skips it) measures open, paint,
drop→commit (with the SQL statements and transactions of a drop) and peak memory; the board section
(--board-sizes: sticky notes on one journey's board; "" or --no-board skips it) measures open,
paint, N → an editable new note, a note's drop→commit, a vote and peak memory, with a table of
how each grows with the size. Every open is split into its phases beside a raw sqlite3 read of
the same rows (tests.benchmark.open_split), every paint beside the floor of a plain
QGraphicsView of as many plain items (tests.benchmark.floor), both measured in the same
process. The salon section (--salon-notes notes and --salon-cards cards in one session; 0 or
--no-salon skips it, tests.benchmark.salon) measures issue 12's headline session: open, paint,
every frame of a pan and a zoom sweep across it, the edits and peak memory, and says whether
each of the issue's aims was met. The export section
(--export-sizes: "demo", the demo session, or a number of cards on one journey, made as the
canvas section makes its sessions; "" or --no-export skips it) measures the PDF, PNG and JSON
exports (--export-formats) of each session: time (cold and warm), output size, PDF pages and
peak memory, and each session's first PDF from a fresh window (as `cocreate SESSION` starts,
its exporter warmed up on its thread) against the next ones in that window. The aims it reports
against: the 500-card session exports to PDF in under 2 s; the first PDF from a fresh window is
no slower than the next ones by more than 100 ms.
The room section (--room-phones; 0 or --no-room skips it) sends notes from simulated phones on
127.0.0.1 to the real window (tests.benchmark.room_load): phone → committed latency, notes per
second, the GUI thread's event-loop lag, and whether every note is in the file exactly once.
The feedback section (--feedback-answers: survey answers; 0 or --no-feedback skips it,
tests.benchmark.feedback) measures importing them from a GB18030 CSV and an XLSX phase by phase
(read, map, match, plan, write), the NPS the window shows after one added answer, and the PDF
of the demo plus the answers beside the demo's.

Each size runs in a fresh subprocess (`--one SIZE` or `--one-board SIZE`, with `--json -`), so
its peak RSS is its own; so does each (session, format) of the export section, in a process that
imports only that exporter, and each measurement of the feedback section. Qt runs offscreen
(raster painting, no display needed) and cocreate's data folder is a temporary one, so the
user's untitled sessions and locks are never touched. The children run from compiled modules,
as an installed app does: where PYTHONDONTWRITEBYTECODE is set they are kept in the temp folder
(tests.pycache), and the export and feedback sections import what their children measure once
before they measure. --in-process runs them all in this one process instead, for the tests
(tests/test_benchmark.py), which check that every section runs and prints, not its figures: it
spares an interpreter, its imports and a window per size, but then peak RSS and the first runs
are not each measurement's own. --smoke (for the same tests, with --in-process) also paints a
smaller canvas and does not wait for its idle rendering (tests.benchmark.smoke): its figures are
not a real run's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tests.benchmark.exports import (
    DEFAULT_EXPORT_REPEAT,
    DEFAULT_EXPORT_SIZES,
    DEMO,
    EXPORT_FORMATS,
    WINDOW_PDF_RUNS,
    export_aim,
    first_pdf_aim,
    parse_export_formats,
    parse_export_sizes,
    run_exports,
)
from tests.benchmark.feedback import DEFAULT_FEEDBACK_ANSWERS, feedback_aims, run_feedback
from tests.benchmark.processes import Processes
from tests.benchmark.report import DEFAULT_REPEAT, format_table, machine_info, write_json
from tests.benchmark.salon import (
    DEFAULT_SALON_CARDS,
    DEFAULT_SALON_NOTES,
    edit_aim,
    run_one_salon,
    salon_aims,
)
from tests.benchmark.smoke import SMOKE_SCREEN, start_smoke
from tests.pycache import keep_compiled_modules

DEFAULT_SIZES = (50, 500, 2000)
DEFAULT_BOARD_SIZES = (1000, 5000, 10000, 20000)
NPS_EDITS = 20  # edits adding one answer, in the feedback section
CHILD = "tests.benchmark.run"  # `python -m` it to measure one size or section (its measure())


def run_one(size: int, repeat: int, *, board: bool = False) -> dict[str, Any]:
    """The report of one size (of the canvas, or of the board), measured in this process."""
    from tests.benchmark.measure import run_one_board, run_one_canvas

    return run_one_board(size, repeat) if board else run_one_canvas(size, repeat)


def run_child(
    size: int, repeat: int, processes: Processes, *, board: bool = False
) -> dict[str, Any]:
    """One size (of the canvas, or of the board) in a fresh interpreter, so its peak RSS is its
    own (unless --in-process)."""
    args = ["--one-board" if board else "--one", str(size), "--repeat", str(repeat), "--json", "-"]
    what = f"board size {size}" if board else f"size {size}"
    return processes.measure(CHILD, args, what)


def run_salon_child(args: argparse.Namespace, processes: Processes) -> dict[str, Any]:
    """The headline session in a fresh interpreter, so its peak RSS is its own (unless
    --in-process)."""
    child = [
        "--one-salon",
        "--salon-notes", str(args.salon_notes),
        "--salon-cards", str(args.salon_cards),
        "--repeat", str(args.repeat),
        "--json", "-",
    ]  # fmt: skip
    return processes.measure(CHILD, child, "the salon section")


def run_room_child(args: argparse.Namespace, processes: Processes) -> dict[str, Any]:
    """The room under load in a fresh interpreter (a window of its own; unless --in-process)."""
    child = [
        "--one-room",
        "--room-phones", str(args.room_phones),
        "--room-notes", str(args.room_notes),
        "--room-seconds", str(args.room_seconds),
        "--json", "-",
    ]  # fmt: skip
    return processes.measure(CHILD, child, "the room section")


def run_one_room(args: argparse.Namespace) -> dict[str, Any]:
    from tests.benchmark.measure import _start_qt
    from tests.benchmark.room_load import measure_room_load

    _start_qt()
    room = measure_room_load(args.room_phones, args.room_notes, args.room_seconds)
    return {"machine": machine_info(), "repeat": 1, "results": [], "room": [room]}


def run_all(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    """Every section the arguments ask for, each size in a fresh process (or, --in-process,
    all in this one)."""
    machine: dict[str, Any] = {}
    results, board = [], []
    export_sessions: list[dict[str, Any]] = []
    exports: list[dict[str, Any]] = []
    first_pdfs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-data-") as data_dir:
        processes = Processes(Path(data_dir), fresh=not args.in_process)
        for size in args.sizes:
            log(f"measuring {size} touchpoints …")
            report = run_child(size, args.repeat, processes)
            machine = report["machine"]
            results.extend(report["results"])
        for size in args.board_sizes:
            log(f"measuring a board of {size} notes …")
            report = run_child(size, args.repeat, processes, board=True)
            machine = report["machine"]
            board.extend(report["board"])
        salon: dict[str, Any] = {}
        if args.salon_notes:
            log(f"measuring one session of {args.salon_notes} notes and {args.salon_cards} cards …")
            report = run_salon_child(args, processes)
            machine = report["machine"]
            salon = report["salon"]["figures"]
        if args.export_sizes:
            windows = 1 if args.smoke else WINDOW_PDF_RUNS  # a smoke run checks it runs
            export_sessions, exports, first_pdfs = run_exports(
                args.export_sizes, args.export_formats, args.export_repeat, processes, log, windows
            )
        room = []
        if args.room_phones:
            log(f"measuring the room: {args.room_phones} phones × {args.room_notes} notes …")
            room = run_room_child(args, processes)["room"]
        feedback: dict[str, Any] = {}
        if args.feedback_answers:
            demo_pdf = next(  # the export section's, when it measured it
                (row for row in exports if (row["session"], row["format"]) == (DEMO, "pdf")), None
            )
            feedback = run_feedback(
                args.feedback_answers, args.export_repeat, NPS_EDITS, processes, log, demo_pdf
            )
            machine = machine or feedback["machine"]
            del feedback["machine"]
    report = {"machine": machine or machine_info(), "repeat": args.repeat, "results": results}
    if args.in_process:
        report["in_process"] = True
    report["board"] = board
    if salon:
        report["salon"] = {"figures": salon, "aims": salon_aims(salon)}
    report["edit_aim"] = edit_aim(board, salon or None)
    if args.export_sizes:
        report["export_repeat"] = args.export_repeat
        report["export_sessions"] = export_sessions
        report["export"] = exports
        report["export_aim"] = export_aim(exports)
        report["first_pdf"] = first_pdfs
        report["first_pdf_aim"] = first_pdf_aim(first_pdfs)
    if room:
        report["room"] = room
    if feedback:
        report["feedback"] = feedback | {"aims": feedback_aims(feedback)}
    return report


# -- the command line -----------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("sizes are positive whole numbers, e.g. 50,500,2000")
    return sizes


def parse_board_sizes(text: str) -> list[int]:
    """Like parse_sizes, but "" (no section) is allowed."""
    return parse_sizes(text) if text.strip() else []


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmark",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        type=parse_board_sizes,
        default=list(DEFAULT_SIZES),
        help='touchpoints per canvas size ("": no canvas section)',
    )
    parser.add_argument(
        "--board-sizes",
        type=parse_board_sizes,
        default=list(DEFAULT_BOARD_SIZES),
        help='notes on the board per size ("": no board section)',
    )
    parser.add_argument("--no-board", action="store_true", help="skip the board section")
    parser.add_argument(
        "--salon-notes",
        type=int,
        default=DEFAULT_SALON_NOTES,
        help=f"notes of the one-session section (default {DEFAULT_SALON_NOTES}; 0: none)",
    )
    parser.add_argument(
        "--salon-cards",
        type=int,
        default=DEFAULT_SALON_CARDS,
        help=f"cards on its journey (default {DEFAULT_SALON_CARDS})",
    )
    parser.add_argument("--no-salon", action="store_true", help="skip the one-session section")
    parser.add_argument(
        "--one-salon", action="store_true", help="measure the one session in this process"
    )
    parser.add_argument(
        "--export-sizes",
        type=parse_export_sizes,
        default=list(DEFAULT_EXPORT_SIZES),
        help='sessions to export: "demo" or a number of cards ("": no export section)',
    )
    parser.add_argument(
        "--export-formats",
        type=parse_export_formats,
        default=list(EXPORT_FORMATS),
        help=f"formats to export each session to (default {','.join(EXPORT_FORMATS)})",
    )
    parser.add_argument("--no-export", action="store_true", help="skip the export section")
    parser.add_argument(
        "--room-phones", type=int, default=100, help="simulated phones (0: no room section)"
    )
    parser.add_argument("--room-notes", type=int, default=20, help="notes each phone sends")
    parser.add_argument(
        "--room-seconds", type=float, default=60.0, help="the time the phones send them in"
    )
    parser.add_argument("--no-room", action="store_true", help="skip the room section")
    parser.add_argument(
        "--feedback-answers",
        type=int,
        default=DEFAULT_FEEDBACK_ANSWERS,
        help=f"survey answers to import and show (default {DEFAULT_FEEDBACK_ANSWERS}; "
        "0: no feedback section)",
    )
    parser.add_argument("--no-feedback", action="store_true", help="skip the feedback section")
    parser.add_argument("--one-room", action="store_true", help="measure the room in this process")
    parser.add_argument(
        "--repeat",
        type=int,
        help=f"open runs per size (default {DEFAULT_REPEAT}), and the samples of every frame and "
        f"edit figure in proportion (at least 2); warm runs per export "
        f"(default {DEFAULT_EXPORT_REPEAT})",
    )
    parser.add_argument("--json", metavar="OUT.json", help="also write the figures ('-': stdout)")
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="every size and section in this process, not each in a fresh one (for the tests: "
        "quicker, but peak RSS and the first runs are then not each measurement's own)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="for the tests, which check that every section runs and prints, not its figures: "
        f"--in-process, a {'×'.join(map(str, SMOKE_SCREEN))} canvas (not 1920×1080), no wait "
        "for its rendering in idle moments before a pan, a zoom or an edit "
        "(tests.benchmark.smoke)",
    )
    parser.add_argument("--one", type=int, metavar="SIZE", help="measure one size in this process")
    parser.add_argument(
        "--one-board", type=int, metavar="SIZE", help="measure one board size in this process"
    )
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    args.export_repeat = args.repeat or DEFAULT_EXPORT_REPEAT
    args.repeat = args.repeat or DEFAULT_REPEAT
    if args.smoke:
        args.in_process = True
    if args.no_board:
        args.board_sizes = []
    if args.no_export:
        args.export_sizes = []
    if args.no_salon:
        args.salon_notes = 0
    if args.salon_notes < 0 or args.salon_cards < 0:
        parser.error("--salon-notes and --salon-cards must be 0 or more")
    if args.no_room:
        args.room_phones = 0
    if args.no_feedback:
        args.feedback_answers = 0
    if args.feedback_answers < 0:
        parser.error("--feedback-answers must be 0 or more")
    if args.room_phones < 0 or args.room_notes < 1 or args.room_seconds <= 0:
        parser.error("--room-phones must be 0 or more, --room-notes and --room-seconds positive")
    return args


def run_one_section(args: argparse.Namespace) -> dict[str, Any] | None:
    """The report of the one size or section that --one, --one-board, --one-salon or --one-room
    asks for, measured in this process (None when none is asked for)."""
    if args.one is not None:
        return run_one(args.one, args.repeat)
    if args.one_board is not None:
        return run_one(args.one_board, args.repeat, board=True)
    if args.one_room:
        return run_one_room(args)
    if args.one_salon:
        return run_one_salon(args.salon_notes, args.salon_cards, args.repeat)
    return None


def measure(argv: list[str]) -> dict[str, Any]:
    """The report of one size or section, as a child's JSON has it (tests.benchmark.processes)."""
    report = run_one_section(parse_args(argv))
    if report is None:
        raise ValueError(f"no size or section to measure in {argv}")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    keep_compiled_modules()  # the children run from compiled modules, as an installed app does
    args = parse_args(argv)
    to_stdout = args.json == "-"

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    if args.smoke:
        start_smoke()  # before the first window, which is made at the smoke run's size
    report = run_one_section(args)
    if report is None:
        report = run_all(args, log)
    if args.smoke:
        report["smoke"] = True
    print(format_table(report), file=sys.stderr if to_stdout else sys.stdout, flush=True)
    if args.json:
        write_json(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
