"""PySide6 6.12.0 aborts on Python 3.11 after a few thousand calls of a method that returns
nothing (a reference to None is dropped each time). pyproject.toml pins <6.12; this test keeps
that pin honest: it fails (the process aborts) on a release with the bug."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # 100 000 calls in a fresh process

CODE = """
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QGraphicsRectItem
app = QApplication([])
item = QGraphicsRectItem(0, 0, 10, 10)
for i in range(100_000):
    item.setPos(i % 500, i % 300)
print("ok", item.pos().x())
"""


def test_a_void_method_survives_100_000_calls():
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ok")
