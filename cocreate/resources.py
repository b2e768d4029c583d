"""Files shipped with cocreate: translations and the demo session data.

They live in the top-level resources/ folder of the source tree, which the wheel carries as
cocreate/resources. No Qt here: the headless commands read them too.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    packaged = Path(str(files("cocreate"))) / "resources"
    base = packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "resources"
    return base.joinpath(*parts)
