"""The colours that carry meaning, shared by the canvas and the PDF (no Qt)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from cocreate.model import NoteCategory, NpsBand, ScoreBand, Status, TouchpointKind

# A badge colour per touchpoint kind (Okabe–Ito hues: apart for colour-blind eyes too).
KIND_COLORS: dict[str, str] = {
    TouchpointKind.PRE.value: "#0072b2",  # blue
    TouchpointKind.FIRST.value: "#e69f00",  # orange
    TouchpointKind.CORE.value: "#009e73",  # bluish green
    TouchpointKind.END.value: "#cc79a7",  # reddish purple
}

# Emotion −2…+2: dark red, light orange, grey, light green, dark green. The lightness differs
# as well as the hue, and the faces tell the value apart without colour.
EMOTION_COLORS: dict[int, str] = {
    -2: "#c62828",
    -1: "#f4a261",
    0: "#9e9e9e",
    1: "#8bc34a",
    2: "#1b7f5a",
}

# A colour per status, from a quiet idea to a done green.
STATUS_COLORS: dict[str, str] = {
    Status.IDEA.value: "#90a4ae",
    Status.PLANNED.value: "#1e88e5",
    Status.IN_PROGRESS.value: "#f9a825",
    Status.DONE.value: "#2e7d32",
}

# Ink, rules and marks: the same on the canvas and on paper.
INK = "#263238"
MUTED = "#607d8b"
FAINT = "#90a4ae"
RULE = "#cfd8dc"
LANE_LABEL = "#eceff1"
LINE_INK = "#455a64"  # the blueprint's lines and their names
CURVE = "#3949ab"  # the emotion curve
CURVE_BAND = "#fafafa"
BREAKPOINT = "#d32f2f"
BRANDED = "#f9a825"
LINK = "#5c6bc0"
WHITE = "#ffffff"
FALLBACK = "#9e9e9e"
#: How strongly a stage's colour tints its cells (on white).
CELL_TINT = 0.3

# The NPS band of a 0-10 answer (detractors 0-6, passives 7-8, promoters 9-10) on the score
# chart, comment chips and quotes: the deep red and green of the emotion scale, amber between.
SCORE_BAND_COLORS: dict[str, str] = {
    ScoreBand.DETRACTOR.value: EMOTION_COLORS[-2],
    ScoreBand.PASSIVE.value: "#f9a825",
    ScoreBand.PROMOTER.value: EMOTION_COLORS[2],
}
#: The score written on a band's colour: white, but dark on amber, where white does not read.
SCORE_BAND_TEXT: dict[str, str] = {
    ScoreBand.DETRACTOR.value: WHITE,
    ScoreBand.PASSIVE.value: INK,
    ScoreBand.PROMOTER.value: WHITE,
}
# An NPS's band (below 0, 0 to +30, above +30, under 10 answers): the ink of its figure on a
# badge or on paper, and a card's light fill, so that its text stays as legible as on white.
NPS_BAND_INKS: dict[str, str] = {
    NpsBand.HIGH.value: EMOTION_COLORS[2],
    NpsBand.MIDDLE.value: "#a15c00",
    NpsBand.LOW.value: EMOTION_COLORS[-2],
    NpsBand.FEW.value: FAINT,
}
NPS_BAND_FILLS: dict[str, str] = {
    NpsBand.HIGH.value: "#c8e6c9",
    NpsBand.MIDDLE.value: "#ffe0b2",
    NpsBand.LOW.value: "#ffcdd2",
    NpsBand.FEW.value: "#e4e9ec",
}

# A note's colour in the category view (View > Colour Notes by Category), on paper its category
# badge: light, so that dark text stands on them.
CATEGORY_COLORS: dict[str, str] = {
    NoteCategory.PAIN_POINT.value: "#ef9a9a",
    NoteCategory.IDEA.value: "#fff176",
    NoteCategory.QUESTION.value: "#90caf9",
    NoteCategory.PRAISE.value: "#a5d6a7",
    NoteCategory.NEED.value: "#ce93d8",
}
NO_CATEGORY_COLOR = "#e0e0e0"
NO_AUTHOR_COLOR = "#fff59d"

# Twelve sticky-note colours, light enough for dark text and distinct from each other; new
# people get the first one nobody has yet (added in the participants panel or from a phone).
STICKY_COLORS: tuple[str, ...] = (
    "#ffd54f",  # yellow
    "#ff8a65",  # coral
    "#81d4fa",  # sky
    "#a5d6a7",  # green
    "#f48fb1",  # pink
    "#ce93d8",  # lilac
    "#ffb74d",  # orange
    "#80cbc4",  # teal
    "#e6ee9c",  # lime
    "#9fa8da",  # periwinkle
    "#bcaaa4",  # taupe
    "#b0bec5",  # slate
)

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")
_SHORT_HEX = re.compile(r"^#?([0-9a-fA-F]{3})$")

RGB = tuple[float, float, float]


def note_color(note: Mapping[str, Any], author_color: str | None, by_category: bool) -> str:
    """The colour a note is drawn in: its category's in the category view, else its own, else
    its author's, else a sticky-note yellow."""
    if by_category:
        return CATEGORY_COLORS.get(note["category"], NO_CATEGORY_COLOR)
    return note["color"] or author_color or NO_AUTHOR_COLOR


def emotion_color(emotion: float) -> str:
    """The colour of an emotion, rounded to the nearest of −2…+2."""
    return EMOTION_COLORS[max(-2, min(2, round(emotion)))]


@lru_cache(maxsize=1024)
def rgb(value: str, fallback: str = FALLBACK) -> RGB:
    """A "#rrggbb" (or "#rgb") colour as 0…1 floats; anything else gives the fallback. Kept
    for the colours asked again: the demo's PDF asks 3 617 times for 44 colours."""
    text = (value or "").strip()
    match = _HEX.match(text)
    if match is None:
        short = _SHORT_HEX.match(text)
        if short is None:
            return rgb(fallback) if fallback != value else (0.6, 0.6, 0.6)
        digits = "".join(c * 2 for c in short.group(1))
    else:
        digits = match.group(1)
    return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def mix(value: str, other: str, amount: float) -> RGB:
    """value blended towards other by amount (0: value, 1: other), as 0…1 floats."""
    a, b = rgb(value), rgb(other)
    return tuple(x + (y - x) * amount for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def tint(value: str, amount: float) -> RGB:
    """value on white at the given strength (a translucent fill on paper), as 0…1 floats."""
    return mix(WHITE, value, amount)


def hex_color(value: str) -> str | None:
    """A "#rrggbb" or "#rgb" colour (with or without "#") as lower-case "#rrggbb"; None for
    anything else."""
    text = (value or "").strip()
    match = _HEX.match(text)
    if match is not None:
        return "#" + match.group(1).lower()
    short = _SHORT_HEX.match(text)
    return "#" + "".join(c * 2 for c in short.group(1)).lower() if short is not None else None


def next_sticky_color(used: Iterable[str]) -> str:
    """The first sticky colour nobody uses; when all are taken, they come round again."""
    taken = [color for color in map(hex_color, used) if color is not None]
    for color in STICKY_COLORS:
        if color not in taken:
            return color
    return STICKY_COLORS[len(taken) % len(STICKY_COLORS)]
