"""The benchmark of the canvas, the sticky-note board and the exports (measurements, not tests).

Run it from the repository as `uv run python -m tests.benchmark --help`. Its session builders
and sample texts (tests.benchmark.sessions) are the tests' large sessions too.
"""
