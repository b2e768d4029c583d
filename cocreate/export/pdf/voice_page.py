"""The "Voice of the customer" page of a journey with survey answers (no Qt): its figures, the
NPS by stage, the 0-10 distribution, the NPS by customer type and by member tier, the NPS of
every touchpoint (lowest first) and what customers said about the lowest ones.

What it says is worked out in voice_plan; this module only lays it out and draws it. Comments
are people's text: drawn through the Painter (never as markup), on one line each, quoted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cocreate.analysis import Nps
from cocreate.export.pdf import style
from cocreate.export.pdf.data import JourneyData
from cocreate.export.pdf.draw import ASCENT, LEADING, Painter
from cocreate.export.pdf.health_pages import Figure, figure_tiles
from cocreate.export.pdf.sheet import Block, Sheet
from cocreate.export.pdf.text import Texts
from cocreate.export.pdf.voice_plan import QuotedTouchpoint, VoicePlan

#: The most member tiers a panel lists (most answers first); the rest are counted.
TIER_ROWS = 8
#: The most lines a quote takes on narrow paper (it is cut at QUOTE_MAX characters anyway).
QUOTE_LINES = 8
#: A quote's type size and its card's padding (times the paper's type scale).
_QUOTE_SIZE = 9.0
_QUOTE_PAD = 8.0

Draw = Callable[[Painter, float, float, float], None]


@dataclass
class _Panel:
    height: float
    draw: Draw


def nps_text(painter: Painter, found: Nps) -> str:
    """+40, 0, −12; "–" without answers."""
    value = found.rounded
    return "–" if value is None else painter.signed(value, 0)


def voice_subtitle(painter: Painter, journey: JourneyData, texts: Texts) -> str:
    """The page's header line: the journey's NPS and its number of answers."""
    plan = _plan(journey)
    return (
        f"{texts('nps_value', value=nps_text(painter, plan.nps))}  ·  "
        f"{texts.count('answer_count', plan.nps.n)}"
    )


def _plan(journey: JourneyData) -> VoicePlan:
    if journey.voice is None:
        raise ValueError("a journey without answers has no voice page")
    return journey.voice


def voice_blocks(painter: Painter, sheet: Sheet, journey: JourneyData, texts: Texts) -> list[Block]:
    """The page as flowing blocks: figures, the panels, the touchpoints, the quotes."""
    plan = _plan(journey)
    blocks = [figure_tiles(sheet, _figures(painter, plan, texts))]
    scale = sheet.type_scale
    gap = 26 * scale
    columns = max(1, min(4, int((sheet.content_width + gap) // (250 * scale + gap))))
    width = (sheet.content_width - gap * (columns - 1)) / columns
    panels = [
        _stage_panel(painter, sheet, journey, plan, texts, width),
        _distribution_panel(painter, sheet, plan, texts, width),
        _segment_panel(
            painter,
            sheet,
            texts,
            width,
            "by_customer_type",
            _types(plan, texts),
            texts("untyped", n=plan.untyped) if plan.untyped else "",
        ),
        _segment_panel(
            painter, sheet, texts, width, "by_tier", plan.tiers[:TIER_ROWS], _tier_note(plan, texts)
        ),
    ]
    for start in range(0, len(panels), columns):
        blocks.append(_panel_row(panels[start : start + columns], width, gap, 20 * scale))
    blocks += _touchpoint_blocks(painter, sheet, journey, plan, texts)
    blocks += _quote_blocks(painter, sheet, journey, plan, texts)
    return blocks


def _figures(painter: Painter, plan: VoicePlan, texts: Texts) -> list[Figure]:
    found = plan.nps
    share = {
        key: f"{round(100 * count / found.n)}%"
        for key, count in (
            ("promoters", found.promoters),
            ("passives", found.passives),
            ("detractors", found.detractors),
        )
    }
    negative = len(plan.negative_touchpoints)
    measured = sum(1 for _card, nps in plan.touchpoints if not nps.few)
    return [
        (texts("nps"), nps_text(painter, found), "", style.nps_color(found.rounded)),
        (
            texts("answers"),
            str(found.n),
            texts("with_comment", n=plan.commented),
            style.ACCENT,
        ),
        (
            texts("promoters"),
            share["promoters"],
            texts.count("answer_count", found.promoters),
            style.PROMOTER,
        ),
        (
            texts("passives"),
            share["passives"],
            texts.count("answer_count", found.passives),
            style.PASSIVE,
        ),
        (
            texts("detractors"),
            share["detractors"],
            texts.count("answer_count", found.detractors),
            style.DETRACTOR,
        ),
        (
            texts("negative_touchpoints"),
            str(negative),
            texts("negative_touchpoints_note", total=measured),
            style.DETRACTOR if negative else style.STATUS_COLORS["done"],
        ),
    ]


def _types(plan: VoicePlan, texts: Texts) -> list[tuple[str, Nps]]:
    return [(texts.enum("persona", kind), found) for kind, found in plan.customer_types]


def _tier_note(plan: VoicePlan, texts: Texts) -> str:
    parts = []
    if len(plan.tiers) > TIER_ROWS:
        parts.append(texts("more_rows", n=len(plan.tiers) - TIER_ROWS))
    if plan.untiered:
        parts.append(texts("untiered", n=plan.untiered))
    return "  ·  ".join(parts)


# -- panels ------------------------------------------------------------------------------------


def _panel_row(panels: list[_Panel], width: float, gap: float, space_before: float) -> Block:
    def draw(p: Painter, x: float, top: float, _width: float) -> None:
        for index, panel in enumerate(panels):
            panel.draw(p, x + index * (width + gap), top, width)

    return Block(max(panel.height for panel in panels), draw, space_before=space_before)


def _heading(p: Painter, sheet: Sheet, x: float, top: float, width: float, title: str) -> None:
    scale = sheet.type_scale
    p.text(
        x,
        top - 12 * scale,
        p.elided(title, width, 12.5 * scale, bold=True),
        12.5 * scale,
        bold=True,
    )
    p.rule(x, top - 19 * scale, x + width, style.HAIRLINE, 0.6 * scale)


def _heading_height(sheet: Sheet) -> float:
    return 30 * sheet.type_scale


def _row_height(sheet: Sheet) -> float:
    return 18 * sheet.type_scale


def _nps_row(
    p: Painter,
    sheet: Sheet,
    texts: Texts,
    x: float,
    top: float,
    width: float,
    label: str,
    found: Nps,
    label_width: float,
    chip: str | None = None,
) -> None:
    """One row of NPS figures: [chip] label, a bar from the zero line, the NPS and n."""
    scale = sheet.type_scale
    size = 8.5 * scale
    baseline = top - 12 * scale
    left = x
    if chip is not None:
        style.fill(p.canvas, chip)
        style.stroke(p.canvas, style.darker(chip, 1.2), 0.5 * scale)
        p.canvas.roundRect(x, baseline - 0.5 * scale, 8 * scale, 8 * scale, 2 * scale, 1, 1)
        left += 13 * scale
    ink = style.MUTED if found.few else style.INK
    if label:
        p.text(
            left,
            baseline,
            p.elided(label, x + label_width - left - 6 * scale, size),
            size,
            color=ink,
        )
    if not found.n:
        p.text(
            x + width, baseline, texts("no_answers"), 7.5 * scale, color=style.FAINT, align="right"
        )
        return
    n_width = 40 * scale
    value_width = 30 * scale
    bar_left = x + label_width
    bar_right = x + width - n_width - value_width - 6 * scale
    value = found.rounded
    color = style.nps_color(value, found.few)
    p.text(
        x + width - n_width,
        baseline,
        nps_text(p, found),
        9 * scale,
        bold=True,
        color=color,
        align="right",
    )
    p.text(
        x + width,
        baseline,
        texts("n_equals", n=found.n),
        7.5 * scale,
        color=style.MUTED,
        align="right",
    )
    if bar_right - bar_left > 20 * scale:
        _bar(p, sheet, bar_left, bar_right, baseline, value, color)


def _bar(
    p: Painter,
    sheet: Sheet,
    left: float,
    right: float,
    baseline: float,
    value: int | None,
    color: str,
) -> None:
    """A bar from the zero line in the middle, as long as the NPS (−100 to 100)."""
    scale = sheet.type_scale
    middle = (left + right) / 2
    half = (right - left) / 2
    canvas = p.canvas
    canvas.saveState()
    style.stroke(canvas, style.RULE, 0.6 * scale)
    canvas.line(middle, baseline - 3 * scale, middle, baseline + 9 * scale)
    if value:
        style.fill(canvas, color)
        length = half * abs(value) / 100
        start = middle if value > 0 else middle - length
        canvas.rect(start, baseline - 1 * scale, length, 8 * scale, stroke=0, fill=1)
    canvas.restoreState()


def _stage_panel(
    painter: Painter,
    sheet: Sheet,
    journey: JourneyData,
    plan: VoicePlan,
    texts: Texts,
    width: float,
) -> _Panel:
    rows = plan.stages

    def draw(p: Painter, x: float, top: float, w: float) -> None:
        _heading(p, sheet, x, top, w, texts("nps_by_stage"))
        y = top - _heading_height(sheet)
        for stage, found in rows:
            name = stage["name"] or texts("untitled_stage")
            _nps_row(p, sheet, texts, x, y, w, name, found, w * 0.34, chip=stage["color"])
            y -= _row_height(sheet)

    return _Panel(_heading_height(sheet) + max(1, len(rows)) * _row_height(sheet), draw)


def _segment_panel(
    painter: Painter,
    sheet: Sheet,
    texts: Texts,
    width: float,
    title: str,
    rows: list[tuple[str, Nps]],
    note: str,
) -> _Panel:
    scale = sheet.type_scale
    note_lines = painter.lines(note, width, 7.5 * scale, max_lines=2) if note else []
    height = _heading_height(sheet) + len(rows) * _row_height(sheet)
    height += len(note_lines) * 7.5 * scale * 1.3 + (6 * scale if note_lines else 0)

    def draw(p: Painter, x: float, top: float, w: float) -> None:
        _heading(p, sheet, x, top, w, texts(title))
        y = top - _heading_height(sheet)
        for label, found in rows:
            _nps_row(p, sheet, texts, x, y, w, label, found, w * 0.34)
            y -= _row_height(sheet)
        if note_lines:
            p.block(x, y - 4 * scale, note_lines, 7.5 * scale, color=style.MUTED, leading=1.3)

    return _Panel(height, draw)


def _distribution_panel(
    painter: Painter, sheet: Sheet, plan: VoicePlan, texts: Texts, width: float
) -> _Panel:
    scale = sheet.type_scale
    chart = 78 * scale
    counts = plan.distribution
    most = max(counts) or 1
    total = plan.nps.n
    bands = [
        (texts("detractors_short"), plan.nps.detractors, style.DETRACTOR),
        (texts("passives_short"), plan.nps.passives, style.PASSIVE),
        (texts("promoters_short"), plan.nps.promoters, style.PROMOTER),
    ]
    legend = [(f"{label} {round(100 * count / total)}%", color) for label, count, color in bands]
    legend_width = sum(painter.width(text, 7.5 * scale) + 18 * scale for text, _c in legend)
    legend_rows = 1 if legend_width <= width else len(legend)
    height = _heading_height(sheet) + 10 * scale + chart + 14 * scale
    height += legend_rows * 12 * scale + 4 * scale

    def draw(p: Painter, x: float, top: float, w: float) -> None:
        canvas = p.canvas
        _heading(p, sheet, x, top, w, texts("distribution"))
        floor = top - _heading_height(sheet) - 10 * scale - chart
        pitch = w / len(counts)
        bar = pitch * 0.68
        p.rule(x, floor, x + w, style.RULE, 0.6 * scale)
        for score, count in enumerate(counts):
            cx = x + pitch * score + pitch / 2
            length = chart * count / most
            if count:
                style.fill(canvas, style.band_color(score))
                canvas.rect(cx - bar / 2, floor, bar, length, stroke=0, fill=1)
                p.text(
                    cx,
                    floor + length + 2.5 * scale,
                    str(count),
                    7 * scale,
                    color=style.MUTED,
                    align="center",
                )
            p.text(
                cx,
                floor - 10 * scale,
                str(score),
                7.5 * scale,
                bold=True,
                color=style.INK if count else style.FAINT,
                align="center",
            )
        y = floor - 14 * scale - 9 * scale
        lx = x
        for text, color in legend:
            if legend_rows > 1 and lx > x:
                lx, y = x, y - 12 * scale
            lx += p.dot_label(lx, y, text, 7.5 * scale, color) + 12 * scale

    return _Panel(height, draw)


# -- the touchpoints, lowest first ---------------------------------------------------------------


def _touchpoint_blocks(
    painter: Painter, sheet: Sheet, journey: JourneyData, plan: VoicePlan, texts: Texts
) -> list[Block]:
    scale = sheet.type_scale
    if not plan.touchpoints:
        return []

    def heading(p: Painter, x: float, top: float, width: float) -> None:
        legend = texts("few_legend")
        legend_width = p.text(
            x + width, top - 12 * scale, legend, 7.5 * scale, color=style.MUTED, align="right"
        )
        _heading(p, sheet, x, top, width - legend_width - 16 * scale, texts("nps_by_touchpoint"))
        p.rule(x, top - 19 * scale, x + width, style.HAIRLINE, 0.6 * scale)

    blocks = [Block(_heading_height(sheet), heading, space_before=22 * scale, keep_with_next=True)]
    for rank, (card, found) in enumerate(plan.touchpoints, start=1):
        blocks.append(_touchpoint_row(sheet, journey, texts, rank, card, found))
    return blocks


def _touchpoint_row(
    sheet: Sheet, journey: JourneyData, texts: Texts, rank: int, card: dict, found: Nps
) -> Block:
    scale = sheet.type_scale

    def draw(p: Painter, x: float, top: float, width: float) -> None:
        baseline = top - 12 * scale
        ink = style.MUTED if found.few else style.INK
        p.text(x + 14 * scale, baseline, str(rank), 7.5 * scale, color=style.FAINT, align="right")
        title_width = width * 0.3
        title = card["title"] or texts("untitled_touchpoint")
        p.text(
            x + 22 * scale,
            baseline,
            p.elided(title, title_width - 30 * scale, 9 * scale),
            9 * scale,
            bold=not found.few,
            color=ink,
        )
        stage = journey.stage_by_id.get(card["stage_id"])
        stage_x = x + title_width
        if stage is not None:
            name = stage["name"] or texts("untitled_stage")
            style.fill(p.canvas, stage["color"])
            p.canvas.roundRect(
                stage_x, baseline - 0.5 * scale, 7 * scale, 7 * scale, 1.5 * scale, 0, 1
            )
            p.text(
                stage_x + 11 * scale,
                baseline,
                p.elided(name, width * 0.16, 8 * scale),
                8 * scale,
                color=style.MUTED,
            )
        rest_x = stage_x + width * 0.18
        _nps_row(p, sheet, texts, rest_x, top, x + width - rest_x, "", found, 0)
        if found.few:
            p.text(
                rest_x - 8 * scale,
                baseline,
                texts("few_answers"),
                7 * scale,
                color=style.FAINT,
                align="right",
            )
        p.rule(x, top - 16 * scale, x + width, style.HAIRLINE, 0.4 * scale)

    return Block(16 * scale, draw)


# -- what customers said -----------------------------------------------------------------------


def _quote_blocks(
    painter: Painter, sheet: Sheet, journey: JourneyData, plan: VoicePlan, texts: Texts
) -> list[Block]:
    scale = sheet.type_scale
    if not plan.quoted:
        return []

    def heading(p: Painter, x: float, top: float, width: float) -> None:
        _heading(p, sheet, x, top, width, texts("in_their_words"))

    blocks = [Block(_heading_height(sheet), heading, space_before=22 * scale, keep_with_next=True)]
    for rank, quoted in enumerate(plan.quoted, start=1):
        blocks.append(_quoted_block(painter, sheet, journey, texts, rank, quoted))
    return blocks


def _quoted_block(
    painter: Painter,
    sheet: Sheet,
    journey: JourneyData,
    texts: Texts,
    rank: int,
    quoted: QuotedTouchpoint,
) -> Block:
    """A touchpoint (rank, title, stage, NPS) beside its quotes; on narrow paper, above them."""
    scale = sheet.type_scale
    width = sheet.content_width
    gap = 10 * scale
    wide = width > 640 * scale
    info_width = min(230 * scale, width * 0.26) if wide else width
    quotes_left = info_width + 16 * scale if wide else 0.0
    room = width - quotes_left
    across = 3 if room >= 3 * 150 * scale + 2 * gap else 1
    card_width = (room - gap * (across - 1)) / across
    size = _QUOTE_SIZE * scale
    pad = _QUOTE_PAD * scale
    title = quoted.card["title"] or texts("untitled_touchpoint")
    title_lines = painter.lines(title, info_width - 22 * scale, 10 * scale, bold=True, max_lines=3)
    stage = journey.stage_by_id.get(quoted.card["stage_id"])
    stage_name = (stage["name"] or texts("untitled_stage")) if stage else ""
    info_height = len(title_lines) * 10 * scale * LEADING + 30 * scale
    texts_lines = [
        painter.lines(
            texts("quoted", text=quote.text),
            card_width - 2 * pad - 24 * scale,
            size,
            max_lines=QUOTE_LINES,
        )
        for quote in quoted.quotes
    ]
    card_heights = [_quote_height(sheet, lines) for lines in texts_lines]
    if not quoted.quotes:
        card_heights = [18 * scale]
    rows = [card_heights[start : start + across] for start in range(0, len(card_heights), across)]
    quotes_height = sum(max(row) for row in rows) + gap * (len(rows) - 1)
    height = max(info_height, quotes_height) if wide else info_height + 6 * scale + quotes_height

    def draw(p: Painter, x: float, top: float, w: float) -> None:
        canvas = p.canvas
        style.fill(canvas, style.ACCENT)
        canvas.circle(x + 7 * scale, top - 7 * scale, 7 * scale, stroke=0, fill=1)
        p.text(
            x + 7 * scale,
            top - 9.6 * scale,
            str(rank),
            8 * scale,
            bold=True,
            color=style.WHITE,
            align="center",
        )
        y = top - p.block(x + 22 * scale, top + 1 * scale, title_lines, 10 * scale, bold=True)
        count = texts("n_equals", n=quoted.nps.n)
        meta = f"{stage_name}  ·  {count}" if stage_name else count
        value = texts("nps_value", value=nps_text(p, quoted.nps))
        color = style.nps_color(quoted.nps.rounded, quoted.nps.few)
        used = p.text(x + 22 * scale, y - 10 * scale, value, 9 * scale, bold=True, color=color)
        if quoted.nps.few:
            p.text(
                x + 30 * scale + used,
                y - 10 * scale,
                texts("few_answers"),
                7.5 * scale,
                color=style.FAINT,
            )
        p.text(
            x + 22 * scale,
            y - 22 * scale,
            p.elided(meta, info_width - 22 * scale, 7.5 * scale),
            7.5 * scale,
            color=style.MUTED,
        )
        qx, qtop = x + quotes_left, top if wide else top - info_height - 6 * scale
        if not quoted.quotes:
            p.text(qx, qtop - 10 * scale, texts("no_comments"), 8.5 * scale, color=style.MUTED)
            return
        for row_index, row in enumerate(rows):
            for column, card_height in enumerate(row):
                index = row_index * across + column
                left = qx + column * (card_width + gap)
                score = quoted.quotes[index].score
                _quote_card(
                    p, sheet, left, qtop, card_width, card_height, score, texts_lines[index]
                )
            qtop -= max(row) + gap

    return Block(height, draw, space_before=12 * scale)


def _quote_card(
    p: Painter,
    sheet: Sheet,
    x: float,
    top: float,
    width: float,
    height: float,
    score: int,
    lines: list[str],
) -> None:
    """A comment on a card tinted by its score's band, the score in a badge at its start."""
    scale = sheet.type_scale
    canvas = p.canvas
    color = style.band_color(score)
    style.fill(canvas, style.tint(color, 0.09))
    canvas.roundRect(x, top - height, width, height, 4 * scale, stroke=0, fill=1)
    pad = _QUOTE_PAD * scale
    badge = 16 * scale
    size = _QUOTE_SIZE * scale
    text_top = top - pad - 2 * scale
    middle = text_top - size * ASCENT + 0.36 * size  # the middle of the first line's letters
    style.fill(canvas, color)
    canvas.circle(x + pad + badge / 2, middle, badge / 2, stroke=0, fill=1)
    p.text(
        x + pad + badge / 2,
        middle - 8 * scale * 0.36,
        str(score),
        8 * scale,
        bold=True,
        color=style.WHITE,
        align="center",
    )
    p.block(x + pad + badge + 8 * scale, text_top, lines, size)


def _quote_height(sheet: Sheet, lines: list[str]) -> float:
    scale = sheet.type_scale
    text = len(lines) * _QUOTE_SIZE * scale * LEADING + 2 * scale
    return max(text, 16 * scale) + 2 * _QUOTE_PAD * scale
