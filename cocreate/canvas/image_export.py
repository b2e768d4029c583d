"""PNG and SVG of a journey canvas as it is on screen: the scene rendered to an image."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from cocreate.atomic import replacing
from cocreate.canvas.scene import JourneyScene
from cocreate.export.registry import Progress, no_progress

FORMATS = (".png", ".svg")
# PNGs are drawn at twice the canvas scale, for crisp text when zoomed or printed.
PNG_SCALE = 2.0
MAX_PNG_SIDE = 16000  # pixels; a larger board is scaled down to fit
# Qt's PNG "quality" 80 is zlib level 1: on a 6000 x 6000 crop of a 2 000-card board it encoded
# in 2.8 s instead of 4.8 s (the default level) for 7 % more bytes.
PNG_QUALITY = 80
# A PNG is drawn in horizontal bands this many pixels high, reporting progress after each, so
# that a long drawing can show how far it is and be cancelled between bands. Each band strokes
# again every link that crosses it, so fewer, taller bands cost less in all.
PNG_BAND_HEIGHT = 1024


@contextmanager
def _as_printed(scene: JourneyScene) -> Iterator[QRectF]:
    """The scene without the selection and the hints that help on screen (put back after);
    yields the rectangle to draw."""
    selected = scene.selectedItems()
    scene.clearSelection()
    scene.board.set_screen_help(False)
    try:
        yield scene.itemsBoundingRect().adjusted(-30, -30, 30, 30)
    finally:
        scene.board.set_screen_help(True)
        for item in selected:
            item.setSelected(True)


def _check_format(out: Path) -> str:
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{out}: unknown image format {out.suffix!r}; use .png or .svg")
    return suffix


def render_scene(
    scene: JourneyScene, out: Path, title: str = "", progress: Progress = no_progress
) -> None:
    """Write the whole journey (lanes, curve and board) to out (.png or .svg), atomically.

    A PNG reports progress(done, total) as draw_png does; what progress raises
    (ExportCancelled) stops it and leaves out as it was. An SVG is one drawing call: it reports
    only its start.
    """
    if _check_format(out) == ".png":
        write_png(draw_png(scene, progress), out)
        return
    with _as_printed(scene) as source, replacing(out, ".tmp.svg") as tmp:
        progress(0, 1)
        _render_svg(scene, source, tmp, title)


def draw_png(scene: JourneyScene, progress: Progress = no_progress) -> QImage:
    """The journey as a picture (only on the GUI thread: it paints the scene's items).

    Drawn in bands: progress(done, total) before each band and once when all are drawn; the
    total counts one step more, the encoding (write_png) that follows.
    """
    with _as_printed(scene) as source:
        scale = min(PNG_SCALE, MAX_PNG_SIDE / max(source.width(), source.height(), 1))
        width = max(1, round(source.width() * scale))
        height = max(1, round(source.height() * scale))
        image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        bands = range(0, height, PNG_BAND_HEIGHT)
        # Each band maps whole pixel rows to the scene rows they show, so the bands meet.
        rows_per_unit = height / source.height() if source.height() else 1.0
        painter = QPainter(image)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        try:
            for index, top in enumerate(bands):
                progress(index, len(bands) + 1)
                rows = min(PNG_BAND_HEIGHT, height - top)
                band = QRectF(
                    source.left(),
                    source.top() + top / rows_per_unit,
                    source.width(),
                    rows / rows_per_unit,
                )
                target = QRectF(0, top, width, rows)
                scene.render(painter, target, band, Qt.AspectRatioMode.IgnoreAspectRatio)
        finally:
            painter.end()
        progress(len(bands), len(bands) + 1)
        return image


def write_png(
    image: QImage, out: Path, before_replacing: Callable[[], None] = lambda: None
) -> None:
    """Encode the picture into out, atomically (on any thread: it touches no item).

    before_replacing() runs once the picture is encoded, before it replaces out: what it
    raises (ExportCancelled, for a Cancel during the encoding) still leaves out as it was.
    """
    with replacing(out, ".tmp.png") as tmp:
        if not image.save(str(tmp), "PNG", PNG_QUALITY):
            raise OSError(f"{tmp}: the image could not be written")
        before_replacing()


#: What XML 1.0 does not allow in a document: control characters but tab, newline and
#: carriage return; lone surrogates; U+FFFE and U+FFFF. A file can still hold them in a text
#: (files written before the input rule, other programs), and Qt writes texts as they are.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(svg: bytes) -> bytes:
    """The SVG Qt wrote, without the characters XML forbids (they are left out of the texts
    drawn), so that every reader parses it."""
    text = svg.decode("utf-8", errors="replace")
    return _NOT_XML.sub("", text).encode("utf-8")


def _render_svg(scene: JourneyScene, source: QRectF, path: Path, title: str) -> None:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription("cocreate journey canvas")
    painter = QPainter(generator)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    svg = buffer.data().data()
    if not svg:
        raise OSError(f"{path}: the image could not be written")
    path.write_bytes(xml_safe(svg))


def export_journey_image(session: Path, out: Path, journey: str | None = None) -> None:
    """Headless: open the session read-only, lay out the journey and render it to out."""
    from PySide6.QtWidgets import QApplication

    from cocreate.document import Document

    app = QApplication.instance() or QApplication([])  # noqa: F841 - the scene needs it
    document = Document.open(session, read_only=True)
    try:
        journeys = document.rows("journey", order_by="position")
        if journey is not None:
            journeys = [row for row in journeys if row["name"] == journey]
            if not journeys:
                names = ", ".join(row["name"] for row in document.rows("journey"))
                raise ValueError(f"no journey is named {journey!r} (the journeys: {names})")
        if not journeys:
            raise ValueError("the session has no journey to draw")
        scene = JourneyScene(document, journeys[0]["id"])
        render_scene(scene, out, journeys[0]["name"])
        scene.detach()
    finally:
        document.close()
