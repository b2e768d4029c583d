"""Python's cycle collector: kept from pausing the window during a salon, and asked to free
a session once it is closed."""

from __future__ import annotations

import gc
import linecache

from PySide6.QtCore import QTimer

_done: set[str] = set()
#: Whether a session was open when what exists was set aside: closing it then needs a
#: collection that reaches the set-aside objects too.
_session_set_aside = False
#: Sets the open session aside once its large board is whole (made when first needed).
_set_aside_timer: QTimer | None = None


def set_aside_what_exists(moment: str, *, session_open: bool) -> None:
    """Move every object that exists now (modules, classes, Qt's wrappers, and the open
    session if any) out of the cycle collector's way, once per moment of the process
    ("window": the window is up, before its first session opens; "room": the room's server,
    aiohttp, is loaded). A full collection then looks only at what the salon adds since: on a
    board that phones filled with 2 000 notes it took 90–120 ms, a pause of the whole window,
    and about 20 ms after this."""
    if moment in _done:
        return
    _done.add(moment)
    forget_module_sources()
    _set_aside(session_open=session_open)


def set_aside_large_board() -> None:
    """A large board has all its notes' items (canvas/deferred_notes.py): move the open
    session out of the cycle collector's way too, back in the event loop (unless it closes
    first). A full collection otherwise came every so often while the salon went on, in
    whatever frame or edit it fell: about 20 ms at 10 000 notes, a zoom frame's whole budget,
    and under 0.1 ms after this. Setting it aside costs one full collection then (16–18 ms at
    10 000 notes). Closing the session collects what was set aside with it; until then what
    the session drops in cycles (a deleted journey's board) waits for that."""
    global _set_aside_timer
    if _set_aside_timer is None:
        _set_aside_timer = QTimer()
        _set_aside_timer.setSingleShot(True)
        _set_aside_timer.setInterval(0)
        _set_aside_timer.timeout.connect(lambda: _set_aside(session_open=True))
    _set_aside_timer.start()


def forget_pending_set_aside() -> None:
    """The session whose board was to be set aside is gone: set nothing aside for it."""
    if _set_aside_timer is not None:
        _set_aside_timer.stop()


def _set_aside(*, session_open: bool) -> None:
    """Collect what is garbage now (so that it is not kept until it is collected again), then
    set every object aside; session_open: the open session's among them."""
    global _session_set_aside
    _session_set_aside = _session_set_aside or session_open
    gc.collect()
    gc.freeze()


def forget_module_sources() -> None:
    """Drop the source text of every module imported so far. PySide6's import hook reads the
    whole source of each module imported after it (to see whether it uses PySide's
    `__feature__` switches) into linecache, which keeps it for the life of the process: about
    10 MB of lines at start-up that nothing reads. A traceback reads its lines again."""
    linecache.clearcache()


def release_closed_session() -> None:
    """Free what a closed session held (its scenes, their items and rows) once Qt has deleted
    its views, back in the event loop. They hold one another in cycles that only the cycle
    collector breaks, and a full collection comes rarely: each file opened after another kept
    the boards before it in memory (26 MB more a file at 10 000 notes)."""
    forget_pending_set_aside()
    # After the views' deleteLater(), and after the next session's first paint.
    QTimer.singleShot(0, _collect_all if _session_set_aside else gc.collect)


def _collect_all() -> None:
    """A collection that reaches what was set aside too: a session open when the room started
    was set aside with it, and the collector never looked at it again, so closing it freed
    nothing. What still lives (the next session too) is set aside again. It looks at every
    object of the process: about 130 ms, 200 ms when it frees a board of 10 000 notes."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
