"""Measuring one canvas or board size in this process (Qt, offscreen): open (split, beside a
raw sqlite3 read), paint (beside the floors), drop→commit, N→editable, a vote and, for the
salon section, the frames of a pan and a zoom. tests.benchmark.run starts one fresh process
per size."""

from __future__ import annotations

import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QPointF,
    QRectF,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QGraphicsView, QVBoxLayout, QWidget

from cocreate.canvas.paint import paint_on_this_thread
from cocreate.canvas.view import JourneyView
from cocreate.document import Document
from cocreate.geometry import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.layout import CARD_HEIGHT, CARD_WIDTH
from cocreate.records import Row
from cocreate.store import SessionFile
from cocreate.store.paths import DATA_DIR_ENV
from cocreate.ui.journey_tabs import JourneyTabs
from tests.benchmark.events import PaintCounter, send_mouse
from tests.benchmark.export_child import peak_rss_mb
from tests.benchmark.floor import measure_floors
from tests.benchmark.frames import measure_pan, measure_votes, measure_zoom_sweep, settle
from tests.benchmark.open_split import PHASES, ReadTimer, check_ms, raw_read_ms
from tests.benchmark.report import (
    DRAGS,
    NEW_NOTES,
    NOTE_DROPS,
    PAINT_FRAMES,
    PAN_STEPS,
    VOTES,
    machine_info,
    median,
    samples,
)
from tests.benchmark.sessions import (
    BOARD_LEFT,
    NOTE_PITCH_X,
    NOTE_PITCH_Y,
    build_board_session,
    build_session,
)
from tests.benchmark.smoke import screen
from tests.benchmark.window import WindowCanvas, measure_window_open, shown_view


def _ms(start_ns: int) -> float:
    return (time.perf_counter_ns() - start_ns) / 1e6


class Canvas:
    """An opened document shown in JourneyTabs inside a plain 1920×1080 widget (smaller in a
    smoke run, tests.benchmark.smoke). `split`, when given, receives the phases of the open
    (tests.benchmark.open_split), the statements the canvas read with ("selects") and the whole
    open ("open_ms")."""

    def __init__(self, path: Path, split: dict[str, Any] | None = None) -> None:
        start = time.perf_counter_ns()
        self.document = Document.open(path)
        opened = time.perf_counter_ns()
        reads = ReadTimer(self.document.store)
        try:
            self.host = QWidget()
            self.host.resize(*screen())
            self.tabs = JourneyTabs(self.host)
            box = QVBoxLayout(self.host)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(self.tabs)
            self.tabs.set_document(self.document)
            built, build_reads = time.perf_counter_ns(), reads.ms
            self.host.show()
            counter = PaintCounter(self.view.viewport())
            QApplication.processEvents()
            if counter.paints == 0:
                self.view.viewport().repaint()
            painted = time.perf_counter_ns()
        finally:
            reads.close()
        if split is not None:
            split["open_ms"] = (painted - start) / 1e6
            split["file_ms"] = (opened - start) / 1e6
            split["read_ms"] = reads.ms
            split["scene_ms"] = (built - opened) / 1e6 - build_reads
            split["paint_ms"] = (painted - built) / 1e6 - (reads.ms - build_reads)
            split["selects"] = reads.selects()

    @property
    def view(self) -> JourneyView:
        return shown_view(self.tabs)

    def close(self) -> None:
        self.tabs.set_document(None)
        self.host.close()
        self.host.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.document.close()


def measure_open(path: Path, repeat: int) -> dict[str, Any]:
    """Milliseconds from Document.open to the canvas painted once, a fresh canvas each run,
    split into its phases (tests.benchmark.open_split), each the median of the runs; beside
    them, a raw sqlite3 read of the rows the canvas read, right after each run, and the two
    scans of the file's check on open, alone."""
    runs: list[dict[str, Any]] = []
    raw: list[float] = []
    rows = 0
    for _run in range(repeat):
        split: dict[str, Any] = {}
        gc.collect()  # the last run's garbage is not collected in this one's time
        canvas = Canvas(path, split)
        canvas.close()
        runs.append(split)
        gc.collect()
        raw_ms, rows = raw_read_ms(path, split["selects"])
        raw.append(raw_ms)
    checks = [check_ms(path) for _run in range(repeat)]
    result: dict[str, Any] = {name: median([run[name] for run in runs]) for name in PHASES}
    result["open_ms"] = median([run["open_ms"] for run in runs])
    result["open_samples_ms"] = [round(run["open_ms"], 2) for run in runs]
    for name in ("quick_check_ms", "row_check_ms"):
        result[name] = median([check[name] for check in checks])
    result |= {"raw_read_ms": median(raw), "raw_rows": rows}
    result["read_statements"] = len(runs[-1]["selects"])
    load = result["file_ms"] + result["read_ms"]
    result |= {"load_ms": round(load, 2), "load_ratio": _ratio(load, result["raw_read_ms"])}
    result["read_ratio"] = _ratio(result["read_ms"], result["raw_read_ms"])
    return result


def _ratio(value: float | None, baseline: float | None) -> float | None:
    if value is None or not baseline:
        return None
    return round(value / baseline, 2)


def time_repaints(view: QGraphicsView, frames: int) -> tuple[float, list[float]]:
    """The first (cold) frame, then `frames` synchronous full-viewport repaints."""
    QApplication.processEvents()
    start = time.perf_counter_ns()
    view.viewport().repaint()
    first = _ms(start)
    samples = []
    for _frame in range(frames):
        start = time.perf_counter_ns()
        view.viewport().repaint()
        samples.append(_ms(start))
    return first, samples


def fit_everything(view: JourneyView) -> None:
    """The whole canvas, the journey and its board, as large as it fits (never above 100 %).
    Fit Journey (Ctrl+0) shows only the lanes and the curve, so a frame of it would not paint
    the board's notes: this is the frame that paints every item."""
    view.auto_fit = False
    view.fitInView(
        view.journey_scene().itemsBoundingRect().adjusted(-20, -20, 20, 20),
        Qt.AspectRatioMode.KeepAspectRatio,
    )
    if view.zoom() > 1.0:
        view.set_zoom(1.0)


def measure_paint(view: JourneyView, frames: int, center: QPointF | None = None) -> dict[str, Any]:
    """Repaints with everything fitted to the view, then at zoom 1.0 centred on `center` (by
    default the middle of the lanes)."""
    fit_everything(view)
    fit_first, fit = time_repaints(view, frames)
    result: dict[str, Any] = {"fit_zoom": round(view.zoom(), 4)}
    result |= {"paint_fit_ms": median(fit), "paint_fit_first_ms": round(fit_first, 2)}
    _one_to_one(view, center)
    one_first, one = time_repaints(view, frames)
    return result | {"paint_1to1_ms": median(one), "paint_1to1_first_ms": round(one_first, 2)}


def _one_to_one(view: JourneyView, center: QPointF | None) -> None:
    view.actual_size()  # zoom 1.0, and no refit when the scroll bars appear
    layout = view.journey_scene().layout
    view.centerOn(center if center is not None else QPointF(layout.width / 2, layout.curve.y / 2))


def measure_floor_paint(
    view: JourneyView, frames: int, center: QPointF | None, painted: dict[str, Any]
) -> dict[str, Any]:
    """The floors (tests.benchmark.floor) seen as measure_paint saw the canvas, fitted and at
    zoom 1.0, with the canvas's figure (in `painted`) over each floor's."""

    def repaints(target: QGraphicsView) -> float:
        return median(time_repaints(target, frames)[1])

    fit_everything(view)
    result = _named(measure_floors(view, repaints), "fit", painted["paint_fit_ms"])
    _one_to_one(view, center)
    return result | _named(measure_floors(view, repaints), "1to1", painted["paint_1to1_ms"])


def _named(floors: dict[str, Any], zoom: str, canvas_ms: float) -> dict[str, Any]:
    """floor_fill_ms → floor_fill_fit_ms, …, with the canvas's ratio to each floor."""
    named: dict[str, Any] = {"floor_items": floors["floor_items"]}
    for kind in ("fill", "text"):
        floor_ms = floors[f"floor_{kind}_ms"]
        named[f"floor_{kind}_{zoom}_ms"] = floor_ms
        named[f"paint_{zoom}_per_{kind}"] = _ratio(canvas_ms, floor_ms)
    return named


class StatementCounter:
    """The SQL statements a session file runs (every one SQLite runs, whether through
    SQLAlchemy or a plain cursor, BEGIN and COMMIT included), and the transactions among them
    (BEGIN)."""

    def __init__(self, document: Document) -> None:
        self.statements = self.transactions = 0
        self._raw = document.store._raw
        self._raw.set_trace_callback(self._count)

    def _count(self, statement: str) -> None:
        self.statements += 1
        self.transactions += statement.lstrip().upper().startswith("BEGIN")

    def close(self) -> None:
        self._raw.set_trace_callback(None)


class Drop(NamedTuple):
    ms: float  # from the mouse release until the row is committed and the scene shows it
    statements: int  # SQL statements the file ran for the whole gesture, press to repaint
    transactions: int


def _drag(view: JourneyView, start_scene: QPointF, end_scene: QPointF) -> Drop:
    """Press at start_scene, move there in four steps, release at end_scene."""
    view.centerOn((start_scene + end_scene) / 2)
    QApplication.processEvents()
    start, end = view.mapFromScene(start_scene), view.mapFromScene(end_scene)
    viewport, left, none = view.viewport(), Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    counter = StatementCounter(view.journey_scene().document)
    try:
        send_mouse(viewport, QEvent.Type.MouseButtonPress, start, left, left)
        for step in range(1, 5):
            between = start + (end - start) * (step / 4)
            send_mouse(viewport, QEvent.Type.MouseMove, between, none, left)
        began = time.perf_counter_ns()
        send_mouse(viewport, QEvent.Type.MouseButtonRelease, end, left, none)
        elapsed = _ms(began)
        QApplication.processEvents()  # the repaint after the drop, untimed
    finally:
        counter.close()
    return Drop(elapsed, counter.statements, counter.transactions)


def drag_card(view: JourneyView, card_id: int, stage_id: int) -> Drop:
    """Drag a card into the same lane of another stage."""
    scene = view.journey_scene()
    start = scene.cards[card_id].mapToScene(QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2))
    drop = _drag(view, start, QPointF(scene.layout.columns[stage_id].center[0], start.y()))
    row = scene.document.store.row("touchpoint", card_id)
    if row is None or row["stage_id"] != stage_id:
        raise RuntimeError(f"the drop of card {card_id} into stage {stage_id} was not committed")
    return drop


def drop_figures(drops: Sequence[Drop]) -> dict[str, Any]:
    """drop→commit ms and the statements and transactions of one drop (medians), and samples."""
    if not drops:
        return {"drop_commit_ms": None, "drop_statements": None, "drop_transactions": None}
    return {
        "drop_commit_ms": median([drop.ms for drop in drops]),
        "drop_statements": statistics.median_low(drop.statements for drop in drops),
        "drop_transactions": statistics.median_low(drop.transactions for drop in drops),
        "drop_commit_samples_ms": [round(drop.ms, 2) for drop in drops],
        "drop_statements_samples": [drop.statements for drop in drops],
    }


def measure_drags(view: JourneyView, drags: int) -> list[Drop]:
    """Drag one card back and forth between two neighbouring stages."""
    scene = view.journey_scene()
    if not scene.cards or len(scene.layout.stage_order) < 2:
        return []
    view.actual_size()
    settle(view)
    card_id = min(scene.cards)
    order = scene.layout.stage_order
    home = scene.cards[card_id].row["stage_id"]
    index = order.index(home)
    away = order[index + 1] if index + 1 < len(order) else order[index - 1]
    samples = []
    for drag in range(drags):
        samples.append(drag_card(view, card_id, away if drag % 2 == 0 else home))
    return samples


def file_facts(path: Path, build_ms: float) -> dict[str, Any]:
    """The file's size, the time it took to build, and peak memory before any window."""
    built = {"file_kb": round(path.stat().st_size / 1024, 1), "build_ms": round(build_ms, 2)}
    return built | {"rss_before_mb": peak_rss_mb()}


def measure_size(size: int, repeat: int) -> dict[str, Any]:
    """Every figure of one journey size, measured in this process: in the window (open, paint,
    drags, peak memory), then the open split on the canvas alone."""
    links = size // 5
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-") as folder:
        os.environ[DATA_DIR_ENV] = str(Path(folder) / "data")
        path = Path(folder) / f"bench-{size}.cocreate"
        start = time.perf_counter_ns()
        build_session(path, size, links)
        result: dict[str, Any] = {"size": size, "touchpoints": size, "links": links}
        result |= file_facts(path, _ms(start))
        result |= measure_window_open(path, repeat)
        window = WindowCanvas(edited_copy(path))
        try:
            frames = samples(PAINT_FRAMES, repeat)
            result |= measure_paint(window.view, frames)
            result["peak_rss_mb"] = peak_rss_mb()  # the app's: before the floors
            result |= measure_floor_paint(window.view, frames, None, result)
            result |= drop_figures(measure_drags(window.view, samples(DRAGS, repeat)))
        finally:
            window.close()
        result |= measure_open(path, repeat)
    return result


def edited_copy(path: Path) -> Path:
    """A copy of the session for the window, so that its edits leave the file as built."""
    copy = path.with_name(f"edited-{path.name}")
    shutil.copyfile(path, copy)
    return copy


# -- measuring the sticky-note board --------------------------------------------------------------


def time_new_note(view: JourneyView) -> float:
    """Ms from N (what the N action calls) until the note editor is shown and has the focus,
    the draft note painted on the viewport. Then Escape's path: the draft cancelled."""
    editor, scene = view.note_editor, view.journey_scene()
    start = time.perf_counter_ns()
    if not view.new_note_at_cursor():
        raise RuntimeError("N made no new note (read-only session?)")
    QApplication.processEvents()
    view.viewport().repaint()  # the draft note and its editor on screen
    deadline = time.monotonic() + 5
    while not (editor.isVisible() and editor.hasFocus()):
        if time.monotonic() > deadline:
            raise RuntimeError("the note editor never became visible with the focus")
        QApplication.processEvents()
    elapsed = _ms(start)
    if scene.draft is None or editor.note_id != 0:
        raise RuntimeError("the editor is not editing the new note")
    editor.cancel()  # Escape on an empty new note: hides the editor, scene.cancel_draft()
    QApplication.processEvents()
    if scene.draft is not None or editor.isVisible():
        raise RuntimeError("the draft note was not cancelled")
    return elapsed


def measure_new_notes(canvas: Canvas | WindowCanvas, count: int, center: QPointF) -> dict[str, Any]:
    """N → editable note, `count` times each with the board fitted to the view and at zoom 1.0
    on `center` (the mouse pointer is off the viewport: the note goes to the view's centre)."""
    canvas.host.activateWindow()
    QApplication.processEvents()
    view = canvas.view
    view.journey_scene().state.current_author_id = 1  # as the N action does: the chosen author
    result: dict[str, Any] = {}
    for name, place in (
        ("fit", lambda: fit_everything(view)),
        ("1to1", lambda: (view.actual_size(), view.centerOn(center))),
    ):
        place()
        QApplication.processEvents()
        settle(view)  # the moments before a person presses N
        samples = [time_new_note(view) for _run in range(count)]
        result |= {
            f"new_note_{name}_ms": median(samples),
            f"new_note_{name}_first_ms": round(samples[0], 2),
            f"new_note_{name}_samples_ms": [round(s, 2) for s in samples],
        }
    result["new_note_ms"] = result["new_note_fit_ms"]
    return result


def drag_note(view: JourneyView, note_id: int, spot: QPointF) -> Drop:
    """Drag a note by its middle so that its top-left corner lands on `spot` (a free place on
    the board)."""
    scene = view.journey_scene()
    grab = QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
    drop = _drag(view, scene.notes[note_id].pos() + grab, spot + grab)
    row = scene.document.store.row("note", note_id)
    stored = None if row is None else scene.note_origin(row) + QPointF(row["x"], row["y"])
    if stored is None or abs(stored.x() - spot.x()) > 2 or abs(stored.y() - spot.y()) > 2:
        raise RuntimeError(f"the drop of note {note_id} at {spot} was not committed: {row}")
    if scene.notes[note_id].pos() != stored:
        raise RuntimeError(f"the scene does not show note {note_id} where the file has it")
    return drop


def measure_note_drops(view: JourneyView, drops: int) -> list[Drop]:
    """At zoom 1.0, drag the board's last free note to the open space below the grid and back."""
    scene = view.journey_scene()
    free = [note for note in scene.notes.values() if note.row["cluster_id"] is None]
    if not free:
        return []
    view.actual_size()
    settle(view)
    note = max(free, key=lambda item: (item.y(), item.x()))
    home = note.pos()
    away = QPointF(max(BOARD_LEFT, home.x() - NOTE_PITCH_X), home.y() + 2 * NOTE_PITCH_Y)
    return [drag_note(view, note.note_id, away if drop % 2 == 0 else home) for drop in range(drops)]


def _notes_area(view: JourneyView) -> QRectF:
    """Where the notes are (the board's area when it has none)."""
    scene = view.journey_scene()
    area = QRectF()
    for note in scene.notes.values():
        area = area.united(note.sceneBoundingRect())
    return area if not area.isEmpty() else scene.board.area


def _notes_center(view: JourneyView) -> QPointF:
    """The middle of the notes on the board."""
    return _notes_area(view).center()


def measure_board_size(size: int, repeat: int) -> dict[str, Any]:
    """Every figure of one board size, measured in this process."""
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-") as folder:
        os.environ[DATA_DIR_ENV] = str(Path(folder) / "data")
        path = Path(folder) / f"board-{size}.cocreate"
        start = time.perf_counter_ns()
        build_board_session(path, size)
        result = {"size": size} | measure_board_file(path, repeat, _ms(start))
    return result


def measure_board_file(path: Path, repeat: int, build_ms: float, *, frames: bool = False) -> Row:
    """Every figure of a board session: what it holds, its open split beside the raw read,
    paint beside the floors, N→editable, a note's drop, a vote, peak RSS (before the floors,
    which are not the app's memory) and, with `frames`, the frames of a pan and a zoom."""
    store = SessionFile.open(path, lock=False)
    try:
        counts = {table: store.count(table) for table in ("note", "participant", "cluster")}
        counts["touchpoints"] = store.count("touchpoint")
    finally:
        store.close()
    result: dict[str, Any] = {
        "notes": counts["note"],
        "participants": counts["participant"],
        "clusters": counts["cluster"],
        "touchpoints": counts["touchpoints"],
    }
    result |= file_facts(path, build_ms) | measure_window_open(path, repeat)
    window = WindowCanvas(edited_copy(path))
    try:
        view = window.view
        center, area = _notes_center(view), _notes_area(view)
        repaints = samples(PAINT_FRAMES, repeat)
        result |= measure_paint(view, repaints, center)
        if frames:
            result |= measure_pan(view, area, result["fit_zoom"], samples(PAN_STEPS, repeat))
            result |= measure_zoom_sweep(view, result["fit_zoom"])
        result["peak_rss_mb"] = peak_rss_mb()  # the app's: before the floors
        result |= measure_floor_paint(view, repaints, center, result)
        result |= measure_new_notes(window, samples(NEW_NOTES, repeat), center)
        result |= drop_figures(measure_note_drops(view, samples(NOTE_DROPS, repeat)))
        result |= measure_votes(view, center, samples(VOTES, repeat))
    finally:
        window.close()
    return result | measure_open(path, repeat)


# -- one size in this process ----------------------------------------------------------------------


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, but not the offscreen plugin's note on every window shown."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _start_qt() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paint_on_this_thread()  # as the window paints (cocreate.ui.app.create_application)
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication(["cocreate-benchmark"])
    assert app is not None


def run_one_canvas(size: int, repeat: int) -> dict[str, Any]:
    """The report of one size, measured in this process."""
    _start_qt()
    result = measure_size(size, repeat)
    return {"machine": machine_info(), "repeat": repeat, "results": [result]}


def run_one_board(size: int, repeat: int) -> dict[str, Any]:
    """The report of one board size, measured in this process."""
    _start_qt()
    result = measure_board_size(size, repeat)
    return {"machine": machine_info(), "repeat": repeat, "results": [], "board": [result]}
