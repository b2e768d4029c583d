"""One window per file: an operating-system lock on a small file in cocreate's data folder.

The lock file lives in the data folder, not beside the session, so a session folder never holds
side files. The operating system drops the lock when the process ends, even by a kill, so a
crash never leaves a file locked.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cocreate.store.paths import locks_dir

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _lock_path(path: Path) -> Path:
    key = os.path.normcase(str(path.resolve()))
    return locks_dir() / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".lock")


class FileLock:
    """Held while a window has a session file open for writing."""

    def __init__(self, path: Path) -> None:
        self._lock_path = _lock_path(path)
        self._fd: int | None = None

    def acquire(self) -> bool:
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _unlock(fd)
        os.close(fd)
