"""A whole session as one JSON document, and back: `cocreate export-json` / `import-json`.

The format ("cocreate-session", version 3) holds every column of every table, with rows referring
to each other by the ids they have in the file. Version 3 adds the survey answers of each journey
(`feedback`, schema 4); version 2 and 1 documents are still read, as sessions without answers.
Version 2 measures a free note's x, y from the board's top-left corner, as schema 3 of the file
does; version 1 documents, which measured them from the canvas's, are converted. Rows of a
journey are nested in it, so they carry no `journey_id`. Output is deterministic (fixed row
order, sorted keys, two-space indent, a final newline): export → import → export gives the same
bytes.

Import checks the whole document before it writes anything and reports the first problem with
its place in the document, like `journeys[0].touchpoints[3].emotion: must be an integer from -2
to 2`. Texts are taken as people's text is from any way in (cocreate.rules.clean_text: no
control or invisible format characters), and then must fit their column (text_max); a table
holds at most ROWS_MAX rows. The new file is then written in one transaction. No Qt.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from cocreate.layout import board_shift, compute_layout, is_free
from cocreate.records import TABLE_ORDER, Row
from cocreate.rules import (
    COLUMNS,
    LINK_TO_ITSELF,
    ROWS_MAX,
    VOTE_TARGET,
    Column,
    clean_text,
    text_max,
)
from cocreate.store import SessionFile
from cocreate.store.ops import insert_rows, table

FORMAT = "cocreate-session"
VERSION = 3
#: The oldest version import still reads (and converts).
OLDEST_VERSION = 1

#: The lists of rows nested in each journey: key in the document -> table. Their rows belong to
#: the journey they are nested in.
JOURNEY_PARTS: dict[str, str] = {
    "stages": "stage",
    "lanes": "lane",
    "touchpoints": "touchpoint",
    "links": "link",
    "clusters": "cluster",
    "feedback": "feedback",
    "notes": "note",
}

#: The lists of rows at the top of the document: key -> table.
TOP_LISTS: dict[str, str] = {
    "personas": "persona",
    "participants": "participant",
    "journeys": "journey",
    "votes": "vote",
}

#: Tables whose rows are listed by position (then id); the others are listed by id.
_BY_POSITION = {"participant", "journey", "stage", "lane"}

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


class JsonImportError(ValueError):
    """The JSON document cannot become a session; `message` says where and why."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


# -- export -------------------------------------------------------------------------------------


def read_tables(store: SessionFile) -> dict[str, list[Row]]:
    """Every row of every table in export order, read in one read transaction.

    One transaction makes the copy consistent even while the app writes to the file. Rows with
    a position come by position, then id; the others by id.
    """
    tables: dict[str, list[Row]] = {}
    with store.reading() as conn:  # the first select begins the transaction, close ends it
        for name in TABLE_ORDER:
            t = table(name)
            order = [t.c.position, t.c.id] if name in _BY_POSITION else [t.c.id]
            query = select(t).order_by(*order)
            tables[name] = [dict(row) for row in conn.execute(query).mappings()]
    return tables


def session_document(store: SessionFile) -> dict[str, Any]:
    """The session as the JSON document's data (plain dicts and lists)."""
    tables = read_tables(store)
    journeys = []
    for journey in tables["journey"]:
        item = dict(journey)
        for key, table_name in JOURNEY_PARTS.items():
            item[key] = [
                {name: value for name, value in row.items() if name != "journey_id"}
                for row in tables[table_name]
                if row["journey_id"] == journey["id"]
            ]
        journeys.append(item)
    (session,) = tables["session"]
    return {
        "format": FORMAT,
        "version": VERSION,
        "session": session,
        "personas": tables["persona"],
        "participants": tables["participant"],
        "journeys": journeys,
        "votes": tables["vote"],
    }


def dumps(document: dict[str, Any]) -> str:
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    return text + "\n"


def export_json(session: Path) -> str:
    """The whole session file as JSON text. SessionFileError if the file cannot be read."""
    store = SessionFile.open(Path(session), read_only=True, lock=False)
    try:
        return dumps(session_document(store))
    finally:
        store.close()


# -- import ---------------------------------------------------------------------------------------


class _Object(dict):
    """A JSON object as parsed, remembering the first key that appeared twice in it."""

    duplicate: str | None = None


def _object_pairs(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    for key, value in pairs:
        if key in obj and obj.duplicate is None:
            obj.duplicate = key
        obj[key] = value
    return obj


def _reject_constant(name: str) -> Any:
    raise JsonImportError(f"the document: {name} is not a valid JSON number")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonImportError(f"the document: the number {text} is too large")
    return value


def parse(text: str) -> Any:
    """JSON text -> data, or JsonImportError with the line and column of a syntax error."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return json.loads(
            text,
            object_pairs_hook=_object_pairs,
            parse_constant=_reject_constant,
            parse_float=_parse_float,
        )
    except json.JSONDecodeError as exc:
        raise JsonImportError(
            f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
        ) from None
    except RecursionError:
        raise JsonImportError("the document: it is nested too deeply") from None
    except JsonImportError:
        raise
    except ValueError as exc:  # for instance an integer with more digits than Python reads
        raise JsonImportError(f"the document: {exc}") from None


def _at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    name = key if key.isidentifier() else f"[{json.dumps(key, ensure_ascii=False)}]"
    if not path:
        return name
    return f"{path}{name}" if name.startswith("[") else f"{path}.{name}"


def _fail(path: str, problem: str) -> JsonImportError:
    return JsonImportError(f"{path or 'the document'}: {problem}")


@dataclass
class _Placed:
    """A checked row, where it was in the document and the journey it is nested in."""

    table: str
    path: str
    row: Row
    journey_id: int | None


class _Reader:
    """Checks a parsed document and turns it into rows, raising at the first problem."""

    def __init__(self) -> None:
        self.placed: list[_Placed] = []
        self.ids: dict[str, dict[int, str]] = {name: {} for name in TABLE_ORDER}
        self.journey_of: dict[str, dict[int, int]] = {name: {} for name in TABLE_ORDER}
        self.session: Row = {}
        self.version = VERSION

    # -- shapes and values

    def object(self, value: Any, path: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _fail(path, "must be an object")
        if isinstance(value, _Object) and value.duplicate is not None:
            raise _fail(_at(path, value.duplicate), "the key appears twice")
        for key in sorted(value):
            if key not in allowed:
                raise _fail(_at(path, key), "unknown key")
        return value

    def array(self, data: dict[str, Any], key: str, path: str) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise _fail(_at(path, key), "must be an array")
        return value

    def value(self, column: Column, value: Any, path: str) -> Any:
        problem = column.type_problem(value)
        if problem:
            raise _fail(path, problem)
        if value is None:
            return None
        if column.kind is int and not _INT64_MIN <= value <= _INT64_MAX:
            raise _fail(path, "the integer is too large")
        if column.kind is float:
            value = float(value)
        if column.kind is str:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise _fail(path, "the text is not valid Unicode (an unpaired surrogate)") from None
            value = clean_text(value)
            limit = text_max(column.table, column.name)
            if len(value) > limit:
                raise _fail(
                    path, f"the text is {len(value)} characters long; it may be at most {limit}"
                )
        problem = column.value_problem(value)
        if problem:
            raise _fail(path, problem)
        return value

    def row(
        self,
        data: Any,
        path: str,
        table_name: str,
        journey_id: int | None = None,
        extra_keys: frozenset[str] = frozenset(),
    ) -> Row:
        columns = COLUMNS[table_name]
        nested = journey_id is not None
        data = self.object(data, path, set(columns) | extra_keys)
        row: Row = {}
        for name, column in columns.items():
            where = _at(path, name)
            if nested and name == "journey_id":
                if name in data and data[name] != journey_id:
                    raise _fail(
                        where, f"must be the id of the journey it is in ({journey_id}) or left out"
                    )
                row[name] = journey_id
                continue
            if name not in data:
                if column.required:
                    raise _fail(where, "required key is missing")
                row[name] = column.default
                continue
            row[name] = self.value(column, data[name], where)
        row_id = row["id"]
        if row_id < 1:
            raise _fail(_at(path, "id"), "must be an integer of at least 1")
        seen = self.ids[table_name]
        if len(seen) >= ROWS_MAX:
            raise _fail(path, f"a session holds at most {ROWS_MAX} {table_name} rows")
        if row_id in seen:
            raise _fail(
                _at(path, "id"), f"duplicate {table_name} id {row_id} (also at {seen[row_id]})"
            )
        seen[row_id] = path
        if nested:
            self.journey_of[table_name][row_id] = journey_id
        self.placed.append(_Placed(table_name, path, row, journey_id))
        return row

    def session_row(self, data: Any) -> None:
        columns = COLUMNS["session"]
        data = self.object(data, "session", set(columns))
        if "id" in data and (type(data["id"]) is not int or data["id"] != 1):
            raise _fail("session.id", "must be 1 or left out")
        for name, column in columns.items():
            if name != "id" and name in data:
                self.session[name] = self.value(column, data[name], _at("session", name))

    def document(self, data: Any) -> None:
        if not isinstance(data, dict):
            raise _fail("", "must be a JSON object")
        if isinstance(data, _Object) and data.duplicate is not None:
            raise _fail(_at("", data.duplicate), "the key appears twice")
        if "format" not in data:
            raise _fail(
                "format",
                f'required key is missing (a cocreate session export says "format": "{FORMAT}")',
            )
        if data["format"] != FORMAT:
            raise _fail("format", f'must be "{FORMAT}"; this is not a cocreate session export')
        if "version" not in data:
            raise _fail("version", "required key is missing")
        version = data["version"]
        if type(version) is not int:
            raise _fail("version", f"must be an integer from {OLDEST_VERSION} to {VERSION}")
        if version > VERSION:
            raise _fail(
                "version",
                f"{version} is newer than this cocreate reads ({VERSION}); update cocreate",
            )
        if version < OLDEST_VERSION:
            raise _fail("version", f"must be an integer from {OLDEST_VERSION} to {VERSION}")
        self.version = version
        self.object(data, "", {"format", "version", "session", *TOP_LISTS})
        if "session" not in data:
            raise _fail("session", "required key is missing")
        self.session_row(data["session"])
        for key in ("personas", "participants"):
            for index, item in enumerate(self.array(data, key, "")):
                self.row(item, _at(key, index), TOP_LISTS[key])
        for index, item in enumerate(self.array(data, "journeys", "")):
            path = _at("journeys", index)
            journey = self.row(item, path, "journey", extra_keys=frozenset(JOURNEY_PARTS))
            for key, table_name in JOURNEY_PARTS.items():
                for part_index, part in enumerate(self.array(item, key, path)):
                    self.row(part, _at(_at(path, key), part_index), table_name, journey["id"])
        for index, item in enumerate(self.array(data, "votes", "")):
            path = _at("votes", index)
            vote = self.row(item, path, "vote")
            if (vote["note_id"] is None) == (vote["touchpoint_id"] is None):
                raise _fail(path, VOTE_TARGET)
        self.references()

    # -- references

    def references(self) -> None:
        """Every id a row names is a row of the document, of the same journey where it must be."""
        for placed in self.placed:
            for name, column in COLUMNS[placed.table].items():
                value = placed.row[name]
                if column.target is None or value is None or name == "journey_id":
                    continue
                where = _at(placed.path, name)
                if value not in self.ids[column.target]:
                    raise _fail(where, f"no {column.target} with id {value}")
                owner = self.journey_of[column.target].get(value)
                if placed.journey_id is not None and owner is not None:
                    if owner != placed.journey_id:
                        raise _fail(
                            where, f"{column.target} {value} belongs to another journey ({owner})"
                        )
            if placed.table == "link" and placed.row["source_id"] == placed.row["target_id"]:
                raise _fail(_at(placed.path, "target_id"), LINK_TO_ITSELF)

    def rows_by_table(self) -> dict[str, list[Row]]:
        rows: dict[str, list[Row]] = {name: [] for name in TABLE_ORDER}
        for placed in self.placed:
            rows[placed.table].append(placed.row)
        return rows


def read_document(text: str) -> tuple[Row, dict[str, list[Row]]]:
    """Check JSON text fully: (session fields given, rows by table) or JsonImportError."""
    reader = _Reader()
    reader.document(parse(text))
    rows = reader.rows_by_table()
    if reader.version < 2:
        _measure_free_notes_from_the_board(rows)
    return reader.session, rows


def _measure_free_notes_from_the_board(rows: dict[str, list[Row]]) -> None:
    """Version 1 measured free notes from the canvas's corner; now they are on the board."""
    for journey in rows["journey"]:
        mine = {
            name: [row for row in rows[name] if row["journey_id"] == journey["id"]]
            for name in ("stage", "lane", "touchpoint", "note")
        }
        layout = compute_layout(mine["stage"], mine["lane"], mine["touchpoint"])
        free = [row for row in mine["note"] if is_free(row)]
        shift = board_shift(layout, [row["y"] for row in free])
        for row in free:
            row["y"] -= shift


def import_json(text: str, out: Path) -> None:
    """Write the session in the JSON text to a new file at out, in one transaction.

    The whole document is checked first (JsonImportError naming the first problem and where it
    is); nothing is written unless it is all good. FileExistsError if out exists.
    """
    out = Path(out)
    if out.exists():
        raise FileExistsError(out)
    session, rows = read_document(text)

    def fill(conn: Connection) -> None:
        for name in TABLE_ORDER:
            if name != "session":
                insert_rows(conn, name, rows[name])

    SessionFile.create(out, lock=False, fill=fill, **session).close()
