"""The view of a journey canvas: zoom, pan, find, in-place renaming and keyboard moves."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QTextCursor,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPinchGesture,
    QStyle,
    QToolTip,
    QWidget,
)

from cocreate.canvas.notes import NoteItem
from cocreate.canvas.paint import CARD_TITLE_POINTS, text_pixels
from cocreate.canvas.scene import JourneyScene
from cocreate.canvas.text_limits import LimitedPlainText, limit_line
from cocreate.canvas.tiles import TileCache

MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
ZOOM_STEP = 1.25
#: A journey opens at a zoom where card titles are at least this many pixels high.
READABLE_PIXELS = 11.0
FIT_MARGIN = 20.0
#: Events the view passes on only once every note has its item (canvas/deferred_notes.py).
NEEDS_NOTES = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.ContextMenu,
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
    QEvent.Type.ToolTip,
}


class InlineEditor(QLineEdit):
    """A line editor over the canvas for renaming a stage or a lane in place.

    Enter or a click elsewhere commits; Escape cancels.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        limit_line(self)  # a stage's, lane's or cluster's name: NAME_MAX characters
        self.setObjectName("inlineEditor")
        self.hide()
        self._target: tuple[str, int] | None = None
        self._scene: JourneyScene | None = None
        self.editingFinished.connect(self._commit)

    def start(
        self,
        scene: JourneyScene,
        kind: str,
        row_id: int,
        rect: QRectF,
        zoom: float,
        view: QGraphicsView,
    ) -> None:
        self._scene, self._target = scene, (kind, row_id)
        top_left = view.mapFromScene(rect.topLeft())
        width = max(160, int(rect.width() * zoom))
        self.setGeometry(
            top_left.x(), top_left.y(), width, max(32, int(min(rect.height(), 48) * zoom))
        )
        font = self.font()
        font.setPointSizeF(max(10.0, min(20.0, 13 * zoom)))
        self.setFont(font)
        self.setText(scene.current_name(kind, row_id))
        self.selectAll()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self._target = None
            self.hide()
            self.parentWidget().setFocus()
            return
        super().keyPressEvent(event)

    def _commit(self) -> None:
        target, self._target = self._target, None
        self.hide()
        if target is not None and self._scene is not None:
            self._scene.commit_rename(target[0], target[1], self.text())


class NoteEditor(LimitedPlainText):
    """Typing on a sticky note, over the canvas: Enter (or a click elsewhere) ends the edit,
    Shift+Enter makes a new line, Escape on an empty new note removes it. A note holds up to
    TEXT_MAX characters, typed or pasted (LimitedPlainText).

    In private mode a band over the text says that only the facilitator sees it, the border
    turns dashed purple, and the note under the editor shows its back on every view of the
    scene, so the audience display never shows what is being typed.
    """

    PRIVATE_COLOR = "#6a1b9a"

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.private_band = QLabel(self)
        self.private_band.setObjectName("notePrivateBand")
        self.private_band.setTextFormat(Qt.TextFormat.PlainText)
        self.private_band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.private_band.setWordWrap(True)  # a narrow note at a small zoom: two lines
        self.private_band.setStyleSheet(
            f"QLabel {{ background: {self.PRIVATE_COLOR}; color: #ffffff; font-weight: bold;"
            " font-size: 9pt; padding: 2px 4px; }"
        )
        self.private_band.hide()
        self.hide()
        self.note_id: int | None = None
        self.private = False
        self._band_height = 0
        self._scene: JourneyScene | None = None
        self._note: NoteItem | None = None

    def start(
        self,
        scene: JourneyScene,
        note_id: int,
        rect: QRectF,
        text: str,
        color: QColor,
        zoom: float,
        view: QGraphicsView,
    ) -> None:
        self._release_note()
        self._scene, self.note_id = scene, note_id
        self.private = bool(scene.session.get("private_mode"))
        self._note = scene.draft if note_id == 0 else scene.notes.get(note_id)
        if self.private and self._note is not None:
            self._note.set_typed_in_private(True)
        font = self.font()
        font.setPointSizeF(max(9.0, min(28.0, 11.5 * zoom)))
        if font != self.font():  # a new font lays the editor out again
            self.setFont(font)
        border = f"3px dashed {self.PRIVATE_COLOR}" if self.private else "3px solid #1e63d6"
        look = f"background: {color.name()}; color: #263238; border: {border};"
        sheet = f"QPlainTextEdit {{ {look} }}"
        if sheet != self.styleSheet():  # setting one costs a polish of the editor
            self.setStyleSheet(sheet)
        width = max(120, int(rect.width() * zoom))
        band = self._show_private_band(width)
        top_left = view.mapFromScene(rect.topLeft())
        self.setGeometry(  # the band sits above the note, the text area on it
            top_left.x(), top_left.y() - band, width, max(90, int(rect.height() * zoom)) + band
        )
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_private_band(self, width: int) -> int:
        """Show the band in private mode (hide it otherwise); its height for an editor this
        wide."""
        band = self.private_band
        band.setVisible(self.private)
        self._band_height = 0
        if self.private:
            band.setText(self.tr("Private — only you see this text"))
            band.setToolTip(
                self.tr(
                    "Private mode: the audience display shows this note face down. A screen"
                    " that mirrors this one shows everything you type."
                )
            )
            band.ensurePolished()  # its style sheet's font decides the height
            frame = self.frameWidth()
            self._band_height = max(band.heightForWidth(width - 2 * frame), 0)
        self.setViewportMargins(0, self._band_height, 0, 0)
        return self._band_height

    def _place_private_band(self) -> None:
        inner = self.contentsRect()
        self.private_band.setGeometry(inner.left(), inner.top(), inner.width(), self._band_height)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_private_band()

    def _release_note(self) -> None:
        """The note under the editor shows its face again (unless it is private itself)."""
        note, self._note = self._note, None
        if note is not None:
            note.set_typed_in_private(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.commit()
            elif self.room() > 0:
                self.insertPlainText("\n")
            else:
                self.say_full(pasted=False)
            return
        if key == Qt.Key.Key_Escape:
            if self.note_id == 0 and self.toPlainText().strip():
                self.commit()
            else:
                self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if self.isVisible():
            self.commit()

    def cancel(self) -> None:
        note_id, self.note_id = self.note_id, None
        self._release_note()
        self.hide()
        if note_id == 0 and self._scene is not None:
            self._scene.cancel_draft()
        self.parentWidget().setFocus()

    def commit(self) -> None:
        note_id, self.note_id = self.note_id, None
        self._release_note()
        self.hide()
        if note_id is not None and self._scene is not None:
            self._scene.commit_note(note_id, self.toPlainText())
        self.parentWidget().setFocus()


class JourneyView(QGraphicsView):
    """Shows one JourneyScene; Ctrl+wheel or pinch zooms, middle button or space+drag pans."""

    zoom_changed = Signal(float)

    def __init__(self, scene: JourneyScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("journeyView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        # The scene's RubberBand gesture selects by dragging across empty canvas.
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setAcceptDrops(True)
        self.setBackgroundBrush(Qt.GlobalColor.white)
        self.tiles = TileCache(self)  # frames copied from tiles kept between them
        # Every frame covers all it shows (tiles, stand-ins and the background brush; or Qt's
        # own paint, which fills that brush first): the viewport is not erased before it.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.editor = InlineEditor(self.viewport())
        self.note_editor = NoteEditor(self.viewport())
        self._pan_start: QPoint | None = None
        self._space_down = False
        self.found: list[int] = []
        self.found_index = -1
        # How the view follows its size until the person zooms: "width" (the journey's width,
        # readable: the first view), "journey" (all of the lanes and curve: Fit Journey) or None.
        self.fit_mode: str | None = "width"
        self._fitted_for: tuple[str, QSize] | None = None
        # The person scrolling (bars, keys, wheel) or panning keeps the place they chose.
        self.horizontalScrollBar().actionTriggered.connect(self._scrolled_by_person)
        self.verticalScrollBar().actionTriggered.connect(self._scrolled_by_person)
        scene.rename_requested.connect(self._rename)
        scene.note_edit_requested.connect(self._edit_note)

    @property
    def auto_fit(self) -> bool:
        """Whether the view still follows its size (the person has not zoomed or scrolled to a
        place of their own); setting it on goes back to the first view."""
        return self.fit_mode is not None

    @auto_fit.setter
    def auto_fit(self, on: bool) -> None:
        self.fit_mode = "width" if on else None
        self._fitted_for = None

    def _scrolled_by_person(self, _action: int = 0) -> None:
        self.auto_fit = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not (self.tiles.applies() and self.tiles.paint(event)):
            super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (
            QEvent.Type.LanguageChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.FontChange,
        ):
            self.tiles.clear()  # texts and looks drawn from them change
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.follow_size()

    def follow_size(self) -> None:
        """Fit again after the view's own size changed. Only the widget's size counts, not the
        viewport's: fitting shows or hides the scroll bars, which resizes the viewport, and
        refitting on that looped for seconds at small window sizes."""
        if self.fit_mode is None:
            return
        wanted = (self.fit_mode, self.size())
        if wanted == self._fitted_for:
            return
        self._fitted_for = wanted
        if self.fit_mode == "width":
            self.fit_journey_width()
        else:
            self.fit_journey()

    def _room(self) -> QSize:
        """The viewport's size with both scroll bars shown, whether they are or not, so that a
        fit never depends on them."""
        frame = 2 * self.frameWidth()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(max(1, self.width() - frame - bar), max(1, self.height() - frame - bar))

    def journey_rect(self) -> QRectF:
        """The journey's lanes and emotion curve, with the persona above the lane names."""
        layout = self.journey_scene().layout
        return QRectF(0, 0, max(layout.width, 1.0), max(layout.curve.bottom, 1.0))

    def readable_zoom(self) -> float:
        """The zoom at which card titles are READABLE_PIXELS high on this screen."""
        dpi = self.viewport().logicalDpiY() or 96
        return READABLE_PIXELS / text_pixels(CARD_TITLE_POINTS, 1.0, dpi)

    def journey_scene(self) -> JourneyScene:
        return self.scene()  # type: ignore[return-value]

    # -- zoom -----------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        step = factor / self.zoom()
        if anchor is None:
            old_anchor = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(step, step)
            self.setTransformationAnchor(old_anchor)
        else:
            self.scale(step, step)
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.auto_fit = False
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.auto_fit = False
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_journey_width(self) -> None:
        """The first view of a journey: its width fills the view, unless card titles would
        then be too small to read (READABLE_PIXELS), never above 100 %; it starts at the
        stage headers, and the rest is a scroll away."""
        rect = self.journey_rect().adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, 0)
        width_fit = self._room().width() / rect.width()
        zoom = min(1.0, max(width_fit, self.readable_zoom()))
        self._show_from(rect, zoom)

    def fit_journey(self) -> None:
        """All of the journey's lanes and emotion curve in view, never above 100 %."""
        rect = self.journey_rect().adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        room = self._room()
        zoom = min(1.0, room.width() / rect.width(), room.height() / rect.height())
        self._show_from(rect, zoom)

    def _show_from(self, rect: QRectF, zoom: float) -> None:
        """Show rect's top-left corner at the view's top-left at this zoom, or rect centred
        across when it is narrower than the view."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.setTransform(QTransform.fromScale(zoom, zoom))
        seen = QSizeF(self.viewport().width() / zoom, self.viewport().height() / zoom)
        x = rect.center().x() if rect.width() <= seen.width() else rect.left() + seen.width() / 2
        y = rect.center().y() if rect.height() <= seen.height() else rect.top() + seen.height() / 2
        self.centerOn(x, y)
        self.zoom_changed.emit(self.zoom())

    def zoom_to_fit(self) -> None:
        """Fit Journey (Ctrl+0): all of the lanes and the curve, kept fitted as the window
        changes size until the person zooms."""
        self.fit_mode = "journey"
        self._fitted_for = (self.fit_mode, self.size())
        self.fit_journey()

    def zoom_to_board(self) -> None:
        """The board's notes (those not pinned to a card or stage), as large as they fit."""
        scene = self.journey_scene()
        rect = QRectF()
        for note in scene.notes.values():
            if note.row["stage_id"] is None and note.row["touchpoint_id"] is None:
                rect = rect.united(note.sceneBoundingRect())
        if rect.isEmpty():
            rect = scene.board.area
        self.auto_fit = False
        self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom())

    def actual_size(self) -> None:
        self.auto_fit = False
        self.set_zoom(1.0)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.auto_fit = False
                self.set_zoom(self.zoom() * (ZOOM_STEP**steps), event.position())
            event.accept()
            return
        self._scrolled_by_person()
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        self._make_notes_before(event)
        if event.type() == QEvent.Type.NativeGesture:
            gesture: QNativeGestureEvent = event  # type: ignore[assignment]
            if gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.auto_fit = False
                self.set_zoom(self.zoom() * (1 + gesture.value()), gesture.position())
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                change = pinch.scaleFactor()
                if change:
                    self.auto_fit = False
                    self.set_zoom(self.zoom() * change)
                event.accept()  # type: ignore[attr-defined]
                return True
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)  # type: ignore[arg-type]
            return True
        return super().viewportEvent(event)

    def _make_notes_before(self, event: QEvent) -> None:
        """Have every note's item made before an event that may look for one."""
        scene, kind = self.scene(), event.type()
        if not isinstance(scene, JourneyScene) or not scene.deferral.waiting:
            return
        if kind in NEEDS_NOTES or (
            kind == QEvent.Type.MouseMove
            and scene.deferral.note_at(self.mapToScene(event.position().toPoint()))  # type: ignore[attr-defined]
        ):
            scene.deferral.place_all()

    def _show_tooltip(self, event: QHelpEvent) -> None:
        """The tip of the topmost item under the pointer that has one, as Qt's scene shows it,
        but asking each item in Python: a note makes its tip only when asked (a board of ten
        thousand notes would otherwise make and keep ten thousand tips as it opens)."""
        text = next((tip for item in self.items(event.pos()) if (tip := item.toolTip())), "")
        QToolTip.showText(event.globalPos(), text, self.viewport())
        event.setAccepted(bool(text))

    # -- pan ------------------------------------------------------------------------------------

    def _start_pan(self, pos: QPoint) -> None:
        self._scrolled_by_person()
        self._pan_start = pos
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space_down and event.button() == Qt.MouseButton.LeftButton
        ):
            self._start_pan(event.position().toPoint())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_start is not None:
            delta = event.position().toPoint() - self._pan_start
            self._pan_start = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_start is not None:
            self._pan_start = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space_down else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        self.journey_scene().deferral.place_all()  # keys select, move and find notes' items
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in steps and self.journey_scene().selected_touchpoint_ids():
            self.journey_scene().nudge(*steps[key])
            self.ensure_selection_visible()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def ensure_selection_visible(self) -> None:
        scene = self.journey_scene()
        ids = scene.selected_touchpoint_ids()
        if ids and ids[0] in scene.cards:
            self.ensureVisible(scene.cards[ids[0]], 40, 40)

    # -- find -----------------------------------------------------------------------------------

    def find(self, text: str) -> int:
        """Highlight matching cards and go to the first; returns how many match."""
        self.found = self.journey_scene().find(text)
        self.found_index = -1
        if self.found:
            self.find_step(1)
        return len(self.found)

    def find_step(self, step: int) -> int | None:
        """Select and show the next (or previous) match; its id."""
        scene = self.journey_scene()
        self.found = [card_id for card_id in self.found if card_id in scene.cards]
        if not self.found:
            return None
        self.found_index = (self.found_index + step) % len(self.found)
        card_id = self.found[self.found_index]
        scene.select_touchpoints([card_id])
        self.centerOn(scene.cards[card_id])
        return card_id

    # -- renaming in place ----------------------------------------------------------------------

    def _edit_note(self, note_id: int, rect: QRectF, text: str, color: QColor) -> None:
        if not self.isInteractive():
            return  # the audience display shows the scene; editing happens on the laptop
        self.ensureVisible(rect, 20, 20)
        self.note_editor.start(self.journey_scene(), note_id, rect, text, color, self.zoom(), self)

    def new_note_at_cursor(self) -> bool:
        """A new note at the mouse pointer when it is over the view, else at the view centre."""
        cursor = self.viewport().mapFromGlobal(QCursor.pos())
        if not self.viewport().rect().contains(cursor):
            cursor = self.viewport().rect().center()
        return self.journey_scene().start_new_note(self.mapToScene(cursor))

    def _rename(self, kind: str, row_id: int, rect: QRectF) -> None:
        if not self.isInteractive():
            return
        self.ensureVisible(rect, 20, 20)
        self.editor.start(self.journey_scene(), kind, row_id, rect, self.zoom(), self)
