"""A long export with a progress dialog and a Cancel button.

An exporter without Qt (the PDF) runs on a worker thread: the window stays responsive, and
Cancel stops it before its next page. The image of a journey paints the scene, which only the
GUI thread may touch: it draws in bands, each written to the file as it is drawn, and between
bands the dialog is repainted and a Cancel click is handled (on_gui_thread).
Either way a cancelled export raises ExportCancelled in the writer, which then removes its
temporary file: nothing is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from cocreate.export.registry import ExportCancelled, Progress

T = TypeVar("T")

# The dialog shows once an export has run this long: a quick one finishes without a flash.
SHOW_AFTER_MS = 400


class Outcome(Enum):
    DONE = "done"
    CANCELLED = "cancelled"
    FAILED = "failed"


#: What an export reports when it ends: its outcome and, when it failed, the error.
Finished = Callable[[Outcome, BaseException | None], None]


class ExportProgressDialog(QProgressDialog):
    """The progress of one export; Cancel asks it to stop and says it is stopping."""

    def __init__(self, label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("exportProgress")
        self.setWindowTitle(self.tr("Exporting"))
        self.setLabelText(label)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.setRange(0, 0)  # busy until the first report says how much there is
        self.cancel_requested = threading.Event()
        self.canceled.connect(self._on_cancel)
        # Shown after the delay even while the export has not reported yet (the PDF plans
        # every page before it draws the first one).
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self.show)
        self._show_timer.start(SHOW_AFTER_MS)

    def _on_cancel(self) -> None:
        self.cancel_requested.set()
        # QProgressDialog hides itself on Cancel; it stays up, saying so, until the export
        # has stopped, so that nothing else starts meanwhile.
        self.setLabelText(self.tr("Cancelling…"))
        button = self.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)
        self.show()

    def finish(self) -> None:
        self._show_timer.stop()
        self.close()
        self.deleteLater()

    def report(self, done: int, total: int) -> None:
        if self.maximum() != total:
            self.setRange(0, total)
        self.setValue(done)


class _Worker(QObject):
    progressed = Signal(int, int)
    ended = Signal(object, object)  # Outcome, the error or None

    def __init__(self, write: Callable[[Progress], None], cancel: threading.Event) -> None:
        super().__init__()
        self._write = write
        self._cancel = cancel

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise ExportCancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            self._write(self._progress)
        except ExportCancelled:
            self.ended.emit(Outcome.CANCELLED, None)
        except Exception as error:  # reported in the window, not lost with the thread
            self.ended.emit(Outcome.FAILED, error)
        else:
            self.ended.emit(Outcome.DONE, None)


class BackgroundExport(QObject):
    """Runs write(progress) on a worker thread while the dialog shows its progress."""

    def __init__(
        self, write: Callable[[Progress], None], dialog: ExportProgressDialog, finished: Finished
    ) -> None:
        super().__init__(dialog.parent())
        self.dialog = dialog
        self._finished = finished
        self._thread = QThread()
        self._worker = _Worker(write, dialog.cancel_requested)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(dialog.report)
        self._worker.ended.connect(self._end)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def cancel_and_wait(self) -> None:
        """Stop the export (its file is not written) and wait until the thread is gone."""
        self.dialog.cancel_requested.set()
        self._thread.quit()
        self._thread.wait()

    def _end(self, outcome: Outcome, error: BaseException | None) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.finish()
        self._finished(outcome, error)


def on_gui_thread(work: Callable[[Progress], T], dialog: ExportProgressDialog) -> T:
    """Run work(progress) here and return what it returns, letting the dialog repaint and take
    a Cancel click each time the work reports progress (the image reports after each band it
    draws). ExportCancelled when the person cancelled; the dialog stays open either way."""

    def progress(done: int, total: int) -> None:
        dialog.report(done, total)
        QApplication.processEvents()
        if dialog.cancel_requested.is_set():
            raise ExportCancelled

    return work(progress)
