"""What the data says about a journey: pure functions over rows (no Qt).

Shared by the canvas and the PDF, so both draw the same emotion curve.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cocreate.model import LaneKind

Row = dict[str, Any]

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
    """The stages where the curve is lowest (all of them when tied)."""
    means = [point.mean for point in points if point.mean is not None]
    if not means:
        return set()
    low = min(means)
    return {point.stage_id for point in points if point.mean is not None and point.mean == low}
