"""Shared test set-up: offscreen Qt, and cocreate's own folders and settings per test."""

import os

# Qt aborts without a platform; this must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Untitled sessions and locks of each test live in a folder of their own."""
    data = tmp_path / "cocreate-data"
    monkeypatch.setenv("COCREATE_DATA_DIR", str(data))
    return data


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """QSettings (recent files, language) of each test live in a folder of their own."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture(autouse=True)
def empty_clipboard():
    """What a test copied leaves with the test (the app clears it when it quits, too)."""
    yield
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QApplication.clipboard().clear()
