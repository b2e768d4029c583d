"""The feedback import's work off the window's thread: reading the file, and, after each change
in the dialog, matching the stage and touchpoint values, previewing the first rows and planning
the import of every row. The dialog keeps its hands free; a result that a later change made
stale is dropped (each request has a number)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from cocreate.feedback import (
    Answer,
    Field,
    ImportPlan,
    RowProblem,
    SourceRow,
    SourceTable,
    Targets,
    Unmatched,
    column_values,
    match_values,
    plan_import,
    preview,
    read_answers,
)
from cocreate.feedback.matching import folded


@dataclass(frozen=True)
class Stop:
    """One stage of the journey and its cards, in the canvas's order."""

    stage_id: int
    name: str
    cards: tuple[tuple[int, str], ...]  # (id, title)


@dataclass(frozen=True)
class JourneyChoices:
    """What a journey offers the stage and touchpoint values of a file."""

    journey_id: int
    stops: tuple[Stop, ...]

    def stages(self) -> list[tuple[int, str]]:
        return [(stop.stage_id, stop.name) for stop in self.stops]

    def cards(self) -> list[tuple[int, str]]:
        return [card for stop in self.stops for card in stop.cards]

    def card_stages(self) -> dict[int, int]:
        return {card_id: stop.stage_id for stop in self.stops for card_id, _ in stop.cards}


@dataclass(frozen=True)
class Request:
    """Everything one analysis reads: the file, the dialog's choices, the journey."""

    number: int
    table: SourceTable
    mapping: Mapping[Field, int]
    choices: JourneyChoices
    stage_overrides: Mapping[str, int | None] = field(default_factory=dict)
    card_overrides: Mapping[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Suggested:
    """A value no name matched, with the ids to offer first (those whose name holds it or that
    it holds, or those it matches more than once)."""

    unmatched: Unmatched
    first: tuple[int, ...]


@dataclass(frozen=True)
class Analysis:
    """What a request gives: the values to match by hand, the preview and the plan (both None
    without a score column)."""

    request: Request
    stages_to_match: tuple[Suggested, ...]
    cards_to_match: tuple[Suggested, ...]
    shown: list[tuple[SourceRow, Answer | None, list[RowProblem]]]
    plan: ImportPlan | None


class ColumnValues:
    """The distinct values of each column of one file, counted once (thread-safe)."""

    def __init__(self, table: SourceTable) -> None:
        self.table = table
        self._counts: dict[int, Counter[str]] = {}
        self._lock = threading.Lock()

    def of(self, column: int) -> Counter[str]:
        with self._lock:
            found = self._counts.get(column)
        if found is None:
            found = column_values(self.table, column)
            with self._lock:
                self._counts[column] = found
        return found


def _suggest(counts: Counter[str], choices: Sequence[tuple[int, str]]) -> tuple[Suggested, ...]:
    automatic = match_values(counts, choices)
    suggested = []
    for item in automatic.unmatched:
        first = item.candidates or _similar(item.value, choices)
        suggested.append(Suggested(item, first))
    return tuple(suggested)


def _similar(value: str, choices: Sequence[tuple[int, str]]) -> tuple[int, ...]:
    """The choices whose folded name holds the folded value, or is held by it."""
    key = folded(value)
    if not key:
        return ()
    return tuple(
        choice_id
        for choice_id, name in choices
        if (name_key := folded(name)) and (key in name_key or name_key in key)
    )


def analyse(request: Request, values: ColumnValues) -> Analysis:
    """Match, preview and plan (the good rows; the dialog decides whether bad ones block)."""
    mapping, choices = request.mapping, request.choices
    stage_matching = card_matching = None
    stages_to_match: tuple[Suggested, ...] = ()
    cards_to_match: tuple[Suggested, ...] = ()
    if Field.STAGE in mapping:
        counts = values.of(mapping[Field.STAGE])
        stages_to_match = _suggest(counts, choices.stages())
        stage_matching = match_values(counts, choices.stages(), request.stage_overrides)
    if Field.TOUCHPOINT in mapping:
        counts = values.of(mapping[Field.TOUCHPOINT])
        cards_to_match = _suggest(counts, choices.cards())
        card_matching = match_values(counts, choices.cards(), request.card_overrides)
    if Field.SCORE not in mapping:
        return Analysis(request, stages_to_match, cards_to_match, [], None)
    targets = Targets(stage_matching, card_matching, choices.card_stages())
    shown = preview(request.table, mapping, targets)
    plan = plan_import(request.table, mapping, targets, skip_bad=True)
    return Analysis(request, stages_to_match, cards_to_match, shown, plan)


def load_spreadsheet_reader() -> None:
    """Import openpyxl (about a second the first time) so that a workbook opens at once."""
    import openpyxl  # noqa: F401


class Worker(QObject):
    """Runs jobs one after another on a thread of its own and hands each outcome back on the
    window's thread: `finished(number, outcome)`, the outcome being the job's result or the
    exception it raised."""

    finished = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self, number: int, job: Callable[[], Any]) -> None:
        def run() -> None:
            try:
                outcome: Any = job()
            except Exception as error:  # noqa: BLE001 (handed to the dialog, which says it)
                outcome = error
            self.finished.emit(number, outcome)

        self._pool.start(run)

    def wait(self) -> None:
        """Drop the jobs not started and wait for the one running (before the dialog goes)."""
        self._pool.clear()
        self._pool.waitForDone()


def read_job(path: Path) -> Callable[[], SourceTable]:
    return lambda: read_answers(path)


def preload_spreadsheet_reader() -> None:
    """Start importing openpyxl on Qt's shared pool; the dialog opens meanwhile."""
    QThreadPool.globalInstance().start(load_spreadsheet_reader)
