"""The JSON session format: a lossless, byte-stable round trip, and imports that check first."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection

from cocreate.demo import write_demo
from cocreate.export.json_io import (
    FORMAT,
    VERSION,
    JsonImportError,
    dumps,
    export_json,
    import_json,
)
from cocreate.rules import clean_text
from cocreate.store import SessionFile
from cocreate.store.ops import TABLE_ORDER, insert_rows, table

LONG_TEXT = ("长文本 long text 🎉 <b>not bold</b> " * 400)[:10_000]


def _full(table_name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with every column, defaults where the row does not say (one executemany)."""
    defaults = {
        c.name: c.default.arg if c.default is not None else None for c in table(table_name).columns
    }
    return [defaults | row for row in rows]


def generated_rows() -> dict[str, list[dict[str, Any]]]:
    """A session with the awkward cases: Chinese, emoji, markup-like and very long text, None
    scores, gaps in the ids, an unpinned note, a note without author, hidden notes."""
    return {
        "persona": [
            {"id": 1, "name": "忠诚会员 Loyal 💎", "kind": "loyal", "description": "<b>&amp;</b>"},
            {"id": 4, "name": "Custom ✍️", "kind": "custom", "description": ""},
        ],
        "journey": [
            {"id": 1, "name": "旅程 A", "position": 0, "persona_id": 1, "template": "loyalty"},
            {"id": 5, "name": "Journey <B>", "position": 1, "persona_id": None, "template": ""},
        ],
        "stage": [
            {"id": 1, "journey_id": 1, "name": "认知", "position": 0, "width": 260.0},
            {"id": 2, "journey_id": 1, "name": "购买 & buy", "position": 1, "width": 312.5},
            {"id": 9, "journey_id": 5, "name": "Only", "position": 0, "width": 0.1},
        ],
        "lane": [
            {
                "id": 1,
                "journey_id": 1,
                "kind": "customer_actions",
                "name": "顾客行为",
                "position": 0,
            },
            {"id": 2, "journey_id": 1, "kind": "custom", "name": "", "position": 1, "hidden": True},
            {"id": 3, "journey_id": 5, "kind": "frontstage", "name": "前台", "position": 0},
        ],
        "touchpoint": [
            {
                "id": 1,
                "journey_id": 1,
                "stage_id": 1,
                "lane_id": 1,
                "title": "扫码点单 📱",
                "description": LONG_TEXT,
                "channel": "mini_program",
                "kind": "first",
                "emotion": -2,
                "score": None,
                "branded": True,
                "breakpoint": True,
                "status": "in_progress",
                "owner": "门店 Store",
            },
            {
                "id": 2,
                "journey_id": 1,
                "stage_id": 2,
                "lane_id": 2,
                "position": 3,
                "title": "<script>alert('x')</script>",
                "description": "line 1\nline 2\r\n\ttabbed \\ backslash \x00 nul",
                "score": 0,
            },
            {
                "id": 30,
                "journey_id": 5,
                "stage_id": 9,
                "lane_id": 3,
                "title": "=SUM(A1:A9)",
                "emotion": 2,
                "score": 10,
            },
        ],
        "link": [{"id": 1, "journey_id": 1, "source_id": 1, "target_id": 2, "label": "→ 下一步"}],
        "participant": [
            {
                "id": 1,
                "name": "小王 👩‍💻",
                "color": "#FF0000",
                "role": "facilitator",
                "position": 0,
            },
            {"id": 7, "name": 'Ann "A" O\'Neil', "role": "customer", "position": 1},
        ],
        "cluster": [{"id": 1, "journey_id": 1, "title": "等待 Waiting"}],
        "feedback": [
            {
                "id": 1,
                "journey_id": 1,
                "stage_id": 1,
                "touchpoint_id": 1,
                "score": 3,
                "comment": "=SUM(A1) 排队太久 <b>x</b> 😤\nline 2",
                "date": "2026-03-05T10:30",
                "channel": "微信",
                "tier": "金卡",
                "customer_type": "loyal",
                "respondent": "R-001",
                "source": "问卷 survey.xlsx",
                "source_row": 2,
            },
            {"id": 7, "journey_id": 1, "score": 10},
        ],
        "note": [
            {
                "id": 1,
                "journey_id": 1,
                "text": LONG_TEXT,
                "author_id": 1,
                "category": "pain_point",
                "x": 12.5,
                "y": -3.25,
                "stage_id": 1,
                "cluster_id": 1,
                "hidden": True,
                "created_at": "2025-06-14T14:06:00+08:00",
            },
            {
                "id": 2,
                "journey_id": 1,
                "text": "💡 idea\n第二行",
                "touchpoint_id": 2,
                "x": 0.1,
                "y": 1e-7,
            },
            {"id": 3, "journey_id": 5, "text": "&lt;not markup&gt;", "color": "#123abc"},
        ],
        "vote": [
            {"id": 1, "participant_id": 1, "note_id": 1},
            {"id": 2, "participant_id": 7, "touchpoint_id": 30},
            {"id": 3, "participant_id": 7, "note_id": 1},
        ],
    }


def write_generated(path: Path) -> Path:
    rows = generated_rows()

    def fill(conn: Connection) -> None:
        for name in TABLE_ORDER:
            if name in rows:
                insert_rows(conn, name, _full(name, rows[name]))

    SessionFile.create(
        path,
        lock=False,
        fill=fill,
        title="共创沙龙 🎨 <i>salon</i>",
        goal="x" * 10_000,
        language="zh",
    ).close()
    return path


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    return path


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    return write_generated(tmp_path / "generated.cocreate")


def all_rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    store = SessionFile.open(path, read_only=True, lock=False)
    try:
        return {name: store.rows(name) for name in TABLE_ORDER}
    finally:
        store.close()


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def cleaned(value: Any) -> Any:
    """Every text in the value as import-json takes it (clean_text, the one input rule)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {key: cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [cleaned(item) for item in value]
    return value


@pytest.mark.parametrize("which", ["demo", "generated"])
def test_export_import_export_is_byte_identical(which, request, tmp_path):
    """Byte-identical but for the texts the input rule cleans (the generated file has one
    with a CR LF and a NUL, as another program may write it)."""
    source = request.getfixturevalue(which)
    first = export_json(source)
    copy_path = tmp_path / "copy.cocreate"
    import_json(first, copy_path)
    assert export_json(copy_path) == dumps(cleaned(json.loads(first)))
    assert first.endswith("}\n")
    assert all_rows(copy_path) == cleaned(all_rows(source))
    if which == "demo":
        assert export_json(copy_path) == first


def test_every_column_of_every_table_is_in_the_export(generated):
    data = json.loads(export_json(generated))
    assert data["format"] == FORMAT and data["version"] == VERSION
    assert set(data["session"]) == {c.name for c in table("session").columns}
    for key, name in {"personas": "persona", "participants": "participant"}.items():
        assert set(data[key][0]) == {c.name for c in table(name).columns}
    assert set(data["votes"][0]) == {c.name for c in table("vote").columns}
    journey = data["journeys"][0]
    nested = {"stages", "lanes", "touchpoints", "links", "clusters", "feedback", "notes"}
    assert set(journey) == {c.name for c in table("journey").columns} | nested
    parts = {"stages": "stage", "touchpoints": "touchpoint", "notes": "note"}
    parts["feedback"] = "feedback"
    for key, name in parts.items():
        assert set(journey[key][0]) == {c.name for c in table(name).columns} - {"journey_id"}


def test_the_export_keeps_text_as_it_is(generated):
    text = export_json(generated)
    assert "扫码点单 📱" in text  # not \\u escapes
    data = json.loads(text)
    touchpoints = {tp["id"]: tp for j in data["journeys"] for tp in j["touchpoints"]}
    assert touchpoints[1]["description"] == LONG_TEXT
    assert touchpoints[1]["score"] is None
    assert touchpoints[2]["title"] == "<script>alert('x')</script>"
    assert touchpoints[2]["description"].endswith("\x00 nul")
    assert data["session"]["goal"] == "x" * 10_000


def test_rows_are_listed_in_a_stable_order(generated):
    data = json.loads(export_json(generated))
    assert [j["id"] for j in data["journeys"]] == [1, 5]
    assert [s["id"] for s in data["journeys"][0]["stages"]] == [1, 2]
    assert [v["id"] for v in data["votes"]] == [1, 2, 3]
    assert text_keys_sorted(data)


def text_keys_sorted(value: Any) -> bool:
    if isinstance(value, dict):
        return list(value) == sorted(value) and all(map(text_keys_sorted, value.values()))
    if isinstance(value, list):
        return all(map(text_keys_sorted, value))
    return True


def test_missing_optional_fields_take_the_model_defaults(tmp_path):
    document = {
        "format": FORMAT,
        "version": VERSION,
        "session": {"title": "Minimal"},
        "journeys": [
            {
                "id": 1,
                "stages": [{"id": 1}],
                "lanes": [{"id": 1}],
                "touchpoints": [{"id": 1, "stage_id": 1, "lane_id": 1}],
                "notes": [{"id": 1}],
            }
        ],
        "participants": [{"id": 1}],
        "votes": [{"id": 1, "participant_id": 1, "touchpoint_id": 1}],
    }
    out = tmp_path / "minimal.cocreate"
    import_json(json.dumps(document), out)
    rows = all_rows(out)
    touchpoint = rows["touchpoint"][0]
    assert touchpoint["channel"] == "other" and touchpoint["kind"] == "core"
    assert touchpoint["emotion"] == 0 and touchpoint["score"] is None
    assert touchpoint["status"] == "idea" and touchpoint["branded"] is False
    assert rows["stage"][0]["width"] == 260.0 and rows["stage"][0]["color"] == "#e8eef7"
    assert rows["participant"][0]["vote_budget"] == 5
    assert rows["note"][0]["author_id"] is None and rows["note"][0]["hidden"] is False
    session = rows["session"][0]
    assert session["title"] == "Minimal" and session["language"] == "en"
    assert session["created_at"]  # stamped at import when the document does not say


def test_import_refuses_an_existing_file(demo, tmp_path):
    out = tmp_path / "taken.cocreate"
    out.write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        import_json(export_json(demo), out)
    assert out.read_bytes() == b"mine"


def test_a_leading_byte_order_mark_is_accepted(demo, tmp_path):
    out = tmp_path / "bom.cocreate"
    import_json("\ufeff" + export_json(demo), out)
    assert export_json(out) == export_json(demo)


# -- invalid documents ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_document(tmp_path_factory) -> dict[str, Any]:
    """The generated session as parsed JSON: journeys[0] has stages 1, 2 and touchpoints 1, 2;
    journeys[1] has stage 9, lane 3 and touchpoint 30."""
    path = write_generated(tmp_path_factory.mktemp("base") / "base.cocreate")
    return json.loads(export_json(path))


def _set(path: str, value: Any):
    """A mutation that sets the value at a path like 'journeys.0.touchpoints.1.emotion'."""

    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return mutate


def _delete(path: str):
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        del target[last]

    return mutate


def _append(path: str, value: Any):
    def mutate(doc: dict[str, Any]) -> None:
        target: Any = doc
        for part in path.split("."):
            target = target[int(part)] if isinstance(target, list) else target[part]
        target.append(copy.deepcopy(value))

    return mutate


#: name -> (mutation of the base document, or the raw text; expected message)
INVALID: dict[str, tuple[Any, str]] = {
    "syntax error": (
        '{\n  "format": "cocreate-session",\n  "version": 1\n  "session": {}\n}\n',
        "line 4, column 3: not valid JSON",
    ),
    "not an object": ("[1, 2, 3]", "the document: must be a JSON object"),
    "NaN": ('{"format": NaN}', "NaN is not a valid JSON number"),
    "key twice": (
        '{"format": "cocreate-session", "format": "x"}',
        "format: the key appears twice",
    ),
    "wrong format": (_set("format", "trello-board"), 'format: must be "cocreate-session"'),
    "no format": (_delete("format"), "format: required key is missing"),
    "newer version": (
        _set("version", VERSION + 1),
        f"version: {VERSION + 1} is newer than this cocreate reads ({VERSION})",
    ),
    "version as text": (_set("version", "2"), f"version: must be an integer from 1 to {VERSION}"),
    "version zero": (_set("version", 0), f"version: must be an integer from 1 to {VERSION}"),
    "missing session": (_delete("session"), "session: required key is missing"),
    "unknown top-level key": (_set("boards", []), "boards: unknown key"),
    "journeys not a list": (_set("journeys", {}), "journeys: must be an array"),
    "missing required key": (
        _delete("journeys.0.touchpoints.1.stage_id"),
        "journeys[0].touchpoints[1].stage_id: required key is missing",
    ),
    "missing id": (_delete("personas.1.id"), "personas[1].id: required key is missing"),
    "misspelt key": (
        _set("journeys.0.touchpoints.0.emotoin", 1),
        "journeys[0].touchpoints[0].emotoin: unknown key",
    ),
    "text as number": (
        _set("journeys.1.stages.0.name", 3),
        "journeys[1].stages[0].name: must be a string",
    ),
    "boolean as integer": (
        _set("journeys.0.lanes.1.position", True),
        "journeys[0].lanes[1].position: must be an integer",
    ),
    "null where not allowed": (
        _set("journeys.0.touchpoints.0.title", None),
        "journeys[0].touchpoints[0].title: must be a string, not null",
    ),
    "flag as text": (
        _set("journeys.0.notes.0.hidden", "yes"),
        "journeys[0].notes[0].hidden: must be true or false",
    ),
    "width zero": (
        _set("journeys.0.stages.1.width", 0),
        "journeys[0].stages[1].width: must be a number greater than 0",
    ),
    "channel outside the enum": (
        _set("journeys.0.touchpoints.1.channel", "fax"),
        'journeys[0].touchpoints[1].channel: must be one of "store", "app"',
    ),
    "persona kind outside the enum": (
        _set("personas.0.kind", "vip"),
        'personas[0].kind: must be one of "loyal"',
    ),
    "lane kind outside the enum": (
        _set("journeys.1.lanes.0.kind", "Frontstage"),
        "journeys[1].lanes[0].kind: must be one of",
    ),
    "role outside the enum": (_set("participants.1.role", "boss"), "participants[1].role: must"),
    "note category outside the enum": (
        _set("journeys.0.notes.1.category", "rant"),
        'journeys[0].notes[1].category: must be one of "", "pain_point"',
    ),
    "emotion too high": (
        _set("journeys.0.touchpoints.1.emotion", 3),
        "journeys[0].touchpoints[1].emotion: must be an integer from -2 to 2",
    ),
    "emotion as a fraction": (
        _set("journeys.0.touchpoints.1.emotion", 1.5),
        "journeys[0].touchpoints[1].emotion: must be an integer from -2 to 2",
    ),
    "score too high": (
        _set("journeys.1.touchpoints.0.score", 11),
        "journeys[1].touchpoints[0].score: must be an integer from 0 to 10 or null",
    ),
    "score negative": (
        _set("journeys.0.touchpoints.1.score", -1),
        "journeys[0].touchpoints[1].score: must be an integer from 0 to 10 or null",
    ),
    "bad colour": (
        _set("participants.0.color", "red"),
        'participants[0].color: must be a colour like "#ffd54f"',
    ),
    "unpaired surrogate": (
        '{"format": "cocreate-session", "version": 1, "session": {"title": "\\ud800"}}',
        "session.title: the text is not valid Unicode",
    ),
    "touchpoint in a stage of another journey": (
        _set("journeys.0.touchpoints.1.stage_id", 9),
        "journeys[0].touchpoints[1].stage_id: stage 9 belongs to another journey (5)",
    ),
    "touchpoint in an unknown lane": (
        _set("journeys.1.touchpoints.0.lane_id", 77),
        "journeys[1].touchpoints[0].lane_id: no lane with id 77",
    ),
    "link to an unknown touchpoint": (
        _set("journeys.0.links.0.target_id", 999),
        "journeys[0].links[0].target_id: no touchpoint with id 999",
    ),
    "link to another journey": (
        _set("journeys.0.links.0.target_id", 30),
        "journeys[0].links[0].target_id: touchpoint 30 belongs to another journey (5)",
    ),
    "link to itself": (
        _set("journeys.0.links.0.target_id", 1),
        "journeys[0].links[0].target_id: a link cannot join a touchpoint to itself",
    ),
    "note by an unknown author": (
        _set("journeys.0.notes.0.author_id", 42),
        "journeys[0].notes[0].author_id: no participant with id 42",
    ),
    "note pinned to an unknown touchpoint": (
        _set("journeys.0.notes.1.touchpoint_id", 31),
        "journeys[0].notes[1].touchpoint_id: no touchpoint with id 31",
    ),
    "note in a cluster of another journey": (
        _set("journeys.1.notes.0.cluster_id", 1),
        "journeys[1].notes[0].cluster_id: cluster 1 belongs to another journey (1)",
    ),
    "journey with an unknown persona": (
        _set("journeys.1.persona_id", 2),
        "journeys[1].persona_id: no persona with id 2",
    ),
    "nested row naming another journey": (
        _set("journeys.0.stages.0.journey_id", 5),
        "journeys[0].stages[0].journey_id: must be the id of the journey it is in (1)",
    ),
    "vote on an unknown note": (
        _set("votes.0.note_id", 999),
        "votes[0].note_id: no note with id 999",
    ),
    "vote by an unknown participant": (
        _set("votes.2.participant_id", 3),
        "votes[2].participant_id: no participant with id 3",
    ),
    "vote on both a note and a touchpoint": (
        _set("votes.1.note_id", 1),
        "votes[1]: a vote must name exactly one of note_id and touchpoint_id",
    ),
    "vote on nothing": (
        _set("votes.0.note_id", None),
        "votes[0]: a vote must name exactly one of note_id and touchpoint_id",
    ),
    "duplicate stage id": (
        _set("journeys.0.stages.1.id", 1),
        "journeys[0].stages[1].id: duplicate stage id 1 (also at journeys[0].stages[0])",
    ),
    "duplicate touchpoint id across journeys": (
        _set("journeys.1.touchpoints.0.id", 2),
        "journeys[1].touchpoints[0].id: duplicate touchpoint id 2 (also at"
        " journeys[0].touchpoints[1])",
    ),
    "duplicate journey id": (
        _set("journeys.1.id", 1),
        "journeys[1].id: duplicate journey id 1 (also at journeys[0])",
    ),
    "id zero": (_set("votes.2.id", 0), "votes[2].id: must be an integer of at least 1"),
    "huge id": (_set("personas.1.id", 2**70), "personas[1].id: the integer is too large"),
    "second vote row not an object": (_append("votes", "oops"), "votes[3]: must be an object"),
}


@pytest.mark.parametrize("case", list(INVALID))
def test_an_invalid_document_names_its_first_problem_and_writes_nothing(
    case, base_document, tmp_path
):
    change, expected = INVALID[case]
    if isinstance(change, str):
        text = change
    else:
        document = copy.deepcopy(base_document)
        change(document)
        text = dumps(document)
    out = tmp_path / "out" / "imported.cocreate"
    out.parent.mkdir()
    with pytest.raises(JsonImportError) as caught:
        import_json(text, out)
    assert expected in caught.value.message, caught.value.message
    assert str(caught.value) == caught.value.message
    assert "\n" not in caught.value.message
    assert not isinstance(caught.value, ImportError)
    assert files_in(out.parent) == set()


def test_the_base_document_itself_imports(base_document, tmp_path):
    import_json(dumps(base_document), tmp_path / "ok.cocreate")


def test_only_the_first_of_several_problems_is_reported(base_document, tmp_path):
    document = copy.deepcopy(base_document)
    document["journeys"][0]["touchpoints"][0]["emotion"] = 5
    document["journeys"][1]["touchpoints"][0]["score"] = 50
    with pytest.raises(JsonImportError, match=r"^journeys\[0\]\.touchpoints\[0\]\.emotion"):
        import_json(dumps(document), tmp_path / "x.cocreate")


def test_a_deeply_nested_document_is_refused(tmp_path):
    with pytest.raises(JsonImportError, match="nested too deeply|must be a JSON object"):
        import_json("[" * 100_000 + "]" * 100_000, tmp_path / "deep.cocreate")
    assert not (tmp_path / "deep.cocreate").exists()


#: What a session keeps that random text seldom holds: a tab, a line break, a backslash and
#: quotes, joined emoji with a skin tone, combining marks, right-to-left text, a non-character,
#: a private-use character beyond the BMP.
AWKWARD_TEXT = 'tab\there\nline \\ "q" 👩\u200d💻👍🏽 e\u0301\u0302 שלום \ufdd0 \U0010fffd'


@pytest.mark.slow
# 15 random texts a run, as the project's other property tests over files
# (tests/test_document_undo.py): each example writes, exports, imports and reads two session
# files. The awkward characters random text may miss in so few are tried every run.
@settings(max_examples=15, deadline=None)
@given(
    title=st.text().map(clean_text),
    note=st.text().map(clean_text),
    score=st.none() | st.integers(0, 10),
)
@example(title=clean_text(AWKWARD_TEXT), note=clean_text(AWKWARD_TEXT[::-1]), score=10)
def test_any_text_round_trips(tmp_path_factory, title, note, score):
    """Any text a session keeps (import-json cleans what comes in, as every way in does)."""
    rows = {
        "journey": [{"id": 1, "name": title}],
        "stage": [{"id": 1, "journey_id": 1, "name": title}],
        "lane": [{"id": 1, "journey_id": 1}],
        "touchpoint": [
            {"id": 1, "journey_id": 1, "stage_id": 1, "lane_id": 1, "title": title, "score": score}
        ],
        "note": [{"id": 1, "journey_id": 1, "text": note, "touchpoint_id": 1}],
    }

    def fill(conn: Connection) -> None:
        for name in TABLE_ORDER:
            if name in rows:
                insert_rows(conn, name, _full(name, rows[name]))

    # In the tests' temporary folder (tmpfs where there is one), not the disk's.
    with tempfile.TemporaryDirectory(dir=tmp_path_factory.getbasetemp()) as folder:
        source, target = Path(folder) / "a.cocreate", Path(folder) / "b.cocreate"
        SessionFile.create(source, lock=False, fill=fill, title=title).close()
        text = export_json(source)
        import_json(text, target)
        assert export_json(target) == text
        assert all_rows(target) == all_rows(source)
