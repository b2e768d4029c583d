"""How long survey answers take in the session file: the import of a plan's answers (checked
against the rules, one bulk insert, one commit), taking it back (the undo's ops), deleting a
stage and a journey with their answers and undoing that, and counting a journey's scores for
the NPS badges. On the demo salon, whose first journey gets the answers. Measurements, not a
test; reading, planning and importing a file, and the NPS after one change, are in the
benchmark's feedback section (tests.benchmark.feedback).

Run as `uv run python -m tests.benchmark.feedback_store [--answers 10000] [--repeat 5]`;
it prints the median wall and CPU seconds of each step.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cocreate.demo import write_demo
from cocreate.feedback.answers import feedback_scores, import_ops
from cocreate.store import SessionFile
from cocreate.store.ops import Op, inverse_ops
from tests.benchmark.feedback_sessions import planned_answers


def timed(step: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - wall, time.process_time() - cpu


def one_run(folder: Path, count: int) -> dict[str, tuple[float, float]]:
    path = folder / "salon.cocreate"
    path.unlink(missing_ok=True)
    write_demo(path)
    store = SessionFile.open(path, lock=False)
    try:
        answers = planned_answers(store, 1, count)
        ops: list[Op] = []
        times = {}

        def import_answers() -> None:
            ops.extend(import_ops(store, 1, answers, "survey.xlsx"))
            store.apply(ops)

        times["import (check, insert, commit)"] = timed(import_answers)
        times["scores of the journey"] = timed(lambda: feedback_scores(store, 1))
        times["undo the import"] = timed(lambda: store.apply(inverse_ops(ops)))
        store.apply(ops)
        stage = store.rows("stage", journey_id=1)[2]["id"]
        for what, table, row_id in (("a stage", "stage", stage), ("the journey", "journey", 1)):
            deleted: list[Op] = []

            def delete(table: str = table, row_id: int = row_id, deleted: list = deleted) -> None:
                deleted.extend(store.delete_ops(table, [row_id]))
                store.apply(deleted)

            times[f"delete {what} with its answers"] = timed(delete)
            times[f"undo deleting {what}"] = timed(lambda d=deleted: store.apply(inverse_ops(d)))
        return times
    finally:
        store.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        runs = [one_run(Path(folder), args.answers) for _ in range(args.repeat)]
    print(f"{args.answers} answers, median of {args.repeat} runs: wall s / CPU s")
    for step in runs[0]:
        wall = statistics.median(run[step][0] for run in runs)
        cpu = statistics.median(run[step][1] for run in runs)
        print(f"  {step:<40} {wall:6.3f} / {cpu:6.3f}")


if __name__ == "__main__":
    main()
