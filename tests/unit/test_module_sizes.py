"""Every module of the app and of the benchmark stays under 600 lines: past that a module
holds more than one idea and becomes hard to change."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 600


def test_every_module_stays_under_600_lines():
    modules = [
        *ROOT.joinpath("cocreate").rglob("*.py"),
        *ROOT.joinpath("tests", "benchmark").rglob("*.py"),
    ]
    assert len(modules) > 100
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in modules
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) >= LIMIT
    }
    assert too_long == {}
