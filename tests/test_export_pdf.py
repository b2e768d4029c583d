"""The PDF service blueprint: what a client outside the room reads of a session.

Checked on the real file, its text read with poppler's pdftotext and the rest with pypdf: every
card title and every revealed note can be found as text, private notes cannot, markup-like text
prints literally, fonts are embedded, metadata and outline are set, a large journey is cut into
pages without cutting a card, and a failed export leaves nothing behind.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
from sqlalchemy import Connection

import cocreate
from cocreate.demo import demo_tables, write_demo
from cocreate.export.pdf import (
    PAPERS,
    blueprint_box,
    blueprint_draw,
    blueprint_plans,
    export_pdf,
    paper_size,
    plan_document,
)
from cocreate.export.pdf import fonts as pdf_fonts
from cocreate.export.pdf.blueprint_plan import MIN_SCALE, MIN_TITLE_PT, TITLE_UNITS
from cocreate.export.pdf.data import MemoryRows, load_session, session_data
from cocreate.export.pdf.document import draw_pdf
from cocreate.export.pdf.draw import Painter
from cocreate.export.pdf.fonts import font_set
from cocreate.export.pdf.sheet import Sheet
from cocreate.export.pdf.text import Texts
from cocreate.export.pdf.wrap import elide, wrap
from cocreate.store import SessionFile
from cocreate.store.ops import insert_rows, table
from cocreate.templates import journey_rows
from tests.benchmark.sessions import build_session
from tests.pdf_text import page_texts

MARKUP = ["<b>x</b>", '<img src="file.png"/>', "&amp;"]


# -- building sessions ------------------------------------------------------------------------


def _full(table_name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    defaults = {
        c.name: c.default.arg if c.default is not None else None for c in table(table_name).columns
    }
    return [defaults | row for row in rows]


def make_session(path: Path, spec: dict[str, Any]) -> Path:
    """A session file from a compact spec (see the fixtures below for its shape)."""
    language = spec.get("language", "en")
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in (
        "persona", "journey", "stage", "lane", "touchpoint", "link", "participant", "cluster",
        "note", "vote",
    )}  # fmt: skip
    for index, person in enumerate(spec.get("participants", [])):
        rows["participant"].append(
            {"id": index + 1, "name": person[0], "color": person[1], "role": person[2],
             "position": index}
        )  # fmt: skip
    card_ids: dict[str, int] = {}
    note_ids: dict[str, int] = {}
    for j_index, journey in enumerate(spec["journeys"]):
        jid = j_index + 1
        persona_id = None
        if "persona" in journey:
            persona_id = len(rows["persona"]) + 1
            name, kind = journey["persona"]
            rows["persona"].append({"id": persona_id, "name": name, "kind": kind})
        rows["journey"].append(
            {"id": jid, "name": journey["name"], "position": j_index, "persona_id": persona_id,
             "template": "loyalty"}
        )  # fmt: skip
        stage_rows, lane_rows = journey_rows("loyalty", language, jid)
        stages = journey.get("stages")
        if stages is not None:
            stage_rows = [
                {"journey_id": jid, "name": name, "position": i, "color": color, "width": width}
                for i, (name, color, width) in enumerate(stages)
            ]
        stage_ids = []
        for row in stage_rows:
            row["id"] = len(rows["stage"]) + 1
            rows["stage"].append(row)
            stage_ids.append(row["id"])
        lane_ids = {}
        for row in lane_rows:
            row["id"] = len(rows["lane"]) + 1
            rows["lane"].append(row)
            lane_ids[row["kind"]] = row["id"]
        in_cell: dict[tuple[int, int], int] = {}
        for card in journey.get("cards", []):
            cell = (stage_ids[card["stage"]], lane_ids[card.get("lane", "customer_actions")])
            card_id = len(rows["touchpoint"]) + 1
            card_ids[card["key"]] = card_id
            fields = {k: v for k, v in card.items() if k not in ("key", "stage", "lane")}
            rows["touchpoint"].append(
                {"id": card_id, "journey_id": jid, "stage_id": cell[0], "lane_id": cell[1],
                 "position": in_cell.get(cell, 0)} | fields
            )  # fmt: skip
            in_cell[cell] = in_cell.get(cell, 0) + 1
        for source, target, label in journey.get("links", []):
            rows["link"].append(
                {"id": len(rows["link"]) + 1, "journey_id": jid, "source_id": card_ids[source],
                 "target_id": card_ids[target], "label": label}
            )  # fmt: skip
        clusters = {}
        for title in journey.get("clusters", []):
            clusters[title] = len(rows["cluster"]) + 1
            rows["cluster"].append({"id": clusters[title], "journey_id": jid, "title": title})
        for note in journey.get("notes", []):
            note_id = len(rows["note"]) + 1
            note_ids[note["key"]] = note_id
            rows["note"].append(
                {
                    "id": note_id,
                    "journey_id": jid,
                    "text": note["text"],
                    "author_id": note.get("author"),
                    "category": note.get("category", ""),
                    "stage_id": stage_ids[note["stage"]] if "stage" in note else None,
                    "touchpoint_id": card_ids[note["card"]] if "card" in note else None,
                    "cluster_id": clusters[note["cluster"]] if "cluster" in note else None,
                    "hidden": note.get("hidden", False),
                }
            )
    for participant, key in spec.get("votes", []):
        vote = {"id": len(rows["vote"]) + 1, "participant_id": participant}
        if key in note_ids:
            vote |= {"note_id": note_ids[key], "touchpoint_id": None}
        else:
            vote |= {"note_id": None, "touchpoint_id": card_ids[key]}
        rows["vote"].append(vote)

    def fill(conn: Connection) -> None:
        for name, found in rows.items():
            if found:
                insert_rows(conn, name, _full(name, found))

    SessionFile.create(path, lock=False, fill=fill, **spec["session"]).close()
    return path


def mixed_spec() -> dict[str, Any]:
    """Chinese, English, emoji and markup-like text; a private note; votes; links."""
    return {
        "language": "en",
        "session": {
            "title": "Café 咖啡 salon <b>x</b> ☕",
            "theme": 'Theme with <img src="file.png"/> and &amp; 主题',
            "brand": "Brand & Co <i>",
            "date": "2025-03-01",
            "facilitator": "Ada 林 <script>",
            "goal": "Find the pain points 找出痛点 😀",
            "language": "en",
        },
        "participants": [
            ("Ada 林 <script>", "#ce93d8", "facilitator"),
            ("Bo &amp; 博", "#81d4fa", "participant"),
            ("Cy 😀", "#fff176", "customer"),
        ],
        "journeys": [
            {
                "name": "Commute 通勤 <journey>",
                "persona": ("Lin 小林 &lt;", "loyal"),
                "cards": [
                    {"key": "a", "stage": 0, "lane": "customer_actions",
                     "title": "Sees the ad 看到广告 <b>x</b>", "channel": "ad", "kind": "pre",
                     "emotion": 1, "score": 7, "branded": True},
                    {"key": "b", "stage": 1, "lane": "frontstage",
                     "title": '扫码注册会员 Scan <img src="file.png"/>', "channel": "app",
                     "kind": "first", "emotion": -2, "breakpoint": True, "status": "planned"},
                    {"key": "c", "stage": 2, "lane": "backstage", "title": "Queue &amp; 排队 ☕😀",
                     "channel": "store", "kind": "core", "emotion": -1, "status": "done"},
                    {"key": "d", "stage": 2, "lane": "customer_actions",
                     "title": "一个很长很长的中文触点标题需要换行才能完整显示出来",
                     "kind": "end", "emotion": 2, "score": 10},
                ],
                "links": [("a", "b", "then <b>"), ("b", "c", ""), ("a", "d", "&amp;")],
                "clusters": ["Waiting 等待 <u>"],
                "notes": [
                    {"key": "n1", "text": "Too slow <b>x</b> 太慢了", "author": 1,
                     "category": "pain_point", "card": "c", "cluster": "Waiting 等待 <u>"},
                    {"key": "n2", "text": 'Use <img src="file.png"/> here 😀', "author": 2,
                     "category": "idea", "stage": 1},
                    {"key": "n3", "text": "Tom &amp; Jerry 汤姆", "author": 3,
                     "category": "question"},
                    {"key": "n4", "text": "SECRET private thought 秘密", "author": 2,
                     "category": "pain_point", "stage": 0, "hidden": True},
                    {"key": "n5", "text": "Queue at 8 a.m. 排队", "author": None,
                     "category": "pain_point", "stage": 2},
                ],
            }
        ],
        "votes": [(1, "n2"), (2, "n2"), (3, "n1"), (1, "c")],
    }  # fmt: skip


def big_session(path: Path, cards: int = 500, stages: int = 10) -> Path:
    """The benchmark's realistic journey (tests.benchmark.sessions) of `cards` cards and a link
    per five cards over `stages` stages of mixed widths; each card's title is its number, so the
    PDF's text tells where (and how often) each card printed."""
    build_session(path, cards, cards // 5, stages, stage_widths=(260.0, 484.0, 260.0, 708.0))
    store = SessionFile.open(path)
    try:
        with store.transaction() as conn:
            conn.exec_driver_sql("UPDATE touchpoint SET title = printf('TP-%04d 触点', id)")
    finally:
        store.close()
    return path


def tiny_spec() -> dict[str, Any]:
    return {
        "session": {"title": "Tiny", "language": "en"},
        "journeys": [
            {
                "name": "Tiny journey",
                "stages": [("Only stage", "#e3f0fd", 260.0)],
                "cards": [{"key": "a", "stage": 0, "title": "The one card"}],
            }
        ],
    }


# -- reading PDFs -----------------------------------------------------------------------------


@functools.cache
def _drawable() -> list[Any]:
    fonts = font_set(["中"])
    return [fonts.main, *fonts.fallbacks]


@functools.cache
def _is_drawable(char: str) -> bool:
    """Whether an installed font draws char; asked once per character (a demo's text holds
    tens of thousands of characters, a few hundred of them different)."""
    return any(font.covers(char) for font in _drawable())


def squash(text: str) -> str:
    """Text without whitespace, and without characters no installed font can draw (an emoji
    without fonts-symbola prints as a box that reads back as nothing)."""
    return "".join(c for c in text if not c.isspace() and _is_drawable(c))


def outline_titles(reader: Any) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title))

    walk(reader.outline, 0)
    return found


def font_descriptors(reader: Any) -> list[tuple[str, Any]]:
    """(name, descriptor) of every font the pages use; the descriptor is {} for a font that
    is not embedded (like the standard Helvetica)."""
    found = []
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            found.append((font["/BaseFont"], descriptor.get_object() if descriptor else {}))
    return found


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    return path


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    return make_session(tmp_path / "mixed.cocreate", mixed_spec())


@dataclass(frozen=True)
class Exported:
    """A session and its PDF, exported with the default options (A3 landscape)."""

    session: Path
    pdf: Path


def exported_once(folder: Path, write: Callable[[Path], object]) -> Exported:
    session = folder / "session.cocreate"
    write(session)
    pdf = folder / "session.pdf"
    export_pdf(session, pdf)
    return Exported(session, pdf)


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory) -> Exported:
    """The demo's PDF, exported once for the tests that only read it (each a different part)."""
    return exported_once(tmp_path_factory.mktemp("demo-pdf"), write_demo)


@pytest.fixture(scope="module")
def mixed_pdf(tmp_path_factory) -> Exported:
    """The mixed session's PDF, exported once for the tests that only read it."""
    return exported_once(
        tmp_path_factory.mktemp("mixed-pdf"), lambda path: make_session(path, mixed_spec())
    )


# -- the demo ---------------------------------------------------------------------------------


def test_demo_prints_every_card_title_and_every_revealed_note(demo_pdf: Exported):
    demo = demo_pdf.session
    text = squash("".join(page_texts(demo_pdf.pdf)))
    store = SessionFile.open(demo, read_only=True, lock=False)
    try:
        titles = [row["title"] for row in store.rows("touchpoint")]
        notes = store.rows("note")
        stages = store.rows("stage")
    finally:
        store.close()
    assert titles and all(squash(title) in text for title in titles)
    assert all(squash(stage["name"]) in text for stage in stages)
    for note in notes:
        if note["hidden"]:
            assert squash(note["text"]) not in text
        else:
            assert squash(note["text"]) in text
    assert "可视分界线" in text  # the demo salon ran in Chinese: fixed texts are Chinese
    assert "情绪曲线" in text


def test_demo_metadata_outline_and_embedded_fonts(demo_pdf: Exported):
    demo = demo_pdf.session
    reader = pypdf.PdfReader(demo_pdf.pdf)
    data = load_session(demo)
    session = data.session
    meta = reader.metadata
    assert meta.title == session["title"]
    assert meta.author == session["facilitator"]
    assert meta.subject == session["theme"]
    assert meta.creator == f"cocreate {cocreate.__version__}"

    outline = outline_titles(reader)
    texts = Texts(session["language"])
    top = [title for level, title in outline if level == 0]
    voiced = [journey for journey in data.journeys if journey.voice is not None]  # answers
    sections = ["overview", "blueprints", "notes", "health"] + (["voice"] if voiced else [])
    assert top == [texts(section) for section in sections]
    for journey in data.journeys:
        name = journey.row["name"]
        pages = 3 + (journey in voiced)
        assert sum(1 for level, title in outline if level == 1 and title == name) == pages

    descriptors = font_descriptors(reader)
    assert descriptors
    for base_font, descriptor in descriptors:
        assert "/FontFile2" in descriptor, f"{base_font} is not embedded"


def test_demo_page_count_fits_the_content(demo_pdf: Exported):
    demo = demo_pdf.session
    reader = pypdf.PdfReader(demo_pdf.pdf)
    data = load_session(demo)
    width, height = paper_size("A3", True)
    sheet = Sheet(width, height)
    texts = Texts(data.language)
    pages = plan_document(Painter(None, font_set(["中"])), data, texts, sheet)
    assert len(reader.pages) == len(pages)
    kinds = [page.key.split("-")[0] for page in pages]
    journeys = len(data.journeys)
    assert kinds[0] == "overview"
    assert kinds.count("blueprint") == journeys  # the demo journeys each fit on one A3 page
    # One health page per journey, and a second one where the ranking of every voted note and
    # card goes on (the demo's first journey has 13).
    voted = sum(len(j.health.top_voted) for j in data.journeys)
    assert journeys <= kinds.count("health") <= journeys + voted // 10
    notes = sum(len(j.notes) for j in data.journeys)
    assert journeys <= kinds.count("notes") <= journeys + notes // 8
    assert kinds == sorted(kinds, key=["overview", "blueprint", "notes", "health", "voice"].index)


def document_plans(session: Path, paper: str = "A3", landscape: bool = True):
    data = load_session(session)
    sheet = Sheet(*paper_size(paper, landscape))
    painter = Painter(None, font_set(["中"]))
    return data, sheet, blueprint_plans(painter, data, Texts(data.language), sheet)


def test_demo_on_a4_portrait_keeps_titles_legible(demo: Path, tmp_path: Path):
    out = tmp_path / "demo-a4.pdf"
    export_pdf(demo, out, paper="A4", landscape=False)
    reader = pypdf.PdfReader(out)
    assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height
    data, sheet, plans = document_plans(demo, "A4", False)
    for journey in data.journeys:
        plan = plans[journey.id]
        assert plan.scale * TITLE_UNITS >= MIN_TITLE_PT - 1e-6
        assert sorted(c for tile in plan.tiles for c in tile.cards) == sorted(journey.card_by_id)
    text = squash("".join(page_texts(out)))
    assert all(squash(card["title"]) in text for j in data.journeys for card in j.touchpoints)


# -- people's text ----------------------------------------------------------------------------


def test_markup_emoji_and_chinese_print_literally(mixed_pdf: Exported):
    out = mixed_pdf.pdf
    reader = pypdf.PdfReader(out)
    # Nothing in a session makes the exporter read a file: there are no pictures at all.
    assert all("/XObject" not in page["/Resources"] for page in reader.pages)
    text = squash("".join(page_texts(out)))
    spec = mixed_spec()
    journey = spec["journeys"][0]
    for card in journey["cards"]:
        assert squash(card["title"]) in text, card["title"]
    for note in journey["notes"]:
        if note.get("hidden"):
            assert squash(note["text"]) not in text
            assert "SECRET" not in text
        else:
            assert squash(note["text"]) in text, note["text"]
    for value in MARKUP:
        assert squash(value) in text
    # Emoji need a fallback font (fonts-symbola on Debian); without one they print as boxes.
    assert squash("☕😀") in text
    assert squash("Commute 通勤 <journey>") in text
    assert squash("1 private note is not shown") in text
    assert "Lineofvisibility" in text  # an English salon: fixed texts are English
    meta = reader.metadata
    assert meta.title == spec["session"]["title"]
    assert meta.author == spec["session"]["facilitator"]


def test_fonts_are_embedded_for_chinese_and_emoji(mixed_pdf: Exported):
    descriptors = font_descriptors(pypdf.PdfReader(mixed_pdf.pdf))
    assert descriptors and all("/FontFile2" in d for _name, d in descriptors)


def test_without_a_chinese_font_english_exports_and_chinese_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_fonts, "find_cjk_font", lambda: None)
    english = make_session(tmp_path / "en.cocreate", tiny_spec())
    out = tmp_path / "en.pdf"
    export_pdf(english, out)
    assert "The one card" in "".join(page_texts(out))

    chinese = make_session(tmp_path / "zh.cocreate", mixed_spec())
    out = tmp_path / "zh.pdf"
    with pytest.raises(RuntimeError, match="no font with Chinese glyphs found"):
        export_pdf(chinese, out)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp")) == ["en.pdf"]


# -- large and tiny journeys ------------------------------------------------------------------


def test_a_500_card_journey_is_cut_into_pages_without_cutting_a_card(tmp_path: Path):
    session = big_session(tmp_path / "big.cocreate")
    out = tmp_path / "big.pdf"
    export_pdf(session, out)
    data, sheet, plans = document_plans(session)
    journey = data.journeys[0]
    plan = plans[journey.id]
    left, top, width, height = blueprint_box(sheet)
    assert (plan.left, plan.top, plan.width, plan.height) == (left, top, width, height)
    assert len(plan.tiles) > 1
    assert plan.scale >= MIN_SCALE - 1e-9  # card titles stay at 7 pt or more
    seen: dict[int, int] = {}
    for tile in plan.tiles:
        for card_id in tile.cards:
            seen[card_id] = seen.get(card_id, 0) + 1
            x, y, w, h = plan.transform(tile).rect(journey.layout.cards[card_id])
            assert left - 1e-6 <= x and x + w <= left + width + 1e-6
            assert top - height - 1e-6 <= y and y + h <= top + 1e-6
    assert seen == {card_id: 1 for card_id in journey.card_by_id}

    texts = page_texts(out)
    blueprint = squash("".join(texts[1 : 1 + len(plan.tiles)]))
    for card in journey.card_by_id.values():
        assert blueprint.count(squash(card["title"])) == 1, card["title"]
    # Every page repeats the stage headers and the lane labels of what it shows.
    layout = journey.layout
    for tile, page_text in zip(plan.tiles, texts[1 : 1 + len(plan.tiles)], strict=True):
        page_text = squash(page_text)
        for stage_id in tile.stage_ids:
            assert squash(journey.stage_by_id[stage_id]["name"]) in page_text
        for lane_id in layout.lane_order:
            lane = layout.lanes[lane_id]
            if lane.y < tile.y1 and lane.bottom > tile.y0:
                assert squash(journey.lane_by_id[lane_id]["name"]) in page_text


def test_a_tiny_journey_fits_on_one_page(tmp_path: Path):
    session = make_session(tmp_path / "tiny.cocreate", tiny_spec())
    out = tmp_path / "tiny.pdf"
    export_pdf(session, out)
    data, _sheet, plans = document_plans(session)
    assert len(plans[data.journeys[0].id].tiles) == 1
    # title page, one blueprint page, one health page (no notes)
    assert len(pypdf.PdfReader(out).pages) == 3


@pytest.mark.parametrize("paper", PAPERS)
def test_every_paper_in_both_orientations(tmp_path: Path, paper: str):
    session = make_session(tmp_path / "tiny.cocreate", tiny_spec())
    for landscape in (True, False):
        out = tmp_path / f"{paper}-{landscape}.pdf"
        export_pdf(session, out, paper=paper, landscape=landscape)
        box = pypdf.PdfReader(out).pages[0].mediabox
        assert (box.width > box.height) == landscape
        assert (float(box.width), float(box.height)) == pytest.approx(
            paper_size(paper, landscape), abs=0.5
        )


def test_journeys_choose_what_is_printed(demo: Path, tmp_path: Path):
    data = load_session(demo)
    first, second = (journey.row["name"] for journey in data.journeys[:2])
    out = tmp_path / "one.pdf"
    export_pdf(demo, out, journeys=[second])
    reader = pypdf.PdfReader(out)
    level_one = {title for level, title in outline_titles(reader) if level == 1}
    assert level_one == {second}
    text = squash("".join(page_texts(out)))
    assert all(squash(card["title"]) not in text for card in data.journeys[0].touchpoints)


# -- errors -----------------------------------------------------------------------------------


def test_unknown_paper_or_journey_raises_and_writes_nothing(demo: Path, tmp_path: Path):
    out = tmp_path / "out.pdf"
    with pytest.raises(ValueError, match="unknown paper 'B5'.*A4, A3"):
        export_pdf(demo, out, paper="B5")
    with pytest.raises(ValueError, match="no journey named 'Nope'"):
        export_pdf(demo, out, journeys=["Nope"])
    with pytest.raises(ValueError, match="no journey chosen"):
        export_pdf(demo, out, journeys=[])
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.pdf")]
    assert export_pdf(demo, out, paper="a4") is None and out.exists()  # any letter case


def test_a_failure_mid_export_leaves_no_partial_file(demo: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"the previous export")
    calls = {"n": 0}
    original = blueprint_draw.BlueprintPage._card

    def failing(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(blueprint_draw.BlueprintPage, "_card", failing)
    with pytest.raises(OSError, match="disk full"):
        export_pdf(demo, out)
    assert out.read_bytes() == b"the previous export"
    assert not list(tmp_path.glob(".out.pdf.*"))

    fresh = tmp_path / "fresh.pdf"
    calls["n"] = 0
    with pytest.raises(OSError):
        export_pdf(demo, fresh)
    assert not fresh.exists()
    assert not list(tmp_path.glob(".fresh.pdf.*"))


def test_the_exporter_imports_no_qt(headless):
    _folder, loaded = headless
    assert loaded["pdf exporter"] == []


# -- pieces -----------------------------------------------------------------------------------


def test_the_demo_drawn_from_rows_in_memory_is_the_demo_files_pdf(demo_pdf, tmp_path):
    """What the exporter's warm-up draws (cocreate.export.warm): the demo from its rows in
    memory, with no file, is the document the demo's file exports, page for page."""
    drawn = tmp_path / "in-memory.pdf"
    with open(drawn, "wb") as handle:
        draw_pdf(handle, session_data(MemoryRows(demo_tables())))
    assert page_texts(drawn) == page_texts(demo_pdf.pdf)


def test_wrapping_breaks_chinese_anywhere_and_latin_at_spaces():
    def measure(text: str) -> float:
        return sum(2.0 if ord(c) > 0x2E80 else 1.0 for c in text)

    assert wrap("写字楼大堂快闪试饮", 8, measure) == ["写字楼大", "堂快闪试", "饮"]
    assert wrap("Office lobby pop-up tasting", 12, measure) == ["Office lobby", "pop-up", "tasting"]
    # A closing mark never starts a line, an opening one never ends one.
    assert wrap("排队太久。（真的）", 8, measure) == ["排队太", "久。（真", "的）"]
    assert wrap("Supercalifragilistic", 8, measure) == ["Supercal", "ifragili", "stic"]
    assert wrap("a\nb", 10, measure) == ["a", "b"]
    assert wrap("one two three four", 9, measure, max_lines=1) == ["one two…"]


def test_a_text_cut_to_a_few_lines_keeps_the_lines_it_would_have_uncut():
    """Wrapping stops past the last line kept (a long note in a four-line box): the lines kept
    are the uncut text's, and the ellipsis shows exactly when something is left out, even
    text after empty lines."""

    def measure(text: str) -> float:
        return sum(2.0 if ord(c) > 0x2E80 else 1.0 for c in text)

    long_text = "排队太久。" * 200 + " and " + "words " * 300
    full = wrap(long_text, 12, measure)
    assert wrap(long_text, 12, measure, max_lines=4) == [
        *full[:3],
        elide(full[3], 12, measure, force=True),
    ]
    assert wrap("one two\n\nthree", 9, measure, max_lines=1) == ["one two…"]
    assert wrap("one two\n\n\nthree", 9, measure, max_lines=2) == ["one two", "…"]
    assert wrap("one two\n\n\n", 9, measure, max_lines=1) == ["one two"]
    assert wrap("one\ntwo", 9, measure, max_lines=2) == ["one", "two"]


def test_journey_health(mixed: Path):
    health = load_session(mixed).journeys[0].health
    names = [stage.stage["name"] for stage in health.stages]
    assert [s.stage["name"] for s in health.empty_stages] == [names[3]]
    breakpoints = [card["title"] for card in health.breakpoints]
    assert breakpoints == ['扫码注册会员 Scan <img src="file.png"/>']
    pains = {stage.stage["name"]: [n["text"] for n in stage.pain_points] for stage in health.stages}
    # A pain point counts for its stage, or for the stage of the card it is pinned to; the
    # private one is left out and counted.
    assert pains[names[2]] == ["Too slow <b>x</b> 太慢了", "Queue at 8 a.m. 排队"]
    assert pains[names[0]] == []
    assert health.hidden_notes == 1
    assert health.pain_point_count == 2
    assert health.lowest_stages == {health.stages[1].stage_id}
    assert [s.stage["name"] for s in health.negative_stages] == [names[1]]
    assert health.stages[0].channels == ("ad",)
    # Every voted note (the pain point too) and card, most dots first; ties share a rank and
    # list touchpoints first, as the Votes panel does.
    voted = [(item.source, item.text, item.votes, item.rank) for item in health.top_voted]
    assert voted == [
        ("note", 'Use <img src="file.png"/> here 😀', 2, 1),
        ("touchpoint", "Queue &amp; 排队 ☕😀", 1, 2),
        ("note", "Too slow <b>x</b> 太慢了", 1, 2),
    ]


# -- what the health page says agrees with the notes page ------------------------------------


def keyed_pages(session: Path, out: Path, paper: str = "A3") -> list[tuple[str, str]]:
    """(key, text) of each page of the PDF: read and planned once for all the sections a test
    looks at."""
    data, sheet, _plans = document_plans(session, paper)
    pages = plan_document(Painter(None, font_set(["中"])), data, Texts(data.language), sheet)
    texts = page_texts(out)
    assert len(texts) == len(pages)
    return [(page.key, text) for page, text in zip(pages, texts, strict=True)]


def section_texts(pages: list[tuple[str, str]], section: str) -> list[str]:
    """The text of each page of one section ("overview", "blueprint", "notes", "health")."""
    return [text for key, text in pages if key.startswith(section)]


def voting_spec() -> dict[str, Any]:
    """Votes on notes of every kind: one without a category (as older files hold), a pain
    point, a question, a private one; an idea nobody voted for; a voted card."""
    return {
        "session": {"title": "Votes", "language": "en"},
        "participants": [("Ann", "#ce93d8", "facilitator"), ("Bo", "#81d4fa", "participant"),
                         ("Cy", "#fff176", "participant")],
        "journeys": [
            {
                "name": "Commute",
                "cards": [{"key": "a", "stage": 2, "title": "Pickup shelf"},
                          {"key": "b", "stage": 1, "title": "Poster"}],
                "notes": [
                    {"key": "old", "text": "Written before categories", "author": 1},
                    {"key": "pain", "text": "Queue is long", "author": 2,
                     "category": "pain_point", "stage": 2},
                    {"key": "ask", "text": "Why two apps", "author": 3, "category": "question"},
                    {"key": "idle", "text": "Unvoted idea", "author": 1, "category": "idea"},
                    {"key": "secret", "text": "SECRET thought", "author": 2,
                     "category": "pain_point", "hidden": True},
                ],
            }
        ],
        "votes": [(1, "pain"), (2, "pain"), (3, "pain"), (1, "a"), (2, "a"), (2, "old"),
                  (3, "old"), (1, "ask"), (3, "secret")],
    }  # fmt: skip


def test_the_health_page_ranks_every_voted_note_and_card_whatever_its_category(tmp_path: Path):
    session = make_session(tmp_path / "votes.cocreate", voting_spec())
    (journey,) = load_session(session).journeys
    ranked = [(item.source, item.text, item.votes, item.rank) for item in journey.health.top_voted]
    # Ties share a rank; among them the card comes first, as in the Votes panel. A note without
    # a category still counts; the unvoted idea and the private note do not.
    assert ranked == [
        ("note", "Queue is long", 3, 1),
        ("touchpoint", "Pickup shelf", 2, 2),
        ("note", "Written before categories", 2, 2),
        ("note", "Why two apps", 1, 4),
    ]

    out = tmp_path / "votes.pdf"
    export_pdf(session, out)
    pages = keyed_pages(session, out)
    (health,) = section_texts(pages, "health")
    (notes,) = section_texts(pages, "notes")
    (overview,) = section_texts(pages, "overview")
    assert "4 notes · 6 votes" in notes  # what the notes page counts, the health page ranks
    # The title page adds the card's 2 dots; the private note's dot is shown nowhere, so it is
    # counted nowhere.
    assert "\n8\nVotes" in overview
    assert "Top-voted" in health and "No votes yet" not in health
    for text in ("Queue is long", "Pickup shelf", "Written before categories", "Why two apps"):
        assert squash(text) in squash(health), text
    # Each says what it is: its category, "Uncategorised note", or "Touchpoint".
    for label in ("Pain point", "Uncategorised note", "Question", "Touchpoint"):
        assert squash(label) in squash(health), label
    assert "Unvoted idea" not in health and "SECRET" not in health + notes


def test_a_long_ranking_goes_on_over_the_next_page(tmp_path: Path):
    spec = voting_spec()
    journey = spec["journeys"][0]
    journey["notes"] = [
        {"key": f"n{i}", "text": f"Voted note number {i:02d}", "author": 1 + i % 3,
         "category": ("idea", "need", "praise")[i % 3]}
        for i in range(30)
    ]  # fmt: skip
    spec["votes"] = [(1 + i % 3, f"n{i}") for i in range(30) for _ in range(1 + i % 4)]
    session = make_session(tmp_path / "many.cocreate", spec)
    out = tmp_path / "many.pdf"
    export_pdf(session, out, paper="A4")
    health = section_texts(keyed_pages(session, out, "A4"), "health")
    assert len(health) >= 2
    everything = squash("".join(health))
    assert all(squash(f"Voted note number {i:02d}") in everything for i in range(30))
    assert "Top-voted (continued)" in "".join(health[1:])


def test_a_journey_with_nothing_on_it_gets_one_line_and_no_pages(tmp_path: Path):
    spec = tiny_spec()
    spec["journeys"].append({"name": "Nothing here yet"})
    session = make_session(tmp_path / "empty.cocreate", spec)
    out = tmp_path / "empty.pdf"
    export_pdf(session, out)
    reader = pypdf.PdfReader(out)
    # The title page, then the tiny journey's blueprint and health pages: no blank blueprint,
    # no health page raising "4 stages without touchpoints" for the empty one.
    assert len(reader.pages) == 3
    assert [t for level, t in outline_titles(reader) if level == 1] == ["Tiny journey"] * 2
    title, *others = page_texts(out)
    assert "Nothing here yet" in title
    assert squash("Empty: nothing was put on this journey (no touchpoints, no notes).") in squash(
        title
    )
    assert all("Nothing here yet" not in page for page in others)


def test_a_journey_with_only_notes_gets_no_blank_blueprint_and_no_alarm(tmp_path: Path):
    spec = tiny_spec()
    spec["journeys"] = [
        {"name": "Only notes", "notes": [{"key": "n", "text": "A first thought", "author": None,
                                          "category": "idea"}]}
    ]  # fmt: skip
    session = make_session(tmp_path / "notes.cocreate", spec)
    out = tmp_path / "notes.pdf"
    export_pdf(session, out)
    pages = keyed_pages(session, out)
    assert section_texts(pages, "blueprint") == []
    (notes,) = section_texts(pages, "notes")
    assert "A first thought" in notes
    (health,) = section_texts(pages, "health")
    # Not mapped yet is said as such, not as four stages missing their touchpoints.
    assert "No touchpoints mapped yet" in health
    assert "Cognition, Attraction, Buy, Loyalty" not in health


# -- colours as on the screen -----------------------------------------------------------------


def fill_colors(reader: Any, index: int) -> set[tuple[int, int, int]]:
    """The RGB fill colours (0…255) a page paints with."""
    content = reader.pages[index].get_contents().get_data().decode("latin-1")
    found = re.findall(r"(?<![\w.])([\d.]+) ([\d.]+) ([\d.]+) rg\b", content)
    return {tuple(round(float(value) * 255) for value in rgb) for rgb in found}  # type: ignore[misc]


def hex_rgb(value: str) -> tuple[int, int, int]:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def screen_color(note: dict[str, Any], author: dict[str, Any] | None, by_category: bool) -> str:
    """The colour the canvas paints a note in."""
    from cocreate.canvas.notes import NoteItem

    item = NoteItem(note)
    item.set_state(note, author, by_category, [])
    return item.color().name()


def test_notes_print_in_the_colours_the_canvas_shows_them_in(tmp_path: Path, qapp):
    categories = ["pain_point", "idea", "question", "praise", "need"]
    spec = tiny_spec()
    spec["participants"] = [("Ada", "#80deea", "participant")]
    spec["journeys"][0]["notes"] = [
        {"key": category, "text": f"A {category} note", "author": 1, "category": category}
        for category in categories
    ] + [{"key": "nobody", "text": "Nobody wrote this", "author": None}]
    session = make_session(tmp_path / "colours.cocreate", spec)
    out = tmp_path / "colours.pdf"
    export_pdf(session, out)
    data, sheet, _plans = document_plans(session)
    pages = plan_document(Painter(None, font_set(["中"])), data, Texts(data.language), sheet)
    (notes_page,) = [i for i, page in enumerate(pages) if page.key.startswith("notes")]
    colors = fill_colors(pypdf.PdfReader(out), notes_page)
    notes = {note["text"]: note for note in data.journeys[0].notes}
    ada = data.participants[0]
    # Each category badge has the colour the note has on screen in the category view …
    for category in categories:
        note = notes[f"A {category} note"]
        assert hex_rgb(screen_color(note, ada, by_category=True)) in colors, category
    # … and a note without author or colour has the canvas's sticky yellow, not a grey.
    assert hex_rgb(screen_color(notes["Nobody wrote this"], None, by_category=False)) in colors
