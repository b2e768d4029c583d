"""The PDF's fonts are kept packed in memory (cocreate.export.pdf.fonts), their files mapped
rather than read, and what goes into a PDF is the same as from reportlab's own parse of the
font."""

from __future__ import annotations

import mmap

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
