"""A countdown for timeboxed activities: the clock, a panel to run it, and a big on-canvas badge.

One CountdownTimer drives every view of it: the panel in a dock and an overlay on each canvas
view (the laptop's and the projector's) show the same time. The clock reads monotonic time
(QElapsedTimer), so ticks that arrive late never make it drift.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsPathItem,
    QGraphicsView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cocreate.canvas.backdrop import GridItem
from cocreate.canvas.notes import BoardItem
from cocreate.canvas.paint import Z_HEADER
from cocreate.canvas.view import JourneyView

# The preset timeboxes of the panel, in minutes.
PRESET_MINUTES = (1, 3, 5, 10)
# What the on-canvas clock keeps clear of: the headers most of all (of the stages and lanes,
# and the persona: every item drawn at header level), then everything else on the canvas but
# its backgrounds (the grid of cells, the board) and the link arrows.
BACKGROUND = (GridItem, BoardItem, QGraphicsPathItem)


def panel_button() -> QToolButton:
    """A button that takes its share of a row. Unlike a push button (which the style keeps
    80 px wide at least) it can be as narrow as its text, so the panel fits a narrow dock."""
    button = QToolButton()
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def format_clock(seconds: int) -> str:
    """mm:ss (minutes go past 59 rather than showing hours: 75:00)."""
    seconds = max(0, seconds)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class TimerState(StrEnum):
    IDLE = "idle"  # not started, or reset
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"  # ran out; stays so until reset or started again


class CountdownTimer(QObject):
    """Counts down whole seconds from start(seconds) to zero.

    `tick` carries the seconds left each time that number changes (and once at start);
    `finished` fires once when it reaches zero (after a last tick of 0); `state_changed` fires
    when it starts, pauses, resumes, finishes or is reset.

    second_ms is how long one second lasts, in milliseconds: tests make it short.
    """

    tick = Signal(int)
    finished = Signal()
    state_changed = Signal()

    def __init__(
        self, parent: QObject | None = None, *, second_ms: int = 1000, beep: bool = True
    ) -> None:
        super().__init__(parent)
        if second_ms <= 0:
            raise ValueError("second_ms must be positive")
        self._second_ms = second_ms
        self._beep = beep
        self._duration_ms = 0
        self._banked_ms = 0  # time run before the current running spell
        self._clock = QElapsedTimer()
        self._state = TimerState.IDLE
        self._last_tick: int | None = None
        self._ticker = QTimer(self)
        self._ticker.setSingleShot(True)
        self._ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self._ticker.timeout.connect(self._on_ticker)

    # -- reading ---------------------------------------------------------------------------------

    @property
    def state(self) -> TimerState:
        return self._state

    @property
    def running(self) -> bool:
        return self._state == TimerState.RUNNING

    @property
    def paused(self) -> bool:
        return self._state == TimerState.PAUSED

    @property
    def is_finished(self) -> bool:
        return self._state == TimerState.FINISHED

    @property
    def remaining(self) -> int:
        """Whole seconds left, rounded up: 0 only once the time is over (or when idle)."""
        return -(-self._remaining_ms() // self._second_ms)

    def _elapsed_ms(self) -> int:
        running = self._clock.elapsed() if self._state == TimerState.RUNNING else 0
        return self._banked_ms + running

    def _remaining_ms(self) -> int:
        return max(0, self._duration_ms - self._elapsed_ms())

    # -- controlling -----------------------------------------------------------------------------

    def start(self, seconds: int) -> None:
        """Count down from seconds (> 0), whatever the timer did before."""
        if seconds <= 0:
            raise ValueError("a countdown needs at least one second")
        self._ticker.stop()
        self._duration_ms = seconds * self._second_ms
        self._banked_ms = 0
        self._clock.start()
        self._set_state(TimerState.RUNNING)
        self._emit_tick(force=True)
        self._schedule()

    def pause(self) -> None:
        if self._state != TimerState.RUNNING:
            return
        self._banked_ms += self._clock.elapsed()
        self._ticker.stop()
        self._set_state(TimerState.PAUSED)

    def resume(self) -> None:
        if self._state != TimerState.PAUSED:
            return
        self._clock.start()
        self._set_state(TimerState.RUNNING)
        self._schedule()

    def reset(self) -> None:
        """Stop and clear: back to idle, nothing left."""
        self._ticker.stop()
        self._duration_ms = 0
        self._banked_ms = 0
        self._last_tick = None
        self._set_state(TimerState.IDLE)

    def add(self, seconds: int) -> None:
        """More (or, negative, less) time. Idle or finished, a positive amount starts anew."""
        if self._state in (TimerState.IDLE, TimerState.FINISHED):
            if seconds > 0:
                self.start(seconds)
            return
        self._duration_ms = max(self._elapsed_ms(), self._duration_ms + seconds * self._second_ms)
        self._emit_tick()
        if self._state == TimerState.RUNNING:
            self._schedule()

    # -- counting --------------------------------------------------------------------------------

    def _set_state(self, state: TimerState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit()

    def _emit_tick(self, force: bool = False) -> None:
        remaining = self.remaining
        if force or remaining != self._last_tick:
            self._last_tick = remaining
            self.tick.emit(remaining)

    def _schedule(self) -> None:
        """Wake up just after the number of whole seconds left changes next."""
        left = self._remaining_ms()
        if left <= 0:
            self._finish()
            return
        self._ticker.start((left % self._second_ms or self._second_ms) + 1)

    def _on_ticker(self) -> None:
        if self._state != TimerState.RUNNING:
            return
        if self._remaining_ms() <= 0:
            self._finish()
            return
        self._emit_tick()
        self._schedule()

    def _finish(self) -> None:
        self._ticker.stop()
        self._banked_ms = self._duration_ms
        self._set_state(TimerState.FINISHED)
        self._emit_tick()
        if self._beep:
            QApplication.beep()
        self.finished.emit()


# -- the panel ------------------------------------------------------------------------------------


class TimerPanel(QWidget):
    """Presets, a custom length, the controls and the time left, for a dock or a toolbar."""

    def __init__(self, timer: CountdownTimer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerPanel")
        self.timer = timer

        self.display = QLabel()
        self.display.setObjectName("timerDisplay")
        self.display.setTextFormat(Qt.TextFormat.PlainText)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.display.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2.6)
        font.setBold(True)
        self.display.setFont(font)

        self.preset_buttons: dict[int, QToolButton] = {}
        presets = QGridLayout()
        presets.setSpacing(4)
        for index, minutes in enumerate(PRESET_MINUTES):
            button = panel_button()
            button.setObjectName(f"timerPreset{minutes}")
            button.clicked.connect(lambda _=False, m=minutes: self.timer.start(m * 60))
            self.preset_buttons[minutes] = button
            presets.addWidget(button, 0, index)

        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("timerMinutes")
        self.minutes_spin.setRange(1, 180)
        self.minutes_spin.setValue(15)
        self.minutes_spin.valueChanged.connect(self._show)
        self.start_button = panel_button()
        self.start_button.setObjectName("timerStart")
        self.start_button.clicked.connect(self.start_custom)
        custom = QHBoxLayout()
        custom.addWidget(self.minutes_spin, 1)
        custom.addWidget(self.start_button)

        self.pause_button = panel_button()
        self.pause_button.setObjectName("timerPause")
        self.pause_button.clicked.connect(self.timer.pause)
        self.resume_button = panel_button()
        self.resume_button.setObjectName("timerResume")
        self.resume_button.clicked.connect(self.timer.resume)
        self.add_minute_button = panel_button()
        self.add_minute_button.setObjectName("timerAddMinute")
        self.add_minute_button.clicked.connect(lambda: self.timer.add(60))
        self.reset_button = panel_button()
        self.reset_button.setObjectName("timerReset")
        self.reset_button.clicked.connect(self.timer.reset)
        controls = QHBoxLayout()
        for button in (
            self.pause_button,
            self.resume_button,
            self.add_minute_button,
            self.reset_button,
        ):
            controls.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.display)
        layout.addLayout(presets)
        layout.addLayout(custom)
        layout.addLayout(controls)
        layout.addStretch(1)

        timer.tick.connect(self._show)
        timer.state_changed.connect(self._show)
        self.retranslate()

    def start_custom(self) -> None:
        self.timer.start(self.minutes_spin.value() * 60)

    def _show(self) -> None:
        state = self.timer.state
        if state == TimerState.IDLE:
            self.display.setText(format_clock(self.minutes_spin.value() * 60))
        else:
            self.display.setText(format_clock(self.timer.remaining))
        self.display.setEnabled(state != TimerState.IDLE)
        self.pause_button.setEnabled(state == TimerState.RUNNING)
        self.resume_button.setEnabled(state == TimerState.PAUSED)
        self.add_minute_button.setEnabled(state != TimerState.IDLE)
        self.reset_button.setEnabled(state != TimerState.IDLE)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for minutes, button in self.preset_buttons.items():
            button.setText(self.tr("%n min", "", minutes))
            button.setToolTip(self.tr("Start a countdown: %n min", "", minutes))
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setToolTip(self.tr("Length of a custom countdown, in minutes"))
        self.start_button.setText(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Start a countdown of the minutes set beside"))
        self.pause_button.setText(self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Stop the clock for a moment; Resume goes on"))
        self.resume_button.setText(self.tr("Resume"))
        self.resume_button.setToolTip(self.tr("Go on counting down from where it was paused"))
        self.add_minute_button.setText(self.tr("+1 min"))
        self.add_minute_button.setToolTip(self.tr("Give the group one more minute"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Stop the countdown and clear it"))
        self.display.setToolTip(self.tr("Time left (minutes:seconds)"))
        self._show()


# -- the overlay ----------------------------------------------------------------------------------


class TimerOverlay(QWidget):
    """A large mm:ss badge in a corner of a canvas view's viewport: the top-right one, unless
    it would cover headers or cards there and another corner covers less (it moves as the view
    scrolls and zooms).

    Shown while the timer runs or is paused, and after it ran out: then it turns red, says
    "Time's up", pulses for a few seconds and stays until clicked (which resets the timer, so
    the badges on every screen go away together) or until the timer is reset.
    """

    MARGIN = 16
    TEXT_PX = 64  # legible from the back of a room on a 1080p projector
    CAPTION_PX = 22
    PULSES = 16  # colour flips after the end: 4 seconds at 250 ms
    PULSE_MS = 250

    NORMAL = QColor(33, 33, 33, 225)
    PAUSED = QColor(84, 110, 122, 225)
    ALARM = QColor("#c62828")
    ALARM_BRIGHT = QColor("#ff5252")

    def __init__(
        self, timer: CountdownTimer, parent: QWidget | None = None, *, pulse_ms: int = PULSE_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timerOverlay")
        self.timer = timer
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._viewport: QWidget | None = None
        self._bright = False
        self._pulses_left = 0
        self._pulse = QTimer(self)
        self._pulse.setInterval(pulse_ms)
        self._pulse.timeout.connect(self._on_pulse)

        self._text_font = QFont(self.font())
        self._text_font.setPixelSize(self.TEXT_PX)
        self._text_font.setBold(True)
        self._caption_font = QFont(self.font())
        self._caption_font.setPixelSize(self.CAPTION_PX)
        self._caption_font.setBold(True)

        timer.tick.connect(self._on_tick)
        timer.state_changed.connect(self._on_state_changed)
        self.hide()
        if parent is not None:
            self.attach(parent)
        else:
            self._on_state_changed()

    # -- what it shows ---------------------------------------------------------------------------

    def text(self) -> str:
        """The big text: the time left, or "Time's up" once it ran out."""
        if self.timer.is_finished:
            return self.tr("Time's up")
        return format_clock(self.timer.remaining)

    def caption(self) -> str:
        """The small line under it ("" when there is none)."""
        if self.timer.paused:
            return self.tr("Paused")
        if self.timer.is_finished:
            return self.tr("Click to dismiss")
        return ""

    def alarm(self) -> bool:
        """True while it signals that the time is up."""
        return self.timer.is_finished

    def text_font(self) -> QFont:
        return QFont(self._text_font)

    def pulsing(self) -> bool:
        return self._pulse.isActive()

    def background(self) -> QColor:
        if self.timer.is_finished:
            return self.ALARM_BRIGHT if self._bright else self.ALARM
        return self.PAUSED if self.timer.paused else self.NORMAL

    # -- placing ---------------------------------------------------------------------------------

    def attach(self, viewport: QWidget) -> None:
        """Sit in a corner of the viewport, and find the best one again when it is resized,
        scrolled or zoomed."""
        if self._viewport is not None:
            self._viewport.removeEventFilter(self)
            self._follow_view(self._view(), False)
        self._viewport = viewport
        self.setParent(viewport)
        viewport.installEventFilter(self)
        self._follow_view(self._view(), True)
        self._on_state_changed()

    def _view(self) -> QGraphicsView | None:
        view = self._viewport.parentWidget() if self._viewport is not None else None
        return view if isinstance(view, QGraphicsView) else None

    def _follow_view(self, view: QGraphicsView | None, on: bool) -> None:
        if view is None:
            return
        signals = [view.horizontalScrollBar().valueChanged, view.verticalScrollBar().valueChanged]
        if isinstance(view, JourneyView):
            signals.append(view.zoom_changed)
        for signal in signals:
            if on:
                signal.connect(self._view_moved)
            else:
                signal.disconnect(self._view_moved)

    def _view_moved(self, *_args) -> None:
        if self.isVisible():
            self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._viewport and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()  # hidden, it is placed when it shows (finding a corner reads the
            # items under each one: 30 ms of every open of a 10 000-note board)
        return False

    def _place(self) -> None:
        self.resize(self.sizeHint())
        parent = self.parentWidget()
        if parent is not None:
            corners = self.corners(parent.size())
            self.move(min(corners, key=lambda corner: self._covers(QRect(corner, self.size()))))
        self.raise_()

    def corners(self, room: QSize) -> list[QPoint]:
        """Where it may sit, in order of preference: top-right, bottom-right, bottom-left,
        top-left, each MARGIN from the edges."""
        right = max(0, room.width() - self.width() - self.MARGIN)
        bottom = max(self.MARGIN, room.height() - self.height() - self.MARGIN)
        left, top = self.MARGIN, self.MARGIN
        return [QPoint(right, top), QPoint(right, bottom), QPoint(left, bottom), QPoint(left, top)]

    def _covers(self, rect: QRect) -> tuple[int, int]:
        """How much of the headers, then of the other content, rect would hide."""
        view = self._view()
        if view is None:
            return (0, 0)
        headers = content = 0
        for item in view.items(rect):
            if isinstance(item, BACKGROUND):
                continue
            shown = view.mapFromScene(item.sceneBoundingRect()).boundingRect().intersected(rect)
            area = shown.width() * shown.height()
            if item.zValue() == Z_HEADER:
                headers += area
            else:
                content += area
        return (headers, content)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        big = QFontMetrics(self._text_font)
        width = max(big.horizontalAdvance(self.text()), big.horizontalAdvance("00:00"))
        height = big.height()
        caption = self.caption()
        if caption:
            small = QFontMetrics(self._caption_font)
            width = max(width, small.horizontalAdvance(caption))
            height += small.height()
        return QSize(width + 2 * 24, height + 2 * 12)

    # -- following the timer ---------------------------------------------------------------------

    def _on_tick(self, _remaining: int) -> None:
        if self.isVisible():
            if self.sizeHint() != self.size():  # else the corner stays as good as it was
                self._place()
            self.update()

    def _on_state_changed(self) -> None:
        if self.timer.is_finished:
            self._bright = True
            self._pulses_left = self.PULSES
            self._pulse.start()
        else:
            self._pulse.stop()
            self._bright = False
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, not self.alarm())
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if self.alarm() else Qt.CursorShape.ArrowCursor
        )
        self.setToolTip(self.tr("Time's up: click to dismiss") if self.alarm() else "")
        self.setAccessibleName(self.text())
        active = self.timer.state != TimerState.IDLE
        if active and self.parentWidget() is not None:
            self._place()
            self.show()
        else:
            self.hide()
        self.update()

    def _on_pulse(self) -> None:
        self._pulses_left -= 1
        self._bright = not self._bright and self._pulses_left > 0
        if self._pulses_left <= 0:
            self._pulse.stop()
        self.update()

    # -- painting and clicking -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(255, 255, 255, 200))
        painter.setBrush(self.background())
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 14, 14)
        painter.setPen(QColor("#ffffff"))
        big = QFontMetrics(self._text_font)
        body = self.rect().adjusted(24, 12, -24, -12)
        painter.setFont(self._text_font)
        painter.drawText(
            QRect(body.left(), body.top(), body.width(), big.height()),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextSingleLine,
            self.text(),
        )
        caption = self.caption()
        if caption:
            painter.setFont(self._caption_font)
            top = body.top() + big.height()
            painter.drawText(
                QRect(body.left(), top, body.width(), body.bottom() - top),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextSingleLine,
                caption,
            )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.alarm() and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.timer.reset()
            return
        super().mousePressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._on_state_changed()
        super().changeEvent(event)
