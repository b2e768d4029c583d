"""Entry point: `cocreate` (or `python -m cocreate`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from cocreate.cli import COMMANDS, build_parser, run_command


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        return run_command(args)
    options = build_parser().parse_args(args)
    from cocreate.ui.app import run_app

    return run_app(path=options.path, demo=options.demo)


if __name__ == "__main__":
    sys.exit(main())
