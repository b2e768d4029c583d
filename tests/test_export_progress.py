"""A long export shows its progress and can be cancelled; a cancelled export writes nothing.

Driven through File > Export with the real progress dialog: the PDF is written on a worker
thread by the real exporter, held at a page until the test has looked or clicked Cancel; the
PNG is drawn on the GUI thread in bands, and the click arrives between two bands.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pypdf
import pytest
from gui_helpers import close_without_saving
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

import cocreate.export.pdf
from cocreate.canvas import image_export
from cocreate.demo import write_demo
from cocreate.ui import export_actions
from cocreate.ui.app import create_application, start_window
from cocreate.ui.export_runner import ExportProgressDialog


@pytest.fixture
def window(qtbot, tmp_path):
    session = tmp_path / "salon.cocreate"
    write_demo(session)
    create_application()
    main = start_window(str(session))
    qtbot.waitExposed(main)
    yield main
    close_without_saving(main)


@pytest.fixture
def out_folder(tmp_path, monkeypatch) -> Path:
    """The folder the save dialog answers with; each test names its file."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def answer_save_dialog(monkeypatch, target: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )


class HeldPdf:
    """The real PDF exporter, held before drawing page `hold_at` until released."""

    def __init__(self, monkeypatch, hold_at: int) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()
        self.until: threading.Event | None = None  # or until this is set (a cancel)
        self.total = 0
        real = cocreate.export.pdf.export_pdf

        def held(session, out, *, progress, **options):
            def report(done: int, total: int) -> None:
                self.total = total
                if done == hold_at:
                    self.reached.set()
                    while not self.release.wait(0.01):
                        if self.until is not None and self.until.is_set():
                            break
                progress(done, total)

            real(session, out, progress=report, **options)

        monkeypatch.setattr(cocreate.export.pdf, "export_pdf", held)
        # The paper and journeys dialog says OK as it is.
        monkeypatch.setattr(
            export_actions.PdfExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted
        )


def progress_dialog(window, qtbot) -> ExportProgressDialog:
    qtbot.waitUntil(lambda: window.findChild(ExportProgressDialog, "exportProgress") is not None)
    dialog = window.findChild(ExportProgressDialog, "exportProgress")
    qtbot.waitUntil(dialog.isVisible)  # it shows once the export has run a moment
    return dialog


def test_a_pdf_export_shows_its_pages_as_progress_and_keeps_the_window_live(
    window, qtbot, monkeypatch, out_folder
):
    held = HeldPdf(monkeypatch, hold_at=2)
    target = out_folder / "blueprint.pdf"
    answer_save_dialog(monkeypatch, target)

    window.exports.pdf_action.trigger()
    qtbot.waitUntil(held.reached.is_set)
    dialog = progress_dialog(window, qtbot)  # the GUI thread is free while the PDF is drawn
    qtbot.waitUntil(lambda: dialog.value() == 1)
    assert dialog.maximum() == held.total
    assert not target.exists()
    assert not window.exports.pdf_action.isEnabled()  # one export at a time
    held.release.set()

    qtbot.waitUntil(lambda: window.exports.running is None)
    assert len(pypdf.PdfReader(target).pages) == held.total
    assert sorted(p.name for p in out_folder.iterdir()) == ["blueprint.pdf"]
    assert str(target) in window.statusBar().currentMessage()
    assert window.exports.pdf_action.isEnabled()


def test_cancelling_a_pdf_export_writes_nothing_and_keeps_an_older_file(
    window, qtbot, monkeypatch, out_folder
):
    held = HeldPdf(monkeypatch, hold_at=1)
    target = out_folder / "blueprint.pdf"
    target.write_bytes(b"%PDF yesterday's")
    answer_save_dialog(monkeypatch, target)

    window.exports.pdf_action.trigger()
    qtbot.waitUntil(held.reached.is_set)
    dialog = progress_dialog(window, qtbot)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    held.release.set()

    qtbot.waitUntil(lambda: window.exports.running is None)
    assert target.read_bytes() == b"%PDF yesterday's"
    assert sorted(p.name for p in out_folder.iterdir()) == ["blueprint.pdf"]  # no temp file
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.findChild(ExportProgressDialog, "exportProgress") is None or not (
        window.findChild(ExportProgressDialog, "exportProgress").isVisible()
    )


def test_cancelling_a_png_export_between_bands_writes_nothing(
    window, qtbot, monkeypatch, out_folder
):
    monkeypatch.setattr(image_export, "PNG_BAND_HEIGHT", 64)  # many bands on the demo
    scene = window.tabs.current_scene()
    card = next(iter(scene.cards.values()))
    card.setSelected(True)
    target = out_folder / "journey.png"
    answer_save_dialog(monkeypatch, target)
    seen: list[tuple[int, int]] = []
    real_render = export_actions.render_scene

    def render(scene, out, title, progress):
        def report(done: int, total: int) -> None:
            seen.append((done, total))
            if done == 3:  # the person clicks Cancel while the third band is due
                dialog = progress_dialog(window, qtbot)
                qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
            progress(done, total)

        real_render(scene, out, title, report)

    monkeypatch.setattr(export_actions, "render_scene", render)
    window.exports.image_action.trigger()

    assert [done for done, _total in seen] == [0, 1, 2, 3]  # it stopped at the click
    assert seen[0][1] > 4
    assert window.exports.running is None
    assert list(out_folder.iterdir()) == []
    assert "cancelled" in window.statusBar().currentMessage()
    assert card.isSelected()  # the scene is as the person left it


def test_a_png_export_finishes_in_the_background(window, qtbot, monkeypatch, out_folder):
    # At the canvas's own scale (a quarter of the pixels of the default 2): the demo is still
    # drawn in several bands, and the picture is still over 1000 pixels wide.
    monkeypatch.setattr(image_export, "PNG_SCALE", 1.0)
    target = out_folder / "journey.png"
    answer_save_dialog(monkeypatch, target)
    window.exports.image_action.trigger()
    qtbot.waitUntil(lambda: window.exports.running is None)
    image = QImage(str(target))
    assert image.width() > 1000 and image.height() > 500
    assert sorted(p.name for p in out_folder.iterdir()) == ["journey.png"]
    assert str(target) in window.statusBar().currentMessage()


def test_closing_the_session_during_an_export_stops_it_and_writes_nothing(
    window, qtbot, monkeypatch, out_folder
):
    held = HeldPdf(monkeypatch, hold_at=1)
    target = out_folder / "blueprint.pdf"
    answer_save_dialog(monkeypatch, target)
    window.exports.pdf_action.trigger()
    qtbot.waitUntil(held.reached.is_set)
    held.until = window.findChild(ExportProgressDialog, "exportProgress").cancel_requested
    assert window.close_session()  # it cancels the export and waits until it has stopped
    assert window.document is None
    qtbot.waitUntil(lambda: window.exports.running is None)
    assert list(out_folder.iterdir()) == []


def row_bytes(image: QImage, row: int) -> bytes:
    return bytes(image.constScanLine(row))


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference between two bytes at one place in two images of one size and
    format. Rows that are the same bytes differ by 0: only the others are compared byte by byte
    (in Python), so that two equal pictures cost a comparison of bytes per row."""
    largest = 0
    for row in range(a.height()):
        row_a, row_b = row_bytes(a, row), row_bytes(b, row)
        if row_a != row_b:
            largest = max(largest, max(abs(x - y) for x, y in zip(row_a, row_b, strict=True)))
    return largest


@pytest.mark.slow
def test_a_png_drawn_in_bands_is_the_png_drawn_at_once(window, tmp_path, monkeypatch):
    scene = window.tabs.current_scene()
    monkeypatch.setattr(image_export, "PNG_SCALE", 0.5)  # a small picture, quick to compare
    whole, banded = tmp_path / "whole.png", tmp_path / "banded.png"
    monkeypatch.setattr(image_export, "PNG_BAND_HEIGHT", 10**6)
    image_export.render_scene(scene, whole)
    monkeypatch.setattr(image_export, "PNG_BAND_HEIGHT", 50)
    reports: list[tuple[int, int]] = []
    image_export.render_scene(scene, banded, progress=lambda d, t: reports.append((d, t)))

    a, b = (
        QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32) for path in (whole, banded)
    )
    assert a.size() == b.size()
    bands = -(-a.height() // 50)
    assert bands > 10
    assert reports == [(done, bands + 1) for done in range(bands + 1)]
    # Gradients may round a shade differently in a band; nothing is missing or shifted.
    assert largest_difference(a, b) <= 8
