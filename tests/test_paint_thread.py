"""The board is painted on the thread that paints it: Qt's raster engine hands no fill to its
GUI thread pool (cocreate.canvas.paint.paint_on_this_thread), in the window and in the image
export. On two cores the pool's hand-offs made each frame of a zoom slower, not faster.

Each in a process of its own, as cocreate starts them: Qt reads the switch once, at its first
fill, and the test process has its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cocreate.canvas.paint import NO_GUI_THREAD_POOL

pytestmark = pytest.mark.slow  # a fresh process each

ROOT = Path(__file__).resolve().parents[1]

#: Start Qt as {start} does, paint a fill of 1 080 rows (which Qt splits for its pool when the
#: pool is on), and print the names of the process's threads.
THREADS_AFTER_A_FILL = """
import os, sys
from pathlib import Path
from PySide6.QtGui import QColor, QImage, QPainter
folder = Path(sys.argv[1])
{start}
image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
painter = QPainter(image)
painter.fillRect(image.rect(), QColor(20, 40, 60, 128))
painter.end()
tasks = Path("/proc/self/task")
print("|".join(sorted((tasks / task / "comm").read_text().strip() for task in os.listdir(tasks))))
"""

PLAIN_QT = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
"""

THE_WINDOWS_APPLICATION = """
from cocreate.ui.app import create_application
app = create_application()
"""

AN_IMAGE_EXPORT = """
from cocreate.canvas.image_export import export_journey_image
from cocreate.demo import write_demo
write_demo(folder / "demo.cocreate")
export_journey_image(folder / "demo.cocreate", folder / "demo.png")
assert (folder / "demo.png").stat().st_size > 0
"""

POOLED = "Thread (pooled)"  # what Qt names its pool's threads


def threads_after_a_fill(start: str, folder: Path) -> list[str]:
    if not Path("/proc/self/task").exists():
        pytest.skip("no /proc/self/task here (not Linux)")
    environment = {k: v for k, v in os.environ.items() if k != NO_GUI_THREAD_POOL}
    environment["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", THREADS_AFTER_A_FILL.replace("{start}", start), str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1].split("|")


def test_plain_qt_would_hand_the_fill_to_its_pool(tmp_path):
    """What the two tests below rule out happens without cocreate's switch."""
    assert POOLED in threads_after_a_fill(PLAIN_QT, tmp_path)


@pytest.mark.parametrize("start", [THE_WINDOWS_APPLICATION, AN_IMAGE_EXPORT])
def test_cocreate_paints_on_the_painting_thread_only(tmp_path, start):
    assert POOLED not in threads_after_a_fill(start, tmp_path)
