"""What the docked panels share: whether one is on screen, and being told when it comes back
on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QWidget


def on_screen(widget: QWidget) -> bool:
    """Shown, and not behind another panel: Qt keeps the panels of a dock's other tabs visible
    (isVisible() says so), moved off the screen, where nothing of them can be seen."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def follow_dock(dock: QDockWidget, panel: QWidget, shown: Callable[[bool], None]) -> None:
    """Call shown(True) when the dock's tab is chosen, and shown(whether the panel is on
    screen) when the dock is floated or moved: Qt then says "not visible" even when it is."""
    dock.visibilityChanged.connect(shown)
    for moved in (dock.topLevelChanged, dock.dockLocationChanged):
        moved.connect(lambda _how: shown(on_screen(panel)))
