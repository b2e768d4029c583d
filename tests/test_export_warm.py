"""Once the window has painted, the PDF exporter is made ready in the background (reportlab
imported, the fonts found and registered), so the first PDF export is as quick as the next;
quitting while it is still under way neither hangs nor crashes.

Each test starts the real window in a fresh process (offscreen), since what is measured is
what a fresh process has not loaded yet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cocreate.demo import load_demo

ROOT = Path(__file__).resolve().parents[1]

START = """
import json, sys, threading
from PySide6.QtCore import QEvent, QObject, QTimer
from cocreate.export import warm
from cocreate.ui.app import create_application, start_window

seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = True
            seen["pdf_loaded_at_first_paint"] = "cocreate.export.pdf" in sys.modules
            seen["warming_at_first_paint"] = warm.started()
        return False

draw_sample = warm.draw_sample

def watched_sample():  # what the warm-up draws, and where (the exporter is loaded by now)
    import cocreate.export.pdf.document as pdf_document

    draw_pdf = pdf_document.draw_pdf

    def drawn(handle, data):
        draw_pdf(handle, data)
        start = handle.getvalue()[:5].decode()
        seen["sample"] = [data.session["title"], type(handle).__name__, start]
        seen["sample_on_its_thread"] = threading.current_thread() is not threading.main_thread()

    pdf_document.draw_pdf = drawn
    draw_sample()

warm.draw_sample = watched_sample
app = create_application()
watcher = FirstPaint()
app.installEventFilter(watcher)
window = start_window(demo=True)
QTimer.singleShot(60_000, lambda: app.exit(3))  # never wait for ever
"""

READY = """
def ready():
    if not warm.done.is_set():
        QTimer.singleShot(20, ready)
        return
    import linecache
    from reportlab.pdfbase import pdfmetrics
    seen["pdf_loaded"] = "cocreate.export.pdf" in sys.modules
    seen["sources_kept"] = [name for name in linecache.cache if name.endswith(".py")]
    seen["fonts"] = [n for n in pdfmetrics.getRegisteredFontNames() if n.startswith("cocreate-")]
    window.close()
    app.quit()

QTimer.singleShot(0, ready)
code = app.exec()
print(json.dumps(seen))
sys.exit(code)
"""

CLOSE_WHILE_WARMING = """
hold = threading.Event()
warm.warm_pdf_exporter = hold.wait  # a warm-up that does not end (a slow disk, say)

def close_while_warming():
    if not warm.started():
        QTimer.singleShot(20, close_while_warming)
        return
    seen["warming_when_closed"] = not warm.done.is_set()
    window.close()
    app.quit()

QTimer.singleShot(0, close_while_warming)
code = app.exec()
print(json.dumps(seen), flush=True)
sys.exit(code)
"""


def fresh_window(
    script: str, data_dir: Path, more_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "COCREATE_DATA_DIR": str(data_dir)}
    env |= more_env or {}
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def seen_in(done: subprocess.CompletedProcess[str]) -> dict:
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Fatal" not in done.stderr, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_after_the_first_paint_the_pdf_exporter_is_made_ready(tmp_path):
    scratch = tmp_path / "temp"  # the process's temporary folder
    scratch.mkdir()
    seen = seen_in(fresh_window(START + READY, tmp_path / "data", {"TMPDIR": str(scratch)}))
    assert seen["painted"]
    # The first paint waited for nothing: the exporter was neither loaded nor loading yet.
    assert not seen["pdf_loaded_at_first_paint"] and not seen["warming_at_first_paint"]
    assert seen["pdf_loaded"]
    assert seen["fonts"]  # found, parsed and registered with reportlab
    # Then it drew the demo's blueprint once, so that the first export runs each drawing
    # step for the second time: in memory, on its own thread, no file read or written.
    title, handle, start = seen["sample"]
    assert title == load_demo()["session"]["title"]
    assert (handle, start) == ("BytesIO", "%PDF-") and seen["sample_on_its_thread"]
    assert list(scratch.iterdir()) == []
    # PySide6's import hook read the source of every module imported after it (the app's,
    # reportlab's) into linecache; none of it is kept once the window is up and warm.
    assert seen["sources_kept"] == []


@pytest.mark.slow
def test_closing_the_window_while_the_exporter_warms_quits_cleanly(tmp_path):
    seen = seen_in(fresh_window(START + CLOSE_WHILE_WARMING, tmp_path))
    assert seen["warming_when_closed"]  # and the process ended all the same (no hang)
