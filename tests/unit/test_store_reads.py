"""The session file's reads (cocreate.store.reads): the rows the model describes, read with one
plain statement each."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cocreate.records import TABLE_ORDER
from cocreate.store import SessionFile
from cocreate.store.ops import Update, table
from tests.benchmark.sessions import build_board_session


@pytest.fixture
def board(tmp_path):
    path = tmp_path / "board.cocreate"
    build_board_session(path, 120, cards=6, pinned_to_cards=4, private_every=7, votes=30)
    store = SessionFile.open(path, lock=False)
    yield store
    store.close()


def through_sqlalchemy(store: SessionFile, table_name: str) -> list[dict]:
    t = table(table_name)
    with store.reading() as conn:
        return [dict(row) for row in conn.execute(select(t).order_by(t.c.id)).mappings()]


def test_every_table_reads_as_the_model_reads_it_with_booleans_as_bool(board):
    for table_name in TABLE_ORDER:
        rows = board.rows(table_name)
        expected = through_sqlalchemy(board, table_name)
        assert rows == expected, table_name
        for row, model_row in zip(rows, expected, strict=True):
            assert list(row) == list(model_row)  # the columns in the model's order
            assert [type(v) for v in row.values()] == [type(v) for v in model_row.values()]
    hidden = [note["hidden"] for note in board.rows("note")]
    assert True in hidden and False in hidden and {type(flag) for flag in hidden} == {bool}


def test_rows_filter_order_and_count_as_asked(board):
    pinned = board.rows("note", order_by="x", touchpoint_id=1)
    assert pinned and all(note["touchpoint_id"] == 1 for note in pinned)
    assert [(n["x"], n["id"]) for n in pinned] == sorted((n["x"], n["id"]) for n in pinned)
    free = board.rows("note", touchpoint_id=None, stage_id=None)  # None matches no value
    assert len(free) == 120 == board.count("note", touchpoint_id=None, stage_id=None)
    assert board.count("note") == 124 and board.count("note", hidden=True) == 18
    assert board.row("note", 3) == board.rows("note")[2] and board.row("note", 999) is None
    with pytest.raises(KeyError):
        board.rows("note", colour="red")
    with pytest.raises(KeyError):
        board.rows("notes")


def test_rows_by_id_and_votes_on_take_more_ids_than_one_statement_names(board):
    wanted = list(range(1, 124, 2)) * 20  # repeats, and a thousand and more ids
    assert sorted(board.rows_by_id("note", wanted)) == sorted(set(wanted))
    assert board.rows_by_id("note", []) == {}
    votes = board.votes_on(range(1, 2000), [])
    assert [vote["id"] for vote in votes] == list(range(1, 31))
    assert board.votes_on([], []) == []


def test_a_read_is_one_statement_and_sees_the_edit_in_progress(board):
    statements: list[str] = []
    board._raw.set_trace_callback(statements.append)
    board.rows("note", journey_id=1)
    board._raw.set_trace_callback(None)
    assert len(statements) == 1 and statements[0].startswith("SELECT")  # no BEGIN/ROLLBACK
    before = board.row("note", 1)
    with board.edit():
        board.apply([Update("note", 1, {"text": before["text"]}, {"text": "moved on"})])
        assert board.row("note", 1)["text"] == "moved on"
        assert board.rows("note", text="moved on")[0]["id"] == 1
    assert board.row("note", 1)["text"] == "moved on"
