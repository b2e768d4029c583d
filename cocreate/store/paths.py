"""Where cocreate keeps its own files: untitled sessions and open-file locks."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: Set this to keep every file of cocreate's own under one folder (tests and portable use).
DATA_DIR_ENV = "COCREATE_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    base = Path(override) if override else Path(platformdirs.user_data_dir("cocreate", False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def untitled_dir() -> Path:
    folder = data_dir() / "untitled"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def locks_dir() -> Path:
    folder = data_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
