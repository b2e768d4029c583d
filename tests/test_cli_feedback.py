"""`cocreate import-feedback SESSION IN.csv|IN.xlsx`: survey answers into a journey from the
command line, all or none. A file that cannot be read, a bad row, a value that matches no card
or an unclear journey ends in one line on stderr (exit status 1), names the row and column or
what to pass, and leaves the session byte for byte as it was."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from cocreate.demo import write_demo
from cocreate.store import SessionFile

LOYALTY = "会员忠诚旅程 Member loyalty journey"
PICKUP = "高峰到店取餐 Peak-hour pickup"
PRE_ORDER = "小程序预点单 Mini-program pre-order"
POINTS = "积分到期清零 Points expire at year end"

HEADER = "编号,推荐分,评价,触点,日期,客户类型,会员等级,渠道"
ROWS = [
    f"R1,3,高峰期排队太久,{PICKUP},2026/3/5,忠诚型,金卡,微信",
    f'R2,10分,"预点单很方便，""不用排队""",{PRE_ORDER},2026年3月6日,目的型,银卡,短信',
    f"R3,９,,{PRE_ORDER.upper()},2026-03-07,,,小程序",  # full-width 9, a title in capitals
    f"R4,0,积分莫名其妙清零了,{POINTS},2026-03-08 09:15,偶发型,普通会员,微信",
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.cocreate"
    write_demo(path, answers=False)
    return path


@pytest.fixture
def session(demo: Path, tmp_path: Path) -> Path:
    """The demo salon: two journeys."""
    path = tmp_path / "沙龙 salon.cocreate"
    path.write_bytes(demo.read_bytes())
    return path


def answers_csv(folder: Path, *rows: str, name: str = "回访.csv", header: str = HEADER) -> Path:
    """A survey system's export as Excel saves it on a Chinese Windows: GB18030, CRLF."""
    path = folder / name
    path.write_bytes("\r\n".join([header, *rows, ""]).encode("gb18030"))
    return path


def feedback(path: Path) -> list[dict]:
    store = SessionFile.open(path, read_only=True, lock=False)
    try:
        return store.rows("feedback")
    finally:
        store.close()


def card_id(path: Path, title: str) -> int:
    store = SessionFile.open(path, read_only=True, lock=False)
    try:
        (card,) = store.rows("touchpoint", title=title)
        return card["id"]
    finally:
        store.close()


def one_line_refusal(result, *words: str) -> None:
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith("cocreate import-feedback: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_a_gb18030_csv_with_chinese_headers_imports_with_the_mapping_guessed(
    cli, session, tmp_path
):
    source = answers_csv(tmp_path, *ROWS)
    result = cli("import-feedback", session, source, "--journey", LOYALTY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "mapping: score=推荐分, comment=评价, date=日期, channel=渠道, touchpoint=触点,"
        " tier=会员等级, customer_type=客户类型, respondent=编号",
        f'imported 4 answers into "{LOYALTY}"; NPS 0 (n=4)',
    ]
    answers = feedback(session)
    assert [a["score"] for a in answers] == [3, 10, 9, 0]
    assert answers[1]["comment"] == '预点单很方便，"不用排队"'
    pre_order = card_id(session, PRE_ORDER)
    assert [a["touchpoint_id"] for a in answers[1:3]] == [pre_order, pre_order]
    assert answers[0]["stage_id"] == 3  # the card's stage: 购买
    assert answers[3]["date"] == "2026-03-08T09:15"
    assert [a["customer_type"] for a in answers] == ["loyal", "purpose_driven", "", "occasional"]
    assert {(a["source"], a["journey_id"]) for a in answers} == {("回访.csv", 1)}
    assert [a["source_row"] for a in answers] == [2, 3, 4, 5]


def test_an_xlsx_imports_with_the_mapping_given(cli, session, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Response ID", "How likely (0-10)", "Why?", "Point of contact", "Type"])
    sheet.append(["A-1", 9, "Friendly greeter", "门口迎宾试饮 Greeter with a tasting cup", "loyal"])
    sheet.append(
        ["A-2", 6, "Menu board hard to read", "看菜单板点单 Orders from the menu board", ""]
    )
    sheet.append(["A-3", 10, None, None, "Information-seeking customer"])
    path = tmp_path / "survey.xlsx"
    book.save(path)
    result = cli(
        "import-feedback",
        session,
        path,
        "--journey",
        "新店首访旅程 new store FIRST visit",  # case and width do not matter
        "--map",
        "score=How likely (0-10),comment=Why?",
        "--map",
        "touchpoint=Point of contact,customer_type=Type,respondent=Response ID",
    )
    assert result.returncode == 0, result.stderr
    assert "mapping:" not in result.stdout  # given, not guessed
    assert result.stdout.startswith('imported 3 answers into "新店首访旅程 New store first visit";')
    assert "NPS +33 (n=3)" in result.stdout
    answers = feedback(session)
    assert [(a["score"], a["respondent"], a["journey_id"]) for a in answers] == [
        (9, "A-1", 2),
        (6, "A-2", 2),
        (10, "A-3", 2),
    ]
    assert answers[2]["touchpoint_id"] is None and answers[2]["stage_id"] is None
    assert answers[2]["customer_type"] == "information_seeking"


def test_a_bad_score_refuses_the_whole_file_until_bad_rows_are_skipped(cli, session, tmp_path):
    source = answers_csv(tmp_path, ROWS[0], ROWS[1].replace("10分", "11"), ROWS[2], ROWS[3])
    before = session.read_bytes()
    refused = cli("import-feedback", session, source, "--journey", LOYALTY)
    one_line_refusal(
        refused,
        'row 3, column B "推荐分": the score is outside 0 to 10 (11)',
        "1 bad row (3 rows are good: --skip-bad-rows imports them)",
        "nothing was imported",
    )
    assert session.read_bytes() == before
    skipped = cli("import-feedback", session, source, "--journey", LOYALTY, "--skip-bad-rows")
    assert skipped.returncode == 0, skipped.stderr
    assert f'imported 3 answers into "{LOYALTY}" (skipped 1 bad row); NPS -33 (n=3)' in (
        skipped.stdout
    )
    assert [a["source_row"] for a in feedback(session)] == [2, 4, 5]


def test_a_dry_run_says_what_it_would_import_and_writes_nothing(cli, session, tmp_path):
    before = session.read_bytes()
    result = cli("import-feedback", session, answers_csv(tmp_path, *ROWS), "--journey", LOYALTY)
    assert result.returncode == 0
    session.write_bytes(before)
    dry = cli("import-feedback", session, tmp_path / "回访.csv", "--journey", LOYALTY, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "would have imported 4 answers" in dry.stdout and "nothing was imported" in dry.stdout
    assert session.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (b"", "empty.csv", "the file holds no rows"),
        ("推荐分,评价\r\n".encode("gb18030"), "header.csv", "a header row but no answers"),
        (b"not a workbook at all", "fake.xlsx", "this is not an XLSX workbook"),
        (b"PK\x03\x04 a zip cut short", "cut.xlsx", "this is not an XLSX workbook"),
    ],
)
def test_a_file_without_answers_is_refused_in_one_line(
    cli, session, tmp_path, content, name, words
):
    source = tmp_path / name
    source.write_bytes(content)
    before = session.read_bytes()
    result = cli("import-feedback", session, source, "--journey", LOYALTY)
    one_line_refusal(result, name, words, "nothing was imported")
    assert session.read_bytes() == before


def test_unmatched_touchpoints_are_listed_with_counts_and_how_to_match_them(cli, session, tmp_path):
    rows = [*ROWS, "R5,2,找不到门店,到店自提,,,,", "R6,4,,到店自提,,,,", "R7,8,,外卖,,,,"]
    source = answers_csv(tmp_path, *rows)
    before = session.read_bytes()
    result = cli("import-feedback", session, source, "--journey", LOYALTY)
    one_line_refusal(
        result,
        f'2 touchpoint values match no touchpoint card of "{LOYALTY}":',
        '"到店自提" (2 answers), "外卖" (1 answer)',
        "--match-touchpoint VALUE=CARD (VALUE= for none)",
        "nothing was imported",
    )
    assert session.read_bytes() == before

    matched = cli(
        "import-feedback",
        session,
        source,
        "--journey",
        LOYALTY,
        "--match-touchpoint",
        f"到店自提={PICKUP}",
        "--match-touchpoint",
        "外卖=",
    )
    assert matched.returncode == 0, matched.stderr
    answers = feedback(session)
    pickup = card_id(session, PICKUP)
    assert [a["touchpoint_id"] for a in answers[4:]] == [pickup, pickup, None]


def test_a_session_of_two_journeys_needs_the_journey_named(cli, session, tmp_path):
    source = answers_csv(tmp_path, *ROWS)
    before = session.read_bytes()
    result = cli("import-feedback", session, source)
    one_line_refusal(result, "the session has 2 journeys", f'"{LOYALTY}"', "--journey NAME")
    unknown = cli("import-feedback", session, source, "--journey", "Loyalty")
    one_line_refusal(unknown, '--journey "Loyalty": no journey of the session has this name')
    assert session.read_bytes() == before

    store = SessionFile.open(session, lock=False)  # now the salon has one journey left
    try:
        store.apply(store.delete_ops("journey", [2]))
    finally:
        store.close()
    alone = cli("import-feedback", session, source)
    assert alone.returncode == 0, alone.stderr
    assert len(feedback(session)) == 4


def test_a_session_open_in_the_app_is_refused(cli, session, tmp_path):
    source = answers_csv(tmp_path, *ROWS)
    store = SessionFile.open(session)  # writable and locked, as the app holds it
    try:
        before = session.read_bytes()
        result = cli("import-feedback", session, source, "--journey", LOYALTY)
        one_line_refusal(result, "already open in another cocreate window")
        assert session.read_bytes() == before
    finally:
        store.close()


def test_stage_values_are_matched_too_and_a_card_of_another_stage_is_a_bad_row(
    cli, session, tmp_path
):
    header = "推荐分,阶段,触点"
    rows = ["9,购买,", "8,Purchase,", f"2,购买,{PICKUP}", f"5,忠诚,{PICKUP}"]
    source = answers_csv(tmp_path, *rows, header=header)
    before = session.read_bytes()
    unmatched = cli("import-feedback", session, source, "--journey", LOYALTY)
    one_line_refusal(
        unmatched,
        f'1 stage value matches no stage of "{LOYALTY}": "Purchase" (1 answer)',
        "--match-stage VALUE=STAGE",
    )
    other_stage = cli(
        "import-feedback", session, source, "--journey", LOYALTY, "--match-stage", "Purchase=购买"
    )
    one_line_refusal(
        other_stage,
        'row 5, column C "触点": the touchpoint is in another stage than the one the row names',
    )
    assert session.read_bytes() == before
    skipped = cli(
        "import-feedback",
        session,
        source,
        "--journey",
        LOYALTY,
        "--match-stage",
        "Purchase=购买",
        "--skip-bad-rows",
    )
    assert skipped.returncode == 0, skipped.stderr
    assert [(a["stage_id"], a["touchpoint_id"]) for a in feedback(session)] == [
        (3, None),
        (3, None),
        (3, card_id(session, PICKUP)),
    ]


def test_info_counts_the_answers_of_each_journey(cli, session, tmp_path):
    imported = cli("import-feedback", session, answers_csv(tmp_path, *ROWS), "--journey", LOYALTY)
    assert imported.returncode == 0
    info = cli("info", session)
    assert "22 touchpoints" in info.stdout and ", 4 survey answers" in info.stdout
    assert info.stdout.count("survey answers") == 1  # the journey without any says nothing
    data = cli("info", session, "--json")
    assert [journey["answers"] for journey in json.loads(data.stdout)["journeys"]] == [4, 0]


def test_a_read_only_session_is_refused_before_anything_is_read(cli, session, tmp_path):
    source = answers_csv(tmp_path, ROWS[0])
    session.chmod(0o444)
    try:
        before = session.read_bytes()
        result = cli("import-feedback", session, source, "--journey", LOYALTY)
        one_line_refusal(result, "the file is read-only")
        assert result.stdout == "" and session.read_bytes() == before
        dry = cli("import-feedback", session, source, "--journey", LOYALTY, "--dry-run")
        assert dry.returncode == 0 and "would have imported 1 answer into" in dry.stdout
    finally:
        session.chmod(0o644)
