"""Python's cycle collector: kept from pausing the window during a salon, and asked to free
a session once it is closed."""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

_done: set[str] = set()


def set_aside_what_exists(moment: str) -> None:
    """Move every object that exists now (modules, classes, Qt's wrappers, the open session)
    out of the cycle collector's way, once per moment of the process ("window": the window is
    up; "room": the room's server, aiohttp, is loaded). A full collection then looks only at
    what the salon adds since: on a board that phones filled with 2 000 notes it took
    90–120 ms, a pause of the whole window, and about 20 ms after this."""
    if moment in _done:
        return
    _done.add(moment)
    gc.collect()
    gc.freeze()


def release_closed_session() -> None:
    """Free what a closed session held (its scenes, their items and rows) once Qt has deleted
    its views, back in the event loop. They hold one another in cycles that only the cycle
    collector breaks, and a full collection comes rarely: each file opened after another kept
    the boards before it in memory (26 MB more a file at 10 000 notes)."""
    QTimer.singleShot(0, gc.collect)  # after the views' deleteLater()
