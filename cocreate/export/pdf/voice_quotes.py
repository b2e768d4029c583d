"""What customers said about the lowest touchpoints of a journey, on its "Voice of the
customer" page (no Qt): each touchpoint (rank, title, stage, NPS) beside its comments, each
comment quoted on a card tinted by its score's band. Also the marks the whole page shares (its
section headings, an NPS as text).

Comments are people's text: drawn through the Painter (never as markup), as voice_plan cut them.
"""

from __future__ import annotations

from cocreate.analysis import Nps, signed
from cocreate.export.pdf import style
from cocreate.export.pdf.data import JourneyData
from cocreate.export.pdf.draw import ASCENT, LEADING, Painter
from cocreate.export.pdf.sheet import Block, Sheet
from cocreate.export.pdf.text import Texts
from cocreate.export.pdf.voice_plan import QuotedTouchpoint, VoicePlan

#: The most lines a quote takes on narrow paper (it is cut at QUOTE_MAX characters anyway).
QUOTE_LINES = 8
#: A quote's type size and its card's padding (times the paper's type scale).
_QUOTE_SIZE = 9.0
_QUOTE_PAD = 8.0


def nps_text(painter: Painter, found: Nps) -> str:
    """+40, 0, −12; "–" without answers."""
    value = found.rounded
    return "–" if value is None else signed(value).replace("\u2212", painter.minus)


def heading(p: Painter, sheet: Sheet, x: float, top: float, width: float, title: str) -> None:
    scale = sheet.type_scale
    p.text(
        x,
        top - 12 * scale,
        p.elided(title, width, 12.5 * scale, bold=True),
        12.5 * scale,
        bold=True,
    )
    p.rule(x, top - 19 * scale, x + width, style.HAIRLINE, 0.6 * scale)


def heading_height(sheet: Sheet) -> float:
    return 30 * sheet.type_scale


# -- what customers said -----------------------------------------------------------------------


def quote_blocks(
    painter: Painter, sheet: Sheet, journey: JourneyData, plan: VoicePlan, texts: Texts
) -> list[Block]:
    scale = sheet.type_scale
    if not plan.quoted:
        return []

    def draw_heading(p: Painter, x: float, top: float, width: float) -> None:
        heading(p, sheet, x, top, width, texts("in_their_words"))

    blocks = [
        Block(heading_height(sheet), draw_heading, space_before=22 * scale, keep_with_next=True)
    ]
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
        color = style.nps_color(quoted.nps)
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
        color=style.band_text_color(score),
        align="center",
    )
    p.block(x + pad + badge + 8 * scale, text_top, lines, size)


def _quote_height(sheet: Sheet, lines: list[str]) -> float:
    scale = sheet.type_scale
    text = len(lines) * _QUOTE_SIZE * scale * LEADING + 2 * scale
    return max(text, 16 * scale) + 2 * _QUOTE_PAD * scale
