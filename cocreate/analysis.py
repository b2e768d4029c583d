"""What the data says about a journey: pure functions over rows (no Qt, no reportlab).

The emotion curve (drawn the same on the canvas and in the PDF) and journey health: a healthy
journey has no breakpoints and no gaps, and its pain points are solved stage by stage.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from cocreate.model import Channel, LaneKind, NoteCategory, NpsBand, ScoreBand
from cocreate.records import Row

#: The emotion curve follows what the customer lives through: the lanes above the line of
#: visibility (and lanes the group added). Backstage and support cards are not felt directly.
CUSTOMER_SIDE_LANES = frozenset(
    {
        LaneKind.PHYSICAL_EVIDENCE.value,
        LaneKind.CUSTOMER_ACTIONS.value,
        LaneKind.FRONTSTAGE.value,
        LaneKind.CUSTOM.value,
    }
)


@dataclass(frozen=True)
class StageEmotion:
    stage_id: int
    mean: float | None  # None when no card of the stage has an emotion to count
    count: int


def emotion_by_stage(
    stages: list[Row], lanes: list[Row], touchpoints: list[Row]
) -> list[StageEmotion]:
    """The mean emotion (−2 … +2) of each stage's customer-side cards, in stage order."""
    felt = {
        lane["id"] for lane in lanes if lane["kind"] in CUSTOMER_SIDE_LANES and not lane["hidden"]
    }
    totals: dict[int, list[int]] = {stage["id"]: [] for stage in stages}
    for card in touchpoints:
        if card["lane_id"] in felt and card["stage_id"] in totals:
            totals[card["stage_id"]].append(card["emotion"])
    ordered = sorted(stages, key=lambda row: (row["position"], row["id"]))
    return [
        StageEmotion(
            stage["id"],
            sum(totals[stage["id"]]) / len(totals[stage["id"]]) if totals[stage["id"]] else None,
            len(totals[stage["id"]]),
        )
        for stage in ordered
    ]


def lowest_points(points: list[StageEmotion]) -> set[int]:
    """The stages where the curve is lowest (all of them when tied), where there is something
    to compare: none when fewer than two stages have an emotion, or when all are level."""
    means = [point.mean for point in points if point.mean is not None]
    if len(set(means)) < 2:
        return set()
    low = min(means)
    return {point.stage_id for point in points if point.mean is not None and point.mean == low}


class RowSource(Protocol):
    """What the functions here read from: a SessionFile, or anything with the same methods."""

    def rows(self, table_name: str, order_by: str = "id", **where: Any) -> list[Row]: ...

    def session_row(self) -> Row: ...

    def rows_by_id(self, table_name: str, ids: Iterable[int]) -> dict[int, Row]: ...


def vote_order(kind: str, item_id: int, votes: int) -> tuple[int, bool, int]:
    """How voted items are ranked everywhere (Votes panel, PDF): most dots first; among
    ties touchpoints before notes, oldest first."""
    return (-votes, kind != "touchpoint", item_id)


def shared_ranks(votes: list[int]) -> list[int]:
    """Ranks of counts already in vote order; ties share a rank (1, 2, 2, 4)."""
    ranks: list[int] = []
    for index, count in enumerate(votes):
        ranks.append(ranks[-1] if index and votes[index - 1] == count else index + 1)
    return ranks


@dataclass(frozen=True)
class RankedItem:
    """A voted note (of any category, or none) or a voted touchpoint, with its dots."""

    source: str  # "note" or "touchpoint"
    row: Row
    votes: int
    stage_id: int | None
    rank: int = 0

    @property
    def text(self) -> str:
        return self.row["text"] if self.source == "note" else self.row["title"]

    @property
    def category(self) -> str | None:
        """The note's category ("" when it has none); None for a touchpoint."""
        return self.row["category"] if self.source == "note" else None


@dataclass(frozen=True)
class StageHealth:
    stage: Row
    touchpoints: int
    emotion: float | None  # the mean of the customer-side cards, as on the emotion curve
    emotion_count: int
    lowest: bool
    channels: tuple[str, ...]  # in the order of the Channel enumeration
    breakpoints: tuple[Row, ...]  # touchpoints marked as breakpoints, in layout order
    pain_points: tuple[Row, ...]  # pain-point notes, most votes first

    @property
    def stage_id(self) -> int:
        return self.stage["id"]

    @property
    def empty(self) -> bool:
        return self.touchpoints == 0


@dataclass(frozen=True)
class JourneyHealth:
    journey_id: int
    stages: tuple[StageHealth, ...]  # in stage order
    touchpoints: int
    lowest_stages: frozenset[int]
    unstaged_pain_points: tuple[Row, ...]  # pain points pinned to no stage or card
    top_voted: tuple[RankedItem, ...]  # every voted note and touchpoint, ranked
    note_votes: dict[int, int]  # note id -> votes
    hidden_notes: int  # private notes left out of the figures

    @property
    def empty_stages(self) -> tuple[StageHealth, ...]:
        return tuple(stage for stage in self.stages if stage.empty)

    @property
    def breakpoints(self) -> tuple[Row, ...]:
        return tuple(card for stage in self.stages for card in stage.breakpoints)

    @property
    def negative_stages(self) -> tuple[StageHealth, ...]:
        """Stages whose mean emotion is below zero, lowest first."""
        negative = [s for s in self.stages if s.emotion is not None and s.emotion < 0]
        return tuple(sorted(negative, key=lambda s: (s.emotion, s.stage["position"])))

    @property
    def pain_point_count(self) -> int:
        return sum(len(s.pain_points) for s in self.stages) + len(self.unstaged_pain_points)

    @property
    def channels(self) -> tuple[str, ...]:
        used = {channel for stage in self.stages for channel in stage.channels}
        return tuple(channel for channel in _CHANNEL_ORDER if channel in used)


_CHANNEL_ORDER = [channel.value for channel in Channel]


def _channel_key(channel: str) -> tuple[int, str]:
    try:
        return (_CHANNEL_ORDER.index(channel), channel)
    except ValueError:
        return (len(_CHANNEL_ORDER), channel)


def compute_health(
    stages: list[Row],
    lanes: list[Row],
    touchpoints: list[Row],
    notes: list[Row],
    votes: list[Row],
    *,
    journey_id: int = 0,
    include_hidden: bool = False,
) -> JourneyHealth:
    """The health of one journey from its rows (votes may be the whole session's).

    Private notes (hidden, not revealed yet) are left out unless include_hidden; the result
    counts them in `hidden_notes`. `top_voted` ranks every voted note, whatever its category,
    and every voted touchpoint, most dots (of every round) first.
    """
    stages = sorted(stages, key=lambda row: (row["position"], row["id"]))
    lane_order = {lane["id"]: (lane["position"], lane["id"]) for lane in lanes}
    stage_ids = {stage["id"] for stage in stages}
    cards = sorted(
        (card for card in touchpoints if card["stage_id"] in stage_ids),
        key=lambda c: (lane_order.get(c["lane_id"], (0, 0)), c["position"], c["id"]),
    )
    card_stage = {card["id"]: card["stage_id"] for card in cards}
    hidden = [note for note in notes if note["hidden"]]
    shown = notes if include_hidden else [note for note in notes if not note["hidden"]]

    note_votes = Counter(v["note_id"] for v in votes if v.get("note_id") is not None)
    card_votes = Counter(v["touchpoint_id"] for v in votes if v.get("touchpoint_id") is not None)

    def stage_of(note: Row) -> int | None:
        if note.get("touchpoint_id") in card_stage:
            return card_stage[note["touchpoint_id"]]
        if note.get("stage_id") in stage_ids:
            return note["stage_id"]
        return None

    def by_votes(note: Row) -> tuple[int, int]:
        return (-note_votes.get(note["id"], 0), note["id"])

    pains: dict[int | None, list[Row]] = {}
    for note in shown:
        if note["category"] == NoteCategory.PAIN_POINT.value:
            pains.setdefault(stage_of(note), []).append(note)
    for found in pains.values():
        found.sort(key=by_votes)

    points = emotion_by_stage(stages, lanes, cards)
    lowest = lowest_points(points)
    emotions = {point.stage_id: point for point in points}
    per_stage = []
    for stage in stages:
        mine = [card for card in cards if card["stage_id"] == stage["id"]]
        point = emotions[stage["id"]]
        per_stage.append(
            StageHealth(
                stage=stage,
                touchpoints=len(mine),
                emotion=point.mean,
                emotion_count=point.count,
                lowest=stage["id"] in lowest,
                channels=tuple(sorted({card["channel"] for card in mine}, key=_channel_key)),
                breakpoints=tuple(card for card in mine if card["breakpoint"]),
                pain_points=tuple(pains.get(stage["id"], [])),
            )
        )

    voted = [
        RankedItem("note", note, note_votes[note["id"]], stage_of(note))
        for note in shown
        if note_votes.get(note["id"], 0) > 0
    ] + [
        RankedItem("touchpoint", card, card_votes[card["id"]], card["stage_id"])
        for card in cards
        if card_votes.get(card["id"], 0) > 0
    ]
    voted.sort(key=lambda item: vote_order(item.source, item.row["id"], item.votes))
    ranks = shared_ranks([item.votes for item in voted])
    top_voted = tuple(replace(item, rank=rank) for item, rank in zip(voted, ranks, strict=True))
    return JourneyHealth(
        journey_id=journey_id,
        stages=tuple(per_stage),
        touchpoints=len(cards),
        lowest_stages=frozenset(lowest),
        unstaged_pain_points=tuple(pains.get(None, [])),
        top_voted=top_voted,
        note_votes={note["id"]: note_votes.get(note["id"], 0) for note in notes},
        hidden_notes=0 if include_hidden else len(hidden),
    )


# -- dot-voting tallies ----------------------------------------------------------------------


@dataclass
class TallyEntry:
    """One voted note or touchpoint."""

    kind: str  # "note" or "touchpoint"
    item_id: int
    row: Row
    votes: int = 0
    colors: list[str] = field(default_factory=list)  # one per dot, in participant order
    rank: int = 0


def latest_round(store: RowSource) -> int:
    """The running round, else the last round anyone voted in (0 when there was none)."""
    running = int(store.session_row()["voting_round"] or 0)
    if running:
        return running
    return max((int(vote["round"]) for vote in store.rows("vote")), default=0)


def _voted(store: RowSource, kind: str, votes: list[Row], journey_id: int) -> dict[int, Row]:
    """The notes or cards ("note", "touchpoint") the votes name that are in the journey."""
    named = {vote[f"{kind}_id"] for vote in votes} - {None}
    found = store.rows_by_id(kind, named)
    return {row_id: row for row_id, row in found.items() if row["journey_id"] == journey_id}


def tally(store: RowSource, journey_id: int, voting_round: int) -> list[TallyEntry]:
    """The journey's voted notes and touchpoints of the round, most dots first, ranked.

    Ties share a rank (1, 2, 2, 4); among them touchpoints come before notes, oldest first.
    """
    people = store.rows("participant", order_by="position")
    order = {row["id"]: index for index, row in enumerate(people)}
    colors = {row["id"]: row["color"] for row in people}
    votes = store.rows("vote", round=voting_round)
    # Only the voted rows, not the whole journey: a board of 10 000 notes has a few dozen dots.
    notes = _voted(store, "note", votes, journey_id)
    cards = _voted(store, "touchpoint", votes, journey_id)
    entries: dict[tuple[str, int], TallyEntry] = {}
    voters: dict[tuple[str, int], list[int]] = defaultdict(list)
    for vote in votes:
        if vote["note_id"] in notes:
            key = ("note", vote["note_id"])
            row = notes[vote["note_id"]]
        elif vote["touchpoint_id"] in cards:
            key = ("touchpoint", vote["touchpoint_id"])
            row = cards[vote["touchpoint_id"]]
        else:
            continue  # a dot on another journey
        entry = entries.setdefault(key, TallyEntry(key[0], key[1], row))
        entry.votes += 1
        voters[key].append(vote["participant_id"])
    for key, entry in entries.items():
        ordered = sorted(voters[key], key=lambda pid: order.get(pid, len(order)))
        entry.colors = [colors.get(pid, "") for pid in ordered]
    ranked = sorted(entries.values(), key=lambda e: vote_order(e.kind, e.item_id, e.votes))
    for entry, rank in zip(ranked, shared_ranks([e.votes for e in ranked]), strict=True):
        entry.rank = rank
    return ranked


# -- the customer's voice: NPS of survey answers ----------------------------------------------

#: A promoter scores 9 or 10, a detractor 0 to 6; 7 and 8 are passives.
PROMOTER_MIN = 9
DETRACTOR_MAX = 6
#: The scores of the 0-10 scale.
SCORES = range(0, 11)
#: Fewer answers than this give an NPS too uncertain to read alone (shown greyed).
NPS_FEW = 10


@dataclass(frozen=True)
class Nps:
    """The Net Promoter Score of some answers, with its parts."""

    n: int
    promoters: int
    passives: int
    detractors: int

    @property
    def score(self) -> float | None:
        """% promoters minus % detractors, from -100 to 100; None when there is no answer
        (n = 0): no answer measures nothing, which is not the same as a neutral 0."""
        if not self.n:
            return None
        return 100.0 * (self.promoters - self.detractors) / self.n

    @property
    def rounded(self) -> int | None:
        """The score as a whole number, halves away from zero (12.5 -> 13, -12.5 -> -13)."""
        if not self.n:
            return None
        difference = self.promoters - self.detractors
        whole = (200 * abs(difference) + self.n) // (2 * self.n)  # exact: no float halves
        return whole if difference >= 0 else -whole

    @property
    def few(self) -> bool:
        return self.n < NPS_FEW


#: An NPS above this is in the high band; from 0 up to it, the middle one; below 0, the low one.
NPS_HIGH_ABOVE = 30


def score_band(score: int) -> ScoreBand:
    """The band of a 0-10 answer: detractor (0-6), passive (7-8) or promoter (9-10)."""
    if score <= DETRACTOR_MAX:
        return ScoreBand.DETRACTOR
    return ScoreBand.PROMOTER if score >= PROMOTER_MIN else ScoreBand.PASSIVE


def nps_band(found: Nps) -> NpsBand:
    """The band of an NPS: FEW under NPS_FEW answers (or none), else by the whole number shown
    (so that a "0" never reads as below zero): LOW below 0, MIDDLE up to +30, HIGH above."""
    value = found.rounded
    if found.few or value is None:
        return NpsBand.FEW
    if value < 0:
        return NpsBand.LOW
    return NpsBand.MIDDLE if value <= NPS_HIGH_ABOVE else NpsBand.HIGH


def signed(value: int) -> str:
    """An NPS as written: +42, −15 (a true minus sign) or 0."""
    if value > 0:
        return f"+{value}"
    return f"\u2212{-value}" if value < 0 else "0"


def score_distribution(scores: Iterable[int]) -> tuple[int, ...]:
    """How many answers gave each score: 11 counts, for 0 to 10.

    Raises ValueError for a score outside 0-10 (answers are checked when they come in)."""
    counts = [0] * len(SCORES)
    for score in scores:
        if isinstance(score, bool) or not isinstance(score, int) or score not in SCORES:
            raise ValueError(f"{score!r} is not a score from 0 to 10")
        counts[score] += 1
    return tuple(counts)


def nps_of_distribution(counts: Sequence[int]) -> Nps:
    """The NPS of a 0-10 distribution (11 counts)."""
    if len(counts) != len(SCORES):
        raise ValueError("a distribution has 11 counts, for the scores 0 to 10")
    promoters = sum(counts[PROMOTER_MIN:])
    detractors = sum(counts[: DETRACTOR_MAX + 1])
    passives = sum(counts[DETRACTOR_MAX + 1 : PROMOTER_MIN])
    return Nps(promoters + passives + detractors, promoters, passives, detractors)


def nps(scores: Iterable[int]) -> Nps:
    """The NPS of a list of 0-10 scores."""
    return nps_of_distribution(score_distribution(scores))


def distributions_by(answers: Iterable[Row], key: str) -> dict[Any, tuple[int, ...]]:
    """The 0-10 distribution of the answers of each value of a column (a touchpoint id, a
    customer type, …). Answers whose value is None or "" belong to no group and are left out."""
    groups: dict[Any, list[int]] = {}
    for answer in answers:
        value = answer.get(key)
        if value is None or value == "":
            continue
        score = answer["score"]
        if isinstance(score, bool) or not isinstance(score, int) or score not in SCORES:
            raise ValueError(f"{score!r} is not a score from 0 to 10")
        groups.setdefault(value, [0] * len(SCORES))[score] += 1
    return {value: tuple(counts) for value, counts in groups.items()}


def nps_by(answers: Iterable[Row], key: str) -> dict[Any, Nps]:
    """The NPS of each value of a column; answers without a value are left out."""
    return {
        value: nps_of_distribution(counts)
        for value, counts in distributions_by(answers, key).items()
    }


def nps_by_touchpoint(answers: Iterable[Row]) -> dict[int, Nps]:
    return nps_by(answers, "touchpoint_id")


def nps_by_stage(answers: Iterable[Row]) -> dict[int, Nps]:
    return nps_by(answers, "stage_id")


def nps_by_journey(answers: Iterable[Row]) -> dict[int, Nps]:
    return nps_by(answers, "journey_id")


def nps_by_customer_type(answers: Iterable[Row]) -> dict[str, Nps]:
    """Per PersonaKind value (loyal, purpose_driven, occasional, information_seeking)."""
    return nps_by(answers, "customer_type")


def nps_by_tier(answers: Iterable[Row]) -> dict[str, Nps]:
    """Per member tier, as the answers name it."""
    return nps_by(answers, "tier")


@dataclass(frozen=True)
class StageScore:
    stage_id: int
    mean: float | None  # None when no answer is about the stage
    count: int


def mean_score_by_stage(stages: list[Row], answers: Iterable[Row]) -> list[StageScore]:
    """The mean 0-10 score of each stage's answers, in stage order (the emotion curve's
    second line)."""
    totals: dict[int, list[int]] = {stage["id"]: [0, 0] for stage in stages}
    for answer in answers:
        found = totals.get(answer.get("stage_id", -1))
        if found is not None:
            found[0] += answer["score"]
            found[1] += 1
    ordered = sorted(stages, key=lambda row: (row["position"], row["id"]))
    return [
        StageScore(
            stage["id"],
            totals[stage["id"]][0] / totals[stage["id"]][1] if totals[stage["id"]][1] else None,
            totals[stage["id"]][1],
        )
        for stage in ordered
    ]
