"""Benchmarks of the journey canvas, of its sticky-note board and of the exports, per size.

Measurements, not tests: nothing here passes or fails on a figure. Run, from the repository,

    uv run python -m tests.benchmark [--sizes 50,500,2000] [--board-sizes 500,2000,10000]
        [--no-board] [--export-sizes demo,500,2000] [--export-formats pdf,png,json]
        [--no-export] [--json OUT.json] [--repeat N]

The canvas section (--sizes: touchpoints per journey) measures open, paint, drop→commit (with
the SQL statements and transactions of a drop) and peak memory; the board section
(--board-sizes: sticky notes on one journey's board; "" or --no-board skips it) measures open,
paint, N → an editable new note, a note's drop→commit and peak memory. The export section
(--export-sizes: "demo", the demo session, or a number of cards on one journey, made as the
canvas section makes its sessions; "" or --no-export skips it) measures the PDF, PNG and JSON
exports (--export-formats) of each session: time (cold and warm), output size, PDF pages and
peak memory. The aim it reports against: the 500-card session exports to PDF in under 2 s.

Each size runs in a fresh subprocess (`--one SIZE` or `--one-board SIZE`, with `--json -`), so
its peak RSS is its own; so does each (session, format) of the export section, in a process that
imports only that exporter. Qt runs offscreen (raster painting, no display needed) and cocreate's
data folder is a temporary one, so the user's untitled sessions and locks are never touched.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tests.benchmark.exports import (
    DEFAULT_EXPORT_REPEAT,
    DEFAULT_EXPORT_SIZES,
    EXPORT_FORMATS,
    export_aim,
    parse_export_formats,
    parse_export_sizes,
    run_exports,
    run_module,
)
from tests.benchmark.report import format_table, machine_info, write_json

DEFAULT_SIZES = (50, 500, 2000)
DEFAULT_BOARD_SIZES = (500, 2000, 10000)
DEFAULT_REPEAT = 5


def run_one(size: int, repeat: int, *, board: bool = False) -> dict[str, Any]:
    """The report of one size (of the canvas, or of the board), measured in this process."""
    from tests.benchmark.measure import run_one_board, run_one_canvas

    return run_one_board(size, repeat) if board else run_one_canvas(size, repeat)


def run_child(size: int, repeat: int, data_dir: Path, *, board: bool = False) -> dict[str, Any]:
    """One size (of the canvas, or of the board) in a fresh interpreter, so its peak RSS is its
    own."""
    args = ["--one-board" if board else "--one", str(size), "--repeat", str(repeat), "--json", "-"]
    what = f"board size {size}" if board else f"size {size}"
    return json.loads(run_module("tests.benchmark", args, data_dir, what))


def run_all(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    """Every section the arguments ask for, each size in a fresh process."""
    machine: dict[str, Any] = {}
    results, board = [], []
    export_sessions: list[dict[str, Any]] = []
    exports: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-data-") as data_dir:
        for size in args.sizes:
            log(f"measuring {size} touchpoints …")
            report = run_child(size, args.repeat, Path(data_dir))
            machine = report["machine"]
            results.extend(report["results"])
        for size in args.board_sizes:
            log(f"measuring a board of {size} notes …")
            report = run_child(size, args.repeat, Path(data_dir), board=True)
            machine = report["machine"]
            board.extend(report["board"])
        if args.export_sizes:
            export_sessions, exports = run_exports(
                args.export_sizes, args.export_formats, args.export_repeat, Path(data_dir), log
            )
    report = {"machine": machine or machine_info(), "repeat": args.repeat, "results": results}
    report["board"] = board
    if args.export_sizes:
        report["export_repeat"] = args.export_repeat
        report["export_sessions"] = export_sessions
        report["export"] = exports
        report["export_aim"] = export_aim(exports)
    return report


# -- the command line -----------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("sizes are positive whole numbers, e.g. 50,500,2000")
    return sizes


def parse_board_sizes(text: str) -> list[int]:
    """Like parse_sizes, but "" (no board section) is allowed."""
    return parse_sizes(text) if text.strip() else []


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmark",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES))
    parser.add_argument(
        "--board-sizes",
        type=parse_board_sizes,
        default=list(DEFAULT_BOARD_SIZES),
        help='notes on the board per size ("": no board section)',
    )
    parser.add_argument("--no-board", action="store_true", help="skip the board section")
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
        "--repeat",
        type=int,
        help=f"open runs per size (default {DEFAULT_REPEAT}); warm runs per export "
        f"(default {DEFAULT_EXPORT_REPEAT})",
    )
    parser.add_argument("--json", metavar="OUT.json", help="also write the figures ('-': stdout)")
    parser.add_argument("--one", type=int, metavar="SIZE", help="measure one size in this process")
    parser.add_argument(
        "--one-board", type=int, metavar="SIZE", help="measure one board size in this process"
    )
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    args.export_repeat = args.repeat or DEFAULT_EXPORT_REPEAT
    args.repeat = args.repeat or DEFAULT_REPEAT
    if args.no_board:
        args.board_sizes = []
    if args.no_export:
        args.export_sizes = []
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    to_stdout = args.json == "-"

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    if args.one is not None:
        report = run_one(args.one, args.repeat)
    elif args.one_board is not None:
        report = run_one(args.one_board, args.repeat, board=True)
    else:
        report = run_all(args, log)
    print(format_table(report), file=sys.stderr if to_stdout else sys.stdout, flush=True)
    if args.json:
        write_json(report, args.json)
    return 0
