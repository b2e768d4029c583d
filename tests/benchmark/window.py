"""A session opened in cocreate's own window, as a facilitator opens it: File ▸ Open in the
window already on screen, the canvas with every panel that follows the document (the outline,
the tally, the people, the title). The window is sized so that its canvas view is 1920×1080
beside its panels. The open, every paint and every edit are measured here, so that they count
what those panels do too; only the open's split into phases is measured on the canvas alone
(tests.benchmark.measure.Canvas).

The window is made once per process, and what exists then is set aside from the cycle
collector as the app does (cocreate.ui.memory). Its PDF exporter warms up on a thread once the
window has painted (cocreate.export.warm); the benchmark waits for that before it measures, as
a person's first edit comes seconds after the window shows."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QApplication

from cocreate.canvas.view import JourneyView
from cocreate.document import Document
from cocreate.export import warm
from cocreate.ui.journey_tabs import JourneyTabs
from cocreate.ui.main_window import MainWindow
from cocreate.ui.memory import set_aside_what_exists
from tests.benchmark.events import PaintCounter
from tests.benchmark.report import median
from tests.benchmark.smoke import screen

WARM_UP_S = 60.0  # the most the benchmark waits for the PDF exporter's warm-up
NOTES_MADE_S = 30.0  # the most it waits for the idle moments to make every note's item

_window: MainWindow | None = None


def main_window() -> MainWindow:
    """The process's window on screen with no session, its warm-up over, sized so that its
    canvas view is 1920×1080 (the size every paint figure is measured at; smaller in a smoke
    run, tests.benchmark.smoke) beside its panels."""
    global _window
    if _window is None:
        from cocreate.ui import i18n

        translators = i18n.Translators()
        translators.install("en")
        window = MainWindow(translators)
        window.show()
        set_aside_what_exists("window", session_open=False)  # as cocreate.ui.app does
        if not window.new_session():  # a blank session, to see how big its view is
            raise RuntimeError("the window could not start a session")
        for _round in range(3):
            QApplication.processEvents()
        view = window.tabs.current_view()
        assert view is not None
        size = QSize(*screen())
        for _attempt in range(5):  # the panels' layout may take some of a change in size
            missing = size - view.viewport().size()
            if missing.isNull():
                break
            window.resize(window.size() + missing)
            QApplication.processEvents()
        if view.viewport().size() != size:
            raise RuntimeError(f"the canvas view is {view.viewport().size()}, not {size}")
        if not window.close_session():
            raise RuntimeError("the window kept its blank session")
        if not warm.wait(WARM_UP_S):
            raise RuntimeError("the PDF exporter's warm-up did not end")
        _window = window
    return _window


def shown_view(tabs: JourneyTabs) -> JourneyView:
    """The view of the journey the tabs show."""
    view = tabs.current_view()
    assert view is not None, "the session has no journey"
    return view


class WindowCanvas:
    """The session at `path` opened in the window; `split`, when given, receives the time from
    File ▸ Open to the canvas painted ("window_open_ms")."""

    def __init__(self, path: Path, split: dict[str, Any] | None = None) -> None:
        self.host = window = main_window()
        start = time.perf_counter_ns()
        if not window.open_file(path):
            raise RuntimeError(f"the window did not open {path}")
        counter = PaintCounter(self.view.viewport())
        QApplication.processEvents()
        if counter.paints == 0:
            self.view.viewport().repaint()
        if split is not None:
            split["window_open_ms"] = (time.perf_counter_ns() - start) / 1e6
            split["window_notes_ms"] = self._notes_made(start)
        counter.deleteLater()

    def _notes_made(self, start: int) -> float:
        """Let the window's idle moments make the items of the notes a large board's open left
        for later (canvas/deferred_notes.py): the time from File ▸ Open until every note has
        its item."""
        deferral = self.view.journey_scene().deferral
        deadline = time.perf_counter() + NOTES_MADE_S
        while deferral.waiting:
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{deferral.waiting} notes still wait for their items")
            QApplication.processEvents()
        return (time.perf_counter_ns() - start) / 1e6

    @property
    def tabs(self) -> JourneyTabs:
        return self.host.tabs

    @property
    def document(self) -> Document | None:
        return self.host.document

    @property
    def view(self) -> JourneyView:
        return shown_view(self.tabs)

    def close(self) -> None:
        """Close the session, and let the window do what it does when back in its event loop:
        Qt deletes the closed views, then the window frees what they held."""
        if not self.host.close_session():
            raise RuntimeError("the window kept its session open")
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def measure_window_open(path: Path, repeat: int) -> dict[str, Any]:
    """File ▸ Open to a painted canvas in the window, `repeat` times (the session closed
    between the runs, untimed): the median and each run; and the median time until every
    note has its item."""
    runs: list[float] = []
    made: list[float] = []
    for _run in range(repeat):
        split: dict[str, Any] = {}
        WindowCanvas(path, split).close()
        runs.append(split["window_open_ms"])
        made.append(split["window_notes_ms"])
    return {
        "window_open_ms": median(runs),
        "window_open_samples_ms": [round(r, 2) for r in runs],
        "window_notes_ms": median(made),
    }
