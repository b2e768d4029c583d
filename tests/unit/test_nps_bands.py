"""The NPS bands, declared once in cocreate.analysis with their colours in cocreate.colors: the
band of a 0-10 answer, the band of an NPS a card is tinted by, and an NPS written with its
sign. Each case is worked out by hand in its comment."""

from __future__ import annotations

import pytest

from cocreate.analysis import Nps, nps, nps_band, score_band, signed
from cocreate.colors import NPS_BAND_FILLS, NPS_BAND_INKS, SCORE_BAND_COLORS, SCORE_BAND_TEXT
from cocreate.model import NpsBand, ScoreBand


def test_a_score_is_a_detractor_up_to_6_a_passive_at_7_and_8_a_promoter_from_9():
    bands = [score_band(score) for score in range(11)]
    assert bands == [ScoreBand.DETRACTOR] * 7 + [ScoreBand.PASSIVE] * 2 + [ScoreBand.PROMOTER] * 2


@pytest.mark.parametrize(
    ("scores", "band"),
    [
        ([9] * 4 + [0] * 6, NpsBand.LOW),  # 40% - 60% = -20
        ([9] * 5 + [0] * 5, NpsBand.MIDDLE),  # 0: not below zero
        ([9] * 4 + [8] * 5 + [0] * 1, NpsBand.MIDDLE),  # 40% - 10% = +30: not above it
        ([9] * 5 + [8] * 4 + [0] * 1, NpsBand.HIGH),  # 50% - 10% = +40
        ([0] * 9, NpsBand.FEW),  # -100 from 9 answers: too few to read alone
        ([], NpsBand.FEW),  # no answer
    ],
)
def test_an_nps_band_follows_the_figure_shown_and_few_answers_grey_it(scores, band):
    assert nps_band(nps(scores)) == band


def test_the_band_follows_the_rounded_figure_so_a_0_never_reads_as_below_zero():
    # 333 promoters, 334 detractors of 1000: -0.1, shown as 0.
    found = Nps(1000, 333, 333, 334)
    assert found.rounded == 0 and nps_band(found) == NpsBand.MIDDLE


def test_every_band_has_its_colours():
    assert set(SCORE_BAND_COLORS) == set(SCORE_BAND_TEXT) == set(ScoreBand)
    assert set(NPS_BAND_INKS) == set(NPS_BAND_FILLS) == set(NpsBand)


@pytest.mark.parametrize(("value", "text"), [(42, "+42"), (-15, "\u221215"), (0, "0")])
def test_an_nps_is_written_with_its_sign_and_a_true_minus(value, text):
    assert signed(value) == text
