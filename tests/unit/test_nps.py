"""The Net Promoter Score of survey answers (cocreate.analysis): % promoters (9-10) minus
% detractors (0-6), with n, for a list of scores and per touchpoint, stage, journey, customer
type and member tier; the mean score per stage and the 0-10 distribution. Each case is worked
out by hand in its comment."""

from __future__ import annotations

import pytest

from cocreate.analysis import (
    Nps,
    mean_score_by_stage,
    nps,
    nps_by,
    nps_by_customer_type,
    nps_by_journey,
    nps_by_stage,
    nps_by_tier,
    nps_by_touchpoint,
    nps_of_distribution,
    score_distribution,
)


def test_no_answers_have_no_nps_rather_than_a_neutral_zero():
    result = nps([])
    assert result == Nps(n=0, promoters=0, passives=0, detractors=0)
    assert result.score is None and result.rounded is None and result.few


def test_all_passives_give_an_nps_of_zero():
    # 7, 8, 7, 8: no promoter, no detractor -> 0 % - 0 % = 0
    result = nps([7, 8, 7, 8])
    assert (result.n, result.passives, result.score, result.rounded) == (4, 4, 0.0, 0)


def test_all_promoters_give_100_and_all_detractors_minus_100():
    assert nps([9, 10, 10]).score == 100.0
    assert nps([0, 3, 6]).score == -100.0


def test_the_boundaries_of_promoters_passives_and_detractors():
    # 6 is a detractor, 7 and 8 passives, 9 a promoter
    result = nps([6, 7, 8, 9])
    assert (result.detractors, result.passives, result.promoters) == (1, 2, 1)
    assert result.score == 0.0


def test_a_hand_worked_mix():
    # 10, 9, 9 promoters (3); 8 passive (1); 6, 2 detractors (2); n = 6
    # 3/6 - 2/6 = 50 % - 33.3 % = 16.67
    result = nps([10, 9, 8, 6, 9, 2])
    assert result.n == 6
    assert result.score == pytest.approx(100 / 6)
    assert result.rounded == 17


def test_halves_are_rounded_away_from_zero():
    # 1 promoter, 7 passives: 12.5 -> 13; 1 detractor, 7 passives: -12.5 -> -13
    assert nps([10] + [7] * 7).rounded == 13
    assert nps([0] + [7] * 7).rounded == -13
    # 2 promoters of 3: 66.67 -> 67; 1 detractor of 3: -33.3 -> -33
    assert nps([9, 9, 7]).rounded == 67
    assert nps([1, 8, 8]).rounded == -33


def test_fewer_than_ten_answers_are_few():
    assert nps([9] * 9).few and not nps([9] * 10).few


def test_the_distribution_counts_each_score_from_0_to_10():
    assert score_distribution([0, 10, 10, 7, 3, 7]) == (1, 0, 0, 1, 0, 0, 0, 2, 0, 0, 2)
    assert score_distribution([]) == (0,) * 11
    assert nps_of_distribution((1, 0, 0, 1, 0, 0, 0, 2, 0, 0, 2)) == nps([0, 10, 10, 7, 3, 7])


@pytest.mark.parametrize("score", [-1, 11, 9.5, "9", None, True])
def test_a_score_outside_the_scale_is_refused(score):
    with pytest.raises(ValueError):
        nps([9, score])


def answer(journey: int, stage: int | None, card: int | None, score: int, kind: str, tier: str):
    return {"journey_id": journey, "stage_id": stage, "touchpoint_id": card, "score": score} | {
        "customer_type": kind,
        "tier": tier,
    }


ANSWERS = [
    # journey 1: cards 10 and 11 at stage 2 (Buy), card 12 at stage 3
    answer(1, 2, 10, 10, "loyal", "金卡"),
    answer(1, 2, 10, 9, "loyal", "金卡"),
    answer(1, 2, 10, 3, "occasional", ""),
    answer(1, 2, 11, 2, "occasional", "银卡"),
    answer(1, 2, 11, 8, "", "银卡"),
    answer(1, 3, 12, 7, "purpose_driven", "金卡"),
    answer(1, None, None, 10, "", ""),
    # journey 2
    answer(2, 5, None, 0, "information_seeking", ""),
]


def test_nps_per_touchpoint():
    # card 10: 10, 9, 3 -> 2 promoters, 1 detractor of 3 = 33.3; card 11: 2, 8 -> -50;
    # card 12: 7 -> 0; answers about no card are in no card's figure
    by_card = nps_by_touchpoint(ANSWERS)
    assert set(by_card) == {10, 11, 12}
    assert (by_card[10].n, by_card[10].rounded) == (3, 33)
    assert (by_card[11].n, by_card[11].score) == (2, -50.0)
    assert (by_card[12].n, by_card[12].score) == (1, 0.0)


def test_nps_per_stage_and_per_journey():
    # stage 2: 10, 9, 3, 2, 8 -> 2 promoters, 2 detractors of 5 = 0; stage 3: 7 -> 0;
    # stage 5: 0 -> -100. Journey 1: the 7 answers, 3 promoters (10, 9, 10), 2 detractors -> 14.3
    by_stage = nps_by_stage(ANSWERS)
    assert {stage: (r.n, r.score) for stage, r in by_stage.items()} == {
        2: (5, 0.0),
        3: (1, 0.0),
        5: (1, -100.0),
    }
    by_journey = nps_by_journey(ANSWERS)
    assert (by_journey[1].n, by_journey[1].rounded) == (7, 14)
    assert (by_journey[2].n, by_journey[2].score) == (1, -100.0)


def test_nps_per_customer_type_and_per_member_tier():
    # loyal: 10, 9 -> 100; occasional: 3, 2 -> -100; purpose-driven: 7 -> 0;
    # information-seeking: 0 -> -100; answers without a type are left out
    by_type = nps_by_customer_type(ANSWERS)
    assert {kind: (r.n, r.score) for kind, r in by_type.items()} == {
        "loyal": (2, 100.0),
        "occasional": (2, -100.0),
        "purpose_driven": (1, 0.0),
        "information_seeking": (1, -100.0),
    }
    # 金卡: 10, 9, 7 -> 2 of 3 promoters = 66.7; 银卡: 2, 8 -> -50
    by_tier = nps_by_tier(ANSWERS)
    assert set(by_tier) == {"金卡", "银卡"}
    assert (by_tier["金卡"].n, by_tier["金卡"].rounded) == (3, 67)
    assert by_tier["银卡"].score == -50.0


def test_grouping_by_any_column():
    assert nps_by([], "touchpoint_id") == {}
    assert nps_by(ANSWERS, "nothing") == {}


def test_the_mean_score_per_stage_follows_the_stage_order():
    stages = [
        {"id": 3, "position": 2},
        {"id": 2, "position": 1},
        {"id": 1, "position": 0},
    ]
    # stage 1: no answer; stage 2: (10 + 9 + 3 + 2 + 8) / 5 = 6.4; stage 3: 7
    points = mean_score_by_stage(stages, ANSWERS)
    assert [(p.stage_id, p.mean, p.count) for p in points] == [
        (1, None, 0),
        (2, pytest.approx(6.4), 5),
        (3, 7.0, 1),
    ]
