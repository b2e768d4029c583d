"""Text and small marks on a reportlab canvas: one Painter per document (no Qt).

People's text is drawn as it is, character by character, with canvas text objects: it never
goes through reportlab's Paragraph markup, so `<b>x</b>` or `&amp;` print as written.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from cocreate.export.pdf import style
from cocreate.export.pdf.bidi import visual
from cocreate.export.pdf.fonts import FontSet, normalized
from cocreate.export.pdf.wrap import elide, wrap

#: Where the baseline sits below the top of a line, and the line pitch, as parts of the size.
ASCENT = 0.80
LEADING = 1.32


class Painter:
    """Draws and measures text with the document's fonts. canvas may be None to measure only."""

    def __init__(self, canvas: Canvas | None, fonts: FontSet) -> None:
        self.canvas = canvas  # type: ignore[assignment]
        self.fonts = fonts
        self.ellipsis = fonts.glyph("…", "...")
        self.minus = fonts.glyph("−", "-")

    # -- measuring ---------------------------------------------------------------------------

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return self.fonts.width(text, size, bold)

    def lines(
        self,
        text: str,
        width: float,
        size: float,
        *,
        bold: bool = False,
        max_lines: int | None = None,
    ) -> list[str]:
        """text broken into lines no wider than width (Chinese and English alike)."""
        unit = max(width / size, 1e-6)

        def measure(part: str) -> float:
            return self.fonts.width(part, 1.0, bold)

        return wrap(normalized(text), unit, measure, max_lines, self.ellipsis)

    def balanced_lines(
        self,
        text: str,
        width: float,
        size: float,
        *,
        bold: bool = False,
        max_lines: int | None = None,
    ) -> list[str]:
        """Like lines, with the lines about equally long (no lone last word under a title)."""
        lines = self.lines(text, width, size, bold=bold)
        if len(lines) < 2 or (max_lines is not None and len(lines) > max_lines):
            return self.lines(text, width, size, bold=bold, max_lines=max_lines)
        low, high = width * 0.4, width
        for _step in range(12):
            middle = (low + high) / 2
            if len(self.lines(text, middle, size, bold=bold)) == len(lines):
                high = middle
            else:
                low = middle
        return self.lines(text, high, size, bold=bold, max_lines=max_lines)

    def elided(self, text: str, width: float, size: float, bold: bool = False) -> str:
        flat = " ".join(normalized(text).split())
        unit = width / size
        return elide(flat, unit, lambda part: self.fonts.width(part, 1.0, bold), self.ellipsis)

    def signed(self, value: float, digits: int = 1) -> str:
        """+1.5, 0.0, −0.5 with a real minus sign when the font has one."""
        text = f"{value:+.{digits}f}" if digits else f"{value:+d}"
        if text.lstrip("+-").strip("0.") == "":
            text = text.lstrip("+-")
        return text.replace("-", self.minus)

    # -- drawing -----------------------------------------------------------------------------

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        color: str | Color = style.INK,
        align: str = "left",
    ) -> float:
        """One line with its baseline at y. Returns its width."""
        canvas = self.canvas
        canvas.saveState()
        style.fill(canvas, color)
        style.stroke(canvas, color)
        line = visual(normalized(text))
        width = self.fonts.draw(canvas, x, y, line, size, bold=bold, align=align)
        canvas.restoreState()
        return width

    def block(
        self,
        x: float,
        top: float,
        lines: list[str],
        size: float,
        *,
        bold: bool = False,
        color: str | Color = style.INK,
        leading: float = LEADING,
        align: str = "left",
    ) -> float:
        """Lines below top (the top of the first line). Returns the height used."""
        pitch = size * leading
        for index, line in enumerate(lines):
            baseline = top - size * ASCENT - index * pitch
            self.text(x, baseline, line, size, bold=bold, color=color, align=align)
        return len(lines) * pitch

    def paragraph(
        self,
        x: float,
        top: float,
        text: str,
        width: float,
        size: float,
        *,
        bold: bool = False,
        color: str | Color = style.INK,
        leading: float = LEADING,
        max_lines: int | None = None,
    ) -> float:
        """Wrapped text below top. Returns the height used."""
        lines = self.lines(text, width, size, bold=bold, max_lines=max_lines)
        return self.block(x, top, lines, size, bold=bold, color=color, leading=leading)

    def pill(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        background: str | Color,
        *,
        foreground: str | Color = style.WHITE,
        height: float | None = None,
        bold: bool = True,
        align: str = "left",
    ) -> float:
        """A rounded badge with its bottom-left corner at (x, y). Returns its width."""
        height = height or size * 1.75
        pad = height * 0.42
        width = self.width(text, size, bold) + 2 * pad
        if align == "right":
            x -= width
        canvas = self.canvas
        canvas.saveState()
        style.fill(canvas, background)
        canvas.roundRect(x, y, width, height, height / 2, stroke=0, fill=1)
        canvas.restoreState()
        baseline = y + (height - size * 0.72) / 2
        self.text(x + pad, baseline, text, size, bold=bold, color=foreground)
        return width

    def dot_label(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        dot: str | Color,
        *,
        color: str | Color = style.MUTED,
        bold: bool = False,
    ) -> float:
        """A coloured dot and a label, baseline at y. Returns the width."""
        radius = size * 0.32
        canvas = self.canvas
        canvas.saveState()
        style.fill(canvas, dot)
        canvas.circle(x + radius, y + size * 0.3, radius, stroke=0, fill=1)
        canvas.restoreState()
        gap = radius * 2 + size * 0.35
        return gap + self.text(x + gap, y, text, size, color=color, bold=bold)

    def swatch(self, x: float, y: float, radius: float, value: str) -> None:
        """A person's colour: a filled circle with a thin darker ring."""
        canvas = self.canvas
        canvas.saveState()
        style.fill(canvas, value)
        style.stroke(canvas, style.darker(value, 1.3), max(0.4, radius * 0.12))
        canvas.circle(x, y, radius, stroke=1, fill=1)
        canvas.restoreState()

    def rule(
        self, x0: float, y: float, x1: float, color: str = style.RULE, width: float = 0.5
    ) -> None:
        canvas = self.canvas
        canvas.saveState()
        style.stroke(canvas, color, width)
        canvas.line(x0, y, x1, y)
        canvas.restoreState()
