"""The demo salon's survey answers: about 300 return-visit answers of Morning Bean's customers,
as the chain's survey tool would export them (seed 002: satisfaction and NPS collected by SMS,
push messages, in store and by a mini-program pop-up).

resources/demo/coffee_feedback.json says, moment by moment (a card, a stage, or a journey as a
whole, by the keys of coffee_salon.json), how many answers it gets, how they score and what its
customers write. The rules here expand it into rows, always the same (a fixed random seed,
fixed dates): the score profiles, who answers (the four customer types of seed 002 and the
demo's member tiers 银豆 / 金豆 / 黑豆), where and when. No Qt.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

from cocreate.model import PersonaKind
from cocreate.records import Row
from cocreate.resources import resource_path

ANSWERS_DATA: tuple[str, ...] = ("demo", "coffee_feedback.json")

SEED = 20260302
FIRST_DAY = date(2026, 3, 2)  # four weeks of return visits, Monday 2 to Sunday 29 March 2026
DAYS = 28

#: The survey's channels (seed 002's return-visit channels), as its export names them.
CHANNELS = {
    "sms": "短信 SMS",
    "push": "服务号推送 Push message",
    "store": "门店扫码 In store",
    "popup": "小程序弹窗 Mini-program pop-up",
}
POPUP = CHANNELS["popup"]  # the one channel that stamps the minute of an answer

# The member tiers of the demo, and customers who have not joined.
NON_MEMBER, SILVER, GOLD, BLACK = "非会员", "银豆", "金豆", "黑豆"

LOYAL = PersonaKind.LOYAL.value
PURPOSE = PersonaKind.PURPOSE_DRIVEN.value
OCCASIONAL = PersonaKind.OCCASIONAL.value
SEEKING = PersonaKind.INFORMATION_SEEKING.value

#: How many answers of 100 give each score 0-10, by how the moment went for the customers.
PROFILES: dict[str, tuple[int, ...]] = {
    "poor": (3, 4, 7, 10, 12, 14, 14, 14, 11, 6, 5),
    "weak": (1, 2, 3, 5, 7, 10, 14, 19, 17, 12, 10),
    "mixed": (0, 1, 2, 3, 4, 7, 9, 20, 20, 18, 16),
    "good": (0, 0, 1, 1, 2, 3, 6, 14, 20, 26, 27),
    "great": (0, 0, 0, 0, 1, 2, 3, 9, 15, 30, 40),
}

#: How often an answer of each kind comes without a comment once its moment's own comments are
#: all said (real surveys: many skip it; the unhappy least).
NO_COMMENT = {"low": 0.35, "mid": 0.7, "high": 0.6}

#: Who answers, by customer type (seed 002). "" is an answer without a type. Members are mostly
#: loyal or purpose-driven; the regulars who hold points and climb tiers mostly loyal; the
#: commuters who race the morning rush mostly purpose-driven; newcomers (a new store, the
#: welcome offer) occasional or information-seeking.
TYPES = {
    "members": ((LOYAL, 38), (PURPOSE, 30), (OCCASIONAL, 17), (SEEKING, 9), ("", 6)),
    "regulars": ((LOYAL, 70), (PURPOSE, 18), (OCCASIONAL, 6), (SEEKING, 2), ("", 4)),
    "commuters": ((LOYAL, 20), (PURPOSE, 65), (OCCASIONAL, 8), (SEEKING, 2), ("", 5)),
    "newcomers": ((LOYAL, 5), (PURPOSE, 15), (OCCASIONAL, 35), (SEEKING, 35), ("", 10)),
}

#: Their member tiers, by customer type: the loyal have climbed, occasional visitors rarely.
TIERS = {
    LOYAL: ((GOLD, 50), (BLACK, 35), (SILVER, 15)),
    PURPOSE: ((SILVER, 45), (GOLD, 40), (BLACK, 10), (NON_MEMBER, 5)),
    OCCASIONAL: ((SILVER, 55), (NON_MEMBER, 40), (GOLD, 5)),
    SEEKING: ((NON_MEMBER, 55), (SILVER, 40), (GOLD, 5)),
    "": ((SILVER, 50), (GOLD, 30), ("", 20)),
}


@dataclass(frozen=True)
class Moment:
    """The answers about one card, one stage, or a journey as a whole."""

    journey: str  # the journey's key in the demo data
    count: int
    profile: str  # a key of PROFILES
    channels: tuple[str, ...]  # where they were asked (keys of CHANNELS), the first most often
    stage: str | None = None  # the stage's key, when the answers name a stage but no card
    card: str | None = None  # the touchpoint's key
    low: tuple[str, ...] = ()  # what detractors (0-6) write
    mid: tuple[str, ...] = ()  # passives (7-8)
    high: tuple[str, ...] = ()  # promoters (9-10)
    rush: bool = False  # answered right after the morning rush (08:00-09:40)
    who: str = "members"  # who answered: a key of TYPES


@dataclass(frozen=True)
class AnswersData:
    sources: dict[str, str]  # journey key -> the survey file its answers came from
    generic: dict[str, tuple[str, ...]]  # short comments anyone could write, by kind
    moments: tuple[Moment, ...]


def _moment(spec: dict[str, Any]) -> Moment:
    unknown = set(spec) - {f.name for f in fields(Moment)}
    if unknown:
        raise ValueError(f"demo answers: a moment has no {sorted(unknown)}")
    moment = Moment(**{k: tuple(v) if isinstance(v, list) else v for k, v in spec.items()})
    if (
        moment.profile not in PROFILES
        or moment.who not in TYPES
        or not set(moment.channels) <= set(CHANNELS)
    ):
        raise ValueError(f"demo answers: {moment.profile!r}, {moment.who!r} or {moment.channels!r}")
    return moment


def load_answers() -> AnswersData:
    """The demo's answers as written in the resource file."""
    data = json.loads(resource_path(*ANSWERS_DATA).read_text(encoding="utf-8"))
    return AnswersData(
        sources=data["sources"],
        generic={kind: tuple(texts) for kind, texts in data["generic"].items()},
        moments=tuple(_moment(spec) for spec in data["moments"]),
    )


def quota(count: int, weights: Sequence[int]) -> list[int]:
    """The scores of `count` answers, as near the profile's weights as whole answers allow
    (largest remainders), in score order."""
    total = sum(weights)
    exact = [count * weight / total for weight in weights]
    counts = [int(share) for share in exact]
    by_remainder = sorted(range(len(weights)), key=lambda s: (counts[s] - exact[s], s))
    for score in by_remainder[: count - sum(counts)]:
        counts[score] += 1
    return [score for score, n in enumerate(counts) for _ in range(n)]


def _pick(rng: random.Random, choices: Sequence[tuple[str, int]]) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


def _kind(score: int) -> str:
    return "low" if score <= 6 else "mid" if score <= 8 else "high"


class _Comments:
    """A moment's comments, each said once; then no comment or a generic one."""

    def __init__(self, rng: random.Random, moment: Moment, generic: Mapping[str, Sequence[str]]):
        self.rng = rng
        self.generic = generic
        self.left = {
            kind: rng.sample(texts, len(texts))
            for kind, texts in (("low", moment.low), ("mid", moment.mid), ("high", moment.high))
        }

    def next(self, score: int) -> str:
        kind = _kind(score)
        if self.left[kind]:
            return self.left[kind].pop()
        if self.rng.random() < NO_COMMENT[kind]:
            return ""
        return self.rng.choice(self.generic[kind])


def _when(rng: random.Random, channel: str, rush: bool) -> str:
    day = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
    if channel != POPUP:  # the pop-up stamps the minute; the other exports only the day
        return day
    minute = rng.randrange(8 * 60, 9 * 60 + 40) if rush else rng.randrange(7 * 60, 21 * 60)
    return f"{day}T{minute // 60:02d}:{minute % 60:02d}"


def _answers(rng: random.Random, moment: Moment, generic: Mapping[str, Sequence[str]]) -> list[Row]:
    """The moment's answers: score, comment, date, channel, tier and customer type."""
    scores = quota(moment.count, PROFILES[moment.profile])
    rng.shuffle(scores)
    # The strongest feelings speak first: a 0 or a 10 gets the moment's own words, a 6 or a 7
    # more likely the generic ones once those run out.
    comments = _Comments(rng, moment, generic)
    strongest = sorted(range(len(scores)), key=lambda i: abs(2 * scores[i] - 15), reverse=True)
    said = {index: comments.next(scores[index]) for index in strongest}
    channels = [
        (CHANNELS[key], 2 ** (len(moment.channels) - i)) for i, key in enumerate(moment.channels)
    ]
    answers = []
    for index, score in enumerate(scores):
        channel = _pick(rng, channels)
        customer_type = _pick(rng, TYPES[moment.who])
        answers.append(
            {
                "score": score,
                "comment": said[index],
                "date": _when(rng, channel, moment.rush),
                "channel": channel,
                "tier": _pick(rng, TIERS[customer_type]),
                "customer_type": customer_type,
            }
        )
    return answers


def _about(
    moment: Moment,
    journeys: Mapping[str, int],
    stages: Mapping[tuple[str, str], int],
    touchpoints: Mapping[str, Row],
) -> tuple[int | None, int | None]:
    """The stage and card ids the moment's answers name (a card's answers its stage too)."""
    if moment.card is not None:
        card = touchpoints.get(moment.card)
        if card is None or card["journey_id"] != journeys[moment.journey]:
            raise KeyError(f"demo answers: no card {moment.card!r} in {moment.journey!r}")
        return card["stage_id"], card["id"]
    if moment.stage is not None:
        try:
            return stages[moment.journey, moment.stage], None
        except KeyError:
            raise KeyError(
                f"demo answers: no stage {moment.stage!r} in {moment.journey!r}"
            ) from None
    return None, None


def feedback_rows(
    journeys: Mapping[str, int],
    stages: Mapping[tuple[str, str], int],
    touchpoints: Mapping[str, Row],
) -> list[Row]:
    """The demo's answers as feedback rows with ids from 1: each journey's answers as its
    survey exported them (by date, numbered from the sheet's row 2), each card's answers under
    the card's stage. `journeys` maps a journey's key to its id, `stages` (journey key, stage
    key) to a stage id, `touchpoints` a card's key to its row (id, journey_id, stage_id)."""
    data = load_answers()
    total = sum(moment.count for moment in data.moments)
    respondents = iter(random.Random(SEED).sample(range(100_000, 1_000_000), total))
    by_journey: dict[str, list[Row]] = {key: [] for key in data.sources}
    for moment in data.moments:
        stage_id, card_id = _about(moment, journeys, stages, touchpoints)
        # A seed of its own: changing one moment of the table leaves the others' answers be.
        rng = random.Random(f"{SEED} {moment.journey} {moment.stage} {moment.card}")
        for answer in _answers(rng, moment, data.generic):
            answer |= {
                "stage_id": stage_id,
                "touchpoint_id": card_id,
                "respondent": f"MB{next(respondents)}",
            }
            by_journey[moment.journey].append(answer)
    rows: list[Row] = []
    for journey, answers in by_journey.items():
        answers.sort(key=lambda answer: answer["date"])
        for row_in_sheet, answer in enumerate(answers, start=2):
            rows.append(
                answer
                | {
                    "id": len(rows) + 1,
                    "journey_id": journeys[journey],
                    "source": data.sources[journey],
                    "source_row": row_in_sheet,
                }
            )
    return rows
