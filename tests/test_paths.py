"""Paths that lead to no usable file, as a session to open and as an export's output: a loop of
symbolic links, a pipe, a device, a folder without permission, a name with a line break, a
path longer than the system allows, a folder removed in the middle of an export. Each gets one
line in cocreate's words naming the path (a dialog in the window), never a traceback, and
nothing of the person's is changed."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

import pytest
from gui_helpers import close_without_saving, when_modal
from PySide6.QtWidgets import QFileDialog

from cocreate import atomic, path_checks
from cocreate.demo import write_demo
from cocreate.ui.app import create_application, start_window

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX paths: FIFOs, devices, links")

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NAME_MAX = os.pathconf("/", "PC_NAME_MAX") if hasattr(os, "pathconf") else 255


def one_line(err: str, *words: str) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and "Errno" not in err
    assert ".tmp" not in err  # never a temporary file's name
    for word in words:
        assert word in err, err


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    return path


def loop(folder: Path) -> Path:
    path = folder / "loop.cocreate"
    path.symlink_to(path.name)
    return path


def fifo(folder: Path) -> Path:
    path = folder / "pipe.cocreate"
    os.mkfifo(path)
    return path


def too_long(folder: Path) -> Path:
    return folder / ("x" * (NAME_MAX + 20) + ".cocreate")


def device(folder: Path) -> Path:
    """A device file like /dev/null, but a test's own (replacing it harms nothing)."""
    path = folder / "null.cocreate"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device file needs an administrator")
    return path


# -- a session to open ---------------------------------------------------------------------------

SESSIONS = {
    "loop": (loop, "loop of symbolic links"),
    "fifo": (fifo, "device or a pipe"),
    "device": (device, "device or a pipe"),
    "too long": (too_long, "longer than the system allows"),
}


@pytest.mark.parametrize("command", ["info", "export-json"])
@pytest.mark.parametrize("kind", list(SESSIONS))
def test_a_session_path_that_is_no_file_gets_one_line(cli, tmp_path, kind, command):
    make, words = SESSIONS[kind]
    session = make(tmp_path)
    args = ["-o", tmp_path / "out.json"] if command == "export-json" else []
    result = cli(command, session, *args)
    assert result.returncode == 1
    one_line(result.stderr, path_checks.shown(session), words)
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("name", ["/dev/null", "/dev/zero"])
def test_the_system_devices_are_no_sessions(cli, name):
    result = cli("info", name)
    assert result.returncode == 1
    one_line(result.stderr, name, "device or a pipe")


def test_a_session_whose_name_holds_a_line_break_opens_and_a_message_stays_one_line(
    cli, demo, tmp_path
):
    odd = tmp_path / "two\nlines.cocreate"
    shutil.copyfile(demo, odd)
    result = cli("info", odd, "--json")
    assert result.returncode == 0, result.stderr
    assert "Morning Bean" in result.stdout
    text = cli("info", odd)
    assert text.returncode == 0, text.stderr
    assert f"File:           {tmp_path}/two\\nlines.cocreate\n" in text.stdout
    out = tmp_path / "out.json"
    assert cli("export-json", odd, "-o", out).returncode == 0
    missing = cli("info", tmp_path / "gone\nmissing.cocreate")
    assert missing.returncode == 1
    one_line(missing.stderr, "gone\\nmissing.cocreate", "does not exist")


def test_a_session_in_a_folder_without_permission_is_unreadable(cli, demo, monkeypatch):
    real_stat = Path.stat

    def refused(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == demo:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", refused)  # root reads every folder: as a user sees it
    result = cli("info", demo)
    assert result.returncode == 1
    one_line(result.stderr, str(demo), "cannot be read (permission denied)")
    assert result.stderr.lower().count("permission denied") == 1


@pytest.mark.skipif(IS_ROOT, reason="an administrator reads any folder")
def test_a_session_in_a_closed_folder_for_real(cli, tmp_path):
    closed = tmp_path / "closed"
    closed.mkdir()
    write_demo(closed / "salon.cocreate")
    closed.chmod(0)
    try:
        result = cli("info", closed / "salon.cocreate")
    finally:
        closed.chmod(0o755)
    assert result.returncode == 1
    one_line(result.stderr, "permission denied")


# -- an export's output --------------------------------------------------------------------------

OUTPUTS = {
    "loop": (loop, "loop of symbolic links"),
    "inside a loop": (lambda folder: loop(folder) / "out.json", "loop of symbolic links"),
    "fifo": (fifo, "device or a pipe"),
    "device": (device, "device or a pipe"),
    "too long": (lambda folder: folder / ("x" * (NAME_MAX + 20) + ".json"), "longer than"),
}


@pytest.mark.parametrize("kind", list(OUTPUTS))
def test_an_output_path_that_is_no_file_gets_one_line(cli, demo, tmp_path, kind):
    make, words = OUTPUTS[kind]
    out = make(tmp_path)
    before = os.lstat(out) if os.path.lexists(out) else None
    result = cli("export-json", demo, "-o", out)
    assert result.returncode == 1
    one_line(result.stderr, path_checks.shown(out), words)
    if before is not None:  # the pipe or the device is still there, untouched
        after = os.lstat(out)
        assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_name_near_the_limit_is_written(cli, demo, tmp_path):
    out = tmp_path / ("x" * (NAME_MAX - 5) + ".json")
    result = cli("export-json", demo, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.is_file()


def test_an_output_name_with_a_line_break_is_written_and_said_on_one_line(cli, demo, tmp_path):
    out = tmp_path / "two\nlines.json"
    result = cli("export-json", demo, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    assert result.stdout == f"wrote {tmp_path}/two\\nlines.json\n"


def test_an_output_folder_without_permission_gets_one_line(cli, demo, tmp_path, monkeypatch):
    closed = tmp_path / "closed"
    closed.mkdir()
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(os.fspath(path)) == closed:  # type: ignore[arg-type]
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(path_checks.os, "access", access)  # root may write anywhere
    out = closed / "out.json"
    result = cli("export-json", demo, "-o", out)
    assert result.returncode == 1
    one_line(result.stderr, str(out), "may not write in this folder")
    assert list(closed.iterdir()) == []


@pytest.mark.skipif(IS_ROOT, reason="an administrator writes in any folder")
def test_an_output_folder_closed_for_real(cli, demo, tmp_path):
    closed = tmp_path / "closed"
    closed.mkdir()
    closed.chmod(0o555)
    try:
        result = cli("export-json", demo, "-o", closed / "out.json")
    finally:
        closed.chmod(0o755)
    assert result.returncode == 1
    one_line(result.stderr, "may not write in this folder")


@pytest.mark.parametrize("command", ["export-json", "export-pdf", "export-csv"])
def test_an_output_folder_removed_during_the_export_gets_one_line(
    cli, demo, tmp_path, monkeypatch, command
):
    folder = tmp_path / "exports"
    folder.mkdir()
    real_sync = atomic.sync_file

    def sync_then_remove_the_folder(path: Path) -> None:
        real_sync(path)
        shutil.rmtree(folder, ignore_errors=True)  # before the final rename

    monkeypatch.setattr(atomic, "sync_file", sync_then_remove_the_folder)
    out = folder / {"export-json": "out.json", "export-pdf": "out.pdf"}.get(command, "csv")
    result = cli(command, demo, "-o", out)
    assert result.returncode == 1
    one_line(result.stderr, str(out), "folder was removed")
    assert not folder.exists()


# -- the window ----------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, demo):
    create_application()
    window = start_window(str(demo))
    qtbot.waitExposed(window)
    yield window
    close_without_saving(window)


@pytest.mark.parametrize("kind", ["loop", "fifo", "too long"])
def test_the_window_says_what_a_session_path_is_in_a_dialog(window, tmp_path, kind):
    make, _words = SESSIONS[kind]
    words = {
        "loop": "loop of symbolic links",
        "fifo": "device or a pipe",
        "too long": "longer than the system allows",
    }[kind]
    path = make(tmp_path)
    seen = when_modal(lambda box: box.accept())
    assert not window.open_file(path)
    assert seen["title"] == "Cannot Open Session"
    assert words in seen["text"]
    assert path_checks.shown(path) in seen["text"]
    assert window.document is None or window.document.path != path


def test_the_window_says_when_an_export_cannot_go_to_a_pipe(window, tmp_path, monkeypatch):
    target = fifo(tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    seen = when_modal(lambda box: box.accept())
    window.exports.json_action.trigger()
    assert "device or a pipe" in seen.get("text", ""), seen
    assert stat.S_ISFIFO(os.lstat(target).st_mode)


@pytest.mark.parametrize("kind", ["loop", "fifo"])
def test_save_as_onto_a_path_that_is_no_file_says_so_in_a_dialog(
    window, tmp_path, monkeypatch, kind
):
    target = {"loop": loop, "fifo": fifo}[kind](tmp_path)
    words = {"loop": "loop of symbolic links", "fifo": "device or a pipe"}[kind]
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    opened = window.document.path
    seen = when_modal(lambda box: box.accept())
    assert not window.session.save_as()
    assert seen["title"] == "Cannot Save Session"
    assert words in seen["text"] and str(target) in seen["text"]
    assert window.document.path == opened
    assert os.path.lexists(target) and not os.path.isfile(target)  # left as it was


def test_a_recent_file_that_became_a_loop_says_so_and_leaves_the_list(window, tmp_path):
    from cocreate.ui.recent import add_recent_file, recent_files

    gone = tmp_path / "old salon.cocreate"
    add_recent_file(gone)
    gone.symlink_to(gone.name)  # the file was replaced by a link to itself
    window.session.recent_menu.aboutToShow.emit()  # as when the menu opens
    entry = next(a for a in window.session.recent_menu.actions() if "old salon" in a.text())
    seen = when_modal(lambda box: box.accept())
    entry.trigger()
    assert "loop of symbolic links" in seen["text"]
    assert gone not in recent_files()
