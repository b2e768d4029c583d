"""Shared test set-up: offscreen Qt, cocreate's own folders and settings per test, and the
`cli` fixture that runs cocreate's commands."""

import gc
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Qt aborts without a platform; this must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt paints on the painting thread only, as in the app (cocreate.canvas.paint's
# paint_on_this_thread, which a test's own QApplication does not call).
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

#: Where the machine keeps a folder in memory (tmpfs). The tests' temporary folders (tmp_path)
#: go there: a session file syncs every commit to the disk (synchronous=FULL), some 15 ms each
#: on a disk, which made up a third of the suite's time; on tmpfs the same code runs and the
#: sync returns at once. PYTEST_DEBUG_TEMPROOT=/tmp (pytest's own setting) runs them on disk.
MEMORY_FOLDER = "/dev/shm"
if os.path.isdir(MEMORY_FOLDER) and os.access(MEMORY_FOLDER, os.W_OK | os.X_OK):
    os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", MEMORY_FOLDER)

from tests.pycache import keep_compiled_modules  # noqa: E402

keep_compiled_modules()  # before the imports that compile most

import pytest  # noqa: E402

#: What tells Qt there is a screen; a command run "with no display" sees none of them.
SCREEN_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
#: Sub-commands that draw with Qt: in this process they use the tests' QApplication.
QT_COMMANDS = ("export-image",)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (in addopts): the whole suite or a folder runs on one worker more than the
    CPUs; chosen test files or tests run in this process, which starts sooner (`-n 2` spreads
    them all the same).

    The extra worker fills the time the others wait: on a phone's browser (the page asks for
    the room's state at most once a second), on a room's answers, on a child process. On this
    2-core machine, four runs of each, alternating: 3 workers 92.5-104.7 s, 2 workers
    100.3-112.1 s, and 3 was the faster of each pair; 4 workers took 114.7 and 115.7 s."""
    if config.args and all(arg.endswith(".py") or "::" in arg for arg in config.args):
        return 0
    # The CPUs this process may use, as pytest-xdist counts them (no affinity on macOS).
    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return (len(usable) if usable else os.cpu_count() or 1) + 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first (in their order), so that spread over the workers none of them starts
    last and keeps one worker busy while the others have finished."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What exists once the tests are collected (modules, pytest's own objects, the test items)
    lives as long as the run: set aside from Python's cycle collector, whose full collections
    then scan only what the tests make (measured on four GUI test files: 1.6 s of full
    collections became 0.9 s). The app does the same with what exists once its window shows."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Untitled sessions and locks of each test live in a folder of their own."""
    data = tmp_path / "cocreate-data"
    monkeypatch.setenv("COCREATE_DATA_DIR", str(data))
    return data


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """QSettings (recent files, language) of each test live in a folder of their own."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Once a test has run, its windows are hidden before pytest-qt's look at the events left
    (its processEvents after the test): what the test did is checked by then, and it painted
    the windows anew for no one (five GUI test files, three runs each: 34.2-34.3 CPU-s so,
    35.4-39.0 before). Their fixtures then close them as before."""
    try:
        return (yield)
    finally:
        hide_windows()


def hide_windows() -> None:
    """Hide every window on screen (only where Qt is loaded: the Qt-free tests load none)."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or not isinstance(widgets.QApplication.instance(), widgets.QApplication):
        return
    for widget in widgets.QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.hide()


@pytest.fixture(autouse=True)
def no_window_left_on_screen():
    """A window a test left open is hidden after it, so that it never lies over the next test's
    window (where the pointer then is not over the canvas the test points at); the windows a
    test closed with deleteLater() go at once, as the app's event loop would delete them,
    instead of living on (with their timers and scenes) until some later test spins a loop."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if isinstance(QApplication.instance(), QApplication):
        hide_windows()  # those a fixture's teardown showed, too
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_session_set_aside_before():
    """Each test starts as a process in which no session was set aside by a room or by a
    large board once whole (nor is about to be): once one test of a worker invited phones,
    every session closed after it in that worker (in any test) asked for a collection of
    every object of the worker, pytest's too: about 300 ms each, 27 of them in a run. The
    memory tests (test_session_memory) set the same moments in their process-like fixture.
    (Only once the window's modules are loaded: the Qt-free tests load no Qt.)"""
    memory = sys.modules.get("cocreate.ui.memory")
    if memory is not None:
        memory._session_set_aside = False
        memory.forget_pending_set_aside()  # a large board of the test before, whole by now


@pytest.fixture(autouse=True)
def empty_clipboard():
    """What a test copied leaves with the test (the app clears it when it quits, too)."""
    yield
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QApplication.clipboard().clear()


@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str


class Cli:
    """`cocreate ARGS…`: `cli(…)` runs it in this process (fast), `cli.process(…)` as the real
    command in a fresh process with no display at all. Both give the exit status, stdout and
    stderr."""

    def __init__(self, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture) -> None:
        self._request = request
        self._capsys = capsys

    def __call__(self, *args: object) -> CliResult:
        from cocreate.__main__ import main

        argv = [str(arg) for arg in args]
        if argv and argv[0] in QT_COMMANDS:
            self._request.getfixturevalue("qapp")  # one QApplication for the whole session
        self._capsys.readouterr()
        try:
            code = main(argv)
        except SystemExit as stop:  # --help, or a usage error
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        out, err = self._capsys.readouterr()
        return CliResult(code, out, err)

    def process(self, *args: object, timeout: float = 120) -> CliResult:
        env = {key: value for key, value in os.environ.items() if key not in SCREEN_VARIABLES}
        done = subprocess.run(
            [sys.executable, "-m", "cocreate", *(str(arg) for arg in args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=timeout,
        )
        return CliResult(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli(request, capsys) -> Cli:
    return Cli(request, capsys)


@pytest.fixture(scope="session")
def headless(tmp_path_factory) -> tuple[Path, dict]:
    """The Qt-free checks of tests/headless.py, made once in one plain Python process: the
    folder it wrote in, and what each check loaded of Qt (or its traceback)."""
    from tests.headless import run_checks

    folder = tmp_path_factory.mktemp("headless")
    return folder, run_checks(folder)
