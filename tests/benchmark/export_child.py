"""One export measured in a fresh process for the benchmark.

Run as `python -m tests.benchmark.export_child SESSION FORMAT OUT REPEAT`; it imports only the
exporter it measures, so its peak memory is that export's (the benchmark itself loads Qt's
widgets). It prints one line of JSON. No Qt unless the format is png or svg. `measure` is the
same in the benchmark's own process (tests.benchmark.processes).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any


def peak_rss_mb() -> float | None:
    """This process's peak memory: VmHWM on Linux (ru_maxrss would start at the parent's,
    which Linux carries over the fork and exec of a child process)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale, 1)


def _ms(start: int) -> float:
    return round((time.perf_counter_ns() - start) / 1e6, 2)


#: The module each format's exporter is in: all that its child imports of cocreate.
EXPORTER_MODULES = {
    "pdf": "cocreate.export.pdf",
    "png": "cocreate.canvas.image_export",
    "svg": "cocreate.canvas.image_export",
    "json": "cocreate.export.json_io",
}


def _exporter(kind: str, session: Path, out: Path) -> Callable[[], None]:
    if kind not in EXPORTER_MODULES:
        raise SystemExit(f"unknown export format {kind!r}")
    exporter = import_module(EXPORTER_MODULES[kind])
    if kind == "pdf":
        return lambda: exporter.export_pdf(session, out)  # A3 landscape, every journey
    if kind in ("png", "svg"):  # out's suffix picks the image format
        return lambda: exporter.export_journey_image(session, out)  # the first journey

    def export() -> None:  # JSON: UTF-8, synced to disk, as `cocreate export-json` writes it
        with open(out, "wb") as handle:
            handle.write(exporter.export_json(session).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())

    return export


def measure(argv: list[str]) -> dict[str, Any]:
    """The figures of SESSION FORMAT OUT REPEAT: the exporter's import, the first export, the
    REPEAT after it, and peak memory before and after."""
    session, kind, out, repeat = Path(argv[0]), argv[1], Path(argv[2]), int(argv[3])
    rss_start = peak_rss_mb()
    start = time.perf_counter_ns()
    export = _exporter(kind, session, out)
    import_ms = _ms(start)
    rss_before = peak_rss_mb()
    samples = []
    for _run in range(1 + repeat):
        start = time.perf_counter_ns()
        export()
        samples.append(_ms(start))
    return {
        "import_ms": import_ms,
        "cold_ms": samples[0],
        "warm_samples_ms": samples[1:],
        "rss_start_mb": rss_start,
        "rss_before_mb": rss_before,
        "peak_rss_mb": peak_rss_mb(),
    }


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1:])))
