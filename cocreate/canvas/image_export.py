"""PNG and SVG of a journey canvas as it is on screen: the scene rendered to an image.

Neither is ever held whole in memory. A PNG is drawn in horizontal bands, each band's rows
compressed into the file (png_stream) before the next is drawn. Qt's SVG generator keeps the
drawing's text until it ends and then writes it straight into the file, where the characters
XML forbids are then left out chunk by chunk.
"""

from __future__ import annotations

import codecs
import gc
import mmap
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from cocreate.atomic import replacing
from cocreate.canvas.paint import paint_on_this_thread
from cocreate.canvas.png_stream import PngStream, PngWriterThread
from cocreate.canvas.scene import JourneyScene
from cocreate.export.registry import Progress, no_progress

FORMATS = (".png", ".svg")
# PNGs are drawn at twice the canvas scale, for crisp text when zoomed or printed.
PNG_SCALE = 2.0
# A larger board is scaled down to fit. Memory no longer sets it (the picture is drawn in
# bands): a picture this large takes minutes to draw and many viewers cannot open it.
MAX_PNG_SIDE = 65_535
# A PNG is drawn in horizontal bands at most this many pixels high, reporting progress before
# each, so that a long drawing can show how far it is and be cancelled between bands. Each band
# strokes again every link that crosses it, so fewer, taller bands cost less in all.
PNG_BAND_HEIGHT = 1024
# ... and at most this many bytes (four a pixel): the memory a band takes while it is drawn.
PNG_BAND_BYTES = 64 << 20
# A drawn band is turned into the file's red, green, blue rows this many bytes at a time.
RGB_SLICE_BYTES = 4 << 20
_FORMAT = QImage.Format.Format_ARGB32_Premultiplied
_WHITE = Qt.GlobalColor.white


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
    """Write the whole journey (lanes, curve and board) to out (.png or .svg), atomically
    (only on the GUI thread: it paints the scene's items).

    progress(done, total) is told before each band of a PNG and once when all are drawn (the
    file is then ended), before an SVG is drawn and once when it is (its text is then cleaned).
    What progress raises (ExportCancelled) stops it and leaves out as it was.
    """
    if _check_format(out) == ".png":
        _render_png(scene, out, progress)
        return
    with _as_printed(scene) as source, replacing(out, ".tmp.svg") as tmp:
        progress(0, 2)
        _render_svg(scene, source, tmp, title)
        progress(1, 2)
        drop_not_xml(tmp)


# -- PNG ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PngPlan:
    """The picture of a scene's rectangle: its size in pixels and its bands."""

    source: QRectF
    width: int
    height: int
    band_rows: int

    @classmethod
    def of(cls, source: QRectF) -> PngPlan:
        scale = min(PNG_SCALE, MAX_PNG_SIDE / max(source.width(), source.height(), 1))
        width = max(1, round(source.width() * scale))
        height = max(1, round(source.height() * scale))
        band_rows = max(1, min(PNG_BAND_HEIGHT, PNG_BAND_BYTES // (width * 4)))
        return cls(source, width, height, band_rows)

    @property
    def tops(self) -> range:
        return range(0, self.height, self.band_rows)

    def band(self, top: int) -> tuple[QRectF, QRectF]:
        """The pixels of the band from row top (in the whole picture) and the part of the
        scene they show: whole pixel rows, mapped to the scene rows they show, so bands meet."""
        rows = min(self.band_rows, self.height - top)
        per_unit = self.height / self.source.height() if self.source.height() else 1.0
        source = self.source
        shown = QRectF(
            source.left(), source.top() + top / per_unit, source.width(), rows / per_unit
        )
        return QRectF(0, top, self.width, rows), shown


def _render_png(scene: JourneyScene, out: Path, progress: Progress) -> None:
    with _as_printed(scene) as source, replacing(out, ".tmp.png") as tmp:
        plan = PngPlan.of(source)
        tops = plan.tops
        with open(tmp, "wb") as handle:
            stream = PngStream(handle, plan.width, plan.height, _dots_per_metre())
            with PngWriterThread(stream) as writer:  # compresses while the next band is drawn
                for index, top in enumerate(tops):
                    progress(index, len(tops) + 1)
                    for rgb in band_rows(scene, plan, top):
                        writer.put(rgb.constBits(), rgb.height(), rgb.bytesPerLine())
                progress(len(tops), len(tops) + 1)
                writer.finish()


def _dots_per_metre() -> tuple[int, int]:
    """What Qt states in a PNG it writes of a new image (pHYs)."""
    image = QImage(1, 1, _FORMAT)
    return image.dotsPerMeterX(), image.dotsPerMeterY()


def band_rows(scene: JourneyScene, plan: PngPlan, top: int) -> Iterator[QImage]:
    """The band of the picture from row top, drawn, then given as red, green, blue rows
    (QImage.Format_RGB888) a few at a time.

    It is drawn into an image the size of the whole picture whose memory is reserved but not
    taken (an anonymous mapping: the system gives a page memory when it is first written, and
    takes it back when the mapping is closed after the band): only the band's rows are written,
    and each band comes out exactly as in one whole picture (Qt dashes and strokes a long
    outline relative to the image it draws into). Where the system will not reserve that much,
    the band is drawn into an image of its own size: dashes may then shift by a fraction of a
    pixel where a long dashed outline leaves the band.
    """
    target, shown = plan.band(top)
    rows = round(target.height())
    line = plan.width * 4
    memory = _reserve(line * plan.height)
    if memory is None:
        image = QImage(plan.width, rows, _FORMAT)
        _paint(scene, image, QRectF(0, 0, plan.width, rows), shown)
        yield from _rgb_slices(image.constBits(), plan.width, 0, rows)
        return
    try:
        whole = QImage(memory, plan.width, plan.height, line, _FORMAT)
        _paint(scene, whole, target, shown)
        del whole
        yield from _rgb_slices(memory, plan.width, top, rows)
    finally:
        memory.close()


def _rgb_slices(
    pixels: mmap.mmap | memoryview, width: int, top: int, rows: int
) -> Iterator[QImage]:
    """Rows top to top + rows of pixels (premultiplied ARGB32 rows, width x 4 bytes each) as
    red, green, blue images of a few rows each."""
    line = width * 4
    step = max(1, RGB_SLICE_BYTES // line)
    for start in range(top, top + rows, step):
        count = min(step, top + rows - start)
        with memoryview(pixels) as whole, whole[start * line : (start + count) * line] as part:
            view = QImage(part, width, count, line, _FORMAT)
            rgb = view.convertToFormat(QImage.Format.Format_RGB888)
            del view
        yield rgb


def _reserve(size: int) -> mmap.mmap | None:
    """size bytes of memory that take none until written (zero until then); None where the
    system refuses (a 32-bit system, a limit on memory)."""
    try:
        if os.name == "nt":  # pragma: no cover - Windows: pages get memory on first write
            return mmap.mmap(-1, size)
        return mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE)
    except (OSError, ValueError, OverflowError, MemoryError):
        return None


def _paint(scene: JourneyScene, image: QImage, target: QRectF, shown: QRectF) -> None:
    """Fill target's rows of image white and draw the scene's shown part into them."""
    painter = QPainter(image)
    try:
        painter.fillRect(target.toAlignedRect(), _WHITE)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        scene.render(painter, target, shown, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        painter.end()


# -- SVG ----------------------------------------------------------------------------------------

#: What XML 1.0 does not allow in a document: control characters but tab, newline and
#: carriage return; lone surrogates; U+FFFE and U+FFFF. A file can still hold them in a text
#: (files written before the input rule, other programs), and Qt writes texts as they are.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: Bytes of an SVG read, cleaned and written back at a time.
SVG_CHUNK = 1 << 20


def xml_safe(svg: bytes) -> bytes:
    """The SVG Qt wrote, without the characters XML forbids (they are left out of the texts
    drawn), so that every reader parses it."""
    text = svg.decode("utf-8", errors="replace")
    return _NOT_XML.sub("", text).encode("utf-8")


def drop_not_xml(path: Path) -> None:
    """xml_safe on the file at path, in place and a chunk at a time. A character cut by the
    chunk's end waits for the next chunk (an incremental decoder); what is written never
    passes what was read, but where invalid bytes became U+FFFD (longer) the rest waits."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    with open(path, "r+b") as handle:
        read_at = write_at = 0
        waiting = bytearray()
        while True:
            handle.seek(read_at)
            chunk = handle.read(SVG_CHUNK)
            read_at += len(chunk)
            waiting += _NOT_XML.sub("", decoder.decode(chunk, final=not chunk)).encode("utf-8")
            room = len(waiting) if not chunk else min(len(waiting), read_at - write_at)
            handle.seek(write_at)
            handle.write(waiting[:room])
            write_at += room
            del waiting[:room]
            if not chunk:
                break
        handle.truncate(write_at)


def _render_svg(scene: JourneyScene, source: QRectF, path: Path, title: str) -> None:
    """Qt writes the SVG into path when the painter ends (it holds the drawing until then)."""
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription("cocreate journey canvas")
    painter = QPainter(generator)
    if not painter.isActive():
        raise OSError(f"{path}: the image could not be written")
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    if not painter.end() or path.stat().st_size == 0:
        raise OSError(f"{path}: the image could not be written")


def export_journey_image(session: Path, out: Path, journey: str | None = None) -> None:
    """Headless: open the session read-only, lay out the journey and render it to out."""
    from PySide6.QtWidgets import QApplication

    from cocreate.document import Document

    paint_on_this_thread()
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
        try:
            render_scene(scene, out, journeys[0]["name"])
        finally:
            scene.detach()
            # Its connections hold it through Qt, where the cycle collector cannot see: a
            # process that exports again would hold every board it drew (the window has its
            # closed scenes deleted by Qt's event loop, deleteLater). Then what is left, the
            # items and the scene's Python side, in cycles of their own.
            shiboken6.delete(scene)
            del scene
            gc.collect()
    finally:
        document.close()
