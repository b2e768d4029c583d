"""Pages of the PDF blueprint: paper geometry, the page plan, header and footer, and a simple
flow of blocks from page to page (no Qt).

A document is planned first (every page knows what it holds and its number) and drawn after,
so the contents on the title page and the links between blueprint pages can name page numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cocreate.export.pdf import style
from cocreate.export.pdf.draw import Painter

#: The short side of A3, the paper the type sizes are made for.
_REFERENCE_SIDE = 841.89


@dataclass(frozen=True)
class Sheet:
    """One paper size and orientation, with its margins, header and footer."""

    width: float
    height: float

    @property
    def type_scale(self) -> float:
        """Type and spacing scale: 1 on A3, a little smaller on A4, larger on posters."""
        ratio = min(self.width, self.height) / _REFERENCE_SIDE
        return max(0.82, min(1.9, ratio**0.5))

    @property
    def margin(self) -> float:
        return 34 * self.type_scale

    @property
    def header_height(self) -> float:
        return 50 * self.type_scale

    @property
    def footer_height(self) -> float:
        return 24 * self.type_scale

    @property
    def left(self) -> float:
        return self.margin

    @property
    def right(self) -> float:
        return self.width - self.margin

    @property
    def header_rule(self) -> float:
        """Where the rule under the header runs."""
        return self.height - self.margin - self.header_height + 4 * self.type_scale

    @property
    def top(self) -> float:
        """The top of the content, under the header."""
        return self.height - self.margin - self.header_height - 12 * self.type_scale

    @property
    def bottom(self) -> float:
        """The bottom of the content, above the footer."""
        return self.margin + self.footer_height

    @property
    def content_width(self) -> float:
        return self.right - self.left

    @property
    def content_height(self) -> float:
        return self.top - self.bottom


@dataclass
class PageContext:
    number: int
    count: int
    numbers: dict[str, int]  # page key -> page number


@dataclass
class PagePlan:
    """A page before it is drawn."""

    key: str
    section: str  # the eyebrow above the title
    title: str
    subtitle: str
    draw: Callable[[Painter, PageContext], None]
    aside: str = ""  # right side of the header
    outline: list[tuple[str, int]] = field(default_factory=list)  # (title, level) entries
    chrome: bool = True  # header and footer (the title page draws its own)


@dataclass
class Footer:
    left: str
    right: str  # with {page} and {count}


def draw_chrome(
    painter: Painter, sheet: Sheet, page: PagePlan, footer: Footer, ctx: PageContext
) -> None:
    """The page header (section, title, subtitle, aside) and the footer."""
    scale = sheet.type_scale
    left, right = sheet.left, sheet.right
    if page.section:
        _draw_header(painter, sheet, page)
    base = sheet.margin
    painter.rule(left, base + 13 * scale, right, style.HAIRLINE, 0.5 * scale)
    right_text = footer.right.format(page=ctx.number, count=ctx.count)
    width = painter.text(
        right, base + 3 * scale, right_text, 7 * scale, color=style.MUTED, align="right"
    )
    left_text = painter.elided(footer.left, sheet.content_width - width - 30 * scale, 7 * scale)
    painter.text(left, base + 3 * scale, left_text, 7 * scale, color=style.MUTED)


def _draw_header(painter: Painter, sheet: Sheet, page: PagePlan) -> None:
    scale = sheet.type_scale
    top = sheet.height - sheet.margin
    left, right = sheet.left, sheet.right
    aside_width = 0.0
    if page.aside:
        aside = painter.elided(page.aside, sheet.content_width * 0.4, 8.5 * scale)
        aside_width = painter.width(aside, 8.5 * scale) + 24 * scale
        painter.text(right, top - 9 * scale, aside, 8.5 * scale, color=style.MUTED, align="right")
    title_width = sheet.content_width - aside_width
    painter.text(left, top - 7 * scale, page.section, 7.5 * scale, bold=True, color=style.ACCENT)
    title = painter.elided(page.title, title_width, 16 * scale, bold=True)
    painter.text(left, top - 27 * scale, title, 16 * scale, bold=True)
    if page.subtitle:
        subtitle = painter.elided(page.subtitle, title_width, 8.5 * scale)
        painter.text(left, top - 40 * scale, subtitle, 8.5 * scale, color=style.MUTED)
    painter.rule(left, sheet.header_rule, right, style.RULE, 0.7 * scale)


# -- flowing blocks ---------------------------------------------------------------------------


@dataclass
class Block:
    """A piece of a flowing page: measured before it is placed."""

    height: float
    draw: Callable[[Painter, float, float, float], None]  # (painter, x, top, width)
    space_before: float = 0.0  # left out at the top of a page
    keep_with_next: bool = False  # a heading stays with what follows it


def flow(blocks: list[Block], height: float) -> list[list[tuple[Block, float]]]:
    """Blocks placed on pages of the height: (block, distance from the top) per page.

    A block taller than a page gets a page of its own (and overflows it).
    """
    pages: list[list[tuple[Block, float]]] = []
    current: list[tuple[Block, float]] = []
    used = 0.0
    index = 0
    while index < len(blocks):
        block = blocks[index]
        gap = block.space_before if current else 0.0
        need = gap + block.height
        # A heading goes to the next page when the block after it would not fit with it.
        if block.keep_with_next and index + 1 < len(blocks):
            together = block.height + blocks[index + 1].space_before + blocks[index + 1].height
            if together <= height:  # only when they fit together on a page at all
                need += blocks[index + 1].space_before + blocks[index + 1].height
        if current and used + need > height + 0.01:
            pages.append(current)
            current, used = [], 0.0
            continue
        current.append((block, used + gap))
        used += gap + block.height
        index += 1
    if current:
        pages.append(current)
    return pages


def draw_flowed(
    painter: Painter, sheet: Sheet, placed: list[tuple[Block, float]], top: float | None = None
) -> None:
    start = sheet.top if top is None else top
    for block, offset in placed:
        block.draw(painter, sheet.left, start - offset, sheet.content_width)
