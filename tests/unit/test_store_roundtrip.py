"""Every table of a .cocreate file survives close and reopen exactly; the file stands alone.

A SQLite file with our application_id and schema version in
user_version, a rollback journal (never WAL) so that the file alone is complete after every
commit, and deletes that undo can reverse exactly.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import SQLModel

from cocreate.model import TABLE_BY_NAME, TABLES
from cocreate.store import Insert, SessionFile, schema
from cocreate.store.ops import CASCADE, ON_DELETE, SET_NULL, inverse_ops

SIDE_SUFFIXES = ("-journal", "-wal", "-shm")

CHINESE = "共创沙龙：客户旅程 认知 → 吸引 → 购买 → 忠诚（预触点/首触点/核心触点/末触点）"
EMOJI = "😀☕🎉 emoji in the middle 👩‍👩‍👧 and a flag 🇨🇳"
LONG = ("长文本😀 " * 2000)[:10_000]
NEWLINES = "first line\nsecond line\r\nthird line\n\n\tindented\n"
MARKUP = "<b>x</b> &amp; &lt;i&gt; <script>alert('x')</script> ]]> <![CDATA[y]]>"
SQLISH = "Robert'); DROP TABLE note;--"

assert len(LONG) == 10_000


def session_fields() -> dict[str, Any]:
    return {
        "title": CHINESE,
        "theme": EMOJI,
        "brand": MARKUP,
        "date": "2026-05-09",
        "facilitator": "王小明",
        "goal": LONG,
        "language": "zh",
    }


def rows_to_insert() -> dict[str, list[dict[str, Any]]]:
    """At least one row for every table but session (which holds exactly one, made by create)."""
    return {
        "persona": [
            {"id": 1, "name": "忠诚顾客", "kind": "loyal", "description": NEWLINES},
            {"id": 2, "name": EMOJI, "kind": "custom", "description": LONG},
        ],
        "journey": [
            {"id": 1, "name": CHINESE, "position": 0, "persona_id": 1, "template": "default"},
            {"id": 2, "name": MARKUP, "position": 1, "persona_id": None, "template": ""},
        ],
        "stage": [
            {
                "id": 1,
                "journey_id": 1,
                "name": "认知",
                "position": 0,
                "color": "#e8eef7",
                "width": 260.0,
            },
            {
                "id": 2,
                "journey_id": 1,
                "name": "吸引 😀",
                "position": 1,
                "color": "#ffffff",
                "width": 312.75,
            },
            {"id": 3, "journey_id": 2, "name": MARKUP, "position": 0, "width": 0.1},
        ],
        "lane": [
            {
                "id": 1,
                "journey_id": 1,
                "kind": "customer_actions",
                "name": "顾客行为",
                "position": 0,
                "hidden": False,
            },
            {
                "id": 2,
                "journey_id": 1,
                "kind": "backstage",
                "name": NEWLINES,
                "position": 1,
                "hidden": True,
            },
            {"id": 3, "journey_id": 2, "kind": "custom", "name": "", "position": 0},
        ],
        "touchpoint": [
            {
                "id": 1,
                "journey_id": 1,
                "stage_id": 1,
                "lane_id": 1,
                "position": 0,
                "title": "小程序下单 ☕",
                "description": LONG,
                "channel": "mini_program",
                "kind": "first",
                "emotion": -2,
                "score": None,
                "branded": True,
                "breakpoint": True,
                "status": "in_progress",
                "owner": "李雷",
            },
            {
                "id": 2,
                "journey_id": 1,
                "stage_id": 2,
                "lane_id": 2,
                "position": 3,
                "title": MARKUP,
                "description": NEWLINES,
                "channel": "store",
                "kind": "end",
                "emotion": 2,
                "score": 10,
                "branded": False,
                "breakpoint": False,
                "status": "done",
                "owner": SQLISH,
            },
            {"id": 3, "journey_id": 2, "stage_id": 3, "lane_id": 3, "score": 0},
        ],
        "link": [
            {"id": 1, "journey_id": 1, "source_id": 1, "target_id": 2, "label": EMOJI},
            {"id": 2, "journey_id": 1, "source_id": 2, "target_id": 1, "label": ""},
        ],
        "participant": [
            {
                "id": 1,
                "name": "韩梅梅",
                "color": "#ff8a65",
                "role": "facilitator",
                "vote_budget": 0,
                "position": 0,
            },
            {"id": 2, "name": MARKUP, "role": "customer", "vote_budget": 12, "position": 1},
        ],
        "cluster": [
            {"id": 1, "journey_id": 1, "title": "痛点：排队 🎉"},
        ],
        "feedback": [
            {
                "id": 1,
                "journey_id": 1,
                "stage_id": 1,
                "touchpoint_id": 1,
                "score": 0,
                "comment": MARKUP + NEWLINES,
                "date": "2026-03-05T10:30",
                "channel": "微信",
                "tier": "金卡",
                "customer_type": "loyal",
                "respondent": EMOJI,
                "source": "问卷.xlsx",
                "source_row": 2,
            },
            {"id": 2, "journey_id": 2, "score": 10},
        ],
        "note": [
            {
                "id": 1,
                "journey_id": 1,
                "text": LONG,
                "author_id": 1,
                "color": "#fff59d",
                "category": "pain_point",
                "x": -120.5,
                "y": 3.25,
                "stage_id": 1,
                "touchpoint_id": 1,
                "cluster_id": 1,
                "hidden": True,
                "created_at": "2026-05-09T10:00:00+08:00",
                "feedback_id": 1,
            },
            {
                "id": 2,
                "journey_id": 2,
                "text": MARKUP + NEWLINES,
                "author_id": None,
                "category": "",
                "x": 0.0,
                "y": 1e6,
                "stage_id": None,
                "touchpoint_id": None,
                "cluster_id": None,
                "hidden": False,
            },
            {"id": 3, "journey_id": 1, "text": EMOJI, "author_id": 2, "category": "idea"},
        ],
        "vote": [
            {"id": 1, "participant_id": 1, "note_id": 1, "touchpoint_id": None},
            {"id": 2, "participant_id": 2, "note_id": None, "touchpoint_id": 2},
            {"id": 3, "participant_id": 2, "note_id": 3, "touchpoint_id": None},
        ],
    }


def full_row(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """The row as the file must give it back: every column, defaults filled in by the model."""
    return TABLE_BY_NAME[table_name](**row).model_dump()


def typed(rows: list[dict[str, Any]]) -> list[dict[str, tuple[type, Any]]]:
    """Rows with the type of each value, so True never passes for 1 nor 1.0 for 1."""
    return [{key: (type(value), value) for key, value in row.items()} for row in rows]


def dump(store: SessionFile) -> dict[str, list[dict[str, Any]]]:
    return {model.__tablename__: store.rows(model.__tablename__) for model in TABLES}


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    folder = tmp_path / "salons"
    folder.mkdir()
    return folder / "salon.cocreate"


def test_every_table_round_trips_exactly_through_the_file(session_path: Path) -> None:
    inserts = rows_to_insert()
    # The test data covers every table of the model: a new table must get rows here too.
    assert set(inserts) | {"session"} == {model.__tablename__ for model in TABLES}

    store = SessionFile.create(session_path, **session_fields())
    for model in TABLES:  # parents before children
        name = model.__tablename__
        if name in inserts:
            store.apply([Insert(name, dict(row)) for row in inserts[name]])
    created_row = store.session_row()
    store.close()

    expected = {name: [full_row(name, row) for row in rows] for name, rows in inserts.items()}
    expected["session"] = [
        full_row(
            "session",
            {
                "id": 1,
                "created_at": created_row["created_at"],
                "app_version": created_row["app_version"],
            }
            | session_fields(),
        )
    ]

    reopened = SessionFile.open(session_path)
    try:
        assert not reopened.read_only
        found = dump(reopened)
    finally:
        reopened.close()

    for model in TABLES:
        name = model.__tablename__
        columns = [c.name for c in SQLModel.metadata.tables[name].columns]
        assert all(list(row) == columns for row in found[name]), name
        assert typed(found[name]) == typed(expected[name]), name
    assert created_row["created_at"] and created_row["app_version"]


def test_text_is_stored_as_plain_text_not_escaped(session_path: Path) -> None:
    """Any SQLite tool reading the file sees exactly what people typed."""
    store = SessionFile.create(session_path, title=MARKUP, goal=LONG)
    store.apply(
        [
            Insert("journey", {"id": 1, "name": CHINESE}),
            Insert("note", {"id": 1, "journey_id": 1, "text": EMOJI + NEWLINES}),
        ]
    )
    store.close()

    raw = sqlite3.connect(session_path)
    try:
        assert raw.execute("SELECT title, goal FROM session").fetchone() == (MARKUP, LONG)
        assert raw.execute("SELECT name FROM journey").fetchone() == (CHINESE,)
        assert raw.execute("SELECT text FROM note").fetchone() == (EMOJI + NEWLINES,)
        assert raw.execute("SELECT length(goal) FROM session").fetchone() == (10_000,)
    finally:
        raw.close()


def test_new_file_says_it_is_ours_and_which_version(session_path: Path) -> None:
    store = SessionFile.create(session_path)
    with store.reading() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()

    raw = sqlite3.connect(session_path)
    try:
        assert raw.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert raw.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    finally:
        raw.close()

    header = session_path.read_bytes()[:100]
    # Bytes 18 and 19 are 1 for a rollback-journal file and 2 for a WAL file.
    assert header[18:20] == b"\x01\x01"
    assert int.from_bytes(header[68:72], "big") == schema.APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == schema.SCHEMA_VERSION


def test_the_file_alone_is_complete_after_every_commit_and_after_close(
    session_path: Path,
) -> None:
    store = SessionFile.create(session_path, title="first")
    assert side_files(session_path) == []
    for i in range(5):
        store.apply([Insert("participant", {"name": f"参与者 {i} 😀"})])
        assert side_files(session_path) == [], f"after commit {i}"
        # A copy of the file alone, taken now, already holds the commit.
        copy = session_path.with_name(f"copy-{i}.cocreate.bak")
        copy.write_bytes(session_path.read_bytes())
        raw = sqlite3.connect(copy)
        try:
            assert raw.execute("SELECT count(*) FROM participant").fetchone()[0] == i + 1
        finally:
            raw.close()
        copy.unlink()
    store.close()
    assert side_files(session_path) == []

    store = SessionFile.open(session_path)
    store.apply([Insert("persona", {"name": "x"})])
    assert side_files(session_path) == []
    store.close()
    assert side_files(session_path) == []


def test_every_foreign_key_has_a_delete_policy() -> None:
    metadata_tables = set(SQLModel.metadata.tables)
    assert metadata_tables == {model.__tablename__ for model in TABLES}
    references = set()
    for name, t in SQLModel.metadata.tables.items():
        for column in t.columns:
            for _fk in column.foreign_keys:
                references.add((name, column.name))
                assert (name, column.name) in ON_DELETE, f"{name}.{column.name} has no policy"
                policy = ON_DELETE[(name, column.name)]
                assert policy in (CASCADE, SET_NULL)
                if policy == SET_NULL:
                    assert column.nullable, f"{name}.{column.name} cannot be set to NULL"
    # No stale entries for columns that are not foreign keys (any more).
    assert set(ON_DELETE) == references


def cross_linked_session(path: Path) -> SessionFile:
    """Two journeys whose rows refer to each other across the journey boundary."""
    store = SessionFile.create(path, title="删除测试")
    data = rows_to_insert()
    for model in TABLES:
        name = model.__tablename__
        if name in data:
            store.apply([Insert(name, dict(row)) for row in data[name]])
    store.apply(
        [
            # Journey 2 rows pinned to journey 1 rows: they stay, unpinned, when journey 1 goes.
            Insert(
                "note",
                {
                    "id": 10,
                    "journey_id": 2,
                    "text": "pinned across",
                    "stage_id": 1,
                    "touchpoint_id": 2,
                    "author_id": 1,
                },
            ),
            Insert("vote", {"id": 10, "participant_id": 1, "touchpoint_id": 3}),
            Insert("vote", {"id": 11, "participant_id": 1, "note_id": 10}),
            # A link from journey 2 to a touchpoint of journey 1: it goes with its target.
            Insert("link", {"id": 10, "journey_id": 2, "source_id": 3, "target_id": 1}),
        ]
    )
    return store


def test_deleting_a_journey_removes_its_dependants_and_undo_restores_them(
    session_path: Path,
) -> None:
    store = cross_linked_session(session_path)
    try:
        before = dump(store)
        ops = store.delete_ops("journey", [1])
        store.apply(ops)
        after = dump(store)

        assert [r["id"] for r in after["journey"]] == [2]
        for name in ("stage", "lane", "touchpoint", "link", "cluster", "note"):
            assert all(r["journey_id"] == 2 for r in after[name]), name
        assert [r["id"] for r in after["stage"]] == [3]
        assert [r["id"] for r in after["touchpoint"]] == [3]
        # The link of journey 2 pointing into journey 1 went with its target.
        assert after["link"] == []
        # Votes on deleted notes and touchpoints went; the others stayed.
        assert sorted(r["id"] for r in after["vote"]) == [10, 11]
        # A note of journey 2 that was pinned into journey 1 stays, unpinned.
        pinned = next(r for r in after["note"] if r["id"] == 10)
        assert (pinned["stage_id"], pinned["touchpoint_id"], pinned["author_id"]) == (None, None, 1)
        # Rows outside the journey are untouched.
        for name in ("session", "persona", "participant"):
            assert after[name] == before[name], name
        with store.reading() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []

        store.apply(inverse_ops(ops))
        assert dump(store) == before
    finally:
        store.close()

    # Rows that cross journeys break the rules a file is checked against on open (only the
    # store's deletes are tested with them): read them back without that check.
    reopened = SessionFile.open(session_path, check_rows=False)
    try:
        assert dump(reopened) == before
    finally:
        reopened.close()


@pytest.mark.parametrize(
    ("table_name", "row_id"),
    [
        ("participant", 1),
        ("stage", 1),
        ("touchpoint", 1),
        ("persona", 1),
        ("cluster", 1),
        ("note", 1),
    ],
)
def test_deleting_any_parent_keeps_references_whole_and_is_undoable(
    session_path: Path, table_name: str, row_id: int
) -> None:
    store = cross_linked_session(session_path)
    try:
        before = dump(store)
        ops = store.delete_ops(table_name, [row_id])
        store.apply(ops)
        assert store.row(table_name, row_id) is None
        with store.reading() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        store.apply(inverse_ops(ops))
        assert dump(store) == before
    finally:
        store.close()
