"""The PDF's fonts are kept packed in memory (cocreate.export.pdf.fonts), their files mapped
rather than read, and what goes into a PDF is the same as from reportlab's own parse of the
font."""

from __future__ import annotations

import mmap
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFace

from cocreate.export.pdf.fonts import find_cjk_font, find_fallback_fonts

#: Latin, Chinese, full-width punctuation and a glyph past the first widths (a font keeps the
#: last advance for the glyphs after its metrics table: reportlab's quirk, kept as it is).
TEXT = "Cognition 认知 → 吸引，购买。忠诚!"


def fonts_in_use():
    main = find_cjk_font()
    if main is None:
        pytest.skip("no TrueType font with Chinese glyphs installed (fonts-wqy-microhei)")
    return [main, *find_fallback_fonts(main)]


@pytest.mark.parametrize("which", ["main", "fallback"])
def test_a_packed_font_embeds_the_same_subset_as_reportlabs_own(which):
    fonts = fonts_in_use()
    font = fonts[0] if which == "main" else next(iter(fonts[1:]), None)
    if font is None:
        pytest.skip("no fallback font installed (fonts-symbola, fonts-dejavu-core)")
    assert font.tt is not None and font.path is not None
    packed = font.tt.face
    own = TTFontFace(str(font.path), subfontIndex=font.index)
    assert packed.glyphToChar == {}  # the map only HarfBuzz shaping reads is not kept
    assert isinstance(packed._ttf_data, mmap.mmap)  # the file mapped, not its bytes held
    codes = sorted({ord(char) for char in TEXT if ord(char) in own.charToGlyph})
    codes += sorted(set(own.charToGlyph) - set(codes))[-40:]  # the font's last characters too
    assert len(codes) > 20
    subset = [0, *codes]
    assert packed.makeSubset(subset) == own.makeSubset(subset)
    assert [packed.hmetrics[g] for g in (0, len(own.hmetrics) - 1)] == [
        own.hmetrics[0],
        own.hmetrics[-1],
    ]
    assert len(packed.hmetrics) == len(own.hmetrics)


def _mapped_kb(path) -> int | None:
    """How much of the file mapped into this process counts in its memory (Linux), in kB."""
    try:
        lines = Path("/proc/self/smaps").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    total, inside = 0, False
    for line in lines:
        head = line.split()
        if head and "-" in head[0] and ":" not in head[0]:  # a mapping's first line
            inside = line.endswith(str(path))
        elif inside and line.startswith("Rss:"):
            total += int(head[1])
    return total


def test_after_a_pdf_the_font_files_pages_are_no_longer_the_apps_memory(tmp_path):
    """Making a PDF's font subsets reads glyphs from the mapped font files; those pages go
    back to the system afterwards (the next PDF reads them again), so that the window does not
    keep megabytes more for the rest of the salon after the exporter's warm-up or an export."""
    from cocreate.demo import write_demo
    from cocreate.export.pdf import export_pdf

    main = fonts_in_use()[0]
    if _mapped_kb(main.path) is None:
        pytest.skip("no /proc/self/smaps here (not Linux)")
    session = tmp_path / "demo.cocreate"
    write_demo(session)
    export_pdf(session, tmp_path / "demo.pdf")
    assert (tmp_path / "demo.pdf").stat().st_size > 0
    assert _mapped_kb(main.path) < 256  # 4 MB of the Chinese font's pages when they were kept
