"""Where cocreate keeps its own files: untitled sessions and open-file locks."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: Set this to keep every file of cocreate's own under one folder (tests and portable use).
DATA_DIR_ENV = "COCREATE_DATA_DIR"


def data_dir_path() -> Path:
    """The data folder, without making it."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir("cocreate", False))


def _made(folder: Path) -> Path:
    """folder, made when missing; OSError when it cannot be (a full disk, no permission)."""
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def data_dir() -> Path:
    return _made(data_dir_path())


def untitled_dir() -> Path:
    return _made(data_dir_path() / "untitled")


def untitled_dir_path() -> Path:
    """Where untitled sessions live, without making the folder."""
    return data_dir_path() / "untitled"


def locks_dir() -> Path:
    return _made(data_dir_path() / "locks")
