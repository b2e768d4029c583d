"""Every export of a session at the limits of what people may type ends, and stays readable.

The session is written straight into the file (as a file that passes the checks can hold it):
notes and descriptions of 10 000 characters (words, one unbroken word, a line per word, Chinese),
titles and names of 500 (the session, journeys, stages, lanes, cards, links, clusters,
participants), vote budgets of 99. Each export runs once, under pytest's own run: no export may
hang. The PDF keeps its cards and headings to what they hold (cut with an ellipsis) and prints
every note in full on the notes pages; JSON and CSV hold every text whole.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection

from cocreate.export.pdf.wrap import elide
from cocreate.rules import NAME_MAX, TEXT_MAX, VOTE_BUDGET_MAX
from cocreate.store import SessionFile
from cocreate.store.ops import TABLE_ORDER, insert_rows, table
from tests.pdf_text import page_texts

N, T = NAME_MAX, TEXT_MAX


def words(n: int) -> str:
    return ("salon " * n)[:n]


def solid(n: int, char: str = "x") -> str:
    return char * n


def lines(n: int) -> str:
    return ("line\n" * n)[:n]


def chinese(n: int) -> str:
    return ("服务设计共创沙龙" * n)[:n]


#: The free texts at the limit: a note each, a description each.
LONG = [words(T), solid(T), lines(T), chinese(T)]
#: The names at the limit: a stage each, a card title each.
NAMES = [solid(N, "S"), words(N), chinese(N), lines(N)]


def _full(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    defaults = {
        c.name: c.default.arg if c.default is not None else None for c in table(name).columns
    }
    return [defaults | row for row in rows]


def at_limit_rows() -> dict[str, list[dict[str, Any]]]:
    lanes = ["customer_actions", "frontstage", "backstage", "support_processes"]
    return {
        "persona": [{"id": 1, "name": solid(N, "P"), "kind": "custom", "description": solid(T)}],
        "journey": [
            {"id": 1, "name": solid(N, "J"), "position": 0, "persona_id": 1},
            {"id": 2, "name": chinese(N), "position": 1},
        ],
        "participant": [
            {"id": i + 1, "name": name, "position": i, "vote_budget": VOTE_BUDGET_MAX}
            for i, name in enumerate([solid(N, "N"), words(N), chinese(N)])
        ],
        "stage": [
            {"id": i + 1, "journey_id": 1, "name": name, "position": i}
            for i, name in enumerate(NAMES)
        ],
        "lane": [
            {"id": i + 1, "journey_id": 1, "kind": kind, "name": solid(N, "L"), "position": i}
            for i, kind in enumerate(lanes)
        ],
        "touchpoint": [
            {
                "id": i + 1,
                "journey_id": 1,
                "stage_id": i % 4 + 1,
                "lane_id": i % 4 + 1,
                "position": i // 4,
                "title": NAMES[i % 4],
                "description": LONG[i % 4],
                "owner": solid(N, "O"),
            }
            for i in range(8)
        ],
        "link": [{"id": 1, "journey_id": 1, "source_id": 1, "target_id": 2, "label": solid(N)}],
        "cluster": [{"id": 1, "journey_id": 1, "title": solid(N, "C")}],
        "note": [
            {
                "id": i + 1,
                "journey_id": 1,
                "text": LONG[i % 4],
                "author_id": i % 3 + 1,
                "category": "idea",
                "x": 250.0 * (i % 4),
                "y": 250.0 * (i // 4),
                "stage_id": i % 4 + 1 if i < 4 else None,
                "cluster_id": 1 if i >= 4 else None,
            }
            for i in range(8)
        ],
        "vote": [{"id": i + 1, "participant_id": 1, "note_id": i % 8 + 1} for i in range(20)],
    }


@pytest.fixture(scope="module")
def at_limits(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("limits") / "limits.cocreate"
    rows = at_limit_rows()

    def fill(conn: Connection) -> None:
        for name in TABLE_ORDER:
            if name in rows:
                insert_rows(conn, name, _full(name, rows[name]))

    SessionFile.create(
        path,
        lock=False,
        fill=fill,
        title=solid(N, "W"),
        theme=words(N),
        brand=chinese(N),
        facilitator=solid(N, "F"),
        goal=words(T),
    ).close()
    return path


def run(cli, command: str, session: Path, out: Path) -> Path:
    result = cli(command, session, "-o", out)
    assert result.returncode == 0, result.stderr
    return out


def squash(text: str) -> str:
    return "".join(text.split())


def printed_whole(text: str, pages: list[str]) -> bool:
    """Whether the pages hold the text from its start to its end, page after page (a page's
    header and footer may stand between its pieces)."""
    rest = squash(text)
    for page in map(squash, pages):
        low, high = 0, len(rest)  # the longest start of the rest this page holds
        while low < high:
            middle = (low + high + 1) // 2
            if rest[:middle] in page:
                low = middle
            else:
                high = middle - 1
        rest = rest[low:]
    return not rest


@pytest.mark.slow
def test_the_pdf_ends_and_prints_every_note_in_full(at_limits, cli):
    pdf = run(cli, "export-pdf", at_limits, at_limits.parent / "limits.pdf")
    pages = page_texts(pdf)
    for note in LONG:  # the notes pages hold each note whole, over pages where it needs them
        assert printed_whole(note, pages)
    title_page = pages[0]
    assert solid(N, "W") not in title_page  # a title of 500 letters is cut …
    assert "WWWWWWWWWW" in title_page and "…" in title_page  # … and says so


@pytest.mark.slow
def test_the_images_end_and_the_svg_parses(at_limits, cli, qapp):
    svg = run(cli, "export-image", at_limits, at_limits.parent / "limits.svg")
    ElementTree.parse(svg)
    png = run(cli, "export-image", at_limits, at_limits.parent / "limits.png")
    assert png.stat().st_size > 0


@pytest.mark.slow
def test_json_and_csv_hold_every_text_whole(at_limits, cli):
    out = run(cli, "export-json", at_limits, at_limits.parent / "limits.json")
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["session"]["goal"] == words(T)
    journey = document["journeys"][0]
    assert [note["text"] for note in journey["notes"]] == [LONG[i % 4] for i in range(8)]
    assert [stage["name"] for stage in journey["stages"]] == NAMES
    folder = run(cli, "export-csv", at_limits, at_limits.parent / "csv")
    with open(folder / "touchpoints.csv", encoding="utf-8-sig", newline="") as handle:
        cards = list(csv.DictReader(handle))
    assert sorted(card["description"] for card in cards) == sorted(LONG * 2)


def test_cutting_a_long_text_to_a_width_measures_it_a_few_times():
    measured = []

    def measure(part: str) -> float:
        measured.append(part)
        return float(len(part))

    assert elide(words(T), 40.0, measure) == words(T)[:39].rstrip() + "…"
    assert len(measured) < 20  # not one measurement per character cut off
