"""The title page of the PDF blueprint: the session, its people, its journeys and where each
journey's pages start, and the session's figures (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from cocreate.export.pdf import style
from cocreate.export.pdf.data import JourneyData, SessionData
from cocreate.export.pdf.draw import Painter
from cocreate.export.pdf.sheet import Sheet
from cocreate.export.pdf.text import Texts


def persona_line(journey: JourneyData, texts: Texts) -> str:
    persona = journey.persona
    if persona is None:
        return ""
    kind = texts.enum("persona", persona["kind"])
    name = persona["name"].strip()
    label = f"{name} · {kind}" if name else kind
    return f"{texts('persona')}: {label}"


def journey_name(journey: JourneyData, texts: Texts) -> str:
    return journey.row["name"] or texts("untitled_journey")


# -- the title page ---------------------------------------------------------------------------


@dataclass
class Contents:
    """Where each journey's parts start: journey id -> (blueprint, notes, health, voice)
    pages (None: the journey has no such page)."""

    pages: dict[int, tuple[int | None, int | None, int | None, int | None]]


def draw_title_page(
    painter: Painter, sheet: Sheet, data: SessionData, texts: Texts, contents: Contents
) -> None:
    canvas = painter.canvas
    scale = sheet.type_scale
    session = data.session
    left, right, width = sheet.left, sheet.right, sheet.content_width
    top = sheet.height - sheet.margin

    # The cover: a quiet band with the title, edged with the journeys' stage colours.
    title = str(session.get("title") or "") or texts("untitled_session")
    theme = str(session.get("theme") or "")
    text_width = width if sheet.width < sheet.height else width * 0.8
    title_size, theme_size = 34 * scale, 15 * scale
    title_lines = painter.balanced_lines(title, text_width, title_size, bold=True, max_lines=3)
    theme_lines = painter.balanced_lines(theme, text_width, theme_size, max_lines=3)
    natural = (
        sheet.margin + 52 * scale + len(title_lines) * title_size * 1.18
        + (14 * scale + len(theme_lines) * theme_size * 1.35 if theme_lines else 0) + 44 * scale
    )  # fmt: skip
    hero = max(natural, sheet.height * (0.26 if sheet.width < sheet.height else 0.32))
    hero_bottom = sheet.height - hero
    style.fill(canvas, style.tint(style.ACCENT, 0.07))
    canvas.rect(0, hero_bottom, sheet.width, hero, stroke=0, fill=1)
    colors = [s["color"] for j in data.journeys for s in j.stages][:10] or [style.ACCENT]
    piece = sheet.width / len(colors)
    for index, value in enumerate(colors):
        style.fill(canvas, style.darker(value, 1.08))
        canvas.rect(
            index * piece, hero_bottom - 7 * scale, piece + 0.5, 7 * scale, stroke=0, fill=1
        )

    eyebrow = f"{texts('document')}  ·  {texts('salon')}"
    painter.text(left, top - 31.5 * scale, eyebrow, 9.5 * scale, bold=True, color=style.ACCENT)
    # The title and theme stand on the bottom of the band.
    block = len(title_lines) * title_size * 1.18
    if theme_lines:
        block += 12 * scale + len(theme_lines) * theme_size * 1.35
    y = min(top - 52 * scale, hero_bottom + 40 * scale + block)
    y -= painter.block(left, y, title_lines, title_size, bold=True, leading=1.18)
    if theme_lines:
        y -= 12 * scale
        painter.block(left, y, theme_lines, theme_size, color=style.MUTED, leading=1.35)
    y = hero_bottom - 7 * scale - 34 * scale
    columns_top = y

    portrait = sheet.width < sheet.height
    column_gap = 40 * scale
    main_width = width if portrait else width * 0.6
    side_left = left + main_width + column_gap
    side_width = right - side_left
    kpi_height = 64 * scale
    floor = sheet.bottom + kpi_height + 26 * scale

    # Facts: brand, date, facilitator in a row; the goal under them.
    facts = [
        (texts("brand"), str(session.get("brand") or "")),
        (texts("date"), texts.date(str(session.get("date") or ""))),
        (texts("facilitator"), str(session.get("facilitator") or "")),
    ]
    facts = [(label, value) for label, value in facts if value.strip()]
    if facts:
        cell = main_width / 3
        tallest = 0.0
        for index, (label, value) in enumerate(facts):
            x = left + index * cell
            painter.text(x, y - 7 * scale, label, 8 * scale, bold=True, color=style.MUTED)
            used = painter.paragraph(
                x, y - 15 * scale, value, cell - 16 * scale, 12.5 * scale, max_lines=3
            )
            tallest = max(tallest, used)
        y -= 15 * scale + tallest + 22 * scale
    goal = str(session.get("goal") or "")
    if goal:
        painter.text(left, y - 7 * scale, texts("goal"), 8 * scale, bold=True, color=style.MUTED)
        y -= 14 * scale
        y -= painter.paragraph(left, y, goal, main_width, 12.5 * scale, leading=1.45, max_lines=5)
        y -= 30 * scale

    # Participants: beside the rest on landscape paper, under the goal on portrait paper.
    if portrait:
        rows = -(-max(1, len(data.participants)) // 3)
        bottom = max(floor + 120 * scale, y - 18 * scale - rows * _PARTICIPANT_PITCH * scale)
        _draw_participants(painter, data, texts, left, y, width, bottom, scale, columns=3)
        y = bottom - 24 * scale
    else:
        _draw_participants(painter, data, texts, side_left, columns_top, side_width, floor, scale)

    # Journeys, with their personas and where they are in the document.
    painter.text(left, y - 7 * scale, texts("contents"), 8 * scale, bold=True, color=style.MUTED)
    y -= 18 * scale
    for index, journey in enumerate(data.journeys):
        need = 60 * scale
        if y - need < floor:
            rest = len(data.journeys) - index
            painter.text(left, y - 10 * scale, f"+ {rest} …", 10 * scale, color=style.MUTED)
            break
        y = _contents_entry(painter, sheet, journey, texts, contents, left, y, main_width)

    # Figures along the bottom.
    _draw_figures(painter, sheet, data, texts)


_PARTICIPANT_PITCH = 25.0


def _contents_entry(
    painter: Painter,
    sheet: Sheet,
    journey: JourneyData,
    texts: Texts,
    contents: Contents,
    x: float,
    y: float,
    width: float,
) -> float:
    scale = sheet.type_scale
    canvas = painter.canvas
    colors = [stage["color"] for stage in journey.stages] or [style.RULE]
    chip = 10 * scale
    for index, value in enumerate(colors[:6]):
        style.fill(canvas, value)
        style.stroke(canvas, style.darker(value, 1.15), 0.5 * scale)
        canvas.rect(x + index * chip * 0.55, y - 12 * scale, chip * 0.55, chip, stroke=1, fill=1)
    name_x = x + min(len(colors), 6) * chip * 0.55 + 8 * scale
    room = x + width - name_x
    name = painter.elided(journey_name(journey, texts), room, 12 * scale, bold=True)
    painter.text(name_x, y - 11 * scale, name, 12 * scale, bold=True)
    y -= 18 * scale
    line = persona_line(journey, texts)
    if line:
        painter.text(
            name_x,
            y - 8 * scale,
            painter.elided(line, room, 9 * scale),
            9 * scale,
            color=style.MUTED,
        )
        y -= 13 * scale
        description = (journey.persona or {}).get("description", "")
        if description:
            y -= painter.paragraph(
                name_x,
                y - 1 * scale,
                description,
                room,
                8.5 * scale,
                color=style.MUTED,
                max_lines=2,
            )
    if journey.empty:
        painter.text(name_x, y - 9 * scale, texts("empty_journey"), 8.5 * scale, color=style.MUTED)
        y -= 15 * scale
        painter.rule(name_x, y - 3 * scale, x + width, style.HAIRLINE, 0.5 * scale)
        return y - 14 * scale
    stats = (
        f"{texts('stages')} {len(journey.stages)}   ·   {texts('touchpoints')} "
        f"{len(journey.touchpoints)}   ·   {texts('notes')} {len(journey.notes)}"
    )
    if journey.answers:  # survey answers: said only of a journey that has them
        stats += f"   ·   {texts('answers')} {len(journey.answers)}"
    pages = contents.pages.get(journey.id, (None, None, None, None))
    refs = "     ".join(
        f"{texts(key)}  {texts('page_short', n=page)}"
        for key, page in zip(("blueprints", "notes", "health", "voice"), pages, strict=True)
        if page is not None
    )
    stats_width = painter.width(stats, 8 * scale)
    refs_width = painter.width(refs, 8.5 * scale, bold=True)
    if stats_width + refs_width + 24 * scale > room:
        painter.text(name_x, y - 9 * scale, stats, 8 * scale, color=style.FAINT)
        y -= 14 * scale
    else:
        painter.text(name_x, y - 9 * scale, stats, 8 * scale, color=style.FAINT)
    painter.text(
        x + width, y - 9 * scale, refs, 8.5 * scale, bold=True, color=style.ACCENT, align="right"
    )
    y -= 15 * scale
    painter.rule(name_x, y - 3 * scale, x + width, style.HAIRLINE, 0.5 * scale)
    return y - 14 * scale


def _draw_participants(
    painter: Painter,
    data: SessionData,
    texts: Texts,
    x: float,
    top: float,
    width: float,
    floor: float,
    scale: float,
    columns: int = 0,
) -> None:
    """Swatch, name and role of each participant, in columns down to floor."""
    painter.text(x, top - 7 * scale, texts("participants"), 8 * scale, bold=True, color=style.MUTED)
    y = top - 18 * scale
    if not data.participants:
        painter.text(x, y - 12 * scale, texts("no_participants"), 10 * scale, color=style.MUTED)
        return
    pitch = _PARTICIPANT_PITCH * scale
    fits = max(1, int((y - floor) // pitch))
    if not columns:
        columns = 1 if len(data.participants) <= fits else 2
    fits = min(fits, -(-len(data.participants) // columns))
    column_width = width / columns
    shown = data.participants[: fits * columns]
    for index, person in enumerate(shown):
        column, row = divmod(index, fits)
        px = x + column * column_width
        py = y - row * pitch
        painter.swatch(px + 6.5 * scale, py - 8 * scale, 6 * scale, person["color"])
        role = texts.enum("role", person["role"])
        role_width = painter.width(role, 7.5 * scale, bold=True) + 12 * scale
        name_room = column_width - 20 * scale - role_width - 12 * scale
        name = painter.elided(person["name"], name_room, 11.5 * scale)
        used = painter.text(px + 19 * scale, py - 12 * scale, name, 11.5 * scale)
        role_color = {"facilitator": style.ACCENT, "customer": "#00897b"}.get(
            person["role"], style.FAINT
        )
        painter.pill(
            px + 18 * scale + used + 8 * scale,
            py - 13 * scale,
            role,
            7.5 * scale,
            role_color,
            height=13 * scale,
        )
    left_out = len(data.participants) - len(shown)
    if left_out:
        painter.text(
            x, y - fits * pitch - 4 * scale, f"+ {left_out} …", 9 * scale, color=style.MUTED
        )


def _draw_figures(painter: Painter, sheet: Sheet, data: SessionData, texts: Texts) -> None:
    canvas = painter.canvas
    scale = sheet.type_scale
    journeys = data.journeys
    figures = [
        (texts("journeys"), len(journeys)),
        (texts("stages"), sum(len(j.stages) for j in journeys)),
        (texts("touchpoints"), sum(len(j.touchpoints) for j in journeys)),
        (texts("notes"), sum(len(j.notes) for j in journeys)),
        (
            texts("votes"),  # the dots the notes and health pages show: none on private notes
            sum(data.note_votes.get(n["id"], 0) for j in journeys for n in j.visible_notes)
            + sum(data.card_votes.get(c["id"], 0) for j in journeys for c in j.touchpoints),
        ),
        (texts("participants"), len(data.participants)),
    ]
    height = 58 * scale
    bottom = sheet.bottom + 6 * scale
    gap = 10 * scale
    width = (sheet.content_width - gap * (len(figures) - 1)) / len(figures)
    for index, (label, value) in enumerate(figures):
        x = sheet.left + index * (width + gap)
        style.fill(canvas, style.PAPER_TINT)
        canvas.roundRect(x, bottom, width, height, 6 * scale, stroke=0, fill=1)
        painter.text(
            x + 14 * scale,
            bottom + height - 26 * scale,
            str(value),
            22 * scale,
            bold=True,
            color=style.ACCENT,
        )
        painter.text(
            x + 14 * scale,
            bottom + 12 * scale,
            painter.elided(label, width - 20 * scale, 8.5 * scale),
            8.5 * scale,
            color=style.MUTED,
        )
