"""The export and import commands: their outputs, and one clear line when an input is bad.

They run in this process (the `cli` fixture, or cocreate's main); the tests "in a real process"
run the real command in a fresh process with no display at all."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import types
from pathlib import Path

import pytest

from cocreate.__main__ import main
from cocreate.demo import write_demo
from cocreate.export.json_io import export_json
from cocreate.store import SessionFile

EXPORTS = {
    # command -> the output it is given, relative to the test folder
    "export-csv": "csv-out",
    "export-json": "out.json",
    "export-pdf": "out.pdf",
}


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    return path


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
    "truncated": (_truncated, "damaged"),
    "foreign": (_foreign, "another application"),
}


def leftovers(folder: Path, *expected: str) -> set[str]:
    """Files in the test folder beyond the expected ones (and cocreate's own data folder)."""
    return {p.name for p in folder.iterdir()} - set(expected) - {"cocreate-data"}


def assert_one_line_error(err: str, *words: str) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


def test_help_lists_the_new_commands(cli):
    result = cli("--help")
    assert result.returncode == 0
    for command in ("export-csv", "export-json", "import-json", "export-pdf"):
        assert f"  {command} " in result.stdout


@pytest.mark.parametrize("kind", list(BAD_SESSIONS))
@pytest.mark.parametrize("command", list(EXPORTS))
def test_a_bad_session_gives_one_line_and_no_output(command, kind, tmp_path, capsys):
    make, words = BAD_SESSIONS[kind]
    session = tmp_path / "input.cocreate"
    make(session, tmp_path)
    before = session.read_bytes() if session.exists() else None
    out = tmp_path / EXPORTS[command]
    assert main([command, str(session), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert_one_line_error(captured.err, f"cocreate {command}: ", str(session), words)
    assert captured.out == ""
    assert not out.exists()
    assert leftovers(tmp_path, "input.cocreate") == set()
    if before is not None:
        assert session.read_bytes() == before


@pytest.mark.slow
def test_a_truncated_session_in_a_real_process(cli, tmp_path):
    """The in-process test above covers every export; this one the real command's exit."""
    command = "export-pdf"
    session = tmp_path / "cut.cocreate"
    _truncated(session, tmp_path)
    out = tmp_path / EXPORTS[command]
    result = cli.process(command, session, "-o", out)
    assert result.returncode == 1
    assert_one_line_error(result.stderr, str(session), "damaged")
    assert result.stdout == ""
    assert not out.exists()
    assert leftovers(tmp_path, "cut.cocreate") == set()


def test_export_csv_writes_every_table(cli, demo, tmp_path):
    folder = tmp_path / "tables" / "today"
    result = cli("export-csv", demo, "-o", folder)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "feedback.csv",
        "notes.csv",
        "touchpoints.csv",
    ]
    assert (folder / "touchpoints.csv").read_bytes().startswith(b"\xef\xbb\xbfjourney,")
    assert str(folder) in result.stdout


def test_export_csv_into_a_file_fails_cleanly(demo, tmp_path, capsys):
    blocker = tmp_path / "taken"
    blocker.write_text("a file", encoding="utf-8")
    assert main(["export-csv", str(demo), "-o", str(blocker)]) == 1
    assert_one_line_error(capsys.readouterr().err, str(blocker), "not a folder")
    assert blocker.read_text(encoding="utf-8") == "a file"


def test_export_json_to_a_file_and_to_stdout(cli, demo, tmp_path):
    out = tmp_path / "salon.json"
    result = cli("export-json", demo, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == export_json(demo)
    piped = cli("export-json", demo, "-o", "-")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == export_json(demo)
    assert json.loads(piped.stdout)["format"] == "cocreate-session"


def test_export_json_never_overwrites_the_session(demo, capsys):
    before = demo.read_bytes()
    assert main(["export-json", str(demo), "-o", str(demo)]) == 1
    assert_one_line_error(capsys.readouterr().err, "session file itself")
    assert demo.read_bytes() == before


def test_export_json_into_a_missing_folder(demo, tmp_path, capsys):
    out = tmp_path / "nowhere" / "x.json"
    assert main(["export-json", str(demo), "-o", str(out)]) == 1
    assert_one_line_error(capsys.readouterr().err, str(out), "does not exist")
    assert not out.parent.exists()


def test_import_json_round_trip_through_the_cli(cli, demo, tmp_path):
    exported = tmp_path / "salon.json"
    assert cli("export-json", demo, "-o", exported).returncode == 0
    imported = tmp_path / "again.cocreate"
    result = cli("import-json", exported, "-o", imported)
    assert result.returncode == 0, result.stderr
    assert export_json(imported) == exported.read_text(encoding="utf-8")
    info = cli("info", imported)
    assert info.returncode == 0 and "Morning Bean" in info.stdout


def test_import_json_from_stdin(demo, tmp_path, monkeypatch, capsys):
    data = export_json(demo).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    out = tmp_path / "piped.cocreate"
    assert main(["import-json", "-", "-o", str(out)]) == 0, capsys.readouterr().err
    assert export_json(out) == data.decode("utf-8")


def test_exports_work_while_the_app_has_the_session_open(demo, tmp_path, capsys):
    store = SessionFile.open(demo)  # writable and locked, as the app holds it
    try:
        assert not store.read_only
        assert main(["export-json", str(demo), "-o", str(tmp_path / "live.json")]) == 0
        assert main(["export-csv", str(demo), "-o", str(tmp_path / "live-csv")]) == 0
    finally:
        store.close()
    assert capsys.readouterr().err == ""


def test_import_json_refuses_an_existing_output(demo, tmp_path, capsys):
    exported = tmp_path / "salon.json"
    exported.write_text(export_json(demo), encoding="utf-8")
    before = demo.read_bytes()
    assert main(["import-json", str(exported), "-o", str(demo)]) == 1
    assert_one_line_error(capsys.readouterr().err, str(demo), "already exists")
    assert demo.read_bytes() == before


def _json_truncated(path: Path, demo: Path) -> None:
    text = export_json(demo)
    path.write_text(text[: len(text) // 2], encoding="utf-8")


def _with_emotion(text: str, emotion: int) -> str:
    data = json.loads(text)
    data["journeys"][0]["touchpoints"][0]["emotion"] = emotion
    return json.dumps(data)


BAD_JSON = {
    "missing": (lambda path, demo: None, "No such file"),
    "truncated": (_json_truncated, "not valid JSON"),
    "foreign JSON": (
        lambda path, demo: path.write_text('{"cards": []}', encoding="utf-8"),
        "format: required key is missing",
    ),
    "a session file given as JSON": (
        lambda path, demo: path.write_bytes(demo.read_bytes()),
        "not UTF-8 text",
    ),
    "wrong emotion": (
        lambda path, demo: path.write_text(_with_emotion(export_json(demo), 3), encoding="utf-8"),
        "journeys[0].touchpoints[0].emotion: must be an integer from -2 to 2",
    ),
    "a folder": (lambda path, demo: path.mkdir(), "folder"),
}


@pytest.mark.parametrize("kind", list(BAD_JSON))
def test_import_json_of_bad_input_gives_one_line_and_no_file(kind, demo, tmp_path, capsys):
    make, words = BAD_JSON[kind]
    source = tmp_path / "input.json"
    make(source, demo)
    out = tmp_path / "new.cocreate"
    assert main(["import-json", str(source), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert_one_line_error(captured.err, "cocreate import-json: ", str(source), words)
    assert captured.out == ""
    assert not out.exists()
    assert leftovers(tmp_path, "input.json", "demo.cocreate") == set()


def test_import_json_syntax_error_names_the_line_and_column(cli, tmp_path):
    source = tmp_path / "broken.json"
    source.write_text('{\n  "format": "cocreate-session",\n  "version": 1,\n}', encoding="utf-8")
    out = tmp_path / "new.cocreate"
    result = cli("import-json", source, "-o", out)
    assert result.returncode == 1
    assert_one_line_error(result.stderr, str(source), "line 4, column 1")
    assert not out.exists()


# -- export-pdf: the wiring to cocreate.export.pdf.export_pdf ----------------------------------


@pytest.fixture
def fake_pdf(monkeypatch):
    """A stand-in for cocreate.export.pdf that records its calls and writes a tiny file."""
    calls: list[dict] = []
    module = types.ModuleType("cocreate.export.pdf")

    def export_pdf(session, out, *, paper="A3", landscape=True, journeys=None, progress=None):
        calls.append(
            {"session": session, "paper": paper, "landscape": landscape, "journeys": journeys}
        )
        if paper == "disk-full":  # the real exporter writes beside OUT: OUT stays as it was
            raise OSError(28, "No space left on device")
        Path(out).write_bytes(b"%PDF-1.4 tiny")

    module.export_pdf = export_pdf
    monkeypatch.setitem(sys.modules, "cocreate.export.pdf", module)
    return calls


def test_export_pdf_passes_its_defaults(fake_pdf, demo, tmp_path, capsys):
    out = tmp_path / "blueprint.pdf"
    assert main(["export-pdf", str(demo), "-o", str(out)]) == 0, capsys.readouterr().err
    assert fake_pdf == [{"session": demo, "paper": "A3", "landscape": True, "journeys": None}]
    assert out.read_bytes().startswith(b"%PDF")
    assert leftovers(tmp_path, "blueprint.pdf", "demo.cocreate") == set()


def test_export_pdf_passes_paper_journeys_and_portrait(fake_pdf, demo, tmp_path):
    out = tmp_path / "blueprint.pdf"
    argv = ["export-pdf", str(demo), "-o", str(out), "--paper", "A4", "--portrait"]
    argv += ["--journey", "会员忠诚旅程 Member loyalty journey", "--journey", "Other"]
    assert main(argv) == 0
    assert fake_pdf[0]["paper"] == "A4" and fake_pdf[0]["landscape"] is False
    assert fake_pdf[0]["journeys"] == ["会员忠诚旅程 Member loyalty journey", "Other"]


def test_export_pdf_write_error_is_one_line(fake_pdf, demo, tmp_path, capsys):
    out = tmp_path / "blueprint.pdf"
    assert main(["export-pdf", str(demo), "-o", str(out), "--paper", "disk-full"]) == 1
    assert_one_line_error(capsys.readouterr().err, "cocreate export-pdf: ",
                          "No space left on device")
    assert not out.exists()


@pytest.mark.parametrize(
    "extra, words",
    [
        (["--paper", "B9"], "B9"),
        (["--journey", "Nope"], "Nope"),
    ],
)
def test_export_pdf_errors_leave_no_file(demo, tmp_path, capsys, extra, words):
    """The real exporter: a bad paper size or journey name writes nothing at all."""
    out = tmp_path / "blueprint.pdf"
    assert main(["export-pdf", str(demo), "-o", str(out), *extra]) == 1
    assert_one_line_error(capsys.readouterr().err, "cocreate export-pdf: ", words)
    assert not out.exists()
    assert leftovers(tmp_path, "demo.cocreate") == set()


def test_export_pdf_keeps_an_older_pdf_when_it_fails(demo, tmp_path):
    out = tmp_path / "blueprint.pdf"
    out.write_bytes(b"%PDF older")
    assert main(["export-pdf", str(demo), "-o", str(out), "--paper", "B9"]) == 1
    assert out.read_bytes() == b"%PDF older"


def test_export_pdf_bad_session_never_reaches_the_exporter(fake_pdf, tmp_path, capsys):
    session = tmp_path / "missing.cocreate"
    assert main(["export-pdf", str(session), "-o", str(tmp_path / "x.pdf")]) == 1
    assert_one_line_error(capsys.readouterr().err, str(session), "does not exist")
    assert fake_pdf == []


def test_export_pdf_with_the_real_exporter(cli, demo, tmp_path):
    pytest.importorskip("cocreate.export.pdf")
    out = tmp_path / "blueprint.pdf"
    result = cli("export-pdf", demo, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    bad = cli("export-pdf", demo, "-o", tmp_path / "x.pdf", "--paper", "B9")
    assert bad.returncode == 1
    assert_one_line_error(bad.stderr, "cocreate export-pdf: ")
    assert not (tmp_path / "x.pdf").exists()
