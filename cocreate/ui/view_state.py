"""Where a journey's canvas view looks: its zoom and the scene point in its middle, read and
put back (when a session file is opened again, at the place it was left)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF

from cocreate.canvas.view import JourneyView


@dataclass(frozen=True)
class ViewPlace:
    """A zoom factor and the scene point at the centre of the view."""

    zoom: float
    center: QPointF


def view_place(view: JourneyView) -> ViewPlace:
    return ViewPlace(view.zoom(), view.mapToScene(view.viewport().rect().center()))


def restore_view_place(view: JourneyView, place: ViewPlace) -> None:
    """Show the view at the place: it stops fitting the journey to its size, and keeps the
    point in its middle while the window is still laid out, until the person scrolls or zooms."""
    view.auto_fit = False
    view.set_zoom(place.zoom)
    view.centerOn(place.center)
    _CentreHold(view, place.center)


class _CentreHold(QObject):
    """Centres the view on a point again after each resize (a resize keeps the scroll values,
    which moves the picture), until the view is scrolled or zoomed by anything else."""

    def __init__(self, view: JourneyView, center: QPointF) -> None:
        super().__init__(view)
        self._view = view
        self._center = center
        self._busy = False
        self._held = True
        view.installEventFilter(self)
        view.horizontalScrollBar().valueChanged.connect(self._moved)
        view.verticalScrollBar().valueChanged.connect(self._moved)
        view.zoom_changed.connect(self._moved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._busy = True
            self._view.event(event)  # the view lays itself out first...
            self._view.centerOn(self._center)  # ...then looks at the point again
            self._busy = False
            return True
        return False

    def _moved(self, _value: object) -> None:
        if self._held and not self._busy:
            self._held = False
            self._view.removeEventFilter(self)
            self.deleteLater()  # its connections go with it
