"""Frames of the canvas as a person moves around it, and a vote by click, each through the
view's own event path: a pan is a middle-button drag, a zoom is Ctrl + the wheel, a vote is a
click on a note while a voting round runs.

A frame's time runs from the event until its paint is done: the event is sent, then the event
loop runs the paints it caused (Qt paints only what changed; when it painted nothing, the
viewport is repainted in the frame's time, so a frame always ends painted).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication

from cocreate.canvas.view import JourneyView
from cocreate.rules import VOTE_BUDGET_MAX
from tests.benchmark.events import PaintCounter, send_ctrl_wheel, send_mouse
from tests.benchmark.report import PAN_STEPS, VOTES
from tests.benchmark.smoke import is_smoke


def _ms(start_ns: int) -> float:
    return (time.perf_counter_ns() - start_ns) / 1e6


def timed_frame(view: JourneyView, counter: PaintCounter, act: Callable[[], None]) -> float:
    """Ms from `act` (sending the event) until the frame it caused is painted."""
    QApplication.processEvents()  # nothing of an earlier frame left in the queue
    before = counter.paints
    start = time.perf_counter_ns()
    act()
    QApplication.processEvents()
    if counter.paints == before:
        view.viewport().repaint()
    return _ms(start)


def frame_figures(name: str, samples: list[float]) -> dict[str, Any]:
    """{name}_median_ms, {name}_max_ms, {name}_frames and the samples."""
    if not samples:
        return {f"{name}_median_ms": None, f"{name}_max_ms": None, f"{name}_frames": 0}
    return {
        f"{name}_median_ms": round(statistics.median(samples), 2),
        f"{name}_max_ms": round(max(samples), 2),
        f"{name}_frames": len(samples),
        f"{name}_samples_ms": [round(sample, 2) for sample in samples],
    }


def settle(view: JourneyView, timeout_s: float = 30.0) -> float:
    """Ms until the view has painted and rendered in its idle moments what a move would
    uncover (its tiles in view and the overview: canvas/tiles.py), as the moments before a
    person starts to pan or zoom give it. A smoke run (tests.benchmark.smoke) does not wait:
    the rendering makes only the figures after it true, which its tests do not check."""
    start = time.perf_counter_ns()
    view.viewport().repaint()
    if is_smoke():
        return _ms(start)
    deadline = time.monotonic() + timeout_s
    while not view.tiles.settled() and time.monotonic() < deadline:
        QApplication.processEvents()
    return _ms(start)


def measure_pan(
    view: JourneyView, area: QRectF, fit_zoom: float, steps: int = PAN_STEPS
) -> dict[str, Any]:
    """A middle-button drag across the canvas from its left edge to its right (or top to
    bottom when it is taller than wide at this zoom) through `area` (the notes), in `steps`
    moves, at twice the zoom that fits everything (fitted, nothing is left to pan to): one
    frame per move."""
    view.auto_fit = False
    view.set_zoom(min(1.0, 2 * fit_zoom))
    view.centerOn(area.center())
    across, down = view.horizontalScrollBar(), view.verticalScrollBar()
    wide = across.maximum() - across.minimum() >= down.maximum() - down.minimum()
    bar = across if wide else down  # the longer way: the other may fit at this zoom
    bar.setValue(bar.minimum())
    QApplication.processEvents()
    settled_ms = settle(view)
    span = bar.maximum() - bar.minimum()
    viewport, counter = view.viewport(), PaintCounter(view.viewport())
    middle, none = Qt.MouseButton.MiddleButton, Qt.MouseButton.NoButton
    step = max(1, round(span / steps)) if span > 0 else 0
    pos = QPoint(viewport.width() - 10, viewport.height() - 10)
    send_mouse(viewport, QEvent.Type.MouseButtonPress, pos, middle, middle)
    samples = []
    try:
        for _move in range(steps if step else 0):
            pos = pos - (QPoint(step, 0) if wide else QPoint(0, step))
            moved_to = QPoint(pos)

            def move(to: QPoint = moved_to) -> None:
                send_mouse(viewport, QEvent.Type.MouseMove, to, none, middle)

            samples.append(timed_frame(view, counter, move))
    finally:
        send_mouse(viewport, QEvent.Type.MouseButtonRelease, pos, middle, none)
        counter.deleteLater()
    pan = {"pan_zoom": round(view.zoom(), 4), "pan_px": span, "pan_across": wide}
    pan["pan_settled_ms"] = round(settled_ms, 1)
    return pan | frame_figures("pan", samples)


def measure_zoom_sweep(view: JourneyView, fit_zoom: float) -> dict[str, Any]:
    """Ctrl + wheel, one notch a frame, from the zoom that fits everything (or the view's
    least zoom, when that is larger) up to 1:1 and back down, the pointer in the middle of the
    viewport."""
    view.auto_fit = False
    view.set_zoom(fit_zoom)  # the view's least zoom when the fit is smaller
    fit_zoom = view.zoom()
    QApplication.processEvents()
    settled_ms = settle(view)
    viewport, counter = view.viewport(), PaintCounter(view.viewport())
    pos = viewport.rect().center()
    samples: list[float] = []
    try:
        for notch, done in ((1, lambda: view.zoom() >= 1.0 - 1e-6),
                            (-1, lambda: view.zoom() <= fit_zoom + 1e-6)):  # fmt: skip
            while not done():
                before = view.zoom()
                turn = partial(send_ctrl_wheel, viewport, pos, notch)
                samples.append(timed_frame(view, counter, turn))
                if view.zoom() == before:  # the view's least or greatest zoom
                    samples.pop()
                    break
    finally:
        counter.deleteLater()
    return {"zoom_from": round(fit_zoom, 4), "zoom_settled_ms": round(settled_ms, 1)} | (
        frame_figures("zoom", samples)
    )


def measure_votes(view: JourneyView, center: QPointF, votes: int = VOTES) -> dict[str, Any]:
    """A voting round started, then `votes` clicks on notes at zoom 1.0 around `center`: ms
    from the press until the dot is committed and painted (the median, and the samples); and
    ms from Workshop ▸ Start Voting (and End Voting, after the clicks) until painted, in the
    view as it was."""
    scene = view.journey_scene()
    document = scene.document
    viewport = view.viewport()
    counter = PaintCounter(viewport)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    samples = []
    try:
        started: list[bool] = []
        round_start = timed_frame(
            view, counter, lambda: started.append(document.start_voting(VOTE_BUDGET_MAX))
        )  # dots enough for every click
        if started != [True]:
            raise RuntimeError("the voting round did not start")
        scene.state.current_author_id = 1
        view.actual_size()
        view.centerOn(center)
        QApplication.processEvents()
        settle(view)
        seen = view.mapToScene(viewport.rect().adjusted(40, 40, -40, -40)).boundingRect()
        targets = [n for n in scene.notes.values() if seen.contains(n.sceneBoundingRect())]
        if len(targets) < votes:
            raise RuntimeError(f"only {len(targets)} whole notes in view to vote on")
        for note in targets[:votes]:
            spot = view.mapFromScene(note.sceneBoundingRect().center())
            held = document.count("vote", note_id=note.note_id)

            def click(at: QPoint = spot) -> None:
                send_mouse(viewport, QEvent.Type.MouseButtonPress, at, left, left)
                send_mouse(viewport, QEvent.Type.MouseButtonRelease, at, left, none)

            samples.append(timed_frame(view, counter, click))
            if document.count("vote", note_id=note.note_id) != held + 1:
                raise RuntimeError(f"the click on note {note.note_id} gave it no dot")
            if len(note.vote_colors) != held + 1:
                raise RuntimeError(f"note {note.note_id} does not show its new dot")
        round_end = timed_frame(view, counter, document.end_voting)
    finally:
        counter.deleteLater()
    return {
        "vote_ms": round(statistics.median(samples), 2),
        "vote_samples_ms": [round(sample, 2) for sample in samples],
        "round_start_ms": round(round_start, 2),
        "round_end_ms": round(round_end, 2),
    }
