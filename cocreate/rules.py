"""The rules every row of a session keeps: its columns' types, ranges, enumerations and
references. One set, used by `import-json` (on the document's values), by the check on open
(as SQL over the whole file, see store.row_check) and by `cocreate repair` (each rule knows the
nearest value that keeps it). It sits below the store, so the canvas and the window may take
the same limits for what people type. No Qt.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from sqlalchemy.types import Boolean, Float, Integer
from sqlmodel import SQLModel

from cocreate.model import (
    EMOTION_MAX,
    EMOTION_MIN,
    SCORE_MAX,
    SCORE_MIN,
    Channel,
    LaneKind,
    NoteCategory,
    PersonaKind,
    RevealPolicy,
    Role,
    Status,
    TouchpointKind,
)
from cocreate.records import TABLE_ORDER

#: A participant's dots per round: the voting dialog offers 1 to 20.
VOTE_BUDGET_MAX = 99
#: A voting round's number: rounds go up by one, from 1.
ROUND_MAX = 2**31 - 1
#: The largest finite float (a file can hold an infinity; a session cannot).
FLOAT_MAX = 1.7976931348623157e308

#: The longest free text: a note, a description, a goal (far beyond any salon's note).
TEXT_MAX = 10_000
#: The longest title, name, label or any other one-line text.
NAME_MAX = 500
#: The most rows one table of a session holds.
ROWS_MAX = 100_000

#: The text columns that hold free text of up to TEXT_MAX characters; every other text column
#: holds up to NAME_MAX.
LONG_TEXTS = frozenset(
    {
        ("session", "goal"),
        ("persona", "description"),
        ("touchpoint", "description"),
        ("note", "text"),
        ("feedback", "comment"),
    }
)


def text_max(table: str, column: str) -> int:
    """How many characters a text column holds."""
    return TEXT_MAX if (table, column) in LONG_TEXTS else NAME_MAX


#: Invisible format characters kept by clean_text: the joiners that shape Indic, Arabic and
#: emoji text, and the tags of subdivision flags (the flag of Scotland is one).
_KEPT_FORMAT = frozenset({"\u200c", "\u200d"} | {chr(c) for c in range(0xE0020, 0xE0080)})


def _kept(ch: str) -> bool:
    if ch in "\n\t" or ch in _KEPT_FORMAT:
        return True
    return unicodedata.category(ch) not in ("Cc", "Cs", "Cf")


def clean_text(text: str) -> str:
    """People's text as a session keeps it, the one rule for every way in (typing, pasting,
    import-json, phones): line breaks as \\n; no control characters but newline and tab;
    no lone surrogates; no invisible format characters (bidirectional embeddings, overrides
    and isolates would reorder the texts drawn around them) except the joiners and flag tags.
    Everything else, including combining marks and characters beyond the BMP, stays as typed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isprintable():  # the common case: nothing to drop
        return text
    return "".join(ch for ch in text if _kept(ch))


#: How far a cut steps back to keep combining marks with the character they sit on.
_MARKS_KEPT = 32


def _joins_previous(ch: str) -> bool:
    """A character drawn onto the one before it: a combining mark, a variation selector, a
    joiner, an emoji skin tone or flag tag."""
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch in _KEPT_FORMAT
        or "\ufe00" <= ch <= "\ufe0f"
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
    )


def cut(text: str, limit: int) -> str:
    """text, cut to at most `limit` characters; a cut never leaves combining marks apart from
    the character they sit on (unless a run of them is longer than _MARKS_KEPT)."""
    if len(text) <= limit:
        return text
    end = limit
    while end > max(limit - _MARKS_KEPT, 0) and _joins_previous(text[end]):
        end -= 1
    if end == 0 or _joins_previous(text[end]):
        end = limit  # a run of marks too long to keep whole: cut inside it
    return text[:end]


def kept_text(table: str, column: str, text: str) -> str:
    """Text as the column keeps it: cleaned (clean_text) and cut to text_max."""
    return cut(clean_text(text), text_max(table, column))


def kept_texts(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """The row's values with every text of a text column as the column keeps it (kept_text);
    the other values as they are."""
    columns = COLUMNS[table]
    return {
        name: kept_text(table, name, value)
        if isinstance(value, str) and name in columns and columns[name].kind is str
        else value
        for name, value in row.items()
    }


_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_COLOR_GLOB = "#" + "[0-9A-Fa-f]" * 6

#: What a message says for a value of the wrong type.
TYPE_WORDS = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


def sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class Check(ABC):
    """A rule about a value whose type is right: what is wrong with it (None when it keeps
    the rule), the same as an SQL condition that is true when it is broken, and the nearest
    value that keeps it."""

    @abstractmethod
    def problem(self, value: Any) -> str | None: ...

    @abstractmethod
    def broken_sql(self, column: str) -> str: ...

    def fix(self, value: Any, default: Any) -> Any:
        return default


@dataclass(frozen=True)
class OneOf(Check):
    values: tuple[str, ...]

    def problem(self, value: Any) -> str | None:
        if value in self.values:
            return None
        return "must be one of " + ", ".join(json.dumps(v) for v in self.values)

    def broken_sql(self, column: str) -> str:
        return f"{column} NOT IN ({', '.join(sql_text(v) for v in self.values)})"


def one_of(enum: Any, allow_empty: bool = False) -> OneOf:
    return OneOf(tuple(([""] if allow_empty else []) + [member.value for member in enum]))


@dataclass(frozen=True)
class IntRange(Check):
    low: int
    high: int

    def problem(self, value: Any) -> str | None:
        if self.low <= value <= self.high:
            return None
        return f"must be an integer from {self.low} to {self.high}"

    def broken_sql(self, column: str) -> str:
        return f"({column} < {self.low} OR {column} > {self.high})"

    def fix(self, value: Any, default: Any) -> Any:
        return max(self.low, min(self.high, value))


@dataclass(frozen=True)
class Color(Check):
    allow_empty: bool

    def problem(self, value: Any) -> str | None:
        if (self.allow_empty and value == "") or _COLOR.fullmatch(value):
            return None
        return 'must be a colour like "#ffd54f"' + (' or ""' if self.allow_empty else "")

    def broken_sql(self, column: str) -> str:
        broken = f"{column} NOT GLOB '{_COLOR_GLOB}'"
        return f"({broken} AND {column} <> '')" if self.allow_empty else broken


@dataclass(frozen=True)
class Positive(Check):
    def problem(self, value: Any) -> str | None:
        return None if value > 0 else "must be a number greater than 0"

    def broken_sql(self, column: str) -> str:
        return f"{column} <= 0"


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?")
_ISO_DATE_GLOBS = tuple(
    "[0-9]" * 4 + "-[0-9][0-9]-[0-9][0-9]" + time
    for time in ("", "T[0-9][0-9]:[0-9][0-9]", "T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]")
)


@dataclass(frozen=True)
class IsoDate(Check):
    """An ISO 8601 date (2026-03-05), or a date and time to the minute or second
    (2026-03-05T10:30, 2026-03-05T10:30:00), or "". The nearest value that keeps it is ""."""

    def problem(self, value: Any) -> str | None:
        if value == "" or _ISO_DATE.fullmatch(value):
            return None
        return 'must be a date like "2026-03-05" or "2026-03-05T10:30", or ""'

    def broken_sql(self, column: str) -> str:
        globs = " AND ".join(f"{column} NOT GLOB '{glob}'" for glob in _ISO_DATE_GLOBS)
        return f"({column} <> '' AND {globs})"


#: The customer types a survey answer may give (the four of seed 002), or "".
FEEDBACK_CUSTOMER_TYPES = OneOf(
    tuple([""] + [kind.value for kind in PersonaKind if kind is not PersonaKind.CUSTOM])
)

#: The rules beyond the column's type: (table, column) -> check.
CHECKS: dict[tuple[str, str], Check] = {
    ("session", "reveal_policy"): one_of(RevealPolicy),
    ("session", "voting_round"): IntRange(0, ROUND_MAX),
    ("persona", "kind"): one_of(PersonaKind),
    ("stage", "color"): Color(allow_empty=False),
    ("stage", "width"): Positive(),
    ("lane", "kind"): one_of(LaneKind),
    ("touchpoint", "channel"): one_of(Channel),
    ("touchpoint", "kind"): one_of(TouchpointKind),
    ("touchpoint", "status"): one_of(Status),
    ("touchpoint", "emotion"): IntRange(EMOTION_MIN, EMOTION_MAX),
    ("touchpoint", "score"): IntRange(SCORE_MIN, SCORE_MAX),
    ("participant", "color"): Color(allow_empty=False),
    ("participant", "role"): one_of(Role),
    ("participant", "vote_budget"): IntRange(0, VOTE_BUDGET_MAX),
    ("note", "color"): Color(allow_empty=True),
    ("note", "category"): one_of(NoteCategory, allow_empty=True),
    ("vote", "round"): IntRange(0, ROUND_MAX),
    ("feedback", "score"): IntRange(SCORE_MIN, SCORE_MAX),
    ("feedback", "customer_type"): FEEDBACK_CUSTOMER_TYPES,
    ("feedback", "date"): IsoDate(),
}


@dataclass(frozen=True)
class Column:
    table: str
    name: str
    kind: type  # str, int, float or bool
    nullable: bool
    default: Any
    required: bool  # no default: a row must give it
    target: str | None  # the table a foreign key refers to
    check: Check | None

    def type_problem(self, value: Any) -> str | None:
        """What is wrong with the type of a Python value (None when it is right)."""
        if value is None:
            return None if self.nullable else f"must be {TYPE_WORDS[self.kind]}, not null"
        kind = self.kind
        if kind is bool:
            ok = isinstance(value, bool)
        elif kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind is float:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        else:
            ok = isinstance(value, str)
        if ok:
            return None
        or_null = " or null" if self.nullable else ""
        if kind is int and isinstance(self.check, IntRange):
            # "must be an integer from -2 to 2" says more than "must be an integer"
            return f"{self.check.problem(self.check.low - 1)}{or_null}"
        return f"must be {TYPE_WORDS[kind]}{or_null}"

    def value_problem(self, value: Any) -> str | None:
        """What is wrong with a value of the right type (None when it keeps the rules)."""
        if value is None or self.check is None:
            return None
        problem = self.check.problem(value)
        return f"{problem}{' or null' if self.nullable else ''}" if problem else None

    @property
    def in_journey(self) -> bool:
        """A reference that must stay inside the row's own journey."""
        return (
            self.target is not None
            and self.name != "journey_id"
            and "journey_id" in COLUMNS[self.table]
            and "journey_id" in COLUMNS[self.target]
        )


def _columns(table_name: str) -> dict[str, Column]:
    found = {}
    for column in SQLModel.metadata.tables[table_name].columns:
        if isinstance(column.type, Boolean):
            kind: type = bool
        elif isinstance(column.type, Integer):
            kind = int
        elif isinstance(column.type, Float):
            kind = float
        else:
            kind = str
        default = column.default.arg if column.default is not None else None
        found[column.name] = Column(
            table=table_name,
            name=column.name,
            kind=kind,
            nullable=bool(column.nullable) and not column.primary_key,
            default=default,
            required=default is None and not column.nullable,
            target=next((fk.column.table.name for fk in column.foreign_keys), None),
            check=CHECKS.get((table_name, column.name)),
        )
    return found


#: Every column of every table, with its rules: table -> column name -> Column.
COLUMNS: dict[str, dict[str, Column]] = {name: _columns(name) for name in TABLE_ORDER}


def keeps_rules(table_name: str, column: str, value: Any) -> bool:
    """Whether a value may stand in the column: of its type, finite, and within its rules."""
    rules = COLUMNS[table_name][column]
    if rules.type_problem(value) is not None or rules.value_problem(value) is not None:
        return False
    return not isinstance(value, float) or math.isfinite(value)


#: Rules about a whole row, each with the column a message names.
VOTE_TARGET = "a vote must name exactly one of note_id and touchpoint_id"
LINK_TO_ITSELF = "a link cannot join a touchpoint to itself"
