"""Right-to-left text in the PDF: one line of text in the order its glyphs are drawn (no Qt).

reportlab draws a string's characters left to right as they are stored, so Hebrew and Arabic
came out backwards on the page, and readers (which take a page's text as drawn and apply the
Unicode bidirectional algorithm to it) copied them out backwards too. This is that algorithm
(UAX #9) for one line, in the part our text needs:

- People's text holds no explicit embeddings, overrides or isolates (the input rule removes
  them); any left in an old file are ignored here, so they reorder nothing, not even the text
  that holds them. Every string is ordered on its own: nothing a person types can move the
  document's own texts around it.
- The line's direction is that of its first strong character (rules P2, P3); weak and neutral
  types are resolved (W1-W7, N1, N2), levels given (I1, I2), and the runs reversed (L1, L2).
  Combining marks stay after the character they sit on (L3), and brackets in right-to-left
  runs take their mirrored glyph (L4).

Arabic letters keep their isolated forms: shaping them needs a shaping engine reportlab does
not have here.
"""

from __future__ import annotations

import re
import unicodedata

_STRONG_RTL = frozenset({"R", "AL"})
_EXPLICIT = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON"})

#: Bidi_Mirroring_Glyph pairs of the brackets and signs people type.
_MIRRORED = dict(
    zip(
        "()<>[]{}«»‹›⁅⁆〈〉《》「」『』【】〔〕〖〗〘〙〚〛（）＜＞［］｛｝≤≥",
        ")(><][}{»«›‹⁆⁅〉〈》《」「』『】【〕〔〗〖〙〘〛〚）（＞＜］［｝｛≥≤",
        strict=True,
    )
)


#: The right-to-left mark and the blocks of right-to-left letters (Hebrew to NKo, Arabic and its
#: presentation forms, the scripts beyond the BMP): a quick look before the exact one.
_RTL_BLOCKS = re.compile(
    "[\u200f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def needs_reordering(text: str) -> bool:
    """Whether the text holds a right-to-left character (most text does not: it is drawn as
    it is)."""
    return _RTL_BLOCKS.search(text) is not None and any(
        unicodedata.bidirectional(char) in _STRONG_RTL for char in text
    )


def _types(text: str) -> list[str]:
    """Each character's bidirectional type; joiners and other boundary neutrals (BN) go with
    the character before them, as marks do."""
    kinds = (unicodedata.bidirectional(char) or "L" for char in text)
    return ["NSM" if kind == "BN" else kind for kind in kinds]


def _resolve_weak(types: list[str], base: str) -> None:
    """Rules W1-W7 on one level run, in place."""
    previous = base
    for index, kind in enumerate(types):  # W1: marks take the type before them
        if kind == "NSM":
            types[index] = previous
        else:
            previous = types[index]
    strong = base
    for index, kind in enumerate(types):  # W2, W3: numbers after Arabic letters are Arabic
        if kind in ("L", "R", "AL"):
            strong = kind
        elif kind == "EN" and strong == "AL":
            types[index] = "AN"
    types[:] = ["R" if kind == "AL" else kind for kind in types]
    for index in range(1, len(types) - 1):  # W4: one separator between two numbers
        before, kind, after = types[index - 1], types[index], types[index + 1]
        if kind == "ES" and before == after == "EN":
            types[index] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            types[index] = before
    for index, kind in enumerate(types):  # W5: terminators next to European numbers
        if kind == "EN":
            for step in (-1, 1):
                other = index + step
                while 0 <= other < len(types) and types[other] == "ET":
                    types[other] = "EN"
                    other += step
    types[:] = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]  # W6
    strong = base
    for index, kind in enumerate(types):  # W7: European numbers in left-to-right text
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[index] = "L"


def _resolve_neutral(types: list[str], base: str) -> None:
    """Rules N1, N2 in place: neutrals between two of one direction take it, else the line's."""
    index = 0
    while index < len(types):
        if types[index] not in _NEUTRAL:
            index += 1
            continue
        end = index
        while end < len(types) and types[end] in _NEUTRAL:
            end += 1
        before = _direction(types[index - 1]) if index > 0 else base
        after = _direction(types[end]) if end < len(types) else base
        types[index:end] = [before if before == after else base] * (end - index)
        index = end


def _direction(kind: str) -> str:
    return "L" if kind == "L" else "R"  # numbers count as right-to-left here (N1)


def _levels(text: str, base_level: int) -> list[int]:
    base = "R" if base_level else "L"
    types = _types(text)
    _resolve_weak(types, base)
    _resolve_neutral(types, base)
    levels = []
    for kind in types:
        if base_level == 0:
            levels.append({"R": 1, "AN": 2, "EN": 2}.get(kind, 0))
        else:
            levels.append(2 if kind in ("L", "EN", "AN") else 1)
    for index in range(len(text) - 1, -1, -1):  # L1: trailing white space at the line's level
        if not text[index].isspace():
            break
        levels[index] = base_level
    return levels


def visual(text: str) -> str:
    """One line of text in the order its characters are drawn, left to right."""
    if not needs_reordering(text):
        return text
    text = "".join(char for char in text if unicodedata.bidirectional(char) not in _EXPLICIT)
    first = next((kind for kind in _types(text) if kind in ("L", "R", "AL")), "L")
    levels = _levels(text, 1 if first in _STRONG_RTL else 0)
    # Characters with the marks on them, so a mark stays after its base when reversed (L3).
    units: list[tuple[str, int]] = []
    for char, level in zip(text, levels, strict=True):
        if units and unicodedata.category(char).startswith("M"):
            units[-1] = (units[-1][0] + char, units[-1][1])
        else:
            units.append((_MIRRORED.get(char, char) if level % 2 else char, level))
    for level in range(max(levels, default=0), 0, -1):  # L2
        index = 0
        while index < len(units):
            if units[index][1] < level:
                index += 1
                continue
            end = index
            while end < len(units) and units[end][1] >= level:
                end += 1
            units[index:end] = units[index:end][::-1]
            index = end
    return "".join(unit for unit, _level in units)
