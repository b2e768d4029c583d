"""Fonts of the PDF blueprint: a TrueType font with Chinese glyphs, symbol fallbacks, text runs.

reportlab embeds TrueType fonts (glyf outlines; .ttf and .ttc collections) but not CFF/OpenType
outlines, and it has no font fallback of its own. So the main font is searched from a short list
(fonts-wqy-microhei on Debian, Microsoft YaHei / SimHei on Windows, a few macOS fonts, then
fc-match), and text is cut into runs by glyph coverage: a character the main font lacks (an
emoji) is drawn with the first fallback that has it (Symbola, Segoe UI Emoji, DejaVu Sans).
A character no font has is drawn with the main font as its empty box, and still reads back
as itself when the text is copied or searched: never an error. Bold is drawn as filled and
stroked text, since the CJK fonts come in one weight.
No Qt.
"""

from __future__ import annotations

import functools
import mmap
import os
import shutil
import subprocess
import unicodedata
from array import array
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont
from reportlab.pdfgen.canvas import Canvas

from cocreate.rules import clean_text

#: Set to "path" or "path#index" to choose the main font (a TrueType font with Chinese glyphs).
FONT_ENVIRONMENT = "COCREATE_PDF_FONT"

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"

#: Where a TrueType font with Chinese glyphs usually is: (path, index in a collection).
CJK_FONT_CANDIDATES: list[tuple[Path, int]] = [
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), 0),
    (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
    (_WINDOWS_FONTS / "msyh.ttc", 0),
    (_WINDOWS_FONTS / "msyh.ttf", 0),
    (_WINDOWS_FONTS / "simhei.ttf", 0),
    (_WINDOWS_FONTS / "Deng.ttf", 0),
    (_WINDOWS_FONTS / "simsun.ttc", 0),
    (Path("/Library/Fonts/Arial Unicode.ttf"), 0),
    (Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"), 0),
    (Path("/System/Library/Fonts/STHeiti Medium.ttc"), 0),
    (Path("/System/Library/Fonts/STHeiti Light.ttc"), 0),
]

#: Fonts for what the main font lacks: emoji and symbols, first match wins.
FALLBACK_FONT_CANDIDATES: list[tuple[Path, int]] = [
    (Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"), 0),
    (Path("/usr/share/fonts/truetype/ancient-scripts/Symbola.ttf"), 0),
    (Path("/usr/share/fonts/truetype/symbola/Symbola.ttf"), 0),
    (_WINDOWS_FONTS / "seguiemj.ttf", 0),
    (_WINDOWS_FONTS / "seguisym.ttf", 0),
    (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), 0),
    (Path("/Library/Fonts/Arial Unicode.ttf"), 0),
]

#: fc-match patterns tried after the lists above (when fontconfig is installed).
CJK_FC_PATTERNS = (":lang=zh-cn:fontformat=TrueType", ":lang=zh-cn")
FALLBACK_FC_PATTERNS = ("Symbola",)

_PROBE_CJK = "中文"
_STANDARD_FONT, _STANDARD_BOLD = "Helvetica", "Helvetica-Bold"

#: Characters that take no room and need no glyph (joiners, variation selectors).
_INVISIBLE = frozenset({0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF} | set(range(0xFE00, 0xFE10)))
#: Skin-tone modifiers: a one-colour font draws them as swatches after the emoji; left out.
_SKIN_TONES = frozenset(range(0x1F3FB, 0x1F400))
#: How many texts a FontSet remembers the runs and width of (it forgets them all beyond).
CACHE_MAX = 100_000


class NoChineseFontError(RuntimeError):
    """The document holds Chinese text and no font with Chinese glyphs is installed."""


def is_cjk(char: str) -> bool:
    """Chinese, Japanese and Korean characters and their full-width punctuation."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


def has_cjk(texts: list[str]) -> bool:
    return any(is_cjk(char) for text in texts for char in text)


@dataclass(eq=False)
class _Font:
    name: str  # registered with reportlab
    path: Path | None
    index: int
    #: The characters the font has a glyph for (None: a standard font, WinAnsi encoding): its
    #: widths' keys, which box_for() leaves as they are (it adds to the character map).
    glyphs: Collection[int] | None
    tt: TTFont | None = None  # the TrueType font registered under name (None: a standard one)

    def box_for(self, char: str) -> None:
        """Draw char, which this font lacks, as the font's empty box (glyph 0) under a code of
        its own, so that the PDF's map back to text still holds char. reportlab would give
        every such character the one code 0, which reads back as U+0000."""
        if self.tt is not None:
            self.tt.face.charToGlyph.setdefault(ord(char), 0)

    def covers(self, char: str) -> bool:
        if self.glyphs is None:
            try:
                char.encode("cp1252")
            except UnicodeEncodeError:
                return False
            return True
        return ord(char) in self.glyphs


@functools.cache
def _fc_match(pattern: str) -> tuple[Path, int] | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        done = subprocess.run(
            ["fc-match", "-f", "%{file}\n%{index}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.splitlines()
    if done.returncode != 0 or not lines or not lines[0]:
        return None
    index = int(lines[1]) if len(lines) > 1 and lines[1].strip().isdigit() else 0
    return Path(lines[0]), index


def _to_unicode_cmap(name: str, subset: list[int]) -> str:
    """A ToUnicode CMap that also maps characters beyond U+FFFF (as UTF-16 surrogate pairs).

    reportlab writes them as five hex digits, which readers reject, so emoji could not be
    copied or searched.
    """
    entries = [
        f"<{index:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
        for index, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({name})",
            f"/Ordering ({name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class _TrueType(TTFont):
    """reportlab's TTFont with ToUnicode maps that hold characters beyond U+FFFF too."""

    def addObjects(self, doc: Any) -> None:  # noqa: N802 - reportlab's name
        state = self.state.get(doc)  # addObjects forgets it
        super().addObjects(doc)
        _release_pages(self.face._ttf_data)  # the subset is made: its glyphs were read
        if state is None:
            return
        for index, subset in enumerate(state.subsets):
            if all(code <= 0xFFFF for code in subset):
                continue
            base = b"".join((SUBSETN(index), b"+", self.face.name, self.face.subfontNameX))
            name = base.decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + name)
            if stream is not None:
                stream.content = _to_unicode_cmap(name, subset)


class _Metrics:
    """reportlab's list of (advance, left side bearing) per glyph, in two arrays: a Chinese
    font of 30 000 glyphs kept 4.8 MB of tuples for what the arrays hold in half a megabyte.
    Only its subsetting reads it, a glyph at a time."""

    __slots__ = ("_advances", "_bearings")

    def __init__(self, pairs: Sequence[tuple[float, int]]) -> None:
        self._advances = array("d", (advance for advance, _ in pairs))
        self._bearings = array("q", (bearing for _, bearing in pairs))

    def __len__(self) -> int:
        return len(self._advances)

    def __getitem__(self, glyph: int) -> tuple[float, int]:
        return self._advances[glyph], self._bearings[glyph]


def _pack(face: Any) -> None:
    """Keep less of a parsed font, in memory for as long as the app runs (the fonts are loaded
    once per process): reportlab's map from glyph to characters serves only its HarfBuzz
    shaping, which cocreate does not use, its per-glyph lists become arrays and the file is
    mapped. What the PDF holds does not change. Loading the Chinese font, Symbola and DejaVu
    Sans took 33 MB of memory; packed, 17 MB."""
    face.glyphToChar = {}
    face.glyphPos = array("q", face.glyphPos)
    face.hmetrics = _Metrics(face.hmetrics)
    face._ttf_data = _mapped(Path(face.filename), face._ttf_data)


def _mapped(path: Path, data: bytes) -> bytes | mmap.mmap:
    """The font file mapped into memory, read from the disk only where a subset needs its
    glyphs, instead of all its bytes held for the app's whole run (9 MB for the three fonts);
    the bytes themselves when the file cannot be mapped or is no longer the one parsed."""
    try:
        with path.open("rb") as file:
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return data
    if len(mapped) != len(data) or mapped[:4096] != data[:4096]:
        mapped.close()
        return data
    return mapped


def _release_pages(data: bytes | mmap.mmap) -> None:
    """Give the pages of a mapped font file that a subset read back to the system (they stay
    in its file cache): otherwise each counts in the app's memory from then on, 7 MB for the
    Chinese font and Symbola after the demo's PDF. The next subset reads them again."""
    advice = getattr(mmap, "MADV_DONTNEED", None)  # not on Windows
    if isinstance(data, mmap.mmap) and advice is not None:
        try:
            data.madvise(advice)
        except OSError:
            pass  # the memory stays counted, nothing else changes


_loaded: dict[tuple[str, int], _Font | None] = {}


def _load(path: Path, index: int) -> _Font | None:
    """The font registered with reportlab, or None when it is missing or not TrueType."""
    key = (str(path), index)
    if key not in _loaded:
        font = None
        if path.suffix.lower() in (".ttf", ".ttc") and path.is_file():
            name = f"cocreate-{len(_loaded)}-{path.stem}-{index}"
            try:
                tt = _TrueType(name, str(path), subfontIndex=index)
            except Exception:  # CFF outlines, damaged files: try the next one
                tt = None
            if tt is not None:
                _pack(tt.face)
                pdfmetrics.registerFont(tt)
                font = _Font(name, path, index, tt.face.charWidths.keys(), tt)
        _loaded[key] = font
    return _loaded[key]


def _environment_font() -> tuple[Path, int] | None:
    value = os.environ.get(FONT_ENVIRONMENT, "").strip()
    if not value:
        return None
    path, _, index = value.partition("#")
    return Path(path).expanduser(), int(index) if index.isdigit() else 0


def find_cjk_font() -> _Font | None:
    """The first usable TrueType font with Chinese glyphs, or None."""
    candidates = list(CJK_FONT_CANDIDATES)
    chosen = _environment_font()
    if chosen is not None:
        candidates.insert(0, chosen)
    for candidate in candidates:
        font = _load(*candidate)
        if font is not None and all(font.covers(char) for char in _PROBE_CJK):
            return font
    for pattern in CJK_FC_PATTERNS:
        found = _fc_match(pattern)
        if found is not None:
            font = _load(*found)
            if font is not None and all(font.covers(char) for char in _PROBE_CJK):
                return font
    return None


def find_fallback_fonts(main: _Font | None) -> list[_Font]:
    found: list[_Font] = []
    candidates = list(FALLBACK_FONT_CANDIDATES)
    for pattern in FALLBACK_FC_PATTERNS:
        match = _fc_match(pattern)
        if match is not None and pattern.lower() in match[0].name.lower():
            candidates.append(match)
    for candidate in candidates:
        font = _load(*candidate)
        if font is not None and font is not main and all(font is not f for f in found):
            found.append(font)
    return found


@dataclass
class FontSet:
    """The fonts of one document and the text operations that depend on them."""

    main: _Font
    bold: _Font  # the same font as main unless main is a standard font with a bold face
    fallbacks: list[_Font] = field(default_factory=list)
    _runs: dict[tuple[str, bool], tuple[tuple[str, str], ...]] = field(
        default_factory=dict, repr=False
    )
    _widths: dict[tuple[str, bool], float] = field(default_factory=dict, repr=False)
    #: Per character, plain and bold: the font it is drawn with (None: left out) and its
    #: width at 1000 points. A text seen for the first time is measured from these, so a
    #: first export costs about what the next does (each text's own total is cached above).
    _char_fonts: tuple[dict[str, str | None], dict[str, str | None]] = field(
        default_factory=lambda: ({}, {}), repr=False
    )
    _char_widths: tuple[dict[str, float], dict[str, float]] = field(
        default_factory=lambda: ({}, {}), repr=False
    )

    @property
    def fake_bold(self) -> bool:
        return self.bold is self.main

    @property
    def paths(self) -> list[Path]:
        return [font.path for font in [self.main, *self.fallbacks] if font.path is not None]

    def glyph(self, preferred: str, plain: str) -> str:
        """preferred when the main font has it (like "−" or "…"), else plain."""
        return preferred if all(self.main.covers(char) for char in preferred) else plain

    def _font_for(self, char: str) -> _Font | None:
        """The font to draw char with; None when it is invisible and no font has it."""
        if ord(char) in _SKIN_TONES:
            return None
        if self.main.covers(char):
            return self.main
        for font in self.fallbacks:
            if font.covers(char):
                return font
        if ord(char) in _INVISIBLE:
            return None
        self.main.box_for(char)
        return self.main

    def runs(self, text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
        """text as (font name, part) runs, each part drawn with one font."""
        key = (text, bold)
        found = self._runs.get(key)
        if found is None:
            if len(self._runs) >= CACHE_MAX:  # shared by every document: kept bounded
                self._runs.clear()
            found = self._runs[key] = tuple(self._cut(text, bold))
        return found

    def _font_name(self, char: str, bold: bool) -> str | None:
        """The name of the font char is drawn with (None: it is left out)."""
        names = self._char_fonts[bold]
        if char not in names:
            font = self._font_for(char)
            if font is None:
                names[char] = None
            else:
                names[char] = self.bold.name if bold and font is self.main else font.name
        return names[char]

    def _cut(self, text: str, bold: bool) -> list[tuple[str, str]]:
        runs: list[tuple[str, str]] = []
        for name, chars in groupby(text, lambda char: self._font_name(char, bold)):
            if name is None:
                continue  # left out: the characters on either side may make one run
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + "".join(chars))
            else:
                runs.append((name, "".join(chars)))
        return runs

    def _char_width(self, char: str, bold: bool) -> float:
        """char's width at 1000 points (0 when it is left out)."""
        widths = self._char_widths[bold]
        if char not in widths:
            name = self._font_name(char, bold)
            widths[char] = 0.0 if name is None else pdfmetrics.stringWidth(char, name, 1000.0)
        return widths[char]

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """The width of text on one line at the size, in points (a font's widths add up:
        reportlab neither kerns nor shapes)."""
        key = (text, bold)
        unit = self._widths.get(key)
        if unit is None:
            if len(self._widths) >= CACHE_MAX:
                self._widths.clear()
            widths = self._char_widths[bold]
            try:
                total = sum(map(widths.__getitem__, text))
            except KeyError:  # a character not met before
                total = sum(self._char_width(char, bold) for char in text)
            unit = self._widths[key] = total / 1000.0
        return unit * size

    def draw(
        self,
        canvas: Canvas,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: str = "left",
    ) -> float:
        """Draw text on one line with its baseline at y, in the canvas's fill colour.

        align: "left", "center" or "right" of x. Returns the width drawn.
        """
        if not text:
            return 0.0
        width = self.width(text, size, bold)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        obj = canvas.beginText(x, y)
        if bold and self.fake_bold:
            obj.setTextRenderMode(2)  # fill, then stroke the outline: a bolder weight
            canvas.setLineWidth(size * 0.045)
        for font_name, part in self.runs(text, bold):
            obj.setFont(font_name, size)
            obj.textOut(part)
        canvas.drawText(obj)
        return width


def font_set(texts: list[str]) -> FontSet:
    """The fonts for a document holding these texts.

    A TrueType font with Chinese glyphs when one is installed (it serves Latin text too);
    otherwise Helvetica, and NoChineseFontError when the texts hold Chinese.
    """
    main = find_cjk_font()
    if main is None:
        if has_cjk(texts):
            raise NoChineseFontError(
                "no font with Chinese glyphs found; install fonts-wqy-microhei "
                f"(or set {FONT_ENVIRONMENT} to a TrueType font with Chinese glyphs)"
            )
        standard = _Font(_STANDARD_FONT, None, 0, None)
        bold = _Font(_STANDARD_BOLD, None, 0, None)
        fonts = FontSet(standard, bold, find_fallback_fonts(None))
    else:
        fonts = FontSet(main, main, find_fallback_fonts(main))
    return _shared(fonts)


_font_sets: dict[tuple[str, ...], FontSet] = {}


def _shared(fonts: FontSet) -> FontSet:
    """One FontSet per set of fonts, so the measuring caches are shared between documents."""
    signature = (fonts.main.name, fonts.bold.name, *(f.name for f in fonts.fallbacks))
    return _font_sets.setdefault(signature, fonts)


def normalized(text: str) -> str:
    """People's text as it is drawn: as the input rule keeps it (a file may be older than the
    rule), composed (NFC: a reader copies the text out as the same characters, and an accent
    typed as a separate mark is drawn as the one accented letter), tabs as spaces."""
    return unicodedata.normalize("NFC", clean_text(text)).replace("\t", " ")
