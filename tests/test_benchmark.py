"""The benchmark runs end to end and prints every table. No figure is checked here: timings live
in the benchmark's report, not in tests (tests/unit/test_benchmark_report.py tests its parts).

One run at tiny sizes measures every section (`benchmark_run`), all of them in its one process
(--in-process spares an interpreter, its imports and a window per section; the real run's fresh
process per size is checked apart, on one measurement); one test checks its tables and its
JSON, section by section."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
NUMBER = r"\s*\d+(?:\.\d+)?\s*"
SIZES = ["--sizes", "20", "--board-sizes", "50", "--salon-notes", "60", "--salon-cards", "10"]
EXPORTS = ["--export-sizes", "demo", "--export-formats", "pdf"]
ROOM = ["--room-phones", "3", "--room-notes", "2", "--room-seconds", "0.3"]
FEEDBACK = ["--feedback-answers", "50"]


class Run(NamedTuple):
    printed: str  # the tables
    report: dict  # the JSON
    folder: Path  # where the JSON was written


@pytest.fixture
def benchmark_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """`python -m tests.benchmark` at tiny sizes, every section in one process, --repeat 1, a
    smoke run (a smaller canvas and no waits for its idle rendering: tests.benchmark.smoke)."""
    folder = tmp_path_factory.mktemp("benchmark")
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "COCREATE_DATA_DIR": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "settings"),  # QSettings apart, as isolated_settings
    }
    figures = folder / "figures.json"
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmark", *SIZES, *EXPORTS, *ROOM, *FEEDBACK]
        + ["--repeat", "1", "--in-process", "--smoke", "--json", str(figures)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return Run(done.stdout, json.loads(figures.read_text(encoding="utf-8")), folder)


@pytest.mark.slow
def test_the_benchmark_runs_every_section_and_prints_its_tables(benchmark_run):
    """One test of the one run (pytest 9 no longer holds an xdist_group on one worker: two
    tests of it ran it twice, once on each worker)."""
    check_the_sizes_exports_and_room(benchmark_run)
    check_the_feedback_section(benchmark_run)


def check_the_sizes_exports_and_room(benchmark_run: Run) -> None:
    printed, report = benchmark_run.printed, benchmark_run.report
    header = (
        "| size | touchpoints | links | open ms | window open ms | paint fit ms | paint 1:1 ms"
        " | drop→commit ms | SQL/drop | transactions/drop | peak RSS MB |"
    )
    assert header in printed
    row = re.compile(r"^\|\s*20\s*\|\s*20\s*\|\s*4\s*\|" + rf"(?:{NUMBER}\|){{8}}\s*$", re.M)
    assert row.search(printed), printed
    board_header = (
        "| size | notes | open ms | window open ms | paint fit ms | paint 1:1 ms | N→editable ms"
        " | drop→commit ms | SQL/drop | transactions/drop | vote ms | peak RSS MB |"
    )
    assert board_header in printed
    # --repeat 1 takes a fifth of each figure's samples (at least two)
    assert "paint: median of 4 synchronous viewport repaints; drop→commit: median of 2 drags" in (
        printed
    )
    assert "N→editable: median of 4 new notes" in printed
    assert "vote: median of 2 clicks" in printed
    board_row = re.compile(r"^\|\s*50\s*\|\s*50\s*\|" + rf"(?:{NUMBER}\|){{10}}\s*$", re.M)
    assert board_row.search(printed), printed
    check_baselines_and_the_salon(printed, report)
    export_header = (
        "| session | cards | format | time ms | cold ms | size KB | pages | peak RSS MB |"
    )
    assert export_header in printed
    demo_cards = len(load_demo_cards())
    export_row = re.compile(
        rf"^\|\s*demo\s*\|\s*{demo_cards}\s*\|\s*pdf\s*\|(?:{NUMBER}\|){{5}}\s*$", re.M
    )
    assert export_row.search(printed), printed
    assert "| png |" not in printed and "| json |" not in printed  # --export-formats
    assert "CPUs" in printed and "Python" in printed and "Qt" in printed
    assert "(--in-process)" in printed  # the figures are not each measurement's own
    assert "(--smoke)" in printed and report["smoke"]  # nor a real run's, and it says so
    # The aim of the 500-card session is not printed (not measured here); the first PDF's is,
    # at every size: a fresh window's first PDF beside its later ones.
    (aim_line,) = [line for line in printed.splitlines() if line.startswith("Aim:")]
    assert aim_line.startswith("Aim: the first PDF from a fresh window is no slower than the ")
    assert "(demo: " in aim_line
    first_header = "| session | cards | windows | first PDF ms | later PDFs ms | first − later ms |"
    assert first_header in printed
    (first,) = report["first_pdf"]
    assert (first["session"], first["windows"]) == ("demo", 1)  # --smoke: one window
    assert first["first_ms"] > 0 and len(first["later_samples_ms"]) == 1  # --repeat 1
    assert report["first_pdf_aim"]["met"] is (first["first_minus_later_ms"] <= 100)
    for section in ("results", "board"):  # a drop writes, in transactions it counts
        (result,) = report[section]
        assert result["drop_transactions"] >= 1 and result["drop_statements"] >= 4  # ≥ BEGIN,
        # a read of the row, its UPDATE and COMMIT, through SQLAlchemy or a plain cursor
    (pdf,) = report["export"]
    assert (pdf["session"], pdf["format"]) == ("demo", "pdf")
    assert pdf["time_ms"] > 0 and pdf["cold_ms"] > 0 and pdf["size_kb"] > 0
    assert len(pdf["warm_samples_ms"]) == 1  # --repeat 1
    assert pdf["rss_before_mb"] <= pdf["peak_rss_mb"]
    assert pdf["pages"] >= 2  # the title page and a blueprint at least
    assert report["export_repeat"] == 1 and report["export_aim"] is None
    folder = benchmark_run.folder
    assert not [*folder.glob("*.pdf"), *folder.glob("*.png")]  # the exports' files are gone
    # The room: three phones' two notes each are committed, in the file once each.
    assert "| phones | notes each | committed |" in printed
    (room,) = report["room"]
    assert (room["sent"], room["committed"], room["in_file"]) == (6, 6, 6), room
    assert (room["refused"], room["twice"], room["missing"]) == (0, 0, 0), room
    assert room["latency_p50_ms"] > 0 and room["notes_per_s"] > 0


RATIO = r"\s*×\d+\.\d\d\s*"


def salon_or_feedback_aims(printed: str) -> list[str]:
    """The lines of aims printed, but for the first PDF's (measured at every size)."""
    first_pdf = "Aim: the first PDF from a fresh window"
    return [
        line
        for line in printed.splitlines()
        if line.startswith("Aim:") and not line.startswith(first_pdf)
    ]


def check_baselines_and_the_salon(printed: str, report: dict) -> None:
    """Every open beside its raw sqlite3 read and every paint beside its floors, each row with
    its ratios; the one-session section with its frames; no aim at these small sizes."""
    opened = (
        "| open ms | file + checks ms | quick_check ms | row check ms | rows ms | scene ms"
        " | first paint ms | raw sqlite3 ms | load ÷ raw | rows ÷ raw |"
    )
    assert "| touchpoints " + opened in printed and "| notes " + opened in printed
    for first in (r"\|\s*20\s*", r"\|\s*50\s*", r"\|\s*60\s*\|\s*10\s*"):
        row = rf"^{first}\|(?:{NUMBER}\|){{8}}(?:{RATIO}\|){{2}}$"
        assert re.search(row, printed, re.M), (first, printed)
    painted = "| items | paint fit ms | floor fill ms | floor text ms | ÷ fill | ÷ text |"
    assert "| notes " + painted in printed and "| touchpoints " + painted in printed
    both = rf"(?:{NUMBER}\|){{3}}(?:{RATIO}\|){{2}}"
    assert re.search(rf"^\|\s*50\s*\|\s*62\s*\|{both}{both}$", printed, re.M), printed
    for section in (report["results"][0], report["board"][0]):
        assert section["raw_read_ms"] > 0 and section["read_statements"] >= 5
        assert section["file_ms"] > 0 and section["read_ms"] > 0 and section["scene_ms"] > 0
        # File ▸ Open in the real window, once (--repeat 1), beside the canvas alone
        assert section["window_open_ms"] > 0 and len(section["window_open_samples_ms"]) == 1
    board = report["board"][0]
    assert board["floor_items"] == 62 and board["raw_rows"] >= 62  # 50 notes, 12 cards
    assert len(board["vote_samples_ms"]) == 2  # --repeat 1: a fifth of 10, at least two
    salon = report["salon"]["figures"]
    assert (salon["notes"], salon["touchpoints"], salon["floor_items"]) == (60, 10, 70)
    assert salon["pan_frames"] == 6 and len(salon["pan_samples_ms"]) == 6  # a fifth of 30
    assert salon["zoom_frames"] >= 2 and salon["zoom_max_ms"] >= salon["zoom_median_ms"] > 0
    assert re.search(rf"^\| pan, 6 frames: median / max ms \|{NUMBER}/{NUMBER}\|", printed, re.M)
    assert re.search(
        rf"^\| File ▸ Open in the window to a painted canvas ms \|{NUMBER}\|", printed, re.M
    )
    assert re.search(rf"^\| paint fitted ms \|{NUMBER}\| floor fill {NUMBER}, fill", printed, re.M)
    assert report["salon"]["aims"] == [] and report["edit_aim"] is None
    assert not salon_or_feedback_aims(printed)  # they are about 10 000 notes and 500 cards


def test_at_10_000_notes_the_report_shows_growth_and_tells_whether_each_aim_was_met():
    from tests.benchmark.report import format_table
    from tests.benchmark.salon import edit_aim, salon_aims

    board = [board_figures(notes, notes / 1000) for notes in (1000, 5000, 10000, 20000)]
    salon = board_figures(10000, 10.0) | {"touchpoints": 500}
    salon |= {"paint_fit_ms": 12.0, "pan_max_ms": 15.0, "zoom_max_ms": 40.0, "open_ms": 450.0}
    salon |= {"window_open_ms": 480.0, "window_notes_ms": 700.0}
    salon |= {"read_ms": 30.0, "raw_read_ms": 20.0, "read_ratio": 1.5, "load_ratio": 4.0}
    salon["peak_rss_mb"] = 200.0
    aims = salon_aims(salon)
    assert [aim["met"] for aim in aims] == [True, False, False, True, True, True]
    report = {"machine": MACHINE, "repeat": 3, "results": [], "board": board}
    report |= {"salon": {"figures": salon, "aims": aims}, "edit_aim": edit_aim(board, salon)}
    printed = format_table(report)
    assert "| cost | 1000 notes | 5000 notes | 10000 notes | 20000 notes |" in printed
    assert "| vote ms | 2.0 | 10.0 (×5.0) | 20.0 (×10.0) | 40.0 (×20.0) |" in printed
    assert "| open ms | 100.0 | 500.0 (×5.0) | 1000.0 (×10.0) | 2000.0 (×20.0) |" in printed
    assert "Aim: the fitted frame under 16 ms: met (12.0 ms)." in printed
    assert "Aim: every frame of a pan and a zoom under 16 ms: NOT met" in printed
    assert "Aim: per-edit costs under 16 ms: NOT met (N→editable 10.0 ms, drop→commit" in printed
    assert (
        "Aim: open to a painted canvas under 500 ms: met (File ▸ Open in the window 480 ms; the "
        "canvas alone 450 ms; every note's item made 700 ms after File ▸ Open)."
    ) in printed
    assert salon_aims(salon | {"window_open_ms": 520.0})[3]["met"] is False
    assert (
        "Aim: the load (reading the rows) at most 2× a raw sqlite3 read of the same rows: met "
        "(rows 30 ms, raw sqlite3 20 ms: ×1.5; with the file's open and checks before them "
    ) in printed
    assert (
        "Aim: per-edit costs under 16 ms at every size (N→editable, drop→commit, vote): NOT "
        "met (the worst: vote 40.0 ms at 20000 notes)."
    ) in printed
    assert salon_aims(salon | {"notes": 9999}) == [] and edit_aim(board[:2], None) is None


def board_figures(notes: int, scale: float) -> dict:
    """Figures of a board of `notes` notes, each `scale` times a 1000-note board's."""
    figures = {"notes": notes, "size": notes, "touchpoints": 12, "participants": 20}
    for key, base in (("open_ms", 100.0), ("paint_fit_ms", 10.0), ("paint_1to1_ms", 8.0),
                      ("new_note_ms", 1.0), ("drop_commit_ms", 1.5), ("vote_ms", 2.0),
                      ("window_open_ms", 120.0),
                      ("peak_rss_mb", 100.0), ("file_ms", 10.0), ("read_ms", 10.0),
                      ("scene_ms", 50.0), ("paint_ms", 30.0), ("raw_read_ms", 5.0),
                      ("load_ms", 20.0), ("quick_check_ms", 1.0), ("row_check_ms", 5.0),
                      ("floor_fill_fit_ms", 5.0), ("floor_text_fit_ms", 20.0),
                      ("floor_fill_1to1_ms", 1.0), ("floor_text_1to1_ms", 3.0)):  # fmt: skip
        figures[key] = base * scale
    figures |= {"load_ratio": 4.0, "read_ratio": 2.0, "floor_items": notes + 12}
    figures |= {"paint_fit_per_fill": 2.0, "paint_fit_per_text": 0.5}
    figures |= {"paint_1to1_per_fill": 8.0, "paint_1to1_per_text": 2.67}
    figures |= {"drop_statements": 5, "drop_transactions": 1, "fit_zoom": 0.1}
    figures |= {"pan_frames": 30, "pan_median_ms": 9.0, "pan_max_ms": 20.0, "pan_px": 1900}
    figures |= {"zoom_frames": 20, "zoom_median_ms": 9.0, "zoom_max_ms": 20.0, "pan_zoom": 0.2}
    return figures


def check_the_feedback_section(benchmark_run: Run) -> None:
    """The import phase by phase, the NPS after a change and the PDF with the answers."""
    printed, report = benchmark_run.printed, benchmark_run.report
    assert "offscreen), " in printed  # the machine line, as the window's process saw Qt
    assert (
        "| file | run | answers | size KB | read ms | map ms | match ms | plan ms | write ms"
        " | total ms | openpyxl import ms | peak RSS MB |"
    ) in printed
    for file, openpyxl in (("CSV GB18030", r"\s*—\s*"), (r"XLSX \(as Excel saves it\)", NUMBER)):
        for run in ("first", "median of 1"):
            row = rf"^\|\s*{file}\s*\|\s*{run}\s*\|\s*50\s*\|(?:{NUMBER}\|){{7}}{openpyxl}\|"
            assert re.search(row + rf"{NUMBER}\|$", printed, re.M), printed
    assert "| after one change | answers | median ms | max ms |" in printed
    section = report["feedback"]
    on_journey = section["nps_session"]["answers"]  # the demo's first journey's, and the 50
    edit = rf"^\|\s*add one answer: the whole edit\s*\|\s*{on_journey}\s*\|(?:{NUMBER}\|){{2}}$"
    assert re.search(edit, printed, re.M), printed
    assert (
        "| session | cards | answers | time ms | cold ms | size KB | pages | peak RSS MB |"
        in printed
    )
    cards = len(load_demo_cards())
    demo_answers = len(load_demo_answers())
    for session, held in (("demo", demo_answers), ("demo \\+ 50 answers", demo_answers + 50)):
        row = rf"^\|\s*{session}\s*\|\s*{cards}\s*\|\s*{held}\s*\|(?:{NUMBER}\|){{5}}$"
        assert re.search(row, printed, re.M), printed
    assert not salon_or_feedback_aims(printed)  # the aims are about 10 000 answers
    assert section["answers"] == 50 and section["aims"] == []
    first = section["import"][0]
    assert first["total"] > 0 and first["write"] > 0 and first["read"] > 0
    assert 50 < on_journey < demo_answers + 50
    demo, with_answers = section["pdf"]
    assert demo["pages"] >= 2 and with_answers["pages"] >= demo["pages"]
    (exported,) = report["export"]  # the export section measured the demo's PDF already
    assert (demo["time_ms"], demo["cold_ms"]) == (exported["time_ms"], exported["cold_ms"])


def test_every_section_can_be_skipped(capsys):
    from tests.benchmark.run import main

    off = ["--sizes", "", "--no-board", "--no-salon", "--no-export", "--no-room", "--no-feedback"]
    assert main(off) == 0
    printed = capsys.readouterr().out
    assert "CPUs" in printed and "Python" in printed  # the machine line
    assert "|" not in printed  # and no table


@pytest.mark.slow
def test_a_measurement_in_a_fresh_process_gives_its_figures_as_json(tmp_path):
    """As the real run measures each size and export: `python -m MODULE ARGS`, whose standard
    output ends with its figures (one line, or indented as `--json -` prints them)."""
    from cocreate.demo import write_demo
    from tests.benchmark.processes import Processes, last_json

    session = tmp_path / "demo.cocreate"
    write_demo(session)
    out = tmp_path / "demo.json"
    args = [str(session), "json", str(out), "1"]
    figures = Processes(tmp_path / "data").measure("tests.benchmark.export_child", args, "JSON")
    assert figures["cold_ms"] > 0 and len(figures["warm_samples_ms"]) == 1 and out.exists()
    report = {"machine": {"cpus": 2}, "results": [{"size": 20}]}
    assert last_json("a line\n" + json.dumps(report, indent=2) + "\n") == report
    assert last_json("{}\n" + json.dumps(report) + "\n") == report


def load_demo_answers() -> list[dict]:
    from cocreate.demo import demo_rows, load_demo

    return demo_rows(load_demo())["feedback"]


def load_demo_cards() -> list[dict]:
    from cocreate.demo import load_demo

    return [card for journey in load_demo()["journeys"] for card in journey["touchpoints"]]


def test_at_10_000_answers_the_feedback_section_tells_whether_each_aim_was_met():
    from tests.benchmark.feedback import NPS_STEPS, feedback_aims
    from tests.benchmark.report import format_table

    def imported(file: str, total: float, openpyxl: float | None) -> dict:
        row = {"read": total, "map": 0.0, "match": 0.0, "plan": 0.0, "write": 0.0}
        row |= {"file": file, "run": "first", "answers": 10_000, "total": total}
        return row | {"size_kb": 1.0, "openpyxl_import_ms": openpyxl, "peak_rss_mb": 100.0}

    nps = [
        {"step": name, "answers": 10_300, "median_ms": 4.0, "max_ms": 6.0} for name, _ in NPS_STEPS
    ]
    pdf = {"session": "demo + 10000 answers", "cards": 29, "answers": 10_308, "size_kb": 1.0}
    pdf |= {
        "time_ms": 500.0,
        "cold_ms": 900.0,
        "import_ms": 1500.0,
        "pages": 12,
        "peak_rss_mb": 1.0,
    }
    section = {
        "answers": 10_000,
        "repeat": 3,
        "edits": 20,
        "import": [imported("CSV GB18030", 700.0, None), imported("XLSX", 1400.0, 500.0)],
        "nps": nps,
        "nps_session": {"answers": 10_300, "cards": 22, "peak_rss_mb": 120.0},
        "pdf": [pdf | {"session": "demo", "answers": 308}, pdf],
    }
    aims = feedback_aims(section)
    assert [aim["met"] for aim in aims] == [True, True, False]  # the PDF's first export: 2.4 s
    printed = format_table(
        {"machine": MACHINE, "results": [], "feedback": section | {"aims": aims}}
    )
    assert (
        "Aim: importing 10 000 answers in under 2 s (the first import, the slowest file): met"
        in printed
    )
    assert "XLSX: 1400 ms, 1900 ms with openpyxl's import" in printed
    assert "Aim: the PDF of the demo plus 10 000 answers in under 2 s: NOT met" in printed
    assert feedback_aims(section | {"answers": 50}) == []


MACHINE = {
    "cpus": 2,
    "cpu_model": "test",
    "python": "3.11",
    "pyside6": "6",
    "qt": "6",
    "qpa": "offscreen",
    "platform": "test",
}
