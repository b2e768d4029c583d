"""Writing files so that a crash or an error leaves either the old file or the whole new one.

Everything cocreate writes outside the session database (Save As copies, migrations, PDF,
images, CSV and JSON exports) goes to a temporary file beside the target, is synced, and then
replaces the target in one rename. No Qt here.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cocreate.path_checks import FOLDER_GONE, OutputPathError, check_output

#: How much of the target's name a temporary file's name keeps (a name near the system's limit
#: still leaves room for the temporary file's own prefix and suffix).
TEMP_NAME_KEEPS = 64


def temp_beside(target: Path, suffix: str = ".tmp") -> Path:
    """A new empty file in target's folder with the permissions a new file gets there (or, when
    target exists, its permissions). tempfile.mkstemp would make it private (0600)."""
    folder = Path(target).resolve().parent
    for _attempt in range(100):
        tmp = folder / f".{Path(target).name[:TEMP_NAME_KEEPS]}.{secrets.token_hex(4)}{suffix}"
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        if Path(target).exists():
            os.chmod(tmp, stat.S_IMODE(Path(target).stat().st_mode))
        return tmp
    raise FileExistsError(folder)


def sync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename in folder durable (POSIX; Windows cannot open a folder for fsync)."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _folder_kept(target: Path) -> Iterator[None]:
    """A folder removed while its file was written, said as such (not "No such file")."""
    try:
        yield
    except FileNotFoundError:
        if not Path(os.path.abspath(target)).parent.is_dir():
            raise OutputPathError(errno.ENOENT, FOLDER_GONE, target) from None
        raise


@contextmanager
def replacing(target: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces target, on an error it goes.
    OutputPathError (an OSError) for a target no file can be written to, before any work."""
    target = Path(target)
    check_output(target)
    tmp = temp_beside(target, suffix)
    try:
        with _folder_kept(target):
            yield tmp
            sync_file(tmp)
            os.replace(tmp, target)
        sync_folder(target.resolve().parent)
    finally:
        tmp.unlink(missing_ok=True)


def write_files(contents: dict[Path, bytes]) -> None:
    """Write every file to a temporary file, then rename each over its target: a failure
    before the renames leaves every target as it was and no temporary file behind."""
    for target in contents:
        check_output(target)
    temps: dict[Path, Path] = {}
    try:
        for target, data in contents.items():
            with _folder_kept(target):
                tmp = temps[target] = temp_beside(target)
                tmp.write_bytes(data)
                sync_file(tmp)
        for target, tmp in temps.items():
            with _folder_kept(target):
                os.replace(tmp, target)
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
