"""A card's emotion face, its channel's icon and its kind and status pills are painted once for
a zoom and copied to every card that shows them (canvas/sprites.py): the card looks as when
they are drawn directly, at any zoom and sub-pixel place, and an SVG keeps them as shapes, not
pictures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from cocreate.canvas import items, paint
from cocreate.canvas.image_export import export_journey_image
from cocreate.canvas.scene import JourneyScene
from cocreate.demo import write_demo
from cocreate.document import Document


@pytest.fixture
def cards(qapp, tmp_path: Path):
    write_demo(tmp_path / "demo.cocreate")
    document = Document.open(tmp_path / "demo.cocreate")
    scene = JourneyScene(document, document.rows("journey", order_by="position")[0]["id"])
    yield list(scene.cards.values())[:6]
    document.close()


def picture(card, scale: float, shift: tuple[float, float], ratio: float = 1.0) -> QImage:
    """The card painted as a view at this zoom paints it, on a screen of this pixel ratio."""
    image = QImage(
        round(420 * ratio), round(260 * ratio), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.translate(10 + shift[0], 10 + shift[1])
    painter.scale(scale, scale)
    card.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def direct(painter, rect, key, draw) -> None:
    draw(painter)


#: A channel that differs by more than a faint antialiased edge: 1, else 0.
STRONG = bytes(1 if value > 96 else 0 for value in range(256))


def far_apart(one: QImage, other: QImage) -> float:
    """The share of colour channels that differ by more than a faint antialiased edge."""
    difference = one.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(difference)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, other)
    painter.end()
    # Kept in a name while its bytes are read: constBits() does not keep a temporary image
    # alive, and the bytes of a freed one were garbage (or a crash, for a large image).
    rgb = difference.convertToFormat(QImage.Format.Format_RGB888)
    channels = bytes(rgb.constBits())
    return channels.translate(STRONG).count(1) / len(channels)


@pytest.mark.parametrize(
    ("scale", "shift", "ratio"),
    [(1.0, (0, 0), 1.0), (0.7, (0.3, 0.6), 1.0), (1.6, (0.5, 0.2), 1.0), (0.8, (0.2, 0.7), 2.0)],
)
def test_a_card_with_its_marks_copied_looks_as_drawn_directly(
    cards, monkeypatch, scale, shift, ratio
):
    copied = [picture(card, scale, shift, ratio) for card in cards]
    monkeypatch.setattr(items, "draw_mark", direct)
    monkeypatch.setattr(paint, "draw_mark", direct)
    for card, image in zip(cards, copied, strict=True):
        drawn = picture(card, scale, shift, ratio)
        assert image != QImage()  # something was painted
        assert far_apart(image, drawn) < 0.002, card.row["title"]


def test_a_mark_at_the_wrong_place_is_seen(cards, monkeypatch):
    """The comparison above sees a face or pill half a card off (the test can fail)."""
    moved = items.draw_mark

    def off(painter, rect, key, draw) -> None:
        painter.translate(40, 0)
        moved(painter, rect, key, draw)
        painter.translate(-40, 0)

    wrong = picture(cards[0], 1.0, (0, 0))
    monkeypatch.setattr(items, "draw_mark", off)
    monkeypatch.setattr(paint, "draw_mark", off)
    assert far_apart(picture(cards[0], 1.0, (0, 0)), wrong) >= 0.002


def test_each_card_shows_its_own_channel_icon_when_copied(cards, monkeypatch):
    """An icon is copied for its channel, not for the card that drew first."""
    assert len({card.row["channel"] for card in cards}) > 1
    icon = items.CHANNEL_RECT.translated(10, 10).toAlignedRect().adjusted(-1, -1, 1, 1)
    copied = [picture(card, 1.0, (0, 0)).copy(icon) for card in cards]
    monkeypatch.setattr(items, "draw_mark", direct)
    for card, image in zip(cards, copied, strict=True):
        drawn = picture(card, 1.0, (0, 0)).copy(icon)
        assert far_apart(image, drawn) < 0.01, card.row["channel"]


def test_the_svg_draws_the_faces_and_pills_as_shapes(qapp, tmp_path):
    write_demo(tmp_path / "demo.cocreate")
    export_journey_image(tmp_path / "demo.cocreate", tmp_path / "journey.svg")
    svg = (tmp_path / "journey.svg").read_text(encoding="utf-8")
    assert "<image" not in svg
    assert svg.count("<path") > 100
