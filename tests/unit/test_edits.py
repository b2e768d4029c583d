"""Each edit a person makes as the row ops of one action (cocreate.edits), on a real session file
and without Qt: an edit only reads, its ops write it whole, and their inverse takes it back."""

from __future__ import annotations

import pytest

from cocreate import edits
from cocreate.store import SessionFile
from cocreate.store.ops import Update, inverse_ops
from tests.benchmark.sessions import build_board_session, build_session

TABLES = ("stage", "touchpoint", "note", "vote", "participant", "session")


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "edits.cocreate"
    build_session(path, touchpoints=40, links=0, stages=4)
    store = SessionFile.open(path, lock=False)
    yield store
    store.close()


def snapshot(store: SessionFile) -> dict[str, list[dict]]:
    return {name: store.rows(name) for name in TABLES}


def cell(store: SessionFile, stage_id: int, lane_id: int) -> list[int]:
    rows = store.rows("touchpoint", order_by="position", stage_id=stage_id, lane_id=lane_id)
    return [row["id"] for row in rows]


def fullest_cell(store: SessionFile) -> tuple[int, int]:
    cells = {(row["stage_id"], row["lane_id"]) for row in store.rows("touchpoint")}
    return max(cells, key=lambda key: len(cell(store, *key)))


def test_moving_cards_puts_them_at_the_place_in_the_cell_in_their_order(store):
    target = fullest_cell(store)
    staying = cell(store, *target)
    assert len(staying) >= 3
    others = [row for row in store.rows("touchpoint") if row["stage_id"] != target[0]][:2]
    before = snapshot(store)
    ops = edits.move_touchpoints(store, [row["id"] for row in others], *target, index=1)
    assert snapshot(store) == before  # an edit only reads
    assert ops and all(isinstance(op, Update) for op in ops)
    store.apply(ops)
    moved = sorted(others, key=lambda row: (row["stage_id"], row["lane_id"], row["position"]))
    assert cell(store, *target) == [staying[0], *(row["id"] for row in moved), *staying[1:]]
    positions = [store.row("touchpoint", card_id)["position"] for card_id in cell(store, *target)]
    assert positions == list(range(len(positions)))
    store.apply(inverse_ops(ops))
    assert snapshot(store) == before


def test_moving_a_stage_renumbers_the_stages_of_its_journey(store):
    order = [row["id"] for row in store.rows("stage", order_by="position")]
    ops = edits.move_stage(store, order[0], 2)
    store.apply(ops)
    assert [row["id"] for row in store.rows("stage", order_by="position")] == [
        order[1],
        order[2],
        order[0],
        order[3],
    ]
    assert edits.move_stage(store, order[0], 2) == []  # already there: nothing to do


def test_dots_need_a_running_round_and_stay_within_the_budget(tmp_path):
    path = tmp_path / "votes.cocreate"
    build_board_session(path, notes=10)
    store = SessionFile.open(path, lock=False)
    try:
        person = 3
        assert edits.add_vote(store, person, 1, None) == []  # no round runs
        store.apply(edits.start_voting(store, budget=2))
        assert store.session_row()["voting_round"] == 1
        assert edits.votes_left(store, person) == 2
        assert edits.add_vote(store, person, None, None) == []  # a dot needs one target
        assert edits.add_vote(store, person, 1, 7) == []  # and only one
        for note_id in (1, 1):
            store.apply(edits.add_vote(store, person, note_id, None))
        assert edits.votes_left(store, person) == 0
        assert edits.add_vote(store, person, 2, None) == []  # the budget is spent
        store.apply(edits.remove_vote(store, person, 1, None))
        assert edits.votes_left(store, person) == 1
        assert store.count("vote", participant_id=person, note_id=1) == 1
        assert edits.remove_vote(store, person, 2, None) == []  # no dot of theirs there
    finally:
        store.close()
