"""Limits on what people type, and the one input-cleaning rule, where text comes in without a
window: a file whose text is longer than its column holds, or whose table holds more rows than a
session does, is refused on open (`info`, every export) in one line and mended by `repair`;
`import-json` cleans every text and refuses one past its limit, naming where it is."""

from __future__ import annotations

import json
import os
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from cocreate.demo import write_demo
from cocreate.export.json_io import JsonImportError, import_json, session_document
from cocreate.path_checks import LOOP, OutputPathError
from cocreate.rules import NAME_MAX, ROWS_MAX, TEXT_MAX, clean_text, cut, kept_text
from cocreate.store import SessionFile
from cocreate.store.errors import BrokenRowError
from cocreate.store.repair import repair_copy

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: would reorder what is drawn after it


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.cocreate"
    write_demo(path)
    return path


def changed_copy(demo: Path, folder: Path, *statements: str) -> Path:
    path = folder / "salon.cocreate"
    path.write_bytes(demo.read_bytes())
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def repeated(char: str, times: int) -> str:
    """SQL for a text of `times` characters (zeroblob's hex is "00" `times` times)."""
    return f"replace(hex(zeroblob({times})), '00', '{char}')"


def demo_document(demo: Path) -> dict:
    store = SessionFile.open(demo, read_only=True, lock=False)
    try:
        return session_document(store)
    finally:
        store.close()


# -- the rule ----------------------------------------------------------------------------------


def test_kept_text_drops_control_and_override_characters_and_cuts_to_the_limit():
    assert kept_text("note", "text", f"a\x07b{RLO}c\r\nd\te") == "abc\nd\te"
    assert kept_text("note", "text", "中" * (TEXT_MAX + 5)) == "中" * TEXT_MAX
    assert kept_text("touchpoint", "title", "x" * (NAME_MAX + 1)) == "x" * NAME_MAX
    assert kept_text("touchpoint", "description", "x" * (NAME_MAX + 1)) == "x" * (NAME_MAX + 1)


def test_a_cut_keeps_an_accent_with_its_letter():
    # "é" as e + COMBINING ACUTE ACCENT: a cut between them would leave a bare e
    assert cut("caf" + "e\u0301", 4) == "caf"
    assert cut("cafe\u0301s", 5) == "cafe\u0301"
    assert len(cut("a" + "\u0301" * 100, 50)) == 50  # a long run of marks is cut inside


# -- the file check on open --------------------------------------------------------------------


def test_a_text_at_its_limit_in_characters_opens_though_it_is_three_times_as_many_bytes(
    demo, tmp_path
):
    path = changed_copy(
        demo,
        tmp_path,
        f"UPDATE note SET text = {repeated('中', TEXT_MAX)} WHERE id = 5",
        f"UPDATE touchpoint SET title = {repeated('中', NAME_MAX)} WHERE id = 2",
    )
    SessionFile.open(path, read_only=True, lock=False).close()


@pytest.mark.parametrize("command", [["info"], ["export-json", "-o", "out.json"]])
def test_info_and_an_export_refuse_a_note_past_its_limit_in_one_line(cli, demo, tmp_path, command):
    path = changed_copy(
        demo, tmp_path, f"UPDATE note SET text = {repeated('x', 10_001)} WHERE id = 5"
    )
    before = path.read_bytes()
    name, *rest = command
    result = cli(name, path, *[str(tmp_path / arg) if "." in arg else arg for arg in rest])
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"{path}: table note, row 5, column text: the text is 10001 characters long" in lines[0]
    assert "cocreate repair" in lines[0]
    assert path.read_bytes() == before
    assert not (tmp_path / "out.json").exists()


def test_repair_cuts_a_long_title_and_lists_it(cli, demo, tmp_path):
    path = changed_copy(
        demo, tmp_path, f"UPDATE touchpoint SET title = {repeated('T', 501)} WHERE id = 2"
    )
    out = tmp_path / "repaired.cocreate"
    result = cli("repair", path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "table touchpoint, row 2, column title: longer than the 500 characters" in result.stdout
    assert "1 value changed, 0 rows dropped" in result.stdout
    store = SessionFile.open(out, read_only=True, lock=False)
    try:
        assert store.row("touchpoint", 2)["title"] == "T" * NAME_MAX
    finally:
        store.close()


def test_control_characters_in_a_stored_text_are_no_broken_row(demo, tmp_path):
    # Files written before the input rule hold them; the document cleans a text when edited.
    path = changed_copy(demo, tmp_path, "UPDATE note SET text = 'a' || char(7) || 'b' WHERE id = 5")
    SessionFile.open(path, read_only=True, lock=False).close()


@pytest.fixture(scope="module")
def crowded(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with a note table of ROWS_MAX + 3 rows."""
    path = changed_copy(demo, tmp_path_factory.mktemp("crowded"))
    conn = sqlite3.connect(path)
    (have,) = conn.execute("SELECT count(*) FROM note").fetchone()
    columns = [row[1] for row in conn.execute("PRAGMA table_info(note)") if row[1] != "id"]
    names = ", ".join(columns)
    conn.execute(
        f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
        f" INSERT INTO note ({names}) SELECT {names} FROM note, n WHERE note.id = 5",
        (ROWS_MAX + 3 - have,),
    )
    conn.commit()
    conn.close()
    return path


def test_a_table_of_more_rows_than_a_session_holds_is_refused(crowded):
    with pytest.raises(BrokenRowError) as caught:
        SessionFile.open(crowded, read_only=True, lock=False)
    row = caught.value.row
    assert (row.table, row.column) == ("note", "id")
    assert f"more than {ROWS_MAX} rows" in caught.value.message
    assert "cocreate repair" in caught.value.message


@pytest.mark.slow  # about 5 s: the repair scans the 100 000 rows a few times
def test_repair_keeps_the_first_rows_of_a_crowded_table_and_says_how_many_it_dropped(
    crowded, tmp_path
):
    out = tmp_path / "repaired.cocreate"
    repairs = repair_copy(crowded, out)
    (dropped,) = [repair for repair in repairs if repair.dropped]
    assert dropped.rows == 3
    assert f"dropped 3 rows: a session holds at most {ROWS_MAX} rows a table" in str(dropped)
    store = SessionFile.open(out, read_only=True, lock=False)
    try:
        assert store.count("note") == ROWS_MAX
    finally:
        store.close()


def test_repair_to_a_symbolic_link_loop_says_so_in_one_line(demo, tmp_path):
    path = changed_copy(
        demo, tmp_path, f"UPDATE touchpoint SET title = {repeated('T', 501)} WHERE id = 2"
    )
    loop = tmp_path / "loop.cocreate"
    os.symlink(loop, loop)
    with pytest.raises(OutputPathError) as caught:
        repair_copy(path, loop)
    assert caught.value.strerror == LOOP


# -- import-json -------------------------------------------------------------------------------


def test_import_json_cleans_every_text(demo, tmp_path):
    document = demo_document(demo)
    document["session"]["title"] = f"Salon{RLO} 2024\x00"
    document["journeys"][0]["notes"][0]["text"] = "a\x07b\r\nc"
    out = tmp_path / "imported.cocreate"
    import_json(json.dumps(document), out)
    store = SessionFile.open(out, read_only=True, lock=False)
    try:
        assert store.session_row()["title"] == "Salon 2024"
        note_id = document["journeys"][0]["notes"][0]["id"]
        assert store.row("note", note_id)["text"] == "ab\nc"
    finally:
        store.close()


@pytest.mark.parametrize(
    ("place", "value", "words"),
    [
        (
            ("journeys", 0, "notes", 3, "text"),
            "x" * (TEXT_MAX + 1),
            "journeys[0].notes[3].text: the text is 10001 characters long; it may be at most 10000",
        ),
        (
            ("journeys", 0, "touchpoints", 1, "title"),
            "中" * (NAME_MAX + 1),
            "journeys[0].touchpoints[1].title: the text is 501 characters long;"
            " it may be at most 500",
        ),
        (
            ("participants", 0, "vote_budget"),
            2**63 - 1,
            "participants[0].vote_budget: must be an integer from 0 to 99",
        ),
    ],
)
def test_import_json_refuses_a_value_past_its_limit_naming_where_it_is(
    demo, tmp_path, place, value, words
):
    document = demo_document(demo)
    target = document
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = value
    with pytest.raises(JsonImportError) as caught:
        import_json(json.dumps(document), tmp_path / "imported.cocreate")
    assert caught.value.message.startswith(words)
    assert "\n" not in caught.value.message
    assert not (tmp_path / "imported.cocreate").exists()


def test_a_text_past_its_limit_only_before_cleaning_is_imported_clean(demo, tmp_path):
    document = demo_document(demo)
    document["journeys"][0]["touchpoints"][1]["title"] = "T\x07" * NAME_MAX
    out = tmp_path / "imported.cocreate"
    import_json(json.dumps(document), out)
    store = SessionFile.open(out, read_only=True, lock=False)
    try:
        card_id = document["journeys"][0]["touchpoints"][1]["id"]
        assert store.row("touchpoint", card_id)["title"] == clean_text("T\x07" * NAME_MAX)
    finally:
        store.close()


# -- the phones --------------------------------------------------------------------------------


def test_the_room_cleans_by_the_same_rule_and_its_limits_are_within_the_files():
    from cocreate import phone_edits
    from cocreate.room import host, security

    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    for text in [f" a\x07b{RLO}c\r\n\td ", "e\u0301", scotland, "\ufeffpaid\u200b", "\x1b[31m"]:
        assert security.clean_text(text) == unicodedata.normalize("NFC", clean_text(text)).strip()
    assert security.clean_text(f"Go {scotland}!") == f"Go {scotland}!"
    assert host.MAX_NOTE_CHARS <= TEXT_MAX and phone_edits.MAX_NOTE_CHARS <= TEXT_MAX
    assert host.MAX_NAME_CHARS <= NAME_MAX and phone_edits.MAX_NAME_CHARS <= NAME_MAX
