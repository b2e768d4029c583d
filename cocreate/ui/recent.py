"""The Open Recent list, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_KEY = "recentFiles"
MAX_RECENT = 10


def recent_files() -> list[Path]:
    value = QSettings().value(SETTINGS_KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [Path(item) for item in value or []]


def add_recent_file(path: Path) -> None:
    path = path.resolve()
    paths = [path] + [item for item in recent_files() if item != path]
    QSettings().setValue(SETTINGS_KEY, [str(item) for item in paths[:MAX_RECENT]])


def remove_recent_file(path: Path) -> None:
    path = path.resolve()
    QSettings().setValue(SETTINGS_KEY, [str(item) for item in recent_files() if item != path])


def clear_recent_files() -> None:
    QSettings().setValue(SETTINGS_KEY, [])
