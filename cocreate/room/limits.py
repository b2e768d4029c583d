"""How much a phone (or an address without a phone) may ask of the room, and the sliding
windows that count it.

The clock is injectable, so tests move time on instead of sleeping."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]


@dataclass(frozen=True)
class Limits:
    """The room's limits. The defaults are the issue's; a load benchmark may raise them."""

    max_body_bytes: int = 4096
    notes_per_minute: int = 10  # per phone
    requests_per_minute: int = 120  # per phone
    joins_per_minute: int = 30  # per remote address: the page, the lobby and joins, no phone yet
    max_devices: int = 200
    new_names_per_minute: int = 20  # room-wide: new names joining (at once or to wait)
    max_waiting: int = 30  # phones waiting for approval at once
    waiting_timeout: float = 120.0  # a waiting phone without an event stream this long is dropped
    in_flight_per_device: int = 2  # a phone's requests the desktop has not answered yet
    max_in_flight: int = 64  # room-wide: requests the desktop has not answered yet
    body_timeout: float = 10.0  # seconds to read a request's body
    host_timeout: float = 10.0  # seconds the desktop has to answer a request
    keepalive_timeout: float = 15.0  # an idle (or silent, or half-sent) connection is closed
    ping_interval: float = 15.0  # a comment on the event stream keeps it open
    write_timeout: float = 10.0  # seconds to hand an event to a slow phone
    streams_per_device: int = 2  # more event streams from one phone close the oldest


class SlidingWindow:
    """At most `limit` events per key in any `window` seconds."""

    def __init__(self, limit: int, window: float = 60.0, clock: Clock = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[str, deque[float]] = {}

    def __len__(self) -> int:
        """The keys counted now."""
        return len(self._events)

    def hit(self, key: str) -> float | None:
        """Count one event for `key`. Returns None when it is allowed, else the seconds to
        wait before the next one would be (the event is then not counted)."""
        now = self._clock()
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) >= self.limit:
            return max(events[0] + self.window - now, 0.0)
        events.append(now)
        return None

    def forget(self, key: str) -> None:
        self._events.pop(key, None)

    def prune(self) -> None:
        """Drop the keys whose events have all left the window (addresses come and go)."""
        cutoff = self._clock() - self.window
        for key in [k for k, ev in self._events.items() if not ev or ev[-1] <= cutoff]:
            del self._events[key]


def retry_after_header(seconds: float) -> str:
    """Whole seconds, at least one: what Retry-After carries."""
    return str(max(1, math.ceil(seconds)))
