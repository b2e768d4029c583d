"""The Open Recent list, and where each file was left, kept in QSettings."""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_KEY = "recentFiles"
MAX_RECENT = 10


def recent_files() -> list[Path]:
    value = QSettings().value(SETTINGS_KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [Path(item) for item in value or []]


def _absolute(path: Path) -> Path:
    """The path with links resolved; as written when it no longer resolves (a loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop before Python 3.13
        return Path(os.path.abspath(path))


def add_recent_file(path: Path) -> None:
    path = _absolute(path)
    paths = [path] + [item for item in recent_files() if item != path]
    QSettings().setValue(SETTINGS_KEY, [str(item) for item in paths[:MAX_RECENT]])


def remove_recent_file(path: Path) -> None:
    path = _absolute(path)
    QSettings().setValue(SETTINGS_KEY, [str(item) for item in recent_files() if item != path])


def clear_recent_files() -> None:
    QSettings().setValue(SETTINGS_KEY, [])


# -- where each file was left ---------------------------------------------------------------------

PLACES_KEY = "sessionPlaces"
MAX_PLACES = 30


@dataclass(frozen=True)
class SessionPlace:
    """Where a session file was left: its journey tab, that journey's view (when the person
    zoomed or scrolled it: None while it fits the journey) and the current author."""

    journey_id: int | None = None
    zoom: float | None = None
    center: tuple[float, float] | None = None
    author_id: int | None = None


def _places() -> list[dict]:
    try:
        value = json.loads(str(QSettings().value(PLACES_KEY, "[]")))
    except ValueError:
        return []
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _number(value: object, kind: type) -> float | int | None:
    """The value as an int or a float, or None when the settings hold anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return kind(value) if math.isfinite(value) else None
    except OverflowError:
        return None


def _point(value: object) -> tuple[float, float] | None:
    if not isinstance(value, list) or len(value) != 2:
        return None
    x, y = (_number(number, float) for number in value)
    return (x, y) if x is not None and y is not None else None


def session_place(path: Path) -> SessionPlace | None:
    """Where the file was left when it was last closed; None for a file not seen before."""
    key = str(path.resolve())
    item = next((item for item in _places() if item.get("path") == key), None)
    if item is None:
        return None
    zoom, center = _number(item.get("zoom"), float), _point(item.get("center"))
    has_view = zoom is not None and zoom > 0 and center is not None
    return SessionPlace(
        journey_id=_number(item.get("journey"), int),
        zoom=zoom if has_view else None,
        center=center if has_view else None,
        author_id=_number(item.get("author"), int),
    )


def remember_session_place(path: Path, place: SessionPlace) -> None:
    """Keep where the file was left, for the MAX_PLACES files closed last."""
    key = str(path.resolve())
    item = {
        "path": key,
        "journey": place.journey_id,
        "zoom": place.zoom,
        "center": list(place.center) if place.center is not None else None,
        "author": place.author_id,
    }
    items = [item] + [other for other in _places() if other.get("path") != key]
    QSettings().setValue(PLACES_KEY, json.dumps(items[:MAX_PLACES]))
