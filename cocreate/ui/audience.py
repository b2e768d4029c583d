"""The audience display: the board on a second screen (a projector), following the
facilitator's view, while the laptop keeps the canvas, panels and controls."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QScreen
from PySide6.QtWidgets import QGraphicsView, QVBoxLayout, QWidget

from cocreate.canvas.view import JourneyView
from cocreate.ui.timer import CountdownTimer, TimerOverlay


class AudienceWindow(QWidget):
    """A full-screen view of the current journey's scene in presentation style.

    It shows the same scene as the facilitator's view, so private notes, vote dots and cards
    look the same on both screens; it only follows, it takes no edits.
    """

    closed = Signal()

    def __init__(self, timer: CountdownTimer, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("audienceWindow")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._timer = timer
        self.view: JourneyView | None = None
        self._source: JourneyView | None = None
        self.cover: QWidget | None = None  # shown over the board (the invitation to join)
        self.resize(1280, 720)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("cocreate: audience display"))

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on the given screen, or a normal window when there is none."""
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.showNormal()
        self.raise_()

    def follow(self, source: JourneyView | None) -> None:
        """Show source's scene and keep showing what source shows (None: stop following)."""
        if self._source is not None:
            self._source.horizontalScrollBar().valueChanged.disconnect(self._match)
            self._source.verticalScrollBar().valueChanged.disconnect(self._match)
            self._source.zoom_changed.disconnect(self._match)
        self._source = source
        if source is None:
            return
        if self.view is None or self.view.scene() is not source.scene():
            if self.view is not None:
                self._layout.removeWidget(self.view)
                self.view.deleteLater()
            self.view = JourneyView(source.journey_scene())
            self.view.setObjectName("audienceView")
            self.view.setInteractive(False)
            self.view.auto_fit = False
            self.view.setProperty("presentation", True)
            self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.view.setDragMode(QGraphicsView.DragMode.NoDrag)
            self._layout.addWidget(self.view)
            self.view.viewport().installEventFilter(self)  # refit when it gets its size
            overlay = TimerOverlay(self._timer)
            overlay.attach(self.view.viewport())
            if self.cover is not None:
                self.cover.raise_()  # stays in front of the new board
        source.horizontalScrollBar().valueChanged.connect(self._match)
        source.verticalScrollBar().valueChanged.connect(self._match)
        source.zoom_changed.connect(self._match)
        self._match()

    def visible_rect(self) -> QRectF:
        """The part of the scene the facilitator sees now."""
        source = self._source
        if source is None:
            return QRectF()
        return source.mapToScene(source.viewport().rect()).boundingRect()

    def _match(self, *_args) -> None:
        if self.view is not None and self._source is not None:
            self.view.fitInView(self.visible_rect(), Qt.AspectRatioMode.KeepAspectRatio)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if (
            self.view is not None
            and watched is self.view.viewport()
            and (event.type() == QEvent.Type.Resize)
        ):
            self._match()
        return super().eventFilter(watched, event)

    def show_over(self, widget: QWidget | None) -> None:
        """Show widget over the whole display, in front of the board (the invitation to join
        from phones); None shows the board again."""
        if self.cover is not None and self.cover is not widget:
            self.cover.hide()
        self.cover = widget
        if widget is not None:
            widget.setParent(self)
            widget.setGeometry(self.rect())
            widget.show()
            widget.raise_()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.cover is not None:
            self.cover.setGeometry(self.rect())
        self._match()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.follow(None)
        self.closed.emit()
        super().closeEvent(event)
