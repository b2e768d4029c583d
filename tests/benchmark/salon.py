"""Issue 12's headline session, measured in one process: a board of 10 000 notes and a journey
of 500 cards in one session (tests.benchmark.sessions.build_board_session), opened to a painted
canvas (split, beside a raw sqlite3 read of the same rows), painted fitted at 1920×1080 and at
1:1 (beside the plain-QGraphicsView floors), every frame of a pan and of a zoom sweep across
it, N→editable, a note's drop, a vote and peak RSS; and the issue's aims for it."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from cocreate.store.paths import DATA_DIR_ENV
from tests.benchmark.sessions import build_board_session

DEFAULT_SALON_NOTES = 10_000
DEFAULT_SALON_CARDS = 500
FRAME_MS = 16.0  # a frame at 60 frames a second
OPEN_MS = 500.0
LOAD_RATIO = 2.0  # the load at most twice a raw sqlite3 read of the same rows
PEAK_RSS_MB = 250.0


def measure_salon(notes: int, cards: int, repeat: int) -> dict[str, Any]:
    """Every figure of the headline session, measured in this process."""
    from tests.benchmark.measure import measure_board_file

    with tempfile.TemporaryDirectory(prefix="cocreate-bench-") as folder:
        os.environ[DATA_DIR_ENV] = str(Path(folder) / "data")
        path = Path(folder) / f"salon-{notes}-{cards}.cocreate"
        start = time.perf_counter_ns()
        build_board_session(path, notes, cards=cards)
        build_ms = (time.perf_counter_ns() - start) / 1e6
        return measure_board_file(path, repeat, build_ms, frames=True)


def run_one_salon(notes: int, cards: int, repeat: int) -> dict[str, Any]:
    from tests.benchmark.measure import _start_qt
    from tests.benchmark.report import machine_info

    _start_qt()
    salon = measure_salon(notes, cards, repeat)
    section = {"figures": salon, "aims": salon_aims(salon)}
    return {"machine": machine_info(), "repeat": repeat, "results": [], "salon": section}


# -- the aims ---------------------------------------------------------------------------------


def _aim(aim: str, met: bool, measured: str) -> dict[str, Any]:
    return {"aim": aim, "met": met, "measured": measured}


def salon_aims(salon: dict[str, Any]) -> list[dict[str, Any]]:
    """Whether the session met each of the issue's aims; none when it is smaller than the
    aims' session (10 000 notes plus 500 cards)."""
    if salon["notes"] < DEFAULT_SALON_NOTES or salon["touchpoints"] < DEFAULT_SALON_CARDS:
        return []
    frames = [salon["pan_max_ms"] or 0.0, salon["zoom_max_ms"] or 0.0]
    edits = {
        "N→editable": salon["new_note_ms"],
        "drop→commit": salon["drop_commit_ms"] or 0.0,
        "vote": salon["vote_ms"],
    }
    worst_edit = max(edits, key=lambda name: edits[name])
    return [
        _aim(
            "the fitted frame under 16 ms",
            salon["paint_fit_ms"] < FRAME_MS,
            f"{salon['paint_fit_ms']:.1f} ms",
        ),
        _aim(
            "every frame of a pan and a zoom under 16 ms",
            max(frames) < FRAME_MS,
            f"pan: median {salon['pan_median_ms']} ms, max {salon['pan_max_ms']} ms; zoom: "
            f"median {salon['zoom_median_ms']} ms, max {salon['zoom_max_ms']} ms",
        ),
        _aim(
            "per-edit costs under 16 ms",
            edits[worst_edit] < FRAME_MS,
            ", ".join(f"{name} {ms:.1f} ms" for name, ms in edits.items()),
        ),
        _aim(
            "open to a painted canvas under 500 ms",
            salon["window_open_ms"] < OPEN_MS,
            f"File ▸ Open in the window {salon['window_open_ms']:.0f} ms; the canvas alone "
            f"{salon['open_ms']:.0f} ms; every note's item made "
            f"{salon['window_notes_ms']:.0f} ms after File ▸ Open",
        ),
        _aim(
            "the load (reading the rows) at most 2× a raw sqlite3 read of the same rows",
            salon["read_ratio"] is not None and salon["read_ratio"] <= LOAD_RATIO,
            f"rows {salon['read_ms']:.0f} ms, raw sqlite3 {salon['raw_read_ms']:.0f} ms: "
            f"×{salon['read_ratio']}; with the file's open and checks before them "
            f"{salon['load_ms']:.0f} ms: ×{salon['load_ratio']}",
        ),
        _aim(
            "peak RSS under 250 MB",
            salon["peak_rss_mb"] is not None and salon["peak_rss_mb"] < PEAK_RSS_MB,
            f"{salon['peak_rss_mb']} MB",
        ),
    ]


def edit_aim(board: list[dict[str, Any]], salon: dict[str, Any] | None) -> dict[str, Any] | None:
    """Per-edit costs under 16 ms at every board size measured (and in the salon): None unless
    a board of 10 000 notes or more was measured."""
    rows = [*board, *([salon] if salon else [])]
    if not rows or max(row["notes"] for row in rows) < DEFAULT_SALON_NOTES:
        return None
    worst: tuple[float, str] = (0.0, "")
    for row in rows:
        for name, key in (("N→editable", "new_note_ms"), ("drop→commit", "drop_commit_ms"),
                          ("vote", "vote_ms")):  # fmt: skip
            if row.get(key) is not None and row[key] > worst[0]:
                worst = (row[key], f"{name} {row[key]:.1f} ms at {row['notes']} notes")
    return _aim(
        "per-edit costs under 16 ms at every size (N→editable, drop→commit, vote)",
        worst[0] < FRAME_MS,
        f"the worst: {worst[1]}",
    )
