"""What the docked panels share: whether one is on screen, being told when it comes back on
screen, and being built only while on screen."""

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


class BuiltWhenShown:
    """A panel (a QWidget besides this) that is built only while on screen: behind another
    panel, where the outline and the Votes panel start (behind the Inspector), it empties
    itself and is built again when shown. The panel gives refresh(), which builds it and sets
    `_stale` to False, and _clear(), which empties it."""

    _stale = False  # changed while behind another panel: built again when shown

    def refresh(self) -> None:
        raise NotImplementedError

    def _clear(self) -> None:
        raise NotImplementedError

    def on_screen(self) -> bool:
        assert isinstance(self, QWidget)
        return on_screen(self)

    def _refresh_when_shown(self) -> None:
        """Build now when on screen; else empty, and build when shown."""
        if self.on_screen():
            self.refresh()
        else:
            self._clear()
            self._stale = True

    def dock_shown(self, shown: bool) -> None:
        """Its dock's tab became the current one (or went behind another): build if stale."""
        if shown and self._stale:
            self.refresh()
