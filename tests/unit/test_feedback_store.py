"""Survey answers in the session file (no Qt): the feedback table and note.feedback_id keep
their rules on open and in `cocreate repair`, older files gain them on upgrade, an import is
one bulk op whose inverse takes it back, and deleting a stage or card keeps its answers
(unlinked) while deleting a journey takes its own, all undoable."""

from __future__ import annotations

import csv
import json
import os
import random
import re
import sqlite3
from pathlib import Path

import pytest

from cocreate import analysis
from cocreate.demo import write_demo
from cocreate.export.csv_export import FEEDBACK_COLUMNS, export_csv
from cocreate.export.json_io import JsonImportError, export_json, import_json
from cocreate.feedback.answers import AnswerError, feedback_scores, import_ops
from cocreate.rules import COLUMNS
from cocreate.store import SessionFile, schema
from cocreate.store.errors import BrokenRowError
from cocreate.store.ops import Delete, DeleteMany, InsertMany, SetMany, inverse_ops
from cocreate.store.repair import repair_copy

TABLES = ("stage", "touchpoint", "feedback", "note", "journey")


def answers_for(store: SessionFile, journey_id: int, count: int) -> list[dict]:
    """Plausible answers about the journey's cards, as cocreate.feedback.plan gives them."""
    cards = store.rows("touchpoint", journey_id=journey_id)
    return [
        {
            "score": index % 11,
            "comment": f"排队太久 {index}" if index % 3 else "",
            "date": "2026-03-05" if index % 2 else "2026-03-05T10:30",
            "channel": "微信",
            "stage_id": cards[index % len(cards)]["stage_id"],
            "touchpoint_id": cards[index % len(cards)]["id"] if index % 4 else None,
            "tier": "金卡",
            "customer_type": "loyal" if index % 5 else "",
            "respondent": f"R{index}",
            "source_row": index + 2,
        }
        for index in range(count)
    ]


def write_demo_with_answers(path: Path) -> None:
    """The demo with 40 answers in journey 1, 5 in journey 2, and a note promoted from one."""
    write_demo(path, answers=False)
    store = SessionFile.open(path, lock=False)
    try:
        for journey_id, count in ((1, 40), (2, 5)):
            store.apply(import_ops(store, journey_id, answers_for(store, journey_id, count), "x"))
        note = store.rows("note", journey_id=1)[0]
        store.apply([store.update_op("note", note["id"], feedback_id=3)])
    finally:
        store.close()


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("answered") / "answered.cocreate"
    write_demo_with_answers(path)
    return path


@pytest.fixture
def store(answered: Path, tmp_path: Path):
    path = tmp_path / "salon.cocreate"
    path.write_bytes(answered.read_bytes())
    store = SessionFile.open(path, lock=False)
    yield store
    store.close()


def snapshot(store: SessionFile) -> dict[str, list[dict]]:
    return {name: store.rows(name) for name in TABLES}


# -- the rules of the file ----------------------------------------------------------------------

#: A lie about a feedback row -> (what the refusal says, what repair makes of the value).
LIES = {
    "score 11": ("UPDATE feedback SET score = 11 WHERE id = 4", "score", "from 0 to 10"),
    "score -1": ("UPDATE feedback SET score = -1 WHERE id = 4", "score", "from 0 to 10"),
    "a date day first": (
        "UPDATE feedback SET date = '5/3/2026' WHERE id = 4",
        "date",
        'must be a date like "2026-03-05"',
    ),
    "an unknown customer type": (
        "UPDATE feedback SET customer_type = 'vip' WHERE id = 4",
        "customer_type",
        "must be one of",
    ),
    "a card of another journey": (
        "UPDATE feedback SET touchpoint_id = (SELECT min(id) FROM touchpoint WHERE journey_id = 2)"
        " WHERE id = 4",
        "touchpoint_id",
        "belongs to another journey",
    ),
    "a stage that is not there": (
        "UPDATE feedback SET stage_id = 999 WHERE id = 4",
        "stage_id",
        "no stage with id 999",
    ),
    "a comment past 10 000 characters": (
        "UPDATE feedback SET comment = replace(hex(zeroblob(10001)), '00', 'c') WHERE id = 4",
        "comment",
        "it may be at most 10000",
    ),
    "a channel past 500 characters": (
        "UPDATE feedback SET channel = replace(hex(zeroblob(501)), '00', 'c') WHERE id = 4",
        "channel",
        "it may be at most 500",
    ),
}


def lying_copy(answered: Path, folder: Path, *statements: str) -> Path:
    path = folder / "lying.cocreate"
    path.write_bytes(answered.read_bytes())
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def test_a_file_with_answers_keeps_every_rule(answered):
    SessionFile.open(answered, read_only=True, lock=False).close()


@pytest.mark.parametrize("name", list(LIES))
def test_a_lying_answer_is_refused_on_open_and_repair_mends_it(answered, tmp_path, name):
    sql, column, words = LIES[name]
    path = lying_copy(answered, tmp_path, sql)
    before = path.read_bytes()
    with pytest.raises(BrokenRowError) as caught:
        SessionFile.open(path, lock=False)
    assert f"table feedback, row 4, column {column}: " in caught.value.message
    assert words in caught.value.message
    assert path.read_bytes() == before

    out = tmp_path / "repaired.cocreate"
    repairs = repair_copy(path, out)
    assert [(r.table, r.row_id, r.column) for r in repairs] == [("feedback", 4, column)]
    repaired = SessionFile.open(out, lock=False)  # keeps every rule now
    try:
        assert repaired.count("feedback") == 45
        row = repaired.row("feedback", 4)
        assert row[column] in (None, "", 0, 10) or len(row[column]) in (500, 10_000)
    finally:
        repaired.close()


def test_an_answer_whose_score_is_not_a_number_is_dropped_by_repair_and_listed(answered, tmp_path):
    path = lying_copy(answered, tmp_path, "UPDATE feedback SET score = 'ten' WHERE id = 3")
    with pytest.raises(BrokenRowError) as caught:
        SessionFile.open(path, lock=False)
    assert "table feedback, row 3, column score: must be an integer from 0 to 10" in str(
        caught.value.message
    )
    repairs = repair_copy(path, tmp_path / "repaired.cocreate")
    # the answer cannot stand without its score; the note promoted from it lets go of it
    assert [(r.table, r.row_id, r.column) for r in repairs] == [
        ("feedback", 3, ""),
        ("note", repairs[1].row_id, "feedback_id"),
    ]
    assert "its score is not an integer" in str(repairs[0]) and "'ten'" not in str(repairs[0])
    repaired = SessionFile.open(tmp_path / "repaired.cocreate", lock=False)
    try:
        assert repaired.count("feedback") == 44 and repaired.row("feedback", 3) is None
    finally:
        repaired.close()


def test_a_note_promoted_from_an_answer_of_another_journey_is_refused(answered, tmp_path):
    other = "(SELECT min(id) FROM feedback WHERE journey_id = 2)"
    path = lying_copy(
        answered, tmp_path, f"UPDATE note SET feedback_id = {other} WHERE journey_id = 1"
    )
    with pytest.raises(BrokenRowError) as caught:
        SessionFile.open(path, read_only=True, lock=False)
    assert "column feedback_id: feedback" in caught.value.message
    assert "belongs to another journey" in caught.value.message


# -- older files --------------------------------------------------------------------------------


def as_version(path: Path, version: int) -> None:
    """Take a current file back to the shape of an older version (before survey answers): no
    feedback table, and the note table as it was made then (SQLite cannot drop a column that
    is a foreign key, so the table is made again without it)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA legacy_alter_table = ON")  # the votes keep naming "note"
    conn.execute("BEGIN")
    (made,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'note'").fetchone()
    old = re.sub(r",\s*FOREIGN KEY\(feedback_id\) REFERENCES feedback \(id\)", "", made)
    old = re.sub(r"\s*feedback_id INTEGER,", "", old)
    assert "feedback" not in old
    indexes = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'note' AND sql IS NOT NULL"
        )
        if "feedback" not in sql and "CREATE TABLE" not in sql
    ]
    columns = ", ".join(
        row[1] for row in conn.execute("PRAGMA table_info(note)") if row[1] != "feedback_id"
    )
    conn.execute(old.replace("CREATE TABLE note", "CREATE TABLE note_old", 1))
    conn.execute(f"INSERT INTO note_old ({columns}) SELECT {columns} FROM note")
    conn.execute("DROP TABLE note")
    conn.execute("ALTER TABLE note_old RENAME TO note")
    for sql in indexes:
        conn.execute(sql)
    conn.execute("DROP TABLE feedback")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("COMMIT")
    conn.close()


def schema_of(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {
            "indexes": sorted(
                name
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")
            ),
            "columns": {
                name: sorted(row[1:4] for row in conn.execute(f'PRAGMA table_info("{name}")'))
                for name in tables
            },
            "foreign keys": {
                name: sorted(row[2:5] for row in conn.execute(f'PRAGMA foreign_key_list("{name}")'))
                for name in tables
            },
            "version": conn.execute("PRAGMA user_version").fetchone()[0],
        }
    finally:
        conn.close()


@pytest.mark.parametrize("version", [2, 3])
def test_an_older_file_gains_the_feedback_table_and_takes_answers(tmp_path, version):
    fresh = tmp_path / "fresh.cocreate"
    write_demo(fresh, answers=False)
    path = tmp_path / f"v{version}.cocreate"
    write_demo(path, answers=False)
    as_version(path, version)
    store = SessionFile.open(path, lock=False)
    try:
        notes = store.rows("note")
        assert notes and all(note["feedback_id"] is None for note in notes)
        assert store.count("feedback") == 0
        store.apply(import_ops(store, 1, answers_for(store, 1, 25), "问卷.csv"))
        store.apply([store.update_op("note", notes[0]["id"], feedback_id=2)])
        kept = snapshot(store)
    finally:
        store.close()
    assert schema_of(path) == schema_of(fresh)  # the same tables, columns, keys and indexes
    assert schema.SCHEMA_VERSION == 4

    again = SessionFile.open(path, lock=False)  # the round trip after the upgrade
    try:
        assert snapshot(again) == kept
        assert again.row("feedback", 1)["source"] == "问卷.csv"
    finally:
        again.close()
    copy = tmp_path / "copy.cocreate"
    import_json(export_json(path), copy)
    assert export_json(copy) == export_json(path)


# -- an import ------------------------------------------------------------------------------------


def test_an_import_is_one_bulk_op_and_its_inverse_takes_it_back(store):
    before = snapshot(store)
    ops = import_ops(store, 2, answers_for(store, 2, 300), "/home/ann/Downloads/survey.xlsx")
    assert len(ops) == 1 and isinstance(ops[0], InsertMany)
    assert snapshot(store) == before  # the ops only read
    change = store.apply(ops)
    rows = store.rows("feedback", journey_id=2)
    assert len(rows) == 305
    assert change.inserted["feedback"] == {row["id"] for row in rows[5:]}
    assert {row["source"] for row in rows[5:]} == {"survey.xlsx"}  # the name, not the folder
    assert [row["source_row"] for row in rows[5:8]] == [2, 3, 4]
    store.apply(inverse_ops(ops))
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("score", 11, "answer 3, score: must be an integer from 0 to 10"),
        ("score", None, "answer 3, score: must be an integer, not null"),
        ("score", "9", "answer 3, score: must be an integer from 0 to 10"),
        ("score", True, "answer 3, score: must be an integer from 0 to 10"),
        ("date", "3/5/2026", "answer 3, date: must be a date"),
        ("customer_type", "custom", "answer 3, customer_type: must be one of"),
        ("touchpoint_id", 1, "answer 3, touchpoint_id: no touchpoint with id 1 in the journey"),
        ("stage_id", 999, "answer 3, stage_id: no stage with id 999 in the journey"),
        ("comment", ["not", "text"], "answer 3, comment: must be a string"),
    ],
)
def test_an_answer_that_breaks_a_rule_stops_the_import_naming_it(store, key, value, words):
    answers = answers_for(store, 2, 5)
    answers[2][key] = value
    answers[4]["score"] = 12  # a later bad answer: the first one is named
    with pytest.raises(AnswerError, match=words):
        import_ops(store, 2, answers, "x.csv")


def test_texts_of_an_import_are_kept_as_the_file_keeps_them(store):
    answers = answers_for(store, 2, 2)
    answers[0]["comment"] = "line\r\nnext \u202eevil" + "x" * 10_100
    answers[1]["tier"] = "金卡\u200b"
    store.apply(import_ops(store, 2, answers, "x.csv"))
    first, second = store.rows("feedback", journey_id=2)[-2:]
    assert first["comment"].startswith("line\nnext evil") and len(first["comment"]) == 10_000
    assert second["tier"] == "金卡"


def test_the_scores_of_a_journey_are_counted_as_analysis_counts_them(store):
    rows = store.rows("feedback", journey_id=1)
    scores = feedback_scores(store, 1)
    assert scores.count == 40
    assert scores.by_touchpoint == analysis.distributions_by(rows, "touchpoint_id")
    assert scores.by_stage == analysis.distributions_by(rows, "stage_id")
    assert scores.nps() == analysis.nps(row["score"] for row in rows)
    assert feedback_scores(store, 99).count == 0


# -- deletes ----------------------------------------------------------------------------------


def test_deleting_a_card_keeps_its_answers_unlinked_and_undo_links_them_again(store):
    card = next(r["touchpoint_id"] for r in store.rows("feedback") if r["touchpoint_id"])
    about = [r["id"] for r in store.rows("feedback", touchpoint_id=card)]
    before = snapshot(store)
    ops = store.delete_ops("touchpoint", [card])
    assert any(isinstance(op, SetMany) and op.table == "feedback" for op in ops)
    change = store.apply(ops)
    assert change.updated["feedback"] == set(about)
    assert store.count("feedback") == 45
    for answer_id in about:
        answer = store.row("feedback", answer_id)
        assert answer["touchpoint_id"] is None and answer["stage_id"] is not None
    store.apply(inverse_ops(ops))
    assert snapshot(store) == before


def test_deleting_a_stage_keeps_its_answers_in_the_journey_and_undo_restores_them(store):
    stage = store.row("feedback", 2)["stage_id"]
    about = {r["id"] for r in store.rows("feedback", stage_id=stage)}
    before = snapshot(store)
    ops = store.delete_ops("stage", [stage])
    store.apply(ops)
    assert store.count("feedback") == 45
    for answer_id in about:
        answer = store.row("feedback", answer_id)
        assert (answer["stage_id"], answer["touchpoint_id"], answer["journey_id"]) == (
            None,
            None,
            1,
        )
    others = [r for r in before["feedback"] if r["id"] not in about]
    assert [store.row("feedback", r["id"]) for r in others] == others
    store.apply(inverse_ops(ops))
    assert snapshot(store) == before


def test_deleting_a_journey_deletes_its_answers_and_undo_brings_them_back(store):
    before = snapshot(store)
    ops = store.delete_ops("journey", [1])
    (bulk,) = [op for op in ops if isinstance(op, DeleteMany)]
    assert bulk.table == "feedback"
    assert sorted(bulk.rows, key=lambda row: row["id"]) == before["feedback"][:40]
    assert not any(isinstance(op, Delete) and op.table == "feedback" for op in ops)
    store.apply(ops)
    assert [r["journey_id"] for r in store.rows("feedback")] == [2] * 5
    store.apply(inverse_ops(ops))
    assert snapshot(store) == before


def test_deleting_the_answer_a_note_was_promoted_from_unlinks_the_note(store):
    note = next(r for r in store.rows("note") if r["feedback_id"] == 3)
    ops = store.delete_ops("feedback", [3])
    store.apply(ops)
    assert store.row("note", note["id"])["feedback_id"] is None
    store.apply(inverse_ops(ops))
    assert store.row("note", note["id"])["feedback_id"] == 3


# -- the JSON format ------------------------------------------------------------------------------


def test_the_demo_with_answers_goes_through_json_byte_for_byte(answered, tmp_path):
    first = export_json(answered)
    data = json.loads(first)
    assert data["version"] == 3
    assert [len(journey["feedback"]) for journey in data["journeys"]] == [40, 5]
    assert "journey_id" not in data["journeys"][0]["feedback"][0]  # nested in its journey
    copy = tmp_path / "copy.cocreate"
    import_json(first, copy)
    assert export_json(copy) == first


def test_a_version_2_document_reads_as_a_session_without_answers(tmp_path):
    demo = tmp_path / "demo.cocreate"
    write_demo(demo, answers=False)
    data = json.loads(export_json(demo))
    data["version"] = 2
    for journey in data["journeys"]:
        del journey["feedback"]
        for note in journey["notes"]:
            del note["feedback_id"]
    copy = tmp_path / "copy.cocreate"
    import_json(json.dumps(data, ensure_ascii=False), copy)
    store = SessionFile.open(copy, lock=False)
    try:
        assert store.count("feedback") == 0
        assert store.count("note") == len(data["journeys"][0]["notes"]) + len(
            data["journeys"][1]["notes"]
        )
    finally:
        store.close()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            lambda answer: answer.update(score=11),
            "journeys[0].feedback[0].score: must be an integer from 0 to 10",
        ),
        (
            lambda answer: answer.pop("score"),
            "journeys[0].feedback[0].score: required key is missing",
        ),
        (
            lambda answer: answer.update(date="yesterday"),
            'journeys[0].feedback[0].date: must be a date like "2026-03-05"',
        ),
        (
            lambda answer: answer.update(touchpoint_id=23),  # a card of the second journey
            "journeys[0].feedback[0].touchpoint_id: touchpoint 23 belongs to another journey (2)",
        ),
    ],
)
def test_import_json_refuses_an_answer_that_breaks_a_rule(answered, tmp_path, change, words):
    data = json.loads(export_json(answered))
    change(data["journeys"][0]["feedback"][0])
    with pytest.raises(JsonImportError) as caught:
        import_json(json.dumps(data, ensure_ascii=False), tmp_path / "copy.cocreate")
    assert caught.value.message.startswith(words)
    assert not (tmp_path / "copy.cocreate").exists()


# -- the CSV export -------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_csv_export_writes_the_answers_by_name_with_formulas_kept_as_text(store, tmp_path):
    answers = answers_for(store, 2, 2)
    answers[0]["comment"] = '=HYPERLINK("http://x") 排队, "太久"\n第二行'
    answers[1]["respondent"] = "+86 138"
    answers[0]["touchpoint_id"], answers[1]["touchpoint_id"] = answers[1]["touchpoint_id"], None
    answers[0]["stage_id"] = answers[1]["stage_id"]
    store.apply(import_ops(store, 2, answers, "回访 survey.csv"))
    card = store.row("touchpoint", answers[0]["touchpoint_id"])
    stage = store.row("stage", answers[1]["stage_id"])
    journey = store.row("journey", 2)
    path = store.path
    store.close()

    paths = export_csv(path, tmp_path / "csv")
    assert [p.name for p in paths] == ["notes.csv", "touchpoints.csv", "feedback.csv"]
    rows = read_csv(tmp_path / "csv" / "feedback.csv")
    assert list(rows[0]) == list(FEEDBACK_COLUMNS)
    assert len(rows) == 47 and [row["journey"] for row in rows[40:]] == [journey["name"]] * 7
    first, second = rows[-2:]
    assert first["comment"] == '\'=HYPERLINK("http://x") 排队, "太久"\n第二行'
    assert (first["touchpoint"], first["stage"]) == (card["title"], stage["name"])
    assert (first["score"], first["source"], first["source_row"]) == ("0", "回访 survey.csv", "2")
    assert second["respondent"] == "'+86 138" and second["touchpoint"] == ""
    assert second["customer_type"] == "loyal" and second["date"] == "2026-03-05"


def test_a_session_without_answers_writes_no_feedback_csv(tmp_path):
    demo = tmp_path / "demo.cocreate"
    write_demo(demo, answers=False)
    paths = export_csv(demo, tmp_path / "csv")
    assert [p.name for p in paths] == ["notes.csv", "touchpoints.csv"]


@pytest.mark.slow
def test_lying_answers_at_random_are_refused_or_open_and_repair_always_mends_them(
    answered, tmp_path
):
    """The lying-file trials of test_row_rules_trials, aimed at the answers and the notes
    promoted from them: one to four cells set to values of every kind; the first cell of each
    trial in the answers' columns in turn, to the values in turn, so that each column and each
    value lies at least once (COCREATE_LYING_TRIALS sets more trials)."""
    from tests.unit.test_row_rules_trials import VALUES, exports, rows

    values = [*VALUES, "2026-03-05", "2026/3/5", "loyal", "custom", 5, 23]
    columns = [name for name in COLUMNS["feedback"] if name != "id"]
    trials = int(os.environ.get("COCREATE_LYING_TRIALS", len(values)))
    rng = random.Random(2027)
    refused = 0
    for trial in range(trials):
        path = tmp_path / "lying.cocreate"
        path.write_bytes(answered.read_bytes())
        conn = sqlite3.connect(path)
        for cell in range(rng.randint(1, 4)):
            table = rng.choice(["feedback", "feedback", "note"]) if cell else "feedback"
            names = [name for name in COLUMNS[table] if name != "id"]
            column = "feedback_id" if table == "note" else rng.choice(names)
            column = column if cell else columns[trial % len(columns)]
            value = rng.choice(values) if cell else values[trial % len(values)]
            ids = [row_id for (row_id,) in conn.execute(f'SELECT id FROM "{table}"')]
            try:
                conn.execute(
                    f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (value, rng.choice(ids))
                )
            except sqlite3.IntegrityError:  # NOT NULL: SQLite keeps that rule itself
                continue
        conn.commit()
        conn.close()
        before = path.read_bytes()
        try:
            exports(path)
        except BrokenRowError as error:
            assert "\n" not in error.message
            refused += 1
        assert path.read_bytes() == before
        out = tmp_path / "repaired.cocreate"
        out.unlink(missing_ok=True)
        repairs = repair_copy(path, out)
        exports(out)  # opens: every rule kept
        dropped = {t: sum(1 for r in repairs if r.dropped and r.table == t) for t in rows(path)}
        assert {t: n - dropped[t] for t, n in rows(path).items()} == rows(out)
    assert refused > trials // 2
