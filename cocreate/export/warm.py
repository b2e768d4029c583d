"""The PDF exporter made ready in the background, so that the first PDF of a session is as
quick as the next (no Qt).

A fresh process pays once for importing reportlab and the blueprint's modules and for finding,
parsing and registering the fonts (a Chinese TrueType font is megabytes): about a second, more
on a busy machine. Its first PDF then still ran each drawing step for the first time (Python
specialises code as it runs it, the fonts learn each character's width): the warm-up ends by
drawing the demo's blueprint in memory, from the demo's rows (no file). The window starts
this on a thread of its own once it has painted; an export that starts meanwhile waits for it
(wait()), so the fonts are never loaded twice at once. The thread is a daemon: quitting the
app while it runs neither waits for it nor breaks anything, since it only reads files and fills
caches of this process.
"""

from __future__ import annotations

import io
import linecache
import threading

_lock = threading.Lock()
_thread: threading.Thread | None = None
#: Set once the warm-up has ended (also when it failed: the export then says why itself).
done = threading.Event()


def warm_pdf_exporter() -> None:
    """Import the PDF exporter, load its fonts and draw a sample (what its first export would
    do the first time)."""
    import cocreate.export.pdf  # noqa: F401 - reportlab and every page's module
    from cocreate.export.pdf.fonts import font_set

    font_set([])  # the Chinese font and the fallbacks, found, parsed and registered
    draw_sample()
    # The import hook of PySide6 (when the window has loaded it) read the source of every
    # module imported here into linecache, to keep: nothing reads it (cocreate.ui.memory).
    linecache.clearcache()


def draw_sample() -> None:
    """The demo's PDF (every kind of page, its texts in Chinese and English), drawn in memory
    from the demo's rows: no file is read or written."""
    from cocreate.demo import demo_tables
    from cocreate.export.pdf.data import MemoryRows, session_data
    from cocreate.export.pdf.document import draw_pdf

    draw_pdf(io.BytesIO(), session_data(MemoryRows(demo_tables())))


def _run() -> None:
    try:
        warm_pdf_exporter()
    except Exception:  # noqa: BLE001 - the export itself reports what is wrong (no font, ...)
        pass
    finally:
        done.set()


def start() -> bool:
    """Start the warm-up on a daemon thread, once per process; False when it had started."""
    global _thread
    with _lock:
        if _thread is not None:
            return False
        _thread = threading.Thread(target=_run, name="pdf-warm-up", daemon=True)
        _thread.start()
        return True


def started() -> bool:
    return _thread is not None


def wait(timeout: float | None = None) -> bool:
    """Before an export: wait until a running warm-up has ended (at once when none was
    started). False when the timeout ran out first."""
    if _thread is None:
        return True
    return done.wait(timeout)
