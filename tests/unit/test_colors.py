"""The colours the canvas and the PDF share (cocreate.colors), as plain functions."""

from __future__ import annotations

import pytest

from cocreate.colors import (
    CATEGORY_COLORS,
    EMOTION_COLORS,
    FALLBACK,
    NO_AUTHOR_COLOR,
    NO_CATEGORY_COLOR,
    emotion_color,
    mix,
    note_color,
    rgb,
    tint,
)
from cocreate.model import NoteCategory


def note(color: str = "", category: str = "") -> dict[str, str]:
    return {"color": color, "category": category}


def test_every_category_has_a_light_colour_of_its_own():
    assert set(CATEGORY_COLORS) == {category.value for category in NoteCategory}
    assert len(set(CATEGORY_COLORS.values())) == len(CATEGORY_COLORS)
    for color in CATEGORY_COLORS.values():
        # Light enough that dark text reads on it (the notes and their badges on paper).
        assert min(rgb(color)) >= 0.45, color


def test_a_note_takes_its_category_colour_in_the_category_view():
    assert note_color(note("#123456", "idea"), "#abcdef", True) == CATEGORY_COLORS["idea"]
    assert note_color(note("#123456", ""), "#abcdef", True) == NO_CATEGORY_COLOR
    assert note_color(note("", "unknown"), None, True) == NO_CATEGORY_COLOR


def test_else_its_own_colour_then_its_authors_then_sticky_yellow():
    assert note_color(note("#123456", "idea"), "#abcdef", False) == "#123456"
    assert note_color(note("", "idea"), "#abcdef", False) == "#abcdef"
    assert note_color(note("", "idea"), None, False) == NO_AUTHOR_COLOR
    assert note_color(note("", "idea"), "", False) == NO_AUTHOR_COLOR


@pytest.mark.parametrize(
    ("emotion", "expected"), [(-7, -2), (-1.6, -2), (-1.4, -1), (0.2, 0), (1.5, 2), (9, 2)]
)
def test_an_emotion_colour_rounds_and_clamps(emotion: float, expected: int):
    assert emotion_color(emotion) == EMOTION_COLORS[expected]


def test_colours_read_as_floats_and_anything_else_falls_back():
    assert rgb("#ff8000") == (1.0, 128 / 255, 0.0)
    assert rgb("f80") == rgb("#ff8800")
    assert rgb("  #FFFFFF ") == (1.0, 1.0, 1.0)
    assert rgb("red") == rgb(FALLBACK)
    assert rgb("", "#000000") == (0.0, 0.0, 0.0)


def test_a_tint_is_the_colour_on_white_at_a_strength():
    assert tint("#000000", 0.0) == (1.0, 1.0, 1.0)
    assert tint("#000000", 1.0) == (0.0, 0.0, 0.0)
    assert tint("#000000", 0.3) == pytest.approx((0.7, 0.7, 0.7))
    assert mix("#000000", "#ffffff", 0.25) == pytest.approx((0.25, 0.25, 0.25))
