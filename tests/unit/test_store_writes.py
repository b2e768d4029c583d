"""The session file's writes (cocreate.store.writes): plain statements that write the rows
SQLAlchemy Core wrote, with the model's defaults and its strict booleans."""

from __future__ import annotations

import pytest
from sqlalchemy import insert

from cocreate.records import TABLE_ORDER
from cocreate.store import Insert, SessionFile
from cocreate.store.ops import InsertMany, SetMany, Update, table
from cocreate.store.reads import IDS_A_STATEMENT
from tests.benchmark.sessions import build_demo_with_notes


@pytest.fixture
def demo(tmp_path):
    store = SessionFile.open(build_demo_with_notes(tmp_path / "demo.cocreate", 0), lock=False)
    yield store
    store.close()


def test_a_row_that_leaves_columns_out_takes_the_models_defaults_as_sqlalchemy_gave_them(demo):
    journey, lane, stage = (demo.rows(name)[0]["id"] for name in ("journey", "lane", "stage"))
    given = {
        "touchpoint": {"journey_id": journey, "stage_id": stage, "lane_id": lane},
        "note": {"journey_id": journey, "text": "只有文字"},
        "participant": {"name": "Ana"},
        "persona": {},
        "cluster": {"journey_id": journey},
    }
    for table_name, fields in given.items():
        demo.apply([Insert(table_name, dict(fields))])
        ours = demo.rows(table_name)[-1]
        with demo.transaction() as conn:
            theirs_id = conn.execute(insert(table(table_name)).values(**fields)).lastrowid
        theirs = demo.row(table_name, theirs_id)
        assert ours | {"id": theirs_id} == theirs, table_name
    assert {name for name in given} <= set(TABLE_ORDER)


def test_a_boolean_takes_only_true_false_zero_one_or_none_and_a_refused_edit_writes_nothing(demo):
    card = demo.rows("touchpoint")[0]
    before = demo.rows("touchpoint")
    for wrong in ("yes", 2, "0"):
        with pytest.raises(TypeError):
            demo.apply([Update("touchpoint", card["id"], {"branded": card["branded"]},
                               {"title": "changed", "branded": wrong})])  # fmt: skip
    assert demo.rows("touchpoint") == before
    demo.apply([Update("touchpoint", card["id"], {"branded": card["branded"]}, {"branded": 1})])
    assert demo.row("touchpoint", card["id"])["branded"] is True


def test_an_unknown_column_or_table_is_refused(demo):
    with pytest.raises(KeyError):
        demo.apply([Insert("note", {"journey_id": 1, "colour": "red"})])
    with pytest.raises(KeyError):
        demo.apply([Insert("notes", {"journey_id": 1})])
    assert not any(note["text"] == "" and note["color"] == "red" for note in demo.rows("note"))


def test_many_rows_insert_set_and_delete_past_the_ids_one_statement_names(demo):
    journey = demo.rows("journey")[0]["id"]
    first = max(note["id"] for note in demo.rows("note")) + 1
    ids = list(range(first, first + 2 * IDS_A_STATEMENT + 7))
    rows = [{"id": i, "journey_id": journey, "text": f"n{i}", "hidden": i % 2 == 0} for i in ids]
    demo.apply([InsertMany("note", rows)])
    assert demo.count("note", hidden=True) >= len(ids) // 2
    demo.apply([SetMany("note", "text", {i: f"n{i}" for i in ids}, dict.fromkeys(ids, "same"))])
    assert demo.count("note", text="same") == len(ids)
    demo.apply([InsertMany("note", rows).inverse()])  # a DeleteMany of them all
    assert demo.rows_by_id("note", ids) == {}
