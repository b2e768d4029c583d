"""Untitled sessions left behind by a crash or a kill, to offer at start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cocreate.store.errors import SessionFileError
from cocreate.store.paths import untitled_dir_path
from cocreate.store.session_file import SessionFile
from cocreate.store.summary import SessionSummary, summarize


@dataclass
class Recoverable:
    path: Path
    summary: SessionSummary
    modified: float  # seconds since the epoch


def recoverable_sessions() -> list[Recoverable]:
    """Untitled sessions no window has open and that hold something, newest first.

    Ones nobody edited after they were created (a new session, a fresh demo copy) are deleted
    on the way: nothing is lost.
    Files that cannot be read are left alone and not offered; so are all of them when the data
    folder cannot be read (a full or failing disk never stops the start).
    """
    found = []
    try:
        paths = sorted(untitled_dir_path().glob("*.cocreate"))
    except OSError:
        return []
    for path in paths:
        try:
            # Writable and locked: rolls back a crash's hot journal, and skips open sessions.
            store = SessionFile.open(path)
        except (SessionFileError, OSError):
            continue
        try:
            untouched = store.never_edited()
            if not untouched:
                found.append(Recoverable(path, summarize(store), path.stat().st_mtime))
        except (SessionFileError, OSError):
            continue
        finally:
            store.close()
        if untouched:
            path.unlink(missing_ok=True)
    found.sort(key=lambda item: item.modified, reverse=True)
    return found
