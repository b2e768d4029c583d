"""What the docked panels share: whether one is on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def on_screen(widget: QWidget) -> bool:
    """Shown, and not behind another panel: Qt keeps the panels of a dock's other tabs visible
    (isVisible() says so), moved off the screen, where nothing of them can be seen."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()
