"""The PDF's fonts are kept packed in memory (cocreate.export.pdf.fonts), their files mapped
rather than read, and what goes into a PDF is the same as from reportlab's own parse of the
font."""

from __future__ import annotations

import mmap
import subprocess
import sys
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


MAPPED_AFTER_A_PDF = """
import sys
from pathlib import Path
from cocreate.demo import write_demo
from cocreate.export.pdf import export_pdf
from cocreate.export.pdf.fonts import find_cjk_font

folder, main = Path(sys.argv[1]), find_cjk_font()
write_demo(folder / "demo.cocreate")
export_pdf(folder / "demo.cocreate", folder / "demo.pdf")
total, inside = 0, False
for line in Path("/proc/self/smaps").read_text(encoding="utf-8").splitlines():
    head = line.split()
    if head and "-" in head[0] and ":" not in head[0]:  # a mapping's first line
        inside = line.endswith(str(main.path))
    elif inside and line.startswith("Rss:"):
        total += int(head[1])
print(total)
"""


def test_after_a_pdf_the_font_files_pages_are_no_longer_the_apps_memory(tmp_path):
    """Making a PDF's font subsets reads glyphs from the mapped font files; those pages go
    back to the system afterwards (the next PDF reads them again), so that the window does not
    keep megabytes more for the rest of the salon after the exporter's warm-up or an export.
    In a process of its own, as `cocreate export-pdf` runs (no Qt, which maps fonts too)."""
    fonts_in_use()
    if not Path("/proc/self/smaps").exists():
        pytest.skip("no /proc/self/smaps here (not Linux)")
    done = subprocess.run(
        [sys.executable, "-c", MAPPED_AFTER_A_PDF, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "demo.pdf").stat().st_size > 0
    kept_kb = int(done.stdout.split()[-1])
    assert kept_kb < 256  # 4 MB of the Chinese font's pages when they were kept
