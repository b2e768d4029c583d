"""The room under load: simulated phones on 127.0.0.1 send notes to the real window.

A fresh copy of the demo session opens in the real main window (offscreen); inviting starts on
127.0.0.1 through the window's own Inviting, as Workshop > Invite Participants… does. Then
`phones` simulated phones (aiohttp clients in a process of their own, as real phones are not
on the laptop) join under new names, and once all have joined each sends `notes` notes at
random moments spread over `seconds`, through the same HTTP API the page uses. The joins are not
timed: the figures cover the notes. (The phones' process starts while the window settles after
it opens; they send their notes once the window says "go".)

Measured:
- phone → committed: from sending a note until its 201 answer, which the room gives only once
  the Document has committed the note to the file (p50, p95, max);
- notes per second: the notes committed over the time from the first send to the last answer;
- the GUI thread's event-loop lag: a QTimer asks to run every 10 ms on the GUI thread, and the
  lag is how late each run comes (p50, p95, max);
- exactly once: every note sent is in the file once, none twice, none lost.

The room's per-phone limit of 10 notes a minute would turn a phone sending 20 notes in one
minute away (429): this run raises that limit and the per-address join limit (every simulated
phone comes from 127.0.0.1), and keeps every other rule as shipped.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]

TICK_MS = 10


def percentile(samples: list[float], fraction: float) -> float:
    """The nearest-rank percentile of the samples (0 when there are none)."""
    if not samples:
        return 0.0
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


class LagMeter:
    """How late a 10 ms QTimer fires on the GUI thread, run after run."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.lags_ms: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.lags_ms.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now


class Phones:
    """The simulated phones, in a process of their own (as real phones are not on the laptop:
    their work must not take the GIL from the window's process). They all join first; the
    process says "joined" on a line, waits for "go" on its input, then sends the notes, then
    prints its figures as JSON."""

    def __init__(self, join_url: str, phones: int, notes: int, seconds: float) -> None:
        self.args = [join_url, str(phones), str(notes), str(seconds)]
        self.lines: list[str] = []
        self.process: subprocess.Popen[str] | None = None
        self.report: dict[str, Any] = {}
        self._reader = threading.Thread(target=self._read, daemon=True)

    def start(self) -> None:
        command = [sys.executable, "-m", "tests.benchmark.room_load", *self.args]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
        )
        self._reader.start()

    def go(self) -> None:
        """The phones send their notes from now on."""
        assert self.process is not None and self.process.stdin is not None
        try:
            self.process.stdin.write("go\n")
            self.process.stdin.close()
        except BrokenPipeError:  # the process ended: finish() says how
            pass

    def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def joined(self) -> bool:
        return "joined\n" in self.lines

    @property
    def done(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def finish(self) -> dict[str, Any]:
        assert self.process is not None
        self.process.wait(timeout=30)
        self._reader.join(timeout=5)  # it takes the last line
        if self.process.returncode != 0:
            raise RuntimeError(f"the simulated phones failed ({self.process.returncode})")
        return json.loads(self.lines[-1])


class Crowd:
    """The phones' side, in the child process: aiohttp clients on one event loop."""

    def __init__(self, join_url: str, phones: int, notes: int, seconds: float) -> None:
        parts = urlsplit(join_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.token = parts.path.rsplit("/", 1)[-1]
        self.phones, self.notes, self.seconds = phones, notes, seconds
        self.latencies_ms: list[float] = []
        self.sent: list[str] = []
        self.failures: list[str] = []
        self.first_send = self.last_answer = 0.0

    async def run(self) -> dict[str, Any]:
        import aiohttp

        connector = aiohttp.TCPConnector(limit=0)
        jars = [aiohttp.CookieJar(unsafe=True) for _ in range(self.phones)]  # IP cookies
        headers = {"X-Cocreate": "1", "Origin": self.origin}
        clients = [
            aiohttp.ClientSession(
                self.origin,
                cookie_jar=jar,
                headers=headers,
                connector=connector,
                connector_owner=False,
            )
            for jar in jars
        ]
        try:
            joined = await asyncio.gather(*(self._join(i, c) for i, c in enumerate(clients)))
            print("joined", flush=True)
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)  # "go"
            await asyncio.gather(*(self._write(i, c) for i, c in enumerate(clients) if joined[i]))
        finally:
            for client in clients:
                await client.close()
            await connector.close()
        return {
            "latencies_ms": self.latencies_ms,
            "sent": self.sent,
            "failures": self.failures,
            "span_s": max(self.last_answer - self.first_send, 1e-9),
        }

    async def _join(self, index: int, client: Any) -> bool:
        name = f"Phone {index + 1:03d}"
        async with client.post("/api/join", json={"token": self.token, "name": name}) as r:
            if r.status != 200:
                self.failures.append(f"{name} join: {r.status} {await r.text()}")
                return False
        return True

    async def _write(self, index: int, client: Any) -> None:
        rng = random.Random(index)
        moments = sorted(rng.uniform(0, self.seconds) for _ in range(self.notes))
        start = time.perf_counter()
        for number, moment in enumerate(moments, start=1):
            await asyncio.sleep(max(0.0, start + moment - time.perf_counter()))
            await self._send(client, f"Phone {index + 1:03d} · note {number:02d}")

    async def _send(self, client: Any, text: str) -> None:
        body = {"text": text, "category": "idea", "client_id": uuid.uuid4().hex}
        sent = time.perf_counter()
        self.first_send = self.first_send or sent
        async with client.post("/api/notes", json=body) as answer:
            if answer.status != 201:
                self.failures.append(f"{text}: {answer.status} {await answer.text()}")
                return
        now = time.perf_counter()
        self.latencies_ms.append((now - sent) * 1000)
        self.last_answer = max(self.last_answer, now)
        self.sent.append(text)


def settle(seconds: float) -> None:
    """Let the GUI thread serve its events for a while."""
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def measure_room_load(phones: int, notes: int, seconds: float) -> dict[str, Any]:
    """The figures of one run (see the module's docstring)."""

    from cocreate.demo import write_demo
    from cocreate.resources import resource_path
    from cocreate.room.limits import Limits
    from cocreate.room.server import RoomServer
    from cocreate.ui.app import create_application, start_window

    create_application()
    with tempfile.TemporaryDirectory(prefix="cocreate-room-load-") as folder:
        path = Path(folder) / "salon.cocreate"
        write_demo(path)
        window = start_window(str(path))  # which sets aside what exists, as the app does
        inviting = window.inviting
        limits = Limits(
            notes_per_minute=max(10, notes * 2),
            joins_per_minute=phones * 4,
            new_names_per_minute=phones,  # every simulated phone joins as a new name at once
        )
        inviting.server = RoomServer(inviting.bridge, resource_path("room"), limits=limits)
        join_url = inviting.start("127.0.0.1")
        document = window.document
        assert document is not None
        before = document.count("note")
        crowd = Phones(join_url, phones, notes, seconds)
        crowd.start()  # its interpreter starts meanwhile; the phones join, then wait for "go"
        settle(1.0)  # the window's first layout and paint are not the room's
        serve_until(lambda: crowd.joined or crowd.done)  # the joins: not timed
        meter = LagMeter()
        meter.start()
        crowd.go()
        serve_until(lambda: crowd.done)
        settle(0.5)  # the last publish and repaint
        meter.stop()
        report = crowd.finish()
        texts = [row["text"] for row in document.rows("note")]
        inviting.stop()
        window.close()
    return _figures(phones, notes, report, meter, texts, len(texts) - before)


def serve_until(done: Callable[[], bool]) -> None:
    """Let the GUI thread serve its events until done() says so."""
    from PySide6.QtWidgets import QApplication

    while not done():
        QApplication.processEvents()
        time.sleep(0.001)


def _figures(
    phones: int, notes: int, crowd: dict[str, Any], meter: LagMeter, texts: list[str], added: int
) -> dict[str, Any]:
    in_file = [text for text in texts if text.startswith("Phone ")]
    counts: dict[str, int] = {}
    for text in in_file:
        counts[text] = counts.get(text, 0) + 1
    latencies, failures = crowd["latencies_ms"], crowd["failures"]
    lags = meter.lags_ms
    return {
        "phones": phones,
        "notes_each": notes,
        "sent": phones * notes,
        "committed": len(latencies),
        "refused": len(failures),
        "first_refusal": failures[0] if failures else "",
        "in_file": added,
        "twice": sum(1 for count in counts.values() if count > 1),
        "missing": len(set(crowd["sent"]) - set(counts)),
        "latency_p50_ms": round(percentile(latencies, 0.50), 1),
        "latency_p95_ms": round(percentile(latencies, 0.95), 1),
        "latency_max_ms": round(max(latencies, default=0.0), 1),
        "notes_per_s": round(len(latencies) / crowd["span_s"], 1),
        "lag_p50_ms": round(percentile(lags, 0.50), 1),
        "lag_p95_ms": round(percentile(lags, 0.95), 1),
        "lag_max_ms": round(max(lags, default=0.0), 1),
        "lag_mean_ms": round(statistics.fmean(lags), 1) if lags else 0.0,
    }


if __name__ == "__main__":
    # The simulated phones' process: URL PHONES NOTES SECONDS; the figures as JSON, last line.
    url, phones_text, notes_text, seconds_text = sys.argv[1:5]
    crowd = Crowd(url, int(phones_text), int(notes_text), float(seconds_text))
    print(json.dumps(asyncio.run(crowd.run())), flush=True)
