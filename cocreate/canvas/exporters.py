"""The registry of every export format: the plain ones and the image of a journey canvas.

This module imports no Qt itself (the command line lists the formats without loading Qt); the
image writer loads the canvas only when it runs. The window renders the journey it shows
instead (cocreate.ui.export_actions), through the same entry.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cocreate.export.registry import (
    CSV,
    JSON,
    PDF,
    QT_TRANSLATE_NOOP,
    Exporter,
    ExporterRegistry,
    Option,
    Progress,
)


def _write_image(session: Path, out: Path, options: Mapping[str, Any], _p: Progress) -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
    from cocreate.canvas.image_export import export_journey_image

    export_journey_image(session, out, options.get("journey"))


IMAGE = Exporter(
    format="image",
    suffixes=(".png", ".svg"),
    summary="write a journey canvas as a PNG or SVG image",
    out_help="the image to write (PNG or SVG, by its extension)",
    noun="image",
    label=QT_TRANSLATE_NOOP("ExportActions", "&Image of the Journey…"),
    tip=QT_TRANSLATE_NOOP("ExportActions", "The current journey canvas as PNG or SVG"),
    write=_write_image,
    options=(Option("journey", "the journey to draw (default: the first)", metavar="NAME"),),
)

#: Every export format, in menu order: what `cocreate --help` and File > Export both list.
EXPORTERS = ExporterRegistry([PDF, IMAGE, CSV, JSON])
