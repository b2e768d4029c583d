"""The shapes the canvas and the PDF draw alike (cocreate.geometry), as plain functions."""

from __future__ import annotations

import math

import pytest

from cocreate.geometry import (
    EMOTION_BOTTOM_INSET,
    EMOTION_TOP_INSET,
    NOTE_GAP,
    NOTE_HEIGHT,
    NOTE_WIDTH,
    curve_point,
    emotion_y,
    face_shape,
    link_curve,
    link_route,
    star_points,
    tidy_grid,
)
from cocreate.layout import CARD_HEIGHT, CARD_WIDTH, Rect


def card(x: float, y: float) -> Rect:
    return Rect(x, y, CARD_WIDTH, CARD_HEIGHT)


def test_a_link_to_a_card_on_the_right_runs_between_the_facing_edges():
    source, target = card(0, 0), card(400, 300)
    start, end, bend = link_route(source, target)
    assert start == (CARD_WIDTH, CARD_HEIGHT / 2)
    assert end == (400, 300 + CARD_HEIGHT / 2)
    assert bend == ((400 - CARD_WIDTH) / 2, 0.0)


def test_a_link_to_a_card_on_the_left_leaves_by_the_left_edge():
    start, end, _bend = link_route(card(400, 0), card(0, 0))
    assert start == (400, CARD_HEIGHT / 2)
    assert end == (CARD_WIDTH, CARD_HEIGHT / 2)


def test_a_link_between_stacked_cards_runs_vertically_both_ways():
    upper, lower = card(0, 0), card(50, 300)
    start, end, bend = link_route(upper, lower)
    assert start == (CARD_WIDTH / 2, CARD_HEIGHT)
    assert end == (50 + CARD_WIDTH / 2, 300)
    assert bend == (0.0, (300 - CARD_HEIGHT) / 2)
    start, end, bend = link_route(lower, upper)
    assert start == (50 + CARD_WIDTH / 2, 300)
    assert end == (CARD_WIDTH / 2, CARD_HEIGHT)
    assert bend[0] == 0.0 and bend[1] < 0


def test_a_link_curve_starts_and_ends_on_the_cards_and_is_symmetric():
    source, target = card(0, 0), card(500, 200)
    curve = link_curve(source, target)
    start, end, _bend = link_route(source, target)
    assert curve_point(curve, 0) == start
    assert curve_point(curve, 1) == end
    middle = curve_point(curve, 0.5)
    assert middle == pytest.approx(((start[0] + end[0]) / 2, (start[1] + end[1]) / 2))
    # A side-by-side link leaves and arrives horizontally.
    assert curve[1][1] == start[1] and curve[2][1] == end[1]


def test_emotion_heights_span_the_band_inside_its_insets():
    band = Rect(190, 1000, 800, 220)
    assert emotion_y(band, 2) == band.y + EMOTION_TOP_INSET
    assert emotion_y(band, -2) == band.bottom - EMOTION_BOTTOM_INSET
    assert emotion_y(band, 0) == pytest.approx(
        (band.y + EMOTION_TOP_INSET + band.bottom - EMOTION_BOTTOM_INSET) / 2
    )
    heights = [emotion_y(band, e / 2) for e in range(-4, 5)]
    assert heights == sorted(heights, reverse=True)  # happier is higher (y downwards)


@pytest.mark.parametrize("count", [1, 2, 4, 5, 9, 10, 30])
def test_the_tidy_grid_is_near_square_and_never_overlaps(count: int):
    spots = tidy_grid(count, 100.0, 50.0)
    assert len(spots) == count
    assert spots[0] == (100.0, 50.0)
    columns = math.ceil(math.sqrt(count))
    assert len({x for x, _y in spots}) == min(count, columns)
    assert len(set(spots)) == count
    for x, y in spots:
        assert (x - 100.0) % (NOTE_WIDTH + NOTE_GAP) == 0
        assert (y - 50.0) % (NOTE_HEIGHT + NOTE_GAP) == 0
    # Row by row: reading order is kept.
    assert spots == sorted(spots, key=lambda spot: (spot[1], spot[0]))


@pytest.mark.parametrize("emotion", [-2, -1, 0, 1, 2])
def test_a_face_smiles_with_a_high_emotion_and_frowns_with_a_low_one(emotion: int):
    face = face_shape(10.0, emotion)
    (left_eye, right_eye), (start, control, end) = face.eyes, face.mouth
    assert left_eye[1] == right_eye[1] < 0 < start[1]  # eyes above the centre, mouth below
    assert left_eye[0] == -right_eye[0] and start[0] == -end[0] and control[0] == 0
    assert start[1] == end[1]
    # y downwards: a smile's middle hangs below its corners, a frown's rises above them.
    assert (control[1] - start[1]) * emotion >= 0
    assert (control[1] == start[1]) == (emotion == 0)
    assert face_shape(10.0, emotion + 5).mouth == face_shape(10.0, min(2, emotion + 5)).mouth


def test_the_star_has_five_points_up_first_and_is_symmetric():
    points = star_points(10.0)
    assert len(points) == 10
    assert points[0] == pytest.approx((0.0, -10.0))  # the first point is straight up
    outer = [math.hypot(x, y) for x, y in points[::2]]
    inner = [math.hypot(x, y) for x, y in points[1::2]]
    assert outer == pytest.approx([10.0] * 5) and inner == pytest.approx([4.5] * 5)
    mirrored = sorted((round(-x, 9), round(y, 9)) for x, y in points)
    assert mirrored == sorted((round(x, 9), round(y, 9)) for x, y in points)
