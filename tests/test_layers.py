"""The layers of the code import only downwards (see "Layout of the code" in the README):
checked by the import-linter contracts in pyproject.toml, plus a scan of the canvas and the UI
for any way round the document to the session file."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # import-linter and a fresh interpreter

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cocreate"


def test_import_contracts_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_headless_modules_run_without_qt(headless):
    """The CLI's headless path, the store and the model import no Qt in a plain process."""
    _folder, loaded = headless
    assert loaded["headless modules"] == []


def reaches_for_the_store(path: Path) -> list[str]:
    """Where a module imports cocreate.store (in any spelling) or reads a `.store` attribute."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            names = [module] + [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Attribute) and node.attr == "store":
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} .store")
            continue
        else:
            continue
        if any("store" in name.split(".") for name in names):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {', '.join(names)}")
    return found


def test_the_canvas_and_the_ui_reach_the_file_only_through_the_document():
    """No module of cocreate/canvas or cocreate/ui imports the store or reads document.store:
    every read and write goes through the document's methods."""
    modules = sorted((PACKAGE / "canvas").rglob("*.py")) + sorted((PACKAGE / "ui").rglob("*.py"))
    assert len(modules) > 20
    found = [place for path in modules for place in reaches_for_the_store(path)]
    assert found == []


def test_a_row_is_declared_once():
    """`Row` (a row as a dict) is declared in cocreate.records only; every other module
    imports it from there."""
    declared = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8"), str(path)).body:
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AnnAssign):
                targets = [node.target]
            else:
                continue
            if any(isinstance(target, ast.Name) and target.id == "Row" for target in targets):
                declared.append(str(path.relative_to(ROOT)))
    assert declared == ["cocreate/records.py"]
