"""An NPS on paper has the colour of the same NPS on a card's badge on the canvas: red below
zero, amber from 0 to +30, green above, grey under 10 answers (one band, one set of colours)."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf

from cocreate.colors import NPS_BAND_INKS, rgb
from cocreate.export.pdf import export_pdf
from cocreate.model import NpsBand
from tests.test_pdf_voice import salon


def text_colors(path: Path) -> dict[str, tuple[float, float, float]]:
    """The fill colour each plain text of the last page is drawn in."""
    data = pypdf.PdfReader(path).pages[-1].get_contents().get_data().decode("latin-1")
    drawn = re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) rg\n(?:(?!\brg\n).)*?\((.*?)\) Tj", data, re.S)
    return {found[4]: (float(found[1]), float(found[2]), float(found[3])) for found in drawn}


def near(color: tuple[float, float, float], expected: str) -> bool:
    return all(abs(a - b) < 0.01 for a, b in zip(color, rgb(expected), strict=True))


def test_a_quoted_touchpoints_nps_has_its_badges_colour(tmp_path: Path):
    session = salon(tmp_path)
    out = tmp_path / "voice.pdf"
    export_pdf(session, out)
    colors = text_colors(out)
    # Card F: 4 promoters and 2 detractors of 10, +20; card D: 5 and 5, 0. Both amber, as
    # their badges are, not the green of a good score or the grey of no score.
    assert near(colors["NPS +20"], NPS_BAND_INKS[NpsBand.MIDDLE])
    assert near(colors["NPS 0"], NPS_BAND_INKS[NpsBand.MIDDLE])
