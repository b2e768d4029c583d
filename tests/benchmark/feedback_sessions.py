"""Survey answers for the benchmark and the tests: deterministic answers as a survey export holds
them, written as CSV (any encoding), as an XLSX the way openpyxl writes one (inline strings)
and the way Excel and WPS write one (shared strings, dates as serials); and answers as
cocreate.feedback.plan gives them, for a session of the demo plus N answers."""

from __future__ import annotations

import csv
import datetime
import random
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from cocreate.demo import write_demo
from cocreate.feedback.answers import import_ops
from cocreate.store import SessionFile

HEADERS = ["编号", "推荐分", "评价", "阶段", "触点", "渠道", "会员等级", "客户类型", "日期"]
STAGES = [(1, "认知"), (2, "吸引"), (3, "购买"), (4, "忠诚")]
CARDS = [
    (10, "朋友圈广告"),
    (11, "小程序首页"),
    (12, "Pre-order"),
    (13, "高峰期取餐"),
    (14, "积分到期"),
    (15, "会员日"),
]
CARD_STAGES = {10: 1, 11: 2, 12: 3, 13: 3, 14: 4, 15: 4}
COMMENTS = [
    "高峰期排队太久，取餐口太挤",
    "Pre-order is great, the coffee was ready when I arrived",
    "积分快到期才提醒，来不及用",
    "店员很热情，会员日优惠力度大",
    'App crashed twice at checkout, "payment failed"',
    "一般般，没什么特别的\n下次再看看",
]
TIERS = ["普通会员", "银卡", "金卡", "Platinum"]
TYPES = ["忠诚型", "目的型", "偶发型", "信息搜寻型", "Loyal customer", ""]
CHANNELS = ["微信推送", "短信", "弹窗问卷", "到店访谈"]


class Journey:
    """A journey's stages and cards, as (id, name) pairs, and the stage of each card."""

    def __init__(
        self,
        stages: Sequence[tuple[int, str]] = STAGES,
        cards: Sequence[tuple[int, str]] = CARDS,
        card_stages: Mapping[int, int] = CARD_STAGES,
    ) -> None:
        self.stages = list(stages)
        self.cards = list(cards)
        self.card_stages = dict(card_stages)

    @classmethod
    def of(cls, store: SessionFile, journey_id: int) -> Journey:
        stages = store.rows("stage", order_by="position", journey_id=journey_id)
        cards = store.rows("touchpoint", journey_id=journey_id)
        return cls(
            [(row["id"], row["name"]) for row in stages],
            [(row["id"], row["title"]) for row in cards],
            {row["id"]: row["stage_id"] for row in cards},
        )


def answers(count: int, journey: Journey | None = None) -> list[list[object]]:
    """Deterministic answers (rows under HEADERS) about the journey's cards (by default a
    small coffee-chain journey): every value a real survey export could hold."""
    journey = journey or Journey()
    stage_names = dict(journey.stages)
    rows: list[list[object]] = []
    start = datetime.date(2026, 1, 1)
    for i in range(count):
        card_id, card = journey.cards[(i * 7) % len(journey.cards)]
        day = start + datetime.timedelta(days=i % 90)
        rows.append(
            [
                f"R{i:05d}",
                (i * 37) % 11,
                COMMENTS[i % len(COMMENTS)] + f" #{i}",
                stage_names[journey.card_stages[card_id]],
                card if i % 5 else card.upper(),  # some need the case-insensitive match
                CHANNELS[i % len(CHANNELS)],
                TIERS[i % len(TIERS)],
                TYPES[i % len(TYPES)],
                day,
            ]
        )
    return rows


def write_csv(path: Path, rows: list[list[object]], encoding: str) -> Path:
    with open(path, "w", encoding=encoding, newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADERS)
        for row in rows:
            *rest, day = row
            assert isinstance(day, datetime.date)
            writer.writerow([*rest, f"{day.year}/{day.month}/{day.day}"])
    return path


def write_openpyxl(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


def _override(part: str, kind: str) -> str:
    return f'<Override PartName="/{part}" ContentType="{_SHEET_TYPE}{kind}+xml"/>'


def _relation(number: int, kind: str, target: str) -> str:
    return f'<Relationship Id="rId{number}" Type="{_REL}/{kind}" Target="{target}"/>'


_RELATIONS = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARTS = {
    "[Content_Types].xml": _XML
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels"'
    + ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + _override("xl/workbook.xml", "sheet.main")
    + _override("xl/worksheets/sheet1.xml", "worksheet")
    + _override("xl/sharedStrings.xml", "sharedStrings")
    + _override("xl/styles.xml", "styles")
    + "</Types>",
    "_rels/.rels": _XML
    + f'<Relationships xmlns="{_RELATIONS}">'
    + _relation(1, "officeDocument", "xl/workbook.xml")
    + "</Relationships>",
    "xl/workbook.xml": _XML
    + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
    + '<sheets><sheet name="答卷" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": _XML
    + f'<Relationships xmlns="{_RELATIONS}">'
    + _relation(1, "worksheet", "worksheets/sheet1.xml")
    + _relation(2, "sharedStrings", "sharedStrings.xml")
    + _relation(3, "styles", "styles.xml")
    + "</Relationships>",
    "xl/styles.xml": _XML
    + f'<styleSheet xmlns="{_MAIN}">'
    + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    + '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    + '<borders count="1"><border/></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    + "</cellStyleXfs>"
    + '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    + '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    + "</cellXfs>"
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    + "</styleSheet>",
}


def write_shared_strings(path: Path, rows: list[list[object]]) -> Path:
    """A workbook as Excel and WPS save one: text in the shared strings, dates as serials."""
    strings: dict[str, int] = {}
    epoch = datetime.date(1899, 12, 30)

    def cell(ref: str, value: object) -> str:
        if isinstance(value, datetime.date):
            return f'<c r="{ref}" s="1"><v>{(value - epoch).days}</v></c>'
        if isinstance(value, int):
            return f'<c r="{ref}"><v>{value}</v></c>'
        index = strings.setdefault(str(value), len(strings))
        return f'<c r="{ref}" t="s"><v>{index}</v></c>'

    letters = "ABCDEFGHI"
    sheet_rows = []
    for number, row in enumerate([HEADERS, *rows], start=1):
        cells = "".join(cell(f"{letters[i]}{number}", v) for i, v in enumerate(row))
        sheet_rows.append(f'<row r="{number}">{cells}</row>')
    sheet = (
        f'{_XML}<worksheet xmlns="{_MAIN}">'
        f'<dimension ref="A1:I{len(rows) + 1}"/><sheetData>{"".join(sheet_rows)}</sheetData>'
        "</worksheet>"
    )
    shared = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr(
            "xl/sharedStrings.xml",
            f'{_XML}<sst xmlns="{_MAIN}" count="{len(strings)}">{shared}</sst>',
        )
    return path


PLANNED_COMMENTS = ["高峰期排队太久，取餐口太挤", "Pre-order is great", "积分快到期才提醒", ""]


def planned_answers(store: SessionFile, journey_id: int, count: int) -> list[dict[str, Any]]:
    """Deterministic answers about the journey's cards, as cocreate.feedback.plan gives them
    (for Document.import_feedback and cocreate.feedback.answers.import_ops)."""
    cards = store.rows("touchpoint", journey_id=journey_id)
    rng = random.Random(2026)
    found = []
    for index in range(count):
        card = rng.choice(cards)
        found.append(
            {
                "score": rng.randint(0, 10),
                "comment": rng.choice(PLANNED_COMMENTS),
                "date": f"2026-03-{rng.randint(1, 28):02d}",
                "channel": "微信推送",
                "stage_id": card["stage_id"],
                "touchpoint_id": card["id"],
                "tier": rng.choice(["金卡", "银卡"]),
                "customer_type": rng.choice(["loyal", "occasional", ""]),
                "respondent": f"R{index}",
                "source_row": index + 2,
            }
        )
    return found


def first_journey(store: SessionFile) -> int:
    """The journey a session opens on: the first by position."""
    return int(store.rows("journey", order_by="position")[0]["id"])


def build_demo_with_answers(path: Path, count: int) -> Path:
    """The demo salon (its own answers included) with `count` more answers in its first
    journey, imported as one file's answers."""
    write_demo(path)
    store = SessionFile.open(path, lock=False)
    try:
        journey_id = first_journey(store)
        answers_ = planned_answers(store, journey_id, count)
        if answers_:
            store.apply(import_ops(store, journey_id, answers_, "survey.xlsx"))
    finally:
        store.close()
    return path
