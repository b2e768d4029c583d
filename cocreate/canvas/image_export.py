"""PNG and SVG of a journey canvas as it is on screen: the scene rendered to an image."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from cocreate.atomic import replacing
from cocreate.canvas.scene import JourneyScene
from cocreate.export.registry import Progress, no_progress

FORMATS = (".png", ".svg")
# PNGs are drawn at twice the canvas scale, for crisp text when zoomed or printed.
PNG_SCALE = 2.0
MAX_PNG_SIDE = 16000  # pixels; a larger board is scaled down to fit
# A PNG is drawn in horizontal bands this many pixels high, reporting progress after each, so
# that a long render can show how far it is and be cancelled between bands.
PNG_BAND_HEIGHT = 512


def render_scene(
    scene: JourneyScene, out: Path, title: str = "", progress: Progress = no_progress
) -> None:
    """Write the whole journey (lanes, curve and board) to out (.png or .svg), atomically.

    A PNG reports progress(done, total) after each band it draws and before it encodes the
    file; what progress raises (ExportCancelled) stops it and leaves out as it was. An SVG is
    one drawing call: it reports only its start.
    """
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{out}: unknown image format {out.suffix!r}; use .png or .svg")
    selected = scene.selectedItems()
    scene.clearSelection()  # the image shows the journey, not what happens to be selected
    scene.board.set_screen_help(False)  # nor the hints that help on screen
    source = scene.itemsBoundingRect().adjusted(-30, -30, 30, 30)
    try:
        with replacing(out, ".tmp" + suffix) as tmp:
            if suffix == ".svg":
                progress(0, 1)
                _render_svg(scene, source, tmp, title)
            else:
                _render_png(scene, source, tmp, progress)
    finally:
        scene.board.set_screen_help(True)
        for item in selected:
            item.setSelected(True)


def _render_png(scene: JourneyScene, source: QRectF, path: Path, progress: Progress) -> None:
    scale = min(PNG_SCALE, MAX_PNG_SIDE / max(source.width(), source.height(), 1))
    size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    bands = range(0, size.height(), PNG_BAND_HEIGHT)
    # Each band maps whole pixel rows to the scene rows they show, so the bands meet exactly.
    rows_per_unit = size.height() / source.height() if source.height() else 1.0
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    try:
        for index, top in enumerate(bands):
            progress(index, len(bands) + 1)
            height = min(PNG_BAND_HEIGHT, size.height() - top)
            target = QRectF(0, top, size.width(), height)
            band = QRectF(
                source.left(),
                source.top() + top / rows_per_unit,
                source.width(),
                height / rows_per_unit,
            )
            scene.render(painter, target, band, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        painter.end()
    progress(len(bands), len(bands) + 1)
    if not image.save(str(path), "PNG"):
        raise OSError(f"{path}: the image could not be written")


def _render_svg(scene: JourneyScene, source: QRectF, path: Path, title: str) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription("cocreate journey canvas")
    painter = QPainter(generator)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"{path}: the image could not be written")


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
