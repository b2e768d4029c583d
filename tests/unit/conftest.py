"""Unit tests: the Qt-free layers (model, store, edits, layout, analysis, templates, the plain
exporters) on their own. Nothing here needs Qt, so the Qt parts of the shared set-up stand down;
each test still gets a data folder of its own (tests/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def isolated_settings():
    """No QSettings: these tests run no Qt."""
    yield


@pytest.fixture(autouse=True)
def empty_clipboard():
    """No clipboard: these tests run no Qt."""
    yield


@pytest.fixture(autouse=True)
def no_window_left_on_screen():
    """No windows: these tests run no Qt."""
    yield
