"""The journey-health pages of the PDF blueprint: the figures, the stage-by-stage table, and
the lists of pain points, breakpoints and what got votes (no Qt).

Hidden (private) notes are never printed: their text stays out of these lists too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import Color

from cocreate.analysis import JourneyHealth, RankedItem
from cocreate.export.pdf import style
from cocreate.export.pdf.data import JourneyData, Row, SessionData
from cocreate.export.pdf.draw import ASCENT, LEADING, Painter
from cocreate.export.pdf.sheet import Block, Sheet
from cocreate.export.pdf.text import Texts
from cocreate.model import Channel


def health_blocks(
    painter: Painter, sheet: Sheet, journey: JourneyData, data: SessionData, texts: Texts
) -> list[Block]:
    """The figures and the stage-by-stage table; the lists come after (see health_lists)."""
    scale = sheet.type_scale
    health = journey.health
    blocks = [_kpi_block(painter, sheet, journey, health, texts)]

    def heading(title: str) -> Block:
        def draw(p: Painter, x: float, top: float, width: float) -> None:
            p.text(x, top - 12 * scale, title, 12.5 * scale, bold=True)
            p.rule(x, top - 19 * scale, x + width, style.HAIRLINE, 0.6 * scale)

        return Block(26 * scale, draw, space_before=20 * scale, keep_with_next=True)

    if not health.stages:
        return blocks
    blocks.append(heading(texts("per_stage")))
    label_width = 118 * scale
    per_chunk = max(1, int((sheet.content_width - label_width) // (92 * scale)))
    stages = list(health.stages)
    for start in range(0, max(1, len(stages)), per_chunk):
        chunk = stages[start : start + per_chunk]
        blocks.append(_stage_table(painter, sheet, journey, chunk, texts, label_width))
    return blocks


def _kpi_block(
    painter: Painter, sheet: Sheet, journey: JourneyData, health: JourneyHealth, texts: Texts
) -> Block:
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
            style.PAIN_POINT if health.pain_point_count else style.STATUS_COLORS["done"],
        ),
        (
            texts("channels"),
            str(len(health.channels)),
            texts("channels_used", used=len(health.channels), total=len(Channel)),
            style.ACCENT,
        ),
    ]
    if journey.voice is not None:  # survey answers: how many measured touchpoints are below 0
        negative = len(journey.voice.negative_touchpoints)
        measured = sum(1 for _card, found in journey.voice.touchpoints if not found.few)
        figures.append(
            (
                texts("negative_touchpoints"),
                str(negative),
                texts("negative_touchpoints_note", total=measured),
                style.DETRACTOR if negative else style.STATUS_COLORS["done"],
            )
        )
    return figure_tiles(sheet, figures)


#: A figure of a page's row of tiles: label, value, note under it (or ""), colour.
Figure = tuple[str, str, str, str | Color]


def figure_tiles(sheet: Sheet, figures: list[Figure]) -> Block:
    """Figures as tiles in a row (in rows of three or four on narrow paper)."""
    scale = sheet.type_scale
    columns = len(figures) if sheet.content_width > 700 * scale else 3 if len(figures) <= 6 else 4
    rows = -(-len(figures) // columns)
    gap = 10 * scale
    tile_height = 70 * scale

    def draw(p: Painter, x: float, top: float, width: float) -> None:
        canvas = p.canvas
        tile_width = (width - gap * (columns - 1)) / columns
        for index, (label, value, note, color) in enumerate(figures):
            row, column = divmod(index, columns)
            tx = x + column * (tile_width + gap)
            ty = top - row * (tile_height + gap) - tile_height
            style.fill(canvas, style.PAPER_TINT)
            canvas.roundRect(tx, ty, tile_width, tile_height, 6 * scale, stroke=0, fill=1)
            style.fill(canvas, color)
            canvas.roundRect(
                tx, ty + tile_height - 3 * scale, tile_width, 3 * scale, 1.5 * scale, 0, 1
            )
            p.text(
                tx + 12 * scale,
                ty + tile_height - 18 * scale,
                p.elided(label, tile_width - 24 * scale, 8 * scale),
                8 * scale,
                color=style.MUTED,
            )
            p.text(
                tx + 12 * scale,
                ty + tile_height - 44 * scale,
                value,
                22 * scale,
                bold=True,
                color=color,
            )
            if note:
                p.text(
                    tx + 12 * scale,
                    ty + 9 * scale,
                    p.elided(note, tile_width - 24 * scale, 7.5 * scale),
                    7.5 * scale,
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
    scale = sheet.type_scale
    header_height = 30 * scale
    size = 9 * scale
    rows = [
        texts("health_touchpoints"),
        texts("mean_emotion"),
        texts("breakpoints"),
        texts("pain_points"),
        texts("channels"),
    ]
    row_height = 26 * scale
    width = sheet.content_width
    column_width = (width - label_width) / max(1, len(stages))
    channel_lines = [
        painter.lines(
            ", ".join(texts.enum("channel", c) for c in stage.channels) or texts("none"),
            column_width - 16 * scale,
            8.5 * scale,
            max_lines=4,
        )
        for stage in stages
    ]
    channel_height = (
        max([len(lines) for lines in channel_lines] + [1]) * 8.5 * scale * 1.3 + 14 * scale
    )
    total = header_height + row_height * (len(rows) - 1) + channel_height

    def draw(p: Painter, x: float, top: float, width: float) -> None:
        canvas = p.canvas
        for index, label in enumerate(rows):
            y = top - header_height - index * row_height
            p.text(x, y - 16 * scale, label, size, bold=True, color=style.MUTED)
            if index:
                p.rule(x, y, x + width, style.HAIRLINE, 0.5 * scale)
        for column, stage in enumerate(stages):
            cx = x + label_width + column * column_width
            color = stage.stage["color"]
            style.fill(canvas, color)
            style.stroke(canvas, style.darker(color, 1.12), 0.6 * scale)
            canvas.roundRect(
                cx + 2 * scale,
                top - header_height + 4 * scale,
                column_width - 4 * scale,
                header_height - 6 * scale,
                5 * scale,
                stroke=1,
                fill=1,
            )
            name = p.elided(
                stage.stage["name"] or texts("untitled_stage"),
                column_width - 16 * scale,
                10 * scale,
                bold=True,
            )
            p.text(
                cx + column_width / 2,
                top - header_height / 2 - 2 * scale,
                name,
                10 * scale,
                bold=True,
                align="center",
            )
            y = top - header_height
            tx = cx + 8 * scale
            # touchpoints
            count_color = style.INK
            if stage.empty:  # an alarm only once the journey is being mapped
                count_color = style.BREAKPOINT if journey.health.touchpoints else style.FAINT
            p.text(
                tx, y - 16 * scale, str(stage.touchpoints), 10 * scale, bold=True, color=count_color
            )
            y -= row_height
            # emotion
            if stage.emotion is None:
                p.text(tx, y - 16 * scale, texts("no_data"), size, color=style.FAINT)
            else:
                style.face(canvas, tx + 6 * scale, y - 13 * scale, 6 * scale, round(stage.emotion))
                value = p.signed(stage.emotion)
                w = p.text(
                    tx + 16 * scale,
                    y - 16 * scale,
                    value,
                    10 * scale,
                    bold=True,
                    color=style.BREAKPOINT
                    if stage.lowest
                    else style.darker(style.emotion_color(stage.emotion), 1.3)
                    if stage.emotion < 0
                    else style.INK,
                )
                if stage.lowest:
                    p.text(
                        tx + 22 * scale + w,
                        y - 16 * scale,
                        texts("lowest_point"),
                        7.5 * scale,
                        color=style.BREAKPOINT,
                    )
            y -= row_height
            # breakpoints
            count = len(stage.breakpoints)
            if count:
                style.warning(canvas, tx + 6 * scale, y - 12.5 * scale, 11 * scale)
            p.text(
                tx + (16 * scale if count else 0),
                y - 16 * scale,
                str(count),
                10 * scale,
                bold=True,
                color=style.BREAKPOINT if count else style.FAINT,
            )
            y -= row_height
            # pain points
            count = len(stage.pain_points)
            p.text(
                tx,
                y - 16 * scale,
                str(count),
                10 * scale,
                bold=True,
                color=style.PAIN_POINT if count else style.FAINT,
            )
            y -= row_height
            p.block(tx, y - 7 * scale, channel_lines[column], 8.5 * scale, leading=1.3)

    return Block(total, draw, space_before=6 * scale)


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
    scale = sheet.type_scale
    health = journey.health
    gap = 26 * scale
    width = sheet.content_width
    column_width = (width - 2 * gap) / 3
    votes = data.note_votes

    def title(text: str) -> _ListItem:
        def draw(p: Painter, x: float, top: float, w: float) -> None:
            p.text(x, top - 12 * scale, text, 12.5 * scale, bold=True)
            p.rule(x, top - 19 * scale, x + w, style.HAIRLINE, 0.6 * scale)

        return _ListItem(30 * scale, draw)

    def empty(text: str) -> _ListItem:
        def draw(p: Painter, x: float, top: float, w: float) -> None:
            p.text(x, top - 10 * scale, text, 9 * scale, color=style.MUTED)

        return _ListItem(18 * scale, draw)

    def entry(
        text: str,
        meta: str,
        mark: Callable | None,
        count: int | None,
        tag: tuple[str, str, str] | None = None,
    ) -> _ListItem:
        """A list entry: a mark, the text, a muted meta line (after a tag: label, background,
        text colour) and the dots it got."""
        indent = 18 * scale
        text_width = column_width - indent - 30 * scale
        lines = painter.lines(text, text_width, 9 * scale, max_lines=4)
        tag_size, tag_height = 6.5 * scale, 11 * scale
        tag_width = (
            painter.width(tag[0], tag_size, True) + tag_height * 0.84 + 5 * scale if tag else 0
        )
        meta_width = max(text_width - tag_width, 40 * scale)
        meta_lines = painter.lines(meta, meta_width, 7.5 * scale, max_lines=2) if meta else []
        meta_height = len(meta_lines) * 7.5 * scale * 1.3
        if tag:
            meta_height = max(meta_height, tag_height + 1 * scale)
        height = len(lines) * 9 * scale * LEADING + meta_height + 10 * scale

        def draw(p: Painter, x: float, top: float, w: float) -> None:
            if mark is not None:
                mark(p, x + 6 * scale, top - 9 * scale * ASCENT + 2.5 * scale)
            y = top - p.block(x + indent, top, lines, 9 * scale) - 1 * scale
            if tag:
                baseline = y - 7.5 * scale * ASCENT - 1 * scale
                bottom = baseline - (tag_height - tag_size * 0.72) / 2
                p.pill(
                    x + indent,
                    bottom,
                    tag[0],
                    tag_size,
                    tag[1],
                    foreground=tag[2],
                    height=tag_height,
                )
                y -= 1 * scale
            if meta_lines:
                left = x + indent + tag_width
                p.block(left, y, meta_lines, 7.5 * scale, color=style.MUTED, leading=1.3)
            if count:
                label = str(count)
                tw = p.text(
                    x + w,
                    top - 9 * scale * ASCENT,
                    label,
                    9 * scale,
                    bold=True,
                    color=style.ACCENT,
                    align="right",
                )
                style.fill(p.canvas, style.ACCENT)
                p.canvas.circle(
                    x + w - tw - 5 * scale, top - 9 * scale * ASCENT + 3 * scale, 3 * scale, 0, 1
                )

        return _ListItem(height, draw)

    def stage_heading(stage: Row | None) -> _ListItem:
        name = (stage["name"] or texts("untitled_stage")) if stage else texts("not_pinned_stage")
        color = stage["color"] if stage else style.RULE

        def draw(p: Painter, x: float, top: float, w: float) -> None:
            style.fill(p.canvas, color)
            style.stroke(p.canvas, style.darker(color, 1.2), 0.5 * scale)
            p.canvas.roundRect(
                x, top - 11 * scale, 9 * scale, 9 * scale, 2 * scale, stroke=1, fill=1
            )
            p.text(
                x + 15 * scale,
                top - 9.5 * scale,
                p.elided(name, w - 20 * scale, 9.5 * scale, bold=True),
                9.5 * scale,
                bold=True,
            )

        return _ListItem(17 * scale, draw, keep_with_next=True)

    def author_of(note: Row) -> str:
        person = data.participant_by_id.get(note["author_id"])
        return person["name"] if person else ""

    def pain_mark(p: Painter, x: float, y: float) -> None:
        style.fill(p.canvas, style.PAIN_POINT)
        p.canvas.circle(x, y, 2.6 * scale, stroke=0, fill=1)

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
            style.warning(p.canvas, x, y + 0.5 * scale, 10 * scale)

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
            p.canvas.circle(x, y, 6 * scale, stroke=0, fill=1)
            p.text(
                x,
                y - 2.6 * scale,
                str(rank),
                7.5 * scale,
                bold=True,
                color=style.WHITE,
                align="center",
            )

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
        blocks.append(_columns_block(taken, column_width, gap, 20 * scale if not blocks else 0.0))
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


def _voted_tag(item: RankedItem, texts: Texts) -> tuple[str, str, str]:
    """What a voted item is, as a badge (label, background, text colour): a touchpoint, or a
    note of its category (the notes page shows the same category badge), or a note without
    one."""
    if item.category is None:
        return texts("touchpoint"), style.MUTED, style.WHITE
    if not item.category:
        return texts("uncategorised_note"), style.FAINT, style.WHITE
    return (texts.enum("category", item.category), *style.category_badge(item.category))
