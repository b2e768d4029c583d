"""A PNG of a journey is drawn in bands that go to the file one by one, pixel for pixel the
picture drawn as one image; an SVG goes to the file as Qt writes it and is cleaned a chunk at a
time. Neither holds the whole picture in memory, so a board beyond 16 000 pixels keeps its full
scale instead of being shrunk.
"""

from __future__ import annotations

import sqlite3
import struct
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator, QSvgRenderer

from cocreate.canvas import image_export
from cocreate.canvas.scene import JourneyScene
from cocreate.document import Document
from tests.benchmark.sessions import build_session

SVG = "{http://www.w3.org/2000/svg}"


@contextmanager
def scene_of(path: Path) -> Iterator[JourneyScene]:
    """The first journey of the session at path as a JourneyScene, shown in no view."""
    document = Document.open(path, read_only=True)
    journey = JourneyScene(document, 1)
    try:
        yield journey
    finally:
        journey.detach()
        document.close()


@pytest.fixture
def scene(qapp, tmp_path):
    """A JourneyScene of a small session (cards, a link), shown in no view."""
    path = tmp_path / "small.cocreate"
    build_session(path, touchpoints=6, links=2, stages=2)
    with scene_of(path) as journey:
        yield journey


@pytest.fixture
def tall_scene(qapp, tmp_path):
    """A JourneyScene some 13 times as high as it is wide: 120 cards in one cell. A picture of
    it 16 200 pixels high is about 1 200 wide (the small session's would be 11 000 wide: nine
    times the pixels to draw, compress and decode, for the same check of its height)."""
    path = tmp_path / "tall.cocreate"
    build_session(path, touchpoints=120, links=0, stages=1, stage_widths=(260.0,))
    with closing(sqlite3.connect(path)) as conn, conn:  # every card in the first lane
        conn.execute("UPDATE touchpoint SET lane_id = (SELECT min(id) FROM lane), position = id")
    with scene_of(path) as journey:
        yield journey


def one_image(scene: JourneyScene, band_height: int) -> QImage:
    """The PNG's picture drawn as cocreate drew it before it streamed: one image of the whole
    picture, white, the scene drawn into it band by band (the same bands)."""
    source = scene.itemsBoundingRect().adjusted(-30, -30, 30, 30)
    scale = image_export.PNG_SCALE
    width, height = round(source.width() * scale), round(source.height() * scale)
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    per_unit = height / source.height()
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.board.set_screen_help(False)  # as exported: without the hints that help on screen
    for top in range(0, height, band_height):
        rows = min(band_height, height - top)
        band = QRectF(source.left(), source.top() + top / per_unit, source.width(), rows / per_unit)
        target = QRectF(0, top, width, rows)
        scene.render(painter, target, band, Qt.AspectRatioMode.IgnoreAspectRatio)
    scene.board.set_screen_help(True)
    painter.end()
    return image


def rgb_rows(image: QImage) -> list[bytes]:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    return [bytes(rgb.constScanLine(row))[: rgb.width() * 3] for row in range(rgb.height())]


def differences(rows_a: list[bytes], rows_b: list[bytes]) -> Iterator[int]:
    """How much each byte that differs between two pictures' rows differs. Rows that are the
    same bytes hold none: only the others are compared byte by byte (in Python)."""
    for row_a, row_b in zip(rows_a, rows_b, strict=True):
        if row_a != row_b:
            yield from (abs(a - b) for a, b in zip(row_a, row_b, strict=True) if a != b)


def card_crossed_by_a_band_edge(scene: JourneyScene, band_height: int) -> bool:
    source = scene.itemsBoundingRect().adjusted(-30, -30, 30, 30)
    scale = image_export.PNG_SCALE
    for card in scene.cards.values():
        box = card.sceneBoundingRect()
        top, bottom = (box.top() - source.top()) * scale, (box.bottom() - source.top()) * scale
        if int(top) // band_height != int(bottom) // band_height:
            return True
    return False


def test_a_png_in_bands_is_pixel_for_pixel_the_picture_drawn_as_one_image(
    scene, tmp_path, monkeypatch
):
    monkeypatch.setattr(image_export, "PNG_SCALE", 1.0)
    monkeypatch.setattr(image_export, "PNG_BAND_HEIGHT", 97)  # edges through the cards
    assert card_crossed_by_a_band_edge(scene, 97)
    out = tmp_path / "bands.png"
    reports: list[tuple[int, int]] = []
    image_export.render_scene(scene, out, progress=lambda d, t: reports.append((d, t)))

    written = QImage(str(out))
    expected = one_image(scene, 97)
    assert written.size() == expected.size()
    assert written.dotsPerMeterX() == expected.dotsPerMeterX()  # the same pHYs as Qt's
    assert rgb_rows(written) == rgb_rows(expected)  # every pixel, exactly
    bands = -(-expected.height() // 97)
    assert reports == [(done, bands + 1) for done in range(bands + 1)]


def test_each_band_goes_to_the_file_before_the_next_is_drawn(scene, tmp_path, monkeypatch):
    monkeypatch.setattr(image_export, "PNG_SCALE", 1.0)
    monkeypatch.setattr(image_export, "PNG_BAND_HEIGHT", 256)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "journey.png"
    sizes: list[int] = []

    def look(done: int, total: int) -> None:
        beside = [path for path in folder.iterdir() if path != out]
        sizes.append(sum(path.stat().st_size for path in beside))

    image_export.render_scene(scene, out, progress=look)
    assert len(sizes) > 6
    assert sizes == sorted(sizes)
    assert sizes[-1] > 0  # the first bands are in the file before it is finished
    assert [path.name for path in folder.iterdir()] == ["journey.png"]


def test_a_png_is_still_drawn_where_the_whole_picture_cannot_be_reserved(
    scene, tmp_path, monkeypatch
):
    """Where the system will not reserve a whole picture's memory, each band is drawn alone:
    the same picture but for antialiasing along lines that leave a band."""
    monkeypatch.setattr(image_export, "PNG_SCALE", 1.0)
    monkeypatch.setattr(image_export, "PNG_BAND_HEIGHT", 97)
    monkeypatch.setattr(image_export, "_reserve", lambda size: None)
    out = tmp_path / "alone.png"
    image_export.render_scene(scene, out)

    written, expected = rgb_rows(QImage(str(out))), rgb_rows(one_image(scene, 97))
    assert len(written) == len(expected)
    changed = list(differences(written, expected))
    assert len(changed) < 0.001 * sum(len(row) for row in expected)
    assert max(changed, default=0) <= 64


def png_rows(path: Path) -> tuple[int, int, int]:
    """(width, height, rows decoded) of a PNG, decoded as a stream (no picture in memory)."""
    data = path.read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    inflate, position, raw = zlib.decompressobj(), 8, 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        if data[position + 4 : position + 8] == b"IDAT":
            raw += len(inflate.decompress(data[position + 8 : position + 8 + length]))
        position += 12 + length
    raw += len(inflate.flush())
    return width, height, raw // (1 + 3 * width)


@pytest.mark.slow
def test_a_board_beyond_16000_pixels_keeps_its_full_scale(tall_scene, tmp_path, monkeypatch):
    source = tall_scene.itemsBoundingRect().adjusted(-30, -30, 30, 30)
    scale = 16_200 / source.height()  # a picture 16 200 pixels high
    monkeypatch.setattr(image_export, "PNG_SCALE", scale)
    out = tmp_path / "tall.png"
    image_export.render_scene(tall_scene, out)
    width, height, rows = png_rows(out)
    assert (width, height) == (round(source.width() * scale), round(source.height() * scale))
    assert height > 16_000 and rows == height


# -- SVG ------------------------------------------------------------------------------------------


def svg_as_before(scene: JourneyScene, title: str) -> bytes:
    """The SVG as cocreate wrote it before it streamed: drawn into memory, then cleaned."""
    source = scene.itemsBoundingRect().adjusted(-30, -30, 30, 30)
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
    scene.board.set_screen_help(False)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    scene.board.set_screen_help(True)
    painter.end()
    return image_export.xml_safe(buffer.data().data())


NAUGHTY = "中文\x01 & <b>粗</b> 😀\x0b\ufffe é &amp; \x1f末"


def test_an_svg_cleaned_chunk_by_chunk_is_the_svg_cleaned_whole(qapp, tmp_path, monkeypatch):
    path = tmp_path / "people.cocreate"
    build_session(path, touchpoints=4, links=1, stages=2)
    with closing(sqlite3.connect(path)) as conn, conn:  # a file written by other programs
        conn.execute("UPDATE touchpoint SET title = ? WHERE id = 1", (NAUGHTY,))
    document = Document.open(path, read_only=True)
    scene = JourneyScene(document, 1)
    try:
        monkeypatch.setattr(image_export, "SVG_CHUNK", 5)  # characters cut across chunks
        out = tmp_path / "journey.svg"
        image_export.render_scene(scene, out, "旅程 journey")
        assert out.read_bytes() == svg_as_before(scene, "旅程 journey")
    finally:
        scene.detach()
        document.close()
    root = ET.parse(out).getroot()
    text = "".join("".join(element.itertext()) for element in root.iter(f"{SVG}text"))
    assert "中文" in text and "😀" in text and "末" in text and "\x01" not in text
    assert QSvgRenderer(str(out)).isValid()


def test_an_svg_looks_like_the_png(scene, tmp_path, monkeypatch):
    monkeypatch.setattr(image_export, "PNG_SCALE", 1.0)
    svg, png = tmp_path / "journey.svg", tmp_path / "journey.png"
    image_export.render_scene(scene, svg, "Journey")
    image_export.render_scene(scene, png)
    picture = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB888)
    renderer = QSvgRenderer(QByteArray(svg.read_bytes()))
    assert renderer.isValid()
    drawn = QImage(picture.size(), QImage.Format.Format_RGB888)
    drawn.fill(Qt.GlobalColor.white)
    painter = QPainter(drawn)
    renderer.render(painter, QRectF(0, 0, drawn.width(), drawn.height()))
    painter.end()
    # Compared in 8 x 8 blocks of average colour: text and curves are drawn a little
    # differently from a vector file, but every card, lane and link is where it is.
    small = [image.scaled(image.width() // 8, image.height() // 8) for image in (picture, drawn)]
    a, b = (rgb_rows(image) for image in small)
    far = sum(1 for difference in differences(a, b) if difference > 48)
    assert far < 0.02 * sum(len(row) for row in a)
