"""Damage deep inside a session file: a few KB overwritten at random places (the header, the
middle, the end) of the demo and of larger sessions, then opened the ways people open files:
`cocreate info`, every `cocreate export-…`, and the window's File > Open.

Every outcome is either a clean open (the damage hit free space), after which every table reads
in full, or one line in cocreate's words that names the file: never SQLite's own words, a
traceback, a statement or the path of a copy cocreate made. `PRAGMA quick_check` on open is what
finds the damage before the first edit, not in the middle of a salon.

The everyday run tries 4 damaged files a family, the first run of damage of each in another of
the four places (header, middle, end, anywhere), and the image export writes PNG and SVG in
turn. Run more trials to measure the family again (the summary line shows with -s):
COCREATE_DAMAGE_TRIALS=200 pytest tests/test_damaged_files.py -m slow -s
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from cocreate.canvas.exporters import EXPORTERS
from cocreate.demo import write_demo
from cocreate.path_checks import shown
from cocreate.records import TABLE_ORDER
from cocreate.store import FileProblem, SessionFile, SessionFileError
from cocreate.store.errors import MESSAGES
from cocreate.ui.app import create_application, start_window
from tests.benchmark.sessions import build_board_session, build_session

TRIALS = int(os.environ.get("COCREATE_DAMAGE_TRIALS", "4"))
PLACES = ("header", "middle", "end", "anywhere")

#: What only SQLite, SQLAlchemy or Python say; none of it may reach a person.
RAW_WORDS = (
    "tree page",
    "***",
    "malformed",
    "btree",
    "sqlite",
    "SQL",
    "SELECT",
    "INSERT",
    "ALTER",
    "http",
    "Traceback",
    "Errno",
    "error code",
    "out of order",
    "upgraded/",
    ".migrating",
)


def damage(data: bytes, rng: random.Random, first: str) -> tuple[bytes, str]:
    """The bytes with one to three runs of 512 bytes to 8 KB overwritten by random bytes, the
    first in the place `first`, each other in the header, the middle, the end or anywhere; and
    where, to name the trial."""
    damaged = bytearray(data)
    made = []
    for run in range(rng.randint(1, 3)):
        size = rng.choice((512, 1024, 4096, 8192))
        place = rng.choice(PLACES) if run else first
        start = {
            "header": rng.randrange(0, 100),
            "middle": len(data) // 2 + rng.randrange(-4096, 4096),
            "end": len(data) - size - rng.randrange(0, 4096),
            "anywhere": rng.randrange(0, len(data) - size),
        }[place]
        start = max(0, start)
        damaged[start : start + size] = rng.randbytes(size)
        made.append(f"{place} {start}+{size}")
    return bytes(damaged), ", ".join(made)


def read_every_table(path: Path) -> None:
    """Read every row of every table, by rowid and through every index, as the window, the
    exports and the edits of a salon do (raises sqlite3.DatabaseError where the file is
    damaged)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for table in TABLE_ORDER:
            conn.execute(f'SELECT * FROM "{table}"').fetchall()
        indexes = conn.execute(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index'"
        ).fetchall()
        for table, index in indexes:
            conn.execute(f'SELECT * FROM "{table}" INDEXED BY "{index}"').fetchall()
    finally:
        conn.close()


def contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in id order."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.text_factory = bytes
    try:
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall() for t in TABLE_ORDER}
    finally:
        conn.close()


def integrity_ok(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


@dataclass
class Tally:
    """What the trials gave, per way of opening."""

    outcomes: Counter[str] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)

    def clean(self, how: str) -> None:
        self.outcomes[f"{how}: opened clean"] += 1

    def refused(self, how: str, text: str, path: Path, trial: str) -> None:
        lines = text.strip().splitlines()
        faults = [word for word in RAW_WORDS if word.lower() in text.lower()]
        if len(lines) != 1:
            faults.append(f"{len(lines)} lines")
        if shown(path) not in text:
            faults.append("does not name the file")
        if faults:
            self.outcomes[f"{how}: raw words"] += 1
            self.wrong.append(f"{how} on {trial}: {faults}: {text!r}")
        else:
            self.outcomes[f"{how}: refused clearly"] += 1

    def crashed(self, how: str, trial: str, error: BaseException) -> None:
        self.outcomes[f"{how}: crashed"] += 1
        self.wrong.append(f"{how} on {trial}: {type(error).__name__}: {error}")

    def summary(self, family: str, tried: int) -> str:
        counts = ", ".join(f"{key} {n}" for key, n in sorted(self.outcomes.items()))
        return f"damaged files ({family}): {tried} tried; {counts}"


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, Path]:
    """The demo, a board of 2 000 notes with 100 cards and 500 votes, a journey of 400 cards
    and 150 links, and that board with most of its notes deleted (free pages inside)."""
    folder = tmp_path_factory.mktemp("sources")
    demo = folder / "demo.cocreate"
    write_demo(demo)
    board = folder / "board.cocreate"
    build_board_session(board, 2000, cards=100, votes=500)
    journey = folder / "journey.cocreate"
    build_session(journey, 400, 150)
    freed = folder / "freed.cocreate"  # free pages inside: where damage may do no harm
    shutil.copyfile(board, freed)
    conn = sqlite3.connect(freed)
    conn.execute("DELETE FROM vote")
    # The notes left lie in one corner: a file that opens clean is exported whole, and a PNG of
    # the board's full width took 10 s.
    conn.execute("DELETE FROM note WHERE x >= 2000 OR y >= 2000")
    conn.commit()
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] > 20
    conn.close()
    return {"demo": demo, "board": board, "journey": journey, "freed": freed}


def damaged_files(source: Path, folder: Path, seed: int, trials: int) -> list[tuple[Path, str]]:
    rng = random.Random(seed)
    data = source.read_bytes()
    made = []
    for trial in range(trials):
        damaged, where = damage(data, rng, PLACES[trial % len(PLACES)])
        path = folder / f"{source.stem} {trial}.cocreate"
        path.write_bytes(damaged)
        made.append((path, f"{path.name} ({where})"))
    return made


def commands(path: Path, out: Path, turn: int) -> dict[str, list[object]]:
    """Every headless command that reads a session, with an output path where it needs one.
    An export that writes several kinds (the image: PNG, SVG) writes the kind whose turn it is:
    each kind reads the file the same way (then draws the same scene), and a PNG of the freed
    board, a second of drawing for each file that opens clean, was most of that family's time."""
    runs: dict[str, list[object]] = {"info": ["info", path]}
    for exporter in EXPORTERS:
        kinds = exporter.suffixes or ("",)
        suffix = kinds[turn % len(kinds)]
        runs[exporter.command] = [exporter.command, path, "-o", out / f"out{suffix}"]
    return runs


def try_commands(cli: Callable, tally: Tally, path: Path, trial: str, out: Path, turn: int) -> bool:
    """Run every command on the file; True when `info` opened it clean."""
    before = path.read_bytes()
    opened_clean = []
    for name, argv in commands(path, out, turn).items():
        try:
            result = cli(*argv)
        except Exception as error:  # noqa: BLE001 (the harness counts every crash)
            tally.crashed(name, trial, error)
            continue
        if result.returncode == 0:
            tally.clean(name)
            opened_clean.append(name)
        elif result.returncode == 1:
            tally.refused(name, result.stderr, path, trial)
        else:
            tally.crashed(name, trial, SystemExit(result.returncode))
    assert path.read_bytes() == before, trial
    if opened_clean:  # the file every command read, unchanged (above): read through once
        try:
            read_every_table(path)
        except sqlite3.DatabaseError as error:
            tally.crashed(f"{', '.join(opened_clean)} then reading", trial, error)
    return "info" in opened_clean


@pytest.mark.slow
@pytest.mark.parametrize("family", ["demo", "board", "journey", "freed"])
def test_damaged_files_on_the_command_line_open_clean_or_get_one_clear_line(
    cli, sources, tmp_path, family
):
    tally = Tally()
    made = damaged_files(sources[family], tmp_path, seed=13, trials=TRIALS)
    missed = changed = 0
    original = contents(sources[family])
    for turn, (path, trial) in enumerate(made):
        out = tmp_path / f"out {path.stem}"
        out.mkdir()
        if try_commands(cli, tally, path, trial, out, turn):
            missed += not integrity_ok(path)
            changed += contents(path) != original
    print(f"\n{tally.summary(family + ', command line', len(made))}")
    print(
        f"  of those opened clean: {missed} where PRAGMA integrity_check finds damage,"
        f" {changed} whose rows differ from the file before the damage (values SQLite"
        " cannot know were changed: it keeps no checksums)"
    )
    assert not tally.wrong, "\n".join(tally.wrong)


@pytest.fixture
def window(qtbot, monkeypatch):
    """The window, whose message boxes record what they say and close at once."""
    told: list[dict[str, str]] = []

    def record(box: QMessageBox) -> int:
        told.append({"title": box.windowTitle(), "text": box.text(), "details": box.detailedText()})
        return int(QMessageBox.StandardButton.Close)

    monkeypatch.setattr(QMessageBox, "exec", record)
    create_application()
    shown_window = start_window()
    qtbot.waitExposed(shown_window)
    shown_window.told = told
    yield shown_window
    if shown_window.document is not None:
        document = shown_window.document
        shown_window._set_document(None)
        document.close()
    shown_window.close()
    shown_window.deleteLater()


def try_window(window, tally: Tally, path: Path, trial: str) -> None:
    before = path.read_bytes()
    window.told.clear()
    try:
        opened = window.open_file(path)
    except Exception as error:  # noqa: BLE001 (the harness counts every crash)
        tally.crashed("window", trial, error)
        return
    if opened:
        tally.clean("window")
        assert window.document is not None and window.document.path == path
        try:
            read_every_table(path)
        except sqlite3.DatabaseError as error:
            tally.crashed("window then reading", trial, error)
        # The salon goes on: the first edit is written, with no dialog.
        added = window.document.add_note(1, "after the damage", None, 40.0, 40.0)
        if added is None or window.told:
            tally.crashed("window then editing", trial, RuntimeError(str(window.told)))
        assert window.close_session()
        return
    assert path.read_bytes() == before, trial
    if len(window.told) != 1:
        tally.crashed("window", trial, RuntimeError(f"{len(window.told)} dialogs"))
        return
    box = window.told[0]
    # A dialog: the file's name, an empty line, the app's one sentence; no details of SQLite.
    name, _, said = box["text"].partition("\n\n")
    tally.refused("window", f"{name} {said} {box['details']}".strip(), path, trial)


@pytest.mark.slow
@pytest.mark.parametrize("family", ["demo", "board", "freed"])
def test_damaged_files_in_the_window_open_clean_or_get_one_clear_dialog(
    window, sources, tmp_path, family
):
    tally = Tally()
    made = damaged_files(sources[family], tmp_path, seed=29, trials=TRIALS)
    for path, trial in made:
        try_window(window, tally, path, trial)
    print(f"\n{tally.summary(family + ', window', len(made))}")
    assert not tally.wrong, "\n".join(tally.wrong)


# -- one case of each, quick, for every run of the suite -----------------------------------------


def btree_damaged(folder: Path) -> Path:
    """The demo with 4 KB of random bytes in its middle: SQLite's quick_check then lists pages
    and cells ("*** in database main *** On tree page …")."""
    path = folder / "salon.cocreate"
    write_demo(path)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle + 100 : middle + 4196] = random.Random(7).randbytes(4096)
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:  # SQLite's words, which no person should see
        verdict = [(str(error),)]
    finally:
        conn.close()
    assert verdict != [("ok",)]  # the damage is real
    return path


def test_info_on_a_damaged_file_says_so_in_one_line_of_its_own(cli, tmp_path):
    path = btree_damaged(tmp_path)
    result = cli("info", path)
    assert result.returncode == 1
    assert result.stderr == (
        f"cocreate info: {path}: the file is damaged or incomplete (perhaps because a copy"
        " was interrupted); open a backup copy\n"
    )


def test_the_window_names_a_damaged_file_without_sqlites_words(window, tmp_path):
    path = btree_damaged(tmp_path)
    assert not window.open_file(path)
    [box] = window.told
    assert box["title"] == "Cannot Open Session"
    assert box["text"] == (
        f"{path}\n\nThe file is damaged or incomplete, perhaps because a copy was interrupted."
        " Open a backup copy."
    )
    assert box["details"] == ""


def test_a_damaged_file_is_refused_before_any_row_is_read(tmp_path):
    """The damage is found on open, with the file's name, not at the first edit of a salon."""
    path = btree_damaged(tmp_path)
    with pytest.raises(SessionFileError) as caught:
        SessionFile.open(path).close()
    assert caught.value.problem is FileProblem.DAMAGED
    assert caught.value.path == path
    assert caught.value.message == f"{path}: {MESSAGES[FileProblem.DAMAGED]}"
