"""Line breaking for mixed Chinese and English text (no Qt, no reportlab).

Chinese text may break between any two characters, Latin text at spaces (and after a hyphen
inside a word); a word longer than the line is broken where it must. Closing punctuation
never starts a line and opening punctuation never ends one (the basic Chinese and Japanese
line-breaking rules).
"""

from __future__ import annotations

from collections.abc import Callable

#: Never at the start of a line.
NO_LINE_START = frozenset(
    "!%),.:;?]}¢°·’”…‰′″℃、。〉》」』】〕〗〙〛〞︰︱︲︳﹐﹑﹒﹓﹔﹕﹖﹗﹚﹜﹞！＂％＇），．：；？］｝～"
    "ー゛゜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・ヽヾ々"
)
#: Never at the end of a line.
NO_LINE_END = frozenset("([{£¥‘“〈《「『【〔〖〘〚〝﹙﹛﹝（［｛￡￥")

Measure = Callable[[str], float]


def _wide(char: str) -> bool:
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x1F000 <= code <= 0x1FAFF  # emoji
        or 0x20000 <= code <= 0x3FFFF
    )


def _can_break(before: str, after: str, before_before: str) -> bool:
    """May a line end between before and after?"""
    if after.isspace():
        return False  # spaces stay at the end of the line before
    if before.isspace():
        return True
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if _wide(before) or _wide(after):
        return True
    return before in "-/" and before_before.isalnum() and after.isalnum()


def atoms(text: str) -> list[str]:
    """text cut where a line may end; spaces stick to the atom before them."""
    found: list[str] = []
    start = 0
    for index in range(1, len(text)):
        before_before = text[index - 2] if index >= 2 else ""
        if _can_break(text[index - 1], text[index], before_before):
            found.append(text[start:index])
            start = index
    if start < len(text):
        found.append(text[start:])
    return found


def _force_break(atom: str, width: float, measure: Measure) -> list[str]:
    """A word wider than the line, cut between characters."""
    pieces: list[str] = []
    current = ""
    for char in atom:
        if current and measure(current + char) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap_paragraph(text: str, width: float, measure: Measure) -> list[str]:
    """One paragraph (no newlines) as lines no wider than width (when it can be done)."""
    lines: list[str] = []
    current = ""
    for atom in atoms(text):
        candidate = current + atom
        if measure(candidate.rstrip()) <= width:
            current = candidate
            continue
        if current.strip():
            lines.append(current.rstrip())
        atom = atom.lstrip()
        if measure(atom.rstrip()) <= width:
            current = atom
            continue
        pieces = _force_break(atom.rstrip(), width, measure)
        lines.extend(pieces[:-1])
        current = pieces[-1] + atom[len(atom.rstrip()) :] if pieces else ""
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def wrap(
    text: str,
    width: float,
    measure: Measure,
    max_lines: int | None = None,
    ellipsis: str = "…",
) -> list[str]:
    """text as lines no wider than width: newlines start new lines.

    With max_lines, the last line kept ends in the ellipsis when text was left out.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(wrap_paragraph(paragraph.strip(), width, measure))
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = elide(kept[-1], width, measure, ellipsis, force=True)
        return kept
    return lines


def elide(
    text: str, width: float, measure: Measure, ellipsis: str = "…", force: bool = False
) -> str:
    """text cut to fit width with the ellipsis at its end (always added when force)."""
    if not force and measure(text) <= width:
        return text
    cut = text.rstrip()
    while cut and measure(cut + ellipsis) > width:
        cut = cut[:-1].rstrip()
    return cut + ellipsis
