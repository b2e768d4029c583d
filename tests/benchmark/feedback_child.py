"""One measurement of the benchmark's feedback section, in a fresh process, so the first run
pays what a person's first import or first edit pays (module imports included). It prints
one line of JSON.

    python -m tests.benchmark.feedback_child import FILE SESSION REPEAT
        reading, mapping, matching, planning and writing (Document.import_feedback) the
        file's answers into the first journey of a copy of SESSION: the first run and REPEAT
        more, each into a fresh copy;
    python -m tests.benchmark.feedback_child nps SESSION REPEAT
        the window on SESSION (offscreen, 1920×1080): REPEAT edits that add one answer, with
        the time the window's figures take to follow, and the figures' recomputation alone.

`measure` is the same in the benchmark's own process (tests.benchmark.processes).
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmark.export_child import peak_rss_mb

PHASES = ("read", "map", "match", "plan", "write")


def _ms(start: int) -> float:
    return round((time.perf_counter_ns() - start) / 1e6, 2)


def _timed(phases: dict[str, float], name: str, step: Callable[[], Any]) -> Any:
    start = time.perf_counter_ns()
    found = step()
    phases[name] = _ms(start)
    return found


def import_once(source: Path, session: Path) -> dict[str, float]:
    """One import of the file's answers into the session's first journey, phase by phase
    (milliseconds), as File > Import Feedback… does it."""
    from cocreate.document import Document
    from cocreate.feedback import (
        Field,
        Targets,
        column_values,
        guess_mapping,
        match_values,
        plan_import,
        read_answers,
    )
    from tests.benchmark.feedback_sessions import Journey, first_journey

    document = Document.open(session)
    try:
        journey_id = first_journey(document._store)
        journey = Journey.of(document._store, journey_id)
        phases: dict[str, float] = {}
        table = _timed(phases, "read", lambda: read_answers(source))
        mapping = _timed(phases, "map", lambda: guess_mapping(table.headers))

        def match() -> Targets:
            stages = column_values(table, mapping[Field.STAGE])
            cards = column_values(table, mapping[Field.TOUCHPOINT])
            return Targets(
                match_values(stages, journey.stages),
                match_values(cards, journey.cards),
                journey.card_stages,
            )

        targets = _timed(phases, "match", match)
        plan = _timed(phases, "plan", lambda: plan_import(table, mapping, targets))
        if not plan.ok or len(plan.answers) != len(table.rows):
            raise SystemExit(f"{source.name}: the plan failed: {plan.first_problem}")
        added = _timed(
            phases,
            "write",
            lambda: document.import_feedback(journey_id, plan.answers, str(source)),
        )
        if added != len(plan.answers):
            raise SystemExit(f"{source.name}: {added} of {len(plan.answers)} answers written")
    finally:
        document.close()
    phases["total"] = round(sum(phases[name] for name in PHASES), 2)
    return phases


def measure_import(source: Path, session: Path, repeat: int) -> dict[str, Any]:
    """The first import in this process (with openpyxl's import timed apart for a workbook),
    then the median of `repeat` more; each into a fresh copy of the session."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication(["cocreate-benchmark"])
    assert app is not None
    import cocreate.document  # noqa: F401 - the app has it loaded before any import
    import cocreate.feedback  # noqa: F401 - so does the dialog

    openpyxl_ms = None
    if source.suffix.lower() == ".xlsx":
        start = time.perf_counter_ns()
        import openpyxl  # noqa: F401 - a one-off cost, the first workbook of a window pays it

        openpyxl_ms = _ms(start)
    runs = []
    for run in range(1 + repeat):
        copy = session.with_name(f"{session.stem}-run{run}.cocreate")
        shutil.copyfile(session, copy)
        try:
            runs.append(import_once(source, copy))
        finally:
            for leftover in copy.parent.glob(f"{copy.name}*"):
                leftover.unlink()
    warm = {key: round(statistics.median(run[key] for run in runs[1:]), 2) for key in runs[0]}
    return {
        "openpyxl_import_ms": openpyxl_ms,
        "first": runs[0],
        "warm": warm if repeat else None,
        "peak_rss_mb": peak_rss_mb(),
    }


class EditClock:
    """When the file took an edit's rows (the store's apply returned) and when the last
    listener of the change (after the window's) returned."""

    def __init__(self, document: Any) -> None:
        store = document._store
        self.applied = self.shown = 0
        original = store.apply

        def apply(*args: Any, **kwargs: Any) -> Any:
            found = original(*args, **kwargs)
            self.applied = time.perf_counter_ns()
            return found

        store.apply = apply
        document.changed.connect(self._changed)  # after the window's listeners

    def _changed(self, _change: object) -> None:
        self.shown = time.perf_counter_ns()


def _samples_ms(step: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _run in range(repeat):
        start = time.perf_counter_ns()
        step()
        samples.append(_ms(start))
    return samples


def _figures(samples: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(samples), 2), "max_ms": round(max(samples), 2)}


def measure_nps(session: Path, repeat: int) -> dict[str, Any]:
    """Edits that add one answer to the journey the window shows: the write, the window's
    listeners (the badges, the curve's second line), the commit; and the recomputation of
    the figures on its own (Document.feedback_scores and the NPS of each card, stage and the
    journey), the window's refresh of its badges, and a repaint."""
    from tests.benchmark.feedback_sessions import planned_answers
    from tests.benchmark.measure import Canvas, _start_qt, time_repaints
    from tests.benchmark.report import machine_info

    _start_qt()
    canvas = Canvas(session)
    try:
        document, view = canvas.document, canvas.view
        scene = view.scene()
        journey_id = scene.journey_id
        answers = planned_answers(document._store, journey_id, repeat)
        held = document.feedback_count(journey_id)
        clock = EditClock(document)
        steps: dict[str, list[float]] = {"write": [], "window": [], "commit": [], "edit": []}
        for answer in answers:
            card = scene.cards[answer["touchpoint_id"]]
            before = card.nps.n if card.nps else 0
            start = time.perf_counter_ns()
            document.import_feedback(journey_id, [answer], "one.csv")
            end = time.perf_counter_ns()
            if card.nps is None or card.nps.n != before + 1:
                raise SystemExit("the card's badge did not follow the new answer")
            steps["write"].append(round((clock.applied - start) / 1e6, 2))
            steps["window"].append(round((clock.shown - clock.applied) / 1e6, 2))
            steps["commit"].append(round((end - clock.shown) / 1e6, 2))
            steps["edit"].append(round((end - start) / 1e6, 2))

        def recompute() -> None:
            scores = document.feedback_scores(journey_id)
            scores.nps(), scores.stage_nps(), scores.touchpoint_nps()

        figures = {name: _figures(samples) for name, samples in steps.items()}
        figures["recompute"] = _figures(_samples_ms(recompute, repeat))
        figures["refresh"] = _figures(_samples_ms(scene.feedback.refresh, repeat))
        figures["repaint"] = _figures(time_repaints(view, repeat)[1])
        return {
            "answers": held,  # on the journey, before the edits
            "cards": len(scene.cards),
            "edits": repeat,
            "steps": figures,
            "peak_rss_mb": peak_rss_mb(),
            "machine": machine_info(),
        }
    finally:
        canvas.close()


def measure(argv: list[str]) -> dict[str, Any]:
    """The figures of `import FILE SESSION REPEAT` or `nps SESSION REPEAT`."""
    kind = argv[0]
    if kind == "import":
        return measure_import(Path(argv[1]), Path(argv[2]), int(argv[3]))
    if kind == "nps":
        return measure_nps(Path(argv[1]), int(argv[2]))
    raise SystemExit(f"unknown measurement {kind!r}")


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1:])))
