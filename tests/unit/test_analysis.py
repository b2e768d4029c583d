"""What the data says about a journey (cocreate.analysis), from rows alone: the emotion curve of
the customer-side lanes, its lowest points, journey health and the dot-voting ranks the Votes
panel and the PDF share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cocreate.analysis import (
    compute_health,
    emotion_by_stage,
    lowest_points,
    shared_ranks,
    tally,
)

STAGES = [
    {"id": 2, "position": 1, "name": "Buy"},
    {"id": 1, "position": 0, "name": "Cognition"},
    {"id": 3, "position": 2, "name": "Loyalty"},
]
LANES = [
    {"id": 10, "position": 0, "kind": "customer_actions", "hidden": False},
    {"id": 11, "position": 1, "kind": "frontstage", "hidden": False},
    {"id": 12, "position": 2, "kind": "backstage", "hidden": False},
    {"id": 13, "position": 3, "kind": "custom", "hidden": True},
]


def card(card_id: int, stage_id: int, lane_id: int, emotion: int, **fields: Any) -> dict:
    row = {"id": card_id, "stage_id": stage_id, "lane_id": lane_id, "position": card_id}
    return row | {"emotion": emotion, "channel": "app", "breakpoint": False} | fields


def note(note_id: int, category: str = "idea", **fields: Any) -> dict:
    row = {"id": note_id, "text": f"note {note_id}", "category": category, "hidden": False}
    return row | {"stage_id": None, "touchpoint_id": None} | fields


def test_the_emotion_curve_counts_only_what_the_customer_lives_through():
    cards = [
        card(1, 1, 10, 2),
        card(2, 1, 11, -1),
        card(3, 1, 12, -2),  # backstage: not felt
        card(4, 2, 13, -2),  # a hidden lane: not felt
        card(5, 3, 11, -2),
    ]
    points = emotion_by_stage(STAGES, LANES, cards)
    assert [point.stage_id for point in points] == [1, 2, 3]  # in stage order
    assert [(point.mean, point.count) for point in points] == [(0.5, 2), (None, 0), (-2.0, 1)]
    assert lowest_points(points) == {3}


def test_the_lowest_point_needs_two_stages_that_differ():
    one = emotion_by_stage(STAGES, LANES, [card(1, 1, 10, -2)])
    level = emotion_by_stage(STAGES, LANES, [card(1, 1, 10, -1), card(2, 3, 11, -1)])
    tied = emotion_by_stage(
        STAGES, LANES, [card(1, 1, 10, -1), card(2, 2, 10, 1), card(3, 3, 11, -1)]
    )
    assert lowest_points(one) == set() and lowest_points(level) == set()
    assert lowest_points(tied) == {1, 3}


def test_ties_share_a_rank():
    assert shared_ranks([5, 3, 3, 1]) == [1, 2, 2, 4]
    assert shared_ranks([2, 2, 2]) == [1, 1, 1]
    assert shared_ranks([]) == []


def test_journey_health_finds_gaps_breakpoints_pains_and_the_most_voted():
    cards = [
        card(1, 1, 10, -2, breakpoint=True, channel="store"),
        card(2, 1, 11, 1, channel="app"),
        card(3, 3, 10, 1, channel="social"),
    ]
    notes = [
        note(1, "pain_point", touchpoint_id=1),  # on a card of stage 1
        note(2, "pain_point", stage_id=3),
        note(3, "pain_point"),  # free on the board: no stage
        note(4, "pain_point", stage_id=1, hidden=True),  # private: left out
        note(5, "idea"),
    ]
    votes = [
        {"note_id": 5, "touchpoint_id": None},
        {"note_id": 5, "touchpoint_id": None},
        {"note_id": None, "touchpoint_id": 3},
        {"note_id": None, "touchpoint_id": 3},
        {"note_id": 2, "touchpoint_id": None},
        {"note_id": 4, "touchpoint_id": None},
    ]
    health = compute_health(STAGES, LANES, cards, notes, votes, journey_id=1)
    assert [stage.stage_id for stage in health.empty_stages] == [2]
    assert [row["id"] for row in health.breakpoints] == [1]
    assert health.stages[0].channels == ("store", "app")  # the Channel enumeration's order
    assert [[row["id"] for row in stage.pain_points] for stage in health.stages] == [[1], [], [2]]
    assert [row["id"] for row in health.unstaged_pain_points] == [3]
    assert health.pain_point_count == 3 and health.hidden_notes == 1
    assert health.lowest_stages == {1}
    ranked = [(item.source, item.row["id"], item.votes, item.rank) for item in health.top_voted]
    # Most dots first; a card before a note with as many; the private note is not there.
    assert ranked == [("touchpoint", 3, 2, 1), ("note", 5, 2, 1), ("note", 2, 1, 3)]


class Rows:
    """Rows as a session file gives them (the RowSource the tally reads)."""

    def __init__(self, tables: dict[str, list[dict]], voting_round: int = 0) -> None:
        self.tables = tables
        self.voting_round = voting_round

    def rows(self, table_name: str, order_by: str = "id", **where: Any) -> list[dict]:
        found = [
            row
            for row in self.tables[table_name]
            if all(row.get(key) == value for key, value in where.items())
        ]
        return sorted(found, key=lambda row: row[order_by])

    def session_row(self) -> dict:
        return {"voting_round": self.voting_round}

    def rows_by_id(self, table_name: str, ids: Iterable[int]) -> dict[int, dict]:
        wanted = set(ids)
        return {row["id"]: row for row in self.tables[table_name] if row["id"] in wanted}


def test_the_tally_of_a_round_ranks_and_colours_the_dots_of_one_journey():
    people = [
        {"id": 1, "color": "#111111", "position": 1},
        {"id": 2, "color": "#222222", "position": 0},
    ]

    def vote(vote_id: int, person: int, round_: int, **target: int) -> dict:
        return {"id": vote_id, "participant_id": person, "round": round_} | {
            "note_id": target.get("note_id"),
            "touchpoint_id": target.get("touchpoint_id"),
        }

    rows = Rows(
        {
            "participant": people,
            "note": [{"id": 1, "journey_id": 1}, {"id": 2, "journey_id": 2}],
            "touchpoint": [{"id": 7, "journey_id": 1}],
            "vote": [
                vote(1, 1, 1, note_id=1),
                vote(2, 2, 1, note_id=1),
                vote(3, 1, 1, touchpoint_id=7),
                vote(4, 1, 1, note_id=2),  # another journey's note
                vote(5, 2, 2, touchpoint_id=7),  # another round
            ],
        }
    )
    entries = tally(rows, journey_id=1, voting_round=1)
    assert [(e.kind, e.item_id, e.votes, e.rank) for e in entries] == [
        ("note", 1, 2, 1),
        ("touchpoint", 7, 1, 2),
    ]
    assert entries[0].colors == ["#222222", "#111111"]  # in the participants' order


def test_the_tally_reads_the_voted_rows_not_the_whole_board():
    """A dot re-ranks the Votes panel: on a board of 5 000 notes with two dots, the tally
    reads the two voted notes, not all 5 000."""
    read: list[int] = []

    class Counted(Rows):
        def rows(self, table_name: str, order_by: str = "id", **where: Any) -> list[dict]:
            found = super().rows(table_name, order_by, **where)
            read.extend(row["id"] for row in found if table_name == "note")
            return found

        def rows_by_id(self, table_name: str, ids: Iterable[int]) -> dict[int, dict]:
            found = super().rows_by_id(table_name, ids)
            read.extend(found if table_name == "note" else ())
            return found

    rows = Counted(
        {
            "participant": [{"id": 1, "color": "#111111", "position": 0}],
            "note": [{"id": n, "journey_id": 1} for n in range(1, 5001)],
            "touchpoint": [],
            "vote": [
                {"id": 1, "participant_id": 1, "round": 1, "note_id": 40, "touchpoint_id": None},
                {"id": 2, "participant_id": 1, "round": 1, "note_id": 4000, "touchpoint_id": None},
            ],
        }
    )
    entries = tally(rows, journey_id=1, voting_round=1)
    assert [(e.item_id, e.votes) for e in entries] == [(40, 1), (4000, 1)]
    assert sorted(read) == [40, 4000]
