"""CSV export: Excel-ready tables (touchpoints, notes, and the survey answers when a session has
any) that a spreadsheet reads back whole."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection

from cocreate.demo import write_demo
from cocreate.export.csv_export import (
    FEEDBACK_COLUMNS,
    NOTE_COLUMNS,
    TOUCHPOINT_COLUMNS,
    export_csv,
)
from cocreate.store import SessionFile, SessionFileError
from cocreate.store.ops import TABLE_ORDER, insert_rows, table

BOM = b"\xef\xbb\xbf"


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader)


def header(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    return path


def _full(table_name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    defaults = {
        c.name: c.default.arg if c.default is not None else None for c in table(table_name).columns
    }
    return [defaults | row for row in rows]


@pytest.fixture
def awkward(tmp_path: Path) -> Path:
    """Newlines, commas, quotes and formula-like text; a hidden note; a note pinned to a card."""
    rows = {
        "participant": [{"id": 1, "name": "小王", "position": 0}],
        "journey": [{"id": 1, "name": "旅程", "position": 0}],
        "stage": [
            {"id": 1, "journey_id": 1, "name": "认知", "position": 0},
            {"id": 2, "journey_id": 1, "name": "购买", "position": 1},
        ],
        "lane": [
            {"id": 1, "journey_id": 1, "kind": "frontstage", "name": "前台", "position": 0},
            {"id": 2, "journey_id": 1, "kind": "backstage", "name": "", "position": 1},
        ],
        "touchpoint": [
            {
                "id": 1,
                "journey_id": 1,
                "stage_id": 2,
                "lane_id": 2,
                "title": '=HYPERLINK("http://x")',
                "description": '第一行\n第二行, with a comma and "quotes"\r\nthird',
                "emotion": -2,
                "score": None,
                "branded": True,
            },
            {"id": 2, "journey_id": 1, "stage_id": 1, "lane_id": 1, "title": "Ad", "score": 7},
        ],
        "cluster": [{"id": 1, "journey_id": 1, "title": "等待"}],
        "note": [
            {
                "id": 1,
                "journey_id": 1,
                "text": "私密 private\nsecond line",
                "author_id": 1,
                "hidden": True,
                "touchpoint_id": 1,
                "cluster_id": 1,
                "category": "pain_point",
            },
            {"id": 2, "journey_id": 1, "text": "@everyone -1 from me", "stage_id": 1},
            {"id": 3, "journey_id": 1, "text": "loose"},
        ],
        "vote": [
            {"id": 1, "participant_id": 1, "note_id": 1},
            {"id": 2, "participant_id": 1, "note_id": 1},
            {"id": 3, "participant_id": 1, "touchpoint_id": 1},
        ],
    }

    def fill(conn: Connection) -> None:
        for name in TABLE_ORDER:
            if name in rows:
                insert_rows(conn, name, _full(name, rows[name]))

    path = tmp_path / "awkward.cocreate"
    SessionFile.create(path, lock=False, fill=fill).close()
    return path


def test_every_file_starts_with_a_byte_order_mark(demo, tmp_path):
    paths = export_csv(demo, tmp_path / "csv")
    assert [p.name for p in paths] == ["notes.csv", "touchpoints.csv", "feedback.csv"]
    for path in paths:
        assert path.read_bytes().startswith(BOM)
        assert not path.read_bytes()[3:].startswith(BOM)
    assert header(paths[0]) == list(NOTE_COLUMNS)
    assert header(paths[1]) == list(TOUCHPOINT_COLUMNS)
    assert header(paths[2]) == list(FEEDBACK_COLUMNS)


def test_demo_counts_text_and_votes_match_the_session(demo, tmp_path):
    notes_csv, touchpoints_csv, feedback_csv = export_csv(demo, tmp_path / "csv")
    store = SessionFile.open(demo, read_only=True, lock=False)
    try:
        touchpoints = store.rows("touchpoint")
        notes = store.rows("note")
        votes = store.rows("vote")
        answers = store.rows("feedback")
    finally:
        store.close()
    tp_rows, note_rows = read_csv(touchpoints_csv), read_csv(notes_csv)
    assert len(tp_rows) == len(touchpoints) and len(note_rows) == len(notes)
    answer_rows = read_csv(feedback_csv)
    assert [r["comment"] for r in answer_rows] == [a["comment"] for a in answers]
    assert [int(r["score"]) for r in answer_rows] == [a["score"] for a in answers]

    tp_votes = Counter(v["touchpoint_id"] for v in votes if v["touchpoint_id"])
    expected = Counter((tp["title"], tp_votes[tp["id"]]) for tp in touchpoints)
    assert Counter((r["title"], int(r["votes"])) for r in tp_rows) == expected
    note_votes = Counter(v["note_id"] for v in votes if v["note_id"])
    expected = Counter((n["text"], note_votes[n["id"]]) for n in notes)
    assert Counter((r["text"], int(r["votes"])) for r in note_rows) == expected
    assert sum(int(r["votes"]) for r in tp_rows + note_rows) == len(votes) > 0

    assert any("会员忠诚旅程" in r["journey"] for r in tp_rows)  # Chinese read back as written
    assert {r["emotion"] for r in tp_rows} <= {"-2", "-1", "0", "1", "2"}
    assert {r["branded"] for r in tp_rows} <= {"yes", "no"}


def test_touchpoints_come_in_journey_stage_lane_order(demo, tmp_path):
    touchpoints_csv = export_csv(demo, tmp_path / "csv")[1]
    rows = read_csv(touchpoints_csv)
    store = SessionFile.open(demo, read_only=True, lock=False)
    try:
        journeys = [j["name"] for j in store.rows("journey", order_by="position")]
        first_stages = [s["name"] for s in store.rows("stage", order_by="position", journey_id=1)]
    finally:
        store.close()
    seen_journeys = list(dict.fromkeys(r["journey"] for r in rows))
    assert seen_journeys == [j for j in journeys if j in seen_journeys]
    stages = list(dict.fromkeys(r["stage"] for r in rows if r["journey"] == journeys[0]))
    assert stages == [s for s in first_stages if s in stages]


def test_newlines_quotes_and_commas_survive(awkward, tmp_path):
    notes_csv, touchpoints_csv = export_csv(awkward, tmp_path / "csv")
    rows = {r["title"]: r for r in read_csv(touchpoints_csv)}
    card = rows['\'=HYPERLINK("http://x")']
    assert card["description"] == '第一行\n第二行, with a comma and "quotes"\r\nthird'
    assert card["score"] == "" and rows["Ad"]["score"] == "7"
    assert card["emotion"] == "-2" and card["branded"] == "yes" and card["breakpoint"] == "no"
    assert card["lane"] == "backstage"  # a lane without a name shows its kind
    assert card["votes"] == "1"


def test_notes_name_their_pin_cluster_and_author(awkward, tmp_path):
    notes_csv, _ = export_csv(awkward, tmp_path / "csv")
    hidden, at_stage, loose = read_csv(notes_csv)
    # A private note keeps its text for the team, marked hidden.
    assert hidden["text"] == "私密 private\nsecond line" and hidden["hidden"] == "yes"
    assert hidden["touchpoint"] == '\'=HYPERLINK("http://x")'
    assert hidden["stage"] == "购买"  # the stage of the card it is pinned to
    assert hidden["cluster"] == "等待" and hidden["author"] == "小王"
    assert hidden["category"] == "pain_point" and hidden["votes"] == "2"
    assert at_stage["stage"] == "认知" and at_stage["touchpoint"] == ""
    assert at_stage["text"] == "'@everyone -1 from me"  # not a formula in a spreadsheet
    assert loose["stage"] == loose["touchpoint"] == loose["author"] == loose["cluster"] == ""
    assert loose["hidden"] == "no" and loose["votes"] == "0"


def test_the_folder_is_made_and_files_are_replaced_whole(demo, tmp_path):
    folder = tmp_path / "a" / "b"
    export_csv(demo, folder)
    (folder / "notes.csv").write_text("old", encoding="utf-8")
    export_csv(demo, folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "feedback.csv",
        "notes.csv",
        "touchpoints.csv",
    ]
    assert (folder / "notes.csv").read_bytes().startswith(BOM + b"journey,")


def test_a_bad_session_writes_nothing(tmp_path):
    bad = tmp_path / "bad.cocreate"
    bad.write_text("not a session", encoding="utf-8")
    folder = tmp_path / "csv"
    with pytest.raises(SessionFileError):
        export_csv(bad, folder)
    assert not folder.exists()


def test_the_session_is_only_read(demo, tmp_path):
    before = demo.read_bytes()
    export_csv(demo, tmp_path / "csv")
    assert demo.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("demo")) == [
        "demo.cocreate"
    ]
