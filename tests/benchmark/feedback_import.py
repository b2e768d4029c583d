"""How long importing survey answers takes: reading the file, guessing the mapping, matching the
stage and touchpoint values, checking every row and planning the import (cocreate.feedback),
for a CSV in UTF-8 and in GB18030, and for an XLSX as openpyxl writes it (inline strings) and
as Excel and WPS write it (shared strings). Measurements, not a test.

Run as `uv run python -m tests.benchmark.feedback_import [--answers 10000] [--repeat 5]`;
it prints the median seconds of each step per file, and the one-off cost of importing openpyxl.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from cocreate.feedback import (
    Field,
    Targets,
    column_values,
    guess_mapping,
    match_values,
    plan_import,
    read_answers,
)

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


def answers(count: int) -> list[list[object]]:
    """Deterministic answers: every value a real survey export could hold."""
    rows: list[list[object]] = []
    start = datetime.date(2026, 1, 1)
    for i in range(count):
        card_id, card = CARDS[(i * 7) % len(CARDS)]
        stage = dict(STAGES)[CARD_STAGES[card_id]]
        day = start + datetime.timedelta(days=i % 90)
        rows.append(
            [
                f"R{i:05d}",
                (i * 37) % 11,
                COMMENTS[i % len(COMMENTS)] + f" #{i}",
                stage,
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
            writer.writerow([*rest, f"{day.year}/{day.month}/{day.day}"])  # type: ignore[attr-defined]
    return path


def write_openpyxl(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
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


def import_steps(path: Path) -> dict[str, float]:
    """One import of a file, step by step (seconds of the wall clock), and the CPU seconds of
    the whole: on a shared machine the wall clock also counts the time others hold the cores."""
    times: dict[str, float] = {}
    cpu = time.process_time()
    began = time.perf_counter()
    table = read_answers(path)
    times["read"] = time.perf_counter() - began
    began = time.perf_counter()
    mapping = guess_mapping(table.headers)
    stages = match_values(column_values(table, mapping[Field.STAGE]), STAGES)
    cards = match_values(column_values(table, mapping[Field.TOUCHPOINT]), CARDS)
    targets = Targets(stages, cards, CARD_STAGES)
    times["map+match"] = time.perf_counter() - began
    began = time.perf_counter()
    plan = plan_import(table, mapping, targets)
    times["check+plan"] = time.perf_counter() - began
    if not plan.ok or len(plan.answers) != len(table.rows):
        raise SystemExit(f"{path.name}: the plan failed: {plan.first_problem}")
    times["total"] = sum(times.values())
    times["total CPU"] = time.process_time() - cpu  # this process's own work, without waits
    return times


def median_times(step: Callable[[], dict[str, float]], repeat: int) -> dict[str, float]:
    runs = [step() for _ in range(repeat)]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    import openpyxl  # noqa: F401 - the one-off cost the first workbook of a window pays

    print(f"importing openpyxl: {time.perf_counter() - began:.3f} s (once per process)")
    rows = answers(args.answers)
    with tempfile.TemporaryDirectory() as folder:
        files = {
            "CSV UTF-8 (BOM)": write_csv(Path(folder, "utf8.csv"), rows, "utf-8-sig"),
            "CSV GB18030": write_csv(Path(folder, "gb.csv"), rows, "gb18030"),
            "XLSX shared strings (Excel, WPS)": write_shared_strings(
                Path(folder, "excel.xlsx"), rows
            ),
            "XLSX inline strings (openpyxl)": write_openpyxl(Path(folder, "openpyxl.xlsx"), rows),
        }
        print(f"{args.answers} answers, median of {args.repeat} runs, seconds:")
        for name, path in files.items():
            times = median_times(lambda path=path: import_steps(path), args.repeat)
            size = path.stat().st_size / 1024 / 1024
            shown = "  ".join(f"{key} {value:.3f}" for key, value in times.items())
            print(f"  {name:34} {size:5.1f} MB  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
