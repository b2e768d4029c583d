"""What an edit reports it touched (cocreate.records.Change), made by applying row ops to a
real session file: the canvas and the docks update only what it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from cocreate.records import TABLE_ORDER, Change
from cocreate.store import Insert, SessionFile
from cocreate.store.ops import inverse_ops


@pytest.fixture
def store(tmp_path: Path):
    session = SessionFile.create(tmp_path / "salon.cocreate", lock=False)
    yield session
    session.close()


def add_journey_with_notes(store: SessionFile) -> tuple[int, list[int]]:
    ops = [Insert("journey", {"name": "Loyalty"})]
    store.apply(ops)
    journey_id = ops[0].row["id"]
    notes = [Insert("note", {"journey_id": journey_id, "text": text}) for text in ("a", "b")]
    store.apply(notes)
    return journey_id, [op.row["id"] for op in notes]


def test_a_change_names_the_rows_inserted_updated_and_deleted(store):
    journey_id, (first, second) = add_journey_with_notes(store)
    added = Insert("note", {"journey_id": journey_id, "text": "c"})
    edit = [added, store.update_op("note", first, text="A", x=12.0)]
    edit += store.delete_ops("note", [second])

    change = store.apply(edit)

    assert change.inserted["note"] == {added.row["id"]}
    assert change.updated["note"] == {first}
    assert change.deleted["note"] == {second}
    assert change.fields["note"] == {"text", "x"}
    assert change.removed["note"][second]["text"] == "b"
    assert change.ids("note") == {added.row["id"], first, second}
    assert change.tables == {"note"}
    assert change.touches("vote", "note") and not change.touches("vote")
    assert change.names_rows("note") and change.names_rows("cluster")


def test_undoing_an_edit_reports_the_same_rows_the_other_way_round(store):
    journey_id, (first, _second) = add_journey_with_notes(store)
    edit = [Insert("note", {"journey_id": journey_id, "text": "c"})]
    edit.append(store.update_op("note", first, text="A"))
    store.apply(edit)

    undone = store.apply(inverse_ops(edit))

    assert undone.deleted["note"] == {edit[0].row["id"]}
    assert undone.updated["note"] == {first}
    assert undone.fields["note"] == {"text"}
    assert not undone.inserted.get("note")


def test_a_change_of_everything_names_every_table_without_rows():
    change = Change.everything()
    assert change.tables == set(TABLE_ORDER)
    assert all(change.ids(name) == set() for name in TABLE_ORDER)
    assert not change.names_rows("note")
