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
from cocreate.export.pdf.draw import Painter
from cocreate.export.pdf.health_pages import Figure, figure_tiles
from cocreate.export.pdf.sheet import Block, Sheet
from cocreate.export.pdf.text import Texts
from cocreate.export.pdf.voice_plan import VoicePlan
from cocreate.export.pdf.voice_quotes import heading, heading_height, nps_text, quote_blocks

#: The most member tiers a panel lists (most answers first); the rest are counted.
TIER_ROWS = 8

Draw = Callable[[Painter, float, float, float], None]


@dataclass
class _Panel:
    height: float
    draw: Draw


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
    fits = int((sheet.content_width + gap) // (250 * scale + gap))
    columns = 4 if fits >= 4 else 2 if fits >= 2 else 1  # the four panels in even rows
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
    blocks += quote_blocks(painter, sheet, journey, plan, texts)
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
        (texts("nps"), nps_text(painter, found), "", style.nps_color(found)),
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
            style.darker(style.PASSIVE, 1.3),  # large amber figures read on the tile when deeper
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
    color = style.nps_color(found)
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
        heading(p, sheet, x, top, w, texts("nps_by_stage"))
        y = top - heading_height(sheet)
        for stage, found in rows:
            name = stage["name"] or texts("untitled_stage")
            _nps_row(p, sheet, texts, x, y, w, name, found, w * 0.34, chip=stage["color"])
            y -= _row_height(sheet)

    return _Panel(heading_height(sheet) + max(1, len(rows)) * _row_height(sheet), draw)


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
    height = heading_height(sheet) + len(rows) * _row_height(sheet)
    height += len(note_lines) * 7.5 * scale * 1.3 + (6 * scale if note_lines else 0)

    def draw(p: Painter, x: float, top: float, w: float) -> None:
        heading(p, sheet, x, top, w, texts(title))
        y = top - heading_height(sheet)
        for label, found in rows:
            _nps_row(p, sheet, texts, x, y, w, label, found, w * 0.52)
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
    height = heading_height(sheet) + 10 * scale + chart + 14 * scale
    height += legend_rows * 12 * scale + 4 * scale

    def draw(p: Painter, x: float, top: float, w: float) -> None:
        canvas = p.canvas
        heading(p, sheet, x, top, w, texts("distribution"))
        floor = top - heading_height(sheet) - 10 * scale - chart
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

    def draw_heading(p: Painter, x: float, top: float, width: float) -> None:
        legend = texts("few_legend")
        legend_width = p.text(
            x + width, top - 12 * scale, legend, 7.5 * scale, color=style.MUTED, align="right"
        )
        heading(p, sheet, x, top, width - legend_width - 16 * scale, texts("nps_by_touchpoint"))
        p.rule(x, top - 19 * scale, x + width, style.HAIRLINE, 0.6 * scale)

    blocks = [
        Block(heading_height(sheet), draw_heading, space_before=22 * scale, keep_with_next=True)
    ]
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
            style.stroke(p.canvas, style.darker(stage["color"], 1.2), 0.5 * scale)
            p.canvas.roundRect(
                stage_x, baseline - 0.5 * scale, 7 * scale, 7 * scale, 1.5 * scale, 1, 1
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
