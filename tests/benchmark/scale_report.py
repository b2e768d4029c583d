"""The report's tables about size (issue 12): each figure beside its baseline measured in the
same run (open beside a raw sqlite3 read, paint beside the plain-QGraphicsView floors), the
growth of each cost with the board's size, and the headline session with its aims."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

GROWTH = (
    ("open ms", "open_ms"),
    ("window open ms", "window_open_ms"),
    ("paint fit ms", "paint_fit_ms"),
    ("paint 1:1 ms", "paint_1to1_ms"),
    ("N→editable ms", "new_note_ms"),
    ("drop→commit ms", "drop_commit_ms"),
    ("vote ms", "vote_ms"),
    ("peak RSS MB", "peak_rss_mb"),
)

OPEN_COLUMNS = (
    ("open ms", "open_ms"),
    ("file + checks ms", "file_ms"),
    ("quick_check ms", "quick_check_ms"),
    ("row check ms", "row_check_ms"),
    ("rows ms", "read_ms"),
    ("scene ms", "scene_ms"),
    ("first paint ms", "paint_ms"),
    ("raw sqlite3 ms", "raw_read_ms"),
    ("load ÷ raw", "load_ratio"),
    ("rows ÷ raw", "read_ratio"),
)

PAINT_COLUMNS = (
    ("items", "floor_items"),
    ("paint fit ms", "paint_fit_ms"),
    ("floor fill ms", "floor_fill_fit_ms"),
    ("floor text ms", "floor_text_fit_ms"),
    ("÷ fill", "paint_fit_per_fill"),
    ("÷ text", "paint_fit_per_text"),
    ("paint 1:1 ms", "paint_1to1_ms"),
    ("floor fill 1:1 ms", "floor_fill_1to1_ms"),
    ("floor text 1:1 ms", "floor_text_1to1_ms"),
    ("÷ fill 1:1", "paint_1to1_per_fill"),
    ("÷ text 1:1", "paint_1to1_per_text"),
)


def cell(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _ratio_cell(value: Any) -> str:
    return "n/a" if value is None else f"×{value:.2f}"


def markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---:" for _column in header) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _figures(first: Sequence[tuple[str, str]], columns: Sequence[tuple[str, str]],
             results: Sequence[dict[str, Any]]) -> list[str]:  # fmt: skip
    every = [*first, *columns]
    rows = [
        [_ratio_cell(r.get(key)) if "÷" in name else cell(r.get(key)) for name, key in every]
        for r in results
    ]
    return markdown([name for name, _key in every], rows)


def baseline_lines(first: Sequence[tuple[str, str]], results: Sequence[dict[str, Any]],
                   repeat: int) -> list[str]:  # fmt: skip
    """The open split beside the raw read, and the paint beside the floors, one row a size."""
    opened = (
        f"Open beside a raw sqlite3 read, the median of {repeat} run(s) each: file + checks: "
        "Document.open (header, lock, quick_check, the schema, every row against the rules), "
        "with its two scans timed alone beside it; rows: the time in the file's read methods "
        "while the canvas is built and first painted; scene: building the items; first paint: "
        "showing the window until painted; raw sqlite3: the SELECTs the canvas ran, replayed "
        "on a fresh sqlite3 connection, fetched as tuples (connect included); load: file + "
        "checks + rows."
    )
    painted = (
        "Paint beside the floor: a plain QGraphicsView (Qt's defaults) of one plain item per "
        "note and card at its place, seen with the canvas view's own transform and centre in "
        "the same 1920×1080 window; floor fill: each item one fillRect; floor text: fillRect "
        "and one drawText (its text's first line); ÷: the canvas's time over the floor's."
    )
    if not any("floor_items" in r for r in results):
        return ["", *_figures(first, OPEN_COLUMNS, results), "", opened]
    return [
        "", *_figures(first, OPEN_COLUMNS, results), "", opened,
        "", *_figures(first, PAINT_COLUMNS, results), "", painted,
    ]  # fmt: skip


def growth_lines(board: Sequence[dict[str, Any]]) -> list[str]:
    """How each cost grows with the board's size: one column a size, with the ratio to the
    smallest size's figure."""
    if len(board) < 2:
        return []
    base = board[0]
    header = ["cost", *(f"{row['notes']} notes" for row in board)]
    rows = []
    for name, key in GROWTH:
        cells = [cell(base.get(key))]
        for row in board[1:]:
            value, first = row.get(key), base.get(key)
            ratio = f" (×{value / first:.1f})" if value is not None and first else ""
            cells.append(cell(value) + ratio)
        rows.append([name, *cells])
    note = (
        f"Growth with the board's size (the board section's figures): (×n) is the figure over "
        f"the {base['notes']}-note one."
    )
    return ["", *markdown(header, rows), "", note]


def salon_lines(salon: dict[str, Any], aims: Sequence[dict[str, Any]], repeat: int) -> list[str]:
    """The headline session: each figure with its baseline, the open split, and the aims."""
    figures = [
        ["File ▸ Open in the window to a painted canvas ms", cell(salon["window_open_ms"]),
         "—", "—"],
        ["… until every note has its item (made in idle moments after the paint) ms",
         cell(salon.get("window_notes_ms")), "—", "—"],
        ["open, the canvas alone ms", cell(salon["open_ms"]), "—", "—"],
        ["load (file + checks + rows) ms", cell(salon["load_ms"]),
         f"raw sqlite3 {cell(salon['raw_read_ms'])}", _ratio_cell(salon["load_ratio"])],
        ["rows alone ms", cell(salon["read_ms"]),
         f"raw sqlite3 {cell(salon['raw_read_ms'])}", _ratio_cell(salon["read_ratio"])],
        ["paint fitted ms", cell(salon["paint_fit_ms"]),
         f"floor fill {cell(salon.get('floor_fill_fit_ms'))}, "
         f"fill + text {cell(salon.get('floor_text_fit_ms'))}",
         f"{_ratio_cell(salon.get('paint_fit_per_fill'))}, "
         f"{_ratio_cell(salon.get('paint_fit_per_text'))}"],
        ["paint 1:1 ms", cell(salon["paint_1to1_ms"]),
         f"floor fill {cell(salon.get('floor_fill_1to1_ms'))}, "
         f"fill + text {cell(salon.get('floor_text_1to1_ms'))}",
         f"{_ratio_cell(salon.get('paint_1to1_per_fill'))}, "
         f"{_ratio_cell(salon.get('paint_1to1_per_text'))}"],
        [f"pan, {salon['pan_frames']} frames: median / max ms",
         f"{cell(salon['pan_median_ms'])} / {cell(salon['pan_max_ms'])}", "—", "—"],
        [f"zoom sweep, {salon['zoom_frames']} frames: median / max ms",
         f"{cell(salon['zoom_median_ms'])} / {cell(salon['zoom_max_ms'])}", "—", "—"],
        ["N→editable ms", cell(salon["new_note_ms"]), "—", "—"],
        ["drop→commit ms", cell(salon["drop_commit_ms"]), "—", "—"],
        ["vote ms", cell(salon["vote_ms"]), "—", "—"],
        ["voting round start / end ms",
         f"{cell(salon.get('round_start_ms'))} / {cell(salon.get('round_end_ms'))}", "—", "—"],
        ["peak RSS MB", cell(salon["peak_rss_mb"]), "—", "—"],
    ]  # fmt: skip
    way = "left to right" if salon.get("pan_across", True) else "top to bottom"
    note = (
        f"The session of {salon['notes']} notes and {salon['touchpoints']} cards, in one "
        f"process: File ▸ Open in the window: in cocreate's own window, already on screen and "
        f"sized so that its canvas is 1920×1080 beside its panels, until the canvas has "
        f"painted, every panel that follows the session built too (the median of {repeat} "
        f"run(s)); until every note has its item: from the same File ▸ Open until the "
        f"window's idle moments have made the items of the notes the open drew from one item "
        f"(a board of 1 000 notes or more: cocreate/canvas/deferred_notes.py; a press, a key "
        f"or a drag meanwhile has them all made first); the paints, frames and edits are "
        f"measured in that window; "
        f"open, the canvas alone: the median of {repeat} run(s), split below; paint: as the board "
        f"section measures it (fit zoom {salon['fit_zoom']}); pan: a middle-button drag across "
        f"the canvas through the notes, {way}, {salon['pan_px']} px at zoom "
        f"{salon['pan_zoom']} (twice the fit), one frame a move; zoom sweep: Ctrl + wheel, a "
        f"notch a frame, from zoom {salon.get('zoom_from')} (the fit, or the view's least zoom) "
        f"up to 1:1 and back; before each of these and of the edits the view renders, in its "
        f"idle moments, what it shows and what a move would uncover (as the moments before a "
        f"person acts give it: {salon.get('pan_settled_ms')} ms before the pan, "
        f"{salon.get('zoom_settled_ms')} ms before the sweep); a frame: from "
        f"the event until painted, with the idle moments that follow in the same turn of the "
        f"event loop; N→editable, drop→commit, vote (a click on a note while a round runs, until "
        f"its dot is committed and painted): medians."
    )
    first = (("notes", "notes"), ("cards", "touchpoints"))
    lines = ["", *markdown(["figure", "measured", "baseline", "ratio"], figures), "", note]
    lines += baseline_lines(first, [salon], repeat)[:6]  # the open split and its note
    for aim in aims:
        verdict = "met" if aim["met"] else "NOT met"
        lines.append(f"Aim: {aim['aim']}: {verdict} ({aim['measured']}).")
    return lines
