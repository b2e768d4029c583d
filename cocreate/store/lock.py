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


def _lock_keys(path: Path) -> list[str]:
    """What names the file: its path, and (while it exists) its identity on the disk (device and
    inode; on Windows the volume serial and file ID), so that a hard link, a bind mount or any
    other path to the same file finds the same lock."""
    try:
        full = str(path.resolve())
    except (OSError, RuntimeError):  # a symbolic link loop (RuntimeError before Python 3.13)
        full = os.path.abspath(path)
    keys = ["path:" + os.path.normcase(full)]
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return keys
    return [*keys, f"file:{st.st_dev}:{st.st_ino}"]


def _lock_file(key: str) -> Path:
    return locks_dir() / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".lock")


def _take(lock_file: Path) -> int | None:
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    if not _try_lock(fd):
        os.close(fd)
        return None
    try:  # who holds it, for a person looking; the lock is the flock, not these bytes
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
    except OSError:  # a full data folder: the lock holds all the same
        pass
    return fd


class FileLock:
    """Held while a window has a session file open for writing: one lock for the path and one
    for the file's identity. acquire() again once the file exists (or after it was replaced by a
    new file) adds its identity."""

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        self._fds: dict[Path, int] = {}

    def acquire(self) -> bool:
        """True when every key of the file is held by this lock; False (holding nothing) when
        another window holds one."""
        for key in _lock_keys(self._path):
            lock_file = _lock_file(key)
            if lock_file in self._fds:
                continue
            fd = _take(lock_file)
            if fd is None:
                self.release()
                return False
            self._fds[lock_file] = fd
        return True

    def release(self) -> None:
        fds, self._fds = self._fds, {}
        for fd in fds.values():
            _unlock(fd)
            os.close(fd)
