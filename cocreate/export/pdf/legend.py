"""The legend under a blueprint page: what the kinds, statuses, faces and marks mean (no Qt)."""

from __future__ import annotations

from collections.abc import Callable

from cocreate.export.pdf import style
from cocreate.export.pdf.draw import Painter
from cocreate.export.pdf.text import Texts

LegendGroup = tuple[float, Callable[[Painter, float, float], None]]


def legend_groups(painter: Painter, texts: Texts, size: float) -> list[LegendGroup]:
    """The legend's parts: (width, draw at x with the baseline at y)."""
    groups: list[LegendGroup] = []
    pill_height = size * 1.6

    def kinds(p: Painter, x: float, y: float) -> None:
        for kind, color in style.KIND_COLORS.items():
            label = texts.enum("kind", kind)
            x += p.pill(x, y - size * 0.45, label, size * 0.92, color, height=pill_height)
            x += size * 0.5

    width = sum(
        painter.width(texts.enum("kind", kind), size * 0.92, bold=True)
        + 2 * pill_height * 0.42
        + size * 0.5
        for kind in style.KIND_COLORS
    )
    groups.append((width, kinds))

    def statuses(p: Painter, x: float, y: float) -> None:
        for status, color in style.STATUS_COLORS.items():
            x += p.dot_label(x, y, texts.enum("status", status), size, color) + size * 0.9

    width = sum(
        painter.width(texts.enum("status", status), size) + size * (0.64 + 0.35 + 0.9)
        for status in style.STATUS_COLORS
    )
    groups.append((width, statuses))

    def emotions(p: Painter, x: float, y: float) -> None:
        for emotion in range(-2, 3):
            style.face(p.canvas, x + size * 0.6, y + size * 0.3, size * 0.62, emotion)
            x += size * 1.5
        p.text(x + size * 0.2, y, texts("emotion"), size, color=style.MUTED)

    groups.append((size * 7.7 + painter.width(texts("emotion"), size), emotions))

    def branded(p: Painter, x: float, y: float) -> None:
        style.star(p.canvas, x + size * 0.6, y + size * 0.32, size * 0.7)
        p.text(x + size * 1.5, y, texts("branded"), size, color=style.MUTED)

    groups.append((size * 1.5 + painter.width(texts("branded"), size), branded))

    def breakpoint_mark(p: Painter, x: float, y: float) -> None:
        style.warning(p.canvas, x + size * 0.6, y + size * 0.34, size * 1.2)
        p.text(x + size * 1.6, y, texts("breakpoint"), size, color=style.MUTED)

    groups.append((size * 1.6 + painter.width(texts("breakpoint"), size), breakpoint_mark))

    def link(p: Painter, x: float, y: float) -> None:
        style.stroke(p.canvas, style.LINK, size * 0.18)
        p.canvas.line(x, y + size * 0.32, x + size * 1.8, y + size * 0.32)
        style.arrow_head(p.canvas, x + size * 2.4, y + size * 0.32, 0, size * 0.8, style.LINK)
        p.text(x + size * 3, y, texts("link"), size, color=style.MUTED)

    groups.append((size * 3 + painter.width(texts("link"), size), link))
    return groups


def legend_rows(
    painter: Painter, texts: Texts, size: float, width: float
) -> list[list[LegendGroup]]:
    """The legend's groups in rows no wider than width."""
    gap = size * 1.6
    rows: list[list[LegendGroup]] = [[]]
    used = 0.0
    for group in legend_groups(painter, texts, size):
        if rows[-1] and used + gap + group[0] > width:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0.0) + group[0]
        rows[-1].append(group)
    return rows


def legend(painter: Painter, texts: Texts, x: float, y: float, size: float, width: float) -> None:
    """The marks explained, in one row or more; the last row's baseline at y."""
    gap = size * 1.6
    rows = legend_rows(painter, texts, size, width)
    for index, row in enumerate(rows):
        baseline = y + (len(rows) - 1 - index) * size * 2.2
        left = x
        for group_width, draw in row:
            draw(painter, left, baseline)
            left += group_width + gap
