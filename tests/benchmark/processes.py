"""Where the benchmark's measurements run. Each runs in a fresh interpreter, `python -m MODULE
ARGS`, so that its peak memory and its first run's costs are its own; its figures are the JSON
that ends its standard output. For the tests, which check that the benchmark runs end to end
and prints every table, not its figures, every measurement can run in the benchmark's own
process instead (--in-process): MODULE's `measure(ARGS)` is called there, which spares an
interpreter, its imports and a window per measurement (and loads Qt in this process)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from importlib import import_module
from pathlib import Path
from typing import Any

from cocreate.store.paths import DATA_DIR_ENV

ROOT = Path(__file__).resolve().parents[2]  # the repository: `tests` is importable from here
CHILD_TIMEOUT_S = 3600


def run_module(module: str, args: list[str], data_dir: Path, what: str) -> str:
    """`python -m module args` in a fresh interpreter (offscreen Qt, cocreate's data folder in
    data_dir); its standard output. RuntimeError naming `what` when it fails."""
    return _run_python(["-m", module, *args], data_dir, what)


def compile_modules(modules: Iterable[str], data_dir: Path) -> None:
    """Import the modules once in a fresh interpreter, which leaves them compiled for the
    children that measure, as an installed app's modules are (tests.pycache): a child's first
    import is then no compilation from source."""
    _run_python(["-c", "import " + ", ".join(modules)], data_dir, "compiling the modules")


def _run_python(args: list[str], data_dir: Path, what: str) -> str:
    path = os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        DATA_DIR_ENV: str(data_dir),
        "PYTHONPATH": path,
    }
    done = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def last_json(stdout: str) -> dict[str, Any]:
    """The JSON object that ends a child's standard output: its last line, or the lines from
    the last one that starts with "{" (an indented object's first line) to the end."""
    lines = stdout.rstrip().splitlines()
    starts = [number for number, line in enumerate(lines) if line.startswith("{")]
    if not starts:
        raise ValueError(f"no figures (JSON) at the end of {stdout[-200:]!r}")
    return json.loads("\n".join(lines[starts[-1] :]))


class Processes:
    """Runs each measurement in a fresh interpreter (cocreate's data folder in data_dir) or,
    when not `fresh`, in this process."""

    def __init__(self, data_dir: Path, *, fresh: bool = True) -> None:
        self.data_dir = data_dir
        self.fresh = fresh
        if not fresh:
            # Qt as the children have it, and the windows' QApplication before any measurement:
            # one that needs only a QCoreApplication would make that, and then no window.
            from tests.benchmark.measure import _start_qt

            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            _start_qt()
            # The modules loaded by now live as long as the process: set aside from the cycle
            # collector (as cocreate.ui.memory does once the window shows), so that the
            # collections between the runs of a measurement look only at what it makes.
            gc.collect()
            gc.freeze()

    def measure(self, module: str, args: list[str], what: str) -> dict[str, Any]:
        """The figures of the measurement `module` makes of `args`."""
        if self.fresh:
            return last_json(run_module(module, args, self.data_dir, what))
        kept = os.environ.get(DATA_DIR_ENV)
        os.environ[DATA_DIR_ENV] = str(self.data_dir)
        try:
            return import_module(module).measure(args)
        finally:
            if kept is None:
                os.environ.pop(DATA_DIR_ENV, None)
            else:
                os.environ[DATA_DIR_ENV] = kept
