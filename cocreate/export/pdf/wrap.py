"""Line breaking for mixed Chinese and English text (no Qt, no reportlab).

Chinese text may break between any two characters, Latin text at spaces (and after a hyphen
inside a word); a word longer than the line is broken where it must. Closing punctuation
never starts a line and opening punctuation never ends one (the basic Chinese and Japanese
line-breaking rules).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

#: Never at the start of a line.
NO_LINE_START = frozenset(
    "!%),.:;?]}¢°·’”…‰′″℃、。〉》」』】〕〗〙〛〞︰︱︲︳﹐﹑﹒﹓﹔﹕﹖﹗﹚﹜﹞！＂％＇），．：；？］｝～"
    "ー゛゜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・ヽヾ々"
)
#: Never at the end of a line.
NO_LINE_END = frozenset("([{£¥‘“〈《「『【〔〖〘〚〝﹙﹛﹝（［｛￡￥")

Measure = Callable[[str], float]

ZWJ = "\u200d"


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


def _joins(before: str, after: str) -> bool:
    """Whether after belongs to the character before it: a combining mark (accents, variation
    selectors), a skin tone, or either side of a zero-width joiner."""
    code = ord(after)
    if code < 0x300:  # no marks before the combining diacritics: most text ends here
        return before == ZWJ
    return (
        unicodedata.category(after).startswith("M")
        or 0x1F3FB <= code <= 0x1F3FF
        or ZWJ in (before, after)
    )


# What a character is to the line-breaking rules (bits; see _kind and atoms).
_SPACE, _WIDE, _NO_START, _NO_END, _ALNUM, _BREAK_AFTER, _JOINS_BEFORE, _JOINER = (
    1 << bit for bit in range(8)
)
_kinds: dict[str, int] = {}


def _kind(char: str) -> int:
    """char's bits for the line-breaking rules (_breaks), worked out once per character."""
    kind = _kinds.get(char)
    if kind is None:
        code = ord(char)
        kind = (
            (_SPACE if char.isspace() else 0)
            | (_WIDE if _wide(char) else 0)
            | (_NO_START if char in NO_LINE_START else 0)
            | (_NO_END if char in NO_LINE_END else 0)
            | (_ALNUM if char.isalnum() else 0)
            | (_BREAK_AFTER if char in "-/" else 0)
            | (_JOINER if char == ZWJ else 0)
            # Joins the character before it (see _joins): a mark, a skin tone, a joiner.
            | (_JOINS_BEFORE if code >= 0x300 and _joins("", char) else 0)
        )
        _kinds[char] = kind
    return kind


def _breaks(before_before: int, before: int, after: int) -> bool:
    """May a line end between before and after? (The kinds of the two characters and of the
    one before them.)"""
    if after & _JOINS_BEFORE or before & _JOINER:
        return False
    if after & _SPACE:
        return False
    if before & _SPACE:
        return True
    if after & _NO_START or before & _NO_END:
        return False
    if (before | after) & _WIDE:
        return True
    return bool(before & _BREAK_AFTER and before_before & _ALNUM and after & _ALNUM)


@lru_cache(maxsize=512)
def atoms(text: str) -> tuple[str, ...]:
    """text cut where a line may end; spaces stick to the atom before them. Kept for the texts
    cut again: a card's title is wrapped at a dozen widths to balance its lines
    (draw.Painter.balanced_lines), a long note several times over its pages."""
    kinds = [_kinds.get(char) or _kind(char) for char in text]
    found: list[str] = []
    start = 0
    before_before, before = 0, kinds[0] if kinds else 0
    for index in range(1, len(text)):
        after = kinds[index]
        if _breaks(before_before, before, after):
            found.append(text[start:index])
            start = index
        before_before, before = before, after
    if start < len(text):
        found.append(text[start:])
    return tuple(found)


def clusters(text: str) -> list[str]:
    """text as characters with what joins them (see _joins): the places a word may be cut."""
    found: list[str] = []
    for char in text:
        if found and _joins(found[-1][-1], char):
            found[-1] += char
        else:
            found.append(char)
    return found


def _force_break(atom: str, width: float, measure: Measure) -> list[str]:
    """A word wider than the line, cut between characters (never between a character and
    the marks on it)."""
    pieces: list[str] = []
    current = ""
    for cluster in clusters(atom):
        if current and measure(current + cluster) > width:
            pieces.append(current)
            current = cluster
        else:
            current += cluster
    if current:
        pieces.append(current)
    return pieces


def wrap_paragraph(
    text: str, width: float, measure: Measure, limit: int | None = None
) -> list[str]:
    """One paragraph (no newlines) as lines no wider than width (when it can be done).

    With a limit, it stops once it has more lines than that: the lines before are the same.
    """
    lines: list[str] = []
    current = ""
    for atom in atoms(text):
        if limit is not None and len(lines) > limit:
            return lines
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
        limit = None if max_lines is None else max(max_lines - len(lines), 0)
        lines.extend(wrap_paragraph(paragraph.strip(), width, measure, limit))
        if max_lines is not None and len(lines) > max_lines and lines[-1]:
            break  # a line past the last one kept: no need to wrap what is left out
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
    """text cut to fit width with the ellipsis at its end (always added when force).

    The longest prefix that fits is found by halving, so a long text costs a few
    measurements of it, not one per character it loses.
    """
    if not force and measure(text) <= width:
        return text
    text = text.rstrip()
    ends = list(accumulate(len(cluster) for cluster in clusters(text)))  # where a cut may be

    def cut(count: int) -> str:
        return text[: ends[count - 1]].rstrip() if count else ""

    low, high = 0, len(ends)  # low clusters fit (none, as the last resort)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(cut(middle) + ellipsis) <= width:
            low = middle
        else:
            high = middle - 1
    return cut(low) + ellipsis
