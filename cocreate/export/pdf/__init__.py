"""The PDF service blueprint of a session (no Qt): `export_pdf(session, out)`.

document: the whole document, planned page by page, then drawn; data: what a session holds,
read once; title_page, notes_pages and health_pages: the flowing pages; voice_plan (pure),
voice_page and voice_quotes: a journey's survey answers in NPS and words; blueprint_plan: the
scale and tiles of a journey's blueprint (pure) and TileTransform, the one mapping from canvas
units to page points; blueprint_draw, emotion_curve and legend: a blueprint tile drawn through
that transform; sheet: paper, margins and the flow of blocks; style, draw, fonts, text and
wrap: colours and marks (the canvas's, from cocreate.colors and cocreate.geometry), type and
words.
"""

from cocreate.export.pdf.data import journey_names
from cocreate.export.pdf.document import (
    PAPERS,
    blueprint_box,
    blueprint_plans,
    export_pdf,
    paper_size,
    plan_document,
)
from cocreate.export.pdf.fonts import NoChineseFontError

__all__ = [
    "PAPERS",
    "NoChineseFontError",
    "blueprint_box",
    "blueprint_plans",
    "export_pdf",
    "journey_names",
    "paper_size",
    "plan_document",
]
