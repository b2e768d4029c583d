"""Rows that lie about their types: a file whose rows break the rules of a session (types,
ranges, enumerations, references) is refused on open in one line that names the file, the
table, the row id and the column and says what to do, and is left byte-for-byte as it was.
`repair_copy` writes a copy that keeps every rule and lists every value it changed or dropped.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cocreate.demo import write_demo
from cocreate.export.json_io import JsonImportError, import_json, session_document
from cocreate.store import SessionFile, SessionFileError
from cocreate.store.errors import BrokenRowError
from cocreate.store.repair import repair_copy

#: name -> (SQL that makes the file lie, table, column, words of the problem)
LIES = {
    "blob title": (
        "UPDATE touchpoint SET title = X'00ff10' WHERE id = 2",
        "touchpoint",
        "title",
        "must be a string, not a blob",
    ),
    "emotion sad": (
        "UPDATE touchpoint SET emotion = 'sad' WHERE id = 3",
        "touchpoint",
        "emotion",
        "must be an integer from -2 to 2, not text",
    ),
    "emotion 99": (
        "UPDATE touchpoint SET emotion = 99 WHERE id = 3",
        "touchpoint",
        "emotion",
        "must be an integer from -2 to 2, not 99",
    ),
    "note x abc": (
        "UPDATE note SET x = 'abc' WHERE id = 4",
        "note",
        "x",
        "must be a number, not text",
    ),
    "stage width wide": (
        "UPDATE stage SET width = 'wide' WHERE id = 2",
        "stage",
        "width",
        "must be a number, not text",
    ),
    "stage width infinite": (
        "UPDATE stage SET width = 9e999 WHERE id = 2",
        "stage",
        "width",
        "must be a finite number",
    ),
    "note text not utf-8": (
        "UPDATE note SET text = CAST(X'61ff62' AS TEXT) WHERE id = 5",
        "note",
        "text",
        "the text is not valid UTF-8",
    ),
    "vote budget 2^31": (
        "UPDATE participant SET vote_budget = 2147483648 WHERE id = 2",
        "participant",
        "vote_budget",
        "must be an integer from 0 to 99, not 2147483648",
    ),
    "negative vote budget": (
        "UPDATE participant SET vote_budget = -3 WHERE id = 2",
        "participant",
        "vote_budget",
        "must be an integer from 0 to 99, not -3",
    ),
    "card without its stage": (
        "UPDATE touchpoint SET stage_id = 999 WHERE id = 6",
        "touchpoint",
        "stage_id",
        "no stage with id 999",
    ),
    "hidden as text": (
        "UPDATE note SET hidden = 'yes' WHERE id = 4",
        "note",
        "hidden",
        "must be true or false",
    ),
    "unknown channel": (
        "UPDATE touchpoint SET channel = 'telepathy' WHERE id = 3",
        "touchpoint",
        "channel",
        'must be one of "store"',
    ),
    # zeroblob(n) in hex is n times "00": each "00" becomes one character
    "note text of 10 001 characters": (
        "UPDATE note SET text = replace(hex(zeroblob(10001)), '00', '中') WHERE id = 5",
        "note",
        "text",
        "the text is 10001 characters long; it may be at most 10000",
    ),
    "card title of 501 characters": (
        "UPDATE touchpoint SET title = replace(hex(zeroblob(501)), '00', 'T') WHERE id = 2",
        "touchpoint",
        "title",
        "the text is 501 characters long; it may be at most 500",
    ),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.cocreate"
    write_demo(path)
    return path


def lying_file(demo: Path, folder: Path, sql: str) -> Path:
    path = folder / "lying salon.cocreate"
    path.write_bytes(demo.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def row_id_of(sql: str) -> int:
    return int(sql.rsplit("=", 1)[1])


def test_the_demo_keeps_every_rule(demo):
    SessionFile.open(demo, read_only=True, lock=False).close()


@pytest.mark.parametrize("name", list(LIES))
@pytest.mark.parametrize("read_only", [True, False])
def test_a_lying_file_is_refused_in_one_line_and_left_as_it_was(demo, tmp_path, name, read_only):
    sql, table, column, words = LIES[name]
    path = lying_file(demo, tmp_path, sql)
    before = path.read_bytes()
    with pytest.raises(BrokenRowError) as caught:
        SessionFile.open(path, read_only=read_only, lock=False)
    message = caught.value.message
    assert "\n" not in message
    assert message.startswith(f"{path}: table {table}, row {row_id_of(sql)}, column {column}: ")
    assert words in message
    assert f"cocreate repair '{path}' -o REPAIRED.cocreate" in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("name", list(LIES))
def test_repair_mends_each_lie_and_lists_it(demo, tmp_path, name):
    sql, table, column, _ = LIES[name]
    path = lying_file(demo, tmp_path, sql)
    before = path.read_bytes()
    out = tmp_path / "repaired.cocreate"
    repairs = repair_copy(path, out)
    assert [(r.table, r.row_id, r.column) for r in repairs] == [(table, row_id_of(sql), column)]
    assert str(repairs[0]).startswith(f"table {table}, row {row_id_of(sql)}, column {column}: ")
    assert path.read_bytes() == before
    store = SessionFile.open(out, read_only=True, lock=False)
    try:
        assert store.count("touchpoint") == demo_count(demo, "touchpoint")
        assert store.count("note") == demo_count(demo, "note")
        session_document(store)  # every row reads as the type it claims
    finally:
        store.close()


def demo_count(demo: Path, table: str) -> int:
    store = SessionFile.open(demo, read_only=True, lock=False)
    try:
        return store.count(table)
    finally:
        store.close()


def test_repair_clamps_keeps_text_and_moves_a_card_to_its_journeys_first_stage(demo, tmp_path):
    path = lying_file(demo, tmp_path, LIES["vote budget 2^31"][0])
    conn = sqlite3.connect(path)
    conn.execute("UPDATE note SET text = CAST(X'6361666502ff' AS TEXT) WHERE id = 5")
    conn.execute("UPDATE touchpoint SET stage_id = 999 WHERE id = 6")
    conn.commit()
    conn.close()
    out = tmp_path / "repaired.cocreate"
    repairs = repair_copy(path, out)
    assert len(repairs) == 3
    store = SessionFile.open(out, read_only=True, lock=False)
    try:
        assert store.row("participant", 2)["vote_budget"] == 99
        assert store.row("note", 5)["text"] == "cafe\x02\ufffd"
        card = store.row("touchpoint", 6)
        first = store.rows("stage", order_by="position", journey_id=card["journey_id"])[0]
        assert card["stage_id"] == first["id"]
    finally:
        store.close()


def test_repair_drops_a_link_to_a_missing_card_and_says_what_it_held(demo, tmp_path):
    path = lying_file(demo, tmp_path, "UPDATE link SET source_id = 777 WHERE id = 1")
    out = tmp_path / "repaired.cocreate"
    (repair,) = repair_copy(path, out)
    assert repair.dropped
    assert str(repair).startswith("table link, row 1: dropped (no touchpoint with id 777")
    assert "source_id=777" in str(repair)


def test_repair_clears_a_dangling_pin_and_the_dots_of_a_missing_participant(demo, tmp_path):
    path = lying_file(demo, tmp_path, "UPDATE note SET cluster_id = 555 WHERE id = 4")
    conn = sqlite3.connect(path)
    vote_id = conn.execute("SELECT min(id) FROM vote").fetchone()[0]
    conn.execute("UPDATE vote SET participant_id = 444 WHERE id = ?", (vote_id,))
    conn.commit()
    conn.close()
    repairs = repair_copy(path, tmp_path / "repaired.cocreate")
    lines = [str(r) for r in repairs]
    assert lines[0].startswith("table note, row 4, column cluster_id: no cluster with id 555")
    assert lines[0].endswith("555 became null")
    assert lines[1].startswith(f"table vote, row {vote_id}: dropped (no participant with id 444")


def test_repair_never_writes_over_the_file_it_repairs(demo, tmp_path):
    path = lying_file(demo, tmp_path, LIES["emotion sad"][0])
    before = path.read_bytes()
    with pytest.raises(ValueError, match="the file to repair itself"):
        repair_copy(path, path)
    assert path.read_bytes() == before


def test_repair_refuses_a_file_that_is_not_a_session(tmp_path):
    path = tmp_path / "notes.cocreate"
    path.write_text("not a database")
    with pytest.raises(SessionFileError):
        repair_copy(path, tmp_path / "out.cocreate")
    assert not (tmp_path / "out.cocreate").exists()


def test_import_json_and_the_file_check_share_the_vote_budget_limit(demo, tmp_path):
    store = SessionFile.open(demo, read_only=True, lock=False)
    try:
        document = session_document(store)
    finally:
        store.close()
    document["participants"][0]["vote_budget"] = 100
    with pytest.raises(JsonImportError, match=r"participants\[0\]\.vote_budget: must be an inte"):
        import_json(json.dumps(document), tmp_path / "imported.cocreate")
    document["participants"][0]["vote_budget"] = 99
    import_json(json.dumps(document), tmp_path / "imported.cocreate")
    SessionFile.open(tmp_path / "imported.cocreate", read_only=True, lock=False).close()


def test_a_text_cut_mid_character_is_found_even_when_the_next_text_would_complete_it(
    demo, tmp_path
):
    # "中" is E4 B8 AD: the title ends with its first two bytes, the theme starts with the last.
    path = lying_file(
        demo,
        tmp_path,
        "UPDATE session SET title = CAST(X'41E4B8' AS TEXT), theme = CAST(X'AD42' AS TEXT)",
    )
    with pytest.raises(BrokenRowError) as caught:
        SessionFile.open(path, read_only=True, lock=False)
    assert caught.value.row.column == "title"
    repairs = repair_copy(path, tmp_path / "repaired.cocreate")
    assert [(r.table, r.column) for r in repairs] == [("session", "title"), ("session", "theme")]


def test_a_name_with_a_line_break_stays_on_one_line_in_the_refusal(demo, tmp_path):
    folder = tmp_path / "two\nlines"
    folder.mkdir()
    path = lying_file(demo, folder, LIES["emotion sad"][0])
    with pytest.raises(BrokenRowError) as caught:
        SessionFile.open(path, read_only=True, lock=False)
    assert "\n" not in caught.value.message
    assert "two\\nlines" in caught.value.message


def test_a_paste_keeps_only_note_values_a_session_file_may_hold():
    # Another program may put anything on the clipboard under cocreate's type; JSON reads
    # Infinity as a number. Written as they are, the file would be refused on its next open.
    from cocreate.canvas.clipboard import clean_notes

    (note,) = clean_notes(
        [{"text": "Queue", "color": "red", "x": float("inf"), "y": 4, "author_id": 2}]
    )
    assert note == {"text": "Queue", "y": 4.0, "author_id": 2}
    (kept,) = clean_notes([{"text": "Queue", "color": "#AABBCC", "x": -3.5}])
    assert kept == {"text": "Queue", "color": "#AABBCC", "x": -3.5}
