"""The fields of a survey answer, which column of a file holds each, and what a cell's text
means for its field.

- score: the 0-10 answer to "how likely are you to recommend us", required. A whole number,
  written with ASCII or full-width digits, optionally followed by 分 ("9分") or with a zero
  fraction ("9.0"). "9.5" is refused: the scale has eleven points and rounding would invent an
  answer nobody gave.
- comment: plain text (cocreate.rules.clean_text), at most rules.TEXT_MAX characters (longer
  comments are cut there).
- date: ISO 8601 (2026-03-05, with a time 2026-03-05T10:30 or 2026-03-05 10:30:00), 2026/3/5,
  2026.3.5 and 2026年3月5日, each optionally with a time; kept as ISO 8601
  (2026-03-05 or 2026-03-05T10:30), a time zone left out. Day-month orders (5/3/2026) are
  refused: 3/5/2026 is March 5 in one country and May 3 in the next.
- customer type: one of the four types of seed 002, in English or Chinese (loyal 忠诚型,
  purpose-driven 目的型, occasional 偶发型, information-seeking 信息搜寻型), with or without
  "customer"/顾客/客户; kept as its PersonaKind value.
- channel, stage, touchpoint, member tier, respondent: one-line plain text, at most
  rules.NAME_MAX characters; stage and touchpoint are then matched (cocreate.feedback.matching).
No Qt.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from cocreate.model import SCORE_MAX, SCORE_MIN, PersonaKind
from cocreate.rules import NAME_MAX, TEXT_MAX, clean_text


class Field(StrEnum):
    SCORE = "score"
    COMMENT = "comment"
    DATE = "date"
    CHANNEL = "channel"
    STAGE = "stage"
    TOUCHPOINT = "touchpoint"
    TIER = "tier"
    CUSTOMER_TYPE = "customer_type"
    RESPONDENT = "respondent"


#: Which column of the file holds each field (0-based column index).
FieldMapping = Mapping[Field, int]

#: The words a header may use for each field, English and Chinese, folded (see folded_header).
#: A header that is one of them maps at once; else the longest word it contains decides.
HEADER_WORDS: dict[Field, tuple[str, ...]] = {
    Field.SCORE: (
        "nps",
        "score",
        "nps score",
        "rating",
        "recommend",
        "likely to recommend",
        "推荐分",
        "推荐值",
        "推荐度",
        "推荐",
        "评分",
        "打分",
        "分数",
        "得分",
        "净推荐值",
    ),
    Field.COMMENT: (
        "comment",
        "comments",
        "feedback",
        "verbatim",
        "remark",
        "remarks",
        "reason",
        "why",
        "suggestion",
        "评价",
        "意见",
        "建议",
        "留言",
        "评论",
        "反馈",
        "原因",
        "备注",
    ),
    Field.DATE: (
        "date",
        "time",
        "timestamp",
        "submitted",
        "submitted at",
        "submission date",
        "日期",
        "时间",
        "提交时间",
        "提交答卷时间",
        "填写时间",
        "回访日期",
    ),
    Field.CHANNEL: ("channel", "source", "via", "渠道", "来源", "回访渠道", "反馈渠道"),
    Field.STAGE: ("stage", "phase", "journey stage", "阶段", "旅程阶段"),
    Field.TOUCHPOINT: ("touchpoint", "touch point", "touchpoints", "触点", "接触点", "服务触点"),
    Field.TIER: (
        "tier",
        "member tier",
        "membership",
        "membership level",
        "level",
        "loyalty tier",
        "会员等级",
        "会员级别",
        "等级",
        "级别",
    ),
    Field.CUSTOMER_TYPE: (
        "customer type",
        "consumer type",
        "segment",
        "customer segment",
        "persona",
        "客户类型",
        "顾客类型",
        "消费者类型",
        "用户类型",
        "客群",
        "类型",
    ),
    Field.RESPONDENT: (
        "id",
        "respondent",
        "respondent id",
        "response id",
        "customer id",
        "member id",
        "编号",
        "序号",
        "会员编号",
        "用户id",
        "答卷编号",
        "客户编号",
        "会员号",
    ),
}

_LATIN_WORD = re.compile(r"[a-z0-9 ]+")


def folded_header(text: str) -> str:
    """A header as it is compared: NFKC, case folded, runs of spaces, _ and - as one space."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[_\-/()\[\]:：?？、.。,，]+", " ", text).split())


def _contains(header: str, word: str) -> bool:
    """Whether a folded header holds a word: Latin words as whole words, Chinese anywhere."""
    if _LATIN_WORD.fullmatch(word):
        return re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", header) is not None
    return word in header


def guess_mapping(headers: Sequence[str]) -> dict[Field, int]:
    """The columns that most likely hold each field, from the header names alone.

    A header that is one of a field's words wins first; then, one column and one field at a
    time, the longest word a header contains (on a tie the column to the left). A column holds
    one field at most, and a field comes from one column.
    """
    candidates: list[tuple[int, int, int, Field]] = []  # (rank, -length, column, field)
    for column, header in enumerate(headers):
        name = folded_header(header)
        if not name:
            continue
        for field_, words in HEADER_WORDS.items():
            if name in words:
                candidates.append((0, -len(name), column, field_))
                continue
            found = [len(word) for word in words if _contains(name, word)]
            if found:
                candidates.append((1, -max(found), column, field_))
    mapping: dict[Field, int] = {}
    for _, _, column, field_ in sorted(candidates, key=lambda c: c[:3]):
        if field_ not in mapping and column not in mapping.values():
            mapping[field_] = column
    return {field_: mapping[field_] for field_ in Field if field_ in mapping}


class MappingError(ValueError):
    """A mapping given by name that does not fit the file; the message says which part."""


#: Other names of the fields a command line may use.
FIELD_NAMES: dict[str, Field] = {field_.value: field_ for field_ in Field} | {
    "customer-type": Field.CUSTOMER_TYPE,
    "type": Field.CUSTOMER_TYPE,
    "member_tier": Field.TIER,
    "member-tier": Field.TIER,
    "id": Field.RESPONDENT,
    "respondent_id": Field.RESPONDENT,
    "respondent-id": Field.RESPONDENT,
}


def mapping_from_names(headers: Sequence[str], names: Mapping[str, str]) -> dict[Field, int]:
    """A mapping from field names to header names ({"score": "推荐分"}), as the command line
    gives it. A header is found by its exact name, else by its folded name when that is unique.
    Raises MappingError for an unknown field, a header the file lacks or has twice, a column
    given to two fields, and a mapping without the score."""
    mapping: dict[Field, int] = {}
    for field_name, header in names.items():
        field_ = FIELD_NAMES.get(field_name.strip().casefold())
        if field_ is None:
            known = ", ".join(f.value for f in Field)
            raise MappingError(f"unknown field {field_name!r}; the fields are {known}")
        column = _header_column(headers, header)
        if column in mapping.values():
            raise MappingError(f"the column {header!r} is given to two fields")
        mapping[field_] = column
    if Field.SCORE not in mapping:
        raise MappingError("the score's column is required (score=HEADER)")
    return mapping


def _header_column(headers: Sequence[str], header: str) -> int:
    exact = [i for i, name in enumerate(headers) if name == header.strip()]
    found = exact or [
        i for i, name in enumerate(headers) if folded_header(name) == folded_header(header)
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise MappingError(f"the file has {len(found)} columns named {header!r}")
    shown = ", ".join(repr(name) for name in headers if name)
    raise MappingError(f"the file has no column {header!r}; its columns are {shown}")


def column_letters(index: int) -> str:
    """A 0-based column index as a spreadsheet names it: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_name(headers: Sequence[str], index: int) -> str:
    """How a message names a column: its letter and its header ('C "推荐分"')."""
    header = headers[index] if index < len(headers) else ""
    return f'{column_letters(index)} "{header}"' if header else column_letters(index)


# -- values ---------------------------------------------------------------------------------


class ValueProblem(StrEnum):
    SCORE_EMPTY = "score_empty"
    SCORE_NOT_A_NUMBER = "score_not_a_number"
    SCORE_NOT_WHOLE = "score_not_whole"
    SCORE_OUT_OF_RANGE = "score_out_of_range"
    FORMULA = "formula"
    BAD_DATE = "bad_date"
    UNKNOWN_CUSTOMER_TYPE = "unknown_customer_type"
    UNKNOWN_STAGE = "unknown_stage"
    UNKNOWN_TOUCHPOINT = "unknown_touchpoint"
    OTHER_STAGE = "other_stage"
    EXTRA_CELLS = "extra_cells"


#: What each problem means, in English; the window shows its own translation.
VALUE_MESSAGES: dict[ValueProblem, str] = {
    ValueProblem.SCORE_EMPTY: "the score is empty; every answer needs a score from 0 to 10",
    ValueProblem.SCORE_NOT_A_NUMBER: "the score is not a number from 0 to 10",
    ValueProblem.SCORE_NOT_WHOLE: "the score must be a whole number from 0 to 10",
    ValueProblem.SCORE_OUT_OF_RANGE: "the score is outside 0 to 10",
    ValueProblem.FORMULA: "the cell holds a formula; formulas are not calculated on import:"
    " paste the values instead",
    ValueProblem.BAD_DATE: "not a date; write it as 2026-03-05, 2026/3/5 or 2026年3月5日",
    ValueProblem.UNKNOWN_CUSTOMER_TYPE: "not one of the four customer types: loyal,"
    " purpose-driven, occasional, information-seeking (忠诚型, 目的型, 偶发型, 信息搜寻型)",
    ValueProblem.UNKNOWN_STAGE: "no stage of the journey has this name",
    ValueProblem.UNKNOWN_TOUCHPOINT: "no touchpoint of the journey has this name",
    ValueProblem.OTHER_STAGE: "the touchpoint is in another stage than the one the row names",
    ValueProblem.EXTRA_CELLS: "the row has more cells than the header (a delimiter inside an"
    " unquoted comment?)",
}

_SCORE = re.compile(r"([+-]?)(\d+)(?:\.(\d+))?\s*分?")


def parse_score(text: str) -> int | ValueProblem:
    """A cell's score, or what is wrong with it."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return ValueProblem.SCORE_EMPTY
    match = _SCORE.fullmatch(text)
    if match is None:
        return ValueProblem.SCORE_NOT_A_NUMBER
    sign, digits, fraction = match.groups()
    if fraction and fraction.strip("0"):
        return ValueProblem.SCORE_NOT_WHOLE
    digits = digits.lstrip("0") or "0"
    if len(digits) > 2:
        return ValueProblem.SCORE_OUT_OF_RANGE
    score = -int(digits) if sign == "-" else int(digits)
    if not SCORE_MIN <= score <= SCORE_MAX:
        return ValueProblem.SCORE_OUT_OF_RANGE
    return score


_TIME = (
    r"(?:(?:\s+|T)(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?"
)
_DATES = [
    re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}"),
    re.compile(rf"(\d{{4}})/(\d{{1,2}})/(\d{{1,2}}){_TIME}"),
    re.compile(rf"(\d{{4}})\.(\d{{1,2}})\.(\d{{1,2}}){_TIME}"),
    re.compile(rf"(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号]?{_TIME}"),
]


def parse_date(text: str) -> str | ValueProblem:
    """A cell's date as ISO 8601 ("" when the cell is empty), or BAD_DATE."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return ""
    for pattern in _DATES:
        match = pattern.fullmatch(text)
        if match:
            return _iso(match.groups())
    return ValueProblem.BAD_DATE


def _iso(groups: Sequence[str | None]) -> str | ValueProblem:
    year, month, day, hour, minute, second = (int(g) if g else None for g in groups)
    assert year is not None and month is not None and day is not None
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return ValueProblem.BAD_DATE
    if hour is None or minute is None:
        return date.isoformat()
    if hour > 23 or minute > 59 or (second or 0) > 59:
        return ValueProblem.BAD_DATE
    time = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
    return f"{date.isoformat()}T{time}"


#: The customer types' words, folded (see _type_key), without "customer" and "type".
_CUSTOMER_TYPES: dict[str, PersonaKind] = {
    "loyal": PersonaKind.LOYAL,
    "loyalty": PersonaKind.LOYAL,
    "忠诚": PersonaKind.LOYAL,
    "忠实": PersonaKind.LOYAL,
    "purposedriven": PersonaKind.PURPOSE_DRIVEN,
    "purpose": PersonaKind.PURPOSE_DRIVEN,
    "目的": PersonaKind.PURPOSE_DRIVEN,
    "目的明确": PersonaKind.PURPOSE_DRIVEN,
    "occasional": PersonaKind.OCCASIONAL,
    "偶发": PersonaKind.OCCASIONAL,
    "偶然": PersonaKind.OCCASIONAL,
    "informationseeking": PersonaKind.INFORMATION_SEEKING,
    "information": PersonaKind.INFORMATION_SEEKING,
    "信息搜寻": PersonaKind.INFORMATION_SEEKING,
    "信息": PersonaKind.INFORMATION_SEEKING,
}
_TYPE_ENDINGS = ("customers", "customer", "consumer", "type", "顾客", "客户", "消费者", "型")


def _type_key(text: str) -> str:
    key = re.sub(r"[\s_\-·]+", "", unicodedata.normalize("NFKC", text).casefold())
    ending = True
    while ending:
        ending = False
        for word in _TYPE_ENDINGS:
            if key.endswith(word) and len(key) > len(word):
                key = key[: -len(word)]
                ending = True
    return key


def parse_customer_type(text: str) -> str | ValueProblem:
    """A cell's customer type as a PersonaKind value ("" when empty), or what is wrong."""
    if not text.strip():
        return ""
    kind = _CUSTOMER_TYPES.get(_type_key(text))
    return kind.value if kind is not None else ValueProblem.UNKNOWN_CUSTOMER_TYPE


def plain_text(text: str, limit: int = NAME_MAX) -> str:
    """A cell's text as a session keeps it: cleaned, trimmed, cut at limit characters."""
    return clean_text(text).strip()[:limit]


def one_line(text: str) -> str:
    """A one-line text (channel, stage, touchpoint, tier, respondent): inner runs of white
    space and line breaks as one space, at most NAME_MAX characters."""
    return " ".join(clean_text(text).split())[:NAME_MAX]


def comment_text(text: str) -> str:
    return plain_text(text, TEXT_MAX)


@dataclass(frozen=True)
class RowProblem:
    """What is wrong with one cell of one row of the file."""

    row: int  # the row's number in the file, 1-based, as a spreadsheet shows it
    column: str  # the column's letter and header, as column_name gives it
    field: Field | None  # None for cells outside the mapped columns
    problem: ValueProblem
    value: str  # the cell's text

    @property
    def message(self) -> str:
        value = self.value if len(self.value) <= 40 else self.value[:39] + "…"
        shown = " ".join(value.split()) or '""'
        return f"row {self.row}, column {self.column}: {VALUE_MESSAGES[self.problem]} ({shown})"

    def __str__(self) -> str:
        return self.message
