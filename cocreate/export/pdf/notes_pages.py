"""The notes pages of the PDF blueprint: a journey's sticky notes by cluster, then by stage,
ranked by votes (no Qt).

Every note is printed in full: cards in rows of up to four, and a note longer than a card holds
(up to 10 000 characters) across the page's width, cut between lines into pieces a page each.

Hidden (private) notes are never printed: a PDF leaves the room, so their text stays out and
only their number is said.
"""

from __future__ import annotations

from dataclasses import dataclass

from cocreate.export.pdf import style
from cocreate.export.pdf.data import JourneyData, Row, SessionData
from cocreate.export.pdf.draw import LEADING, Painter
from cocreate.export.pdf.sheet import Block, Sheet
from cocreate.export.pdf.text import Texts


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
    scale = sheet.type_scale
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
            p.text(x, top - 10 * scale - index * 14 * scale, line, 9.5 * scale, color=color)

    blocks.append(Block(14 * scale * len(lines) + 4 * scale, draw_summary))

    columns = max(1, min(4, int(sheet.content_width // (235 * scale))))
    gap = 12 * scale
    card_width = (sheet.content_width - gap * (columns - 1)) / columns
    text_width = _text_width(sheet, card_width)
    most = _most_lines(sheet)
    for group in note_groups(journey, votes, texts):
        blocks.append(_group_heading(painter, sheet, group, votes, texts))
        row: list[tuple[Row, list[str]]] = []
        for note in group.notes:
            wrapped = painter.lines(note["text"], text_width, _text_size(sheet))
            if len(wrapped) <= most:
                row.append((note, wrapped))
            if row and (len(row) == columns or len(wrapped) > most):
                blocks.append(
                    _note_row(painter, sheet, journey, data, texts, group, row, card_width, gap)
                )
                row = []
            if len(wrapped) > most:  # longer than a card holds: the page's width, page by page
                blocks.extend(_long_note(painter, sheet, journey, data, texts, group, note, gap))
        if row:
            blocks.append(
                _note_row(painter, sheet, journey, data, texts, group, row, card_width, gap)
            )
    return blocks


def _text_size(sheet: Sheet) -> float:
    return 9.5 * sheet.type_scale


def _most_lines(sheet: Sheet) -> int:
    """The lines of a note that fit on a page with its card's edges and footer."""
    scale = sheet.type_scale
    return max(1, int((sheet.content_height - 90 * scale) // (_text_size(sheet) * LEADING)))


def _text_width(sheet: Sheet, card_width: float) -> float:
    return card_width - 22 * sheet.type_scale


def _long_note(
    painter: Painter,
    sheet: Sheet,
    journey: JourneyData,
    data: SessionData,
    texts: Texts,
    group: _NoteGroup,
    note: Row,
    gap: float,
) -> list[Block]:
    """A note as long as a page or longer, in full: as wide as the page and cut into pieces
    that each fit on a page; its footer under the last piece."""
    width = sheet.content_width
    lines = painter.lines(note["text"], _text_width(sheet, width), _text_size(sheet))
    most = _most_lines(sheet)
    pieces = [lines[start : start + most] for start in range(0, len(lines), most)]
    last = len(pieces) - 1
    return [
        _note_row(
            painter, sheet, journey, data, texts, group, [(note, piece)], width, gap, index == last
        )
        for index, piece in enumerate(pieces)
    ]


def _group_heading(
    painter: Painter, sheet: Sheet, group: _NoteGroup, votes: dict[int, int], texts: Texts
) -> Block:
    scale = sheet.type_scale
    count = texts.count("note_count", len(group.notes))
    vote_total = sum(votes.get(n["id"], 0) for n in group.notes)
    aside = f"{count} · {texts.count('vote_count', vote_total)}"

    def draw(p: Painter, x: float, top: float, width: float) -> None:
        canvas = p.canvas
        style.fill(canvas, group.accent)
        style.stroke(canvas, style.darker(group.accent, 1.2), 0.5 * scale)
        canvas.roundRect(x, top - 15 * scale, 4 * scale, 13 * scale, 2 * scale, stroke=1, fill=1)
        aside_width = p.text(
            x + width, top - 12 * scale, aside, 8.5 * scale, color=style.MUTED, align="right"
        )
        title = p.elided(group.title, width - aside_width - 30 * scale, 12.5 * scale, bold=True)
        p.text(x + 12 * scale, top - 12.5 * scale, title, 12.5 * scale, bold=True)
        p.rule(x, top - 21 * scale, x + width, style.HAIRLINE, 0.6 * scale)

    return Block(30 * scale, draw, space_before=14 * scale, keep_with_next=True)


def _note_row(
    painter: Painter,
    sheet: Sheet,
    journey: JourneyData,
    data: SessionData,
    texts: Texts,
    group: _NoteGroup,
    row: list[tuple[Row, list[str]]],
    card_width: float,
    gap: float,
    footer: bool = True,
) -> Block:
    """A row of note cards, each note with its lines (and, unless footer is False, with its
    pin, category, author and votes under them)."""
    scale = sheet.type_scale
    size = _text_size(sheet)
    pad = 9 * scale
    text_width = _text_width(sheet, card_width)
    prepared = []
    for note, lines in row:
        pin = _pin_text(journey, note, texts, with_stage=group.show_pin) if footer else ""
        pin_lines = painter.lines(pin, text_width, 7.5 * scale, max_lines=2) if pin else []
        height = pad + len(lines) * size * LEADING + pad
        if footer:
            height += 6 * scale + len(pin_lines) * 7.5 * scale * 1.3 + 18 * scale
        prepared.append((note, lines, pin_lines, height))
    height = max(item[3] for item in prepared)

    def draw(p: Painter, x: float, top: float, width: float) -> None:
        canvas = p.canvas
        for index, (note, lines, pin_lines, _h) in enumerate(prepared):
            cx = x + index * (card_width + gap)
            author = data.participant_by_id.get(note["author_id"])
            # As on the canvas: the note's own colour, else its author's, else sticky yellow.
            color = style.note_color(note, author["color"] if author else None, by_category=False)
            style.fill(canvas, style.tint(color, 0.22))
            canvas.roundRect(cx, top - height, card_width, height, 5 * scale, stroke=0, fill=1)
            style.fill(canvas, color)
            canvas.saveState()
            path = canvas.beginPath()
            path.roundRect(cx, top - height, card_width, height, 5 * scale)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.rect(cx, top - height, 4 * scale, height, stroke=0, fill=1)
            canvas.restoreState()
            tx = cx + pad + 4 * scale
            y = top - pad
            y -= p.block(tx, y, lines, size)
            if pin_lines:
                y -= 4 * scale
                y -= p.block(tx, y, pin_lines, 7.5 * scale, color=style.MUTED, leading=1.3)
            if footer:
                _note_footer(p, sheet, data, texts, note, top - height, cx, card_width)

    return Block(height, draw, space_before=gap * 0.8)


def _note_footer(
    p: Painter,
    sheet: Sheet,
    data: SessionData,
    texts: Texts,
    note: Row,
    bottom: float,
    cx: float,
    card_width: float,
) -> None:
    """A note's votes, category and author along the bottom of its card."""
    scale = sheet.type_scale
    pad = 9 * scale
    canvas = p.canvas
    author = data.participant_by_id.get(note["author_id"])
    author_color = author["color"] if author else style.FAINT
    tx = cx + pad + 4 * scale
    base = bottom + pad + 2 * scale
    x_end = cx + card_width - pad
    note_votes = data.note_votes.get(note["id"], 0)
    if note_votes:
        label = str(note_votes)
        w = p.text(x_end, base, label, 8.5 * scale, bold=True, color=style.ACCENT, align="right")
        style.fill(canvas, style.ACCENT)
        canvas.circle(x_end - w - 5 * scale, base + 3 * scale, 3 * scale, stroke=0, fill=1)
        x_end -= w + 14 * scale
    category = note["category"]
    used = 0.0
    if category:
        background, ink = style.category_badge(category)
        label = texts.enum("category", category)
        used = (
            p.pill(
                tx,
                base - 3 * scale,
                label,
                7 * scale,
                background,
                foreground=ink,
                height=12 * scale,
            )
            + 6 * scale
        )
    name = author["name"] if author else texts("no_author")
    room = x_end - (tx + used) - 14 * scale
    if room > 20 * scale:
        name = p.elided(name, room, 7.5 * scale)
        p.swatch(tx + used + 4 * scale, base + 2.6 * scale, 3.2 * scale, author_color)
        p.text(tx + used + 11 * scale, base, name, 7.5 * scale, color=style.MUTED)
