"""Measuring one canvas or board size in this process (Qt, offscreen): open, paint,
drop→commit and N→editable. tests.benchmark.run starts one fresh process per size."""

from __future__ import annotations

import os
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
    QObject,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from sqlalchemy import event

from cocreate.canvas.view import JourneyView
from cocreate.document import Document
from cocreate.geometry import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.layout import CARD_HEIGHT, CARD_WIDTH
from cocreate.store import SessionFile
from cocreate.store.paths import DATA_DIR_ENV
from cocreate.ui.journey_tabs import JourneyTabs
from tests.benchmark.export_child import peak_rss_mb
from tests.benchmark.report import (
    DRAGS,
    NEW_NOTES,
    NOTE_DROPS,
    PAINT_FRAMES,
    machine_info,
    median,
)
from tests.benchmark.sessions import (
    BOARD_LEFT,
    NOTE_PITCH_X,
    NOTE_PITCH_Y,
    build_board_session,
    build_session,
)

SCREEN = (1920, 1080)


def _ms(start_ns: int) -> float:
    return (time.perf_counter_ns() - start_ns) / 1e6


class PaintCounter(QObject):
    """Counts the paint events of a widget."""

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.paints = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class Canvas:
    """An opened document shown in JourneyTabs inside a plain 1920×1080 widget."""

    def __init__(self, path: Path) -> None:
        self.document = Document.open(path)
        self.host = QWidget()
        self.host.resize(*SCREEN)
        self.tabs = JourneyTabs(self.host)
        box = QVBoxLayout(self.host)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tabs)
        self.tabs.set_document(self.document)
        self.host.show()
        counter = PaintCounter(self.view.viewport())
        QApplication.processEvents()
        if counter.paints == 0:
            self.view.viewport().repaint()

    @property
    def view(self) -> JourneyView:
        view = self.tabs.current_view()
        assert view is not None, "the session has no journey"
        return view

    def close(self) -> None:
        self.tabs.set_document(None)
        self.host.close()
        self.host.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.document.close()


def measure_open(path: Path, repeat: int) -> list[float]:
    """Milliseconds from Document.open to the canvas painted once, a fresh canvas each run."""
    samples = []
    for _run in range(repeat):
        start = time.perf_counter_ns()
        canvas = Canvas(path)
        samples.append(_ms(start))
        canvas.close()
    return samples


def time_repaints(view: JourneyView, frames: int) -> tuple[float, list[float]]:
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
    fit_zoom = view.zoom()
    view.actual_size()  # zoom 1.0, and no refit when the scroll bars appear
    layout = view.journey_scene().layout
    view.centerOn(center if center is not None else QPointF(layout.width / 2, layout.curve.y / 2))
    one_first, one = time_repaints(view, frames)
    return {
        "fit_zoom": round(fit_zoom, 4),
        "paint_fit_ms": median(fit),
        "paint_fit_first_ms": round(fit_first, 2),
        "paint_1to1_ms": median(one),
        "paint_1to1_first_ms": round(one_first, 2),
    }


def _send_mouse(
    widget: QWidget,
    kind: QEvent.Type,
    pos: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
) -> None:
    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


class StatementCounter:
    """The SQL statements a session file runs, and the transactions among them (BEGIN)."""

    def __init__(self, document: Document) -> None:
        self.statements = self.transactions = 0
        self._engine = document.store._engine
        event.listen(self._engine, "before_cursor_execute", self._count)

    def _count(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.statements += 1
        self.transactions += statement.lstrip().upper().startswith("BEGIN")

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._count)


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
        _send_mouse(viewport, QEvent.Type.MouseButtonPress, start, left, left)
        for step in range(1, 5):
            between = start + (end - start) * (step / 4)
            _send_mouse(viewport, QEvent.Type.MouseMove, between, none, left)
        began = time.perf_counter_ns()
        _send_mouse(viewport, QEvent.Type.MouseButtonRelease, end, left, none)
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
    card_id = min(scene.cards)
    order = scene.layout.stage_order
    home = scene.cards[card_id].row["stage_id"]
    index = order.index(home)
    away = order[index + 1] if index + 1 < len(order) else order[index - 1]
    samples = []
    for drag in range(drags):
        samples.append(drag_card(view, card_id, away if drag % 2 == 0 else home))
    return samples


def measure_size(size: int, repeat: int) -> dict[str, Any]:
    """Every figure of one journey size, measured in this process."""
    links = size // 5
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-") as folder:
        os.environ[DATA_DIR_ENV] = str(Path(folder) / "data")
        path = Path(folder) / f"bench-{size}.cocreate"
        start = time.perf_counter_ns()
        build_session(path, size, links)
        build_ms = _ms(start)
        result: dict[str, Any] = {
            "size": size,
            "touchpoints": size,
            "links": links,
            "file_kb": round(path.stat().st_size / 1024, 1),
            "build_ms": round(build_ms, 2),
            "rss_before_mb": peak_rss_mb(),
        }
        opens = measure_open(path, repeat)
        result |= {"open_ms": median(opens), "open_samples_ms": [round(s, 2) for s in opens]}
        canvas = Canvas(path)
        try:
            result |= measure_paint(canvas.view, PAINT_FRAMES)
            drags = measure_drags(canvas.view, DRAGS)
        finally:
            canvas.close()
        result |= drop_figures(drags)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


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


def measure_new_notes(canvas: Canvas, count: int, center: QPointF) -> dict[str, Any]:
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
    note = max(free, key=lambda item: (item.y(), item.x()))
    home = note.pos()
    away = QPointF(max(BOARD_LEFT, home.x() - NOTE_PITCH_X), home.y() + 2 * NOTE_PITCH_Y)
    return [drag_note(view, note.note_id, away if drop % 2 == 0 else home) for drop in range(drops)]


def _notes_center(view: JourneyView) -> QPointF:
    """The middle of the notes on the board."""
    scene = view.journey_scene()
    area = QRectF()
    for note in scene.notes.values():
        area = area.united(note.sceneBoundingRect())
    return area.center() if not area.isEmpty() else scene.board.area.center()


def measure_board_size(size: int, repeat: int) -> dict[str, Any]:
    """Every figure of one board size, measured in this process."""
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-") as folder:
        os.environ[DATA_DIR_ENV] = str(Path(folder) / "data")
        path = Path(folder) / f"board-{size}.cocreate"
        start = time.perf_counter_ns()
        build_board_session(path, size)
        build_ms = _ms(start)
        store = SessionFile.open(path, lock=False)
        try:
            counts = {
                table: store.count(table)
                for table in ("note", "participant", "cluster", "touchpoint")
            }
        finally:
            store.close()
        result: dict[str, Any] = {
            "size": size,
            "notes": counts["note"],
            "participants": counts["participant"],
            "clusters": counts["cluster"],
            "touchpoints": counts["touchpoint"],
            "file_kb": round(path.stat().st_size / 1024, 1),
            "build_ms": round(build_ms, 2),
            "rss_before_mb": peak_rss_mb(),
        }
        opens = measure_open(path, repeat)
        result |= {"open_ms": median(opens), "open_samples_ms": [round(s, 2) for s in opens]}
        canvas = Canvas(path)
        try:
            center = _notes_center(canvas.view)
            result |= measure_paint(canvas.view, PAINT_FRAMES, center)
            result |= measure_new_notes(canvas, NEW_NOTES, center)
            drops = measure_note_drops(canvas.view, NOTE_DROPS)
        finally:
            canvas.close()
        result |= drop_figures(drops)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


# -- one size in this process ----------------------------------------------------------------------


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, but not the offscreen plugin's note on every window shown."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _start_qt() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
