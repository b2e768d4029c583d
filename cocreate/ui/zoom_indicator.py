"""The zoom of the journey in view, as a percentage in the status bar; a click goes to 100 %."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QToolButton, QWidget

from cocreate.canvas.view import JourneyView
from cocreate.ui.journey_tabs import JourneyTabs


class ZoomIndicator(QToolButton):
    """Shows "85 %" for the journey in view; hidden while no journey is shown."""

    def __init__(self, tabs: JourneyTabs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoomIndicator")
        self.setAutoRaise(True)
        self._tabs = tabs
        self._view: JourneyView | None = None
        tabs.currentChanged.connect(self.follow_current_view)
        self.clicked.connect(self._actual_size)
        self.retranslate()
        self.follow_current_view()

    def follow_current_view(self, _index: int = -1) -> None:
        view = self._tabs.current_view()
        if view is self._view:
            self._show()
            return
        if self._view is not None:
            try:
                self._view.zoom_changed.disconnect(self._show)
            except (RuntimeError, TypeError):
                pass  # the view is gone with its journey or session
        self._view = view
        if view is not None:
            view.zoom_changed.connect(self._show)
            view.destroyed.connect(self._forget)
        self._show()

    def _forget(self, *_args: object) -> None:
        self._view = None
        self._show()

    def _show(self, *_args: object) -> None:
        view = self._view
        self.setVisible(view is not None)
        if view is not None:
            self.setText(self.tr("%1 %").replace("%1", str(round(view.zoom() * 100))))

    def _actual_size(self) -> None:
        if self._view is not None:
            self._view.actual_size()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Zoom of the journey in view; click for 100 % (Ctrl+1)"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
