"""Refresh and compile the translations: `uv run python resources/translations/update.py`.

1. pyside6-lupdate collects every tr() text of the package into cocreate_zh_CN.ts (new texts come
   in marked unfinished; texts no longer used are dropped).
2. Translate the unfinished ones (Qt Linguist: `pyside6-linguist`, or any editor).
3. Run this again: pyside6-lrelease compiles the .ts into the .qm that ships in the package.

tests/test_translations.py fails while a text has no Chinese translation or the .qm is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent.parent / "cocreate"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or f"pyside6-{name}"


def sources() -> list[str]:
    return sorted(str(path) for path in PACKAGE.rglob("*.py"))


def lupdate(ts_file: Path) -> None:
    subprocess.run(
        [
            tool("lupdate"), *sources(), "-locations", "none", "-no-obsolete",
            "-target-language", ts_file.stem.removeprefix("cocreate_"), "-ts", str(ts_file),
        ],
        check=True,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("lrelease"), str(ts_file), "-qm", str(qm_file)], check=True)


def main() -> None:
    for language in LANGUAGES:
        ts_file = HERE / f"cocreate_{language}.ts"
        lupdate(ts_file)
        lrelease(ts_file, HERE / f"cocreate_{language}.qm")


if __name__ == "__main__":
    main()
