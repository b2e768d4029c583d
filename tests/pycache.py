"""Compiled modules kept outside the tree, in the temp folder, where PYTHONDONTWRITEBYTECODE is
set (as on the team's machine). Without it every fresh Python compiles cocreate, SQLAlchemy,
reportlab and pytest anew from source: 3 to 4 s of CPU for a test's child process or an xdist
worker, and a fresh process's first PDF paid twice the exporter's import (1.85-1.9 s against
0.84-0.98 s with the compiled modules). An installed app runs from compiled modules.

The variable keeps __pycache__ folders out of the tree; a prefix does that too. A
PYTHONPYCACHEPREFIX of one's own is kept."""

import getpass
import os
import sys
import tempfile


def keep_compiled_modules() -> None:
    """This process and the processes it starts keep compiled modules under the temp folder's
    `cocreate-pycache-USER`, where the environment said to write none."""
    if os.environ.get("PYTHONDONTWRITEBYTECODE") and not os.environ.get("PYTHONPYCACHEPREFIX"):
        os.environ["PYTHONPYCACHEPREFIX"] = sys.pycache_prefix = os.path.join(
            tempfile.gettempdir(), f"cocreate-pycache-{getpass.getuser()}"
        )
        del os.environ["PYTHONDONTWRITEBYTECODE"]
        sys.dont_write_bytecode = False
