"""`cocreate SESSION --invite [--address IP] [--port N]`: the window opens inviting at once and
prints one line, `join: LINK`; an address or port that cannot be used fails before any window,
with a message that says so."""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import urllib.request

import pytest

from cocreate.demo import write_demo

pytestmark = pytest.mark.xdist_group("room_ports")  # with tests/room: they bind ports 8765 and up


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def lines_of(stream) -> queue.Queue:
    """The stream's lines as they come, read on a thread (the test waits with a timeout)."""
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


@pytest.mark.slow
def test_invite_prints_the_join_line_and_the_room_answers(session, tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "COCREATE_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    command = [sys.executable, "-m", "cocreate", str(session), "--invite"]
    command += ["--address", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        stdout = lines_of(process.stdout)
        line = stdout.get(timeout=60)
        assert line is not None, process.stderr.read()
        assert line.startswith(f"join: http://127.0.0.1:{port}/j/")
        link = line.removeprefix("join: ").strip()
        with urllib.request.urlopen(link, timeout=10) as page:
            assert page.status == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
    rest = []
    while (more := stdout.get(timeout=10)) is not None:
        rest.append(more)
    assert rest == []  # exactly one line on stdout


def test_an_explicit_port_that_is_taken_fails_before_any_window(cli, session):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli.process(session, "--invite", "--address", "127.0.0.1", "--port", port)
    assert result.returncode != 0
    assert result.stdout == ""
    assert f"port {port} on 127.0.0.1 is in use by another program" in result.stderr


def test_an_address_of_another_computer_is_refused(cli, session):
    result = cli(session, "--invite", "--address", "198.51.100.77")
    assert result.returncode != 0
    assert "198.51.100.77: not an address of this computer" in result.stderr
    assert "127.0.0.1" in result.stderr  # the addresses it could use


def test_address_and_port_need_invite(cli, session):
    result = cli(session, "--port", "8765")
    assert result.returncode != 0
    assert "--address and --port go with --invite" in result.stderr
