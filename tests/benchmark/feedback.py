"""The feedback section of the benchmark (no Qt here): survey answers at scale, each
measurement in a fresh process (tests.benchmark.feedback_child, tests.benchmark.export_child).

- importing N answers from a GB18030 CSV and from an XLSX as Excel and WPS save one: reading,
  mapping (guess_mapping), matching the stage and touchpoint values, planning (every row
  checked) and writing (Document.import_feedback, one transaction) into the demo's first
  journey; the first import of the process, and the median of the next ones;
- the NPS after one change, in the window on the demo plus N answers: an edit adding one
  answer, split into the write, the window's listeners (the badges and the curve's second
  line) and the commit; the figures' recomputation alone (Document.feedback_scores and the
  NPS of each card, stage and the journey); the canvas's badge refresh; a repaint;
- the PDF of the demo plus N answers (its Voice of the customer pages), beside the demo's.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cocreate.demo import write_demo
from cocreate.store import SessionFile
from tests.benchmark.exports import measure_export
from tests.benchmark.feedback_sessions import (
    Journey,
    answers,
    build_demo_with_answers,
    first_journey,
    write_csv,
    write_shared_strings,
)
from tests.benchmark.processes import Processes, compile_modules

DEFAULT_FEEDBACK_ANSWERS = 10_000
FILES = (  # (what the report calls it, file name, writer)
    ("CSV GB18030", "answers-gb18030.csv", lambda path, rows: write_csv(path, rows, "gb18030")),
    ("XLSX (as Excel saves it)", "answers.xlsx", write_shared_strings),
)
NPS_STEPS = (  # (what the report calls it, key of the child's figures)
    ("add one answer: the whole edit", "edit"),
    ("… the file writes it", "write"),
    ("… the window follows (badges, curve)", "window"),
    ("… commit", "commit"),
    ("scores + NPS per card/stage/journey", "recompute"),
    ("canvas badges refresh", "refresh"),
    ("repaint of the view", "repaint"),
)


def _child(args: list[str], processes: Processes, what: str) -> dict[str, Any]:
    return processes.measure("tests.benchmark.feedback_child", args, what)


def measure_imports(
    count: int, repeat: int, folder: Path, processes: Processes, log: Callable[[str], None]
) -> list[dict[str, Any]]:
    """Rows of the import table: per file, its first import and the median of the next."""
    session = folder / "demo.cocreate"
    write_demo(session)
    store = SessionFile.open(session, read_only=True, lock=False)
    try:
        rows = answers(count, Journey.of(store, first_journey(store)))
    finally:
        store.close()
    results = []
    for name, file_name, write in FILES:
        source = write(folder / file_name, rows)
        log(f"measuring the import of {count} answers from the {name} …")
        child = _child(["import", str(source), str(session), str(repeat)], processes, name)
        common = {
            "file": name,
            "answers": count,
            "size_kb": round(source.stat().st_size / 1024, 1),
            "openpyxl_import_ms": child["openpyxl_import_ms"],
            "peak_rss_mb": child["peak_rss_mb"],
        }
        results.append(common | {"run": "first"} | child["first"])
        if child["warm"]:
            results.append(common | {"run": f"median of {repeat}"} | child["warm"])
    return results


def measure_nps(session: Path, repeat: int, processes: Processes) -> dict[str, Any]:
    """The NPS after one change, in the window on the session (in a copy: edits are written)."""
    copy = session.with_name("nps.cocreate")
    copy.write_bytes(session.read_bytes())
    return _child(["nps", str(copy), str(repeat)], processes, "the NPS after one change")


def nps_rows(nps: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"step": name, "answers": nps["answers"]} | nps["steps"][key] for name, key in NPS_STEPS
    ]


def measure_pdfs(
    count: int,
    session: Path,
    repeat: int,
    folder: Path,
    processes: Processes,
    demo_pdf: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """The demo's PDF and the PDF of the demo with the answers, each in a fresh process; the
    demo's is `demo_pdf` when the export section measured it already (with the same repeat)."""
    results = []
    for name, path in (("demo", folder / "demo.cocreate"), (f"demo + {count} answers", session)):
        store = SessionFile.open(path, read_only=True, lock=False)
        try:
            facts = {"session": name, "cards": store.count("touchpoint")}
            held = store.count("feedback")
        finally:
            store.close()
        if name == "demo" and demo_pdf is not None:
            result = demo_pdf | facts
        else:
            result = measure_export(path, facts, "pdf", repeat, processes)
        results.append(result | {"answers": held})
    return results


def run_feedback(
    count: int,
    repeat: int,
    edits: int,
    processes: Processes,
    log: Callable[[str], None],
    demo_pdf: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The section's figures: the import table, the NPS table and the PDF table (the demo's
    PDF is `demo_pdf` when the export section measured it); and the machine, as the window's
    process saw it."""
    if processes.fresh:  # the first import in a child pays openpyxl's import, not its compiling
        modules = ["openpyxl", "cocreate.feedback", "tests.benchmark.feedback_child"]
        compile_modules(modules, processes.data_dir)
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-feedback-") as name:
        folder = Path(name)
        imports = measure_imports(count, repeat, folder, processes, log)
        session = build_demo_with_answers(folder / "answers.cocreate", count)
        log(f"measuring the PDF of the demo with {count} more answers …")
        pdfs = measure_pdfs(count, session, repeat, folder, processes, demo_pdf)
        log(f"measuring the NPS after one change, {edits} edits …")
        nps = measure_nps(session, edits, processes)
    return {
        "answers": count,
        "repeat": repeat,
        "edits": edits,
        "import": imports,
        "nps": nps_rows(nps),
        "nps_session": {key: nps[key] for key in ("answers", "cards", "peak_rss_mb")},
        "pdf": pdfs,
        "machine": nps["machine"],
    }


AIM_ANSWERS = 10_000  # the figures are about this many answers


def feedback_aims(section: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's three aims and how the measurement compares (none unless 10 000 answers)."""
    if section["answers"] != AIM_ANSWERS:
        return []
    first = [row for row in section["import"] if row["run"] == "first"]
    slowest = max(first, key=lambda row: row["total"] + (row["openpyxl_import_ms"] or 0))
    with_import = slowest["total"] + (slowest["openpyxl_import_ms"] or 0)
    steps = {key: row for (_name, key), row in zip(NPS_STEPS, section["nps"], strict=True)}
    window, edit = steps["window"], steps["edit"]
    pdf = section["pdf"][-1]
    pdf_first = pdf["cold_ms"] + pdf["import_ms"]
    return [
        {
            "aim": "importing 10 000 answers in under 2 s (the first import, the slowest file)",
            "measured": f"{slowest['file']}: {slowest['total']:.0f} ms, {with_import:.0f} ms "
            "with openpyxl's import",
            "met": with_import < 2000,
        },
        {
            "aim": "the NPS recomputed after one change in under 10 ms (the window's figures "
            "following the file's change, median)",
            "measured": f"{window['median_ms']:.1f} ms, max {window['max_ms']:.1f} ms; the "
            f"whole edit with its write and commit {edit['median_ms']:.1f} ms",
            "met": window["median_ms"] < 10,
        },
        {
            "aim": "the PDF of the demo plus 10 000 answers in under 2 s",
            "measured": f"{pdf['time_ms']:.0f} ms warm, {pdf_first:.0f} ms cold with the "
            "exporter's import",
            "met": max(pdf["time_ms"], pdf_first) < 2000,
        },
    ]
