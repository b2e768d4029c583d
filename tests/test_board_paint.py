"""The board (the free area below the lanes) painted through a tile's clip is the same, pixel
for pixel, as the same part of the board painted whole: inside it, on its rounded dashed edge,
and over its hint line. The view renders the board a tile at a time, and a tile away from the
edge and the hint only fills (canvas/notes.py BoardItem.paint)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from cocreate.canvas.notes import BoardItem

AREA = QRectF(0, 0, 1600, 900)
SCALE = 0.5  # scene units to pixels, as a view a little zoomed out


def picture(board_scene: QGraphicsScene, clip: QRect | None) -> QImage:
    image = QImage(int(AREA.width() * SCALE) + 20, int(AREA.height() * SCALE) + 20,
                   QImage.Format.Format_ARGB32_Premultiplied)  # fmt: skip
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if clip is not None:
        painter.setClipRect(clip)
    target = QRectF(10, 10, AREA.width() * SCALE, AREA.height() * SCALE)
    board_scene.render(painter, target, AREA, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    return image


@pytest.fixture
def board_scene(qapp) -> QGraphicsScene:
    scene = QGraphicsScene()
    board = BoardItem()
    board.area = QRectF(AREA)
    scene.addItem(board)
    scene.setSceneRect(AREA)
    return scene


@pytest.mark.parametrize(
    "clip",
    [
        QRect(300, 200, 64, 64),  # inside, away from the edge and the hint
        QRect(0, 150, 64, 64),  # across the left edge
        QRect(0, 0, 64, 64),  # the top left corner, with the hint's start
        QRect(60, 12, 64, 24),  # the middle of the hint line only
        QRect(780, 440, 40, 40),  # the bottom right corner
        QRect(806, 456, 3, 3),  # the corner outside its curve, not on the area's sides
    ],
)
def test_a_tile_of_the_board_is_that_part_of_the_whole_board(board_scene, clip):
    whole = picture(board_scene, None).copy(clip)
    tile = picture(board_scene, clip).copy(clip)
    assert tile == whole


def test_the_inside_of_the_board_is_filled_and_its_edge_and_hint_are_drawn(board_scene):
    """What the test above compares is there at all: fill inside, dashes on the edge, ink in
    the hint line."""
    image = picture(board_scene, None)
    fill = image.pixelColor(300, 300)
    assert fill.name() == "#f7f9fa"
    edge = [image.pixelColor(10, y).name() for y in range(100, 200)]
    assert any(name != fill.name() and name != "#ffffff" for name in edge)
    hint = board_scene.items()[0].hint_rect()
    row = int(10 + hint.center().y() * SCALE)
    across = range(int(10 + hint.left() * SCALE), int(10 + hint.right() * SCALE))
    assert any(image.pixelColor(x, row).name() != fill.name() for x in across)
