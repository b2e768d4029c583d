"""For test folders that run no Qt: the Qt parts of the shared set-up (tests/conftest.py) stand
down. A folder's conftest.py imports these three fixtures."""

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
