"""Writing files so that a crash or an error leaves either the old file or the whole new one.

Everything cocreate writes outside the session database (Save As copies, migrations, PDF,
images, CSV and JSON exports) goes to a temporary file beside the target, is synced, is checked
complete (its size, and for the formats that allow a cheap check, that it reads back whole),
and then replaces the target in one rename. A failure leaves the target as it was, removes the
temporary file, and says why in one line that names the target (OutputPathError). No Qt.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.parsers import expat

from cocreate.path_checks import FOLDER_GONE, OutputPathError, check_output

#: How much of the target's name a temporary file's name keeps (a name near the system's limit
#: still leaves room for the temporary file's own prefix and suffix).
TEMP_NAME_KEEPS = 64

#: Why an output could not be written, in one line (the window translates them: file_errors).
DISK_FULL = "the disk is full; nothing was written, free some space and try again"
DISK_ERROR = (
    "the disk reported an error while writing (an input/output error); nothing was written,"
    " check the disk and try again"
)
INCOMPLETE = "the file came out incomplete, so it was not kept; try again"
NOT_WRITTEN = "the file could not be written; nothing was written"

#: Less free space than this beside an incomplete output: the disk filled up while writing.
NEARLY_FULL = 1 << 20

#: The errno values that mean a full disk (a quota counts as full) and a failing one.
_DISK_REASONS = {errno.ENOSPC: DISK_FULL, errno.EDQUOT: DISK_FULL, errno.EIO: DISK_ERROR}

#: A check of a written file: raises ValueError (or OSError) when it is not whole.
Check = Callable[[Path], None]


def disk_reason(error: BaseException) -> str | None:
    """DISK_FULL or DISK_ERROR when an OSError (or one it was raised from) says so, else None."""
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        if isinstance(link, OutputPathError) and link.strerror in (DISK_FULL, DISK_ERROR):
            return link.strerror
        if isinstance(link, OSError) and link.errno in _DISK_REASONS:
            return _DISK_REASONS[link.errno]
        link = link.__cause__ or link.__context__
    return None


def nearly_full(folder: Path) -> bool:
    """True when the disk holding folder has (almost) no space left."""
    try:
        usage = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: Windows has no statvfs
        return False
    return usage.f_bavail * usage.f_frsize < NEARLY_FULL


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


# -- checks that a written file is whole ----------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # the last chunk of every PNG, always the same
PDF_END_WITHIN = 1024  # %%EOF stands within the last bytes of a PDF


def _tail(path: Path, size: int) -> bytes:
    with open(path, "rb") as handle:
        handle.seek(max(0, path.stat().st_size - size))
        return handle.read()


def check_png(path: Path) -> None:
    with open(path, "rb") as handle:
        start = handle.read(len(PNG_SIGNATURE))
    if start != PNG_SIGNATURE or _tail(path, len(PNG_END)) != PNG_END:
        raise ValueError("not a whole PNG")


def check_pdf(path: Path) -> None:
    with open(path, "rb") as handle:
        start = handle.read(5)
    if start != b"%PDF-" or b"%%EOF" not in _tail(path, PDF_END_WITHIN):
        raise ValueError("not a whole PDF")


def check_svg(path: Path) -> None:
    """Well-formed XML to the end (streamed: no tree is built)."""
    parser = expat.ParserCreate()
    try:
        with open(path, "rb") as handle:
            parser.ParseFile(handle)
    except expat.ExpatError as error:
        raise ValueError(f"not whole XML: {error}") from None


def check_json(path: Path) -> None:
    json.loads(path.read_bytes())  # a JSONDecodeError is a ValueError


def check_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise ValueError(f"not a whole database: {error}") from None
    finally:
        conn.close()
    if verdict != "ok":
        raise ValueError("not a whole database")


#: The check for an output by its suffix (others: size and sync only).
CHECKS: dict[str, Check] = {
    ".png": check_png,
    ".pdf": check_pdf,
    ".svg": check_svg,
    ".json": check_json,
    ".cocreate": check_sqlite,
}


def check_for(target: Path) -> Check | None:
    return CHECKS.get(Path(target).suffix.lower())


# -- writing -------------------------------------------------------------------------------------


class _Incomplete(Exception):
    """A written file that does not read back whole."""


def _not_written(target: Path, error: OSError, folder: Path, tmp: Path | None) -> OSError:
    """An error while target's temporary file was written, said of target in one line when it
    is about the writing (a full or failing disk, a writer's words naming the temporary file);
    others as they are."""
    reason = disk_reason(error)
    if reason is None and not error.errno:  # a writer's own words
        if nearly_full(folder):
            reason = DISK_FULL
        elif tmp is not None and str(tmp) in str(error):
            reason = NOT_WRITTEN
    if reason is None:
        return error
    return OutputPathError(error.errno or errno.EIO, reason, target)


@contextmanager
def _written_whole(target: Path, tmp: Path | None = None) -> Iterator[None]:
    """What goes wrong while target's temporary file (tmp) is written, said of target: a
    folder removed meanwhile, a full or failing disk, or a file that came out incomplete."""
    folder = Path(os.path.abspath(target)).parent
    try:
        yield
    except OutputPathError:
        raise
    except OSError as error:
        if isinstance(error, FileNotFoundError) and not folder.is_dir():
            raise OutputPathError(errno.ENOENT, FOLDER_GONE, target) from None
        said = _not_written(target, error, folder, tmp)
        if said is error:
            raise
        raise said from None
    except _Incomplete:
        reason = DISK_FULL if nearly_full(folder) else INCOMPLETE
        raise OutputPathError(errno.EIO, reason, target) from None


def _check_whole(tmp: Path, check: Check | None, size: int | None = None) -> None:
    """Raise _Incomplete unless tmp holds `size` bytes (when known) and passes check."""
    if size is not None and tmp.stat().st_size != size:
        raise _Incomplete(tmp)
    if check is None:
        return
    try:
        check(tmp)
    except (ValueError, UnicodeDecodeError, sqlite3.Error) as error:
        raise _Incomplete(tmp) from error


@contextmanager
def replacing(target: Path, suffix: str = ".tmp", check: Check | bool = True) -> Iterator[Path]:
    """Yield a temporary path to write; once it is synced and checked whole it replaces target,
    and on any error it goes (target as it was). check: a Check, True for the one of target's
    suffix (CHECKS), False for none. OutputPathError (an OSError naming target, never the
    temporary file) for a target no file can be written to, before any work, and for a write
    that failed (DISK_FULL, DISK_ERROR, INCOMPLETE, FOLDER_GONE)."""
    target = Path(target)
    check_output(target)
    chosen: Check | None = check_for(target) if check is True else None if not check else check
    with _written_whole(target):
        tmp = temp_beside(target, suffix)
    try:
        with _written_whole(target, tmp):
            yield tmp
            sync_file(tmp)
            _check_whole(tmp, chosen)
            os.replace(tmp, target)
        sync_folder(target.resolve().parent)
    finally:
        tmp.unlink(missing_ok=True)


def write_files(contents: dict[Path, bytes]) -> None:
    """Write every file to a temporary file, check it whole, then rename each over its target:
    a failure before the renames leaves every target as it was and no temporary file behind."""
    for target in contents:
        check_output(target)
    temps: dict[Path, Path] = {}
    try:
        for target, data in contents.items():
            with _written_whole(target):
                tmp = temps[target] = temp_beside(target)
                tmp.write_bytes(data)
                sync_file(tmp)
                _check_whole(tmp, check_for(target), len(data))
        for target, tmp in temps.items():
            with _written_whole(target):
                os.replace(tmp, target)
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
