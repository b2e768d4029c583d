"""Unit tests: the Qt-free layers (model, store, edits, layout, analysis, templates, the plain
exporters) on their own. Nothing here needs Qt, so the Qt parts of the shared set-up stand down;
each test still gets a data folder of its own (tests/conftest.py)."""

from tests.no_qt import empty_clipboard, isolated_settings, no_window_left_on_screen  # noqa: F401
