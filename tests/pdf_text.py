"""The text of a PDF as a reader outside the app gets it, for the tests: poppler's `pdftotext`
(poppler-utils), some ten times faster than pypdf's extract_text() on the same file.

`pdftotext -raw` gives the text in the order it was drawn (the content stream's order), as
pypdf does, and not in the columns it guesses from where the text stands: the tests look for
texts in the order the exporter draws them. Against pypdf's text:
- every drawn text starts a line of its own where pypdf sometimes runs two together
  ("Voice salonVoice of the customer"), and white space reads as spaces: a run of spaces
  as one, a wide space (U+3000) as a plain one, a line separator (U+2028) as none;
- a character the PDF cannot say (a non-character such as U+FDD0) reads as U+FFFD;
- right-to-left text (Hebrew, Arabic) is put back in the order it was typed, each run it
  turned round between U+202B and U+202C (U+202A and U+202C for a left-to-right run on a
  right-to-left line): `without_direction_marks` drops them.
Without white space (the tests compare so where a text may wrap) the text is otherwise the
same, Chinese included.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest

#: The marks pdftotext puts around a run of text it turned round (LRE, RLE, PDF).
DIRECTION_MARKS = "\u202a\u202b\u202c"


@functools.cache
def _pdftotext() -> str:
    found = shutil.which("pdftotext")
    if found is None:
        pytest.fail(
            "pdftotext not found: the PDF tests read the text of a PDF with poppler's pdftotext;"
            " install poppler-utils (on Debian: apt-get install poppler-utils)",
            pytrace=False,
        )
    return found


def page_texts(path: Path | str) -> list[str]:
    """The text of each page, in the order it was drawn."""
    done = subprocess.run(
        [_pdftotext(), "-raw", "-enc", "UTF-8", "-eol", "unix", str(path), "-"],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"pdftotext could not read {path} (exit status {done.returncode}):"
            f" {done.stderr.decode(errors='replace').strip()}"
        )
    # Every page ends with a form feed, the last one too.
    *pages, rest = done.stdout.decode("utf-8").split("\f")
    assert rest == "", f"pdftotext gave text after the last page of {path}"
    return pages


def without_direction_marks(text: str) -> str:
    """The text without the marks pdftotext puts around each run of text it turned round."""
    return text.translate({ord(mark): None for mark in DIRECTION_MARKS})
