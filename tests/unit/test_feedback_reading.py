"""Reading survey answers from a file (cocreate.feedback.reading): CSV in UTF-8 with or without
a BOM or in GB18030, with commas, tabs or semicolons; the first sheet of an XLSX workbook, whose
formulas are marked and never calculated; and a clear message for every file that cannot be
read, before anything is imported."""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cocreate.feedback import reading, sheet_cells
from cocreate.feedback.reading import (
    FILE_MAX,
    FeedbackFileError,
    ReadProblem,
    SourceRow,
    SourceTable,
    read_answers,
)
from cocreate.rules import ROWS_MAX
from tests.benchmark.feedback_sessions import answers as benchmark_answers
from tests.benchmark.feedback_sessions import write_shared_strings


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def refused(path: Path) -> FeedbackFileError:
    with pytest.raises(FeedbackFileError) as caught:
        read_answers(path)
    return caught.value


def cells(table: SourceTable) -> list[tuple[int, tuple[str, ...]]]:
    return [(row.number, row.cells) for row in table.rows]


# -- CSV ------------------------------------------------------------------------------------


def test_a_gb18030_csv_with_chinese_headers_is_read_as_chinese(tmp_path):
    text = "推荐分,评价,触点\r\n9,取餐很快，店员热情,到店取餐\r\n3,高峰期排队太久,到店取餐\r\n"
    table = read_answers(write(tmp_path, "回访.csv", text, "gb18030"))
    assert table.encoding == "gb18030"
    assert table.headers == ("推荐分", "评价", "触点")
    assert cells(table) == [
        (2, ("9", "取餐很快，店员热情", "到店取餐")),
        (3, ("3", "高峰期排队太久", "到店取餐")),
    ]


def test_a_utf8_csv_with_a_byte_order_mark_keeps_no_mark_in_its_first_header(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "score,comment\n10,très bien 很好\n".encode())
    table = read_answers(path)
    assert table.encoding == "utf-8"
    assert table.headers == ("score", "comment")
    assert cells(table) == [(2, ("10", "très bien 很好"))]


def test_a_utf8_csv_without_a_mark_is_utf8_even_when_its_bytes_could_be_gb18030(tmp_path):
    table = read_answers(write(tmp_path, "a.csv", "评价\n很好\n"))
    assert table.encoding == "utf-8" and table.rows[0].cells == ("很好",)


def test_semicolons_between_fields_are_found_from_the_header(tmp_path):
    text = 'score;comment;date\n7;"ok, but slow; very slow";2026-03-05\n'
    table = read_answers(write(tmp_path, "semi.csv", text))
    assert table.delimiter == ";"
    assert table.headers == ("score", "comment", "date")
    assert table.rows[0].cells == ("7", "ok, but slow; very slow", "2026-03-05")


def test_tabs_between_fields_and_quoted_line_breaks_keep_each_answer_in_its_row(tmp_path):
    text = (
        "score\tcomment\ttouchpoint\n"
        '4\t"line one\nline two, with a tab\there"\tPickup\n'
        "9\tfine\tPre-order\n"
    )
    table = read_answers(write(tmp_path, "tabs.tsv", text))
    assert table.delimiter == "\t"
    assert cells(table) == [
        (2, ("4", "line one\nline two, with a tab\there", "Pickup")),
        (3, ("9", "fine", "Pre-order")),  # numbered as a spreadsheet shows it: the third row
    ]


def test_a_header_with_commas_inside_quotes_is_still_a_semicolon_file(tmp_path):
    text = '"score, 0-10";"comment, if any"\n8;"a, b, c"\n'
    table = read_answers(write(tmp_path, "q.csv", text))
    assert table.delimiter == ";"
    assert table.headers == ("score, 0-10", "comment, if any")


def test_a_single_column_file_is_read_as_one_column(tmp_path):
    table = read_answers(write(tmp_path, "one.csv", "score\n9\n10\n"))
    assert table.headers == ("score",) and [r.cells for r in table.rows] == [("9",), ("10",)]


def test_blank_rows_are_left_out_and_the_rows_keep_their_numbers(tmp_path):
    text = "\n\nscore,comment\n9,a\n,\n\n10,b\n"
    table = read_answers(write(tmp_path, "gaps.csv", text))
    assert table.header_row == 3
    assert [row.number for row in table.rows] == [4, 7]


def test_headers_are_cleaned_and_trimmed(tmp_path):
    table = read_answers(write(tmp_path, "h.csv", " score \u202e, com\u00adment\n9,x\n"))
    assert table.headers == ("score", "comment")


# -- XLSX -----------------------------------------------------------------------------------


def workbook(path: Path, rows: list[list[object]], first_sheet: str = "Answers") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = first_sheet
    for row in rows:
        sheet.append(row)
    book.create_sheet("Other").append(["not read"])
    book.save(path)
    return path


def test_an_xlsx_first_sheet_is_read_as_text_with_iso_dates_and_whole_numbers(tmp_path):
    path = workbook(
        tmp_path / "survey.xlsx",
        [
            ["推荐分", "评价", "日期", "会员"],
            [9, "很好", datetime.datetime(2026, 3, 5), True],
            [10.0, None, datetime.datetime(2026, 3, 6, 14, 30), "金卡"],
            [9.5, "half", datetime.date(2026, 3, 7), None],
        ],
    )
    table = read_answers(path)
    assert table.kind == "xlsx" and table.sheet == "Answers"
    assert table.headers == ("推荐分", "评价", "日期", "会员")
    assert cells(table) == [
        (2, ("9", "很好", "2026-03-05", "TRUE")),
        (3, ("10", "", "2026-03-06 14:30:00", "金卡")),
        (4, ("9.5", "half", "2026-03-07")),
    ]


def test_a_formula_cell_is_marked_and_never_calculated(tmp_path):
    path = workbook(tmp_path / "f.xlsx", [["score", "comment"], [9, "ok"], ["=4+5", "sum"]])
    table = read_answers(path)
    assert table.rows[0].formulas == frozenset()
    assert table.rows[1].formulas == {0}
    assert table.rows[1].cells == ("=4+5", "sum")  # the formula's text, not 9


def test_an_xlsx_keeps_its_sheet_row_numbers_over_blank_rows(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B2"] = "score"
    sheet["B3"] = 8
    sheet["B6"] = 10
    book.save(tmp_path / "gaps.xlsx")
    table = read_answers(tmp_path / "gaps.xlsx")
    assert table.header_row == 2
    assert cells(table) == [(3, ("", "8")), (6, ("", "10"))]


def test_a_workbook_named_csv_is_read_as_a_workbook(tmp_path):
    workbook(tmp_path / "real.xlsx", [["score"], [7]])
    (tmp_path / "real.xlsx").rename(tmp_path / "renamed.csv")
    table = read_answers(tmp_path / "renamed.csv")
    assert table.kind == "xlsx" and table.rows[0].cells == ("7",)


def test_an_xlsx_that_is_a_text_file_is_refused_clearly(tmp_path):
    error = refused(write(tmp_path, "fake.xlsx", "score,comment\n9,x\n"))
    assert error.problem is ReadProblem.NOT_XLSX
    assert "fake.xlsx" in error.message and "not an XLSX workbook" in error.message


def test_a_zip_that_holds_no_workbook_is_refused_clearly(tmp_path):
    with zipfile.ZipFile(tmp_path / "photos.xlsx", "w") as archive:
        archive.writestr("photo.txt", "not a workbook")
    assert refused(tmp_path / "photos.xlsx").problem is ReadProblem.NOT_XLSX


def test_an_old_xls_or_locked_workbook_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    error = refused(path)
    assert error.problem is ReadProblem.OLD_WORKBOOK and "save it as .xlsx" in error.message


def test_tab_separated_text_saved_as_xls_is_read_as_text(tmp_path):
    table = read_answers(write(tmp_path, "导出.xls", "推荐分\t评价\n9\t好\n", "gb18030"))
    assert table.kind == "csv" and table.rows[0].cells == ("9", "好")


def test_an_xlsx_with_only_a_header_is_refused(tmp_path):
    path = workbook(tmp_path / "h.xlsx", [["score", "comment"]])
    assert refused(path).problem is ReadProblem.HEADER_ONLY


# -- files that cannot be read ---------------------------------------------------------------


def test_an_empty_file_is_refused_as_empty(tmp_path):
    error = refused(write(tmp_path, "empty.csv", ""))
    assert error.problem is ReadProblem.EMPTY
    assert "holds no rows" in error.message


def test_a_file_of_blank_lines_is_empty_too(tmp_path):
    assert refused(write(tmp_path, "blank.csv", "\n \n,,\n")).problem is ReadProblem.EMPTY


def test_a_header_without_answers_is_refused(tmp_path):
    error = refused(write(tmp_path, "header.csv", "推荐分,评价\n\n"))
    assert error.problem is ReadProblem.HEADER_ONLY
    assert "no answers" in error.message


def test_text_that_is_neither_utf8_nor_gb18030_is_refused_with_its_line(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(b"score,comment\n9,fine\n8,caf\xe9 ok\n")
    error = refused(path)
    assert error.problem is ReadProblem.ENCODING
    assert "neither UTF-8 nor GB18030" in error.message and "line 3" in error.message


def test_a_utf16_file_is_refused_as_not_text(tmp_path):
    path = write(tmp_path, "u16.csv", "score\n9\n", "utf-16-le")
    assert refused(path).problem is ReadProblem.NOT_TEXT


def test_a_file_over_50_mb_is_refused_unread(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as file:
        file.truncate(FILE_MAX + 1)  # sparse: no 50 MB written
    error = refused(path)
    assert error.problem is ReadProblem.TOO_LARGE and "50 MB" in error.message


def test_more_rows_than_a_session_holds_are_refused(tmp_path):
    path = write(tmp_path, "many.csv", "score\n" + "9\n" * (ROWS_MAX + 1))
    assert refused(path).problem is ReadProblem.TOO_MANY_ROWS


def test_a_quote_that_never_closes_is_refused_with_its_row(tmp_path):
    error = refused(write(tmp_path, "q.csv", 'score,comment\n9,fine\n3,"never closed\n8,x\n'))
    assert error.problem is ReadProblem.BAD_CSV and "row 3" in error.message


def test_a_missing_file_and_a_folder_are_refused_clearly(tmp_path):
    assert refused(tmp_path / "nowhere.csv").problem is ReadProblem.NOT_FOUND
    assert refused(tmp_path).problem is ReadProblem.IS_FOLDER


# -- the fast sheet reader reads what openpyxl reads --------------------------------------------


def both_readings(path: Path) -> tuple[list[SourceRow], list[SourceRow]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        sheet = book.worksheets[0]
        fast = list(reading._sheet_rows(sheet))
        slow = [row for row in reading.openpyxl_rows(sheet) if row.cells]
    finally:
        book.close()
    return fast, slow


def test_cells_of_every_kind_read_the_same_as_openpyxl_reads_them(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["score", "text", "when", "flag", "big", "small"])
    sheet.append([9, "很好\n两行", datetime.datetime(2026, 3, 5, 9, 30), True, 1e20, 0.1])
    sheet.append([-3, "", datetime.date(2026, 3, 6), False, 12345678901234, 2.5])
    sheet["A6"] = "=SUM(A2:A3)"
    sheet["C6"] = '=A2&"!"'
    sheet["D6"] = "=)"  # a text that begins with "=" is text, not a formula
    sheet["D6"].data_type = "s"
    sheet["F8"] = "far right"
    book.save(tmp_path / "kinds.xlsx")
    fast, slow = both_readings(tmp_path / "kinds.xlsx")
    assert fast == slow
    assert [row.number for row in fast] == [1, 2, 3, 6, 8]
    assert fast[3].formulas == {0, 2} and fast[3].cells[3] == "=)"


def test_a_workbook_as_excel_writes_it_reads_the_same_as_openpyxl_reads_it(tmp_path):
    path = write_shared_strings(tmp_path / "excel.xlsx", benchmark_answers(40))
    fast, slow = both_readings(path)
    assert fast == slow and len(fast) == 41
    assert fast[1].cells[-1] == "2026-01-01"  # a date style on a serial number


def test_a_sheet_whose_elements_carry_a_namespace_prefix_is_read(tmp_path):
    plain = write_shared_strings(tmp_path / "plain.xlsx", benchmark_answers(3))
    prefixed = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(prefixed, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(r"<(/?)(worksheet|dimension|sheetData|row|c|v)\b", r"<\1x:\2", text)
                data = text.replace(' xmlns="', ' xmlns:x="').encode()
            target.writestr(info, data)
    assert read_answers(prefixed).rows == read_answers(plain).rows


def test_without_the_fast_reader_openpyxl_reads_the_rows(tmp_path, monkeypatch):
    path = workbook(tmp_path / "f.xlsx", [["score", "comment"], [9, "ok"], ["=4+5", "sum"]])
    expected = read_answers(path)
    monkeypatch.setattr(sheet_cells, "source_of", lambda sheet: None)
    assert read_answers(path).rows == expected.rows
