"""Survey answers as rows of a session's feedback table: the op that imports a plan's answers
(one bulk insert, so thousands of answers are one statement and one undo step), and the reads
the canvas and the docks need (the answers of a journey, their 0-10 distributions per card,
stage and journey, counted by SQLite). The command line and the document share them. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from cocreate.analysis import SCORES, Nps, nps_of_distribution
from cocreate.records import Row
from cocreate.rules import COLUMNS, kept_text, text_max
from cocreate.store import SessionFile, reads
from cocreate.store.ops import InsertMany, Op, driver, table

#: The columns an answer of a plan gives (cocreate.feedback.plan), besides the journey and the
#: file it came from, which the import adds.
ANSWER_KEYS = (
    "score",
    "comment",
    "date",
    "channel",
    "stage_id",
    "touchpoint_id",
    "tier",
    "customer_type",
    "respondent",
    "source_row",
)

#: A 0-10 distribution: how many answers gave each score.
Distribution = tuple[int, ...]


class AnswerError(ValueError):
    """An answer that cannot be stored; the message names the answer (1-based) and why."""


def _first_free_id(store: SessionFile) -> int:
    t = table("feedback")
    with store.reading() as conn:
        return (conn.execute(select(func.max(t.c.id))).scalar() or 0) + 1


def _journey_ids(store: SessionFile, table_name: str, journey_id: int) -> set[int]:
    t = table(table_name)
    with store.reading() as conn:
        return set(conn.execute(select(t.c.id).where(t.c.journey_id == journey_id)).scalars())


#: The free-text columns of an answer: no rule but their length (most values differ).
_FREE_TEXTS = frozenset({"comment", "channel", "tier", "respondent"})


class _Checker:
    """Checks the answers of one import against the rules, a column at a time: a free text
    that needs no cleaning and fits is taken as it is, any other value is checked once per
    distinct value (a few scores, stages, dates and types repeat thousands of times)."""

    def __init__(self, store: SessionFile, journey_id: int) -> None:
        if store.row("journey", journey_id) is None:
            raise AnswerError(f"no journey with id {journey_id}")
        self.ids = {
            "stage_id": _journey_ids(store, "stage", journey_id),
            "touchpoint_id": _journey_ids(store, "touchpoint", journey_id),
        }
        self.columns = COLUMNS["feedback"]
        self.problems: list[tuple[int, str, str]] = []  # (answer index, key, problem)

    def values(self, key: str, given: list[Any]) -> list[Any]:
        """The column's values as the file keeps them; a value that breaks a rule is noted
        in `problems` (the first of the column) and kept as it was."""
        if key in _FREE_TEXTS:
            limit = text_max("feedback", key)
            return [
                value
                if type(value) is str and value.isprintable() and len(value) <= limit
                else self.value(index, key, value)
                for index, value in enumerate(given)
            ]
        if key == "source_row":
            return [
                value if value is None or type(value) is int else self.value(index, key, value)
                for index, value in enumerate(given)
            ]
        seen: dict[tuple[type, Any], Any] = {}
        kept = []
        for index, value in enumerate(given):
            known = (type(value), value)  # True is not 1
            try:
                kept.append(seen[known])
            except KeyError:
                kept.append(seen.setdefault(known, self.value(index, key, value)))
            except TypeError:  # a value that cannot be a key of a dict is of no column's type
                kept.append(self.value(index, key, value))
        return kept

    def value(self, index: int, key: str, value: Any) -> Any:
        column = self.columns[key]
        kept = kept_text("feedback", key, value) if isinstance(value, str) else value
        problem = column.type_problem(kept) or column.value_problem(kept)
        if problem is None and key in self.ids and kept is not None and kept not in self.ids[key]:
            problem = f"no {column.target} with id {kept} in the journey"
        if problem is not None:
            self.problems.append((index, key, problem))
        return kept

    def raise_first(self) -> None:
        if self.problems:
            index, key, problem = min(self.problems, key=lambda found: found[0])
            raise AnswerError(f"answer {index + 1}, {key}: {problem}")


def answer_rows(
    store: SessionFile, journey_id: int, answers: Iterable[Mapping[str, Any]], source: str
) -> list[Row]:
    """The feedback rows of the answers, with new ids: each text as its column keeps it, each
    value checked against the rules, stages and cards of the journey only. AnswerError naming
    the first answer (1-based) that cannot be stored."""
    answers = list(answers)
    checker = _Checker(store, journey_id)
    defaults = {key: COLUMNS["feedback"][key].default for key in ANSWER_KEYS}
    columns = [
        checker.values(key, [answer.get(key, defaults[key]) for answer in answers])
        for key in ANSWER_KEYS
    ]
    checker.raise_first()
    shared = {
        "journey_id": journey_id,
        "source": kept_text("feedback", "source", Path(source).name if source else ""),
    }
    first = _first_free_id(store)
    return [
        {"id": first + index, **shared, **dict(zip(ANSWER_KEYS, values, strict=True))}
        for index, values in enumerate(zip(*columns, strict=True))
    ]


def import_ops(
    store: SessionFile, journey_id: int, answers: Iterable[Mapping[str, Any]], source: str
) -> list[Op]:
    """The op that adds the answers to the journey (none for no answers); see answer_rows."""
    rows = answer_rows(store, journey_id, answers, source)
    return [InsertMany("feedback", rows)] if rows else []


# -- reading ----------------------------------------------------------------------------------


def journey_answers(store: SessionFile, journey_id: int) -> list[Row]:
    """The journey's answers, in the order they were imported."""
    return store.rows("feedback", journey_id=journey_id)


@dataclass(frozen=True)
class FeedbackScores:
    """A journey's answers in numbers: the 0-10 distribution of the journey, of each stage
    and of each card with answers (cards and stages without answers are left out)."""

    journey: Distribution = (0,) * len(SCORES)
    by_stage: dict[int, Distribution] = field(default_factory=dict)
    by_touchpoint: dict[int, Distribution] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(self.journey)

    def nps(self) -> Nps:
        return nps_of_distribution(self.journey)

    def touchpoint_nps(self) -> dict[int, Nps]:
        return {key: nps_of_distribution(counts) for key, counts in self.by_touchpoint.items()}

    def stage_nps(self) -> dict[int, Nps]:
        return {key: nps_of_distribution(counts) for key, counts in self.by_stage.items()}


def feedback_scores(store: SessionFile, journey_id: int) -> FeedbackScores:
    """The journey's distributions, counted by SQLite in one grouped query (no answer is read
    into Python: cheap at 10 000 answers)."""
    journey = [0] * len(SCORES)
    stages: dict[int, list[int]] = {}
    cards: dict[int, list[int]] = {}
    grouped = ("stage_id", "touchpoint_id", "score")
    with store.reading() as conn:
        counted = reads.count_by(driver(conn), "feedback", grouped, {"journey_id": journey_id})
        for stage_id, touchpoint_id, score, count in counted:
            journey[score] += count
            if stage_id is not None:
                stages.setdefault(stage_id, [0] * len(SCORES))[score] += count
            if touchpoint_id is not None:
                cards.setdefault(touchpoint_id, [0] * len(SCORES))[score] += count
    return FeedbackScores(
        tuple(journey),
        {key: tuple(counts) for key, counts in stages.items()},
        {key: tuple(counts) for key, counts in cards.items()},
    )
