"""The PDF service blueprint of a session: `export_pdf(session, out)` (no Qt).

The document, in order: a title page (session, participants, contents); a blueprint per
journey with touchpoints (stages as columns, the blueprint lanes as rows, touchpoint cards,
links and the emotion curve, cut into pages of whole stages and whole card rows when it would
otherwise print too small); the sticky notes by cluster and by stage, ranked by votes (private
notes are counted, never printed); a journey-health page per journey; and a "Voice of the
customer" page per journey with survey answers (NPS and comments). A journey with
nothing on it (no touchpoint, no note) gets no pages: its line in the contents says so. Vector
drawing with real, searchable text in an embedded TrueType font with Chinese glyphs; PDF
metadata and an outline.

The file is written beside OUT under a temporary name and moved over OUT when complete, so a
failure never leaves a partial or empty OUT.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib import pagesizes
from reportlab.pdfgen.canvas import Canvas

from cocreate import __version__
from cocreate.atomic import replacing
from cocreate.export.pdf.blueprint_draw import BlueprintPage
from cocreate.export.pdf.blueprint_plan import BlueprintPlan, plan_blueprint
from cocreate.export.pdf.data import (
    JourneyData,
    SessionData,
    load_session,
    printed_texts,
)
from cocreate.export.pdf.draw import Painter
from cocreate.export.pdf.fonts import FontSet, font_set, normalized
from cocreate.export.pdf.health_pages import health_blocks, health_lists
from cocreate.export.pdf.legend import legend, legend_rows
from cocreate.export.pdf.notes_pages import notes_blocks
from cocreate.export.pdf.sheet import (
    Block,
    Footer,
    PageContext,
    PagePlan,
    Sheet,
    draw_chrome,
    draw_flowed,
    flow,
)
from cocreate.export.pdf.text import Texts
from cocreate.export.pdf.title_page import Contents, draw_title_page, journey_name, persona_line
from cocreate.export.pdf.voice_page import voice_blocks, voice_subtitle
from cocreate.export.registry import PAPERS, Progress, no_progress

_SIZES: dict[str, tuple[float, float]] = {
    "A4": pagesizes.A4,
    "A3": pagesizes.A3,
    "A2": pagesizes.A2,
    "A1": pagesizes.A1,
    "A0": pagesizes.A0,
    "Letter": pagesizes.LETTER,
    "Tabloid": pagesizes.TABLOID,
}


def paper_size(paper: str, landscape: bool = True) -> tuple[float, float]:
    """(width, height) in points. ValueError for a paper not in PAPERS (any letter case)."""
    names = {name.lower(): name for name in PAPERS}
    name = names.get(str(paper).strip().lower())
    if name is None:
        raise ValueError(f"unknown paper {paper!r}: choose one of {', '.join(PAPERS)}")
    short, long = sorted(_SIZES[name])
    return (long, short) if landscape else (short, long)


def export_pdf(
    session: Path,
    out: Path,
    *,
    paper: str = "A3",
    landscape: bool = True,
    journeys: list[str | int] | None = None,
    progress: Progress = no_progress,
) -> None:
    """Write the service blueprint of the session file to out.

    journeys: the names (or ids) of the journeys to include (None: all). ValueError for an
    unknown paper or journey name; NoChineseFontError (a RuntimeError) when the session holds
    Chinese text and no font with Chinese glyphs is installed; SessionFileError for a file
    that is not a readable session. progress(done, total) is told each page before it is
    drawn, and once more before the file is saved; what it raises (ExportCancelled) stops the
    export. On any error out is left as it was.
    """
    width, height = paper_size(paper, landscape)
    data = load_session(Path(session), journeys)
    texts, fonts = _texts_and_fonts(data)  # (no font for its Chinese: no file touched)
    with replacing(Path(out)) as tmp, open(tmp, "wb") as handle:
        write_pdf(handle, data, texts, fonts, Sheet(width, height), progress)


def draw_pdf(handle: BinaryIO, data: SessionData) -> None:
    """The document of a session read already (A3 landscape, every journey read), into an
    open binary file: what export_pdf does after reading the file."""
    write_pdf(handle, data, *_texts_and_fonts(data), Sheet(*paper_size("A3")))


def _texts_and_fonts(data: SessionData) -> tuple[Texts, FontSet]:
    """The document's words in the session's language, and the fonts for everything it
    may print."""
    texts = Texts(data.language)
    return texts, font_set(printed_texts(data) + texts.all_texts())


# -- the document -----------------------------------------------------------------------------


def write_pdf(
    handle: BinaryIO,
    data: SessionData,
    texts: Texts,
    fonts: FontSet,
    sheet: Sheet,
    progress: Progress = no_progress,
) -> None:
    """Draw the whole document into an open binary file."""
    # Binary streams: ASCII85 makes files a quarter larger and costs a fifth of the time.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        _write_pdf(handle, data, texts, fonts, sheet, progress)
    finally:
        rl_config.useA85 = saved


def _write_pdf(
    handle: BinaryIO,
    data: SessionData,
    texts: Texts,
    fonts: FontSet,
    sheet: Sheet,
    progress: Progress,
) -> None:
    session = data.session
    canvas = Canvas(
        handle,
        pagesize=(sheet.width, sheet.height),
        pageCompression=1,
        initialFontName=fonts.main.name,  # no stray Helvetica when everything is embedded
    )
    # The metadata and the outline hold people's text as the pages draw it (normalized).
    canvas.setTitle(normalized(str(session.get("title") or "")) or texts("untitled_session"))
    canvas.setAuthor(normalized(str(session.get("facilitator") or "")))
    canvas.setSubject(normalized(str(session.get("theme") or "")))
    canvas.setCreator(f"cocreate {__version__}")
    canvas.setKeywords(", ".join(normalized(j.row["name"]) for j in data.journeys))
    painter = Painter(canvas, fonts)
    pages = plan_document(painter, data, texts, sheet)
    numbers = {page.key: index + 1 for index, page in enumerate(pages)}
    footer = _footer(data, texts)
    for index, page in enumerate(pages):
        progress(index, len(pages))
        context = PageContext(index + 1, len(pages), numbers)
        canvas.bookmarkPage(page.key)
        for entry, (title, level) in enumerate(page.outline):
            # One destination per entry: reportlab keeps one title per destination name.
            destination = f"{page.key}/{entry}"
            canvas.bookmarkPage(destination)
            canvas.addOutlineEntry(normalized(title), destination, level=level, closed=level > 0)
        if page.chrome:
            draw_chrome(painter, sheet, page, footer, context)
        else:
            draw_chrome(painter, sheet, _footer_only(page), footer, context)
        page.draw(painter, context)
        canvas.showPage()
    progress(len(pages), len(pages))
    canvas.showOutline()
    canvas.save()


def _footer(data: SessionData, texts: Texts) -> Footer:
    session = data.session
    parts = [
        str(session.get("title") or "") or texts("untitled_session"),
        str(session.get("brand") or ""),
        texts.date(str(session.get("date") or "")),
    ]
    left = "  ·  ".join(part for part in parts if part.strip())
    made = texts("made_with", version=__version__)
    return Footer(left, f"{made}     {{page}} / {{count}}")


def _footer_only(page: PagePlan) -> PagePlan:
    return PagePlan(page.key, "", "", "", page.draw)


def _section_pages(
    pages, section, texts, session_title, sheet, flows, subtitle=persona_line
) -> dict[int, str]:
    """Append the pages of a per-journey section (notes, health, voice): one outline entry
    for the section, one per journey, subtitle(journey, texts) under the title of its first
    page and "(continued)" on follow-on pages. The first page key of each journey, by
    journey id."""
    starts: dict[int, str] = {}
    for number, (journey, placed_pages) in enumerate(flows):
        for index, placed in enumerate(placed_pages):
            key = f"{section}-{journey.id}-{index}"
            outline = []
            if number == 0 and index == 0:
                outline.append((texts(section), 0))
            if index == 0:
                starts[journey.id] = key
                outline.append((journey_name(journey, texts), 1))
            pages.append(
                PagePlan(
                    key,
                    texts(section),
                    journey_name(journey, texts),
                    subtitle(journey, texts) if index == 0 else f"({texts('continued')})",
                    _flowed_drawer(placed, sheet),
                    aside=session_title,
                    outline=outline,
                )
            )
    return starts


def plan_document(
    painter: Painter, data: SessionData, texts: Texts, sheet: Sheet
) -> list[PagePlan]:
    """Every page of the document, in order, before anything is drawn."""
    contents = Contents({})
    card_pages: dict[int, int] = {}  # filled once the pages are numbered
    pages: list[PagePlan] = []
    session_title = str(data.session.get("title") or "") or texts("untitled_session")

    def draw_title(p: Painter, ctx: PageContext) -> None:
        draw_title_page(p, sheet, data, texts, contents)

    pages.append(
        PagePlan("overview", "", "", "", draw_title, outline=[(texts("overview"), 0)], chrome=False)
    )

    blueprint_starts: dict[int, str] = {}
    tile_keys: dict[tuple[int, int], str] = {}
    legend_lines = _legend_lines(painter, texts, sheet)
    plans = blueprint_plans(painter, data, texts, sheet)
    # A blueprint without a single card would print an empty grid: it is left out.
    mapped = [journey for journey in data.journeys if journey.touchpoints]
    for number, journey in enumerate(mapped):
        plan = plans[journey.id]
        for tile in plan.tiles:
            key = f"blueprint-{journey.id}-{tile.index}"
            tile_keys[(journey.id, tile.index)] = key
            outline = []
            if number == 0 and tile.index == 0:
                outline.append((texts("blueprints"), 0))
            if tile.index == 0:
                blueprint_starts[journey.id] = key
                outline.append((journey_name(journey, texts), 1))
            if len(plan.tiles) > 1:
                outline.append((_part_text(journey, plan, tile.index, texts), 2))
            page = BlueprintPage(journey, plan, tile, texts, card_pages, data.card_votes)
            pages.append(
                PagePlan(
                    key,
                    texts("document"),
                    journey_name(journey, texts),
                    persona_line(journey, texts),
                    _blueprint_drawer(page, sheet, texts, legend_lines),
                    aside=_part_text(journey, plan, tile.index, texts)
                    if len(plan.tiles) > 1
                    else session_title,
                    outline=outline,
                )
            )

    with_notes = [journey for journey in data.journeys if journey.notes]
    notes_starts = _section_pages(
        pages,
        "notes",
        texts,
        session_title,
        sheet,
        [
            (
                journey,
                flow(notes_blocks(painter, sheet, journey, data, texts), sheet.content_height),
            )
            for journey in with_notes
        ],
    )
    health_starts = _section_pages(
        pages,
        "health",
        texts,
        session_title,
        sheet,
        [
            (journey, _health_pages(painter, sheet, journey, data, texts))
            for journey in data.journeys
            if not journey.empty  # the title page says in one line that it is empty
        ],
    )
    voice_starts = _section_pages(
        pages,
        "voice",
        texts,
        session_title,
        sheet,
        [
            (journey, flow(voice_blocks(painter, sheet, journey, texts), sheet.content_height))
            for journey in data.journeys
            if journey.voice is not None  # only a journey with survey answers has one
        ],
        lambda journey, texts: voice_subtitle(painter, journey, texts),
    )

    numbers = {page.key: index + 1 for index, page in enumerate(pages)}
    for journey in mapped:
        for tile in plans[journey.id].tiles:
            page_number = numbers[tile_keys[(journey.id, tile.index)]]
            for card_id in tile.cards:
                card_pages[card_id] = page_number
    for journey in data.journeys:
        contents.pages[journey.id] = (
            numbers.get(blueprint_starts.get(journey.id, "")),
            numbers.get(notes_starts.get(journey.id, "")),
            numbers.get(health_starts.get(journey.id, "")),
            numbers.get(voice_starts.get(journey.id, "")),
        )
    return pages


#: The legend's type size (times the paper's type scale).
LEGEND_SIZE = 7.0


def legend_height(sheet: Sheet, rows: int = 1) -> float:
    return (26 + (rows - 1) * LEGEND_SIZE * 2.2) * sheet.type_scale


def blueprint_box(sheet: Sheet, legend_lines: int = 1) -> tuple[float, float, float, float]:
    """The printable box of a blueprint page: (left, top, width, height) in points."""
    bottom = sheet.bottom + legend_height(sheet, legend_lines)
    top = sheet.top
    return sheet.left, top, sheet.content_width, top - bottom


def _legend_lines(painter: Painter, texts: Texts, sheet: Sheet) -> int:
    return len(legend_rows(painter, texts, LEGEND_SIZE * sheet.type_scale, sheet.content_width))


def blueprint_plans(
    painter: Painter, data: SessionData, texts: Texts, sheet: Sheet
) -> dict[int, BlueprintPlan]:
    """Scale and pages of each journey's blueprint: journey id -> plan."""
    box = blueprint_box(sheet, _legend_lines(painter, texts, sheet))
    return {
        journey.id: plan_blueprint(journey.layout, *box, max_scale=sheet.type_scale)
        for journey in data.journeys
    }


def _part_text(journey: JourneyData, plan: BlueprintPlan, index: int, texts: Texts) -> str:
    tile = plan.tiles[index]
    order = journey.layout.stage_order
    parts = []
    if plan.groups > 1 and tile.stage_ids:
        first = order.index(tile.stage_ids[0]) + 1
        last = order.index(tile.stage_ids[-1]) + 1
        parts.append(texts("stage_range", first=first, last=last, count=len(order)))
    parts.append(texts("part", index=index + 1, count=len(plan.tiles)))
    return "  ·  ".join(parts)


def _blueprint_drawer(
    page: BlueprintPage, sheet: Sheet, texts: Texts, legend_lines: int
) -> Callable[[Painter, PageContext], None]:
    def draw(painter: Painter, ctx: PageContext) -> None:
        page.draw(painter)
        if not page.tile.stage_ids:
            return
        size = LEGEND_SIZE * sheet.type_scale
        left, _top = page.plan.tile_origin(page.tile)  # under the blueprint's left edge …
        if len(legend_rows(painter, texts, size, sheet.right - left)) > legend_lines:
            left = sheet.left  # … unless it needs more rows there than it has room for
        legend(painter, texts, left, sheet.bottom + 7 * sheet.type_scale, size, sheet.right - left)

    return draw


def _flowed_drawer(
    placed: list[tuple[Block, float]], sheet: Sheet
) -> Callable[[Painter, PageContext], None]:
    def draw(painter: Painter, ctx: PageContext) -> None:
        draw_flowed(painter, sheet, placed)

    return draw


def _health_pages(
    painter: Painter, sheet: Sheet, journey: JourneyData, data: SessionData, texts: Texts
) -> list[list[tuple[Block, float]]]:
    """The figures and the stage table, then the lists under them (on a page of their own
    when little room is left), going on over as many pages as they need."""
    pages = flow(health_blocks(painter, sheet, journey, data, texts), sheet.content_height)
    last = pages[-1]
    block, offset = last[-1]
    used = offset + block.height
    room = sheet.content_height - used - 20 * sheet.type_scale
    on_new_page = room < 170 * sheet.type_scale
    lists = health_lists(
        painter, sheet, journey, data, texts, sheet.content_height if on_new_page else room
    )
    first, rest = lists[0], lists[1:]
    if on_new_page:
        first.space_before = 0
        pages.append([(first, 0.0)])
    else:
        last.append((first, used + first.space_before))
    pages.extend([(block, 0.0)] for block in rest)
    return pages
