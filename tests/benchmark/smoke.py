"""A smoke run (--smoke), for the tests: they check that every section of the benchmark runs
and prints its tables, not its figures, so the run spares what only makes the figures true.
Its canvas has a quarter of the pixels (every paint, every floor and the tiles rendered in
idle moments cost in proportion); and no measurement waits for the canvas's idle rendering to
end before a pan, a zoom or an edit (tests.benchmark.frames.settle). At the tests' sizes these
were about a quarter of the run's CPU time.

It holds for the whole process, which measures every section itself (--smoke implies
--in-process): chosen before the first window, which is made once per process at its size.
"""

from __future__ import annotations

SCREEN = (1920, 1080)  # the canvas view every paint and edit figure is measured at
# The same shape at half the width and height; the window's panels let its view be no lower
# than about 480 pixels, so a smaller 16:9 view would not fit.
SMOKE_SCREEN = (960, 540)

_smoke = False


def start_smoke() -> None:
    """Make this process's run a smoke run (before its first window)."""
    global _smoke
    _smoke = True


def is_smoke() -> bool:
    return _smoke


def screen() -> tuple[int, int]:
    """The size of the canvas view the measurements paint."""
    return SMOKE_SCREEN if _smoke else SCREEN
