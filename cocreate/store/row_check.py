"""Every row of a file checked against cocreate.rules on open, in SQL: one scan of each table that
stops at the first broken value (typeof() for types, ranges, NOT IN for enumerations,
NOT EXISTS for references, length() for texts longer than their limit), after a look at each
table's ids for a table of more than ROWS_MAX rows. Python only words the one problem found,
and checks UTF-8, which SQLite does not (on the few texts that are not plain ASCII).

Control characters and invisible format characters in a stored text are no broken row: files
written before the input rule (cocreate.rules.clean_text) hold them, and every reader and
export copes with them; the document drops them from a text when it is next edited. No Qt.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from cocreate.records import TABLE_ORDER
from cocreate.rules import (
    COLUMNS,
    FLOAT_MAX,
    LINK_TO_ITSELF,
    ROWS_MAX,
    TYPE_WORDS,
    VOTE_TARGET,
    Column,
    text_max,
)
from cocreate.store.errors import BrokenRowError, RowProblem

#: The SQL function that tells whether bytes are UTF-8 text (registered on the connection).
UTF8_FUNCTION = "cocreate_is_utf8"


class Broken(StrEnum):
    """Which kind of rule a condition checks."""

    ID = "id"
    TYPE = "type"
    UTF8 = "utf8"
    VALUE = "value"
    REFERENCE = "reference"
    VOTE_TARGET = "vote_target"
    LINK_TO_ITSELF = "link_to_itself"
    LENGTH = "length"


@dataclass(frozen=True)
class Condition:
    """An SQL condition over the row `t` of a table, true when the row breaks a rule."""

    table: str
    column: str
    kind: Broken
    sql: str


def _is_utf8(data: bytes | None) -> bool:
    if data is None:
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def register(raw: sqlite3.Connection) -> None:
    raw.create_function(UTF8_FUNCTION, 1, _is_utf8, deterministic=True)


def _type_sql(column: Column, c: str) -> str:
    allowed = {str: ["text"], int: ["integer"], float: ["real", "integer"], bool: ["integer"]}
    types = allowed[column.kind] + (["null"] if column.nullable else [])
    broken = f"typeof({c}) NOT IN ({', '.join(repr(t) for t in types)})"
    if column.kind is float:
        return f"({broken} OR abs({c}) > {FLOAT_MAX!r})"
    if column.kind is bool:
        return f"({broken} OR {c} NOT IN (0, 1))"
    return broken


def _column_conditions(column: Column) -> list[Condition]:
    t, name = column.table, column.name
    c = f't."{name}"'
    if name == "id":
        return [Condition(t, name, Broken.ID, f"{c} < 1")]
    found = [Condition(t, name, Broken.TYPE, _type_sql(column, c))]
    if column.check is not None:
        value = f"({c} IS NOT NULL AND {column.check.broken_sql(c)})"
        found.append(Condition(t, name, Broken.VALUE, value))
    if column.target is None:
        return found
    if column.in_journey:  # missing, or of another journey: one look-up for both
        owner = f'(SELECT p.journey_id FROM "{column.target}" AS p WHERE p.id = {c})'
        broken = f"({c} IS NOT NULL AND {owner} IS NOT t.journey_id)"
    else:
        broken = f'({c} IS NOT NULL AND {c} NOT IN (SELECT id FROM "{column.target}"))'
    found.append(Condition(t, name, Broken.REFERENCE, broken))
    return found


def text_columns(table_name: str) -> list[str]:
    return [name for name, column in COLUMNS[table_name].items() if column.kind is str]


def _utf8_condition(table_name: str) -> Condition:
    """All the texts of a row checked at once, in one call (the zero bytes between them keep
    one text's cut-off sequence from being completed by the next)."""
    joined = " || X'00' || ".join(f't."{name}"' for name in text_columns(table_name))
    sql = f"NOT {UTF8_FUNCTION}(CAST({joined} AS BLOB))"
    return Condition(table_name, "", Broken.UTF8, sql)


def _length_condition(table_name: str, name: str) -> Condition:
    """A text longer than its column holds, in characters (length() counts the characters of a
    text). It comes after the type and UTF-8 conditions, so the value is a text by then."""
    sql = f'length(t."{name}") > {text_max(table_name, name)}'
    return Condition(table_name, name, Broken.LENGTH, sql)


def _conditions(table_name: str) -> list[Condition]:
    found = [c for column in COLUMNS[table_name].values() for c in _column_conditions(column)]
    if text_columns(table_name):
        found.append(_utf8_condition(table_name))
        found += [_length_condition(table_name, name) for name in text_columns(table_name)]
    if table_name == "vote":
        both = "(t.note_id IS NULL) = (t.touchpoint_id IS NULL)"
        found.append(Condition(table_name, "note_id", Broken.VOTE_TARGET, both))
    if table_name == "link":
        itself = "t.source_id = t.target_id"
        found.append(Condition(table_name, "target_id", Broken.LINK_TO_ITSELF, itself))
    return found


#: The conditions of every table, in the order a problem is reported.
CONDITIONS: dict[str, list[Condition]] = {name: _conditions(name) for name in TABLE_ORDER}


def _first_query(table_name: str) -> str:
    cases = " ".join(f"WHEN {c.sql} THEN {i}" for i, c in enumerate(CONDITIONS[table_name]))
    return (
        f'SELECT id, broken FROM (SELECT t.id AS id, CASE {cases} END AS broken FROM "{table_name}"'
        " AS t) WHERE broken IS NOT NULL ORDER BY id LIMIT 1"
    )


_FIRST_QUERIES = {name: _first_query(name) for name in TABLE_ORDER}


def id_span(raw: sqlite3.Connection, table_name: str) -> int | None:
    """How many ids the table's rows span (ids are rowids), None when it holds no row."""
    (span,) = raw.execute(f'SELECT max(id) - min(id) + 1 FROM "{table_name}"').fetchone()
    return span


def first_row_past_limit(raw: sqlite3.Connection, table_name: str, span: int | None) -> int | None:
    """The id of the table's first row past ROWS_MAX (by id), None when it holds no more.
    The ids' span (id_span) answers at once for any table that could not hold more."""
    if span is None or span <= ROWS_MAX:
        return None
    found = raw.execute(
        f'SELECT id FROM "{table_name}" ORDER BY id LIMIT 1 OFFSET {ROWS_MAX}'
    ).fetchone()
    return None if found is None else found[0]


def too_many_rows(table_name: str, row_id: int) -> RowProblem:
    problem = (
        f"the table holds more than {ROWS_MAX} rows, the most a session holds;"
        " this is the first row past them"
    )
    return RowProblem(table_name, row_id, "id", problem)


def first_broken(raw: sqlite3.Connection, table_name: str) -> tuple[int, int] | None:
    """The table's first broken row by id and the index of its first broken condition (in
    CONDITIONS[table_name]), in one scan; None when every row keeps the rules. `register`
    must have run on the connection."""
    return raw.execute(_FIRST_QUERIES[table_name]).fetchone()


def first_problem(raw: sqlite3.Connection) -> RowProblem | None:
    """The first broken value of the file: a table of too many rows first, then by table
    order, row id and column."""
    register(raw)
    spans = {table_name: id_span(raw, table_name) for table_name in TABLE_ORDER}
    for table_name in TABLE_ORDER:
        past = first_row_past_limit(raw, table_name, spans[table_name])
        if past is not None:
            return too_many_rows(table_name, past)
    for table_name in TABLE_ORDER:
        if spans[table_name] is None:
            continue  # no row (and its long query not even prepared: half a new session's open)
        found = first_broken(raw, table_name)
        if found is not None:
            row_id, index = found
            condition = CONDITIONS[table_name][index]
            column, problem = describe(raw, condition, row_id)
            return RowProblem(table_name, row_id, column, problem)
    return None


def check_rows(path: Path, raw: sqlite3.Connection) -> None:
    """Raise BrokenRowError naming the first broken value of the file, if there is one."""
    problem = first_problem(raw)
    if problem is not None:
        raise BrokenRowError(path, problem)


def shown(value: Any) -> str:
    """A value as a message quotes it, cut short."""
    plain = isinstance(value, str | bool) or value is None
    text = json.dumps(value, ensure_ascii=False) if plain else repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def read_value(raw: sqlite3.Connection, table_name: str, column: str, row_id: int) -> Any:
    """A value as SQLite holds it; a blob, or text that is not UTF-8, comes back as bytes."""
    where = f'FROM "{table_name}" WHERE id = ?'
    kind, data = raw.execute(
        f'SELECT typeof("{column}"), CAST("{column}" AS BLOB) {where}', (row_id,)
    ).fetchone()
    if kind == "blob":
        return data
    if kind == "text":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data
    return raw.execute(f'SELECT "{column}" {where}', (row_id,)).fetchone()[0]


def type_problem(column: Column, value: Any) -> str:
    if value is None:
        return f"must be {TYPE_WORDS[column.kind]}, not null"
    wanted = column.type_problem(value) or f"must be {TYPE_WORDS[column.kind]}"
    if isinstance(value, float) and column.kind is float:
        return f"must be a finite number, not {value!r}"
    if isinstance(value, int) and column.kind is bool:
        return f"must be true or false (1 or 0), not {value}"
    words = {str: "text", bytes: "a blob", int: "an integer", float: "a number"}
    return f"{wanted}, not {words.get(type(value), 'null')}"


def not_utf8(raw: sqlite3.Connection, table_name: str, row_id: int) -> list[str]:
    """The text columns of a row whose text is not UTF-8."""
    return [
        name
        for name in text_columns(table_name)
        if isinstance(read_value(raw, table_name, name, row_id), bytes)
    ]


def missing_parent(raw: sqlite3.Connection, column: Column, value: Any) -> bool:
    sql = f'SELECT count(*) FROM "{column.target}" WHERE id = ?'
    return raw.execute(sql, (value,)).fetchone()[0] == 0


def describe(raw: sqlite3.Connection, condition: Condition, row_id: int) -> tuple[str, str]:
    """The column the condition found broken, and what is wrong with its value, in words."""
    if condition.kind is Broken.UTF8:
        return not_utf8(raw, condition.table, row_id)[0], "the text is not valid UTF-8"
    column = COLUMNS[condition.table][condition.column]
    value = read_value(raw, condition.table, condition.column, row_id)
    if condition.kind is Broken.LENGTH:
        return column.name, too_long(condition.table, column.name, value)
    return column.name, _problem(raw, condition, column, value)


def too_long(table_name: str, column: str, text: str) -> str:
    limit = text_max(table_name, column)
    return f"the text is {len(text)} characters long; it may be at most {limit}"


def _problem(raw: sqlite3.Connection, condition: Condition, column: Column, value: Any) -> str:
    match condition.kind:
        case Broken.ID:
            return "must be an integer of at least 1"
        case Broken.TYPE:
            return type_problem(column, value)
        case Broken.VALUE:
            return f"{column.value_problem(value)}, not {shown(value)}"
        case Broken.REFERENCE if missing_parent(raw, column, value):
            return f"no {column.target} with id {value}"
        case Broken.REFERENCE:
            return f"{column.target} {value} belongs to another journey"
        case Broken.VOTE_TARGET:
            return VOTE_TARGET
        case _:
            return LINK_TO_ITSELF
