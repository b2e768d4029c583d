"""The title page, the notes pages and the journey-health pages of the PDF blueprint (no Qt).

Hidden (private) notes are never printed: a PDF leaves the room, so their text stays out and
only their number is said.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cocreate.analysis import JourneyHealth, RankedItem
from cocreate.export.pdf import style
from cocreate.export.pdf.data import JourneyData, Row, SessionData
from cocreate.export.pdf.draw import ASCENT, LEADING, Painter
from cocreate.export.pdf.sheet import Block, Sheet
from cocreate.export.pdf.text import Texts
from cocreate.model import Channel


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
    """Where each journey's parts start: journey id -> (blueprint, notes, health) pages."""

    pages: dict[int, tuple[int | None, int | None, int | None]]


def draw_title_page(
    painter: Painter, sheet: Sheet, data: SessionData, texts: Texts, contents: Contents
) -> None:
    canvas = painter.canvas
    k = sheet.k
    session = data.session
    left, right, width = sheet.left, sheet.right, sheet.content_width
    top = sheet.height - sheet.margin

    # The cover: a quiet band with the title, edged with the journeys' stage colours.
    title = str(session.get("title") or "") or texts("untitled_session")
    theme = str(session.get("theme") or "")
    text_width = width if sheet.width < sheet.height else width * 0.8
    title_size, theme_size = 34 * k, 15 * k
    title_lines = painter.balanced_lines(title, text_width, title_size, bold=True, max_lines=3)
    theme_lines = painter.balanced_lines(theme, text_width, theme_size, max_lines=3)
    natural = (
        sheet.margin + 52 * k + len(title_lines) * title_size * 1.18
        + (14 * k + len(theme_lines) * theme_size * 1.35 if theme_lines else 0) + 44 * k
    )  # fmt: skip
    hero = max(natural, sheet.height * (0.26 if sheet.width < sheet.height else 0.32))
    hero_bottom = sheet.height - hero
    style.fill(canvas, style.tint(style.ACCENT, 0.07))
    canvas.rect(0, hero_bottom, sheet.width, hero, stroke=0, fill=1)
    colors = [s["color"] for j in data.journeys for s in j.stages][:10] or [style.ACCENT]
    piece = sheet.width / len(colors)
    for index, value in enumerate(colors):
        style.fill(canvas, style.darker(value, 1.08))
        canvas.rect(index * piece, hero_bottom - 7 * k, piece + 0.5, 7 * k, stroke=0, fill=1)

    eyebrow = f"{texts('document')}  ·  {texts('salon')}"
    painter.text(left, top - 31.5 * k, eyebrow, 9.5 * k, bold=True, color=style.ACCENT)
    # The title and theme stand on the bottom of the band.
    block = len(title_lines) * title_size * 1.18
    if theme_lines:
        block += 12 * k + len(theme_lines) * theme_size * 1.35
    y = min(top - 52 * k, hero_bottom + 40 * k + block)
    y -= painter.block(left, y, title_lines, title_size, bold=True, leading=1.18)
    if theme_lines:
        y -= 12 * k
        painter.block(left, y, theme_lines, theme_size, color=style.MUTED, leading=1.35)
    y = hero_bottom - 7 * k - 34 * k
    columns_top = y

    portrait = sheet.width < sheet.height
    column_gap = 40 * k
    main_width = width if portrait else width * 0.6
    side_left = left + main_width + column_gap
    side_width = right - side_left
    kpi_height = 64 * k
    floor = sheet.bottom + kpi_height + 26 * k

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
            painter.text(x, y - 7 * k, label, 8 * k, bold=True, color=style.MUTED)
            used = painter.paragraph(x, y - 15 * k, value, cell - 16 * k, 12.5 * k, max_lines=3)
            tallest = max(tallest, used)
        y -= 15 * k + tallest + 22 * k
    goal = str(session.get("goal") or "")
    if goal:
        painter.text(left, y - 7 * k, texts("goal"), 8 * k, bold=True, color=style.MUTED)
        y -= 14 * k
        y -= painter.paragraph(left, y, goal, main_width, 12.5 * k, leading=1.45, max_lines=5)
        y -= 30 * k

    # Participants: beside the rest on landscape paper, under the goal on portrait paper.
    if portrait:
        rows = -(-max(1, len(data.participants)) // 3)
        bottom = max(floor + 120 * k, y - 18 * k - rows * _PARTICIPANT_PITCH * k)
        _draw_participants(painter, data, texts, left, y, width, bottom, k, columns=3)
        y = bottom - 24 * k
    else:
        _draw_participants(painter, data, texts, side_left, columns_top, side_width, floor, k)

    # Journeys, with their personas and where they are in the document.
    painter.text(left, y - 7 * k, texts("contents"), 8 * k, bold=True, color=style.MUTED)
    y -= 18 * k
    for index, journey in enumerate(data.journeys):
        need = 60 * k
        if y - need < floor:
            rest = len(data.journeys) - index
            painter.text(left, y - 10 * k, f"+ {rest} …", 10 * k, color=style.MUTED)
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
    k = sheet.k
    canvas = painter.canvas
    colors = [stage["color"] for stage in journey.stages] or [style.RULE]
    chip = 10 * k
    for index, value in enumerate(colors[:6]):
        style.fill(canvas, value)
        style.stroke(canvas, style.darker(value, 1.15), 0.5 * k)
        canvas.rect(x + index * chip * 0.55, y - 12 * k, chip * 0.55, chip, stroke=1, fill=1)
    name_x = x + min(len(colors), 6) * chip * 0.55 + 8 * k
    room = x + width - name_x
    name = painter.elided(journey_name(journey, texts), room, 12 * k, bold=True)
    painter.text(name_x, y - 11 * k, name, 12 * k, bold=True)
    y -= 18 * k
    line = persona_line(journey, texts)
    if line:
        painter.text(name_x, y - 8 * k, painter.elided(line, room, 9 * k), 9 * k, color=style.MUTED)
        y -= 13 * k
        description = (journey.persona or {}).get("description", "")
        if description:
            y -= painter.paragraph(
                name_x, y - 1 * k, description, room, 8.5 * k, color=style.MUTED, max_lines=2
            )
    if journey.empty:
        painter.text(name_x, y - 9 * k, texts("empty_journey"), 8.5 * k, color=style.MUTED)
        y -= 15 * k
        painter.rule(name_x, y - 3 * k, x + width, style.HAIRLINE, 0.5 * k)
        return y - 14 * k
    stats = (
        f"{texts('stages')} {len(journey.stages)}   ·   {texts('touchpoints')} "
        f"{len(journey.touchpoints)}   ·   {texts('notes')} {len(journey.notes)}"
    )
    pages = contents.pages.get(journey.id, (None, None, None))
    refs = "     ".join(
        f"{texts(key)}  {texts('page_short', n=page)}"
        for key, page in zip(("blueprints", "notes", "health"), pages, strict=True)
        if page is not None
    )
    stats_width = painter.width(stats, 8 * k)
    refs_width = painter.width(refs, 8.5 * k, bold=True)
    if stats_width + refs_width + 24 * k > room:
        painter.text(name_x, y - 9 * k, stats, 8 * k, color=style.FAINT)
        y -= 14 * k
    else:
        painter.text(name_x, y - 9 * k, stats, 8 * k, color=style.FAINT)
    painter.text(x + width, y - 9 * k, refs, 8.5 * k, bold=True, color=style.ACCENT, align="right")
    y -= 15 * k
    painter.rule(name_x, y - 3 * k, x + width, style.HAIRLINE, 0.5 * k)
    return y - 14 * k


def _draw_participants(
    painter: Painter,
    data: SessionData,
    texts: Texts,
    x: float,
    top: float,
    width: float,
    floor: float,
    k: float,
    columns: int = 0,
) -> None:
    """Swatch, name and role of each participant, in columns down to floor."""
    painter.text(x, top - 7 * k, texts("participants"), 8 * k, bold=True, color=style.MUTED)
    y = top - 18 * k
    if not data.participants:
        painter.text(x, y - 12 * k, texts("no_participants"), 10 * k, color=style.MUTED)
        return
    pitch = _PARTICIPANT_PITCH * k
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
        painter.swatch(px + 6.5 * k, py - 8 * k, 6 * k, person["color"])
        role = texts.enum("role", person["role"])
        role_width = painter.width(role, 7.5 * k, bold=True) + 12 * k
        name_room = column_width - 20 * k - role_width - 12 * k
        name = painter.elided(person["name"], name_room, 11.5 * k)
        used = painter.text(px + 19 * k, py - 12 * k, name, 11.5 * k)
        role_color = {"facilitator": style.ACCENT, "customer": "#00897b"}.get(
            person["role"], style.FAINT
        )
        painter.pill(
            px + 18 * k + used + 8 * k, py - 13 * k, role, 7.5 * k, role_color, height=13 * k
        )
    left_out = len(data.participants) - len(shown)
    if left_out:
        painter.text(x, y - fits * pitch - 4 * k, f"+ {left_out} …", 9 * k, color=style.MUTED)


def _draw_figures(painter: Painter, sheet: Sheet, data: SessionData, texts: Texts) -> None:
    canvas = painter.canvas
    k = sheet.k
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
    height = 58 * k
    bottom = sheet.bottom + 6 * k
    gap = 10 * k
    width = (sheet.content_width - gap * (len(figures) - 1)) / len(figures)
    for index, (label, value) in enumerate(figures):
        x = sheet.left + index * (width + gap)
        style.fill(canvas, style.PAPER_TINT)
        canvas.roundRect(x, bottom, width, height, 6 * k, stroke=0, fill=1)
        painter.text(
            x + 14 * k, bottom + height - 26 * k, str(value), 22 * k, bold=True, color=style.ACCENT
        )
        painter.text(
            x + 14 * k,
            bottom + 12 * k,
            painter.elided(label, width - 20 * k, 8.5 * k),
            8.5 * k,
            color=style.MUTED,
        )


# -- notes ------------------------------------------------------------------------------------


@dataclass
class _NoteGroup:
    title: str
    accent: str  # a colour for the group's marker
    notes: list[Row]
    show_pin: bool  # the group does not say where its notes are pinned


def note_groups(journey: JourneyData, votes: dict[int, int], texts: Texts) -> list[_NoteGroup]:
    """Visible notes grouped: clusters (most votes first), then by stage, then the rest; each
    group's notes ranked by votes."""
    notes = journey.visible_notes

    def rank(rows: list[Row]) -> list[Row]:
        return sorted(rows, key=lambda n: (-votes.get(n["id"], 0), n["id"]))

    groups: list[_NoteGroup] = []
    clusters = {c["id"]: c for c in journey.clusters}
    in_cluster: dict[int, list[Row]] = {}
    rest: list[Row] = []
    for note in notes:
        if note["cluster_id"] in clusters:
            in_cluster.setdefault(note["cluster_id"], []).append(note)
        else:
            rest.append(note)
    ordered = sorted(
        in_cluster.items(),
        key=lambda item: (-sum(votes.get(n["id"], 0) for n in item[1]), item[0]),
    )
    for cluster_id, members in ordered:
        title = clusters[cluster_id]["title"] or texts("cluster")
        groups.append(_NoteGroup(title, style.ACCENT, rank(members), True))

    by_stage: dict[int | None, list[Row]] = {}
    for note in rest:
        by_stage.setdefault(_note_stage(journey, note), []).append(note)
    for stage in journey.stages:
        members = by_stage.get(stage["id"])
        if members:
            name = stage["name"] or texts("untitled_stage")
            groups.append(
                _NoteGroup(texts("pinned_stage", name=name), stage["color"], rank(members), False)
            )
    if by_stage.get(None):
        groups.append(_NoteGroup(texts("loose_notes"), style.FAINT, rank(by_stage[None]), False))
    return groups


def _note_stage(journey: JourneyData, note: Row) -> int | None:
    card = journey.card_by_id.get(note["touchpoint_id"]) if note["touchpoint_id"] else None
    if card is not None:
        return card["stage_id"]
    if note["stage_id"] in journey.stage_by_id:
        return note["stage_id"]
    return None


def _pin_text(journey: JourneyData, note: Row, texts: Texts, with_stage: bool) -> str:
    card = journey.card_by_id.get(note["touchpoint_id"]) if note["touchpoint_id"] else None
    stage_id = _note_stage(journey, note)
    stage = journey.stage_by_id.get(stage_id) if stage_id is not None else None
    parts = []
    if stage is not None and with_stage:
        parts.append(stage["name"] or texts("untitled_stage"))
    if card is not None:
        parts.append(card["title"] or texts("untitled_touchpoint"))
    return " › ".join(parts)


def notes_blocks(
    painter: Painter, sheet: Sheet, journey: JourneyData, data: SessionData, texts: Texts
) -> list[Block]:
    """The notes of a journey as flowing blocks."""
    k = sheet.k
    votes = data.note_votes
    visible = journey.visible_notes
    blocks: list[Block] = []
    total_votes = sum(votes.get(n["id"], 0) for n in visible)
    summary = texts("notes_summary", notes=len(visible), votes=total_votes)
    private = journey.private_notes
    lines = [summary]
    if private:
        lines.append(texts.count("private_notes", private))
    if not visible and not private:
        lines = [texts("no_notes")]

    def draw_summary(p: Painter, x: float, top: float, width: float) -> None:
        for index, line in enumerate(lines):
            color = style.INK if index == 0 else style.MUTED
            p.text(x, top - 10 * k - index * 14 * k, line, 9.5 * k, color=color)

    blocks.append(Block(14 * k * len(lines) + 4 * k, draw_summary))

    columns = max(1, min(4, int(sheet.content_width // (235 * k))))
    gap = 12 * k
    card_width = (sheet.content_width - gap * (columns - 1)) / columns
    for group in note_groups(journey, votes, texts):
        blocks.append(_group_heading(painter, sheet, group, votes, texts))
        for start in range(0, len(group.notes), columns):
            row = group.notes[start : start + columns]
            blocks.append(
                _note_row(painter, sheet, journey, data, texts, group, row, card_width, gap)
            )
    return blocks


def _group_heading(
    painter: Painter, sheet: Sheet, group: _NoteGroup, votes: dict[int, int], texts: Texts
) -> Block:
    k = sheet.k
    count = texts.count("note_count", len(group.notes))
    vote_total = sum(votes.get(n["id"], 0) for n in group.notes)
    aside = f"{count} · {texts.count('vote_count', vote_total)}"

    def draw(p: Painter, x: float, top: float, width: float) -> None:
        canvas = p.canvas
        style.fill(canvas, group.accent)
        style.stroke(canvas, style.darker(group.accent, 1.2), 0.5 * k)
        canvas.roundRect(x, top - 15 * k, 4 * k, 13 * k, 2 * k, stroke=1, fill=1)
        aside_width = p.text(
            x + width, top - 12 * k, aside, 8.5 * k, color=style.MUTED, align="right"
        )
        title = p.elided(group.title, width - aside_width - 30 * k, 12.5 * k, bold=True)
        p.text(x + 12 * k, top - 12.5 * k, title, 12.5 * k, bold=True)
        p.rule(x, top - 21 * k, x + width, style.HAIRLINE, 0.6 * k)

    return Block(30 * k, draw, space_before=14 * k, keep_with_next=True)


def _note_row(
    painter: Painter,
    sheet: Sheet,
    journey: JourneyData,
    data: SessionData,
    texts: Texts,
    group: _NoteGroup,
    row: list[Row],
    card_width: float,
    gap: float,
) -> Block:
    k = sheet.k
    size = 9.5 * k
    pad = 9 * k
    text_width = card_width - 2 * pad - 4 * k
    # A note is cut (with an ellipsis) only when it would not fit on a page by itself.
    most = max(1, int((sheet.content_height - 90 * k) // (size * LEADING)))
    prepared = []
    for note in row:
        lines = painter.lines(note["text"], text_width, size, max_lines=most)
        pin = _pin_text(journey, note, texts, with_stage=group.show_pin)
        pin_lines = painter.lines(pin, text_width, 7.5 * k, max_lines=2) if pin else []
        height = (
            pad
            + len(lines) * size * LEADING
            + 6 * k
            + len(pin_lines) * 7.5 * k * 1.3
            + 18 * k
            + pad
        )
        prepared.append((note, lines, pin_lines, height))
    height = max(item[3] for item in prepared)

    def draw(p: Painter, x: float, top: float, width: float) -> None:
        canvas = p.canvas
        for index, (note, lines, pin_lines, _h) in enumerate(prepared):
            cx = x + index * (card_width + gap)
            author = data.participant_by_id.get(note["author_id"])
            author_color = author["color"] if author else style.FAINT
            color = note["color"] or author_color
            style.fill(canvas, style.tint(color, 0.22))
            canvas.roundRect(cx, top - height, card_width, height, 5 * k, stroke=0, fill=1)
            style.fill(canvas, color)
            canvas.saveState()
            path = canvas.beginPath()
            path.roundRect(cx, top - height, card_width, height, 5 * k)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.rect(cx, top - height, 4 * k, height, stroke=0, fill=1)
            canvas.restoreState()
            tx = cx + pad + 4 * k
            y = top - pad
            y -= p.block(tx, y, lines, size)
            if pin_lines:
                y -= 4 * k
                y -= p.block(tx, y, pin_lines, 7.5 * k, color=style.MUTED, leading=1.3)
            base = top - height + pad + 2 * k
            x_end = cx + card_width - pad
            note_votes = data.note_votes.get(note["id"], 0)
            if note_votes:
                label = str(note_votes)
                w = p.text(
                    x_end, base, label, 8.5 * k, bold=True, color=style.ACCENT, align="right"
                )
                style.fill(canvas, style.ACCENT)
                canvas.circle(x_end - w - 5 * k, base + 3 * k, 3 * k, stroke=0, fill=1)
                x_end -= w + 14 * k
            category = note["category"]
            used = 0.0
            if category:
                used = (
                    p.pill(
                        tx,
                        base - 3 * k,
                        texts.enum("category", category),
                        7 * k,
                        style.CATEGORY_COLORS.get(category, style.FAINT),
                        height=12 * k,
                    )
                    + 6 * k
                )
            name = author["name"] if author else texts("no_author")
            room = x_end - (tx + used) - 14 * k
            if room > 20 * k:
                name = p.elided(name, room, 7.5 * k)
                p.swatch(tx + used + 4 * k, base + 2.6 * k, 3.2 * k, author_color)
                p.text(tx + used + 11 * k, base, name, 7.5 * k, color=style.MUTED)

    return Block(height, draw, space_before=gap * 0.8)


# -- journey health ---------------------------------------------------------------------------


def health_blocks(
    painter: Painter, sheet: Sheet, journey: JourneyData, data: SessionData, texts: Texts
) -> list[Block]:
    """The figures and the stage-by-stage table; the lists come after (see health_lists)."""
    k = sheet.k
    health = journey.health
    blocks = [_kpi_block(painter, sheet, journey, health, texts)]

    def heading(title: str) -> Block:
        def draw(p: Painter, x: float, top: float, width: float) -> None:
            p.text(x, top - 12 * k, title, 12.5 * k, bold=True)
            p.rule(x, top - 19 * k, x + width, style.HAIRLINE, 0.6 * k)

        return Block(26 * k, draw, space_before=20 * k, keep_with_next=True)

    if not health.stages:
        return blocks
    blocks.append(heading(texts("per_stage")))
    label_width = 118 * k
    per_chunk = max(1, int((sheet.content_width - label_width) // (92 * k)))
    stages = list(health.stages)
    for start in range(0, max(1, len(stages)), per_chunk):
        chunk = stages[start : start + per_chunk]
        blocks.append(_stage_table(painter, sheet, journey, chunk, texts, label_width))
    return blocks


def _kpi_block(
    painter: Painter, sheet: Sheet, journey: JourneyData, health: JourneyHealth, texts: Texts
) -> Block:
    k = sheet.k
    lowest = [s for s in health.stages if s.lowest]
    if lowest:
        low = lowest[0]
        names = ", ".join(s.stage["name"] or texts("untitled_stage") for s in lowest)
        lowest_value = painter.signed(low.emotion or 0.0)
        below = len(health.negative_stages)
        lowest_note = f"{names}  ·  {texts('negative_stages')} {below}" if below else names
        lowest_color = style.darker(style.emotion_color(low.emotion or 0.0), 1.2)
    elif felt := [s.emotion for s in health.stages if s.emotion is not None]:
        # One stage with emotions, or all level: no low point stands out.
        lowest_value, lowest_note = painter.signed(min(felt)), texts("no_comparison")
        lowest_color = style.FAINT
    else:
        lowest_value, lowest_note, lowest_color = texts("no_data"), texts("no_emotion"), style.FAINT
    empty = health.empty_stages
    if not health.touchpoints:  # not mapped yet (only notes): no alarm about its stages
        empty_note, empty_color = texts("no_touchpoints_yet"), style.FAINT
    elif empty:
        empty_note = ", ".join(s.stage["name"] or texts("untitled_stage") for s in empty)
        empty_color = style.BREAKPOINT
    else:
        empty_note, empty_color = texts("all_stages_covered"), style.STATUS_COLORS["done"]
    figures = [
        (texts("health_touchpoints"), str(health.touchpoints), "", style.ACCENT),
        (texts("empty_stages"), str(len(empty)), empty_note, empty_color),
        (
            texts("breakpoints"),
            str(len(health.breakpoints)),
            "",
            style.BREAKPOINT if health.breakpoints else style.STATUS_COLORS["done"],
        ),
        (texts("lowest_stage"), lowest_value, lowest_note, lowest_color),
        (
            texts("pain_points"),
            str(health.pain_point_count),
            "",
            style.CATEGORY_COLORS["pain_point"]
            if health.pain_point_count
            else style.STATUS_COLORS["done"],
        ),
        (
            texts("channels"),
            str(len(health.channels)),
            texts("channels_used", used=len(health.channels), total=len(Channel)),
            style.ACCENT,
        ),
    ]
    columns = len(figures) if sheet.content_width > 700 * k else 3
    rows = -(-len(figures) // columns)
    gap = 10 * k
    tile_height = 70 * k

    def draw(p: Painter, x: float, top: float, width: float) -> None:
        canvas = p.canvas
        tile_width = (width - gap * (columns - 1)) / columns
        for index, (label, value, note, color) in enumerate(figures):
            row, column = divmod(index, columns)
            tx = x + column * (tile_width + gap)
            ty = top - row * (tile_height + gap) - tile_height
            style.fill(canvas, style.PAPER_TINT)
            canvas.roundRect(tx, ty, tile_width, tile_height, 6 * k, stroke=0, fill=1)
            style.fill(canvas, color)
            canvas.roundRect(tx, ty + tile_height - 3 * k, tile_width, 3 * k, 1.5 * k, 0, 1)
            p.text(
                tx + 12 * k,
                ty + tile_height - 18 * k,
                p.elided(label, tile_width - 24 * k, 8 * k),
                8 * k,
                color=style.MUTED,
            )
            p.text(tx + 12 * k, ty + tile_height - 44 * k, value, 22 * k, bold=True, color=color)
            if note:
                p.text(
                    tx + 12 * k,
                    ty + 9 * k,
                    p.elided(note, tile_width - 24 * k, 7.5 * k),
                    7.5 * k,
                    color=style.MUTED,
                )

    return Block(rows * tile_height + (rows - 1) * gap, draw)


def _stage_table(
    painter: Painter,
    sheet: Sheet,
    journey: JourneyData,
    stages: list,
    texts: Texts,
    label_width: float,
) -> Block:
    k = sheet.k
    header_height = 30 * k
    size = 9 * k
    rows = [
        texts("health_touchpoints"),
        texts("mean_emotion"),
        texts("breakpoints"),
        texts("pain_points"),
        texts("channels"),
    ]
    row_height = 26 * k
    width = sheet.content_width
    column_width = (width - label_width) / max(1, len(stages))
    channel_lines = [
        painter.lines(
            ", ".join(texts.enum("channel", c) for c in stage.channels) or texts("none"),
            column_width - 16 * k,
            8.5 * k,
            max_lines=4,
        )
        for stage in stages
    ]
    channel_height = max([len(lines) for lines in channel_lines] + [1]) * 8.5 * k * 1.3 + 14 * k
    total = header_height + row_height * (len(rows) - 1) + channel_height

    def draw(p: Painter, x: float, top: float, width: float) -> None:
        canvas = p.canvas
        for index, label in enumerate(rows):
            y = top - header_height - index * row_height
            p.text(x, y - 16 * k, label, size, bold=True, color=style.MUTED)
            if index:
                p.rule(x, y, x + width, style.HAIRLINE, 0.5 * k)
        for column, stage in enumerate(stages):
            cx = x + label_width + column * column_width
            color = stage.stage["color"]
            style.fill(canvas, color)
            style.stroke(canvas, style.darker(color, 1.12), 0.6 * k)
            canvas.roundRect(
                cx + 2 * k,
                top - header_height + 4 * k,
                column_width - 4 * k,
                header_height - 6 * k,
                5 * k,
                stroke=1,
                fill=1,
            )
            name = p.elided(
                stage.stage["name"] or texts("untitled_stage"),
                column_width - 16 * k,
                10 * k,
                bold=True,
            )
            p.text(
                cx + column_width / 2,
                top - header_height / 2 - 2 * k,
                name,
                10 * k,
                bold=True,
                align="center",
            )
            y = top - header_height
            tx = cx + 8 * k
            # touchpoints
            count_color = style.INK
            if stage.empty:  # an alarm only once the journey is being mapped
                count_color = style.BREAKPOINT if journey.health.touchpoints else style.FAINT
            p.text(tx, y - 16 * k, str(stage.touchpoints), 10 * k, bold=True, color=count_color)
            y -= row_height
            # emotion
            if stage.emotion is None:
                p.text(tx, y - 16 * k, texts("no_data"), size, color=style.FAINT)
            else:
                style.face(canvas, tx + 6 * k, y - 13 * k, 6 * k, round(stage.emotion))
                value = p.signed(stage.emotion)
                w = p.text(
                    tx + 16 * k,
                    y - 16 * k,
                    value,
                    10 * k,
                    bold=True,
                    color=style.BREAKPOINT
                    if stage.lowest
                    else style.darker(style.emotion_color(stage.emotion), 1.3)
                    if stage.emotion < 0
                    else style.INK,
                )
                if stage.lowest:
                    p.text(
                        tx + 22 * k + w,
                        y - 16 * k,
                        texts("lowest_point"),
                        7.5 * k,
                        color=style.BREAKPOINT,
                    )
            y -= row_height
            # breakpoints
            count = len(stage.breakpoints)
            if count:
                style.warning(canvas, tx + 6 * k, y - 12.5 * k, 11 * k)
            p.text(
                tx + (16 * k if count else 0),
                y - 16 * k,
                str(count),
                10 * k,
                bold=True,
                color=style.BREAKPOINT if count else style.FAINT,
            )
            y -= row_height
            # pain points
            count = len(stage.pain_points)
            p.text(
                tx,
                y - 16 * k,
                str(count),
                10 * k,
                bold=True,
                color=style.CATEGORY_COLORS["pain_point"] if count else style.FAINT,
            )
            y -= row_height
            p.block(tx, y - 7 * k, channel_lines[column], 8.5 * k, leading=1.3)

    return Block(total, draw, space_before=6 * k)


@dataclass
class _ListItem:
    height: float
    draw: Callable[[Painter, float, float, float], None]
    keep_with_next: bool = False  # a heading: never the last item of a page


def health_lists(
    painter: Painter,
    sheet: Sheet,
    journey: JourneyData,
    data: SessionData,
    texts: Texts,
    room: float,
) -> list[Block]:
    """Three columns: pain points by stage, breakpoints, every voted note and touchpoint
    ranked. The first block fits in room; what does not fit goes on in blocks a page high
    (each column under its title and "(continued)")."""
    k = sheet.k
    health = journey.health
    gap = 26 * k
    width = sheet.content_width
    column_width = (width - 2 * gap) / 3
    votes = data.note_votes

    def title(text: str) -> _ListItem:
        def draw(p: Painter, x: float, top: float, w: float) -> None:
            p.text(x, top - 12 * k, text, 12.5 * k, bold=True)
            p.rule(x, top - 19 * k, x + w, style.HAIRLINE, 0.6 * k)

        return _ListItem(30 * k, draw)

    def empty(text: str) -> _ListItem:
        def draw(p: Painter, x: float, top: float, w: float) -> None:
            p.text(x, top - 10 * k, text, 9 * k, color=style.MUTED)

        return _ListItem(18 * k, draw)

    def entry(
        text: str,
        meta: str,
        mark: Callable | None,
        count: int | None,
        tag: tuple[str, str] | None = None,
    ) -> _ListItem:
        """A list entry: a mark, the text, a muted meta line (after a coloured tag: label,
        colour) and the dots it got."""
        indent = 18 * k
        text_width = column_width - indent - 30 * k
        lines = painter.lines(text, text_width, 9 * k, max_lines=4)
        tag_size, tag_height = 6.5 * k, 11 * k
        tag_width = painter.width(tag[0], tag_size, True) + tag_height * 0.84 + 5 * k if tag else 0
        meta_width = max(text_width - tag_width, 40 * k)
        meta_lines = painter.lines(meta, meta_width, 7.5 * k, max_lines=2) if meta else []
        meta_height = len(meta_lines) * 7.5 * k * 1.3
        if tag:
            meta_height = max(meta_height, tag_height + 1 * k)
        height = len(lines) * 9 * k * LEADING + meta_height + 10 * k

        def draw(p: Painter, x: float, top: float, w: float) -> None:
            if mark is not None:
                mark(p, x + 6 * k, top - 9 * k * ASCENT + 2.5 * k)
            y = top - p.block(x + indent, top, lines, 9 * k) - 1 * k
            if tag:
                baseline = y - 7.5 * k * ASCENT - 1 * k
                bottom = baseline - (tag_height - tag_size * 0.72) / 2
                p.pill(x + indent, bottom, tag[0], tag_size, tag[1], height=tag_height)
                y -= 1 * k
            if meta_lines:
                left = x + indent + tag_width
                p.block(left, y, meta_lines, 7.5 * k, color=style.MUTED, leading=1.3)
            if count:
                label = str(count)
                tw = p.text(
                    x + w,
                    top - 9 * k * ASCENT,
                    label,
                    9 * k,
                    bold=True,
                    color=style.ACCENT,
                    align="right",
                )
                style.fill(p.canvas, style.ACCENT)
                p.canvas.circle(x + w - tw - 5 * k, top - 9 * k * ASCENT + 3 * k, 3 * k, 0, 1)

        return _ListItem(height, draw)

    def stage_heading(stage: Row | None) -> _ListItem:
        name = (stage["name"] or texts("untitled_stage")) if stage else texts("not_pinned_stage")
        color = stage["color"] if stage else style.RULE

        def draw(p: Painter, x: float, top: float, w: float) -> None:
            style.fill(p.canvas, color)
            style.stroke(p.canvas, style.darker(color, 1.2), 0.5 * k)
            p.canvas.roundRect(x, top - 11 * k, 9 * k, 9 * k, 2 * k, stroke=1, fill=1)
            p.text(
                x + 15 * k,
                top - 9.5 * k,
                p.elided(name, w - 20 * k, 9.5 * k, bold=True),
                9.5 * k,
                bold=True,
            )

        return _ListItem(17 * k, draw, keep_with_next=True)

    def author_of(note: Row) -> str:
        person = data.participant_by_id.get(note["author_id"])
        return person["name"] if person else ""

    def pain_mark(p: Painter, x: float, y: float) -> None:
        style.fill(p.canvas, style.CATEGORY_COLORS["pain_point"])
        p.canvas.circle(x, y, 2.6 * k, stroke=0, fill=1)

    pains: list[_ListItem] = []
    groups = [(s.stage, s.pain_points) for s in health.stages if s.pain_points]
    if health.unstaged_pain_points:
        groups.append((None, health.unstaged_pain_points))
    if not groups:
        pains.append(empty(texts("no_pain_points")))
    for stage, notes in groups:
        pains.append(stage_heading(stage))
        for note in notes:
            meta = author_of(note)
            card = journey.card_by_id.get(note["touchpoint_id"]) if note["touchpoint_id"] else None
            if card is not None:
                meta = f"{card['title']} · {meta}" if meta else card["title"]
            pains.append(entry(note["text"], meta, pain_mark, votes.get(note["id"], 0)))

    breaks: list[_ListItem] = []
    if not health.breakpoints:
        breaks.append(empty(texts("no_breakpoints")))
    for card in health.breakpoints:
        stage = journey.stage_by_id.get(card["stage_id"])
        lane = journey.lane_by_id.get(card["lane_id"])
        meta = " · ".join(
            part
            for part in (
                stage["name"] if stage else "",
                (lane["name"] or texts.enum("lane", lane["kind"])) if lane else "",
                texts.enum("channel", card["channel"]),
            )
            if part
        )

        def warn(p: Painter, x: float, y: float) -> None:
            style.warning(p.canvas, x, y + 0.5 * k, 10 * k)

        breaks.append(
            entry(
                card["title"] or texts("untitled_touchpoint"),
                meta,
                warn,
                data.card_votes.get(card["id"], 0),
            )
        )

    voted: list[_ListItem] = []
    if not health.top_voted:
        voted.append(empty(texts("no_votes")))
    for item in health.top_voted:
        stage = journey.stage_by_id.get(item.stage_id) if item.stage_id is not None else None
        parts = [stage["name"] if stage else ""]
        if item.source == "note":
            parts.append(author_of(item.row))
        meta = " · ".join(part for part in parts if part)

        def number(p: Painter, x: float, y: float, rank: int = item.rank) -> None:
            style.fill(p.canvas, style.ACCENT)
            p.canvas.circle(x, y, 6 * k, stroke=0, fill=1)
            p.text(x, y - 2.6 * k, str(rank), 7.5 * k, bold=True, color=style.WHITE, align="center")

        text = item.text or texts("untitled_touchpoint")
        voted.append(entry(text, meta, number, item.votes, _voted_tag(item, texts)))

    columns = [
        (texts("pain_points_by_stage"), pains),
        (texts("breakpoints"), breaks),
        (texts("top_voted"), voted),
    ]
    blocks: list[Block] = []
    space = room
    while any(items for _title, items in columns):
        taken: list[list[_ListItem]] = []
        for index, (text, items) in enumerate(columns):
            if blocks:
                text = f"{text} ({texts('continued')})"
            head = [title(text)] if items or not blocks else []
            kept, rest = _split(items, space - sum(item.height for item in head))
            taken.append(head + kept)
            columns[index] = (columns[index][0], rest)
        blocks.append(_columns_block(taken, column_width, gap, 20 * k if not blocks else 0.0))
        space = sheet.content_height
    return blocks


def _columns_block(
    columns: list[list[_ListItem]], column_width: float, gap: float, space_before: float
) -> Block:
    height = max(sum(item.height for item in column) for column in columns)

    def draw(p: Painter, x: float, top: float, w: float) -> None:
        for index, column in enumerate(columns):
            cx = x + index * (column_width + gap)
            y = top
            for item in column:
                item.draw(p, cx, y, column_width)
                y -= item.height

    return Block(height, draw, space_before=space_before)


def _split(items: list[_ListItem], room: float) -> tuple[list[_ListItem], list[_ListItem]]:
    """The items that fit in room (at least one, and no heading last), and the rest."""
    total = 0.0
    count = 0
    for item in items:
        if count and total + item.height > room:
            break
        total += item.height
        count += 1
    while 1 < count < len(items) and items[count - 1].keep_with_next:
        count -= 1
    return items[:count], items[count:]


def _voted_tag(item: RankedItem, texts: Texts) -> tuple[str, str]:
    """What a voted item is, with its colour: a touchpoint, or a note of its category (the
    notes page shows the same category badge), or a note without one."""
    if item.category is None:
        return texts("touchpoint"), style.MUTED
    if not item.category:
        return texts("uncategorised_note"), style.FAINT
    return texts.enum("category", item.category), style.CATEGORY_COLORS.get(
        item.category, style.FAINT
    )
