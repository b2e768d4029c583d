"""The next slot of the board's "from phones" grid is found in one pass over the notes in its
band: the same slot as trying the grid's slots one by one, whether the grid is full, holed or
crossed by notes put down by hand, and without trying slots one by one when it is full."""

from __future__ import annotations

import itertools
import random

import pytest

from cocreate import phone_edits
from cocreate.geometry import Point
from cocreate.phone_edits import (
    PHONE_COLUMNS,
    PITCH_X,
    PITCH_Y,
    Occupied,
    first_free_slot,
    grid_slots,
)
from cocreate.store import SessionFile
from cocreate.store.ops import Insert
from tests.benchmark.sessions import build_board_session

LEFT, TOP = 1234.5, 40.0
JOURNEY, ANN = 1, 2


def one_by_one(corners: list[Point], columns: int = PHONE_COLUMNS) -> Point:
    return Occupied(corners).first_free(grid_slots(LEFT, TOP, columns))


def slots(count: int, columns: int = PHONE_COLUMNS) -> list[Point]:
    return list(itertools.islice(grid_slots(LEFT, TOP, columns), count))


def test_an_empty_grid_starts_at_its_first_slot():
    assert first_free_slot([], LEFT, TOP, PHONE_COLUMNS) == (LEFT, TOP)


def test_a_full_grid_goes_on_in_the_next_row_and_a_hole_is_filled_first():
    full = slots(5 * PHONE_COLUMNS)
    assert first_free_slot(full, LEFT, TOP, PHONE_COLUMNS) == (LEFT, TOP + 5 * PITCH_Y)
    holed = full[:17] + full[18:]
    assert first_free_slot(holed, LEFT, TOP, PHONE_COLUMNS) == full[17]


@pytest.mark.parametrize("seed", range(40))
def test_the_slot_is_the_one_trying_each_slot_finds(seed):
    """Grid notes with holes, and notes dropped anywhere near the grid (off its pitch, left
    or right of it, above its top)."""
    rng = random.Random(seed)
    columns = rng.choice([1, 3, PHONE_COLUMNS])
    corners = [spot for spot in slots(rng.randrange(0, 120), columns) if rng.random() < 0.85]
    for _ in range(rng.randrange(0, 25)):
        x = LEFT + rng.uniform(-2, columns + 1) * PITCH_X
        y = TOP + rng.uniform(-2, 16) * PITCH_Y
        if rng.random() < 0.3:  # exactly a pitch (or a hair less) away from a slot
            x = LEFT + rng.randrange(-1, columns + 1) * PITCH_X + rng.choice([0, 1e-9, -1e-9])
        corners.append((x, y))
    rng.shuffle(corners)
    assert first_free_slot(corners, LEFT, TOP, columns) == one_by_one(corners, columns)


def test_the_next_phone_note_of_a_full_grid_tries_no_slot_one_by_one(tmp_path, monkeypatch):
    path = tmp_path / "phones.cocreate"
    build_board_session(path, notes=0)
    store = SessionFile.open(path, lock=False)
    try:
        for index in range(3 * PHONE_COLUMNS):
            store.apply(phone_edits.add_note(store, JOURNEY, ANN, f"n{index}", "idea"))
        tries = []
        monkeypatch.setattr(Occupied, "clear", lambda *spot: tries.append(spot) or True)
        ops = phone_edits.add_note(store, JOURNEY, ANN, "The next one", "idea")
        assert isinstance(ops[0], Insert)
        placed = [row for row in store.rows("note") if row["touchpoint_id"] is None]
        assert ops[0].row["y"] == max(row["y"] for row in placed) + PITCH_Y  # a new row
        assert tries == []
    finally:
        store.close()
