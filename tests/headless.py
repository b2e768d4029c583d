"""What the Qt-free parts do in a plain Python process: one child process per test run makes
every check, instead of one process per test (each start imports cocreate anew: about 2 s).

Each check runs in turn; after each the child notes the Qt modules loaded so far. A check that
imports Qt shows them, and so does every check after it (never a false all-clear)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

#: The checks: Python code run in the child, in this order (FOLDER is a folder to write in).
CHECKS: dict[str, str] = {
    "headless modules": (
        "import cocreate.cli, cocreate.store.summary, cocreate.store.recovery, cocreate.templates"
    ),
    "pdf exporter": "import cocreate.export.pdf, cocreate.analysis",
    "paste check": "import cocreate.canvas.clipboard",
    "demo": "from cocreate.demo import write_demo; write_demo(FOLDER / 'q.cocreate')",
}

CHILD = textwrap.dedent(
    """
    import json, sys, traceback
    from pathlib import Path

    FOLDER = Path(sys.argv[1])
    checks = json.loads(sys.argv[2])
    seen = {}
    for name, code in checks.items():
        try:
            exec(code, {"FOLDER": FOLDER})
        except Exception:
            seen[name] = traceback.format_exc()
            continue
        seen[name] = sorted(m for m in sys.modules if m.split(".")[0] == "PySide6")
    print(json.dumps(seen))
    """
)


def run_checks(folder: Path) -> dict[str, list[str] | str]:
    """Each check's Qt modules loaded once it ran (none: it needs no Qt), or its traceback."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), json.dumps(CHECKS)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=120,
    )
    return json.loads(done.stdout)
