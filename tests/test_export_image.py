"""`cocreate export-image`: a journey canvas as PNG or SVG, with no screen; bad input fails cleanly.

The first test runs the real command in a fresh process with no display at all (no DISPLAY,
WAYLAND_DISPLAY or QT_QPA_PLATFORM), so it proves that the image export needs no screen; the
others run it in this process (the `cli` fixture).
"""

from __future__ import annotations

import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cocreate.demo import load_demo, write_demo

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}"

DEMO = load_demo()
FIRST, SECOND = DEMO["journeys"][0], DEMO["journeys"][1]
# A few cards of the first demo journey, English and Chinese; each must be in its image.
FIRST_TITLES = (
    "地铁站灯箱广告 Metro lightbox ad",
    "同事推荐 A colleague recommends it",
    "扫码注册会员 Scan to join the membership",
    "积分到期清零 Points expire at year end",
)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    return path


def leftovers(folder: Path, *expected: str) -> set[str]:
    """Files in the test folder beyond the expected ones (and cocreate's own data folder)."""
    return {p.name for p in folder.iterdir()} - set(expected) - {"cocreate-data"}


def assert_one_line_error(err: str, *words: str) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


def svg_texts(path: Path) -> tuple[ET.Element, str]:
    """The SVG's root, and all its text elements run together without white space (a card's
    title is wrapped over several text elements)."""
    root = ET.parse(path).getroot()
    text = "".join("".join(element.itertext()) for element in root.iter(f"{SVG}text"))
    return root, _squeezed(text)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _titles(journey: dict) -> list[str]:
    return [card["title"] for card in journey["touchpoints"]]


# -- PNG ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_png_of_the_demo_is_a_real_picture(cli, demo, tmp_path):
    out = tmp_path / "journey.png"
    result = cli.process("export-image", demo, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert str(out) in result.stdout
    assert out.read_bytes()[:8] == PNG_SIGNATURE
    assert 50_000 < out.stat().st_size < 50_000_000

    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert not image.isNull()
    assert 1000 <= image.width() <= 16000 and 1000 <= image.height() <= 16000
    samples = [
        image.pixelColor(image.width() * i // 40, image.height() * j // 40).rgb()
        for i in range(40)
        for j in range(40)
    ]
    white = 0xFFFFFFFF
    not_white = [rgb for rgb in samples if rgb != white]
    assert len(not_white) > len(samples) // 10, "the picture is (almost) all white"
    assert len(set(samples)) >= 5  # lanes, stages, cards: several colours
    assert leftovers(tmp_path, "demo.cocreate", "journey.png") == set()


def test_an_existing_image_is_replaced_only_on_success(cli, demo, tmp_path, monkeypatch):
    from cocreate.canvas import image_export

    # Half the canvas's scale, not the default 2 (a sixteenth of the pixels): what is checked
    # is which file stays, not the picture (the first test checks the picture).
    monkeypatch.setattr(image_export, "PNG_SCALE", 0.5)
    out = tmp_path / "journey.png"
    out.write_bytes(b"an older picture")
    failed = cli("export-image", demo, "-o", out, "--journey", "Nope")
    assert failed.returncode == 1
    assert out.read_bytes() == b"an older picture"
    done = cli("export-image", demo, "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == PNG_SIGNATURE
    assert leftovers(tmp_path, "demo.cocreate", "journey.png") == set()


# -- SVG ----------------------------------------------------------------------------------------


def test_svg_of_the_demo_holds_the_first_journeys_cards_as_text(cli, demo, tmp_path):
    out = tmp_path / "journey.svg"
    result = cli("export-image", demo, "-o", out)
    assert result.returncode == 0, result.stderr
    root, text = svg_texts(out)
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == FIRST["name"]
    for title in FIRST_TITLES:
        assert title in _titles(FIRST)  # the demo still has these cards
        assert _squeezed(title) in text, title
    shown = [title for title in _titles(FIRST) if _squeezed(title) in text]
    assert len(shown) >= 0.9 * len(_titles(FIRST))
    assert not [title for title in _titles(SECOND) if _squeezed(title) in text]


def test_journey_option_picks_the_journey(cli, demo, tmp_path):
    out = tmp_path / "second.svg"
    result = cli("export-image", demo, "-o", out, "--journey", SECOND["name"])
    assert result.returncode == 0, result.stderr
    root, text = svg_texts(out)
    assert root.findtext(f"{SVG}title") == SECOND["name"]
    shown = [title for title in _titles(SECOND) if _squeezed(title) in text]
    assert len(shown) >= 0.9 * len(_titles(SECOND)) and shown
    assert not [title for title in _titles(FIRST) if _squeezed(title) in text]
    assert leftovers(tmp_path, "demo.cocreate", "second.svg") == set()


# -- bad input: one line on stderr, exit 1, no file ---------------------------------------------


def _truncated(path: Path, tmp_path: Path) -> None:
    good = tmp_path / "whole.cocreate"
    write_demo(good)
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    good.unlink()


def _foreign(path: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()


BAD_SESSIONS = {
    "missing": (lambda path, tmp_path: None, "does not exist"),
    "damaged": (_truncated, "damaged"),
    "foreign": (_foreign, "another application"),
}


@pytest.mark.parametrize("suffix", [".png", ".svg"])
@pytest.mark.parametrize("kind", list(BAD_SESSIONS))
def test_a_bad_session_gives_one_line_and_no_image(cli, kind, suffix, tmp_path):
    make, words = BAD_SESSIONS[kind]
    session = tmp_path / "input.cocreate"
    make(session, tmp_path)
    before = session.read_bytes() if session.exists() else None
    out = tmp_path / f"journey{suffix}"
    result = cli("export-image", session, "-o", out)
    assert result.returncode == 1
    assert_one_line_error(result.stderr, "cocreate export-image: ", str(session), words)
    assert result.stdout == ""
    assert not out.exists()
    assert leftovers(tmp_path, "input.cocreate") == set()
    if before is not None:
        assert session.read_bytes() == before


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_an_unknown_journey_gives_one_line_and_no_image(cli, demo, tmp_path, suffix):
    out = tmp_path / f"journey{suffix}"
    result = cli("export-image", demo, "-o", out, "--journey", "Nope")
    assert result.returncode == 1
    assert_one_line_error(result.stderr, "cocreate export-image: ", "'Nope'", FIRST["name"])
    assert result.stdout == ""
    assert not out.exists()
    assert leftovers(tmp_path, "demo.cocreate") == set()


def test_a_wrong_extension_gives_one_line_and_no_image(cli, demo, tmp_path):
    out = tmp_path / "journey.jpg"
    result = cli("export-image", demo, "-o", out)
    assert result.returncode == 1
    assert_one_line_error(result.stderr, "cocreate export-image: ", str(out), ".png or .svg")
    assert not out.exists()
    out.write_bytes(b"someone's photo")
    again = cli("export-image", demo, "-o", out)
    assert again.returncode == 1
    assert out.read_bytes() == b"someone's photo"
    assert leftovers(tmp_path, "demo.cocreate", "journey.jpg") == set()


# -- render_scene, in this process, without a view or a window ------------------------------------


@pytest.fixture
def tiny_scene(qapp, tmp_path):
    """A JourneyScene of a three-card session, shown in no view."""
    from cocreate.canvas.scene import JourneyScene
    from cocreate.document import Document
    from tests.benchmark.sessions import build_session

    path = tmp_path / "tiny.cocreate"
    build_session(path, touchpoints=3, links=1, stages=2)
    document = Document.open(path, read_only=True)
    scene = JourneyScene(document, 1)
    yield scene
    scene.detach()
    document.close()


def test_render_scene_writes_png_and_svg_and_keeps_the_selection(tiny_scene, tmp_path):
    from PySide6.QtGui import QImage

    from cocreate.canvas.image_export import render_scene

    assert not tiny_scene.views()
    card = next(iter(tiny_scene.cards.values()))
    card.setSelected(True)
    png, svg = tmp_path / "tiny.png", tmp_path / "tiny.svg"
    render_scene(tiny_scene, png)
    render_scene(tiny_scene, svg, "Tiny journey")
    assert card.isSelected()  # drawn unselected, then selected again
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 100 and image.height() > 100
    root, text = svg_texts(svg)
    assert root.findtext(f"{SVG}title") == "Tiny journey"
    assert _squeezed(card.row["title"]) in text
    assert leftovers(tmp_path, "tiny.cocreate", "tiny.png", "tiny.svg") == set()


def test_render_scene_refuses_an_unknown_format(tiny_scene, tmp_path):
    from cocreate.canvas.image_export import render_scene

    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        render_scene(tiny_scene, tmp_path / "tiny.gif")
    assert leftovers(tmp_path, "tiny.cocreate") == set()


def test_an_image_export_in_a_process_leaves_no_board_behind(qapp, demo, tmp_path):
    """`cocreate export-image` and the benchmark export in a process of their own: each board
    drawn is freed when its export ends, so a second export never holds two boards at once
    (the scene and its items hold one another in cycles the collector frees only later)."""
    import gc

    from cocreate.canvas.image_export import export_journey_image
    from cocreate.canvas.items import CardItem
    from cocreate.canvas.scene import JourneyScene

    def alive() -> int:
        return sum(isinstance(o, (JourneyScene, CardItem)) for o in gc.get_objects())

    gc.collect()
    before = alive()
    gc.disable()  # as between two of the collector's runs
    try:
        for kind in ("png", "svg"):
            export_journey_image(demo, tmp_path / f"journey.{kind}")
            assert alive() == before, kind
    finally:
        gc.enable()
