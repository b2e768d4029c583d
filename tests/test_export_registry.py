"""One registry of exporters: every format it holds is a `cocreate export-FORMAT` command and an
entry of File > Export, and a format registered once appears in both and writes the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import close_without_saving
from PySide6.QtWidgets import QFileDialog

from cocreate.__main__ import main
from cocreate.canvas.exporters import EXPORTERS
from cocreate.cli import COMMANDS, build_parser
from cocreate.demo import write_demo
from cocreate.export.registry import Exporter, Option
from cocreate.ui.app import create_application, start_window


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "salon.cocreate"
    write_demo(path)
    return path


@pytest.fixture
def window(qtbot, demo):
    create_application()
    main_window = start_window(str(demo))
    qtbot.waitExposed(main_window)
    yield main_window
    document = main_window.document
    main_window._set_document(None)
    document.close()
    main_window.close()
    main_window.deleteLater()


@pytest.fixture
def outline_exporter():
    """A new format, registered once, as a plugin would add it: stage names as plain text."""
    written: list[tuple[Path, Path, dict]] = []

    def write(session, out, options, progress):
        written.append((Path(session), Path(out), dict(options)))
        progress(1, 1)
        Path(out).write_text(f"outline of {Path(session).name}, {options['depth']}\n")

    exporter = EXPORTERS.register(
        Exporter(
            format="outline",
            suffixes=(".txt",),
            summary="write the session's outline as plain text",
            out_help="the text file to write",
            noun="outline",
            label="&Outline as Text…",
            tip="The stages and lanes as plain text",
            write=write,
            options=(Option("depth", "how deep the outline goes", default="stages"),),
        )
    )
    yield written
    EXPORTERS.unregister(exporter.format)


def export_menu_texts(window) -> list[str]:
    return [action.text() for action in window.exports.menu.actions()]


def test_the_menu_and_the_commands_list_the_same_formats(window):
    commands = [name for name in COMMANDS if name.startswith("export-")]
    assert commands == [exporter.command for exporter in EXPORTERS]
    assert export_menu_texts(window) == [
        window.exports.texts_of(exporter)[0] for exporter in EXPORTERS
    ]
    assert len(export_menu_texts(window)) == len(commands) == 4


def test_a_registered_format_is_a_command_and_a_menu_entry(
    outline_exporter, demo, tmp_path, qtbot, monkeypatch, capsys
):
    assert "  export-outline " in build_parser().format_help()
    out = tmp_path / "from-cli.txt"
    assert main(["export-outline", str(demo), "-o", str(out), "--depth", "lanes"]) == 0
    assert out.read_text() == "outline of salon.cocreate, lanes\n"
    assert capsys.readouterr().out == f"wrote {out}\n"

    create_application()
    window = start_window(str(demo))
    qtbot.waitExposed(window)
    try:
        entry = next(a for a in window.exports.menu.actions() if a.text() == "&Outline as Text…")
        target = tmp_path / "from-menu.txt"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
        )
        entry.trigger()
        assert target.read_text() == "outline of salon.cocreate, stages\n"
        assert outline_exporter[-1] == (demo, target, {"depth": "stages"})
        assert str(target) in window.statusBar().currentMessage()
    finally:
        close_without_saving(window)
